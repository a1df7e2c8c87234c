/**
 * A local fake of the Grafana HTTP API: exactly the endpoints deployer calls, with what a real Grafana would refuse.
 *
 * One server hosts many Grafana instances, each under its own path prefix (`<url>/<name>/api/...`, as a Grafana with
 * `serve_from_sub_path` would be), so one test can run a fleet of 30 clusters.
 *
 * Endpoints (per instance):
 *   GET  /api/folders/:uid                      404 {message} when absent
 *   POST /api/folders {uid,title}               409 when the uid exists
 *   PUT  /api/folders/:uid {title,version}      412 version-mismatch when the version is stale (unless overwrite)
 *   GET  /api/dashboards/uid/:uid               {dashboard, meta:{folderUid, folderId, folderTitle, url, version}}
 *   POST /api/dashboards/db {dashboard,folderUid,overwrite,message}
 *                                               400 without title/folder, 412 version-mismatch when !overwrite
 *   GET  /api/datasources; POST /api/datasources (409 on a taken name); PUT /api/datasources/uid/:uid;
 *   DELETE /api/datasources/name/:name
 *   GET  /api/serviceaccounts/search?perpage&page&query   pages of at most 10 (what it is told, capped at 10)
 *   POST /api/serviceaccounts {name,role,isDisabled}
 *   GET  /api/serviceaccounts/:id/tokens; POST /api/serviceaccounts/:id/tokens {name}; DELETE .../tokens/:tid
 * Auth: `Authorization: Bearer <token>` (a token this instance knows, including every token created through the API)
 * or `Basic base64(admin:<password>)`; anything else 401; a Bearer token of a non-Admin 403 on service accounts.
 * A body must be sent as `Content-Type: application/json` (else 415) and parse (else 400).
 * `failNext(status, count, match)` answers the next matching requests with `status` (401/403/404/412/500/503...).
 * `latencyMs` delays every answer. Every request is recorded (method, path, instance, auth kind, body).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFolder {
  id: number;
  uid: string;
  title: string;
  version: number;
}
export interface FakeDashboard {
  id: number;
  uid: string;
  folderUid: string;
  version: number;
  dashboard: Record<string, unknown>;
}
export interface FakeDatasource {
  id: number;
  uid: string;
  name: string;
  type: string;
  url: string;
  access: string;
  basicAuth: boolean;
  basicAuthUser: string;
  secureJsonData?: Record<string, string>;
  isDefault?: boolean;
}
export interface FakeServiceAccount {
  id: number;
  name: string;
  login: string;
  role: string;
  isDisabled: boolean;
}
export interface FakeToken {
  id: number;
  name: string;
  key: string;
  expired: boolean;
  serviceAccountId: number;
}

export interface FakeRequest {
  instance: string;
  method: string;
  path: string;
  query: Record<string, string>;
  auth: 'bearer' | 'basic' | 'none' | 'other';
  body?: unknown;
  status: number;
}

export interface FakeGrafanaInstance {
  name: string;
  /** `<server url>/<name>` (no trailing slash): the Grafana URL to give deployer. */
  url: string;
  adminPassword: string;
  folders: Map<string, FakeFolder>;
  dashboards: Map<string, FakeDashboard>;
  datasources: FakeDatasource[];
  serviceAccounts: FakeServiceAccount[];
  tokens: FakeToken[];
  /** Tokens accepted as Bearer (besides those in `tokens`). */
  bearerTokens: Set<string>;
  /** Add a service account (returns it). */
  addServiceAccount(name: string, role?: string): FakeServiceAccount;
  /** Add a token to a service account (returns its key). */
  addToken(serviceAccountId: number, name: string, expired?: boolean): string;
  addDatasource(ds: Partial<FakeDatasource> & { name: string }): FakeDatasource;
}

export interface FailRule {
  status: number;
  count: number;
  instance?: string;
  method?: string;
  /** Matches when the request path (after the instance prefix) starts with this. */
  pathPrefix?: string;
  message?: string;
}

