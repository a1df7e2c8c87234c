/**
 * An @octokit/rest client as the suite uses it: imported lazily (only the capabilities that talk to GitHub load it),
 * the token registered as a secret, a whole-operation timeout, retries of network errors and 5xx answers, no log
 * output of its own, and errors as DeployerErrors that name what failed and never carry the token.
 */
import { DeployerError } from '../errors.js';
import { redact, registerSecret } from '../redact.js';

export interface GithubClientOptions {
  token: string;
  /** REST API base (GITHUB_API_URL), default https://api.github.com. */
  baseUrl?: string;
  userAgent: string;
  /** Whole operation, default 120 s. */
  timeoutMs?: number;
  /** Attempts per request, default 3. */
  attempts?: number;
  retryDelayMs?: number;
  /** The whole operation's signal (default: a timeout of `timeoutMs`); pass one to tell a timeout from a refusal. */
  signal?: AbortSignal;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { data?: unknown };
}

const retryable = (e: HttpError) => e.status === undefined || e.status === 500 || e.status === 502 || e.status === 503 || e.status === 504;

export async function githubClient(options: GithubClientOptions) {
  if (!options.token) throw new DeployerError('no GitHub token', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
  registerSecret(options.token);
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  const signal = options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 120_000);
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl || 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: { signal },
  });
  const attempts = options.attempts ?? 3;
  const delay = options.retryDelayMs ?? 1000;
  octokit.hook.wrap('request', async (request, opts) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(opts);
      } catch (e) {
        if (signal.aborted || attempt >= attempts || !retryable(e as HttpError)) throw e;
        await new Promise((r) => setTimeout(r, delay * attempt));
      }
    }
  });
  return octokit;
}

/** A DeployerError for a failed request: `could not <what>: HTTP 403: <GitHub's message>` and a hint per status. */
export function githubError(e: unknown, what: string, permission: string): DeployerError {
  const err = e as HttpError;
  const status = err.status;
  const detail = redact(String((err.response?.data as { message?: unknown } | undefined)?.message ?? err.message ?? e)).split('\n')[0];
  let hint: string;
  if (status === 401) hint = 'the token was refused: pass a valid `github-token`';
  else if (status === 403 || status === 404) hint = `the token may not do this: give the job \`permissions: { ${permission} }\``;
  else hint = 'check that the GitHub API is reachable from the runner, then re-run the job';
  return new DeployerError(`could not ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}
