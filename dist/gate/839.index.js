export const id = 839;
export const ids = [839];
export const modules = {

/***/ 5839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listRunAttemptJobs: () => (/* binding */ listRunAttemptJobs),
  runRefFromEnv: () => (/* binding */ runRefFromEnv)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var shared_redact = __webpack_require__(8932);
;// CONCATENATED MODULE: ./src/shared/github/client.ts
/**
 * An @octokit/rest client as the suite uses it: imported lazily (only the capabilities that talk to GitHub load it),
 * the token registered as a secret, a whole-operation timeout, retries of network errors and 5xx answers, no log
 * output of its own, and errors as DeployerErrors that name what failed and never carry the token.
 */


const retryable = (e) => e.status === undefined || e.status === 500 || e.status === 502 || e.status === 503 || e.status === 504;
async function githubClient(options) {
    if (!options.token)
        throw new errors/* DeployerError */.dg('no GitHub token', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
    (0,shared_redact/* registerSecret */.cl)(options.token);
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891));
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
        for (let attempt = 1;; attempt++) {
            try {
                return await request(opts);
            }
            catch (e) {
                if (signal.aborted || attempt >= attempts || !retryable(e))
                    throw e;
                await new Promise((r) => setTimeout(r, delay * attempt));
            }
        }
    });
    return octokit;
}
/** A DeployerError for a failed request: `could not <what>: HTTP 403: <GitHub's message>` and a hint per status. */
function githubError(e, what, permission) {
    const err = e;
    const status = err.status;
    const detail = redact(String(err.response?.data?.message ?? err.message ?? e)).split('\n')[0];
    let hint;
    if (status === 401)
        hint = 'the token was refused: pass a valid `github-token`';
    else if (status === 403 || status === 404)
        hint = `the token may not do this: give the job \`permissions: { ${permission} }\``;
    else
        hint = 'check that the GitHub API is reachable from the runner, then re-run the job';
    return new DeployerError(`could not ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}

;// CONCATENATED MODULE: ./src/shared/github/jobs.ts
/**
 * The jobs of the current workflow run attempt, from the GitHub REST API
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`, every page).
 *
 * @octokit/rest is imported lazily, so commands and actions that never read job results do not load it.
 * Where the run is comes from the runner's standard environment: GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT
 * and GITHUB_API_URL (GitHub Enterprise Server, or a local fake in tests).
 */



/** The run this process belongs to, from the runner's environment; a DeployerError naming the missing variable. */
function runRefFromEnv(env = process.env) {
    const hint = 'this runs inside a GitHub Actions job, where the runner sets GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (!m)
        throw new errors/* DeployerError */.dg(`GITHUB_REPOSITORY must be \`owner/name\`, got ${JSON.stringify(repository)}`, { hint });
    const runId = env.GITHUB_RUN_ID ?? '';
    if (!/^\d+$/.test(runId))
        throw new errors/* DeployerError */.dg(`GITHUB_RUN_ID must be a run number, got ${JSON.stringify(runId)}`, { hint });
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    if (!/^[1-9]\d*$/.test(attempt))
        throw new errors/* DeployerError */.dg(`GITHUB_RUN_ATTEMPT must be a positive number, got ${JSON.stringify(attempt)}`, { hint });
    const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    if (!/^https?:\/\//.test(apiUrl))
        throw new errors/* DeployerError */.dg(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
    return { owner: m[1], repo: m[2], runId: Number(runId), attempt: Number(attempt), apiUrl };
}
/** A DeployerError an on-call engineer can act on, for a failed API request. */
function apiError(e, what, run) {
    const status = e.status;
    const detail = (0,shared_redact/* redact */.E$)(String(e.response?.data?.message ?? e.message ?? e)).split('\n')[0];
    let hint;
    if (status === 401)
        hint = 'the token was refused: pass a valid `github-token` (default `${{ github.token }}`)';
    else if (status === 403 || status === 404) {
        hint = `the token cannot read this run's jobs: give the job \`permissions: { actions: read }\` (and check that ${run.owner}/${run.repo} run ${run.runId} exists)`;
    }
    else
        hint = `check ${run.apiUrl} is reachable from the runner; re-run the job when GitHub's API answers again`;
    return new errors/* DeployerError */.dg(`could not list ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}
/**
 * Every job of the run attempt `run`, all pages (`filter=latest`). Throws a DeployerError when the API refuses or
 * cannot be reached after the retries; never returns a partial list.
 */
async function listRunAttemptJobs(options) {
    const { token, run } = options;
    if (!token)
        throw new errors/* DeployerError */.dg('no GitHub token to read the jobs of this run', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
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
        const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, params);
        return jobs.map((j) => ({ id: j.id, name: j.name, status: j.status, conclusion: j.conclusion, run_attempt: j.run_attempt, html_url: j.html_url }));
    }
    catch (e) {
        if (signal.aborted) {
            throw new errors/* DeployerError */.dg(`could not list ${what}: no complete answer within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`, {
                hint: `check ${run.apiUrl} is reachable from the runner`,
            });
        }
        throw apiError(e, what, run);
    }
}


/***/ })

};
