/**
 * The fast YAML reader (src/shared/yaml/fast.ts) against the `yaml` package: on every text it accepts it must return
 * exactly what the `yaml` package returns (YAML 1.2 core schema), and it must decline every text the `yaml` package
 * refuses. Differential over a few thousand generated documents (seeded, so a failure reproduces), plus hand-picked
 * edge cases, plus: every real-shaped cluster.yaml (fixtures, examples) takes the fast path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { fastParse } from '../../src/shared/yaml/fast.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return { ok: false };
  return { ok: true, value: doc.toJS() };
}

function agree(text: string): void {
  const fast = fastParse(text);
  if (fast === undefined) return; // declined: the yaml package handles it
  const ref = reference(text);
  if (!ref.ok) throw new Error(`fast reader accepted a text the yaml package refuses:\n${text}`);
  try {
    expect(fast).toStrictEqual(ref.value);
  } catch (e) {
    throw new Error(`fast reader disagrees with the yaml package on:\n${text}\n${(e as Error).message}`);
  }
}

/** A small seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = [
  'a', 'staging', 'hub-1', 'x.values.yaml', 'https://example.org/a?b=c#d', 'a b c', 'a, b', 'a]b', 'a#b', 'a #b', '-1', '+1', '0', '007', '1.', '.5', '1.5e3',
  '1e3', '1_000', '0o17', '0x1F', '0b1', '.inf', '-.Inf', '.nan', 'NaN', 'inf', 'true', 'True', 'TRUE', 'tRue', 'yes', 'no', 'on', 'off', 'null', 'Null',
  'NULL', '~', '', '2024-01-01', '2024.01.0', '1.2.3', '"quoted"', '"a: b"', '"a \\" b"', '"a\\nb"', "'single'", "'it''s'", "''", '""', '"#not a comment"',
  '[]', '[a, b]', '[1, 2.5, true, null]', '[a, ]', '[a: b]', '["a"]', '{}', '{a: 1}', '&anchor a', '*alias', '!!str 1', '|', '>', '- x', '-x', '--x', '?x',
  ':x', 'a: b', 'a:', '%x', '@x', '`x', 'café', '日本', 'a\tb', 'a # comment', '"a" # comment', "'a' #c", '"a"b', '"unclosed', "'unclosed", 'x:y',
];
const KEYS = ['name', 'hubs', 'a', 'b', 'helm_chart_values_files', '2i2c', 'k.with.dots', 'k/slash', 'k-dash', '1', '1.5', 'true', 'null', '~', '"quoted"', 'a b', '__proto__', '<<', 'a', 'name'];

function generate(r: () => number, depth: number, indent: number, scalars = SCALARS): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  const seq = r() < 0.3;
  for (let i = 0; i < n; i++) {
    if (r() < 0.1) lines.push(pad + pick(['# comment', '', '   ', '#']));
    const lead = seq ? '- ' : `${pick(KEYS)}:${r() < 0.5 ? ' ' : '  '}`;
    const nest = depth < 3 && r() < 0.4;
    if (nest) {
      if (seq && r() < 0.5) {
        // `- key: value` with the rest of the mapping aligned after the dash
        const inner = generate(r, depth + 1, indent + 2, scalars).filter((l) => l.trim() !== '' && !l.trim().startsWith('-'));
        if (inner.length && /^\s*[^#\s]/.test(inner[0])) {
          lines.push(pad + '- ' + inner[0].slice(indent + 2), ...inner.slice(1));
          continue;
        }
      }
      lines.push(pad + lead.trimEnd() + (r() < 0.1 ? ' # c' : ''));
      const childIndent = indent + (r() < 0.15 ? 0 : r() < 0.8 ? 2 : 4);
      lines.push(...generate(r, depth + 1, childIndent, scalars));
    } else {
      lines.push(pad + lead + pick(scalars) + (r() < 0.1 ? ' # trailing' : '') + (r() < 0.05 ? '  ' : ''));
      if (r() < 0.03) lines.push(pad + '  continued');
    }
  }
  return lines;
}

describe('fast YAML reader agrees with the yaml package', () => {
  it('on 4,000 generated documents (seeded)', () => {
    const r = rng(20261201);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const text = generate(r, 0, 0).join('\n') + (r() < 0.5 ? '\n' : '');
      agree(text);
      if (fastParse(text) !== undefined) accepted++;
    }
    // the generator must exercise the fast path, not only the fallback
    expect(accepted).toBeGreaterThan(300);
  });

  it('on 2,000 generated documents of the scalars it accepts (seeded): structure exercised', () => {
    const r = rng(7);
    const safe = SCALARS.filter((s) => fastParse(`k: ${s}\n`) !== undefined);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const text = generate(r, 0, 0, safe).join('\n') + '\n';
      agree(text);
      if (fastParse(text) !== undefined) accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
  });

  it.each([
    ['a: 1\na: 2\n'],
    ['a:\n  b: 1\n c: 2\n'],
    ['- a: 1\n  b: 2\n- c\n'],
    ['- a: 1\n b: 2\n'],
    ['a:\n- 1\n- 2\nb: 3\n'],
    ['a: 1\n- 2\n'],
    ['a:\n  - x\n  -\n  - y\n'],
    ['key: value\n  more\n'],
    ['---\na: 1\n'],
    ['a: 1\n...\n'],
    ['%YAML 1.2\n---\na: 1\n'],
    ['a: &x 1\nb: *x\n'],
    ['a: |\n  text\n'],
    ['a: "x\n  y"\n'],
    ['a: 1\r\nb: 2\r\n'],
    ['\uFEFFa: 1\n'],
    ['a:\tb\n'],
    ['   a: 1\n   b: 2\n'],
    ['a: [b, c]  # list\n'],
    [`${'k'.repeat(1100)}: 1\n`],
    ['a: - b\n'],
    ['"a": 1\n'],
  ])('%j', (text) => {
    agree(text);
  });

  it('declines what the yaml package refuses, and duplicate keys (reported, located, by the full parse)', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [b\n', 'a: "b\n', '- a\nb: 1\n', 'a: b: c\n', 'a:\n  b: 1\n c: 2\n']) {
      expect(fastParse(text)).toBeUndefined();
    }
  });
});

describe('real-shaped files take the fast path', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'cluster.yaml') files.push(p);
    }
  };
  walk(path.join(here, 'fixtures/valid'));
  walk(path.join(here, '../../examples/infrastructure/config/clusters'));
  it.each(files.map((f) => [path.relative(path.join(here, '../..'), f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = fastParse(text);
    expect(fast).not.toBeUndefined();
    agree(text);
  });
});
