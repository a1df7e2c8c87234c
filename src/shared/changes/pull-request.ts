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
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { containsSecret, redact, registerSecret } from '../redact.js';
import type { Reporter } from '../log.js';
import { githubClient } from '../github/client.js';
import type { RepoChange } from './changeset.js';
import { hasSopsMetadata } from './encrypt.js';
import { formatOf, isSecretName } from './paths.js';

export interface PullRequestOptions {
  /** A token with `contents: write` and `pull-requests: write`. */
  token: string;
  /** REST API base (GITHUB_API_URL), default https://api.github.com. */
  baseUrl?: string;
  owner: string;
  repo: string;
  /** The branch the pull request goes into (e.g. main). */
  base: string;
  /** The branch of this change (created, or moved when it exists). */
  branch: string;
  title: string;
  body: string;
  /** Commit message (default: the title, a blank line, the body). */
  commitMessage?: string;
  /** The infra repo root the change paths are relative to (the working tree holding the new contents). */
  root: string;
  changes: RepoChange[];
  reporter?: Reporter;
  /** Whole operation timeout, default 120 s. */
  timeoutMs?: number;
  /** Attempts per request on network errors and 5xx answers, default 3. */
  attempts?: number;
  retryDelayMs?: number;
}

export interface PullRequestResult {
  number: number;
  url: string;
  /** true when a new pull request was opened, false when the branch's open one was updated. */
  created: boolean;
  branch: string;
  commit: string;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { data?: unknown };
}

/** The git top-level above `root` (a `.git` entry), for paths in the commit; `root` itself when none is found. */
export function gitTopLevel(root: string): string {
  let dir = path.resolve(root);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(root);
    dir = parent;
  }
}

const BRANCH_RE = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\.$)[A-Za-z0-9._\/-]+$/;

/** A branch name git and GitHub accept, made from free text (`cilogon/my-cluster/staging`). */
export function branchName(...parts: string[]): string {
  return parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').replace(/\.\.+/g, '.'))
    .filter(Boolean)
    .join('/');
}

function apiError(e: HttpError, what: string, o: PullRequestOptions): DeployerError {
  const data = e.response?.data as { message?: unknown; errors?: Array<{ message?: unknown } | string> } | undefined;
  const extra = (data?.errors ?? []).map((x) => (typeof x === 'string' ? x : String(x?.message ?? ''))).filter(Boolean);
  const detail = redact([String(data?.message ?? e.message ?? e), ...extra].join('; ')).split('\n')[0];
  let hint: string;
  if (e.status === 401) hint = 'the token was refused: pass a valid `github-token`';
  else if (e.status === 403 && /not permitted to create or approve pull requests/i.test(detail)) {
    hint = 'enable "Allow GitHub Actions to create and approve pull requests" in the repository (or organisation) settings, or pass a token of a GitHub App / user';
  } else if (e.status === 403 || e.status === 404) hint = `give the job \`permissions: { contents: write, pull-requests: write }\` and check that ${o.owner}/${o.repo} and branch ${o.base} exist`;
  else if (e.status === 422) hint = 'GitHub refused the request as invalid; check the base branch and the branch name';
  else hint = `check that ${o.baseUrl ?? 'https://api.github.com'} is reachable; the change is still in the working tree, run again when GitHub answers`;
  return new DeployerError(`could not ${what}: ${e.status ? `HTTP ${e.status}: ` : ''}${detail}`, { hint, cause: e });
}

