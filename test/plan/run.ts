/** Run the action adapter or the CLI from the TypeScript sources (Node 24 type stripping + ts-hooks.mjs), as a process. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOOKS = path.join(REPO, 'test/harness/ts-hooks.mjs');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', HOOKS];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parse a GITHUB_OUTPUT file written by @actions/core (`name<<delimiter` heredocs). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const m = /^([^<=]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]);
    if (!m) throw new Error(`unexpected GITHUB_OUTPUT line ${i + 1}: ${JSON.stringify(lines[i])}`);
    const value: string[] = [];
    i++;
    while (i < lines.length && lines[i] !== m[2]) value.push(lines[i++]);
    if (i >= lines.length) throw new Error(`unterminated output ${m[1]}`);
    if (m[1] in out) throw new Error(`output ${m[1]} written twice`);
    out[m[1]] = value.join('\n');
  }
  return out;
}

export interface ActionRun extends Run {
  outputs: Record<string, string>;
  rawOutputs: string;
  summary: string;
}

/** Run actions/helm-upgrade-jobs/main.ts with `inputs` (names as in action.yml) in a fresh runner-like environment. */
export function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}, files: { output: string; summary: string }): ActionRun {
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))) as Record<string, string>;
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'actions/helm-upgrade-jobs/main.ts')], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...base, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, ...inputEnv, ...env },
  });
  const raw = readFileSync(files.output, 'utf8');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, rawOutputs: raw, outputs: parseOutputFile(raw), summary: readFileSync(files.summary, 'utf8') };
}
