/**
 * A Jupyter kernel client: the single-user server's REST API (`/api/kernelspecs`, `/api/kernels`) and the kernel's
 * websocket (`/api/kernels/<id>/channels`, the JSON messaging protocol: execute_request on `shell`, then iopub
 * stream / execute_result / display_data / error / status, and the shell execute_reply).
 * The token goes in the Authorization header (the `ws` package can send headers).
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { bodyMessage, networkReason } from './hub-api.js';

/** The single-user server refused, failed or did not answer. `status` is 0 when nothing answered. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly location?: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The kernel connection broke or the kernel died. */
export class KernelGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KernelGoneError';
  }
}

/** An execution did not finish in time. */
export class ExecuteTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no reply within ${Math.round(timeoutMs / 100) / 10} s`);
    this.name = 'ExecuteTimeoutError';
  }
}

/** REST calls to one single-user server (`serverUrl` ends with `/`, e.g. https://hub/user/name/). */
export class ServerClient {
  constructor(
    readonly serverUrl: URL,
    private token: string,
    private readonly requestTimeoutMs = 30_000,
  ) {}

  useToken(token: string): void {
    this.token = token;
  }

  get authToken(): string {
    return this.token;
  }

  async request<T>(method: string, apiPath: string, body: unknown, signal: AbortSignal | undefined, ok: number[]): Promise<T> {
    const url = new URL(apiPath, this.serverUrl).toString();
    const timeout = AbortSignal.timeout(this.requestTimeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: {
          Authorization: `token ${this.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: 'manual',
      });
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      throw new ServerError(0, `${method} ${url}: ${networkReason(e)}`);
    }
    if (!ok.includes(res.status)) {
      const location = res.headers.get('location') ?? undefined;
      const why = location ? `redirected to ${location}` : bodyMessage(text);
      throw new ServerError(res.status, `${method} ${url} answered HTTP ${res.status}${why ? `: ${why}` : ''}`, location);
    }
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new ServerError(res.status, `${method} ${url} answered HTTP ${res.status} with a body that is not JSON: ${bodyMessage(text)}`);
    }
  }

  /** The default kernel name (proves the server answers, through the proxy, to this token). */
  async defaultKernel(signal?: AbortSignal): Promise<string> {
    const specs = await this.request<{ default?: string; kernelspecs?: Record<string, unknown> }>('GET', 'api/kernelspecs', undefined, signal, [200]);
    if (!specs?.default) throw new ServerError(200, `GET ${new URL('api/kernelspecs', this.serverUrl)}: the server has no default kernel`);
    return specs.default;
  }

  async startKernel(name: string | undefined, signal?: AbortSignal): Promise<{ id: string; name: string }> {
    return this.request<{ id: string; name: string }>('POST', 'api/kernels', name ? { name } : {}, signal, [200, 201]);
  }

  async interruptKernel(id: string): Promise<void> {
    await this.request('POST', `api/kernels/${encodeURIComponent(id)}/interrupt`, {}, AbortSignal.timeout(5000), [200, 204]).catch(() => {});
  }

  async deleteKernel(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `api/kernels/${encodeURIComponent(id)}`, undefined, signal, [204, 404]);
  }
}

interface JupyterMessage {
  header: { msg_id: string; msg_type: string; date?: string; [k: string]: unknown };
  parent_header: { msg_id?: string; [k: string]: unknown };
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  channel?: string;
}

export interface ExecuteOutcome {
  status: 'ok' | 'error' | 'aborted';
  ename?: string;
  evalue?: string;
  traceback?: string[];
  /** Round trip as seen here: request sent to reply and idle received. */
  wallMs: number;
  /** Execution time inside the kernel (execute_reply metadata `started` to the reply's date), when it says. */
  kernelMs?: number;
  /** Text the cell printed (stream, execute_result text/plain), capped. */
  output: string;
}

interface Pending {
  msgId: string;
  reply?: JupyterMessage;
  idle: boolean;
  error?: { ename?: string; evalue?: string; traceback?: string[] };
  output: string;
  resolve: () => void;
  reject: (e: Error) => void;
}

