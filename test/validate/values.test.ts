/** Which values file set a key, as helm merges them: the answer every located schema finding depends on. */
import type { Finding } from '../../src/shared/findings.js';
import { parseYaml } from '../../src/shared/yaml/index.js';
import { findingsMarkdown } from '../../src/shared/validate/report.js';
import { locateInLayers, mergeValues, ownerOf, type ValuesLayer } from '../../src/shared/validate/values.js';

function layer(file: string, text: string, mount?: string[]): ValuesLayer {
  const y = parseYaml(text, file);
  const value = (y.value ?? {}) as Record<string, unknown>;
  return { display: file, yaml: y, value: mount ? { [mount[0]]: value } : value, mount };
}

describe('mergeValues', () => {
  it('deep-merges maps, replaces lists and scalars, deletes on null', () => {
    expect(mergeValues([{ a: { b: 1, c: [1, 2], d: 'x' } }, { a: { c: [3], d: null, e: true } }])).toEqual({ a: { b: 1, c: [3], e: true } });
  });
});

describe('ownerOf / locateInLayers', () => {
  const defaults = layer('chart/values.yaml', 'a:\n  b: 1\n  list:\n    - x: 1\n');
  const common = layer('common.yaml', 'a:\n  b: 2\n  c: 3\n');
  const hub = layer('hub.yaml', 'z: 1\na:\n  list:\n    - y: 2\n');

  it('the last file that sets the key wins', () => {
    expect(ownerOf([defaults, common, hub], ['a', 'b'])?.layer.display).toBe('common.yaml');
    expect(locateInLayers([defaults, common, hub], ['a', 'b'])).toEqual({ file: 'common.yaml', pos: { line: 2, col: 6 } });
    expect(locateInLayers([defaults, common, hub], ['a', 'b'], true)).toEqual({ file: 'common.yaml', pos: { line: 2, col: 3 } });
  });

  it('a list is owned whole by the last file that sets it (helm never merges lists)', () => {
    expect(ownerOf([defaults, common, hub], ['a', 'list', 0, 'x'])?.layer.display).toBe('hub.yaml');
  });

  it('a key no file sets is placed at its deepest ancestor, in the last file that sets that', () => {
    expect(locateInLayers([defaults, common, hub], ['a', 'missing'])).toEqual({ file: 'hub.yaml', pos: { line: 3, col: 3 } });
    expect(ownerOf([defaults, common, hub], [])?.layer.display).toBe('hub.yaml');
  });

  it('a mounted layer (a subchart default) answers in its own coordinates', () => {
    const sub = layer('basehub/values.yaml', 'x:\n  y: 1\n', ['basehub']);
    expect(locateInLayers([sub, common], ['basehub', 'x', 'y'])).toEqual({ file: 'basehub/values.yaml', pos: { line: 2, col: 6 } });
  });
});

describe('findingsMarkdown', () => {
  it('groups by file and keeps table cells intact', () => {
    const f = (file: string, line: number, message: string): Finding => ({ file, line, col: 1, path: '/a', message, severity: 'error' });
    const md = findingsMarkdown([f('b.yaml', 3, 'x | y <script>'), f('a.yaml', 9, 'late'), f('a.yaml', 2, 'early')], { scope: 'c1' });
    expect(md).toContain('**3 errors, 0 warnings** in 2 file(s).');
    expect(md.indexOf('### `a.yaml`')).toBeLessThan(md.indexOf('### `b.yaml`'));
    expect(md.indexOf('| 2:1 |')).toBeLessThan(md.indexOf('| 9:1 |'));
    expect(md).toContain('x \\| y &lt;script&gt;');
  });
});
