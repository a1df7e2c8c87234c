/**
 * The gate's decision as a pure function: which production rows survive which support/staging results. Exact cluster
 * names (upstream's substring match let `2i2c-aws-us` failing block `2i2c`), reusable-workflow name prefixes,
 * skipped vs failed vs cancelled, planned jobs that never ran, and the fail-closed cases.
 */
import { describe, expect, test } from '@jest/globals';
import type { RunJob } from '../../src/shared/github/jobs.js';
import {
  decideGate,
  jobsNeeded,
  parseJobName,
  parseMatrix,
  parsePlanned,
  parseResults,
  parseStages,
  runGate,
  stageJobs,
  type MatrixRow,
  type Needs,
} from '../../src/shared/gate/index.js';
import { DeployerError, UsageError } from '../../src/shared/errors.js';

const STAGES = ['support', 'staging'];
const prod = (cluster: string, hub = 'prod'): MatrixRow => ({ cluster_name: cluster, provider: 'gcp', choice_reason: 'x', hub_name: hub });
let nextId = 1;
const job = (name: string, conclusion: string | null = 'success', extra: Partial<RunJob> = {}): RunJob => ({
  id: nextId++,
  name,
  status: conclusion === null ? 'in_progress' : 'completed',
  conclusion,
  run_attempt: 1,
  ...extra,
});
const needs = (support: string, staging: string): Needs => ({
  plan: { result: 'success', outputs: {} },
  'deploy-support': { result: support, outputs: {} },
  'deploy-staging': { result: staging, outputs: {} },
});

/** Decide from API-style jobs the way runGate does. */
function decide(rows: MatrixRow[], n: Needs, jobs: RunJob[], planned?: Record<string, MatrixRow[]>) {
  const parsed = stageJobs(jobs, STAGES);
  return decideGate({ rows, needs: n, jobs: parsed.jobs, unparsed: parsed.unparsed, planned });
}
const clusters = (rows: Array<{ cluster_name: string; hub_name?: unknown }>) => rows.map((r) => `${r.cluster_name}/${r.hub_name ?? ''}`);

describe('job names', () => {
  test('own names and reusable-workflow prefixes: the part after the last ` / ` counts', () => {
    expect(parseJobName('support 2i2c', STAGES)).toEqual({ stage: 'support', cluster: '2i2c' });
    expect(parseJobName('staging 2i2c-aws-us/staging', STAGES)).toEqual({ stage: 'staging', cluster: '2i2c-aws-us', hub: 'staging' });
    expect(parseJobName('deploy / staging gcp-demo/staging', STAGES)).toEqual({ stage: 'staging', cluster: 'gcp-demo', hub: 'staging' });
    expect(parseJobName('outer / deploy / support gcp-demo', STAGES)).toEqual({ stage: 'support', cluster: 'gcp-demo' });
    expect(parseJobName('deploy / staging dask.hub/dask-staging', STAGES)).toEqual({ stage: 'staging', cluster: 'dask.hub', hub: 'dask-staging' });
  });

  test('jobs of other stages, the plan, the gate and prod belong to no stage', () => {
    for (const name of ['plan', 'deploy / plan', 'deploy / gate production', 'prod gcp-demo/prod', 'deploy / prod gcp-demo/prod', 'supporting x', 'stagingx a/b', 'lint']) {
      expect(parseJobName(name, STAGES)).toBeUndefined();
    }
  });

  test('a stage prefix that names no valid cluster is reported as unparsed, not dropped silently', () => {
    expect(parseJobName('staging ${{ matrix.cluster_name }}/${{ matrix.hub_name }}', STAGES)).toEqual({ stage: 'staging', unparsed: true });
    expect(parseJobName('deploy / support ', STAGES)).toBeUndefined(); // trimmed: `support` alone is no stage job name
    expect(parseJobName('support a b', STAGES)).toEqual({ stage: 'support', unparsed: true });
    expect(parseJobName('staging a/', STAGES)).toEqual({ stage: 'staging', unparsed: true });
  });

  test('stage prefixes are an input', () => {
    expect(parseStages('support, staging')).toEqual(['support', 'staging']);
    expect(parseStages('canary\nstaging')).toEqual(['canary', 'staging']);
    expect(parseJobName('canary c1/h', ['canary'])).toEqual({ stage: 'canary', cluster: 'c1', hub: 'h' });
    expect(parseJobName('staging c1/h', ['canary'])).toBeUndefined();
    expect(() => parseStages(' , ')).toThrow(UsageError);
    expect(() => parseStages('deploy staging')).toThrow(/not a job name prefix/);
  });
});

