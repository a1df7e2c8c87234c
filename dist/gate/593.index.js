export const id = 593;
export const ids = [593];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listRunAttemptJobs: () => (/* binding */ listRunAttemptJobs),
/* harmony export */   runRefFromEnv: () => (/* binding */ runRefFromEnv)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8932);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`GITHUB_REPOSITORY must be \`owner/name\`, got ${JSON.stringify(repository)}`, { hint });
    const runId = env.GITHUB_RUN_ID ?? '';
    if (!/^\d+$/.test(runId))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`GITHUB_RUN_ID must be a run number, got ${JSON.stringify(runId)}`, { hint });
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    if (!/^[1-9]\d*$/.test(attempt))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`GITHUB_RUN_ATTEMPT must be a positive number, got ${JSON.stringify(attempt)}`, { hint });
    const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    if (!/^https?:\/\//.test(apiUrl))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
    return { owner: m[1], repo: m[2], runId: Number(runId), attempt: Number(attempt), apiUrl };
}
function isRetryable(e) {
    return e.status === undefined || e.status === 500 || e.status === 502 || e.status === 503 || e.status === 504;
}
/** A DeployerError an on-call engineer can act on, for a failed API request. */
function apiError(e, what, run) {
    const status = e.status;
    const detail = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(String(e.response?.data?.message ?? e.message ?? e)).split('\n')[0];
    let hint;
    if (status === 401)
        hint = 'the token was refused: pass a valid `github-token` (default `${{ github.token }}`)';
    else if (status === 403 || status === 404) {
        hint = `the token cannot read this run's jobs: give the job \`permissions: { actions: read }\` (and check that ${run.owner}/${run.repo} run ${run.runId} exists)`;
    }
    else
        hint = `check ${run.apiUrl} is reachable from the runner; re-run the job when GitHub's API answers again`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`could not list ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}
/**
 * Every job of the run attempt `run`, all pages (`filter=latest`). Throws a DeployerError when the API refuses or
 * cannot be reached after the retries; never returns a partial list.
 */
async function listRunAttemptJobs(options) {
    const { token, run } = options;
    if (!token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg('no GitHub token to read the jobs of this run', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(token);
    const attempts = options.attempts ?? 3;
    const retryDelayMs = options.retryDelayMs ?? 1000;
    const signal = AbortSignal.timeout(options.timeoutMs ?? 120_000);
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891));
    const quiet = () => undefined;
    const octokit = new Octokit({
        auth: token,
        baseUrl: run.apiUrl,
        userAgent: 'deployer-gate',
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        request: { signal },
    });
    // Retry one page at a time: network errors and 5xx answers are transient; anything else is not.
    octokit.hook.wrap('request', async (request, opts) => {
        for (let attempt = 1;; attempt++) {
            try {
                return await request(opts);
            }
            catch (e) {
                if (signal.aborted || attempt >= attempts || !isRetryable(e))
                    throw e;
                await new Promise((r) => setTimeout(r, retryDelayMs * attempt));
            }
        }
    });
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`could not list ${what}: no complete answer within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`, {
                hint: `check ${run.apiUrl} is reachable from the runner`,
            });
        }
        throw apiError(e, what, run);
    }
}


/***/ })

};
