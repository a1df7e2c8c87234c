/**
 * A small JupyterHub REST client (fetch): users, servers, tokens, spawn progress (`text/event-stream`).
 * Every request carries `Authorization: token <token>`; failures are typed (HubConnectionError: nothing answered;
 * HubHttpError: an HTTP status with the hub's own message) so the check can classify them.
 */

export interface HubServerModel {
  name?: string;
  ready?: boolean;
  pending?: string | null;
  stopped?: boolean;
  url?: string;
  progress_url?: string;
}

export interface HubUserModel {
  name: string;
  /** URL path of the default server when it is running (JupyterHub puts base_url in it). */
  server?: string | null;
  pending?: string | null;
  servers?: Record<string, HubServerModel>;
}

export interface ProgressEvent {
  progress?: number;
  message?: string;
  ready?: boolean;
  failed?: boolean;
  url?: string;
}

/** Nothing answered: DNS, TLS, connection refused or reset, no response in time. */
export class HubConnectionError extends Error {
  constructor(
    readonly url: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'HubConnectionError';
  }
}

/** An HTTP status the caller did not expect, with the hub's `message` when it sent JSON. */
export class HubHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly hubMessage: string,
  ) {
    super(`${method} ${url} answered HTTP ${status}${hubMessage ? `: ${hubMessage}` : ''}`);
    this.name = 'HubHttpError';
  }
}

export interface HubClientOptions {
  /** The hub's public URL, e.g. https://staging.example.org (a base_url path prefix is kept). */
  hubUrl: string;
  token: string;
  /** Bound for one request (default 30 s). */
  requestTimeoutMs?: number;
}

/** `https://x/prefix` -> `https://x/prefix/` (so relative URLs resolve below the prefix). */
export function normalizeBase(url: string): URL {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u;
}

/** Describe a fetch failure: the network error's code and message, not "fetch failed". */
export function networkReason(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ message?: string }> } };
  if (err?.name === 'TimeoutError') return 'no response in time';
  const cause = err?.cause;
  if (cause) {
    const inner = cause.errors?.map((x) => x.message).filter(Boolean).join('; ');
    const text = inner || cause.message || '';
    return cause.code && !text.includes(cause.code) ? `${cause.code}: ${text}` : text || String(cause.code);
  }
  return err?.message ?? String(e);
}