describe('exact cluster matching', () => {
  const rows = [prod('2i2c'), prod('2i2c-aws-us'), prod('2i2c', 'dask')];

  test('staging of `2i2c-aws-us` failing drops only 2i2c-aws-us, never `2i2c` (upstream substring pitfall)', () => {
    const d = decide(rows, needs('skipped', 'failure'), [
      job('deploy / staging 2i2c/staging'),
      job('deploy / staging 2i2c-aws-us/staging', 'failure'),
      job('deploy / gate production', null),
    ]);
    expect(clusters(d.kept)).toEqual(['2i2c/prod', '2i2c/dask']);
    expect(d.skipped).toEqual([{ ...prod('2i2c-aws-us'), reason: '`deploy / staging 2i2c-aws-us/staging` failure' }]);
    expect(d.failClosed).toBeUndefined();
  });

  test('and the other way round: `2i2c` failing keeps `2i2c-aws-us`', () => {
    const d = decide(rows, needs('failure', 'success'), [job('support 2i2c', 'failure'), job('support 2i2c-aws-us'), job('staging 2i2c-aws-us/staging')]);
    expect(clusters(d.kept)).toEqual(['2i2c-aws-us/prod']);
    expect(clusters(d.skipped)).toEqual(['2i2c/prod', '2i2c/dask']);
    expect(d.skipped[0].reason).toBe('`support 2i2c` failure');
  });

  test('a failure of any hub of a cluster drops every prod hub of that cluster, and the reason names every failed job', () => {
    const d = decide([prod('c1'), prod('c1', 'prod2'), prod('c2')], needs('failure', 'failure'), [
      job('support c1', 'failure'),
      job('staging c1/staging', 'timed_out'),
      job('staging c1/dask-staging'),
      job('staging c2/staging'),
    ]);
    expect(clusters(d.kept)).toEqual(['c2/prod']);
    expect(d.skipped.map((r) => r.reason)).toEqual([
      '`support c1` failure; `staging c1/staging` timed_out',
      '`support c1` failure; `staging c1/staging` timed_out',
    ]);
  });
});

describe('results of the previous jobs', () => {
  test('skipped legs are fine; cancelled, timed_out, failure and unfinished ones drop the cluster', () => {
    const rows = ['ok', 'skip', 'fail', 'cancel', 'timeout', 'running', 'neutral', 'weird'].map((c) => prod(c));
    const d = decide(rows, needs('failure', 'failure'), [
      job('support ok'),
      job('support skip', 'skipped'),
      job('support fail', 'failure'),
      job('staging cancel/staging', 'cancelled'),
      job('staging timeout/staging', 'timed_out'),
      job('staging running/staging', null),
      job('staging neutral/staging', 'neutral'),
      job('staging weird/staging', 'action_required'),
    ]);
    expect(clusters(d.kept)).toEqual(['ok/prod', 'skip/prod', 'neutral/prod']);
    expect(Object.fromEntries(d.skipped.map((r) => [r.cluster_name, r.reason]))).toEqual({
      fail: '`support fail` failure',
      cancel: '`staging cancel/staging` cancelled',
      timeout: '`staging timeout/staging` timed_out',
      running: '`staging running/staging` was still in_progress',
      weird: '`staging weird/staging` ended action_required',
    });
  });

  test('a cluster with no previous-stage job at all is kept (nothing of it failed)', () => {
    const d = decide([prod('lonely'), prod('bad')], needs('skipped', 'failure'), [job('staging bad/staging', 'failure')]);
    expect(clusters(d.kept)).toEqual(['lonely/prod']);
  });

  test('a job re-run in a later attempt replaces its failed first run', () => {
    const jobs = [job('staging c1/staging', 'failure', { run_attempt: 1 }), job('staging c1/staging', 'success', { run_attempt: 2 }), job('staging c2/staging', 'failure', { run_attempt: 2 })];
    const d = decide([prod('c1'), prod('c2')], needs('skipped', 'failure'), jobs);
    expect(clusters(d.kept)).toEqual(['c1/prod']);
    // and a failed re-run replaces a success
    const d2 = decide([prod('c1')], needs('skipped', 'failure'), [job('staging c1/staging', 'success', { run_attempt: 1 }), job('staging c1/staging', 'failure', { run_attempt: 2 })]);
    expect(d2.kept).toEqual([]);
  });

  test('two jobs with the same name in the same attempt: either failing drops the cluster', () => {
    const d = decide([prod('c1')], needs('skipped', 'failure'), [job('staging c1/staging'), job('staging c1/staging', 'failure')]);
    expect(d.kept).toEqual([]);
  });

  test('jobs outside the stages never drop anything (a failed prod job of an earlier attempt, a failed lint job)', () => {
    const d = decide([prod('c1')], needs('failure', 'success'), [job('deploy / prod c1/prod', 'failure'), job('lint', 'failure'), job('support c2', 'failure')]);
    expect(clusters(d.kept)).toEqual(['c1/prod']);
  });
});

