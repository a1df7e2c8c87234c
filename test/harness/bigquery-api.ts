/**
 * A local fake of the two BigQuery REST endpoints the cost table calls, plus the Google credentials it accepts:
 * - `POST /bigquery/v2/projects/{project}/queries` (jobs.query): checks the SQL text (whitespace-normalised) against
 *   the reference query for a known billing-export table, `useLegacySql: false`, `parameterMode: NAMED` (any case, as the API) and exactly
 *   the STRING parameters `start_month`, `end_month` (YYYYMM) and `project`; answers the fixture rows of that table
 *   for that project and month range, `pageSize` rows at a time (a `pageToken` when more remain), optionally first
 *   with `jobComplete: false`;
 * - `GET /bigquery/v2/projects/{project}/queries/{jobId}` (jobs.getQueryResults): the next page, by `pageToken`;
 * - `POST /v1/token`: a Security Token Service token exchange (what an `external_account` credential, as written by
 *   google-github-actions/auth for workload identity federation, calls), checking audience and subject token.
 * Every request needs `Authorization: Bearer <t>` where t is a token that STS issued, or a self-signed RS256 JWT of a
 * known service account whose `scope` includes the BigQuery scope (signature checked with its public key). Errors
 * are Google's JSON error bodies. Bound to 127.0.0.1 on a free port.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';

/** A fresh service-account key JSON (as `gcloud iam service-accounts keys create` writes) for tests. */
export function makeServiceAccountKey(email = 'cost-reader@billing-project.iam.gserviceaccount.com'): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    type: 'service_account',
    project_id: email.split('@')[1]?.split('.')[0] ?? 'project',
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '1234567890',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  };
}

/** Which Google credentials the fakes accept: service-account keys (self-signed JWTs) and STS-issued tokens. */
export class GoogleAuthCheck {
  private readonly keys = new Map<string, ReturnType<typeof createPublicKey>>();
  private readonly stsTokens = new Set<string>();
  /** What the STS accepts: the workload identity audience and the OIDC token the job would present. */
  sts?: { audience: string; subjectToken: string };
  /** Every bearer credential seen (to prove none of them leaked elsewhere). */
  readonly seen: string[] = [];

  trustKey(key: Record<string, string>): void {
    this.keys.set(key.client_email, createPublicKey(key.private_key));
  }

  /** null when `authorization` carries a valid credential for `scope`, else why not (401). */
  check(authorization: string | undefined, scope: string): string | null {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!m) return 'Request is missing required authentication credential.';
    this.seen.push(m[1]);
    if (this.stsTokens.has(m[1])) return null;
    const parts = m[1].split('.');
    if (parts.length !== 3) return 'Invalid Credentials';
    let header: { alg?: string };
    let payload: { iss?: string; scope?: string; exp?: number; aud?: string };
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    } catch {
      return 'Invalid Credentials';
    }
    const key = payload.iss ? this.keys.get(payload.iss) : undefined;
    if (header.alg !== 'RS256' || !key) return 'Invalid Credentials (unknown issuer)';
    if (!verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'))) return 'Invalid Credentials (bad signature)';
    if (!payload.exp || payload.exp * 1000 < Date.now()) return 'Invalid Credentials (expired)';
    if (!(payload.scope ?? '').split(' ').includes(scope)) return `Request had insufficient authentication scopes (needs ${scope}).`;
    return null;
  }

  /** The STS token exchange (form-encoded body). */
  exchange(form: URLSearchParams): { status: number; body: unknown } {
    if (!this.sts) return { status: 404, body: { error: 'not_found' } };
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') return { status: 400, body: { error: 'invalid_grant', error_description: 'bad grant_type' } };
    if (form.get('audience') !== this.sts.audience) return { status: 400, body: { error: 'invalid_target', error_description: 'unknown audience' } };
    if (form.get('subject_token') !== this.sts.subjectToken) return { status: 400, body: { error: 'invalid_grant', error_description: 'subject token rejected' } };
    const token = `ya29.sts-${randomBytes(16).toString('hex')}`;
    this.stsTokens.add(token);
    return { status: 200, body: { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 } };
  }
}