export async function openPullRequest(o: PullRequestOptions): Promise<PullRequestResult> {
  if (!o.token) throw new DeployerError('no GitHub token to open the pull request with', { hint: 'pass `github-token` (default `${{ github.token }}`) with contents: write and pull-requests: write' });
  registerSecret(o.token);
  if (!o.changes.length) throw new DeployerError('there is no change to open a pull request for');
  if (!BRANCH_RE.test(o.branch) || o.branch === o.base) throw new DeployerError(`\`${o.branch}\` cannot be the branch of a pull request into \`${o.base}\``);
  const commitMessage = o.commitMessage ?? `${o.title}\n\n${o.body}`;
  for (const [name, text] of [['title', o.title], ['body', o.body], ['commit message', commitMessage]] as const) {
    if (containsSecret(text)) {
      throw new DeployerError(`refusing to open the pull request: its ${name} contains a secret value`, { hint: 'this is a bug in deployer: titles, bodies and commit messages must only name files and keys' });
    }
  }
  if (!o.title.trim()) throw new DeployerError('a pull request needs a title');

  // Read and check every file before any request: a half-made commit is never pushed.
  const top = gitTopLevel(o.root);
  const prefix = path.relative(top, path.resolve(o.root)).split(path.sep).filter(Boolean).join('/');
  const files = o.changes.map((c) => {
    const repoPath = prefix ? `${prefix}/${c.path}` : c.path;
    const abs = path.resolve(o.root, c.path);
    if (c.action === 'deleted') {
      if (existsSync(abs)) throw new DeployerError(`${c.path} is listed as deleted but still exists in the working tree`, { file: c.path });
      return { repoPath, content: null as string | null, mode: '100644' as const };
    }
    if (!existsSync(abs)) throw new DeployerError(`${c.path} is listed as changed but is not in the working tree`, { file: c.path });
    const buf = readFileSync(abs);
    const text = buf.toString('utf8');
    const format = formatOf(c.path);
    if (c.encrypted || isSecretName(c.path)) {
      if (!hasSopsMetadata(text, format === 'binary' ? 'json' : format)) {
        throw new DeployerError(`refusing to upload ${c.path}: it is secret but not sops-encrypted`, { file: c.path, hint: 'encrypt it with sops (or rotate whatever it holds if it ever left this machine)' });
      }
    }
    const mode = (statSync(abs).mode & 0o111) !== 0 ? ('100755' as const) : ('100644' as const);
    return { repoPath, content: buf.toString('base64'), mode };
  });

  const octokit = await githubClient({ token: o.token, baseUrl: o.baseUrl, userAgent: 'deployer-changes', timeoutMs: o.timeoutMs, attempts: o.attempts, retryDelayMs: o.retryDelayMs });
  const { owner, repo } = o;
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw apiError(e as HttpError, what, o);
    }
  };

  const baseRef = await step(`read branch ${o.base} of ${owner}/${repo}`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${o.base}` }));
  const baseSha = baseRef.data.object.sha;
  const baseCommit = await step(`read the head commit of ${o.base}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }));
  const tree: Array<{ path: string; mode: '100644' | '100755'; type: 'blob'; sha: string | null }> = [];
  for (const f of files) {
    if (f.content === null) {
      tree.push({ path: f.repoPath, mode: f.mode, type: 'blob', sha: null });
      continue;
    }
    const blob = await step(`upload ${f.repoPath}`, () => octokit.rest.git.createBlob({ owner, repo, content: f.content!, encoding: 'base64' }));
    tree.push({ path: f.repoPath, mode: f.mode, type: 'blob', sha: blob.data.sha });
  }
  const newTree = await step('create the commit tree', () => octokit.rest.git.createTree({ owner, repo, base_tree: baseCommit.data.tree.sha, tree }));
  const commit = await step('create the commit', () => octokit.rest.git.createCommit({ owner, repo, message: commitMessage, tree: newTree.data.sha, parents: [baseSha] }));
  const sha = commit.data.sha;

  let branchExists = true;
  try {
    await octokit.rest.git.getRef({ owner, repo, ref: `heads/${o.branch}` });
  } catch (e) {
    if ((e as HttpError).status !== 404) throw apiError(e as HttpError, `read branch ${o.branch}`, o);
    branchExists = false;
  }
  if (branchExists) await step(`move branch ${o.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${o.branch}`, sha, force: true }));
  else await step(`create branch ${o.branch}`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${o.branch}`, sha }));

  const open = await step(`list the pull requests of ${o.branch}`, () => octokit.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${o.branch}`, base: o.base, per_page: 10 }));
  const existing = open.data[0];
  let result: PullRequestResult;
  if (existing) {
    const upd = await step(`update pull request #${existing.number}`, () => octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: o.title, body: o.body }));
    result = { number: upd.data.number, url: upd.data.html_url, created: false, branch: o.branch, commit: sha };
  } else {
    const made = await step(`open a pull request from ${o.branch} into ${o.base}`, () => octokit.rest.pulls.create({ owner, repo, title: o.title, body: o.body, head: o.branch, base: o.base }));
    result = { number: made.data.number, url: made.data.html_url, created: true, branch: o.branch, commit: sha };
  }
  o.reporter?.info(`${result.created ? 'opened' : 'updated'} pull request #${result.number}: ${result.url}`);
  return result;
}

/** Where an action's pull request goes, from the runner's environment: GITHUB_REPOSITORY, GITHUB_API_URL, and the
 * base branch (`base` if given, else GITHUB_BASE_REF on pull_request events, else GITHUB_REF_NAME). */
export function pullRequestTargetFromEnv(env: NodeJS.ProcessEnv = process.env, base?: string): { owner: string; repo: string; baseUrl: string; base: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!m) {
    throw new DeployerError(`GITHUB_REPOSITORY must be \`owner/name\`, got ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')}`, {
      hint: 'opening a pull request needs the GitHub Actions runner environment; locally the change stays in the working tree',
    });
  }
  const branch = base || env.GITHUB_BASE_REF || env.GITHUB_REF_NAME;
  if (!branch) throw new DeployerError('no base branch for the pull request', { hint: 'set the `base-branch` input (e.g. main)' });
  return { owner: m[1], repo: m[2], baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), base: branch };
}
