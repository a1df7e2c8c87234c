export const id = 745;
export const ids = [745];
export const modules = {

/***/ 745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  branchName: () => (/* binding */ branchName),
  openPullRequest: () => (/* binding */ openPullRequest),
  pullRequestTargetFromEnv: () => (/* binding */ pullRequestTargetFromEnv)
});

// UNUSED EXPORTS: gitTopLevel

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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

// EXTERNAL MODULE: ./src/shared/changes/encrypt.ts
var encrypt = __webpack_require__(8242);
// EXTERNAL MODULE: ./src/shared/changes/paths.ts
var paths = __webpack_require__(3743);
;// CONCATENATED MODULE: ./src/shared/changes/pull-request.ts
/**
 * Commit a change to a branch and open (or update) its pull request, through @octokit/rest and the git data API:
 * blobs for the changed files, one tree on top of the base branch's tree, one commit whose parent is the base
 * branch's head, the branch ref created or moved to it, then the branch's open pull request updated or a new one
 * opened. One branch per change (the caller names it after what it changes), so running the same change again updates
 * the same pull request instead of opening a second one.
 *
 * Nothing secret leaves: encrypted files are checked to carry sops metadata before they are uploaded, secret-named
 * files that are not encrypted are refused, and a title, body or commit message containing a registered secret is
 * refused before any request is made.
 */







