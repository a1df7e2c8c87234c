/**
 * The gate action end to end: actions/gate/main.ts run from source on Node 24 as a child process, the way the runner
 * runs it (inputs in INPUT_*, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_* run variables), reading the run's
 * jobs from the local fake GitHub API. The process runs asynchronously so the fake (in this process) can answer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseOutputFile, REPO } from '../plan/run.js';
import { startFakeGithubApi, type FakeGithubApi } from '../harness/github-api.js';

const TOKEN = 'ghs_actionGateToken0123456789abcdefXYZ';
const HOOKS = path.join(REPO, 'test/harness/ts-hooks.mjs');
const MAIN = path.join(REPO, 'actions/gate/main.ts');

let api: FakeGithubApi;
let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'gate-action-'));
  api = await startFakeGithubApi({ token: TOKEN, defaultPerPage: 30 });
});
afterAll(async () => {
  await api.stop();
  rmSync(tmp, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runGateAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Result> {
  n++;
  const output = path.join(tmp, `out-${n}`);
  const summary = path.join(tmp, `summary-${n}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('RUNNER_')));
  const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', HOOKS, MAIN], {
    cwd: tmp,
    env: {
      ...base,
      GITHUB_WORKSPACE: tmp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'org/infra',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: api.url,
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_STAGES: 'support,staging',
      ...inputEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        resolve({ code, stdout, stderr, outputs: parseOutputFile(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') });
      } catch (e) {
        reject(e);
      }
    });
  });
}

const prodJobs = [
  { cluster_name: '2i2c', provider: 'gcp', choice_reason: 'basehub changed', hub_name: 'prod' },
  { cluster_name: '2i2c-aws-us', provider: 'aws', choice_reason: 'basehub changed', hub_name: 'prod' },
  { cluster_name: 'gcp-demo', provider: 'gcp', choice_reason: 'values changed', hub_name: 'prod' },
];
const needs = (support: string, staging: string) =>
  JSON.stringify({
    plan: { result: 'success', outputs: { 'prod-jobs': JSON.stringify(prodJobs) } },
    'deploy-support': { result: support, outputs: {} },
    'deploy-staging': { result: staging, outputs: {} },
  });

describe('gate action', () => {
  test('staging of 2i2c-aws-us failed: 2i2c and gcp-demo go to production, 2i2c-aws-us does not', async () => {
    // 40 jobs (the client asks for 100 per page: one request) and one failure.
    const filler = Array.from({ length: 36 }, (_, i) => ({ name: `deploy / staging filler${i}/staging` }));
    api.setJobs('org/infra', 777, 1, [
      { name: 'deploy / plan' },
      ...filler,
      { name: 'deploy / staging 2i2c/staging' },
      { name: 'deploy / staging 2i2c-aws-us/staging', conclusion: 'failure' },
      { name: 'deploy / gate production', status: 'in_progress', conclusion: null },
    ]);
    const before = api.requests.length;
    const r = await runGateAction({ results: needs('skipped', 'failure'), matrix: JSON.stringify(prodJobs) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Object.keys(r.outputs).sort()).toEqual(['matrix', 'skipped']);
    expect(JSON.parse(r.outputs.matrix)).toEqual([prodJobs[0], prodJobs[2]]);
    expect(JSON.parse(r.outputs.skipped)).toEqual([{ ...prodJobs[1], reason: '`deploy / staging 2i2c-aws-us/staging` failure' }]);
    expect(api.requests.length - before).toBe(1);
    expect(api.requests.at(-1)).toMatchObject({ path: '/repos/org/infra/actions/runs/777/attempts/1/jobs', authorization: `token ${TOKEN}` });
    // the job summary: one row per matrix row, kept or dropped with the reason
    expect(r.summary).toContain('2 of 3 row(s) kept, 1 dropped');
    expect(r.summary).toContain('| 2i2c | prod | kept |  |');
    expect(r.summary).toContain('| 2i2c-aws-us | prod | dropped | `deploy / staging 2i2c-aws-us/staging` failure |');
    expect(r.summary).toContain('| gcp-demo | prod | kept |  |');
    expect(r.stdout).toContain('::warning::dropped 2i2c-aws-us/prod: `deploy / staging 2i2c-aws-us/staging` failure');
    // The token is masked (the runner hides the `::add-mask::` line itself) and appears nowhere else.
    expect(r.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    expect(r.summary).not.toContain(TOKEN);
  });

  test('every previous stage succeeded or was skipped: every row is kept without calling the API', async () => {
    const before = api.requests.length;
    const r = await runGateAction({ results: needs('skipped', 'success'), matrix: JSON.stringify(prodJobs) }, { GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.matrix)).toEqual(prodJobs);
    expect(r.outputs.skipped).toBe('[]');
    expect(api.requests.length).toBe(before);
    expect(r.summary).toContain("the run's jobs were not read");
  });

  test('support failed in one cluster and staging was skipped as a whole: planned staging of the others never ran, so they are dropped too', async () => {
    api.setJobs('org/infra', 777, 1, [
      { name: 'deploy / support 2i2c', conclusion: 'failure' },
      { name: 'deploy / staging ${{ matrix.cluster_name }}/${{ matrix.hub_name }}', conclusion: 'skipped' },
    ]);
    const planned = JSON.stringify({
      support: [{ cluster_name: '2i2c', provider: 'gcp', choice_reason: 'x' }],
      staging: [
        { cluster_name: '2i2c', hub_name: 'staging' },
        { cluster_name: '2i2c-aws-us', hub_name: 'staging' },
      ],
    });
    const r = await runGateAction({ results: needs('failure', 'skipped'), matrix: JSON.stringify(prodJobs), planned });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.matrix)).toEqual([prodJobs[2]]);
    expect(JSON.parse(r.outputs.skipped).map((x: { cluster_name: string; reason: string }) => [x.cluster_name, x.reason])).toEqual([
      ['2i2c', '`deploy / support 2i2c` failure; `staging 2i2c/staging` was planned but did not run'],
      ['2i2c-aws-us', '`staging 2i2c-aws-us/staging` was planned but did not run'],
    ]);
  });

  test('a previous stage failed but no job can be pinned on a cluster: everything dropped (fail closed), with a warning', async () => {
    api.setJobs('org/infra', 777, 1, [{ name: 'deploy / staging 2i2c/staging' }, { name: 'deploy / build-image', conclusion: 'failure' }]);
    const r = await runGateAction({ results: needs('skipped', 'failure'), matrix: JSON.stringify(prodJobs) });
    expect(r.code).toBe(0);
    expect(r.outputs.matrix).toBe('[]');
    expect(JSON.parse(r.outputs.skipped)).toHaveLength(3);
    expect(r.stdout).toMatch(/::warning title=gate%3A everything dropped::nothing of the next stage deploys \(fail closed\): `deploy-staging` failure, but no job/);
    expect(r.summary).toContain('Everything was dropped (fail closed)');
  });

  test('the API refuses (no actions: read) while a stage failed: the step fails, no matrix output', async () => {
    api.failNext(403, 1, 'Resource not accessible by integration');
    const r = await runGateAction({ results: needs('skipped', 'failure'), matrix: JSON.stringify(prodJobs) });
    expect(r.code).toBe(1);
    expect(r.outputs).toEqual({});
    expect(r.stdout).toContain(
      '::error::gate: `deploy-staging` failure: the jobs of this run are needed to tell which clusters failed, and could not list the jobs of run 777 (attempt 1) of org/infra: HTTP 403: Resource not accessible by integration',
    );
    expect(r.stdout).toContain('permissions: { actions: read }');
    expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('an empty next-stage matrix: `[]` out, nothing read', async () => {
    const before = api.requests.length;
    const r = await runGateAction({ results: needs('failure', 'failure'), matrix: '[]' });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ matrix: '[]', skipped: '[]' });
    expect(api.requests.length).toBe(before);
  });

  test('bad inputs fail with a message naming the input', async () => {
    const r = await runGateAction({ results: needs('success', 'success'), matrix: '{"cluster_name": "x"}' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::gate: input `matrix` must be a JSON list of matrix rows, got object');
    const r2 = await runGateAction({ results: 'not json', matrix: '[]' });
    expect(r2.stdout).toContain('::error::gate: input `results` is not valid JSON');
    const r3 = await runGateAction({ results: needs('success', 'success'), matrix: '[]', stages: 'deploy staging' });
    expect(r3.stdout).toContain('::error::gate: input `stages`: `deploy staging` is not a job name prefix');
  });
});
