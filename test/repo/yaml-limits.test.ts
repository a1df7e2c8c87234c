/**
 * Hostile YAML (issue 10 items 10 and 11): an alias bomb, a huge map, a duplicate key among many, an oversized file.
 * Each is one located DeployerError naming the file; none hangs or escapes as a bare exception.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeployerError } from '../../src/shared/errors.js';
import { MAX_YAML_BYTES, parseYaml, readYamlFile } from '../../src/shared/yaml/index.js';

function errorOf(fn: () => unknown): DeployerError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeployerError);
    return e as DeployerError;
  }
  throw new Error('expected a DeployerError');
}

const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`))
  .join('\n');

describe('hostile YAML is one located error', () => {
  it('an alias bomb: located at the first alias, the file named (before: a bare "Excessive alias count" that aborted the run)', () => {
    const e = errorOf(() => parseYaml(BOMB + '\n', 'config/clusters/x/cluster.yaml'));
    expect(e.file).toBe('config/clusters/x/cluster.yaml');
    expect(e.message).toMatch(/aliases expand too far/);
    expect([e.line, e.col]).toEqual([2, 8]);
  });

  it('a duplicate key among 100,000 keys is found in linear time and located (before: quadratic, minutes)', () => {
    // an anchor sends the text to the full parser (the fast reader declines anchors)
    const lines = ['anchor: &x 1'];
    for (let i = 0; i < 100_000; i++) lines.push(`key${i}: ${i}`);
    lines.push('key500: again');
    const e = errorOf(() => parseYaml(lines.join('\n') + '\n', 'big.yaml'));
    expect(e.message).toBe('YAML syntax error: duplicate key `key500` (first at line 502)');
    expect([e.file, e.line, e.col]).toEqual(['big.yaml', 100_002, 1]);
  }, 60_000);

  it('a duplicate key on the fast path is located too', () => {
    const e = errorOf(() => parseYaml('name: a\nprovider: gcp\nname: b\n', 'c.yaml'));
    expect([e.message, e.line, e.col]).toEqual(['YAML syntax error: duplicate key `name` (first at line 1)', 3, 1]);
  });

  it('a large map without duplicates parses (fast path and full path agree)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(`k${i}: v${i}`);
    const fast = parseYaml(lines.join('\n'), 'a.yaml').value as Record<string, string>;
    const full = parseYaml(['x: &x 1', ...lines].join('\n'), 'b.yaml').value as Record<string, string>;
    expect(Object.keys(fast)).toHaveLength(20_000);
    expect(full.k19999).toBe('v19999');
    expect(fast.k19999).toBe('v19999');
  }, 60_000);

  it('a file over the size limit is refused before it is read, located at line 1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yaml-limit-'));
    try {
      const f = path.join(dir, 'huge.values.yaml');
      writeFileSync(f, 'a: ' + 'x'.repeat(MAX_YAML_BYTES) + '\n');
      const e = await readYamlFile(f, 'config/clusters/c/huge.values.yaml').catch((x) => x);
      expect(e).toBeInstanceOf(DeployerError);
      expect([e.file, e.line, e.col]).toEqual(['config/clusters/c/huge.values.yaml', 1, 1]);
      expect(e.message).toMatch(/larger than the 16 MiB limit/);
      expect(() => parseYaml('a: ' + 'x'.repeat(MAX_YAML_BYTES), 't.yaml')).toThrow(/larger than the 16 MiB limit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a syntax error is still located, and positions of a fast-parsed file are exact', () => {
    const e = errorOf(() => parseYaml('a: 1\nb: [x\n', 's.yaml'));
    expect(e.line).toBeGreaterThanOrEqual(2);
    const y = parseYaml('name: c\nhubs:\n  - name: h\n    domain: d\n', 'p.yaml');
    expect(y.locate(['hubs', 0, 'domain'])).toEqual({ line: 4, col: 13 });
    expect(y.locateKey(['hubs', 0, 'domain'])).toEqual({ line: 4, col: 5 });
  });
});