export interface FakeGrafana {
  url: string;
  requests: FakeRequest[];
  /** Milliseconds every answer waits (default 0). */
  latencyMs: number;
  instance(name: string, options?: { adminPassword?: string; token?: string }): FakeGrafanaInstance;
  get(name: string): FakeGrafanaInstance | undefined;
  failNext(rule: Partial<FailRule> & { status: number }): void;
  /** Writes (POST/PUT/DELETE answered 2xx), optionally of one instance. */
  writes(instance?: string): FakeRequest[];
  reset(): void;
  stop(): Promise<void>;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function startFakeGrafana(options: { latencyMs?: number } = {}): Promise<FakeGrafana> {
  const instances = new Map<string, FakeGrafanaInstance>();
  const requests: FakeRequest[] = [];
  let rules: FailRule[] = [];
  let url = '';
  let nextId = 1;

  const makeInstance = (name: string, opts: { adminPassword?: string; token?: string } = {}): FakeGrafanaInstance => {
    const inst: FakeGrafanaInstance = {
      name,
      url: `${url}/${name}`,
      adminPassword: opts.adminPassword ?? `admin-${randomBytes(6).toString('hex')}`,
      folders: new Map(),
      dashboards: new Map(),
      datasources: [],
      serviceAccounts: [],
      tokens: [],
      bearerTokens: new Set(opts.token ? [opts.token] : []),
      addServiceAccount(n, role = 'Viewer') {
        const sa = { id: nextId++, name: n, login: `sa-${slug(n)}`, role, isDisabled: false };
        inst.serviceAccounts.push(sa);
        return sa;
      },
      addToken(serviceAccountId, n, expired = false) {
        const key = `glsa_${randomBytes(16).toString('hex')}`;
        inst.tokens.push({ id: nextId++, name: n, key, expired, serviceAccountId });
        return key;
      },
      addDatasource(ds) {
        const full: FakeDatasource = { id: nextId++, uid: `ds${nextId}`, type: 'prometheus', url: '', access: 'proxy', basicAuth: false, basicAuthUser: '', ...ds };
        inst.datasources.push(full);
        return full;
      },
    };
    return inst;
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const parts = u.pathname.split('/').filter(Boolean);
      const inst = instances.get(decodeURIComponent(parts[0] ?? ''));
      const apiPath = '/' + parts.slice(1).join('/');
      const method = req.method ?? 'GET';
      const authz = req.headers.authorization ?? '';
      const authKind: FakeRequest['auth'] = authz.startsWith('Bearer ') ? 'bearer' : authz.startsWith('Basic ') ? 'basic' : authz ? 'other' : 'none';
      const record: FakeRequest = { instance: inst?.name ?? '', method, path: apiPath, query: Object.fromEntries(u.searchParams), auth: authKind, status: 0 };
      requests.push(record);
      const send = (status: number, body: unknown) => {
        record.status = status;
        const text = JSON.stringify(body);
        const go = () => {
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        };
        if (fake.latencyMs > 0) setTimeout(go, fake.latencyMs);
        else go();
      };
      if (!inst) return send(404, { message: 'Not found' });
      // Told to fail?
      const ri = rules.findIndex((r) => r.count > 0 && (!r.instance || r.instance === inst.name) && (!r.method || r.method === method) && (!r.pathPrefix || apiPath.startsWith(r.pathPrefix)));
      if (ri >= 0) {
        const r = rules[ri];
        r.count--;
        if (r.count <= 0) rules.splice(ri, 1);
        const msg = r.message ?? ({ 401: 'Unauthorized', 403: 'Permissions needed', 404: 'Not found', 412: 'The dashboard has been changed by someone else', 500: 'Internal Server Error' } as Record<number, string>)[r.status] ?? 'error';
        return send(r.status, r.status === 412 ? { message: msg, status: 'version-mismatch' } : { message: msg });
      }
      // Auth.
      let role: 'admin' | 'sa' | undefined;
      let saRole = '';
      if (authKind === 'basic') {
        const [user, ...rest] = Buffer.from(authz.slice(6), 'base64').toString('utf8').split(':');
        if (user === 'admin' && rest.join(':') === inst.adminPassword) role = 'admin';
      } else if (authKind === 'bearer') {
        const t = authz.slice(7);
        const tok = inst.tokens.find((x) => x.key === t);
        if (inst.bearerTokens.has(t)) {
          role = 'sa';
          saRole = 'Admin';
        } else if (tok && !tok.expired) {
          role = 'sa';
          saRole = inst.serviceAccounts.find((s) => s.id === tok.serviceAccountId)?.role ?? 'Viewer';
        }
      }
      if (!role) return send(401, { message: authKind === 'bearer' ? 'Invalid API key' : 'Unauthorized' });
      // Bodies.
      let body: Record<string, unknown> | undefined;
      if (method === 'POST' || method === 'PUT') {
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(415, { message: 'Unsupported Media Type: send application/json' });
        try {
          body = JSON.parse(raw || 'null') as Record<string, unknown>;
        } catch {
          return send(400, { message: 'bad request data' });
        }
        if (!body || typeof body !== 'object') return send(400, { message: 'bad request data' });
        record.body = body;
      }
      const isWriteAdmin = role === 'admin' || saRole === 'Admin';
      if (method !== 'GET' && !isWriteAdmin) return send(403, { message: 'You do not have permission to perform this action' });
      let m: RegExpExecArray | null;
      const seg = (i: number) => decodeURIComponent(parts[i] ?? '');

      // ---- folders
      if ((m = /^\/api\/folders\/([^/]+)$/.exec(apiPath))) {
        const uid = seg(3);
        const f = inst.folders.get(uid);
        if (method === 'GET') return f ? send(200, { ...f, url: `/${inst.name}/dashboards/f/${uid}/${slug(f.title)}` }) : send(404, { message: 'folder not found', status: 'not-found' });
        if (method === 'PUT') {
          if (!f) return send(404, { message: 'folder not found' });
          if (typeof body!.title !== 'string' || !body!.title) return send(400, { message: 'folder title cannot be empty' });
          if (body!.overwrite !== true && body!.version !== f.version) return send(412, { message: 'the folder has been changed by someone else', status: 'version-mismatch' });
          f.title = body!.title as string;
          f.version++;
          return send(200, f);
        }
      }
      if (apiPath === '/api/folders' && method === 'POST') {
        const uid = body!.uid as string;
        const title = body!.title as string;
        if (typeof title !== 'string' || !title) return send(400, { message: 'folder title cannot be empty' });
        if (uid && inst.folders.has(uid)) return send(409, { message: 'a folder with the same uid already exists' });
        const f = { id: nextId++, uid: uid || `f${nextId}`, title, version: 1 };
        inst.folders.set(f.uid, f);
        return send(200, f);
      }
      // ---- dashboards
      if ((m = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(apiPath)) && method === 'GET') {
        const d = inst.dashboards.get(seg(4));
        if (!d) return send(404, { message: 'Dashboard not found' });
        const f = inst.folders.get(d.folderUid);
        return send(200, {
          dashboard: { ...structuredClone(d.dashboard), id: d.id, uid: d.uid, version: d.version },
          meta: { folderUid: d.folderUid, folderId: f?.id ?? 0, folderTitle: f?.title ?? 'General', url: `/${inst.name}/d/${d.uid}/${slug(String(d.dashboard.title ?? ''))}`, version: d.version, slug: slug(String(d.dashboard.title ?? '')) },
        });
      }
      if (apiPath === '/api/dashboards/db' && method === 'POST') {
        const db = body!.dashboard as Record<string, unknown> | undefined;
        if (!db || typeof db !== 'object') return send(400, { message: 'bad request data: dashboard missing' });
        if (typeof db.title !== 'string' || !db.title.trim()) return send(400, { message: 'Dashboard title cannot be empty', status: 'empty-name' });
        const folderUid = body!.folderUid as string | undefined;
        if (folderUid === undefined || !inst.folders.has(folderUid)) return send(400, { message: 'folder not found', status: 'folder-not-found' });
        const uid = typeof db.uid === 'string' && db.uid ? db.uid : randomBytes(7).toString('hex');
        const existing = inst.dashboards.get(uid);
        if (existing && body!.overwrite !== true && db.version !== existing.version) return send(412, { message: 'The dashboard has been changed by someone else', status: 'version-mismatch' });
        const { id: _id, version: _v, ...stored } = db;
        const d: FakeDashboard = { id: existing?.id ?? nextId++, uid, folderUid, version: (existing?.version ?? 0) + 1, dashboard: { ...stored, uid } };
        inst.dashboards.set(uid, d);
        return send(200, { id: d.id, uid, url: `/${inst.name}/d/${uid}/${slug(db.title)}`, status: 'success', version: d.version, slug: slug(db.title) });
      }
      // ---- datasources
      const publicDs = (d: FakeDatasource) => {
        const { secureJsonData: _s, ...rest } = d;
        return { ...rest, secureJsonFields: d.secureJsonData ? Object.fromEntries(Object.keys(d.secureJsonData).map((k) => [k, true])) : {} };
      };
      const checkDs = (b: Record<string, unknown>) => (typeof b.name !== 'string' || !b.name ? 'datasource name is required' : typeof b.type !== 'string' || !b.type ? 'datasource type is required' : typeof b.access !== 'string' ? 'access is required' : undefined);
      if (apiPath === '/api/datasources' && method === 'GET') return send(200, inst.datasources.map(publicDs));
      if (apiPath === '/api/datasources' && method === 'POST') {
        const bad = checkDs(body!);
        if (bad) return send(400, { message: bad });
        if (inst.datasources.some((d) => d.name === body!.name)) return send(409, { message: 'data source with the same name already exists' });
        const ds = inst.addDatasource(body as unknown as FakeDatasource);
        return send(200, { id: ds.id, name: ds.name, message: 'Datasource added', datasource: publicDs(ds) });
      }
      if ((m = /^\/api\/datasources\/uid\/([^/]+)$/.exec(apiPath)) && method === 'PUT') {
        const ds = inst.datasources.find((d) => d.uid === seg(4));
        if (!ds) return send(404, { message: 'Data source not found' });
        const bad = checkDs(body!);
        if (bad) return send(400, { message: bad });
        Object.assign(ds, body, { id: ds.id, uid: ds.uid });
        return send(200, { id: ds.id, name: ds.name, message: 'Datasource updated', datasource: publicDs(ds) });
      }
      if ((m = /^\/api\/datasources\/name\/([^/]+)$/.exec(apiPath)) && method === 'DELETE') {
        const i = inst.datasources.findIndex((d) => d.name === seg(4));
        if (i < 0) return send(404, { message: 'Data source not found' });
        const [ds] = inst.datasources.splice(i, 1);
        return send(200, { id: ds.id, message: 'Data source deleted' });
      }
      // ---- service accounts (Admin only)
      if (apiPath.startsWith('/api/serviceaccounts')) {
        if (!isWriteAdmin) return send(403, { message: 'You do not have permission to perform this action' });
        if (apiPath === '/api/serviceaccounts/search' && method === 'GET') {
          const perPage = Math.min(10, Math.max(1, Number(u.searchParams.get('perpage') ?? 10)));
          const page = Math.max(1, Number(u.searchParams.get('page') ?? 1));
          const q = (u.searchParams.get('query') ?? '').toLowerCase();
          const all = inst.serviceAccounts.filter((s) => !q || s.name.toLowerCase().includes(q) || s.login.includes(q));
          const slice = all.slice((page - 1) * perPage, page * perPage);
          return send(200, { totalCount: all.length, page, perPage, serviceAccounts: slice.map((s) => ({ ...s, tokens: inst.tokens.filter((t) => t.serviceAccountId === s.id).length })) });
        }
        if (apiPath === '/api/serviceaccounts' && method === 'POST') {
          if (typeof body!.name !== 'string' || !body!.name) return send(400, { message: 'service account name is required' });
          if (inst.serviceAccounts.some((s) => s.name === body!.name)) return send(409, { message: 'service account already exists' });
          const sa = inst.addServiceAccount(body!.name as string, (body!.role as string) ?? 'Viewer');
          sa.isDisabled = body!.isDisabled === true;
          return send(201, sa);
        }
        if ((m = /^\/api\/serviceaccounts\/(\d+)\/tokens(?:\/(\d+))?$/.exec(apiPath))) {
          const sa = inst.serviceAccounts.find((s) => s.id === Number(m![1]));
          if (!sa) return send(404, { message: 'service account not found' });
          if (method === 'GET' && !m[2]) {
            return send(
              200,
              inst.tokens
                .filter((t) => t.serviceAccountId === sa.id)
                .map((t) => ({ id: t.id, name: t.name, created: '2026-01-01T00:00:00Z', expiration: t.expired ? '2026-02-01T00:00:00Z' : null, hasExpired: t.expired, secondsUntilExpiration: t.expired ? 0 : undefined })),
            );
          }
          if (method === 'POST' && !m[2]) {
            if (typeof body!.name !== 'string' || !body!.name) return send(400, { message: 'token name is required' });
            if (inst.tokens.some((t) => t.serviceAccountId === sa.id && t.name === body!.name)) return send(409, { message: 'service account token with given name already exists' });
            const key = inst.addToken(sa.id, body!.name as string);
            const t = inst.tokens[inst.tokens.length - 1];
            return send(200, { id: t.id, name: t.name, key });
          }
          if (method === 'DELETE' && m[2]) {
            const i = inst.tokens.findIndex((t) => t.id === Number(m![2]) && t.serviceAccountId === sa.id);
            if (i < 0) return send(404, { message: 'token not found' });
            inst.tokens.splice(i, 1);
            return send(200, { message: 'Service account token deleted' });
          }
        }
      }
      return send(404, { message: `Not found: ${method} ${apiPath}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeGrafana = {
    url,
    requests,
    latencyMs: options.latencyMs ?? 0,
    instance(name, opts) {
      let inst = instances.get(name);
      if (!inst) {
        inst = makeInstance(name, opts);
        instances.set(name, inst);
      } else if (opts?.token) inst.bearerTokens.add(opts.token);
      return inst;
    },
    get: (name) => instances.get(name),
    failNext(rule) {
      rules.push({ count: 1, ...rule });
    },
    writes: (instance) => requests.filter((r) => r.method !== 'GET' && r.status >= 200 && r.status < 300 && (!instance || r.instance === instance)),
    reset() {
      requests.length = 0;
      rules = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
