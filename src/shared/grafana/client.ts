/**
 * A small Grafana HTTP API client: folders, dashboards by uid, `POST /api/dashboards/db`, datasources, service
 * accounts (every page of `search`) and their tokens.
 *
 * - Auth: `Bearer <service account token>` or `Basic base64(user:password)`; the credential is registered as a
 *   secret the moment the client is built, in every form it travels in.
 * - Every request has a timeout. 429 and 5xx answers (and network errors) are retried with exponential backoff
 *   (honouring `Retry-After`), but a POST that creates something (folder, service account, token, datasource) is
 *   retried only on 429/503, where Grafana did not act on it, so a retry can never create a duplicate.
 * - A failure is a GrafanaApiError naming the method, path and status with a hint; never a header or a body we sent.
 */
import { DeployerError } from '../errors.js';
import { redact, registerSecret } from '../redact.js';

export type GrafanaAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; user: string; password: string };

export interface GrafanaClientOptions {
  /** Base URL, e.g. `https://grafana.example.org` (a sub-path is kept: `https://host/grafana`). */
  url: string;
  auth: GrafanaAuth;
  /** Per-request timeout (ms). Default 30 s. */
  timeoutMs?: number;
  /** Attempts for a retryable request (default 4). */
  attempts?: number;
  /** First backoff delay (ms), doubled per retry, with jitter. Default 500. */
  backoffMs?: number;
  /** Longest wait honoured from a Retry-After header (ms). Default 30 s. */
  maxRetryAfterMs?: number;
  /** Called for every request made (method, path, status) — counts for reports and benchmarks. */
  onRequest?: (info: { method: string; path: string; status: number; write: boolean }) => void;
  /** How errors name this Grafana (e.g. the cluster). */
  label?: string;
}

