/**
 * The jobs client (src/shared/github/jobs.ts) against a local fake of the GitHub endpoint: every page is read through
 * the Link headers, the token is sent, errors become DeployerErrors an on-call engineer can act on, transient 5xx
 * answers are retried, and the run comes from the runner's environment.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DeployerError } from '../../src/shared/errors.js';
import { listRunAttemptJobs, runRefFromEnv, type RunRef } from '../../src/shared/github/jobs.js';
import { apiJobLister, runGate } from '../../src/shared/gate/index.js';
import { redact } from '../../src/shared/redact.js';
import { startFakeGithubApi, type FakeGithubApi, type FakeJob } from '../harness/github-api.js';

const TOKEN = 'ghs_gateTestToken0123456789abcdefABCDEF';
let api: FakeGithubApi;
let run: RunRef;

// 250 jobs: 3 pages of 100. Among many successes, two failures on the last page.
const many: FakeJob[] = Array.from({ length: 248 }, (_, i) => ({ name: `deploy / staging c${i}/staging` }));
many.push({ name: 'deploy / staging 2i2c-aws-us/staging', conclusion: 'failure' }, { name: 'deploy / gate production', status: 'in_progress', conclusion: null });

beforeAll(async () => {
  api = await startFakeGithubApi({ token: TOKEN });
  api.setJobs('org/infra', 4242, 2, many);
  api.setJobs('org/infra', 4242, 1, [{ name: 'deploy / staging c1/staging', conclusion: 'failure' }]);
  run = runRefFromEnv({ GITHUB_REPOSITORY: 'org/infra', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2', GITHUB_API_URL: api.url });
});
afterAll(async () => {
  await api.stop();
});

describe('listRunAttemptJobs', () => {
  test('reads every page of the current attempt, in order, with the token', async () => {
    const before = api.requests.length;
    const jobs = await listRunAttemptJobs({ token: TOKEN, run });
    expect(jobs).toHaveLength(250);
    expect(jobs[0]).toMatchObject({ name: 'deploy / staging c0/staging', status: 'completed', conclusion: 'success', run_attempt: 2 });
    expect(jobs[248]).toMatchObject({ name: 'deploy / staging 2i2c-aws-us/staging', conclusion: 'failure' });
    expect(jobs[249]).toMatchObject({ status: 'in_progress', conclusion: null });
    expect(new Set(jobs.map((j) => j.id)).size).toBe(250);
    const reqs = api.requests.slice(before);
    expect(reqs.map((r) => [r.path, r.query.page ?? '1', r.query.per_page])).toEqual([
      ['/repos/org/infra/actions/runs/4242/attempts/2/jobs', '1', '100'],
      ['/repos/org/infra/actions/runs/4242/attempts/2/jobs', '2', '100'],
      ['/repos/org/infra/actions/runs/4242/attempts/2/jobs', '3', '100'],
    ]);
    expect(reqs.every((r) => r.authorization === `token ${TOKEN}` && r.query.filter === 'latest')).toBe(true);
  });

  test('small pages: 250 jobs at 7 per page are all read', async () => {
    const before = api.requests.length;
    const jobs = await listRunAttemptJobs({ token: TOKEN, run, perPage: 7 });
    expect(jobs.map((j) => j.name)).toEqual(many.map((j) => j.name));
    expect(api.requests.length - before).toBe(Math.ceil(250 / 7));
  });

  test('the attempt comes from GITHUB_RUN_ATTEMPT: attempt 1 has its own jobs', async () => {
    const jobs = await listRunAttemptJobs({ token: TOKEN, run: { ...run, attempt: 1 } });
    expect(jobs).toEqual([expect.objectContaining({ name: 'deploy / staging c1/staging', conclusion: 'failure', run_attempt: 1 })]);
  });

  test('a wrong token: a DeployerError saying the token was refused, without the token', async () => {
    const err = (await listRunAttemptJobs({ token: 'ghs_wrongToken9876543210', run, attempts: 1 }).catch((e: unknown) => e)) as DeployerError;
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toBe('could not list the jobs of run 4242 (attempt 2) of org/infra: HTTP 401: Bad credentials');
    expect(err.hint).toMatch(/the token was refused/);
    expect(redact(`${err.message} ${err.hint}`)).not.toContain('ghs_wrongToken9876543210');
  });

  test('no `actions: read` permission (403): the hint says which permission', async () => {
    api.failNext(403, 1, 'Resource not accessible by integration');
    const err = (await listRunAttemptJobs({ token: TOKEN, run, attempts: 3, retryDelayMs: 0 }).catch((e: unknown) => e)) as DeployerError;
    expect(err.message).toBe('could not list the jobs of run 4242 (attempt 2) of org/infra: HTTP 403: Resource not accessible by integration');
    expect(err.hint).toContain('permissions: { actions: read }');
  });

  test('a run that does not exist (404)', async () => {
    const err = (await listRunAttemptJobs({ token: TOKEN, run: { ...run, runId: 1 } }).catch((e: unknown) => e)) as DeployerError;
    expect(err.message).toMatch(/HTTP 404: Not Found$/);
  });

  test('transient 502s are retried; a page failing every time fails the whole listing (never a partial list)', async () => {
    api.failNext(502, 2, 'Bad Gateway');
    const before = api.requests.length;
    expect(await listRunAttemptJobs({ token: TOKEN, run, retryDelayMs: 0 })).toHaveLength(250);
    expect(api.requests.length - before).toBe(5);

    api.failNext(503, 3, 'Service Unavailable');
    const err = (await listRunAttemptJobs({ token: TOKEN, run, retryDelayMs: 0 }).catch((e: unknown) => e)) as DeployerError;
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/HTTP 503: Service Unavailable$/);
  });

  test('an unreachable API is a DeployerError naming the URL', async () => {
    const dead = await startFakeGithubApi({ token: TOKEN });
    const url = dead.url;
    await dead.stop();
    const err = (await listRunAttemptJobs({ token: TOKEN, run: { ...run, apiUrl: url }, retryDelayMs: 0 }).catch((e: unknown) => e)) as DeployerError;
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/^could not list the jobs of run 4242 \(attempt 2\) of org\/infra: /);
    expect(err.hint).toContain(url);
  });
});

describe('runRefFromEnv', () => {
  test('reads the runner variables; GitHub.com is the default API', () => {
    expect(runRefFromEnv({ GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '9' })).toEqual({ owner: 'a', repo: 'b', runId: 9, attempt: 1, apiUrl: 'https://api.github.com' });
    expect(runRefFromEnv({ GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '3', GITHUB_API_URL: 'https://ghe.example/api/v3/' }).apiUrl).toBe('https://ghe.example/api/v3');
  });
  test('missing or malformed variables are DeployerErrors naming the variable', () => {
    expect(() => runRefFromEnv({ GITHUB_RUN_ID: '9' })).toThrow('GITHUB_REPOSITORY must be `owner/name`, got ""');
    expect(() => runRefFromEnv({ GITHUB_REPOSITORY: 'a/b' })).toThrow(/GITHUB_RUN_ID must be a run number/);
    expect(() => runRefFromEnv({ GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '0' })).toThrow(/GITHUB_RUN_ATTEMPT/);
  });
});

describe('runGate with the API', () => {
  test('a failed staging stage: the jobs are read and only the failed cluster is dropped (exact name)', async () => {
    const env = { GITHUB_REPOSITORY: 'org/infra', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2', GITHUB_API_URL: api.url };
    const r = await runGate({
      rows: [
        { cluster_name: '2i2c', hub_name: 'prod' },
        { cluster_name: '2i2c-aws-us', hub_name: 'prod' },
        { cluster_name: 'c7', hub_name: 'prod' },
      ],
      results: { plan: { result: 'success' }, 'deploy-support': { result: 'skipped' }, 'deploy-staging': { result: 'failure' } },
      stages: ['support', 'staging'],
      listJobs: apiJobLister(TOKEN, env),
    });
    expect(r.source).toBe('api');
    expect(r.jobsRead).toBe(250);
    expect(r.stageJobsFound).toBe(249);
    expect(r.kept.map((x) => x.cluster_name)).toEqual(['2i2c', 'c7']);
    expect(r.skipped).toEqual([{ cluster_name: '2i2c-aws-us', hub_name: 'prod', reason: '`deploy / staging 2i2c-aws-us/staging` failure' }]);
  });
});
