export const id = 385;
export const ids = [385];
export const modules = {

/***/ 2385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upsertStickyComment: () => (/* binding */ upsertStickyComment)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
;// CONCATENATED MODULE: ./src/shared/github/client.ts
/**
 * An @octokit/rest client as the suite uses it: imported lazily (only the capabilities that talk to GitHub load it),
 * the token registered as a secret, a whole-operation timeout, retries of network errors and 5xx answers, no log
 * output of its own, and errors as DeployerErrors that name what failed and never carry the token.
 */


const retryable = (e) => e.status === undefined || e.status === 500 || e.status === 502 || e.status === 503 || e.status === 504;
async function githubClient(options) {
    if (!options.token)
        throw new errors.DeployerError('no GitHub token', { hint: 'pass `github-token` (default `${{ github.token }}`)' });
    (0,redact/* registerSecret */.cl)(options.token);
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
    const detail = (0,redact/* redact */.E$)(String(err.response?.data?.message ?? err.message ?? e)).split('\n')[0];
    let hint;
    if (status === 401)
        hint = 'the token was refused: pass a valid `github-token`';
    else if (status === 403 || status === 404)
        hint = `the token may not do this: give the job \`permissions: { ${permission} }\``;
    else
        hint = 'check that the GitHub API is reachable from the runner, then re-run the job';
    return new errors.DeployerError(`could not ${what}: ${status ? `HTTP ${status}: ` : ''}${detail}`, { hint, cause: e });
}

;// CONCATENATED MODULE: ./src/shared/github/pr-comment.ts
/**
 * One sticky comment per pull request: found by a marker at its start among the comments a bot wrote (a person's
 * comment quoting the marker is never edited), updated in place, or created. The pull request can be named, or found
 * from the head commit a `workflow_run` event reports (trusted: it comes from GitHub, not from the artifact).
 */


async function upsertStickyComment(o) {
    if (!o.body.startsWith(o.marker))
        throw new Error('internal: the comment body must start with its marker');
    const octokit = await githubClient({ token: o.token, baseUrl: o.baseUrl, userAgent: 'deployer-diff', timeoutMs: o.timeoutMs, retryDelayMs: o.retryDelayMs });
    const where = `${o.owner}/${o.repo}`;
    let pullNumber = o.pullNumber;
    if (pullNumber === undefined) {
        if (!o.headSha || !/^[0-9a-f]{40}$/.test(o.headSha))
            throw new errors.DeployerError('no pull request number and no head commit SHA to find it by', { hint: 'pass pull-request, or run on a workflow_run event' });
        let pulls;
        try {
            pulls = await octokit.paginate(octokit.rest.pulls.list, { owner: o.owner, repo: o.repo, state: 'open', per_page: 100 });
        }
        catch (e) {
            throw githubError(e, `list the open pull requests of ${where}`, 'pull-requests: read');
        }
        const match = pulls.filter((p) => p.head.sha === o.headSha && (!o.headRepository || p.head.repo?.full_name === o.headRepository));
        if (match.length !== 1) {
            throw new errors.DeployerError(`${match.length ? 'several' : 'no'} open pull request(s) of ${where} have the head commit ${o.headSha.slice(0, 12)}`, {
                hint: match.length ? 'pass pull-request explicitly' : 'the pull request may have been closed or pushed to since the diff ran; the next run posts again',
            });
        }
        pullNumber = match[0].number;
    }
    let comments;
    try {
        comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: pullNumber, per_page: 100 });
    }
    catch (e) {
        throw githubError(e, `list the comments of ${where}#${pullNumber}`, 'pull-requests: write');
    }
    const mine = comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').startsWith(o.marker));
    try {
        if (mine) {
            const r = await octokit.rest.issues.updateComment({ owner: o.owner, repo: o.repo, comment_id: mine.id, body: o.body });
            return { pullNumber, commentId: mine.id, created: false, url: r.data.html_url };
        }
        const r = await octokit.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: pullNumber, body: o.body });
        return { pullNumber, commentId: r.data.id, created: true, url: r.data.html_url };
    }
    catch (e) {
        throw githubError(e, `write the comment on ${where}#${pullNumber}`, 'pull-requests: write');
    }
}


/***/ })

};