describe('fail closed', () => {
  test('a previous job failed but no job failed for a cluster: everything is dropped, and the reason says so', () => {
    const d = decide([prod('c1'), prod('c2')], needs('success', 'failure'), [job('deploy / staging c1/staging'), job('deploy / staging c2/staging')]);
    expect(d.kept).toEqual([]);
    expect(d.failClosed).toBe('`deploy-staging` failure, but no job of the stages (staging) in this run failed for a particular cluster');
    expect(d.skipped.map((r) => r.reason)).toEqual([`fail closed: ${d.failClosed}`, `fail closed: ${d.failClosed}`]);
  });

  test('no stage jobs found at all (renamed jobs): everything is dropped', () => {
    const d = decide([prod('c1')], needs('failure', 'skipped'), [job('deploy / deploy support c1', 'failure'), job('deploy / plan')]);
    expect(d.kept).toEqual([]);
    expect(d.failClosed).toMatch(/`deploy-support` failure, but no job of the stages \(none found\)/);
  });

  test('a cancelled previous job counts like a failed one', () => {
    const d = decide([prod('c1')], needs('cancelled', 'skipped'), []);
    expect(d.kept).toEqual([]);
    expect(d.failClosed).toMatch(/^`deploy-support` cancelled/);
  });

  test('a failed stage job whose name does not parse drops everything, even when other failures are attributed', () => {
    const d = decide([prod('c1'), prod('c2')], needs('failure', 'failure'), [job('support c1', 'failure'), job('deploy / staging ${{ matrix.cluster_name }}/x', 'failure')]);
    expect(d.kept).toEqual([]);
    expect(d.failClosed).toContain('`deploy / staging ${{ matrix.cluster_name }}/x` failure, and its name does not say which cluster it deployed');
  });

  test('an unparsed stage job that was skipped (a whole matrix job skipped) does not fail closed', () => {
    const d = decide([prod('c1')], needs('skipped', 'success'), [job('support ${{ matrix.cluster_name }}', 'skipped'), job('staging c1/staging')]);
    expect(clusters(d.kept)).toEqual(['c1/prod']);
  });

  test('only "planned but did not run" reasons do not explain a failed job: fail closed', () => {
    const d = decide([prod('c1')], needs('success', 'failure'), [], { staging: [{ cluster_name: 'c1', hub_name: 'staging' }] });
    expect(d.failClosed).toBeDefined();
    expect(d.kept).toEqual([]);
  });
});

