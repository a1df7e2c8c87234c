/**
 * The gate between two deployment stages: read what the previous stages did (the `needs` results and, when they
 * need explaining, the jobs of this workflow run from the GitHub API) and keep the next stage's matrix rows whose
 * cluster passed. See decide.ts for the decision and its naming contract.
 */
import { DeployerError } from '../errors.js';
import type { RunJob, RunRef } from '../github/jobs.js';
import { markdownCell } from '../plan/render.js';
import { decideGate, failedNeeds, jobsNeeded, parseResults, resultRowJobs, stageJobs, type GateDecision, type MatrixRow } from './decide.js';

export * from './decide.js';

export interface GateRequest {
  /** The next stage's matrix rows (parsed `matrix`). */
  rows: MatrixRow[];
  /** The parsed `results` input: `toJSON(needs)` or a list of `{cluster, hub, stage, result}` rows. */
  results: unknown;
  stages: string[];
  planned?: Record<string, MatrixRow[]>;
  /** Lists the run's jobs (default: the REST API, see github/jobs.ts). Called at most once, only when needed. */
  listJobs?: () => Promise<RunJob[]>;
}

export interface GateResult extends GateDecision {
  /** Where the per-job results came from. */
  source: 'needs' | 'api' | 'results' | 'empty';
  /** How many of the run's jobs were read (api) and how many belonged to a stage. */
  jobsRead?: number;
  stageJobsFound?: number;
}

/** Default job lister: the current run attempt, from the runner's environment. */
export function apiJobLister(token: string, env: NodeJS.ProcessEnv = process.env, run?: RunRef): () => Promise<RunJob[]> {
  return async () => {
    const { listRunAttemptJobs, runRefFromEnv } = await import('../github/jobs.js');
    return listRunAttemptJobs({ token, run: run ?? runRefFromEnv(env) });
  };
}

export async function runGate(request: GateRequest): Promise<GateResult> {
  const { rows, stages, planned } = request;
  const results = parseResults(request.results);
  if ('rows' in results) {
    return { ...decideGate({ rows, jobs: resultRowJobs(results.rows), planned }), source: 'results' };
  }
  const { needs } = results;
  if (!rows.length) return { kept: [], skipped: [], blocked: new Map(), source: 'empty' };
  if (!jobsNeeded(needs, planned)) return { ...decideGate({ rows, needs, planned }), source: 'needs' };
  if (!request.listJobs) throw new DeployerError('the gate needs the jobs of this run but has no way to list them');
  let all: RunJob[];
  try {
    all = await request.listJobs();
  } catch (e) {
    const failed = failedNeeds(needs);
    const why = failed.length
      ? `${failed.map(([id, r]) => `\`${id}\` ${r}`).join(', ')}: the jobs of this run are needed to tell which clusters failed`
      : 'a previous stage was skipped while jobs were planned for it: the jobs of this run are needed to tell which planned jobs ran';
    const inner = e instanceof DeployerError ? e : new DeployerError(String((e as Error)?.message ?? e));
    throw new DeployerError(`${why}, and ${inner.message}`, { hint: `${inner.hint ? `${inner.hint}. ` : ''}Nothing of the next stage was let through.`, cause: e });
  }
  const { jobs, unparsed } = stageJobs(all, stages);
  return { ...decideGate({ rows, needs, jobs, unparsed, planned }), source: 'api', jobsRead: all.length, stageJobsFound: jobs.length };
}

/** The summary table rows: cluster, hub, kept/dropped, reason. */
export function gateTableRows(result: GateDecision): string[][] {
  const hub = (r: Record<string, unknown>) => (typeof r.hub_name === 'string' ? r.hub_name : '');
  return [
    ...result.kept.map((r) => [r.cluster_name, hub(r), 'kept', '']),
    ...result.skipped.map((r) => [r.cluster_name, hub(r), 'dropped', r.reason]),
  ];
}

/** The job summary in Markdown. */
export function gateSummary(result: GateResult, stages: readonly string[]): string {
  const lines: string[] = [];
  const n = result.kept.length + result.skipped.length;
  lines.push(`${result.kept.length} of ${n} row(s) kept, ${result.skipped.length} dropped (previous stages: ${stages.map((s) => `\`${s}\``).join(', ')}).`, '');
  if (result.failClosed) lines.push('> [!CAUTION]', `> Everything was dropped (fail closed): ${markdownCell(result.failClosed)}`, '');
  if (n) {
    lines.push('| cluster | hub | decision | reason |', '| --- | --- | --- | --- |');
    for (const row of gateTableRows(result)) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
    lines.push('');
  }
  const source = {
    needs: 'every previous job succeeded or was skipped (from `needs`); the run\'s jobs were not read',
    api: `read ${result.jobsRead ?? 0} job(s) of this run, ${result.stageJobsFound ?? 0} of them in a previous stage`,
    results: 'from the explicit `results` rows',
    empty: 'the next stage has no rows',
  }[result.source];
  lines.push(`_Results: ${source}._`, '');
  return lines.join('\n');
}
