/**
 * A local fake of CILogon's OIDC dynamic client management API (`/oauth2/oidc-cm`, reference A.13), checking what the
 * real service would refuse:
 * - `Authorization: Bearer <base64url(admin_id:admin_secret)>` (padding kept): anything else is 401;
 * - `Content-Type: application/json; charset=UTF-8` on requests with a body (415 otherwise), JSON bodies (400);
 * - POST (no query): a client body (`client_name`, `app_type: web`, `redirect_uris` a list of https URLs, `scope`
 *   with `openid`); answers 201 with `client_id` (`cilogon:/client_id/<hex>`) and `client_secret`;
 * - GET without a query: `{clients: [...]}`; GET/PUT/DELETE `?client_id=<id>`: one client (404 when unknown); PUT
 *   replaces every attribute (CILogon drops what the body leaves out); DELETE answers 204;
 * - at most `limit` (100) clients.
 * Errors are JSON `{error, error_description}`. `failNext` answers the next requests with a status (5xx tests), `hang`
 * delays them (timeout tests). Every request is recorded. Bound to 127.0.0.1 on a free port.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJsonBody } from './http-body.js';

export const CILOGON_PATH = '/oauth2/oidc-cm';

export interface FakeCilogonClient {
  client_id: string;
  client_secret: string;
  client_name: string;
  app_type: string;
  redirect_uris: string[];
  scope: string;
}

export interface FakeCilogonRequest {
  method: string;
  /** The decoded `client_id` query parameter, when there is one. */
  clientId?: string;
  rawQuery: string;
  authorization?: string;
  contentType?: string;
  body?: unknown;
}

export interface FakeCilogon {
  /** Base URL to give the client: `http://127.0.0.1:<port>/oauth2/oidc-cm`. */
  url: string;
  requests: FakeCilogonRequest[];
  clients: Map<string, FakeCilogonClient>;
  /** Add a client directly (as if made earlier). Returns it. */
  addClient(name: string, redirectUris?: string[]): FakeCilogonClient;
  /**
   * Answer the next `count` requests (of `method` only, when given) with `status`; `done` makes a POST still create
   * the client, a DELETE still delete it, before failing (a server that fails after doing the work).
   */
  failNext(status: number, count?: number, options?: { done?: boolean; message?: string; method?: string }): void;
  /** Delay the next `count` answers by `ms`. */
  hang(ms: number, count?: number): void;
  stop(): Promise<void>;
}