/** The hub's JSON `{message}` if the body is one, else a short text excerpt. */
export function bodyMessage(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (j && typeof j.message === 'string') return j.message;
  } catch {
    /* not JSON */
  }
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 200 ? plain.slice(0, 200) + '…' : plain;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class HubClient {
  readonly base: URL;
  private readonly token: string;
  readonly requestTimeoutMs: number;

  constructor(options: HubClientOptions) {
    this.base = normalizeBase(options.hubUrl);
    this.token = options.token;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /** Absolute URL of a hub API path (`/users/x` -> `<base>hub/api/users/x`). */
  apiUrl(apiPath: string): string {
    return new URL(`hub/api${apiPath}`, this.base).toString();
  }

  /** A URL path the hub returned (server.url) made absolute against the hub's origin. */
  resolve(urlPath: string): URL {
    return new URL(urlPath, this.base);
  }

  private signal(options: RequestOptions): AbortSignal {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.requestTimeoutMs);
    return options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  }

  /** One request; returns status and parsed body (JSON, or text). Throws HubConnectionError when nothing answers. */
  async raw(method: string, apiPath: string, options: RequestOptions = {}): Promise<{ status: number; text: string; json?: unknown }> {
    const url = this.apiUrl(apiPath);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: {
          Authorization: `token ${this.token}`,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: this.signal(options),
        redirect: 'manual',
      });
      text = await res.text();
    } catch (e) {
      if (options.signal?.aborted) throw options.signal.reason ?? e;
      throw new HubConnectionError(url, `${method} ${url}: ${networkReason(e)}`, { cause: e });
    }
    let json: unknown;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        /* not JSON: a proxy error page, a login redirect */
      }
    }
    return { status: res.status, text, json };
  }

  /** A request that must answer one of `ok`; anything else is a HubHttpError. */
  async request<T>(method: string, apiPath: string, ok: number[], options: RequestOptions = {}): Promise<{ status: number; body: T }> {
    const r = await this.raw(method, apiPath, options);
    if (!ok.includes(r.status)) throw new HubHttpError(method, this.apiUrl(apiPath), r.status, bodyMessage(r.text));
    return { status: r.status, body: r.json as T };
  }

  /** `GET /hub/api/`: `{version}`; proves a JupyterHub answers at this URL. */
  async version(signal?: AbortSignal): Promise<string> {
    const r = await this.raw('GET', '/', { signal });
    const v = (r.json as { version?: unknown } | undefined)?.version;
    if (r.status !== 200 || typeof v !== 'string') {
      throw new HubHttpError('GET', this.apiUrl('/'), r.status, r.status === 200 ? 'the answer is not a JupyterHub API version' : bodyMessage(r.text));
    }
    return v;
  }

  /** `GET /hub/api/user`: who the token is (JupyterHub >= 2 returns its scopes). */
  async whoami(signal?: AbortSignal): Promise<{ name?: string; kind?: string; scopes?: string[] }> {
    return (await this.request<{ name?: string; kind?: string; scopes?: string[] }>('GET', '/user', [200], { signal })).body;
  }

  /** A user, or null when the hub does not know it. */
  async getUser(name: string, signal?: AbortSignal): Promise<HubUserModel | null> {
    const r = await this.raw('GET', `/users/${encodeURIComponent(name)}`, { signal });
    if (r.status === 404) return null;
    if (r.status !== 200) throw new HubHttpError('GET', this.apiUrl(`/users/${encodeURIComponent(name)}`), r.status, bodyMessage(r.text));
    return r.json as HubUserModel;
  }

  async createUser(name: string, signal?: AbortSignal): Promise<HubUserModel> {
    return (await this.request<HubUserModel>('POST', `/users/${encodeURIComponent(name)}`, [201], { signal })).body;
  }

  /** 204 deleted, 404 already gone; anything else throws. */
  async deleteUser(name: string, signal?: AbortSignal): Promise<number> {
    return (await this.request('DELETE', `/users/${encodeURIComponent(name)}`, [204, 404], { signal })).status;
  }

  /** Request the default server: 201 ready, 202 pending; other statuses are returned for the caller to classify. */
  startServer(name: string, signal?: AbortSignal): Promise<{ status: number; text: string; json?: unknown }> {
    return this.raw('POST', `/users/${encodeURIComponent(name)}/server`, { body: {}, signal });
  }

  /** Stop the default server: 204 stopped, 202 stopping; returns the raw answer. */
  stopServer(name: string, signal?: AbortSignal): Promise<{ status: number; text: string; json?: unknown }> {
    return this.raw('DELETE', `/users/${encodeURIComponent(name)}/server`, { signal });
  }

  /** A token for the user (used when the service token may not access the user's server). */
  async createUserToken(name: string, note: string, expiresInS: number, signal?: AbortSignal): Promise<string> {
    const r = await this.request<{ token?: string }>('POST', `/users/${encodeURIComponent(name)}/tokens`, [200, 201], {
      body: { note, expires_in: expiresInS },
      signal,
    });
    if (!r.body?.token) throw new HubHttpError('POST', this.apiUrl(`/users/${name}/tokens`), r.status, 'no token in the answer');
    return r.body.token;
  }

  /**
   * Follow `GET /hub/api/users/<name>/server/progress` (an event stream) calling `onEvent` for each event until the
   * stream ends, an event is `ready` or `failed`, or `signal` aborts. Returns the last event (undefined if none).
   * A non-200 answer (400: the server is not starting) is returned as `{status}` for the caller to look at the user.
   */
  async followProgress(name: string, onEvent: (e: ProgressEvent) => void, signal: AbortSignal): Promise<{ status: number; last?: ProgressEvent }> {
    const url = this.apiUrl(`/users/${encodeURIComponent(name)}/server/progress`);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { Authorization: `token ${this.token}`, Accept: 'text/event-stream' },
        signal,
        redirect: 'manual',
      });
    } catch (e) {
      if (signal.aborted) throw signal.reason ?? e;
      throw new HubConnectionError(url, `GET ${url}: ${networkReason(e)}`, { cause: e });
    }
    if (res.status !== 200 || !res.body) {
      await res.text().catch(() => '');
      return { status: res.status };
    }
    let last: ProgressEvent | undefined;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    try {
      for (;;) {
        let chunk: { done: boolean; value?: Uint8Array };
        try {
          chunk = await reader.read();
        } catch (e) {
          if (signal.aborted) throw signal.reason ?? e;
          return { status: 200, last }; // the stream broke: the caller looks at the user model
        }
        if (chunk.done) return { status: 200, last };
        buffer += decoder.decode(chunk.value, { stream: true });
        let sep: RegExpExecArray | null;
        while ((sep = /\r?\n\r?\n/.exec(buffer))) {
          const block = buffer.slice(0, sep.index);
          buffer = buffer.slice(sep.index + sep[0].length);
          const data = block
            .split(/\r?\n/)
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).replace(/^ /, ''))
            .join('\n');
          if (!data) continue;
          let event: ProgressEvent;
          try {
            event = JSON.parse(data) as ProgressEvent;
          } catch {
            continue;
          }
          last = event;
          onEvent(event);
          if (event.ready || event.failed) return { status: 200, last };
        }
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }
}
