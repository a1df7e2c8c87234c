// The CLI command and the action, run as processes from the TypeScript sources (Node 24 type stripping), against a
// real JupyterHub: exit codes, stdout/stderr, the `result` output, the job summary, and the token never printed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOutputFile } from '../plan/run.js';
import { jupyterhubMissing, startJupyterHub, type LocalHub } from '../harness/jupyterhub.js';
import { expectNothingLeft, writeNotebook } from './helpers.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(REPO, 'test/harness/ts-hooks.mjs')];
const missing = jupyterhubMissing();
if (missing) throw new Error(`the health-check tests need a real JupyterHub: ${missing}`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn (not spawnSync: the hub's log pipes must keep flowing while the child runs). */
function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, file, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const baseEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))) as NodeJS.ProcessEnv;

let hub: LocalHub;
let work: string;
beforeAll(async () => {
  hub = await startJupyterHub();
  work = mkdtempSync(path.join(os.tmpdir(), 'health-entry-'));
});
afterAll(async () => {
  await hub?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  await expectNothingLeft(hub);
});

describe('deployer run-hub-health-check', () => {
  const cli = path.join(REPO, 'src/cli.ts');

  it('--hub-url with --api-token-env: passes, verdict and timings on stdout, steps on stderr, exit 0', async () => {
    const r = await run(cli, ['run-hub-health-check', '--hub-url', hub.url, '--api-token-env', 'HUB_TOKEN', '--attempts', '1'], { ...baseEnv(), HUB_TOKEN: hub.token }, work);
    expect(r.stderr).toContain('server ready in');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hub 127\.0\.0\.1:\d+ is healthy: simple\.ipynb ran without error \(1 attempt, [\d.]+ s\)\n/);
    expect(r.stdout).toMatch(/^attempt +result +hub response +spawn +kernel start +notebook simple\.ipynb +cleanup +total$/m);
    expect(r.stdout + r.stderr).not.toContain(hub.token);
  });

  it('--notebook adds a notebook; a failing cell exits 1 and --json prints the result object', async () => {
    writeNotebook(path.join(work, 'nb'), 'ours.ipynb', ['import json', 'json.loads("{oops")']);
    const r = await run(
      cli,
      ['run-hub-health-check', '--hub-url', hub.url, '--api-token-env', 'HUB_TOKEN', '--notebook', 'nb/ours.ipynb', '--attempts', '2', '--attempt-timeout', '60', '--json'],
      { ...baseEnv(), HUB_TOKEN: hub.token },
      work,
    );
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ status: 'failed', classification: 'notebook-error', hub_type: 'basehub', notebooks: ['simple.ipynb', 'ours.ipynb'] });
    expect(result.attempts).toHaveLength(2);
    expect(result.message).toMatch(/^cell 3 of ours\.ipynb \(`json\.loads\("\{oops"\)`\) raised JSONDecodeError: /);
    expect(r.stdout + r.stderr).not.toContain(hub.token);
  });

  it('usage errors exit 2 before anything touches the hub', async () => {
    const noVar = await run(cli, ['run-hub-health-check', '--hub-url', hub.url, '--api-token-env', 'NOT_SET_ANYWHERE'], baseEnv(), work);
    expect(noVar.code).toBe(2);
    expect(noVar.stderr).toContain('the environment variable NOT_SET_ANYWHERE is not set or empty');
    const noToken = await run(cli, ['run-hub-health-check', '--hub-url', hub.url], baseEnv(), work);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('--hub-url needs --api-token-env VAR');
    const badNotebook = await run(cli, ['run-hub-health-check', '--hub-url', hub.url, '--api-token-env', 'HUB_TOKEN', '--notebook', 'missing.ipynb'], { ...baseEnv(), HUB_TOKEN: hub.token }, work);
    expect(badNotebook.code).toBe(1);
    expect(badNotebook.stderr).toContain('cannot read notebook missing.ipynb: ENOENT');
  });
});

describe('the health-check action', () => {
  const main = path.join(REPO, 'actions/health-check/main.ts');
  function files() {
    const output = path.join(work, `out-${Math.random().toString(36).slice(2)}`);
    const summary = output + '.md';
    writeFileSync(output, '');
    writeFileSync(summary, '');
    return { output, summary };
  }
  const inputEnv = (inputs: Record<string, string>) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

  it('hub-url + api-token: the result output, status, classification and a summary with per-step timings', async () => {
    const f = files();
    const r = await run(main, [], { ...baseEnv(), GITHUB_WORKSPACE: work, GITHUB_OUTPUT: f.output, GITHUB_STEP_SUMMARY: f.summary, ...inputEnv({ 'hub-url': hub.url, 'api-token': hub.token, attempts: '1' }) }, work);
    expect(r.code).toBe(0);
    const out = parseOutputFile(readFileSync(f.output, 'utf8'));
    expect(out.status).toBe('passed');
    expect(out.classification).toBe('');
    const result = JSON.parse(out.result);
    expect(result).toMatchObject({ status: 'passed', hub_url: hub.url, attempts: [{ attempt: 1, status: 'passed' }] });
    const summary = readFileSync(f.summary, 'utf8');
    expect(summary).toContain('Health check of 127.0.0.1');
    expect(summary).toMatch(/\| attempt \| result \| hub response \| spawn \| kernel start \| notebook simple\.ipynb \| cleanup \| total \|/);
    expect(r.stdout).toContain(`::add-mask::${hub.token}`);
    expect(r.stdout.replaceAll(`::add-mask::${hub.token}`, '') + readFileSync(f.output, 'utf8') + summary).not.toContain(hub.token);
  });

  it('a failure: the step fails, the summary names the classification, the cell and its traceback', async () => {
    writeNotebook(path.join(work, 'health'), 'fails.ipynb', ['assert 1 + 1 == 3, "arithmetic is broken"']);
    const f = files();
    const r = await run(
      main,
      [],
      { ...baseEnv(), GITHUB_WORKSPACE: work, GITHUB_OUTPUT: f.output, GITHUB_STEP_SUMMARY: f.summary, ...inputEnv({ 'hub-url': hub.url, 'api-token': hub.token, attempts: '1', notebooks: 'health/fails.ipynb' }) },
      work,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::health-check: hub 127.0.0.1');
    expect(r.stdout).toContain('notebook-error: cell 2 of fails.ipynb (`assert 1 + 1 == 3, "arithmetic is broken"`) raised AssertionError: arithmetic is broken');
    const out = parseOutputFile(readFileSync(f.output, 'utf8'));
    expect(out.classification).toBe('notebook-error');
    const summary = readFileSync(f.summary, 'utf8');
    expect(summary).toContain('**Attempt 1: notebook-error**');
    expect(summary).toContain('<summary>traceback</summary>');
    expect(summary).toContain('Last spawn progress messages:');
  });

  it('without cluster/hub or hub-url: a usage error naming what to give', async () => {
    const f = files();
    const r = await run(main, [], { ...baseEnv(), GITHUB_WORKSPACE: work, GITHUB_OUTPUT: f.output, GITHUB_STEP_SUMMARY: f.summary }, work);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::health-check: name a cluster and a hub of the config, or give a hub URL and an API token');
  });
});
