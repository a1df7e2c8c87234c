/**
 * Run an action's main.ts or the CLI from the TypeScript sources as a process (Node 24 type stripping plus
 * test/harness/ts-hooks.mjs), in a runner-like environment: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, no inherited INPUT_/GITHUB_ variables.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(REPO, 'test/harness/ts-hooks.mjs')];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ActionRun extends Run {
  outputs: Record<string, string>;
  rawOutputs: string;
  summary: string;
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

/** Run actions/<action>/main.ts with `inputs` (names as in action.yml). `files` defaults to fresh temp files. */
export function runActionSource(
  action: string,
  workspace: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  files?: { output: string; summary: string },
  timeoutMs = 300_000,
): ActionRun {
  const tmp = files ? undefined : mkdtempSync(path.join(os.tmpdir(), 'action-run-'));
  const f = files ?? { output: path.join(tmp!, 'output'), summary: path.join(tmp!, 'summary') };
  if (!files) {
    writeFileSync(f.output, '');
    writeFileSync(f.summary, '');
  }
  try {
    const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
    const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'actions', action, 'main.ts')], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...base, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: f.output, GITHUB_STEP_SUMMARY: f.summary, ...inputEnv, ...env },
    });
    const raw = readFileSync(f.output, 'utf8');
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, rawOutputs: raw, outputs: parseOutputFile(raw), summary: readFileSync(f.summary, 'utf8') };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Run src/cli.ts with `args` in `cwd` without blocking this process: use it when the CLI talks to a fake server that
 * runs inside the test process (a spawnSync would deadlock it). `NO_COLOR=1` is set; `env` is the whole environment.
 */
export function runCliSourceAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000): Promise<Run> {
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Run src/cli.ts with `args` in `cwd`. */
export function runCliSource(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same as runActionSource, without blocking this process: use it when the action talks to a server that runs
 * inside the test process (the fake Kubernetes API server, a fake GitHub API).
 */
export async function runActionSourceAsync(
  action: string,
  workspace: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 300_000,
): Promise<ActionRun> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'action-run-'));
  const f = { output: path.join(tmp, 'output'), summary: path.join(tmp, 'summary') };
  writeFileSync(f.output, '');
  writeFileSync(f.summary, '');
  try {
    const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
    const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'actions', action, 'main.ts')], {
      cwd: workspace,
      env: { ...base, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: f.output, GITHUB_STEP_SUMMARY: f.summary, ...inputEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    const raw = readFileSync(f.output, 'utf8');
    return { code, stdout, stderr, rawOutputs: raw, outputs: parseOutputFile(raw), summary: readFileSync(f.summary, 'utf8') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
