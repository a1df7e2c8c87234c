/**
 * The jobs of the current workflow run attempt, from the GitHub REST API
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`, every page).
 *
 * @octokit/rest is imported lazily, so commands and actions that never read job results do not load it.
 * Where the run is comes from the runner's standard environment: GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT
 * and GITHUB_API_URL (GitHub Enterprise Server, or a local fake in tests).
 */
import { DeployerError } from '../errors.js';
import { redact } from '../redact.js';
import { githubClient } from './client.js';

/** One job of a workflow run, as much of it as the gate needs. */
export interface RunJob {
  id: number;
  /** As the API reports it; in a reusable workflow prefixed by the caller's job name: `deploy / staging c/h`. */
  name: string;
  /** queued, in_progress, completed, waiting, requested, pending. */
  status: string;
  /** success, failure, cancelled, skipped, timed_out, neutral, action_required, ... or null while not completed. */
  conclusion: string | null;
  run_attempt?: number;
  html_url?: string | null;
}

export interface RunRef {
  owner: string;
  repo: string;
  runId: number;
  attempt: number;
  /** REST API base, no trailing slash. */
  apiUrl: string;
}

/** The run this process belongs to, from the runner's environment; a DeployerError naming the missing variable. */
export function runRefFromEnv(env: NodeJS.ProcessEnv = process.env): RunRef {
  const hint = 'this runs inside a GitHub Actions job, where the runner sets GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
  if (!m) throw new DeployerError(`GITHUB_REPOSITORY must be \`owner/name\`, got ${JSON.stringify(repository)}`, { hint });
  const runId = env.GITHUB_RUN_ID ?? '';
  if (!/^\d+$/.test(runId)) throw new DeployerError(`GITHUB_RUN_ID must be a run number, got ${JSON.stringify(runId)}`, { hint });
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  if (!/^[1-9]\d*$/.test(attempt)) throw new DeployerError(`GITHUB_RUN_ATTEMPT must be a positive number, got ${JSON.stringify(attempt)}`, { hint });
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiUrl)) throw new DeployerError(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  return { owner: m[1], repo: m[2], runId: Number(runId), attempt: Number(attempt), apiUrl };
}

export interface ListJobsOptions {
  /** A token with `actions: read` on the repository. */
  token: string;
  run: RunRef;
  /** Whole listing (every page, every retry) must finish within this; default 120 s. */
  timeoutMs?: number;
  /** Attempts per page for network errors and 5xx answers; default 3. */
  attempts?: number;
  /** Pause before a retry, multiplied by the attempt number; default 1000 ms. */
  retryDelayMs?: number;
  /** Results per page (the API allows at most 100). */
  perPage?: number;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { data?: unknown };
}

/** A DeployerError an on-call engineer can act on, for a failed API request. */
function apiError(e: HttpError, what: string, run: RunRef): DeployerError {
  const status = e.status;
  const detail = redact(String((e.response?.data as { message?: unknown } | undefined)?.message ?? e.message ?? e)).split('\n')[0];
  let hint: string | undefined;
  if (status === 401) hint = 'the token was refused: pass a valid `github-token` (default `${{ github.token }}`)';
  else if (status === 403 || status === 404) {
    hint = `the token cannot read this run's jobs: give the job \`permissions: { actions: read }\` (and check that ${run.owner}/${run.repo} run ${run.runId} exists)`;
  } else hint = `check ${run.apiUrl} is reachable from the runner; re-run the job when GitHub's API answers again`;
  return new DeployerError(`could not list ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}

/**
 * Every job of the run attempt `run`, all pages (`filter=latest`). Throws a DeployerError when the API refuses or
 * cannot be reached after the retries; never returns a partial list.
 */
export async function listRunAttemptJobs(options: ListJobsOptions): Promise<RunJob[]> {
  const { token, run } = options;
  if (!token) throw new DeployerError('no GitHub token to read the jobs of this run', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
  const signal = AbortSignal.timeout(options.timeoutMs ?? 120_000);
  // Retries one page at a time: network errors and 5xx answers are transient; anything else is not.
  const octokit = await githubClient({ token, baseUrl: run.apiUrl, userAgent: 'deployer-gate', signal, attempts: options.attempts, retryDelayMs: options.retryDelayMs });
  const what = `the jobs of run ${run.runId} (attempt ${run.attempt}) of ${run.owner}/${run.repo}`;
  try {
    // GitHub documents `filter=latest` for the run's jobs endpoint, not for this per-attempt one (which lists the jobs
    // of one attempt). Sent anyway, so a server that honours it never returns superseded runs of a job; the gate also
    // keeps only the latest `run_attempt` of each job name (see gate/decide.ts).
    const params = {
      owner: run.owner,
      repo: run.repo,
      run_id: run.runId,
      attempt_number: run.attempt,
      per_page: options.perPage ?? 100,
      filter: 'latest',
    };
    const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, params as Omit<typeof params, 'filter'>);
    return jobs.map((j) => ({ id: j.id, name: j.name, status: j.status, conclusion: j.conclusion, run_attempt: j.run_attempt, html_url: j.html_url }));
  } catch (e) {
    if (signal.aborted) {
      throw new DeployerError(`could not list ${what}: no complete answer within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`, {
        hint: `check ${run.apiUrl} is reachable from the runner`,
      });
    }
    throw apiError(e as HttpError, what, run);
  }
}
