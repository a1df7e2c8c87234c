/**
 * A local fake of one GitHub REST endpoint: `GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{n}/jobs`.
 * It serves the jobs given per run attempt, `per_page` at a time, with `Link: <...>; rel="next"` headers like GitHub's,
 * checks the `Authorization` header (`token <t>` or `Bearer <t>`; 401 otherwise), and records every request.
 * Bound to 127.0.0.1 on a free port; `stop()` closes it. Tests point GITHUB_API_URL at `url`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface FakeGithubApi {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  requests: FakeGithubRequest[];
  /** Set the jobs of `owner/repo` run `runId` attempt `attempt`. */
  setJobs(repository: string, runId: number, attempt: number, jobs: FakeJob[]): void;
  /** Answer the next `count` requests with `status` (e.g. 502 to test retries, 403 for a missing permission). */
  failNext(status: number, count?: number, message?: string): void;
  stop(): Promise<void>;
}

export async function startFakeGithubApi(options: { token: string; defaultPerPage?: number }): Promise<FakeGithubApi> {
  const runs = new Map<string, FakeJob[]>();
  const requests: FakeGithubRequest[] = [];
  let failures: Array<{ status: number; message: string }> = [];
  let url = '';

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(u.searchParams.entries());
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? '', path: u.pathname, query, authorization });
    const failure = failures.shift();
    if (failure) return send(res, failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' });
    if (authorization !== `token ${options.token}` && authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/.exec(u.pathname);
    if (req.method !== 'GET' || !m) return send(res, 404, { message: 'Not Found' });
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
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