export async function startFakeCilogon(options: { adminId: string; adminSecret: string; limit?: number }): Promise<FakeCilogon> {
  const expected = `Bearer ${Buffer.from(`${options.adminId}:${options.adminSecret}`).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
  const limit = options.limit ?? 100;
  const clients = new Map<string, FakeCilogonClient>();
  const requests: FakeCilogonRequest[] = [];
  let failures: Array<{ status: number; done: boolean; message: string; method?: string }> = [];
  let hangs: number[] = [];

  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status);
      return res.end();
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const error = (res: http.ServerResponse, status: number, error: string, description: string) => send(res, status, { error, error_description: description });
  const publicView = (c: FakeCilogonClient) => {
    const { client_secret: _s, ...rest } = c;
    return { ...rest, client_id_issued_at: 1700000000 };
  };
  const makeClient = (body: Record<string, unknown>): FakeCilogonClient => {
    const c: FakeCilogonClient = {
      client_id: `cilogon:/client_id/${randomBytes(16).toString('hex')}`,
      client_secret: randomBytes(24).toString('base64url'),
      client_name: String(body.client_name),
      app_type: String(body.app_type),
      redirect_uris: body.redirect_uris as string[],
      scope: String(body.scope),
    };
    clients.set(c.client_id, c);
    return c;
  };
  /** What CILogon would refuse in a create/update body; undefined when it is fine. */
  const invalidBody = (b: unknown): string | undefined => {
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return 'the body must be a JSON object';
    const body = b as Record<string, unknown>;
    if (typeof body.client_name !== 'string' || !body.client_name) return 'client_name is required';
    if (body.app_type !== 'web') return 'app_type must be "web"';
    if (!Array.isArray(body.redirect_uris) || !body.redirect_uris.length) return 'redirect_uris must be a non-empty list';
    for (const u of body.redirect_uris) {
      if (typeof u !== 'string' || !/^https:\/\/[^/\s]+\/\S*$/.test(u)) return `redirect_uri ${JSON.stringify(u)} is not an https URL`;
    }
    if (typeof body.scope !== 'string' || !body.scope.split(' ').includes('openid')) return 'scope must include openid';
    return undefined;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const { raw, body, badJson } = parseJsonBody(chunks);
      const clientId = u.searchParams.get('client_id') ?? undefined;
      const method = req.method ?? 'GET';
      requests.push({ method, clientId, rawQuery: u.search, authorization: req.headers.authorization, contentType: req.headers['content-type'], ...(raw ? { body: badJson ? raw : body } : {}) });
      const delay = hangs.shift();
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (res.destroyed) return;
      if (u.pathname !== CILOGON_PATH) return error(res, 404, 'not_found', `no such endpoint ${u.pathname}`);
      if (req.headers.authorization !== expected) return error(res, 401, 'invalid_client', 'the administrative client credentials are not valid');
      const fi = failures.findIndex((f) => f.method === undefined || f.method === method);
      const failure = fi >= 0 ? failures.splice(fi, 1)[0] : undefined;
      if (failure) {
        if (failure.done && method === 'POST' && !invalidBody(body)) makeClient(body as Record<string, unknown>);
        if (failure.done && method === 'DELETE' && clientId !== undefined) clients.delete(clientId);
        return error(res, failure.status, 'server_error', failure.message);
      }
      if (raw) {
        if (!/^application\/json;\s*charset=utf-8$/i.test(String(req.headers['content-type'] ?? ''))) return error(res, 415, 'invalid_request', 'Content-Type must be application/json; charset=UTF-8');
        if (badJson) return error(res, 400, 'invalid_request', 'the body is not JSON');
      }
      if (method === 'POST') {
        if (clientId !== undefined) return error(res, 400, 'invalid_request', 'POST takes no client_id');
        const why = invalidBody(body);
        if (why) return error(res, 400, 'invalid_client_metadata', why);
        if (clients.size >= limit) return error(res, 403, 'access_denied', `the administrative client has reached its limit of ${limit} clients`);
        const c = makeClient(body as Record<string, unknown>);
        return send(res, 201, { ...publicView(c), client_secret: c.client_secret, client_secret_expires_at: 0, registration_client_uri: `${CILOGON_PATH}?client_id=${encodeURIComponent(c.client_id)}` });
      }
      if (method === 'GET' && clientId === undefined) {
        if (u.search) return error(res, 400, 'invalid_request', `unknown query ${u.search}`);
        return send(res, 200, { clients: [...clients.values()].map(publicView) });
      }
      if (clientId === undefined) return error(res, 400, 'invalid_request', 'client_id is required');
      if (!/^cilogon:\/client_id\/[0-9a-f]+$/.test(clientId)) return error(res, 400, 'invalid_request', `malformed client_id ${clientId}`);
      const c = clients.get(clientId);
      if (!c) return error(res, 404, 'invalid_client', `client ${clientId} not found`);
      if (method === 'GET') return send(res, 200, publicView(c));
      if (method === 'PUT') {
        const why = invalidBody(body);
        if (why) return error(res, 400, 'invalid_client_metadata', why);
        const b = body as Record<string, unknown>;
        const updated: FakeCilogonClient = { client_id: c.client_id, client_secret: c.client_secret, client_name: String(b.client_name), app_type: String(b.app_type), redirect_uris: b.redirect_uris as string[], scope: String(b.scope) };
        clients.set(c.client_id, updated);
        return send(res, 200, publicView(updated));
      }
      if (method === 'DELETE') {
        clients.delete(clientId);
        return send(res, 204);
      }
      return error(res, 405, 'invalid_request', `method ${method} not allowed`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${CILOGON_PATH}`,
    requests,
    clients,
    addClient(name, redirectUris = [`https://${name}.example.org/hub/oauth_callback`]) {
      return makeClient({ client_name: name, app_type: 'web', redirect_uris: redirectUris, scope: 'openid email org.cilogon.userinfo profile' });
    },
    failNext(status, count = 1, o = {}) {
      failures = [...failures, ...Array.from({ length: count }, () => ({ status, done: o.done ?? false, message: o.message ?? 'Internal Server Error', method: o.method }))];
    },
    hang(ms, count = 1) {
      hangs = [...hangs, ...Array.from({ length: count }, () => ms)];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
