/**
 * fnmatchcase: Python semantics, checked against a table (with the differences from glob spelled out) and
 * differentially against the real Python `fnmatch.fnmatchcase` on many pattern/name pairs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { fnmatchcase, isLiteralPattern } from '../../src/shared/plan/fnmatch.js';

// [pattern, name, fnmatchcase result, what glob (minimatch/bash defaults) would say, why they differ]
const DIFFERENCES_FROM_GLOB: [string, string, boolean, boolean, string][] = [
  ['deployer/*', 'deployer/a/b.py', true, false, '* crosses /'],
  ['helm-charts/basehub/*', 'helm-charts/basehub/templates/a/b.yaml', true, false, '* crosses / (nested templates)'],
  ['helm-charts/*', 'helm-charts/.helmignore', true, false, '* matches a leading dot'],
  ['a/?', 'a//', true, false, '? matches /'],
  ['a/**/b', 'a/b', false, true, '** is just *: it needs the two slashes'],
  ['*.{yaml,yml}', 'x.yaml', false, true, 'no brace expansion'],
  ['*.{yaml,yml}', 'x.{yaml,yml}', true, false, 'braces are literal'],
  ['HELM-CHARTS/*', 'helm-charts/x', false, false, 'case-sensitive (both)'],
  ['[^a]x', '^x', true, false, '[^...] is a class holding ^, not a negation'],
  ['[!a]x', 'bx', true, true, '[!...] negates (both)'],
  ['\\*', '\\x', true, false, 'backslash is an ordinary character, * still a wildcard'],
  ['a[b', 'a[b', true, false, 'an unclosed [ is a literal'],
];

describe('fnmatchcase: the differences from glob', () => {
  test.each(DIFFERENCES_FROM_GLOB)('%s vs %s -> %s (glob: %s; %s)', (pattern, name, expected) => {
    expect(fnmatchcase(name, pattern)).toBe(expected);
  });

  test('the upstream 2023 patterns: helm-charts/images/x triggers nothing', () => {
    const patterns = ['deployer/*', 'requirements.txt', '.github/actions/setup-deploy/*', 'helm-charts/basehub/*', 'helm-charts/daskhub/*', 'helm-charts/binderhub/*', 'helm-charts/support/*'];
    expect(patterns.some((p) => fnmatchcase('helm-charts/images/x', p))).toBe(false);
    expect(patterns.some((p) => fnmatchcase('helm-charts/chartpress.yaml', p))).toBe(false);
    expect(fnmatchcase('deployer/tests/test_x.py', 'deployer/*')).toBe(true);
  });

  test('anchored at both ends', () => {
    expect(fnmatchcase('xdeployer/a', 'deployer/*')).toBe(false);
    expect(fnmatchcase('requirements.txt.bak', 'requirements.txt')).toBe(false);
    expect(fnmatchcase('a\nb', 'a*b')).toBe(true); // `*` also crosses newlines (Python's DOTALL)
  });

  test('literal patterns', () => {
    expect(isLiteralPattern('helm-charts/basehub/values.schema.json')).toBe(true);
    expect(isLiteralPattern('a[b')).toBe(true);
    expect(isLiteralPattern('helm-charts/*')).toBe(false);
    expect(isLiteralPattern('a[bc]')).toBe(false);
  });
});

describe('fnmatchcase: differential against Python', () => {
  const patterns = [
    '*', '?', 'a*', '*a', 'a?c', '[abc]', '[!abc]', '[a-c]x', '[!a-c]', '[z-a]', '[!z-a]', '[]]', '[!]]', '[]-]', '[a-]', '[-a]',
    '[a-c-e]', '[\\]', '[\\-x]', '[&&]', '[~|]', '[^x]', '[[]', '[a', ']', '*.yaml', 'deployer/*', 'helm-charts/*/values.yaml',
    '**/x', 'a/**', '[0-9][0-9]*', '*[!/]', '(a|b)', 'a.b', 'a+b', '$x^', '{a}', 'ü*', '[ä-ü]', '*\u{1F600}', '[\u{1F600}-\u{1F64F}]x',
    '[a-cx-z]', '[!-]', '[--0]', '[a-b-c]', '[b-a-c]',
  ];
  const names = [
    '', 'a', 'b', 'x', 'abc', 'a/c', 'abc/x', 'x/x', ']', '-', '\\', '&', '|', '~', '^', '^x', '[', '[a', 'ax', 'bx', 'dx', 'a.yaml',
    'a/b.yaml', 'deployer/a/b.py', 'helm-charts/basehub/values.yaml', 'helm-charts/values.yaml', '/x', 'x/', 'a/', 'a/b/c', '12ab',
    '1', 'y/', 'a|b', 'a.b', 'axb', 'a+b', '$x^', '{a}', 'über', 'ö', '\u{1F600}', 'z\u{1F600}', '\u{1F610}x', 'c', 'y', '/', '0', '.',
    'a\nb', 'Deployer/x',
  ];

  test('same answers as python3 fnmatch.fnmatchcase', () => {
    const pairs = patterns.flatMap((p) => names.map((n) => [n, p]));
    const script = 'import fnmatch,json,sys\npairs=json.load(sys.stdin)\nprint(json.dumps([fnmatch.fnmatchcase(n,p) for n,p in pairs]))';
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(pairs), encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      throw new Error(`python3 is needed for this differential test (apt-get install python3; .ci/run installs it): ${r.error?.message ?? r.stderr}`);
    }
    const expected = JSON.parse(r.stdout) as boolean[];
    const mismatches = pairs.filter(([n, p], i) => fnmatchcase(n, p) !== expected[i]).map(([n, p]) => `${JSON.stringify(p)} vs ${JSON.stringify(n)}`);
    expect(mismatches).toEqual([]);
    expect(pairs.length).toBeGreaterThan(2000);
  });
});