/** The git top-level above `root` (a `.git` entry), for paths in the commit; `root` itself when none is found. */
function gitTopLevel(root) {
    let dir = external_node_path_default().resolve(root);
    for (;;) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, '.git')))
            return dir;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return external_node_path_default().resolve(root);
        dir = parent;
    }
}
const BRANCH_RE = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\.$)[A-Za-z0-9._\/-]+$/;
/** A branch name git and GitHub accept, made from free text (`cilogon/my-cluster/staging`). */
function branchName(...parts) {
    return parts
        .map((p) => p.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').replace(/\.\.+/g, '.'))
        .filter(Boolean)
        .join('/');
}
function apiError(e, what, o) {
    const data = e.response?.data;
    const extra = (data?.errors ?? []).map((x) => (typeof x === 'string' ? x : String(x?.message ?? ''))).filter(Boolean);
    const detail = (0,shared_redact/* redact */.E$)([String(data?.message ?? e.message ?? e), ...extra].join('; ')).split('\n')[0];
    let hint;
    if (e.status === 401)
        hint = 'the token was refused: pass a valid `github-token`';
    else if (e.status === 403 && /not permitted to create or approve pull requests/i.test(detail)) {
        hint = 'enable "Allow GitHub Actions to create and approve pull requests" in the repository (or organisation) settings, or pass a token of a GitHub App / user';
    }
    else if (e.status === 403 || e.status === 404)
        hint = `give the job \`permissions: { contents: write, pull-requests: write }\` and check that ${o.owner}/${o.repo} and branch ${o.base} exist`;
    else if (e.status === 422)
        hint = 'GitHub refused the request as invalid; check the base branch and the branch name';
    else
        hint = `check that ${o.baseUrl ?? 'https://api.github.com'} is reachable; the change is still in the working tree, run again when GitHub answers`;
    return new errors/* DeployerError */.dg(`could not ${what}: ${e.status ? `HTTP ${e.status}: ` : ''}${detail}`, { hint, cause: e });
}
async function openPullRequest(o) {
    if (!o.token)
        throw new errors/* DeployerError */.dg('no GitHub token to open the pull request with', { hint: 'pass `github-token` (default `${{ github.token }}`) with contents: write and pull-requests: write' });
    (0,shared_redact/* registerSecret */.cl)(o.token);
    if (!o.changes.length)
        throw new errors/* DeployerError */.dg('there is no change to open a pull request for');
    if (!BRANCH_RE.test(o.branch) || o.branch === o.base)
        throw new errors/* DeployerError */.dg(`\`${o.branch}\` cannot be the branch of a pull request into \`${o.base}\``);
    const commitMessage = o.commitMessage ?? `${o.title}\n\n${o.body}`;
    for (const [name, text] of [['title', o.title], ['body', o.body], ['commit message', commitMessage]]) {
        if ((0,shared_redact/* containsSecret */.At)(text)) {
            throw new errors/* DeployerError */.dg(`refusing to open the pull request: its ${name} contains a secret value`, { hint: 'this is a bug in deployer: titles, bodies and commit messages must only name files and keys' });
        }
    }
    if (!o.title.trim())
        throw new errors/* DeployerError */.dg('a pull request needs a title');
    // Read and check every file before any request: a half-made commit is never pushed.
    const top = gitTopLevel(o.root);
    const prefix = external_node_path_default().relative(top, external_node_path_default().resolve(o.root)).split((external_node_path_default()).sep).filter(Boolean).join('/');
    const files = o.changes.map((c) => {
        const repoPath = prefix ? `${prefix}/${c.path}` : c.path;
        const abs = external_node_path_default().resolve(o.root, c.path);
        if (c.action === 'deleted') {
            if ((0,external_node_fs_.existsSync)(abs))
                throw new errors/* DeployerError */.dg(`${c.path} is listed as deleted but still exists in the working tree`, { file: c.path });
            return { repoPath, content: null, mode: '100644' };
        }
        if (!(0,external_node_fs_.existsSync)(abs))
            throw new errors/* DeployerError */.dg(`${c.path} is listed as changed but is not in the working tree`, { file: c.path });
        const buf = (0,external_node_fs_.readFileSync)(abs);
        const text = buf.toString('utf8');
        const format = (0,paths/* formatOf */.be)(c.path);
        if (c.encrypted || (0,paths/* isSecretName */.eh)(c.path)) {
            if (!(0,encrypt/* hasSopsMetadata */.$H)(text, format === 'binary' ? 'json' : format)) {
                throw new errors/* DeployerError */.dg(`refusing to upload ${c.path}: it is secret but not sops-encrypted`, { file: c.path, hint: 'encrypt it with sops (or rotate whatever it holds if it ever left this machine)' });
            }
        }
        const mode = ((0,external_node_fs_.statSync)(abs).mode & 0o111) !== 0 ? '100755' : '100644';
        return { repoPath, content: buf.toString('base64'), mode };
    });
    const octokit = await githubClient({ token: o.token, baseUrl: o.baseUrl, userAgent: 'deployer-changes', timeoutMs: o.timeoutMs, attempts: o.attempts, retryDelayMs: o.retryDelayMs });
    const { owner, repo } = o;
    const step = async (what, fn) => {
        try {
            return await fn();
        }
        catch (e) {
            throw apiError(e, what, o);
        }
    };
    const baseRef = await step(`read branch ${o.base} of ${owner}/${repo}`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${o.base}` }));
    const baseSha = baseRef.data.object.sha;
    const baseCommit = await step(`read the head commit of ${o.base}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }));
    const tree = [];
    for (const f of files) {
        if (f.content === null) {
            tree.push({ path: f.repoPath, mode: f.mode, type: 'blob', sha: null });
            continue;
        }
        const blob = await step(`upload ${f.repoPath}`, () => octokit.rest.git.createBlob({ owner, repo, content: f.content, encoding: 'base64' }));
        tree.push({ path: f.repoPath, mode: f.mode, type: 'blob', sha: blob.data.sha });
    }
    const newTree = await step('create the commit tree', () => octokit.rest.git.createTree({ owner, repo, base_tree: baseCommit.data.tree.sha, tree }));
    const commit = await step('create the commit', () => octokit.rest.git.createCommit({ owner, repo, message: commitMessage, tree: newTree.data.sha, parents: [baseSha] }));
    const sha = commit.data.sha;
    let branchExists = true;
    try {
        await octokit.rest.git.getRef({ owner, repo, ref: `heads/${o.branch}` });
    }
    catch (e) {
        if (e.status !== 404)
            throw apiError(e, `read branch ${o.branch}`, o);
        branchExists = false;
    }
    if (branchExists)
        await step(`move branch ${o.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${o.branch}`, sha, force: true }));
    else
        await step(`create branch ${o.branch}`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${o.branch}`, sha }));
    const open = await step(`list the pull requests of ${o.branch}`, () => octokit.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${o.branch}`, base: o.base, per_page: 10 }));
    const existing = open.data[0];
    let result;
    if (existing) {
        const upd = await step(`update pull request #${existing.number}`, () => octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: o.title, body: o.body }));
        result = { number: upd.data.number, url: upd.data.html_url, created: false, branch: o.branch, commit: sha };
    }
    else {
        const made = await step(`open a pull request from ${o.branch} into ${o.base}`, () => octokit.rest.pulls.create({ owner, repo, title: o.title, body: o.body, head: o.branch, base: o.base }));
        result = { number: made.data.number, url: made.data.html_url, created: true, branch: o.branch, commit: sha };
    }
    o.reporter?.info(`${result.created ? 'opened' : 'updated'} pull request #${result.number}: ${result.url}`);
    return result;
}
/** Where an action's pull request goes, from the runner's environment: GITHUB_REPOSITORY, GITHUB_API_URL, and the
 * base branch (`base` if given, else GITHUB_BASE_REF on pull_request events, else GITHUB_REF_NAME). */
function pullRequestTargetFromEnv(env = process.env, base) {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
    if (!m) {
        throw new errors/* DeployerError */.dg(`GITHUB_REPOSITORY must be \`owner/name\`, got ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')}`, {
            hint: 'opening a pull request needs the GitHub Actions runner environment; locally the change stays in the working tree',
        });
    }
    const branch = base || env.GITHUB_BASE_REF || env.GITHUB_REF_NAME;
    if (!branch)
        throw new errors/* DeployerError */.dg('no base branch for the pull request', { hint: 'set the `base-branch` input (e.g. main)' });
    return { owner: m[1], repo: m[2], baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), base: branch };
}


/***/ })

};
