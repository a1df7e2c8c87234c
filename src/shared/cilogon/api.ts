/**
 * The CILogon OIDC dynamic client management API (reference A.13): base URL `https://cilogon.org/oauth2/oidc-cm`
 * (overridable), `Authorization: Bearer <base64url(admin_id:admin_secret)>` (padding kept, as Python's
 * urlsafe_b64encode), `Content-Type: application/json; charset=UTF-8`, clients addressed with `?client_id=<id>`,
 * 5 s per request, network errors and 5xx answers retried. Any other non-2xx answer is a DeployerError with the status
 * and CILogon's message (upstream printed it and exited 0).
 *
 * Secrets are registered the moment they arrive: the admin secret and the bearer value when the client is made, every
 * `client_secret` in a response before the response is returned.
 */
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { redact, registerSecret } from '../redact.js';

export const CILOGON_URL = 'https://cilogon.org/oauth2/oidc-cm';
/** CILogon allows an administrative client this many OIDC clients. */
export const CILOGON_CLIENT_LIMIT = 100;
export const CILOGON_SCOPE = 'openid email org.cilogon.userinfo profile';

export interface AdminCredentials {
  clientId: string;
  clientSecret: string;
}

/** What create and update send. */
export interface ClientBody {
  client_name: string;
  app_type: 'web';
  redirect_uris: string[];
  scope: string;
}

/** A client as CILogon returns it (more fields may be present). */
export interface CilogonClient {
  client_id: string;
  client_name?: string;
  redirect_uris?: string[] | string;
  scope?: string | string[];
  client_secret?: string;
  [key: string]: unknown;
}

export interface CilogonApiOptions {
  admin: AdminCredentials;
  /** Default https://cilogon.org/oauth2/oidc-cm. */
  baseUrl?: string;
  /** Per request, default 5000 ms. */
  timeoutMs?: number;
  /** Attempts for network errors, timeouts and 5xx answers, default 3. */
  attempts?: number;
  /** Pause before retry n is n times this, default 1000 ms. */
  retryDelayMs?: number;
  reporter?: Reporter;
}

/** The bearer value: base64url of `id:secret`, with `=` padding kept. */
export function bearerValue(admin: AdminCredentials): string {
  return Buffer.from(`${admin.clientId}:${admin.clientSecret}`, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Register every `client_secret` (and any key named like a secret) found in a response, at any depth. */
function maskResponse(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(maskResponse);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' && /secret|password|token/i.test(k)) registerSecret(v);
      else maskResponse(v);
    }
  }
}

/** CILogon's message from an error body: JSON `error_description`/`error`/`message`, else the text, shortened. */
function messageOf(text: string): string {
  let msg = text.trim();
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const parts = [j.error, j.error_description, j.message].filter((x) => typeof x === 'string' && x) as string[];
    if (parts.length) msg = parts.join(': ');
  } catch {
    /* not JSON: the text */
  }
  msg = redact(msg.replace(/\s+/g, ' '));
  return msg.length > 500 ? `${msg.slice(0, 500)}...` : msg || '(empty answer)';
}

export class CilogonApiError extends DeployerError {
  constructor(
    readonly status: number,
    readonly cilogonMessage: string,
    what: string,
  ) {
    super(`The request to CILogon API returned a ${status} status code (${what}): ${cilogonMessage}`, {
      hint:
        status === 401 || status === 403
          ? 'CILogon refused the administrative client: check cilogon_admin.client_id/client_secret in the admin credentials file'
          : status >= 500
            ? 'CILogon is failing; try again later'
            : 'check the client id and the request; nothing was changed in the repository',
    });
    this.name = 'CilogonApiError';
  }
}

export class CilogonApi {
  readonly baseUrl: string;
  private readonly auth: string;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly reporter?: Reporter;