const OUTPUT_CAP = 4000;
/** Strip ANSI colour codes from tracebacks. */
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** A websocket to one kernel. One request at a time (cells run in order). */
export class KernelConnection {
  private readonly session = randomUUID();
  private pending = new Map<string, Pending>();
  private closed?: string;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return; // binary frames carry buffers (widgets); nothing the check needs
      let msg: JupyterMessage;
      try {
        msg = JSON.parse(data.toString()) as JupyterMessage;
      } catch {
        return;
      }
      this.onMessage(msg);
    });
    ws.on('close', (code: number, reason: Buffer) => this.fail(`the kernel websocket closed (code ${code}${reason.length ? `: ${reason.toString()}` : ''})`));
    ws.on('error', (e: Error) => this.fail(`the kernel websocket failed: ${e.message}`));
  }

  /** Open `<server>/api/kernels/<id>/channels` (wss for https). */
  static connect(server: ServerClient, kernelId: string, signal: AbortSignal): Promise<KernelConnection> {
    const url = new URL(`api/kernels/${encodeURIComponent(kernelId)}/channels`, server.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('session_id', randomUUID());
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { Authorization: `token ${server.authToken}` }, handshakeTimeout: 30_000, maxPayload: 64 * 1024 * 1024 });
      const onAbort = () => {
        ws.terminate();
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      ws.once('open', () => {
        signal.removeEventListener('abort', onAbort);
        resolve(new KernelConnection(ws));
      });
      ws.once('unexpected-response', (_req, res) => {
        signal.removeEventListener('abort', onAbort);
        reject(new ServerError(res.statusCode ?? 0, `websocket ${url.origin}${url.pathname} answered HTTP ${res.statusCode}`));
        res.resume();
        ws.terminate();
      });
      ws.once('error', (e: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(new ServerError(0, `websocket ${url.origin}${url.pathname}: ${networkReason(e)}`));
      });
    });
  }

  private fail(reason: string): void {
    if (this.closed) return;
    this.closed = reason;
    for (const p of this.pending.values()) p.reject(new KernelGoneError(reason));
    this.pending.clear();
  }

  private onMessage(msg: JupyterMessage): void {
    const type = msg.header?.msg_type;
    if (type === 'status') {
      const state = msg.content?.execution_state;
      if (state === 'dead' || state === 'restarting' || state === 'autorestarting') {
        const reason = state === 'dead' ? 'the kernel died' : 'the kernel died and is restarting';
        for (const p of this.pending.values()) p.reject(new KernelGoneError(reason));
        this.pending.clear();
        return;
      }
    }
    const parentId = msg.parent_header?.msg_id;
    if (!parentId) return;
    const p = this.pending.get(parentId);
    if (!p) return;
    const channel = msg.channel;
    if (channel === 'shell' || type === 'execute_reply' || type === 'kernel_info_reply') {
      if (type === 'execute_reply' || type === 'kernel_info_reply') p.reply = msg;
    } else if (channel === 'iopub' || !channel) {
      if (type === 'status' && msg.content.execution_state === 'idle') p.idle = true;
      else if (type === 'error') {
        p.error = { ename: msg.content.ename as string, evalue: msg.content.evalue as string, traceback: msg.content.traceback as string[] };
      } else if (type === 'stream' && p.output.length < OUTPUT_CAP) {
        p.output += String(msg.content.text ?? '');
      } else if ((type === 'execute_result' || type === 'display_data') && p.output.length < OUTPUT_CAP) {
        const data = msg.content.data as Record<string, unknown> | undefined;
        const text = data?.['text/plain'];
        if (typeof text === 'string') p.output += text + '\n';
      }
    }
    if (p.reply && (p.idle || p.reply.header.msg_type === 'kernel_info_reply')) {
      this.pending.delete(parentId);
      p.resolve();
    }
  }

  private send(msgType: string, content: Record<string, unknown>): string {
    const msgId = randomUUID();
    const msg = {
      header: { msg_id: msgId, msg_type: msgType, username: 'deployer', session: this.session, date: new Date().toISOString(), version: '5.3' },
      parent_header: {},
      metadata: {},
      content,
      buffers: [],
      channel: 'shell',
    };
    this.ws.send(JSON.stringify(msg));
    return msgId;
  }

  private request(msgType: string, content: Record<string, unknown>, timeoutMs: number, signal: AbortSignal): Promise<Pending> {
    if (this.closed) return Promise.reject(new KernelGoneError(this.closed));
    return new Promise<Pending>((resolve, reject) => {
      let p: Pending;
      const timer = setTimeout(() => {
        this.pending.delete(p.msgId);
        done();
        reject(new ExecuteTimeoutError(timeoutMs));
      }, timeoutMs);
      const onAbort = () => {
        this.pending.delete(p.msgId);
        done();
        reject(signal.reason);
      };
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      p = {
        msgId: '',
        idle: false,
        output: '',
        resolve: () => {
          done();
          resolve(p);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        p.msgId = this.send(msgType, content);
        this.pending.set(p.msgId, p);
      } catch (e) {
        p.reject(new KernelGoneError(`cannot send to the kernel: ${(e as Error).message}`));
      }
    });
  }

  /** kernel_info round trip: the kernel is up and answering. */
  async kernelInfo(timeoutMs: number, signal: AbortSignal): Promise<Record<string, unknown>> {
    const p = await this.request('kernel_info_request', {}, timeoutMs, signal);
    return p.reply?.content ?? {};
  }

  /** Execute code; resolves with the reply's status and error (never throws for a cell error). */
  async execute(code: string, timeoutMs: number, signal: AbortSignal): Promise<ExecuteOutcome> {
    const t0 = performance.now();
    const p = await this.request(
      'execute_request',
      { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      timeoutMs,
      signal,
    );
    const wallMs = performance.now() - t0;
    const content = p.reply?.content ?? {};
    const status = (content.status as ExecuteOutcome['status']) ?? 'ok';
    let kernelMs: number | undefined;
    const started = p.reply?.metadata?.started;
    const ended = p.reply?.header?.date;
    if (typeof started === 'string' && typeof ended === 'string') {
      const d = Date.parse(ended) - Date.parse(started);
      if (Number.isFinite(d) && d >= 0) kernelMs = d;
    }
    const error =
      p.error ??
      (status === 'error'
        ? { ename: content.ename as string | undefined, evalue: content.evalue as string | undefined, traceback: content.traceback as string[] | undefined }
        : undefined);
    return {
      status: error && status === 'ok' ? 'error' : status,
      ename: error?.ename,
      evalue: error?.evalue,
      traceback: error?.traceback?.map(stripAnsi),
      wallMs,
      kernelMs,
      output: p.output.slice(0, OUTPUT_CAP),
    };
  }

  close(): void {
    this.fail('closed by the health check');
    try {
      this.ws.close();
    } catch {
      /* already closed */
    }
    // Do not let a half-closed socket hold the process open.
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }
}
