/**
 * A local fake of the GitHub REST endpoints the suite calls, checking what GitHub would refuse:
 * - `GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{n}/jobs`: the jobs given per run attempt, `per_page` at a
 *   time, with `Link: <...>; rel="next"` headers like GitHub's (the gate);
 * - the git data API (changes to the infra repo): `GET git/ref/{ref}`, `GET git/commits/{sha}`, `POST git/blobs`,
 *   `POST git/trees` (base_tree, deletions with `sha: null`), `POST git/commits`, `POST git/refs`, `PATCH git/refs/{ref}`
 *   (fast-forward unless `force`), over an in-memory object store with git's blob ids;
 * - `GET/POST /repos/{owner}/{repo}/pulls`, `PATCH /repos/{owner}/{repo}/pulls/{n}` (one open pull request per head and
 *   base, head branch must exist and differ from base); pulls from forks can be added with `addForkPull`;
 * - issue comments of a pull request: `GET issues/{n}/comments` (paged with `Link` headers like GitHub's), `POST
 *   issues/{n}/comments`, `PATCH issues/comments/{id}` (404 for an unknown pull request or comment, 422 for a body
 *   over 65,536 characters). Comments made through the API are authored by `github-actions[bot]` (type Bot).
 * Every request needs `Authorization: token <t>` or `Bearer <t>` (401 otherwise) and a User-Agent (403 otherwise, as
 * GitHub does); bodies must be JSON (400 "Problems parsing JSON"). Every request is recorded with its parsed body.
 * Bound to 127.0.0.1 on a free port; `stop()` closes it. Tests point GITHUB_API_URL (or Octokit's baseUrl) at `url`.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJsonBody } from './http-body.js';

export interface FakeJob {
  id?: number;
  name: string;
  status?: string;
  conclusion?: string | null;
  run_attempt?: number;
}

export interface FakeGithubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** The parsed JSON body of POST/PATCH/PUT requests. */
  body?: unknown;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  /** Branch name. */
  head: string;
  /** For a pull request from a fork: its head commit and repository (`owner/name`). */
  headSha?: string;
  headRepo?: string;
  base: string;
  state: 'open' | 'closed';
  html_url: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

export interface FakeCommitInfo {
  sha: string;
  message: string;
  parents: string[];
  tree: string;
}

export interface FakeGithubApi {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  requests: FakeGithubRequest[];
  /** Set the jobs of `owner/repo` run `runId` attempt `attempt`. */
  setJobs(repository: string, runId: number, attempt: number, jobs: FakeJob[]): void;
  /** Answer the next `count` requests with `status` (e.g. 502 to test retries, 403 for a missing permission). */
  failNext(status: number, count?: number, message?: string): void;
  /** Commit `files` (path -> text) as the whole tree of `branch` of `owner/repo` (the repository is created when new). */
  setBranch(repository: string, branch: string, files: Record<string, string>, message?: string): string;
  /** The files (path -> text) at the head of `branch`, or undefined when the branch does not exist. */
  branchFiles(repository: string, branch: string): Record<string, string> | undefined;
  /** The head commit of `branch`. */
  headCommit(repository: string, branch: string): FakeCommitInfo | undefined;
  /** Branch names of `owner/repo`. */
  branches(repository: string): string[];
  /** Pull requests of `owner/repo`, in creation order. */
  pulls(repository: string): FakePull[];
  /** A pull request from a fork (`headRepo`), at commit `headSha`; returns its number. */
  addForkPull(repository: string, pull: { head: string; base: string; headSha: string; headRepo: string; title?: string }): number;
  /** The comments of a pull request, oldest first. */
  comments(repository: string, issue: number): FakeComment[];
  /** A comment written by someone (default: a person), e.g. one quoting the bot's marker. */
  addComment(repository: string, issue: number, body: string, user?: { login: string; type: 'Bot' | 'User' }): number;
  stop(): Promise<void>;
}

type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; files: Map<string, { sha: string; mode: string }> }
  | { type: 'commit'; tree: string; parents: string[]; message: string };