export class GrafanaApiError extends DeployerError {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  constructor(method: string, path: string, status: number, detail: string, label?: string) {
    const where = label ? ` (${label})` : '';
    const msg = status === 0 ? `Grafana API ${method} ${path}${where} failed: ${detail}` : `Grafana API ${method} ${path}${where} answered ${status}${detail ? `: ${detail}` : ''}`;
    super(redact(msg), { hint: hintFor(status) });
    this.name = 'GrafanaApiError';
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

function hintFor(status: number): string | undefined {
  switch (status) {
    case 0:
      return 'check the Grafana URL and that this machine can reach it';
    case 401:
      return 'the credential was refused: for a service-account token, run `deployer grafana new-token <cluster>` (the token file is enc-grafana-token.secret.yaml); for the admin password, check grafana.adminPassword in the support secret values';
    case 403:
      return 'the credential is valid but lacks permission: the `deployer` service account needs the Admin role';
    case 404:
      return 'the object does not exist in this Grafana (or the URL does not point at Grafana)';
    case 412:
      return 'version mismatch: the object changed in Grafana while this run was updating it; run again';
    case 429:
      return 'Grafana is rate limiting; lower the parallelism or run again later';
    default:
      return status >= 500 ? 'Grafana failed on its side; look at its logs, then run again' : undefined;
  }
}

export interface GrafanaFolder {
  id?: number;
  uid: string;
  title: string;
  version?: number;
  url?: string;
}

export interface GrafanaDashboardGet {
  dashboard: Record<string, unknown>;
  meta: { folderUid?: string; folderId?: number; folderTitle?: string; url?: string; version?: number; slug?: string };
}

export interface GrafanaDashboardSaved {
  id?: number;
  uid: string;
  url?: string;
  status?: string;
  version?: number;
}

export interface GrafanaDatasource {
  id: number;
  uid?: string;
  name: string;
  type: string;
  url?: string;
  access?: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  isDefault?: boolean;
  [key: string]: unknown;
}

export interface GrafanaServiceAccount {
  id: number;
  name: string;
  login?: string;
  role?: string;
  isDisabled?: boolean;
}

export interface GrafanaToken {
  id: number;
  name: string;
  created?: string;
  expiration?: string | null;
  hasExpired?: boolean;
  secondsUntilExpiration?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One short line from an error body: Grafana's `message`, else the start of the text. */
function errorDetail(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown; status?: unknown };
    if (typeof j.message === 'string') return j.message + (typeof j.status === 'string' ? ` (${j.status})` : '');
  } catch {
    /* not JSON */
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

export class GrafanaClient {
  readonly url: string;
  private readonly authHeader: string;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly label?: string;
  private readonly onRequest?: GrafanaClientOptions['onRequest'];
  /** Requests made by this client (every attempt counts). */
  requests = 0;
  /** Successful writes (POST/PUT/DELETE answered 2xx). */
  writes = 0;

  constructor(options: GrafanaClientOptions) {
    let base: URL;
    try {
      base = new URL(options.url);
    } catch {
      throw new DeployerError(`invalid Grafana URL \`${options.url}\``, { hint: 'give a URL like https://grafana.example.org' });
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new DeployerError(`invalid Grafana URL \`${options.url}\`: only http(s) is supported`);
    this.url = base.href.replace(/\/+$/, '');
    if (options.auth.kind === 'bearer') {
      registerSecret(options.auth.token);
      this.authHeader = `Bearer ${options.auth.token}`;
    } else {
      registerSecret(options.auth.password);
      const b64 = Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64');
      registerSecret(b64);
      this.authHeader = `Basic ${b64}`;
    }
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.label = options.label;
    this.onRequest = options.onRequest;
  }

  /**
   * One API call. `path` starts with `/api/`. Returns the parsed JSON body (undefined for an empty body).
   * `allow404` turns a 404 into `undefined`. `idempotent` (default: every method but POST) decides what is retried.
   */
  async request<T>(method: string, path: string, body?: unknown, opts: { allow404?: boolean; idempotent?: boolean } = {}): Promise<T | undefined> {
    const idempotent = opts.idempotent ?? method !== 'POST';
    const write = method !== 'GET' && method !== 'HEAD';
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: this.authHeader };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    for (let attempt = 1; ; attempt++) {
      let status = 0;
      let text = '';
      let retryAfter: string | null = null;
      try {
        this.requests++;
        const res = await fetch(this.url + path, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        text = await res.text();
      } catch (e) {
        const err = e as Error;
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        const why = timedOut ? `timed out after ${Math.round(this.timeoutMs / 1000)} s` : `${(err.cause as Error | undefined)?.message ?? err.message}`;
        this.onRequest?.({ method, path, status: 0, write });
        // A request that never got an answer may or may not have been acted on: retry only idempotent ones.
        if (idempotent && attempt < this.attempts) {
          await sleep(this.delay(attempt, null));
          continue;
        }
        throw new GrafanaApiError(method, path, 0, redact(why), this.label);
      }
      this.onRequest?.({ method, path, status, write });
      if (status >= 200 && status < 300) {
        if (write) this.writes++;
        if (!text) return undefined;
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new GrafanaApiError(method, path, status, 'the answer is not JSON (is the URL a Grafana?)', this.label);
        }
      }
      if (status === 404 && opts.allow404) return undefined;
      const retryable = status === 429 || status === 503 || (idempotent && status >= 500);
      if (retryable && attempt < this.attempts) {
        await sleep(this.delay(attempt, retryAfter));
        continue;
      }
      if (status >= 300 && status < 400) throw new GrafanaApiError(method, path, status, 'redirected (is the URL right? a login page?)', this.label);
      throw new GrafanaApiError(method, path, status, redact(errorDetail(text)), this.label);
    }
  }

  private delay(attempt: number, retryAfter: string | null): number {
    if (retryAfter) {
      const s = Number(retryAfter);
      const ms = Number.isFinite(s) ? s * 1000 : Date.parse(retryAfter) - Date.now();
      if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, this.maxRetryAfterMs);
    }
    const base = this.backoffMs * 2 ** (attempt - 1);
    return base / 2 + Math.random() * (base / 2);
  }

  // ---- folders ----------------------------------------------------------------------------------------------
  getFolder(uid: string): Promise<GrafanaFolder | undefined> {
    return this.request<GrafanaFolder>('GET', `/api/folders/${encodeURIComponent(uid)}`, undefined, { allow404: true });
  }
  async createFolder(uid: string, title: string): Promise<GrafanaFolder> {
    return (await this.request<GrafanaFolder>('POST', '/api/folders', { uid, title }))!;
  }
  async updateFolder(uid: string, title: string, version: number | undefined): Promise<GrafanaFolder> {
    return (await this.request<GrafanaFolder>('PUT', `/api/folders/${encodeURIComponent(uid)}`, { title, version }))!;
  }

  // ---- dashboards -------------------------------------------------------------------------------------------
  getDashboard(uid: string): Promise<GrafanaDashboardGet | undefined> {
    return this.request<GrafanaDashboardGet>('GET', `/api/dashboards/uid/${encodeURIComponent(uid)}`, undefined, { allow404: true });
  }
  /** `POST /api/dashboards/db` with overwrite: the same uid written twice is the same dashboard, so it is retried. */
  async saveDashboard(dashboard: Record<string, unknown>, folderUid: string, message: string): Promise<GrafanaDashboardSaved> {
    return (await this.request<GrafanaDashboardSaved>('POST', '/api/dashboards/db', { dashboard, folderUid, overwrite: true, message }, { idempotent: true }))!;
  }

  // ---- datasources ------------------------------------------------------------------------------------------
  async listDatasources(): Promise<GrafanaDatasource[]> {
    return (await this.request<GrafanaDatasource[]>('GET', '/api/datasources')) ?? [];
  }
  async createDatasource(body: Record<string, unknown>): Promise<{ id?: number; name?: string; datasource?: GrafanaDatasource }> {
    return (await this.request<{ id?: number; name?: string }>('POST', '/api/datasources', body))!;
  }
  async updateDatasource(uid: string, body: Record<string, unknown>): Promise<unknown> {
    return this.request('PUT', `/api/datasources/uid/${encodeURIComponent(uid)}`, body);
  }
  async deleteDatasourceByName(name: string): Promise<void> {
    await this.request('DELETE', `/api/datasources/name/${encodeURIComponent(name)}`);
  }

  // ---- service accounts and tokens ----------------------------------------------------------------------------
  /** Every service account whose name matches `query` (all pages of `search`). */
  async searchServiceAccounts(query = '', perPage = 10): Promise<GrafanaServiceAccount[]> {
    const all: GrafanaServiceAccount[] = [];
    for (let page = 1; page <= 10_000; page++) {
      const q = new URLSearchParams({ perpage: String(perPage), page: String(page) });
      if (query) q.set('query', query);
      const res = await this.request<{ totalCount?: number; serviceAccounts?: GrafanaServiceAccount[] }>('GET', `/api/serviceaccounts/search?${q}`);
      const items = res?.serviceAccounts ?? [];
      all.push(...items);
      if (!items.length || all.length >= (res?.totalCount ?? 0)) break;
    }
    return all;
  }
  async createServiceAccount(name: string, role: string): Promise<GrafanaServiceAccount> {
    return (await this.request<GrafanaServiceAccount>('POST', '/api/serviceaccounts', { name, role, isDisabled: false }))!;
  }
  async listTokens(serviceAccountId: number): Promise<GrafanaToken[]> {
    return (await this.request<GrafanaToken[]>('GET', `/api/serviceaccounts/${serviceAccountId}/tokens`)) ?? [];
  }
  async deleteToken(serviceAccountId: number, tokenId: number): Promise<void> {
    await this.request('DELETE', `/api/serviceaccounts/${serviceAccountId}/tokens/${tokenId}`);
  }
  /** Create a token. The key is registered as a secret before this returns. */
  async createToken(serviceAccountId: number, name: string): Promise<{ id: number; name: string; key: string }> {
    const res = await this.request<{ id: number; name: string; key: string }>('POST', `/api/serviceaccounts/${serviceAccountId}/tokens`, { name, role: 'Admin' });
    if (!res || typeof res.key !== 'string' || !res.key) {
      throw new GrafanaApiError('POST', `/api/serviceaccounts/${serviceAccountId}/tokens`, 200, 'the answer holds no token key', this.label);
    }
    registerSecret(res.key);
    return res;
  }
}
