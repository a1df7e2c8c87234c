/**
 * The command line from the sources (src/cli.ts), as a user types it: usage errors are one line naming the flag and
 * the accepted form (exit 2), and one argument style everywhere (lists as `a b` or `a,b`, `--`, `-`, the repo root
 * found from a subdirectory).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runCliSource } from '../harness/run-source.js';

const example = path.join(REPO, 'examples/infrastructure');
const env = () => {
  const e = { ...process.env };
  delete e.DEPLOYER_CONFIG_ROOT;
  delete e.GITHUB_ACTIONS;
  return e;
};

describe('a bad number is one line naming the flag and the accepted form, exit 2', () => {
  it.each([
    [['deploy', 'c', '--timeout', '10m'], '--timeout <seconds>', '10m', /whole number of seconds, 1 or more/],
    [['deploy', 'c', '--parallelism', 'abc'], '--parallelism <n>', 'abc', /whole number of hubs, 1 or more/],
    [['deploy', 'c', '--parallelism', '-1'], '--parallelism <n>', '-1', /whole number of hubs/],
    [['deploy', 'c', '--timeout=1.5'], '--timeout <seconds>', '1.5', /whole number of seconds/],
    [['deploy-support', 'c', '--timeout', '0'], '--timeout <seconds>', '0', /1 or more/],
    [['run-hub-health-check', 'c', 'h', '--attempts', 'abc'], '--attempts <n>', 'abc', /whole number of attempts/],
    [['run-hub-health-check', 'c', 'h', '--attempt-timeout', '5m'], '--attempt-timeout <seconds>', '5m', /whole number of seconds/],
  ])('%j', (args, flag, value, form) => {
    const r = runCliSource(args, os.tmpdir(), env());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag);
    expect(lines[0]).toContain(`'${value}'`);
    expect(lines[0]).toMatch(form);
  });

  it('other usage errors are one line too', () => {
    const r = runCliSource(['frobnicate'], os.tmpdir(), env());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: unknown command 'frobnicate'/)]);
  });
});