  constructor(o: CilogonApiOptions) {
    if (!o.admin.clientId || !o.admin.clientSecret) throw new DeployerError('the CILogon admin client id and secret are both needed');
    registerSecret(o.admin.clientSecret);
    const bearer = bearerValue(o.admin);
    registerSecret(bearer);
    this.auth = `Bearer ${bearer}`;
    this.baseUrl = (o.baseUrl || CILOGON_URL).replace(/\/+$/, '');
    if (!/^https?:\/\//.test(this.baseUrl)) throw new DeployerError(`the CILogon API URL must be http(s), got ${this.baseUrl}`);
    this.timeoutMs = o.timeoutMs ?? 5000;
    this.attempts = Math.max(1, o.attempts ?? 3);
    this.retryDelayMs = o.retryDelayMs ?? 1000;
    this.reporter = o.reporter;
  }

  private url(clientId?: string): string {
    if (clientId === undefined) return this.baseUrl;
    const u = new URL(this.baseUrl);
    u.searchParams.set('client_id', clientId);
    return u.href;
  }

  /** One request with retries on network errors, timeouts and 5xx. Returns the parsed JSON body (undefined when empty). */
  private async request(method: string, what: string, clientId?: string, body?: unknown, retry = true): Promise<unknown> {
    const attempts = retry ? this.attempts : 1;
    let last: unknown;
    let transientBefore = false;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let res: Response;
      try {
        res = await fetch(this.url(clientId), {
          method,
          headers: { Authorization: this.auth, 'Content-Type': 'application/json; charset=UTF-8', Accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        const timedOut = (e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError';
        last = new DeployerError(`CILogon did not answer (${what}): ${timedOut ? `no answer within ${this.timeoutMs / 1000} s` : redact(String((e as Error).cause ?? (e as Error).message))}`, {
          hint: `check that ${this.baseUrl} is reachable; try again later`,
        });
        if (attempt < attempts) {
          transientBefore = true;
          this.reporter?.warn(`CILogon did not answer (${what}), attempt ${attempt} of ${attempts}; retrying`);
          await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
          continue;
        }
        throw last;
      }
      const text = await res.text();
      let parsed: unknown;
      if (text.trim()) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
      }
      maskResponse(parsed);
      if (res.ok) {
        if (text.trim() && parsed === undefined) throw new DeployerError(`CILogon answered ${what} with something that is not JSON`, { hint: `check that ${this.baseUrl} is the CILogon OIDC client management API` });
        return parsed;
      }
      // A DELETE whose earlier attempt failed in transit may have been done: the client being gone is the goal.
      if (method === 'DELETE' && res.status === 404 && transientBefore) {
        this.reporter?.info(`CILogon no longer knows the client (${what}): the earlier attempt deleted it`);
        return undefined;
      }
      last = new CilogonApiError(res.status, messageOf(text), what);
      if (res.status >= 500 && attempt < attempts) {
        transientBefore = true;
        this.reporter?.warn(`CILogon answered ${res.status} (${what}), attempt ${attempt} of ${attempts}; retrying`);
        await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
        continue;
      }
      throw last;
    }
    throw last;
  }

  /** POST a new client. Not retried here: a retried create can make a second client (see create.ts). */
  async create(body: ClientBody): Promise<CilogonClient & { client_secret: string }> {
    const out = (await this.request('POST', `create ${body.client_name}`, undefined, body, false)) as CilogonClient;
    if (!out || typeof out.client_id !== 'string' || typeof out.client_secret !== 'string') {
      throw new DeployerError('CILogon created a client but its answer has no client_id/client_secret', { hint: 'look for the client with `deployer cilogon-client get-all` and delete it' });
    }
    return out as CilogonClient & { client_secret: string };
  }

  async get(clientId: string): Promise<CilogonClient> {
    const out = (await this.request('GET', `get ${clientId}`, clientId)) as CilogonClient;
    if (!out || typeof out !== 'object') throw new DeployerError(`CILogon answered get ${clientId} without a client`);
    return out;
  }

  async getAll(): Promise<CilogonClient[]> {
    const out = (await this.request('GET', 'list clients')) as { clients?: unknown };
    if (!out || !Array.isArray(out.clients)) throw new DeployerError('CILogon answered the client list without a `clients` list');
    return out.clients as CilogonClient[];
  }

  async update(clientId: string, body: ClientBody): Promise<CilogonClient> {
    return ((await this.request('PUT', `update ${clientId}`, clientId, body)) ?? {}) as CilogonClient;
  }

  async delete(clientId: string): Promise<void> {
    await this.request('DELETE', `delete ${clientId}`, clientId);
  }
}

/** The body of create/update for a hub: `<cluster>-<hub>`, web app, the hub's OAuth callback(s), CILogon's scopes. */
export function clientBody(cluster: string, hub: string, redirectUris: string[]): ClientBody {
  return { client_name: `${cluster}-${hub}`, app_type: 'web', redirect_uris: redirectUris, scope: CILOGON_SCOPE };
}

export function callbackUrl(domain: string): string {
  return `https://${domain}/hub/oauth_callback`;
}