export interface FixtureRow {
  /** YYYYMM */
  month: string;
  project: string;
  /** NUMERIC as BigQuery sends it: a decimal string. */
  total: string;
}

export interface FakeBigQueryOptions {
  auth: GoogleAuthCheck;
  /** Full table name (`project.dataset.gcp_billing_export_resource_v1_XXXXXX_XXXXXX_XXXXXX`) -> its aggregated rows. */
  tables: Record<string, FixtureRow[]>;
  /** Rows per page (default 1000). */
  pageSize?: number;
  /** Answer jobs.query with `jobComplete: false` first (rows then come from getQueryResults). */
  incompleteFirst?: boolean;
  /** Milliseconds added to every answer (the bench's network latency). */
  latencyMs?: number;
}

export interface RecordedQuery {
  jobProject: string;
  query: string;
  params: Record<string, string>;
  table: string;
}

export interface FakeBigQuery {
  url: string;
  queries: RecordedQuery[];
  /** Count of HTTP requests by kind. */
  calls: { query: number; getQueryResults: number; token: number };
  /** Answer queries on `table` with this Google error (e.g. 403 accessDenied). */
  failTable(table: string, status: number, reason: string, message: string): void;
  stop(): Promise<void>;
}

/** The reference query, whitespace-normalised, for `table` and an optional service id. */
export function expectedQuery(table: string, serviceId?: string): string {
  return norm(`SELECT invoice.month as month, project.id as project, (SUM(CAST(cost AS NUMERIC)) + SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) AS c), 0))) AS total_with_credits FROM \`${table}\` WHERE invoice.month >= @start_month AND invoice.month <= @end_month AND project.id = @project ${serviceId ? `AND service.id = "${serviceId}"` : ''} GROUP BY 1, 2 ORDER BY invoice.month ASC ;`);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const SCHEMA = { fields: [{ name: 'month', type: 'STRING', mode: 'NULLABLE' }, { name: 'project', type: 'STRING', mode: 'NULLABLE' }, { name: 'total_with_credits', type: 'NUMERIC', mode: 'NULLABLE' }] };

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function googleError(res: http.ServerResponse, status: number, reason: string, message: string): void {
  const statusName: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 500: 'INTERNAL' };
  sendJson(res, status, { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: statusName[status] ?? 'UNKNOWN' } });
}

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function startFakeBigQuery(options: FakeBigQueryOptions): Promise<FakeBigQuery> {
  const pageSize = options.pageSize ?? 1000;
  const queries: RecordedQuery[] = [];
  const calls = { query: 0, getQueryResults: 0, token: 0 };
  const failures = new Map<string, { status: number; reason: string; message: string }>();
  const jobs = new Map<string, { rows: FixtureRow[]; project: string; served: boolean }>();
  const delay = () => (options.latencyMs ? new Promise((r) => setTimeout(r, options.latencyMs)) : Promise.resolve());

  const page = (jobId: string, start: number) => {
    const job = jobs.get(jobId)!;
    const slice = job.rows.slice(start, start + pageSize);
    const next = start + pageSize < job.rows.length ? `page-${start + pageSize}` : undefined;
    return {
      schema: SCHEMA,
      jobReference: { projectId: job.project, jobId, location: 'US' },
      totalRows: String(job.rows.length),
      ...(slice.length ? { rows: slice.map((r) => ({ f: [{ v: r.month }, { v: r.project }, { v: r.total }] })) } : {}),
      ...(next ? { pageToken: next } : {}),
      jobComplete: true,
      cacheHit: false,
    };
  };

  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      await delay();
      if (req.method === 'POST' && u.pathname === '/v1/token') {
        calls.token++;
        const r = options.auth.exchange(new URLSearchParams(body));
        return sendJson(res, r.status, r.body);
      }
      const denied = options.auth.check(req.headers.authorization, BIGQUERY_SCOPE);
      if (denied) return googleError(res, 401, 'unauthorized', denied);
      let m = /^\/bigquery\/v2\/projects\/([^/]+)\/queries$/.exec(u.pathname);
      if (m && req.method === 'POST') {
        calls.query++;
        const q = JSON.parse(body) as {
          query?: string;
          useLegacySql?: boolean;
          parameterMode?: string;
          queryParameters?: Array<{ name?: string; parameterType?: { type?: string }; parameterValue?: { value?: string } }>;
        };
        const table = /FROM `([^`]*)`/.exec(q.query ?? '')?.[1] ?? '';
        const service = /AND service\.id = "([^"]*)"/.exec(q.query ?? '')?.[1];
        if (q.useLegacySql !== false) return googleError(res, 400, 'invalidQuery', 'expected standard SQL (useLegacySql: false)');
        if (norm(q.query ?? '') !== expectedQuery(table, service)) return googleError(res, 400, 'invalidQuery', `unexpected SQL text: ${norm(q.query ?? '')}`);
        if (q.parameterMode?.toUpperCase() !== 'NAMED') return googleError(res, 400, 'invalid', 'expected parameterMode NAMED (the API reads it case-insensitively)');
        const params: Record<string, string> = {};
        for (const p of q.queryParameters ?? []) {
          if (p.parameterType?.type !== 'STRING') return googleError(res, 400, 'invalid', `parameter ${p.name} must be STRING`);
          params[p.name ?? ''] = p.parameterValue?.value ?? '';
        }
        if (Object.keys(params).sort().join(',') !== 'end_month,project,start_month') return googleError(res, 400, 'invalidQuery', `unexpected parameters ${Object.keys(params).join(',')}`);
        if (!/^\d{6}$/.test(params.start_month) || !/^\d{6}$/.test(params.end_month)) return googleError(res, 400, 'invalidQuery', 'months must be YYYYMM');
        queries.push({ jobProject: decodeURIComponent(m[1]), query: q.query ?? '', params, table });
        const failure = failures.get(table);
        if (failure) return googleError(res, failure.status, failure.reason, failure.message);
        const rows = options.tables[table];
        if (!rows) return googleError(res, 404, 'notFound', `Not found: Table ${table} was not found in location US`);
        const selected = rows
          .filter((r) => r.project === params.project && r.month >= params.start_month && r.month <= params.end_month)
          .sort((a, b) => a.month.localeCompare(b.month));
        const jobId = `job_${randomBytes(8).toString('hex')}`;
        jobs.set(jobId, { rows: selected, project: decodeURIComponent(m[1]), served: false });
        if (options.incompleteFirst) {
          return sendJson(res, 200, { kind: 'bigquery#queryResponse', jobReference: { projectId: decodeURIComponent(m[1]), jobId, location: 'US' }, jobComplete: false });
        }
        return sendJson(res, 200, { kind: 'bigquery#queryResponse', ...page(jobId, 0) });
      }
      m = /^\/bigquery\/v2\/projects\/([^/]+)\/queries\/([^/]+)$/.exec(u.pathname);
      if (m && req.method === 'GET') {
        calls.getQueryResults++;
        const jobId = decodeURIComponent(m[2]);
        if (!jobs.has(jobId)) return googleError(res, 404, 'notFound', `Not found: Job ${m[1]}:US.${jobId}`);
        const token = u.searchParams.get('pageToken');
        const start = token ? Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN) : 0;
        if (!Number.isFinite(start)) return googleError(res, 400, 'invalid', 'bad pageToken');
        return sendJson(res, 200, { kind: 'bigquery#getQueryResultsResponse', ...page(jobId, start) });
      }
      return googleError(res, 404, 'notFound', `no such endpoint ${req.method} ${u.pathname}`);
    } catch (e) {
      googleError(res, 500, 'internalError', String(e));
    }
  });
  const url = await listen(server);
  return {
    url,
    queries,
    calls,
    failTable: (table, status, reason, message) => void failures.set(table, { status, reason, message }),
    stop: () => close(server),
  };
}