interface FakeRepo {
  objects: Map<string, GitObject>;
  refs: Map<string, string>;
  pulls: FakePull[];
  comments: FakeComment[];
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

const MODES = new Set(['100644', '100755', '040000', '160000', '120000']);

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function startFakeGithubApi(options: { token: string; defaultPerPage?: number }): Promise<FakeGithubApi> {
  const runs = new Map<string, FakeJob[]>();
  const repos = new Map<string, FakeRepo>();
  const requests: FakeGithubRequest[] = [];
  let failures: Array<{ status: number; message: string }> = [];
  let url = '';

  const repoOf = (fullName: string, create = false): FakeRepo | undefined => {
    let r = repos.get(fullName);
    if (!r && create) {
      r = { objects: new Map(), refs: new Map(), pulls: [], comments: [] };
      repos.set(fullName, r);
    }
    return r;
  };
  const putBlob = (r: FakeRepo, content: Buffer): string => {
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
    r.objects.set(sha, { type: 'blob', content });
    return sha;
  };
  const putTree = (r: FakeRepo, files: Map<string, { sha: string; mode: string }>): string => {
    const listing = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, e]) => `${e.mode} ${p}\0${e.sha}`).join('\n');
    const sha = sha1(`tree ${listing}`);
    r.objects.set(sha, { type: 'tree', files: new Map(files) });
    return sha;
  };
  const putCommit = (r: FakeRepo, tree: string, parents: string[], message: string): string => {
    const sha = sha1(`commit ${tree}\n${parents.join(',')}\n${message}\n${r.objects.size}`);
    r.objects.set(sha, { type: 'commit', tree, parents, message });
    return sha;
  };
  const isAncestor = (r: FakeRepo, ancestor: string, of: string): boolean => {
    const stack = [of];
    const seen = new Set<string>();
    while (stack.length) {
      const c = stack.pop()!;
      if (c === ancestor) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      const o = r.objects.get(c);
      if (o?.type === 'commit') stack.push(...o.parents);
    }
    return false;
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const jobsHandler = (res: http.ServerResponse, u: URL, query: Record<string, string>, m: RegExpExecArray) => {
    const jobs = runs.get(`${m[1]}/${m[2]}#${m[3]}#${m[4]}`);
    if (!jobs) return send(res, 404, { message: 'Not Found' });
    const perPage = Math.min(100, Number(query.per_page ?? options.defaultPerPage ?? 30));
    const page = Math.max(1, Number(query.page ?? 1));
    const last = Math.max(1, Math.ceil(jobs.length / perPage));
    const slice = jobs.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const next = new URL(u.pathname, url);
      for (const [k, v] of Object.entries(query)) next.searchParams.set(k, v);
      next.searchParams.set('page', String(p));
      return next.href;
    };
    const links: string[] = [];
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    send(
      res,
      200,
      {
        total_count: jobs.length,
        jobs: slice.map((j, i) => ({
          id: j.id ?? (page - 1) * perPage + i + 1,
          run_id: Number(m[3]),
          run_attempt: j.run_attempt ?? Number(m[4]),
          name: j.name,
          status: j.status ?? 'completed',
          conclusion: j.conclusion === undefined ? 'success' : j.conclusion,
          html_url: `https://github.com/${m[1]}/${m[2]}/actions/runs/${m[3]}/job/${j.id ?? i + 1}`,
          steps: [],
          labels: ['ubuntu-latest'],
        })),
      },
      links.length ? { link: links.join(', ') } : {},
    );
  };

  const str = (b: Record<string, unknown>, key: string, required = true): string | undefined => {
    const v = b[key];
    if (v === undefined || v === null) {
      if (required) throw new HttpFailure(422, 'Invalid request.', [`"${key}" wasn't supplied.`]);
      return undefined;
    }
    if (typeof v !== 'string') throw new HttpFailure(422, 'Invalid request.', [`For '${key}', ${JSON.stringify(v)} is not a string.`]);
    return v;
  };

  const pullJson = (fullName: string, p: FakePull) => ({
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state,
    html_url: p.html_url,
    head: {
      ref: p.head,
      label: `${(p.headRepo ?? fullName).split('/')[0]}:${p.head}`,
      sha: p.headSha ?? repoOf(fullName)?.refs.get(`refs/heads/${p.head}`) ?? null,
      repo: { full_name: p.headRepo ?? fullName },
    },
    base: { ref: p.base, label: `${fullName.split('/')[0]}:${p.base}` },
  });

  /** The git data and pulls endpoints; throws HttpFailure for what GitHub would refuse. */
  const repoHandler = (method: string, fullName: string, rest: string, query: Record<string, string>, body: unknown): [number, unknown] | [number, unknown, Record<string, string>] => {
    const r = repoOf(fullName);
    if (!r) throw new HttpFailure(404, 'Not Found');
    const b = isObj(body) ? body : {};
    if ((method === 'POST' || method === 'PATCH') && !isObj(body)) throw new HttpFailure(400, 'Problems parsing JSON');
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^git\/ref\/(.+)$/.exec(rest))) {
      const ref = `refs/${m[1]}`;
      const sha = r.refs.get(ref);
      if (!sha) throw new HttpFailure(404, 'Not Found');
      return [200, { ref, node_id: 'x', url: `${url}/repos/${fullName}/git/${ref}`, object: { sha, type: 'commit', url: `${url}/repos/${fullName}/git/commits/${sha}` } }];
    }
    if (method === 'GET' && (m = /^git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const o = r.objects.get(m[1]);
      if (o?.type !== 'commit') throw new HttpFailure(404, 'Not Found');
      return [200, { sha: m[1], message: o.message, tree: { sha: o.tree }, parents: o.parents.map((sha) => ({ sha })) }];
    }
    if (method === 'POST' && rest === 'git/blobs') {
      const content = str(b, 'content')!;
      const encoding = str(b, 'encoding', false) ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'base64') throw new HttpFailure(422, `encoding must be one of utf-8, base64`);
      if (encoding === 'base64' && !/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(content)) throw new HttpFailure(422, 'Invalid base64 content');
      const sha = putBlob(r, encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8'));
      return [201, { sha, url: `${url}/repos/${fullName}/git/blobs/${sha}` }];
    }
    if (method === 'POST' && rest === 'git/trees') {
      if (!Array.isArray(b.tree)) throw new HttpFailure(422, 'Invalid request.', ['"tree" wasn\'t supplied.']);
      let files = new Map<string, { sha: string; mode: string }>();
      const baseTree = str(b, 'base_tree', false);
      if (baseTree !== undefined) {
        const base = r.objects.get(baseTree);
        if (base?.type !== 'tree') throw new HttpFailure(422, 'Invalid request.', ['base_tree is not a valid tree oid']);
        files = new Map(base.files);
      }
      for (const entry of b.tree) {
        if (!isObj(entry)) throw new HttpFailure(422, 'Invalid request.', ['tree entries must be objects']);
        const p = str(entry, 'path')!;
        if (p.startsWith('/') || p.endsWith('/') || p.includes('//') || p.split('/').some((s) => s === '.' || s === '..' || s === '.git')) {
          throw new HttpFailure(422, 'GitRPC::BadObjectState', [`invalid path ${p}`]);
        }
        const mode = str(entry, 'mode')!;
        if (!MODES.has(mode)) throw new HttpFailure(422, 'Invalid request.', [`${mode} is not a valid mode`]);
        const type = str(entry, 'type')!;
        if (type !== 'blob') throw new HttpFailure(422, 'Invalid request.', ['this fake stores blobs only']);
        const hasContent = typeof entry.content === 'string';
        if ('sha' in entry && hasContent) throw new HttpFailure(422, 'Invalid request.', ['Only one of "sha" or "content" can be supplied.']);
        if (entry.sha === null) {
          if (!files.has(p)) throw new HttpFailure(422, 'GitRPC::BadObjectState', [`cannot delete ${p}: not in the base tree`]);
          files.delete(p);
          continue;
        }
        let sha: string;
        if (hasContent) sha = putBlob(r, Buffer.from(entry.content as string, 'utf8'));
        else {
          sha = str(entry, 'sha')!;
          if (r.objects.get(sha)?.type !== 'blob') throw new HttpFailure(422, 'Invalid request.', [`${sha} is not a valid blob`]);
        }
        files.set(p, { sha, mode });
      }
      const sha = putTree(r, files);
      return [201, { sha, url: `${url}/repos/${fullName}/git/trees/${sha}`, truncated: false, tree: [...files.entries()].map(([p, e]) => ({ path: p, mode: e.mode, type: 'blob', sha: e.sha })) }];
    }
    if (method === 'POST' && rest === 'git/commits') {
      const message = str(b, 'message')!;
      const tree = str(b, 'tree')!;
      if (r.objects.get(tree)?.type !== 'tree') throw new HttpFailure(422, 'Tree SHA does not exist');
      const parents = b.parents === undefined ? [] : b.parents;
      if (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string' || r.objects.get(p)?.type !== 'commit')) {
        throw new HttpFailure(422, 'Parent SHA does not exist or is not a commit object');
      }
      const sha = putCommit(r, tree, parents as string[], message);
      return [201, { sha, message, tree: { sha: tree }, parents: (parents as string[]).map((p) => ({ sha: p })), html_url: `https://github.com/${fullName}/commit/${sha}` }];
    }
    if (method === 'POST' && rest === 'git/refs') {
      const ref = str(b, 'ref')!;
      const sha = str(b, 'sha')!;
      if (!/^refs\/[^/]+\/.+/.test(ref)) throw new HttpFailure(422, 'Reference name is invalid');
      if (r.objects.get(sha)?.type !== 'commit') throw new HttpFailure(422, 'Object does not exist');
      if (r.refs.has(ref)) throw new HttpFailure(422, 'Reference already exists');
      r.refs.set(ref, sha);
      return [201, { ref, object: { sha, type: 'commit' } }];
    }
    if (method === 'PATCH' && (m = /^git\/refs\/(.+)$/.exec(rest))) {
      const ref = `refs/${m[1]}`;
      const sha = str(b, 'sha')!;
      const current = r.refs.get(ref);
      if (!current) throw new HttpFailure(422, 'Reference does not exist');
      if (r.objects.get(sha)?.type !== 'commit') throw new HttpFailure(422, 'Object does not exist');
      if (b.force !== true && !isAncestor(r, current, sha)) throw new HttpFailure(422, 'Update is not a fast forward');
      r.refs.set(ref, sha);
      return [200, { ref, object: { sha, type: 'commit' } }];
    }
    if (method === 'GET' && rest === 'pulls') {
      const state = query.state ?? 'open';
      const owner = fullName.split('/')[0];
      const list = r.pulls.filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (query.head === undefined || query.head === `${owner}:${p.head}`) &&
          (query.base === undefined || query.base === p.base),
      );
      return [200, list.map((p) => pullJson(fullName, p))];
    }
    if (method === 'POST' && rest === 'pulls') {
      const title = str(b, 'title')!;
      const headParam = str(b, 'head')!;
      const base = str(b, 'base')!;
      const owner = fullName.split('/')[0];
      const head = headParam.startsWith(`${owner}:`) ? headParam.slice(owner.length + 1) : headParam;
      const errors = (field: string) => [{ resource: 'PullRequest', field, code: 'invalid' }];
      if (!r.refs.has(`refs/heads/${head}`)) throw new HttpFailure(422, 'Validation Failed', errors('head'));
      if (!r.refs.has(`refs/heads/${base}`)) throw new HttpFailure(422, 'Validation Failed', errors('base'));
      if (r.refs.get(`refs/heads/${head}`) === r.refs.get(`refs/heads/${base}`)) {
        throw new HttpFailure(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }]);
      }
      if (r.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
        throw new HttpFailure(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${head}.` }]);
      }
      const number = r.pulls.length + 1;
      const pr: FakePull = { number, title, body: str(b, 'body', false) ?? null, head, base, state: 'open', html_url: `https://github.com/${fullName}/pull/${number}` };
      r.pulls.push(pr);
      return [201, pullJson(fullName, pr)];
    }
    if (method === 'PATCH' && (m = /^pulls\/(\d+)$/.exec(rest))) {
      const pr = r.pulls.find((p) => p.number === Number(m![1]));
      if (!pr) throw new HttpFailure(404, 'Not Found');
      if (b.title !== undefined) pr.title = str(b, 'title')!;
      if (b.body !== undefined) pr.body = str(b, 'body')!;
      if (b.state !== undefined) {
        const state = str(b, 'state')!;
        if (state !== 'open' && state !== 'closed') throw new HttpFailure(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
        pr.state = state;
      }
      return [200, pullJson(fullName, pr)];
    }
    if ((m = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (!r.pulls.some((p) => p.number === issue)) throw new HttpFailure(404, 'Not Found');
      if (method === 'GET') {
        const all = r.comments.filter((c) => c.issue === issue);
        const perPage = Math.min(100, Number(query.per_page ?? 30));
        const page = Math.max(1, Number(query.page ?? 1));
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) headers.link = `<${url}/repos/${fullName}/issues/${issue}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        return [200, slice, headers];
      }
      if (method === 'POST') {
        const text = str(b, 'body')!;
        if (text.length > 65_536) throw new HttpFailure(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }]);
        const id = 1000 + r.comments.length + 1;
        const c: FakeComment = { id, issue, body: text, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.com/${fullName}/pull/${issue}#issuecomment-${id}` };
        r.comments.push(c);
        return [201, c];
      }
    }
    if (method === 'PATCH' && (m = /^issues\/comments\/(\d+)$/.exec(rest))) {
      const c = r.comments.find((x) => x.id === Number(m![1]));
      if (!c) throw new HttpFailure(404, 'Not Found');
      const text = str(b, 'body')!;
      if (text.length > 65_536) throw new HttpFailure(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }]);
      c.body = text;
      return [200, c];
    }
    throw new HttpFailure(404, 'Not Found');
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(u.searchParams.entries());
      const authorization = req.headers.authorization;
      const { raw, body, badJson } = parseJsonBody(chunks);
      requests.push({ method: req.method ?? '', path: u.pathname, query, authorization, ...(raw ? { body: badJson ? raw : body } : {}) });
      const failure = failures.shift();
      if (failure) return send(res, failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' });
      if (authorization !== `token ${options.token}` && authorization !== `Bearer ${options.token}`) {
        return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      }
      if (!req.headers['user-agent']) return send(res, 403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header' });
      if (badJson) return send(res, 400, { message: 'Problems parsing JSON' });
      const jobs = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/.exec(u.pathname);
      if (jobs) {
        if (req.method !== 'GET') return send(res, 404, { message: 'Not Found' });
        return jobsHandler(res, u, query, jobs);
      }
      const m = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(u.pathname);
      if (!m) return send(res, 404, { message: 'Not Found' });
      try {
        const [status, out, headers] = repoHandler(req.method ?? 'GET', `${m[1]}/${m[2]}`, decodeURIComponent(m[3]), query, body);
        send(res, status, out, headers);
      } catch (e) {
        if (e instanceof HttpFailure) {
          return send(res, e.status, { message: e.message, ...(e.errors ? { errors: e.errors } : {}), documentation_url: 'https://docs.github.com/rest' });
        }
        send(res, 500, { message: `fake GitHub API error: ${(e as Error).message}` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    setJobs: (repository, runId, attempt, jobs) => void runs.set(`${repository}#${runId}#${attempt}`, jobs),
    failNext: (status, count = 1, message = 'Server Error') => {
      failures = [...failures, ...Array.from({ length: count }, () => ({ status, message }))];
    },
    setBranch(repository, branch, files, message = 'initial commit') {
      const r = repoOf(repository, true)!;
      const tree = new Map<string, { sha: string; mode: string }>();
      for (const [p, text] of Object.entries(files)) tree.set(p, { sha: putBlob(r, Buffer.from(text, 'utf8')), mode: '100644' });
      const parent = r.refs.get(`refs/heads/${branch}`);
      const sha = putCommit(r, putTree(r, tree), parent ? [parent] : [], message);
      r.refs.set(`refs/heads/${branch}`, sha);
      return sha;
    },
    branchFiles(repository, branch) {
      const r = repoOf(repository);
      const head = r?.refs.get(`refs/heads/${branch}`);
      if (!r || !head) return undefined;
      const c = r.objects.get(head) as Extract<GitObject, { type: 'commit' }>;
      const t = r.objects.get(c.tree) as Extract<GitObject, { type: 'tree' }>;
      return Object.fromEntries(
        [...t.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, e]) => [p, (r.objects.get(e.sha) as Extract<GitObject, { type: 'blob' }>).content.toString('utf8')]),
      );
    },
    headCommit(repository, branch) {
      const r = repoOf(repository);
      const head = r?.refs.get(`refs/heads/${branch}`);
      if (!r || !head) return undefined;
      const c = r.objects.get(head) as Extract<GitObject, { type: 'commit' }>;
      return { sha: head, message: c.message, parents: [...c.parents], tree: c.tree };
    },
    branches: (repository) => [...(repoOf(repository)?.refs.keys() ?? [])].filter((r) => r.startsWith('refs/heads/')).map((r) => r.slice('refs/heads/'.length)).sort(),
    pulls: (repository) => (repoOf(repository)?.pulls ?? []).map((p) => ({ ...p })),
    addForkPull(repository, pull) {
      const r = repoOf(repository, true)!;
      const number = r.pulls.length + 1;
      r.pulls.push({ number, title: pull.title ?? 'a change from a fork', body: null, head: pull.head, base: pull.base, state: 'open', html_url: `https://github.com/${repository}/pull/${number}`, headSha: pull.headSha, headRepo: pull.headRepo });
      return number;
    },
    comments: (repository, issue) => (repoOf(repository)?.comments ?? []).filter((c) => c.issue === issue).map((c) => ({ ...c, user: { ...c.user } })),
    addComment(repository, issue, body, user = { login: 'a-person', type: 'User' }) {
      const r = repoOf(repository, true)!;
      const id = 1000 + r.comments.length + 1;
      r.comments.push({ id, issue, body, user, html_url: `https://github.com/${repository}/pull/${issue}#issuecomment-${id}` });
      return id;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