describe('planned jobs', () => {
  const planned = {
    support: [{ cluster_name: 'a', provider: 'gcp', choice_reason: 'x' }],
    staging: [
      { cluster_name: 'a', hub_name: 'staging' },
      { cluster_name: 'b', hub_name: 'staging' },
    ],
  };

  test('support failed in `a`, so the workflow skipped all staging: `b` was never tested and is dropped too', () => {
    const d = decide([prod('a'), prod('b'), prod('c')], needs('failure', 'skipped'), [
      job('deploy / support a', 'failure'),
      job('deploy / staging ${{ matrix.cluster_name }}/${{ matrix.hub_name }}', 'skipped'),
    ], planned);
    expect(clusters(d.kept)).toEqual(['c/prod']);
    expect(Object.fromEntries(d.skipped.map((r) => [r.cluster_name, r.reason]))).toEqual({
      a: '`deploy / support a` failure; `staging a/staging` was planned but did not run',
      b: '`staging b/staging` was planned but did not run',
    });
  });

  test('a planned job reported as skipped drops its cluster; all planned jobs passing keeps everything', () => {
    const d = decide([prod('a'), prod('b')], needs('success', 'success'), [job('support a'), job('staging a/staging'), job('staging b/staging', 'skipped')], planned);
    expect(d.skipped).toEqual([{ ...prod('b'), reason: '`staging b/staging` was planned but skipped' }]);
    const ok = decide([prod('a'), prod('b')], needs('success', 'success'), [job('support a'), job('staging a/staging'), job('staging b/staging')], planned);
    expect(clusters(ok.kept)).toEqual(['a/prod', 'b/prod']);
  });

  test('the jobs are needed when a stage failed, or was skipped while work was planned', () => {
    expect(jobsNeeded(needs('success', 'success'), planned)).toBe(false);
    expect(jobsNeeded(needs('skipped', 'success'), undefined)).toBe(false);
    expect(jobsNeeded(needs('skipped', 'skipped'), { support: [], staging: [] })).toBe(false);
    expect(jobsNeeded(needs('skipped', 'success'), planned)).toBe(true);
    expect(jobsNeeded(needs('success', 'failure'), undefined)).toBe(true);
    expect(jobsNeeded(needs('cancelled', 'skipped'), undefined)).toBe(true);
  });

  test('planned keys must be stages', () => {
    expect(() => parsePlanned({ prod: [] }, STAGES)).toThrow(/`prod` is not one of the stages/);
    expect(() => parsePlanned([], STAGES)).toThrow(UsageError);
    expect(parsePlanned({ support: null, staging: [{ cluster_name: 'a', hub_name: 'h' }] }, STAGES)).toEqual({ support: [], staging: [{ cluster_name: 'a', hub_name: 'h' }] });
  });
});

describe('runGate', () => {
  const never = async (): Promise<RunJob[]> => {
    throw new Error('the jobs must not be listed here');
  };

  test('every previous job succeeded or was skipped: the API is not called and every row is kept', async () => {
    const r = await runGate({ rows: [prod('a'), prod('b')], results: needs('skipped', 'success'), stages: STAGES, listJobs: never });
    expect(r.source).toBe('needs');
    expect(clusters(r.kept)).toEqual(['a/prod', 'b/prod']);
    expect(r.skipped).toEqual([]);
  });

  test('empty next-stage matrix: nothing to decide, no API call, even after failures', async () => {
    const r = await runGate({ rows: [], results: needs('failure', 'failure'), stages: STAGES, listJobs: never });
    expect(r).toMatchObject({ kept: [], skipped: [], source: 'empty' });
  });

  test('a failed stage and an unreachable API: the step fails with a clear error, nothing passes', async () => {
    const err = await runGate({
      rows: [prod('a')],
      results: needs('success', 'failure'),
      stages: STAGES,
      listJobs: async () => {
        throw new DeployerError('could not list the jobs of run 7: HTTP 403: Resource not accessible by integration', { hint: 'give the job `permissions: { actions: read }`' });
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect((err as DeployerError).message).toBe(
      '`deploy-staging` failure: the jobs of this run are needed to tell which clusters failed, and could not list the jobs of run 7: HTTP 403: Resource not accessible by integration',
    );
    expect((err as DeployerError).hint).toBe('give the job `permissions: { actions: read }`. Nothing of the next stage was let through.');
  });

  test('the explicit row form of `results` decides without the API, with exact names', async () => {
    const r = await runGate({
      rows: [prod('2i2c'), prod('2i2c-aws-us')],
      results: [
        { cluster: '2i2c-aws-us', hub: 'staging', result: 'failure' },
        { cluster: '2i2c', hub: 'staging', result: 'success' },
      ],
      stages: STAGES,
      listJobs: never,
    });
    expect(r.source).toBe('results');
    expect(clusters(r.kept)).toEqual(['2i2c/prod']);
    expect(r.skipped[0].reason).toBe('`2i2c-aws-us/staging` failure');
  });

  test('input validation names the input and the row', () => {
    expect(() => parseMatrix({})).toThrow('input `matrix` must be a JSON list of matrix rows, got object');
    expect(() => parseMatrix([{ hub_name: 'x' }])).toThrow('input `matrix`: row 1 has no valid `cluster_name` (got undefined)');
    expect(() => parseMatrix([{ cluster_name: 'a b' }])).toThrow(/row 1 has no valid `cluster_name`/);
    expect(parseMatrix([])).toEqual([]);
    expect(() => parseResults('x')).toThrow(UsageError);
    expect(() => parseResults({ plan: { outputs: {} } })).toThrow('input `results`: `plan` has no `result`');
    expect(() => parseResults([{ cluster: 'a' }])).toThrow('input `results`: row 1 (a) has no `result`');
  });
});
