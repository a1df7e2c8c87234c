export const id = 221;
export const ids = [221];
export const modules = {

/***/ 80221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  healthCheckCommand: () => (/* binding */ healthCheckCommand)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/health/hub-api.ts
/**
 * A small JupyterHub REST client (fetch): users, servers, tokens, spawn progress (`text/event-stream`).
 * Every request carries `Authorization: token <token>`; failures are typed (HubConnectionError: nothing answered;
 * HubHttpError: an HTTP status with the hub's own message) so the check can classify them.
 */
/** Nothing answered: DNS, TLS, connection refused or reset, no response in time. */
class HubConnectionError extends Error {
    url;
    constructor(url, message, options = {}) {
        super(message, options);
        this.url = url;
        this.name = 'HubConnectionError';
    }
}
/** An HTTP status the caller did not expect, with the hub's `message` when it sent JSON. */
class HubHttpError extends Error {
    method;
    url;
    status;
    hubMessage;
    constructor(method, url, status, hubMessage) {
        super(`${method} ${url} answered HTTP ${status}${hubMessage ? `: ${hubMessage}` : ''}`);
        this.method = method;
        this.url = url;
        this.status = status;
        this.hubMessage = hubMessage;
        this.name = 'HubHttpError';
    }
}
/** `https://x/prefix` -> `https://x/prefix/` (so relative URLs resolve below the prefix). */
function normalizeBase(url) {
    const u = new URL(url);
    if (!u.pathname.endsWith('/'))
        u.pathname += '/';
    u.search = '';
    u.hash = '';
    return u;
}
/** Describe a fetch failure: the network error's code and message, not "fetch failed". */
function networkReason(e) {
    const err = e;
    if (err?.name === 'TimeoutError')
        return 'no response in time';
    const cause = err?.cause;
    if (cause) {
        const inner = cause.errors?.map((x) => x.message).filter(Boolean).join('; ');
        const text = inner || cause.message || '';
        return cause.code && !text.includes(cause.code) ? `${cause.code}: ${text}` : text || String(cause.code);
    }
    return err?.message ?? String(e);
}
/** The hub's JSON `{message}` if the body is one, else a short text excerpt. */
function bodyMessage(text) {
    try {
        const j = JSON.parse(text);
        if (j && typeof j.message === 'string')
            return j.message;
    }
    catch {
        /* not JSON */
    }
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return plain.length > 200 ? plain.slice(0, 200) + '…' : plain;
}
class HubClient {
    base;
    token;
    requestTimeoutMs;
    constructor(options) {
        this.base = normalizeBase(options.hubUrl);
        this.token = options.token;
        this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    }
    /** Absolute URL of a hub API path (`/users/x` -> `<base>hub/api/users/x`). */
    apiUrl(apiPath) {
        return new URL(`hub/api${apiPath}`, this.base).toString();
    }
    /** A URL path the hub returned (server.url) made absolute against the hub's origin. */
    resolve(urlPath) {
        return new URL(urlPath, this.base);
    }
    signal(options) {
        const timeout = AbortSignal.timeout(options.timeoutMs ?? this.requestTimeoutMs);
        return options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    }
    /** One request; returns status and parsed body (JSON, or text). Throws HubConnectionError when nothing answers. */
    async raw(method, apiPath, options = {}) {
        const url = this.apiUrl(apiPath);
        let res;
        let text;
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
        }
        catch (e) {
            if (options.signal?.aborted)
                throw options.signal.reason ?? e;
            throw new HubConnectionError(url, `${method} ${url}: ${networkReason(e)}`, { cause: e });
        }
        let json;
        if (text) {
            try {
                json = JSON.parse(text);
            }
            catch {
                /* not JSON: a proxy error page, a login redirect */
            }
        }
        return { status: res.status, text, json };
    }
    /** A request that must answer one of `ok`; anything else is a HubHttpError. */
    async request(method, apiPath, ok, options = {}) {
        const r = await this.raw(method, apiPath, options);
        if (!ok.includes(r.status))
            throw new HubHttpError(method, this.apiUrl(apiPath), r.status, bodyMessage(r.text));
        return { status: r.status, body: r.json };
    }
    /** `GET /hub/api/`: `{version}`; proves a JupyterHub answers at this URL. */
    async version(signal) {
        const r = await this.raw('GET', '/', { signal });
        const v = r.json?.version;
        if (r.status !== 200 || typeof v !== 'string') {
            throw new HubHttpError('GET', this.apiUrl('/'), r.status, r.status === 200 ? 'the answer is not a JupyterHub API version' : bodyMessage(r.text));
        }
        return v;
    }
    /** `GET /hub/api/user`: who the token is (JupyterHub >= 2 returns its scopes). */
    async whoami(signal) {
        return (await this.request('GET', '/user', [200], { signal })).body;
    }
    /** A user, or null when the hub does not know it. */
    async getUser(name, signal) {
        const r = await this.raw('GET', `/users/${encodeURIComponent(name)}`, { signal });
        if (r.status === 404)
            return null;
        if (r.status !== 200)
            throw new HubHttpError('GET', this.apiUrl(`/users/${encodeURIComponent(name)}`), r.status, bodyMessage(r.text));
        return r.json;
    }
    async createUser(name, signal) {
        return (await this.request('POST', `/users/${encodeURIComponent(name)}`, [201], { signal })).body;
    }
    /** 204 deleted, 404 already gone; anything else throws. */
    async deleteUser(name, signal) {
        return (await this.request('DELETE', `/users/${encodeURIComponent(name)}`, [204, 404], { signal })).status;
    }
    /** Request the default server: 201 ready, 202 pending; other statuses are returned for the caller to classify. */
    startServer(name, signal) {
        return this.raw('POST', `/users/${encodeURIComponent(name)}/server`, { body: {}, signal });
    }
    /** Stop the default server: 204 stopped, 202 stopping; returns the raw answer. */
    stopServer(name, signal) {
        return this.raw('DELETE', `/users/${encodeURIComponent(name)}/server`, { signal });
    }
    /** A token for the user (used when the service token may not access the user's server). */
    async createUserToken(name, note, expiresInS, signal) {
        const r = await this.request('POST', `/users/${encodeURIComponent(name)}/tokens`, [200, 201], {
            body: { note, expires_in: expiresInS },
            signal,
        });
        if (!r.body?.token)
            throw new HubHttpError('POST', this.apiUrl(`/users/${name}/tokens`), r.status, 'no token in the answer');
        return r.body.token;
    }
    /**
     * Follow `GET /hub/api/users/<name>/server/progress` (an event stream) calling `onEvent` for each event until the
     * stream ends, an event is `ready` or `failed`, or `signal` aborts. Returns the last event (undefined if none).
     * A non-200 answer (400: the server is not starting) is returned as `{status}` for the caller to look at the user.
     */
    async followProgress(name, onEvent, signal) {
        const url = this.apiUrl(`/users/${encodeURIComponent(name)}/server/progress`);
        let res;
        try {
            res = await fetch(url, {
                headers: { Authorization: `token ${this.token}`, Accept: 'text/event-stream' },
                signal,
                redirect: 'manual',
            });
        }
        catch (e) {
            if (signal.aborted)
                throw signal.reason ?? e;
            throw new HubConnectionError(url, `GET ${url}: ${networkReason(e)}`, { cause: e });
        }
        if (res.status !== 200 || !res.body) {
            await res.text().catch(() => '');
            return { status: res.status };
        }
        let last;
        const decoder = new TextDecoder();
        let buffer = '';
        const reader = res.body.getReader();
        try {
            for (;;) {
                let chunk;
                try {
                    chunk = await reader.read();
                }
                catch (e) {
                    if (signal.aborted)
                        throw signal.reason ?? e;
                    return { status: 200, last }; // the stream broke: the caller looks at the user model
                }
                if (chunk.done)
                    return { status: 200, last };
                buffer += decoder.decode(chunk.value, { stream: true });
                let sep;
                while ((sep = /\r?\n\r?\n/.exec(buffer))) {
                    const block = buffer.slice(0, sep.index);
                    buffer = buffer.slice(sep.index + sep[0].length);
                    const data = block
                        .split(/\r?\n/)
                        .filter((l) => l.startsWith('data:'))
                        .map((l) => l.slice(5).replace(/^ /, ''))
                        .join('\n');
                    if (!data)
                        continue;
                    let event;
                    try {
                        event = JSON.parse(data);
                    }
                    catch {
                        continue;
                    }
                    last = event;
                    onEvent(event);
                    if (event.ready || event.failed)
                        return { status: 200, last };
                }
            }
        }
        finally {
            reader.cancel().catch(() => { });
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/ws/lib/stream.js
var stream = __webpack_require__(86412);
// EXTERNAL MODULE: ./node_modules/ws/lib/extension.js
var extension = __webpack_require__(61335);
// EXTERNAL MODULE: ./node_modules/ws/lib/permessage-deflate.js
var permessage_deflate = __webpack_require__(4376);
// EXTERNAL MODULE: ./node_modules/ws/lib/receiver.js
var receiver = __webpack_require__(20893);
// EXTERNAL MODULE: ./node_modules/ws/lib/sender.js
var sender = __webpack_require__(7389);
// EXTERNAL MODULE: ./node_modules/ws/lib/subprotocol.js
var subprotocol = __webpack_require__(43332);
// EXTERNAL MODULE: ./node_modules/ws/lib/websocket.js
var websocket = __webpack_require__(56681);
// EXTERNAL MODULE: ./node_modules/ws/lib/websocket-server.js
var websocket_server = __webpack_require__(70129);
;// CONCATENATED MODULE: ./node_modules/ws/wrapper.mjs











/* harmony default export */ const wrapper = (websocket);

;// CONCATENATED MODULE: ./src/shared/health/kernel.ts
/**
 * A Jupyter kernel client: the single-user server's REST API (`/api/kernelspecs`, `/api/kernels`) and the kernel's
 * websocket (`/api/kernels/<id>/channels`, the JSON messaging protocol: execute_request on `shell`, then iopub
 * stream / execute_result / display_data / error / status, and the shell execute_reply).
 * The token goes in the Authorization header (the `ws` package can send headers).
 */



/** The single-user server refused, failed or did not answer. `status` is 0 when nothing answered. */
class ServerError extends Error {
    status;
    location;
    constructor(status, message, location) {
        super(message);
        this.status = status;
        this.location = location;
        this.name = 'ServerError';
    }
}
/** The kernel connection broke or the kernel died. */
class KernelGoneError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KernelGoneError';
    }
}
/** An execution did not finish in time. */
class ExecuteTimeoutError extends Error {
    timeoutMs;
    constructor(timeoutMs) {
        super(`no reply within ${Math.round(timeoutMs / 100) / 10} s`);
        this.timeoutMs = timeoutMs;
        this.name = 'ExecuteTimeoutError';
    }
}
/** REST calls to one single-user server (`serverUrl` ends with `/`, e.g. https://hub/user/name/). */
class ServerClient {
    serverUrl;
    token;
    requestTimeoutMs;
    constructor(serverUrl, token, requestTimeoutMs = 30_000) {
        this.serverUrl = serverUrl;
        this.token = token;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    useToken(token) {
        this.token = token;
    }
    get authToken() {
        return this.token;
    }
    async request(method, apiPath, body, signal, ok) {
        const url = new URL(apiPath, this.serverUrl).toString();
        const timeout = AbortSignal.timeout(this.requestTimeoutMs);
        let res;
        let text;
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
        }
        catch (e) {
            if (signal?.aborted)
                throw signal.reason ?? e;
            throw new ServerError(0, `${method} ${url}: ${networkReason(e)}`);
        }
        if (!ok.includes(res.status)) {
            const location = res.headers.get('location') ?? undefined;
            const why = location ? `redirected to ${location}` : bodyMessage(text);
            throw new ServerError(res.status, `${method} ${url} answered HTTP ${res.status}${why ? `: ${why}` : ''}`, location);
        }
        try {
            return (text ? JSON.parse(text) : undefined);
        }
        catch {
            throw new ServerError(res.status, `${method} ${url} answered HTTP ${res.status} with a body that is not JSON: ${bodyMessage(text)}`);
        }
    }
    /** The default kernel name (proves the server answers, through the proxy, to this token). */
    async defaultKernel(signal) {
        const specs = await this.request('GET', 'api/kernelspecs', undefined, signal, [200]);
        if (!specs?.default)
            throw new ServerError(200, `GET ${new URL('api/kernelspecs', this.serverUrl)}: the server has no default kernel`);
        return specs.default;
    }
    async startKernel(name, signal) {
        return this.request('POST', 'api/kernels', name ? { name } : {}, signal, [200, 201]);
    }
    async interruptKernel(id) {
        await this.request('POST', `api/kernels/${encodeURIComponent(id)}/interrupt`, {}, AbortSignal.timeout(5000), [200, 204]).catch(() => { });
    }
    async deleteKernel(id, signal) {
        await this.request('DELETE', `api/kernels/${encodeURIComponent(id)}`, undefined, signal, [204, 404]);
    }
}
const OUTPUT_CAP = 4000;
/** Strip ANSI colour codes from tracebacks. */
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
/** A websocket to one kernel. One request at a time (cells run in order). */
class KernelConnection {
    ws;
    session = (0,external_node_crypto_.randomUUID)();
    pending = new Map();
    closed;
    constructor(ws) {
        this.ws = ws;
        ws.on('message', (data, isBinary) => {
            if (isBinary)
                return; // binary frames carry buffers (widgets); nothing the check needs
            let msg;
            try {
                msg = JSON.parse(data.toString());
            }
            catch {
                return;
            }
            this.onMessage(msg);
        });
        ws.on('close', (code, reason) => this.fail(`the kernel websocket closed (code ${code}${reason.length ? `: ${reason.toString()}` : ''})`));
        ws.on('error', (e) => this.fail(`the kernel websocket failed: ${e.message}`));
    }
    /** Open `<server>/api/kernels/<id>/channels` (wss for https). */
    static connect(server, kernelId, signal) {
        const url = new URL(`api/kernels/${encodeURIComponent(kernelId)}/channels`, server.serverUrl);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        url.searchParams.set('session_id', (0,external_node_crypto_.randomUUID)());
        return new Promise((resolve, reject) => {
            const ws = new wrapper(url, { headers: { Authorization: `token ${server.authToken}` }, handshakeTimeout: 30_000, maxPayload: 64 * 1024 * 1024 });
            const onAbort = () => {
                ws.terminate();
                reject(signal.reason);
            };
            if (signal.aborted)
                return onAbort();
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
            ws.once('error', (e) => {
                signal.removeEventListener('abort', onAbort);
                reject(new ServerError(0, `websocket ${url.origin}${url.pathname}: ${networkReason(e)}`));
            });
        });
    }
    fail(reason) {
        if (this.closed)
            return;
        this.closed = reason;
        for (const p of this.pending.values())
            p.reject(new KernelGoneError(reason));
        this.pending.clear();
    }
    onMessage(msg) {
        const type = msg.header?.msg_type;
        if (type === 'status') {
            const state = msg.content?.execution_state;
            if (state === 'dead' || state === 'restarting' || state === 'autorestarting') {
                const reason = state === 'dead' ? 'the kernel died' : 'the kernel died and is restarting';
                for (const p of this.pending.values())
                    p.reject(new KernelGoneError(reason));
                this.pending.clear();
                return;
            }
        }
        const parentId = msg.parent_header?.msg_id;
        if (!parentId)
            return;
        const p = this.pending.get(parentId);
        if (!p)
            return;
        const channel = msg.channel;
        if (channel === 'shell' || type === 'execute_reply' || type === 'kernel_info_reply') {
            if (type === 'execute_reply' || type === 'kernel_info_reply')
                p.reply = msg;
        }
        else if (channel === 'iopub' || !channel) {
            if (type === 'status' && msg.content.execution_state === 'idle')
                p.idle = true;
            else if (type === 'error') {
                p.error = { ename: msg.content.ename, evalue: msg.content.evalue, traceback: msg.content.traceback };
            }
            else if (type === 'stream' && p.output.length < OUTPUT_CAP) {
                p.output += String(msg.content.text ?? '');
            }
            else if ((type === 'execute_result' || type === 'display_data') && p.output.length < OUTPUT_CAP) {
                const data = msg.content.data;
                const text = data?.['text/plain'];
                if (typeof text === 'string')
                    p.output += text + '\n';
            }
        }
        if (p.reply && (p.idle || p.reply.header.msg_type === 'kernel_info_reply')) {
            this.pending.delete(parentId);
            p.resolve();
        }
    }
    send(msgType, content) {
        const msgId = (0,external_node_crypto_.randomUUID)();
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
    request(msgType, content, timeoutMs, signal) {
        if (this.closed)
            return Promise.reject(new KernelGoneError(this.closed));
        return new Promise((resolve, reject) => {
            let p;
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
            if (signal.aborted)
                return onAbort();
            signal.addEventListener('abort', onAbort, { once: true });
            try {
                p.msgId = this.send(msgType, content);
                this.pending.set(p.msgId, p);
            }
            catch (e) {
                p.reject(new KernelGoneError(`cannot send to the kernel: ${e.message}`));
            }
        });
    }
    /** kernel_info round trip: the kernel is up and answering. */
    async kernelInfo(timeoutMs, signal) {
        const p = await this.request('kernel_info_request', {}, timeoutMs, signal);
        return p.reply?.content ?? {};
    }
    /** Execute code; resolves with the reply's status and error (never throws for a cell error). */
    async execute(code, timeoutMs, signal) {
        const t0 = performance.now();
        const p = await this.request('execute_request', { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true }, timeoutMs, signal);
        const wallMs = performance.now() - t0;
        const content = p.reply?.content ?? {};
        const status = content.status ?? 'ok';
        let kernelMs;
        const started = p.reply?.metadata?.started;
        const ended = p.reply?.header?.date;
        if (typeof started === 'string' && typeof ended === 'string') {
            const d = Date.parse(ended) - Date.parse(started);
            if (Number.isFinite(d) && d >= 0)
                kernelMs = d;
        }
        const error = p.error ??
            (status === 'error'
                ? { ename: content.ename, evalue: content.evalue, traceback: content.traceback }
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
    close() {
        this.fail('closed by the health check');
        try {
            this.ws.close();
        }
        catch {
            /* already closed */
        }
        // Do not let a half-closed socket hold the process open.
        setTimeout(() => this.ws.terminate(), 1000).unref();
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/shared/health/types.ts
/** The health check's vocabulary: failure classes, the result object (the action's `result` output, `--json`). */
/** Why a check failed, from the outside in. */
const CLASSIFICATIONS = (/* unused pure expression or super */ null && ([
    'hub-unreachable', // no answer from the hub URL (DNS, TLS, connection refused, 5xx from the proxy, no response)
    'auth-failed', // the hub refused the token, or the token lacks a scope the check needs
    'spawn-failed', // the hub reported that the user's server failed to start
    'spawn-timeout', // the server did not become ready in time (pod pending, image pull, scale-up...)
    'server-not-ready', // the hub said ready, but the server does not answer through the proxy
    'kernel-failed', // a kernel could not be started, connected to, or died
    'notebook-error', // a cell raised an exception
    'notebook-timeout', // a cell or a notebook ran past its timeout
    'cleanup-failed', // the health-check user's server could not be stopped or the user could not be deleted
]));
/** A classified failure inside an attempt. */
class HealthFailure extends Error {
    classification;
    cell;
    constructor(classification, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'HealthFailure';
        this.classification = classification;
        this.cell = options.cell;
    }
}

;// CONCATENATED MODULE: ./src/shared/health/notebook.ts
/**
 * Notebooks: parsing an .ipynb (nbformat 4) into its code cells, and running them in order on a kernel, failing on
 * the first cell error (cell number, exception name and value) and enforcing a per-cell and a whole-run timeout.
 */





/** Parse an .ipynb's text. A notebook that is not nbformat 4 JSON is a DeployerError naming the file. */
function parseNotebook(text, name, origin = name) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* DeployerError */.dg(`notebook ${origin} is not valid JSON: ${e.message}`, {
            file: origin,
            hint: 'an .ipynb file is JSON (nbformat 4); save it from Jupyter',
        });
    }
    const d = doc;
    if (!d || typeof d !== 'object' || !Array.isArray(d.cells)) {
        throw new errors/* DeployerError */.dg(`notebook ${origin} has no \`cells\` list`, { file: origin, hint: 'only nbformat 4 notebooks are supported' });
    }
    if (d.nbformat !== 4) {
        throw new errors/* DeployerError */.dg(`notebook ${origin} is nbformat ${String(d.nbformat)}, not 4`, {
            file: origin,
            hint: 'convert it with `jupyter nbconvert --to notebook --nbformat 4`',
        });
    }
    const cells = [];
    d.cells.forEach((c, i) => {
        const cell = c;
        if (cell?.cell_type !== 'code')
            return;
        const source = Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
        cells.push({ index: i + 1, codeIndex: cells.length + 1, source });
    });
    if (!cells.some((c) => c.source.trim())) {
        throw new errors/* DeployerError */.dg(`notebook ${origin} has no code to run`, { file: origin, hint: 'a health-check notebook needs at least one non-empty code cell' });
    }
    return { name, origin, cells };
}
/** Read and parse a notebook file (`display` is how messages name it). */
async function readNotebook(abs, display = abs) {
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (e) {
        throw new errors/* DeployerError */.dg(`cannot read notebook ${display}: ${e.code ?? e.message}`, {
            file: display,
            hint: 'notebook paths are relative to the config root (action) or the current directory (CLI)',
        });
    }
    return parseNotebook(text, external_node_path_default().basename(abs), display);
}
/** The first line of a cell's source, for messages. */
function firstLine(source) {
    const line = source.split('\n').find((l) => l.trim()) ?? '';
    const t = line.trim();
    return t.length > 80 ? t.slice(0, 77) + '...' : t;
}
function cellFailure(nb, cell, outcome) {
    return {
        notebook: nb.name,
        cell: cell.index,
        code_cell: cell.codeIndex,
        source: firstLine(cell.source),
        ename: outcome?.ename,
        evalue: outcome?.evalue,
        traceback: outcome?.traceback,
    };
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/**
 * Run every non-empty code cell in order. Throws HealthFailure: `notebook-error` at the first cell that raises (or is
 * aborted), `notebook-timeout` when a cell or the whole run exceeds its bound, `kernel-failed` when the kernel dies.
 */
async function runNotebook(kernel, nb, options) {
    const t0 = performance.now();
    const deadline = t0 + options.runTimeoutMs;
    let kernelMs = 0;
    let cellsRun = 0;
    for (const cell of nb.cells) {
        if (!cell.source.trim())
            continue;
        const remaining = deadline - performance.now();
        const where = `cell ${cell.index} of ${nb.name} (\`${firstLine(cell.source)}\`)`;
        if (remaining <= 0) {
            throw new HealthFailure('notebook-timeout', `${nb.name} did not finish within its whole-run timeout of ${seconds(options.runTimeoutMs)}; ${where} did not start`, {
                cell: cellFailure(nb, cell),
            });
        }
        const byRun = remaining < options.cellTimeoutMs;
        const timeoutMs = Math.min(options.cellTimeoutMs, remaining);
        let outcome;
        try {
            outcome = await kernel.execute(cell.source, timeoutMs, options.signal);
        }
        catch (e) {
            if (e instanceof ExecuteTimeoutError) {
                await kernel.interrupt();
                const bound = byRun
                    ? `${nb.name}'s whole-run timeout of ${seconds(options.runTimeoutMs)}`
                    : `the per-cell timeout of ${seconds(options.cellTimeoutMs)}`;
                throw new HealthFailure('notebook-timeout', `${where} was still running after ${bound}`, { cell: cellFailure(nb, cell) });
            }
            if (e instanceof KernelGoneError) {
                throw new HealthFailure('kernel-failed', `${e.message} while running ${where}`, { cell: cellFailure(nb, cell) });
            }
            throw e;
        }
        cellsRun++;
        kernelMs += outcome.kernelMs ?? 0;
        options.onCell?.(cell, outcome);
        if (outcome.status !== 'ok') {
            const what = outcome.status === 'aborted' ? 'was aborted by the kernel' : `raised ${outcome.ename ?? 'an error'}${outcome.evalue ? `: ${outcome.evalue}` : ''}`;
            throw new HealthFailure('notebook-error', `${where} ${what}`, { cell: cellFailure(nb, cell, outcome) });
        }
    }
    return { name: nb.name, wallMs: performance.now() - t0, kernelMs, cellsRun };
}

;// CONCATENATED MODULE: ./src/shared/health/notebooks/index.ts
// GENERATED by generate.mjs from the .ipynb files beside it. Do not edit: edit the notebooks, then run
// `node src/shared/health/notebooks/generate.mjs`.
/** The notebooks shipped with the suite: file name -> the notebook's JSON text. */
const BUNDLED_NOTEBOOKS = {
    "dask_test_notebook.ipynb": "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"about\",\n   \"metadata\": {},\n   \"source\": [\n    \"# Health check: dask computes inside the user server\\n\",\n    \"\\n\",\n    \"Run on daskhub hubs. A local dask computation: checks that the user image has dask.\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-1\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import dask.array as da\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-2\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"a = da.ones(shape=(1000, 1000), chunks=(500, 500))\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-3\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"a.mean().compute()\"\n   ]\n  }\n ],\n \"metadata\": {\n  \"kernelspec\": {\n   \"display_name\": \"Python 3\",\n   \"language\": \"python\",\n   \"name\": \"python3\"\n  },\n  \"language_info\": {\n   \"name\": \"python\"\n  }\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n",
    "scale_dask_workers.ipynb": "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"about\",\n   \"metadata\": {},\n   \"source\": [\n    \"# Health check: dask workers scale through Dask Gateway\\n\",\n    \"\\n\",\n    \"Run on daskhub hubs with `check-dask-scaling`. Creates a Gateway cluster, waits for one worker pod, scales back to zero and closes the cluster.\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-1\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import warnings\\n\",\n    \"\\n\",\n    \"warnings.simplefilter('ignore', FutureWarning)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-2\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import dask_gateway\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-3\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"cluster = dask_gateway.GatewayCluster()\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-4\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"client = cluster.get_client()\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-5\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"cluster.scale(1)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-6\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"client.wait_for_workers(1)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-7\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"cluster.scale(0)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-8\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"cluster.close()\"\n   ]\n  }\n ],\n \"metadata\": {\n  \"kernelspec\": {\n   \"display_name\": \"Python 3\",\n   \"language\": \"python\",\n   \"name\": \"python3\"\n  },\n  \"language_info\": {\n   \"name\": \"python\"\n  }\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n",
    "simple.ipynb": "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"about\",\n   \"metadata\": {},\n   \"source\": [\n    \"# Health check: a Python kernel runs\\n\",\n    \"\\n\",\n    \"Run by `deployer run-hub-health-check` on every hub (basehub and daskhub). Each code cell must finish without an error within the per-cell timeout.\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-1\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"a = 1\\n\",\n    \"1 + 3\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-2\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"print('Hello, world!')\\n\",\n    \"print('This is a test notebook')\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-3\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"a\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-4\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"# This is a comment\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-5\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"def fib(n):\\n\",\n    \"    if n < 2:\\n\",\n    \"        return n\\n\",\n    \"    return fib(n - 1) + fib(n - 2)\\n\",\n    \"\\n\",\n    \"fib(10)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-6\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"fib(20)\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-7\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import time\\n\",\n    \"import random\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-8\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"time.sleep(2 * random.random())\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"cell-9\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": []\n  }\n ],\n \"metadata\": {\n  \"kernelspec\": {\n   \"display_name\": \"Python 3\",\n   \"language\": \"python\",\n   \"name\": \"python3\"\n  },\n  \"language_info\": {\n   \"name\": \"python\"\n  }\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n",
};

;// CONCATENATED MODULE: ./src/shared/health/notebooks.ts
/** Which bundled notebooks a hub type runs (upstream A.8, with its gaps closed: daskhub also runs the simple one). */


const SIMPLE_NOTEBOOK = 'simple.ipynb';
const DASK_NOTEBOOK = 'dask_test_notebook.ipynb';
const DASK_SCALING_NOTEBOOK = 'scale_dask_workers.ipynb';
/** A bundled notebook by file name. */
function bundledNotebook(name) {
    const text = BUNDLED_NOTEBOOKS[name];
    if (text === undefined)
        throw new Error(`no bundled notebook ${name}`);
    return parseNotebook(text, name, `bundled:${name}`);
}
/**
 * basehub: the simple notebook; daskhub: simple + dask (+ scaling when asked); binderhub: none (a binder server needs
 * an image chosen through BinderHub, so only the hub API, the token and user management are checked).
 */
function notebooksFor(hubType, checkDaskScaling) {
    switch (hubType) {
        case 'basehub':
            return [bundledNotebook(SIMPLE_NOTEBOOK)];
        case 'daskhub':
            return [SIMPLE_NOTEBOOK, DASK_NOTEBOOK, ...(checkDaskScaling ? [DASK_SCALING_NOTEBOOK] : [])].map(bundledNotebook);
        case 'binderhub':
            return [];
    }
}

;// CONCATENATED MODULE: ./src/shared/health/check.ts
/**
 * The health check: prove a hub works for a user, and say why when it does not.
 *
 * One attempt: hub answers (version, token identity) -> remove a stale health-check user -> create it -> start its
 * server and follow spawn progress until ready (bounded) -> open a kernel -> run the notebooks -> stop the server and
 * delete the user, whatever happened (failure, timeout, cancel). N attempts, each with its own timeout. Every failure
 * is classified and carries the spawn progress messages seen; every step is timed.
 */







const DEFAULT_USERNAME = 'deployment-service-check';
class AttemptTimeout extends Error {
    ms;
    constructor(ms) {
        super(`the attempt timeout of ${bound(ms)} expired`);
        this.ms = ms;
        this.name = 'AttemptTimeout';
    }
}
class Cancelled extends Error {
    constructor() {
        super('the health check was cancelled');
        this.name = 'Cancelled';
    }
}
const ms = (t0) => Math.round(performance.now() - t0);
const sec = (m) => `${(m / 1000).toFixed(2)} s`;
/** A bound in seconds as people write it: `600 s`, `1.5 s`. */
const bound = (m) => `${Number((m / 1000).toFixed(1))} s`;
const sleep = (m, signal) => new Promise((resolve) => {
    if (signal?.aborted)
        return resolve();
    const t = setTimeout(done, m);
    function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
});
/** The default server's model, if the user has one running or pending. */
function defaultServer(user) {
    const s = user.servers?.[''];
    if (s)
        return { ready: Boolean(s.ready), pending: s.pending ?? null, url: s.url };
    if (user.server || user.pending)
        return { ready: Boolean(user.server) && !user.pending, pending: user.pending ?? null, url: user.server ?? undefined };
    return undefined;
}
function hubHttpFailure(e, what) {
    if (e.status === 401 || e.status === 403) {
        return new HealthFailure('auth-failed', `${what}: the hub refused the token (HTTP ${e.status}${e.hubMessage ? `: ${e.hubMessage}` : ''})`, { cause: e });
    }
    return new HealthFailure('hub-unreachable', `${what}: ${e.message}`, { cause: e });
}
/** Stop the user's server and delete the user, bounded by `timeoutMs`; verified through the API. */
async function removeUser(hub, name, timeoutMs, reporter = log/* silentReporter */.P$) {
    const signal = AbortSignal.timeout(timeoutMs);
    let wait = 50;
    const pause = async () => {
        await sleep(wait, signal);
        wait = Math.min(1000, Math.round(wait * 1.5));
    };
    let lastProblem = '';
    try {
        let stopRequested = false;
        for (;;) {
            if (signal.aborted)
                throw signal.reason;
            const user = await hub.getUser(name, signal);
            if (!user)
                return;
            const server = defaultServer(user);
            if (server) {
                if (server.pending !== 'stop' && !stopRequested) {
                    const r = await hub.stopServer(name, signal);
                    if (r.status === 401 || r.status === 403)
                        throw new HubHttpError('DELETE', hub.apiUrl(`/users/${name}/server`), r.status, 'cannot stop the server');
                    // 204 stopped, 202 stopping, 400 not running (a race): look again either way
                    stopRequested = r.status === 202 || r.status === 204;
                    if (!stopRequested)
                        lastProblem = `stopping the server answered HTTP ${r.status}: ${bodyOf(r)}`;
                    if (r.status === 204)
                        continue;
                }
                await pause();
                continue;
            }
            const r = await hub.raw('DELETE', `/users/${encodeURIComponent(name)}`, { signal });
            if (r.status === 204 || r.status === 404) {
                if (!(await hub.getUser(name, signal)))
                    return;
            }
            else if (r.status === 400 || r.status >= 500) {
                // 400: a server is still starting or stopping; 5xx: maybe transient. Look again until the bound.
                lastProblem = `deleting the user answered HTTP ${r.status}: ${bodyOf(r)}`;
                reporter.debug(`deleting ${name}: ${lastProblem}; trying again`);
            }
            else {
                throw new HubHttpError('DELETE', hub.apiUrl(`/users/${name}`), r.status, bodyOf(r));
            }
            stopRequested = false;
            await pause();
        }
    }
    catch (e) {
        if (signal.aborted)
            throw new Error(`the user ${name} was still there after ${bound(timeoutMs)} of cleanup${lastProblem ? ` (${lastProblem})` : ''}`);
        throw e;
    }
}
async function waitForServer(ctx, signal, progress) {
    const { hub, reporter } = ctx;
    const name = ctx.options.username;
    const spawnSignal = AbortSignal.any([signal, AbortSignal.timeout(ctx.options.spawnTimeoutMs)]);
    const seen = (e) => {
        const text = (e.message ?? '').trim();
        if (!text)
            return;
        if (progress[progress.length - 1] !== text) {
            progress.push(text);
            reporter.info(`  progress${typeof e.progress === 'number' ? ` ${e.progress}%` : ''}: ${text}`);
        }
    };
    const start = await hub.startServer(name, spawnSignal);
    if (start.status === 401 || start.status === 403) {
        throw hubHttpFailure(new HubHttpError('POST', hub.apiUrl(`/users/${name}/server`), start.status, bodyOf(start)), 'requesting the server');
    }
    if (start.status >= 500) {
        throw new HealthFailure('spawn-failed', `the hub could not start the server (HTTP ${start.status}: ${bodyOf(start)})`);
    }
    if (start.status !== 201 && start.status !== 202 && start.status !== 400) {
        throw new HealthFailure('spawn-failed', `requesting the server answered HTTP ${start.status}: ${bodyOf(start)}`);
    }
    let url;
    // 202: pending, so follow progress at once; otherwise (201 ready, 400 already there) look at the user first.
    let lookFirst = start.status !== 202;
    try {
        for (;;) {
            if (lookFirst) {
                const user = await hub.getUser(name, spawnSignal);
                if (!user)
                    throw new HealthFailure('spawn-failed', `the user ${name} disappeared while its server was starting`);
                const server = defaultServer(user);
                if (server?.ready && !server.pending) {
                    url = server.url ?? user.server ?? undefined;
                    break;
                }
                if (!server) {
                    throw new HealthFailure('spawn-failed', `the server stopped while starting${progress.length ? ` (last progress: ${progress[progress.length - 1]})` : ''}`);
                }
            }
            lookFirst = true;
            const r = await hub.followProgress(name, seen, spawnSignal);
            if (r.last?.failed)
                throw new HealthFailure('spawn-failed', r.last.message?.trim() || 'the hub reported that the spawn failed');
            if (r.last?.ready && r.last.url) {
                url = r.last.url;
                break;
            }
            if (r.status !== 200)
                await sleep(250, spawnSignal); // not pending any more, or progress unsupported: look again
        }
    }
    catch (e) {
        if (spawnSignal.aborted && !signal.aborted) {
            const last = progress.length ? `; last progress: ${progress[progress.length - 1]}` : '';
            throw new HealthFailure('spawn-timeout', `the server was not ready within ${bound(ctx.options.spawnTimeoutMs)}${last}`);
        }
        throw e;
    }
    if (!url)
        throw new HealthFailure('spawn-failed', 'the hub said the server is ready but gave no URL');
    const u = hub.resolve(url);
    if (!u.pathname.endsWith('/'))
        u.pathname += '/';
    return u;
}
function bodyOf(r) {
    const m = r.json?.message;
    if (typeof m === 'string')
        return m;
    return r.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}
/** The server answers through the proxy; a 403 with the service token falls back to a user token. */
async function reachServer(ctx, serverUrl, signal) {
    const server = new ServerClient(serverUrl, ctx.token, ctx.hub.requestTimeoutMs);
    const deadline = performance.now() + ctx.options.serverReadyTimeoutMs;
    let triedUserToken = false;
    let last;
    let wait = 100;
    for (;;) {
        try {
            return { server, kernelName: await server.defaultKernel(signal) };
        }
        catch (e) {
            if (!(e instanceof ServerError))
                throw e;
            last = e;
            if (e.status === 403 && !triedUserToken) {
                triedUserToken = true;
                let token;
                try {
                    token = await ctx.hub.createUserToken(ctx.options.username, 'deployer health check', Math.ceil(ctx.options.attemptTimeoutMs / 1000) + 300, signal);
                }
                catch (te) {
                    if (te instanceof HubHttpError && (te.status === 401 || te.status === 403)) {
                        throw new HealthFailure('auth-failed', `the token may not use the user's server (${e.message}) and may not create a user token (HTTP ${te.status}); give the hub-health service the access:servers scope (or admin)`);
                    }
                    throw te;
                }
                (0,redact/* registerSecret */.cl)(token);
                server.useToken(token);
                ctx.reporter.debug('the service token may not access the server; using a token of the health-check user');
                continue;
            }
            if (e.status === 401 || e.status === 403) {
                throw new HealthFailure('auth-failed', `the server refused the token: ${e.message}`);
            }
            // 0 (no answer), 3xx (the proxy has no route yet: redirected to the hub), 404/424/502/503/504: not there yet
            if (performance.now() + wait > deadline)
                break;
            await sleep(wait, signal);
            if (signal.aborted)
                throw signal.reason;
            wait = Math.min(2000, wait * 2);
        }
    }
    throw new HealthFailure('server-not-ready', `the hub reported the server ready at ${serverUrl}, but it did not answer within ${bound(ctx.options.serverReadyTimeoutMs)}: ${last?.message ?? 'no answer'}`);
}
async function attemptBody(ctx, signal, state) {
    const { hub, reporter } = ctx;
    const name = ctx.options.username;
    const t = state.timings;
    state.phase = 'hub';
    let t0 = performance.now();
    // The three first questions go out together (one round trip, not three); their answers are read in order.
    const settle = (p) => p.then((v) => ({ ok: true, v }), (e) => ({ ok: false, e }));
    const [vr, wr, sr] = await Promise.all([settle(hub.version(signal)), settle(hub.whoami(signal)), settle(hub.getUser(name, signal))]);
    if (!vr.ok) {
        const e = vr.e;
        if (e instanceof HubConnectionError)
            throw new HealthFailure('hub-unreachable', `no answer from the hub: ${e.message}`, { cause: e });
        if (e instanceof HubHttpError) {
            throw new HealthFailure('hub-unreachable', e.status === 200 ? `${hub.apiUrl('/')} is not a JupyterHub API` : `the hub API does not answer: ${e.message}`, { cause: e });
        }
        throw e;
    }
    const version = vr.v;
    if (!wr.ok) {
        const e = wr.e;
        if (e instanceof HubHttpError && (e.status === 401 || e.status === 403)) {
            throw new HealthFailure('auth-failed', `the hub (JupyterHub ${version}) refused the API token (HTTP ${e.status} on GET /hub/api/user): the token is wrong, expired or revoked`, { cause: e });
        }
        if (e instanceof HubHttpError)
            throw hubHttpFailure(e, 'checking the token');
        if (e instanceof HubConnectionError)
            throw new HealthFailure('hub-unreachable', e.message, { cause: e });
        throw e;
    }
    const who = wr.v;
    t.hub_response_ms = ms(t0);
    reporter.info(`hub answers: JupyterHub ${version}, token of ${who.kind ?? 'entity'} ${who.name ?? '?'} (${sec(t.hub_response_ms)})`);
    if (who.scopes) {
        const has = (s) => who.scopes.some((x) => x === s || x.startsWith(`${s}!`));
        const missing = ['admin:users', 'servers'].filter((s) => !has(s));
        if (missing.length) {
            throw new HealthFailure('auth-failed', `the token of ${who.name ?? '?'} lacks the scope(s) ${missing.join(', ')} a health check needs (it has: ${who.scopes.join(', ') || 'none'})`);
        }
    }
    state.phase = 'user';
    if (!sr.ok)
        throw sr.e;
    const stale = sr.v;
    if (stale) {
        reporter.info(`removing the stale health-check user ${name}`);
        t0 = performance.now();
        try {
            await removeUser(hub, name, ctx.options.cleanupTimeoutMs, reporter);
        }
        catch (e) {
            throw new HealthFailure('cleanup-failed', `the stale health-check user ${name} could not be removed: ${e.message}`, { cause: e });
        }
        reporter.debug(`stale user removed in ${sec(ms(t0))}`);
    }
    state.touchedUser = true;
    await hub.createUser(name, signal);
    if (!ctx.spawn) {
        reporter.info(`user ${name} created; this hub type's servers are not started by the check`);
        return;
    }
    state.phase = 'spawn';
    t0 = performance.now();
    const serverUrl = await waitForServer(ctx, signal, state.progress);
    t.spawn_ms = ms(t0);
    reporter.info(`server ready in ${sec(t.spawn_ms)}`);
    state.phase = 'server';
    t0 = performance.now();
    const kernelSignal = AbortSignal.any([signal, AbortSignal.timeout(ctx.options.kernelTimeoutMs + ctx.options.serverReadyTimeoutMs)]);
    const { server, kernelName } = await reachServer(ctx, serverUrl, kernelSignal);
    state.phase = 'kernel';
    let kernelId;
    try {
        kernelId = (await server.startKernel(kernelName, kernelSignal)).id;
        state.kernel = await KernelConnection.connect(server, kernelId, kernelSignal);
        await state.kernel.kernelInfo(ctx.options.kernelTimeoutMs, kernelSignal);
    }
    catch (e) {
        if (kernelSignal.aborted && !signal.aborted)
            throw new HealthFailure('kernel-failed', `the ${kernelName} kernel did not start within ${bound(ctx.options.kernelTimeoutMs)}`);
        if (e instanceof ServerError || e instanceof KernelGoneError)
            throw new HealthFailure('kernel-failed', `starting a ${kernelName} kernel: ${e.message}`, { cause: e });
        if (e instanceof ExecuteTimeoutError)
            throw new HealthFailure('kernel-failed', `the ${kernelName} kernel did not answer kernel_info (${e.message})`);
        throw e;
    }
    t.kernel_start_ms = ms(t0);
    reporter.info(`kernel ${kernelName} ready in ${sec(t.kernel_start_ms)}`);
    state.phase = 'notebook';
    t.notebooks = {};
    t.notebooks_kernel_ms = {};
    const kernel = state.kernel;
    const executor = {
        execute: (code, timeoutMs, s) => kernel.execute(code, timeoutMs, s),
        interrupt: () => server.interruptKernel(kernelId),
    };
    for (const nb of ctx.notebooks) {
        const run = await runNotebook(executor, nb, {
            cellTimeoutMs: ctx.options.cellTimeoutMs,
            runTimeoutMs: ctx.options.notebookTimeoutMs,
            signal,
            onCell: (cell, outcome) => reporter.debug(`  cell ${cell.index}: ${outcome.status} in ${sec(outcome.wallMs)}`),
        });
        t.notebooks[nb.name] = Math.round(run.wallMs);
        t.notebooks_kernel_ms[nb.name] = Math.round(run.kernelMs);
        reporter.info(`notebook ${nb.name}: ${run.cellsRun} cells ran without error in ${sec(run.wallMs)}`);
    }
}
function classify(e, phase, signal) {
    if (e instanceof HealthFailure)
        return e;
    const reason = signal.aborted ? signal.reason : undefined;
    if (reason instanceof AttemptTimeout || reason instanceof Cancelled) {
        const why = reason.message;
        const byPhase = {
            hub: ['hub-unreachable', `${why} before the hub answered`],
            user: ['hub-unreachable', `${why} while creating the health-check user`],
            spawn: ['spawn-timeout', `${why} while the server was starting`],
            server: ['server-not-ready', `${why} while waiting for the server to answer`],
            kernel: ['kernel-failed', `${why} while starting a kernel`],
            notebook: ['notebook-timeout', `${why} while running the notebooks`],
        };
        const [c, m] = byPhase[phase];
        return new HealthFailure(c, m);
    }
    if (e instanceof HubConnectionError)
        return new HealthFailure('hub-unreachable', e.message, { cause: e });
    if (e instanceof HubHttpError) {
        const what = { hub: 'contacting the hub', user: 'managing the health-check user', spawn: 'starting the server', server: 'reaching the server', kernel: 'starting a kernel', notebook: 'running the notebooks' }[phase];
        if (e.status === 401 || e.status === 403)
            return hubHttpFailure(e, what);
        const c = phase === 'spawn' ? 'spawn-failed' : phase === 'hub' || phase === 'user' ? 'hub-unreachable' : phase === 'server' ? 'server-not-ready' : 'kernel-failed';
        return new HealthFailure(c, `${what}: ${e.message}`, { cause: e });
    }
    if (e instanceof ServerError)
        return new HealthFailure(phase === 'server' ? 'server-not-ready' : 'kernel-failed', e.message, { cause: e });
    if (e instanceof KernelGoneError)
        return new HealthFailure('kernel-failed', e.message, { cause: e });
    const fallback = {
        hub: 'hub-unreachable',
        user: 'hub-unreachable',
        spawn: 'spawn-failed',
        server: 'server-not-ready',
        kernel: 'kernel-failed',
        notebook: 'notebook-error',
    };
    return new HealthFailure(fallback[phase], `unexpected failure: ${e?.message ?? String(e)}`, { cause: e });
}
async function runAttempt(ctx, attempt) {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new AttemptTimeout(ctx.options.attemptTimeoutMs)), ctx.options.attemptTimeoutMs);
    const onOuter = () => ac.abort(new Cancelled());
    if (ctx.outer?.aborted)
        onOuter();
    ctx.outer?.addEventListener('abort', onOuter, { once: true });
    const state = { phase: 'hub', touchedUser: false, kernel: undefined, progress: [], timings: {} };
    const t0 = performance.now();
    let failure;
    try {
        await attemptBody(ctx, ac.signal, state);
    }
    catch (e) {
        failure = classify(e, state.phase, ac.signal);
    }
    finally {
        clearTimeout(timer);
        ctx.outer?.removeEventListener('abort', onOuter);
        state.kernel?.close();
    }
    // Cleanup: whatever happened, with its own bound (not the attempt's, which may have expired).
    let cleanupError;
    if (state.touchedUser) {
        const c0 = performance.now();
        try {
            await removeUser(ctx.hub, ctx.options.username, ctx.options.cleanupTimeoutMs, ctx.reporter);
        }
        catch (e) {
            cleanupError = `the health-check user ${ctx.options.username} could not be removed: ${e.message}`;
        }
        state.timings.cleanup_ms = ms(c0);
        if (!cleanupError)
            ctx.reporter.info(`cleanup: server stopped and user ${ctx.options.username} deleted (${sec(state.timings.cleanup_ms)})`);
    }
    state.timings.total_ms = ms(t0);
    const result = { attempt, status: 'passed', progress: state.progress, timings: state.timings };
    if (failure) {
        result.status = 'failed';
        result.classification = failure.classification;
        result.message = failure.message;
        if (failure.cell)
            result.cell = failure.cell;
        if (cleanupError)
            result.cleanup_error = cleanupError;
    }
    else if (cleanupError) {
        result.status = 'failed';
        result.classification = 'cleanup-failed';
        result.message = cleanupError;
    }
    return result;
}
/** Run the check: up to `attempts` attempts; the result says which passed or why each failed. */
async function runHealthCheck(options) {
    const reporter = options.reporter ?? log/* silentReporter */.P$;
    reporter.mask(options.token);
    (0,redact/* registerSecret */.cl)(options.token);
    const attempts = Math.max(1, options.attempts ?? 3);
    const attemptTimeoutMs = options.attemptTimeoutMs ?? 600_000;
    const hub = new HubClient({ hubUrl: options.hubUrl, token: options.token, requestTimeoutMs: options.requestTimeoutMs });
    const notebooks = [...(options.notebooks ?? notebooksFor(options.hubType, options.checkDaskScaling ?? false)), ...(options.extraNotebooks ?? [])];
    const spawn = notebooks.length > 0;
    const ctx = {
        options: {
            attemptTimeoutMs,
            spawnTimeoutMs: Math.min(options.spawnTimeoutMs ?? 360_000, attemptTimeoutMs),
            kernelTimeoutMs: options.kernelTimeoutMs ?? 120_000,
            cellTimeoutMs: options.cellTimeoutMs ?? 300_000,
            notebookTimeoutMs: options.notebookTimeoutMs ?? 480_000,
            serverReadyTimeoutMs: options.serverReadyTimeoutMs ?? 30_000,
            cleanupTimeoutMs: options.cleanupTimeoutMs ?? 120_000,
            username: options.username ?? DEFAULT_USERNAME,
        },
        hub,
        token: options.token,
        notebooks,
        spawn,
        reporter,
        outer: options.signal,
    };
    const hubName = options.hub ?? hub.base.host;
    const results = [];
    const t0 = performance.now();
    for (let n = 1; n <= attempts; n++) {
        const r = await reporter.group(`health check of ${hubName}: attempt ${n}/${attempts}`, () => runAttempt(ctx, n));
        results.push(r);
        if (r.status === 'passed')
            break;
        reporter.warn(`attempt ${n}/${attempts} failed: ${r.classification}: ${r.message}${r.cleanup_error ? ` (and ${r.cleanup_error})` : ''}`);
        if (options.signal?.aborted)
            break;
        if (n < attempts)
            await sleep(options.retryDelayMs ?? 2000, options.signal);
    }
    const last = results[results.length - 1];
    const result = {
        status: last.status,
        ...(last.status === 'failed' ? { classification: last.classification, message: last.message } : {}),
        attempts: results,
        timings: { ...last.timings, total_ms: ms(t0) },
        hub: hubName,
        hub_url: hub.base.toString().replace(/\/$/, ''),
        hub_type: options.hubType,
        notebooks: notebooks.map((n) => n.name),
        scope: spawn ? 'full' : 'hub-api',
    };
    return result;
}

// EXTERNAL MODULE: ./src/shared/health/target.ts
var health_target = __webpack_require__(83375);
;// CONCATENATED MODULE: ./src/shared/health/report.ts
const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
/** Header and rows of the per-step timings of each attempt. */
function timingRows(result) {
    const notebooks = [...new Set(result.attempts.flatMap((a) => Object.keys(a.timings.notebooks ?? {})))];
    const order = result.notebooks.filter((n) => notebooks.includes(n));
    const header = ['attempt', 'result', 'hub response', 'spawn', 'kernel start', ...order.map((n) => `notebook ${n}`), 'cleanup', 'total'];
    const rows = result.attempts.map((a) => [
        String(a.attempt),
        a.status === 'passed' ? 'passed' : `failed: ${a.classification}`,
        s(a.timings.hub_response_ms),
        s(a.timings.spawn_ms),
        s(a.timings.kernel_start_ms),
        ...order.map((n) => s(a.timings.notebooks?.[n])),
        s(a.timings.cleanup_ms),
        s(a.timings.total_ms),
    ]);
    return { header, rows };
}
function verdict(result) {
    const tries = result.attempts.length === 1 ? '1 attempt' : `${result.attempts.length} attempts`;
    if (result.status === 'passed') {
        const scope = result.scope === 'hub-api' ? ' (hub API, token and user management only: no server is started for this hub type)' : '';
        return `hub ${result.hub} is healthy: ${result.notebooks.length ? `${result.notebooks.join(', ')} ran without error` : 'checks passed'} (${tries}, ${s(result.timings.total_ms)})${scope}`;
    }
    return `hub ${result.hub} is NOT healthy after ${tries}: ${result.classification}: ${result.message}`;
}
function lastProgress(a, n = 8) {
    return a.progress.slice(-n);
}
const esc = (t) => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (t) => '`' + t.replace(/`/g, "'") + '`';
/** The job summary: verdict, timings table, and on failure the classification, failing cell and last progress. */
function summaryMarkdown(result) {
    const out = [];
    const icon = result.status === 'passed' ? '✅' : '❌';
    out.push(`### ${icon} Health check of ${esc(result.hub)} (${result.hub_type})`, '');
    out.push(esc(verdict(result)), '');
    out.push(`Hub: ${result.hub_url}${result.notebooks.length ? ` · notebooks: ${result.notebooks.map(code).join(', ')}` : ''}`, '');
    const { header, rows } = timingRows(result);
    out.push(`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`), '');
    if (result.status === 'failed') {
        for (const a of result.attempts) {
            out.push(`**Attempt ${a.attempt}: ${a.classification}**: ${esc(a.message ?? '')}`, '');
            if (a.cell?.traceback?.length) {
                out.push('<details><summary>traceback</summary>', '', '```', ...a.cell.traceback.slice(-30), '```', '', '</details>', '');
            }
            if (a.cleanup_error)
                out.push(`Cleanup also failed: ${esc(a.cleanup_error)}`, '');
            const p = lastProgress(a);
            if (p.length)
                out.push('Last spawn progress messages:', '', ...p.map((m) => `- ${esc(m)}`), '');
        }
    }
    return out.join('\n');
}
/** Lines for a terminal after the check (the log already showed each step). */
function failureDetails(result) {
    if (result.status === 'passed')
        return [];
    const a = result.attempts[result.attempts.length - 1];
    const lines = [];
    if (a.cell?.traceback?.length)
        lines.push('traceback of the failing cell:', ...a.cell.traceback.slice(-20).map((l) => '  ' + l));
    // Spawn progress says why a server did not come (pod pending, image pull); after a notebook error it is noise.
    const p = ['spawn-failed', 'spawn-timeout', 'server-not-ready', 'kernel-failed'].includes(a.classification ?? '') ? lastProgress(a) : [];
    if (p.length)
        lines.push('last spawn progress messages:', ...p.map((m) => `  - ${m}`));
    return lines;
}

;// CONCATENATED MODULE: ./src/shared/health/index.ts
/**
 * The health-check capability: one entry point for the action and the CLI. A hub of the config (cluster + hub: URL
 * from its domain, token from the cluster) or a hub given directly (URL + token).
 */












async function loadNotebooks(files, base) {
    return Promise.all(files.map((f) => {
        const abs = external_node_path_default().resolve(base, f);
        const rel = external_node_path_default().relative(base, abs);
        return readNotebook(abs, rel && !rel.startsWith('..') ? rel.split((external_node_path_default()).sep).join('/') : abs);
    }));
}
/** Resolve the target, load the hub's own notebooks (bad input fails before anything is created), run the check. */
async function runHubHealthCheck(req) {
    if (req.token) {
        (0,redact/* registerSecret */.cl)(req.token);
        req.reporter.mask(req.token);
    }
    const extraNotebooks = await loadNotebooks(req.notebookFiles ?? [], req.notebookBase ?? process.cwd());
    let target;
    if (req.cluster || req.hub) {
        if (!req.cluster || !req.hub)
            throw new errors/* UsageError */.eb('name both the cluster and the hub', 'e.g. `deployer run-hub-health-check my-cluster staging`');
        if (!req.paths)
            throw new errors/* UsageError */.eb('the infrastructure repository location is needed to check a hub of the config');
        if (req.token) {
            // A token given for a hub of the config: use it (with the URL of the config unless hub-url overrides it).
            const { loadCluster, findHub } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 63422));
            const { hubDomain, hubTypeOf } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 83375));
            const cluster = await loadCluster(req.paths, req.cluster);
            const hub = findHub(cluster, req.hub);
            target = {
                hub: hub.name,
                hubUrl: req.hubUrl ? (0,health_target/* parseHubUrl */.o5)(req.hubUrl, 'hub-url') : (0,health_target/* parseHubUrl */.o5)(`https://${await hubDomain(cluster, hub, req.reporter, req.env)}`),
                token: req.token,
                hubType: await hubTypeOf(cluster, hub),
            };
        }
        else {
            target = await (0,health_target/* clusterTarget */.Gq)({ paths: req.paths, cluster: req.cluster, hub: req.hub, reporter: req.reporter, ambient: req.ambient, env: req.env, hubUrl: req.hubUrl });
        }
    }
    else {
        if (!req.hubUrl)
            throw new errors/* UsageError */.eb('name a cluster and a hub of the config, or give a hub URL and an API token');
        if (!req.token)
            throw new errors/* UsageError */.eb('a hub given by URL needs an API token', 'pass the token of a service with the admin:users, servers and access:servers scopes');
        const url = (0,health_target/* parseHubUrl */.o5)(req.hubUrl, 'hub-url');
        target = { hub: new URL(url).host, hubUrl: url, token: req.token, hubType: req.hubType ?? 'basehub' };
    }
    const checkDaskScaling = Boolean(req.checkDaskScaling) && target.hubType === 'daskhub';
    if (req.checkDaskScaling && target.hubType !== 'daskhub')
        req.reporter.warn(`check-dask-scaling ignored: hub ${target.hub} is a ${target.hubType}, not a daskhub`);
    req.reporter.info(`health check of ${target.hub} (${target.hubType}) at ${target.hubUrl}`);
    return runHealthCheck({
        ...req.check,
        hubUrl: target.hubUrl,
        token: target.token,
        hub: target.hub,
        hubType: target.hubType,
        checkDaskScaling,
        extraNotebooks,
        reporter: req.reporter,
    });
}

// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/health.ts
/**
 * `deployer run-hub-health-check CLUSTER HUB [--check-dask-scaling]` (a hub of the config: URL from its domain, token
 * from the cluster) and `deployer run-hub-health-check --hub-url URL --api-token-env VAR [--hub-type ...]` (any hub).
 * Logs on stderr; the verdict and timings table (or with --json the result object) on stdout. Exit 0 healthy, 1 not.
 * Ctrl-C (or SIGTERM) cancels: the health-check user is still removed; a second Ctrl-C exits at once.
 */




const str = (v) => (typeof v === 'string' && v ? v : undefined);
async function healthCheckCommand(cluster, hub, opts) {
    const reporter = (0,common/* terminalReporter */.CO)(opts);
    const hubUrl = str(opts.hubUrl);
    const tokenVar = str(opts.apiTokenEnv);
    let token;
    if (tokenVar) {
        token = process.env[tokenVar];
        if (!token)
            throw new errors/* UsageError */.eb(`--api-token-env ${tokenVar}: the environment variable ${tokenVar} is not set or empty`, `export ${tokenVar}=<the hub-health service token> first`);
        reporter.mask(token);
    }
    if (!cluster && !hubUrl) {
        throw new errors/* UsageError */.eb('name a cluster and a hub, or give --hub-url and --api-token-env', 'e.g. `deployer run-hub-health-check my-cluster staging`');
    }
    if (cluster && !hub)
        throw new errors/* UsageError */.eb(`name the hub of cluster ${cluster} to check`, `deployer run-hub-health-check ${cluster} <hub>`);
    if (!cluster && !token)
        throw new errors/* UsageError */.eb('--hub-url needs --api-token-env VAR (the variable holding the API token)', 'the token never goes on the command line, where shell history and process lists keep it');
    const attempts = typeof opts.attempts === 'number' ? opts.attempts : 3;
    const attemptTimeout = typeof opts.attemptTimeout === 'number' ? opts.attemptTimeout : 600;
    if (attempts < 1)
        throw new errors/* UsageError */.eb('--attempts must be at least 1');
    if (attemptTimeout < 1)
        throw new errors/* UsageError */.eb('--attempt-timeout must be at least 1 second');
    const ac = new AbortController();
    let interrupts = 0;
    const onSignal = (sig) => {
        interrupts++;
        if (interrupts > 1)
            process.exit(130);
        reporter.warn(`${sig}: cancelling the health check; removing the health-check user (press Ctrl-C again to exit at once)`);
        ac.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await runHubHealthCheck({
            paths: cluster ? (0,common/* pathsFrom */.lL)(opts) : undefined,
            cluster,
            hub,
            hubUrl,
            token,
            hubType: str(opts.hubType),
            checkDaskScaling: opts.checkDaskScaling === true,
            notebookFiles: Array.isArray(opts.notebook) ? opts.notebook : [],
            notebookBase: process.cwd(),
            ambient: opts.ambientCredentials === true,
            reporter,
            check: { attempts, attemptTimeoutMs: attemptTimeout * 1000, signal: ac.signal },
        });
        if (opts.json)
            (0,common/* printResult */.RS)(JSON.stringify(result, null, 2));
        else {
            const { header, rows } = timingRows(result);
            (0,common/* printResult */.RS)([verdict(result), ...failureDetails(result), '', (0,log/* formatTextTable */.D6)(header, rows)].join('\n'));
        }
        return result.status === 'passed' ? 0 : 1;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 83375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ clusterTarget),
/* harmony export */   hubDomain: () => (/* binding */ hubDomain),
/* harmony export */   hubTypeOf: () => (/* binding */ hubTypeOf),
/* harmony export */   o5: () => (/* binding */ parseHubUrl)
/* harmony export */ });
/* unused harmony exports TOKEN_SECRET, TOKEN_KEY */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63422);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27327);
/**
 * Where a health check goes and with which token, for a hub of the config: `https://<domain>` (domain_override_file
 * honoured, decrypted when secret), the hub type (chart, or a basehub with dask-gateway and daskhubSetup enabled is
 * a daskhub, as upstream 2026), and the API token from the hub's Secret `hub`, key `hub.services.hub-health.apiToken`
 * in namespace = hub name, read through the cluster access and masked at once. The access is disposed right after.
 */






const TOKEN_SECRET = 'hub';
const TOKEN_KEY = 'hub.services.hub-health.apiToken';
/** Validate a hub URL given by the user: http(s), no credentials in it. */
function parseHubUrl(url, what = 'hub URL') {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} \`${url}\` is not a URL`, 'write it as https://hub.example.org (with the scheme)');
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} \`${url}\` must be http(s)`);
    if (u.username || u.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${what} must not carry credentials`, 'pass the token as the API token, never in the URL');
    return u.toString().replace(/\/$/, '');
}
/** A non-secret values file's setting at `keys`, or undefined. */
function lookup(doc, keys) {
    let node = doc;
    for (const k of keys) {
        if (!node || typeof node !== 'object')
            return undefined;
        node = node[k];
    }
    return node;
}
/** basehub | daskhub | binderhub. A basehub whose values enable dask-gateway and daskhubSetup is a daskhub. */
async function hubTypeOf(cluster, hub) {
    if (hub.helmChart === 'daskhub' || hub.helmChart === 'binderhub')
        return hub.helmChart;
    let gateway = false;
    let setup = false;
    for (const f of (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_4__/* .hubValuesFiles */ .XL)(cluster, hub)) {
        if (f.secret || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f.abs) || !/\.ya?ml$/.test(f.abs))
            continue;
        const y = await (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readYamlFile */ .kv)(f.abs, f.display);
        const g = lookup(y.value, ['dask-gateway', 'enabled']);
        const s = lookup(y.value, ['jupyterhub', 'custom', 'daskhubSetup', 'enabled']);
        if (typeof g === 'boolean')
            gateway = g;
        if (typeof s === 'boolean')
            setup = s;
    }
    return gateway && setup ? 'daskhub' : 'basehub';
}
/** The hub's domain: `domain`, or `domain:` of its domain_override_file (sops-decrypted when its name says secret). */
async function hubDomain(cluster, hub, reporter, env) {
    if (!hub.domainOverrideFile)
        return hub.domain;
    const pointer = ['hubs', hub.index, 'domain_override_file'];
    const abs = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveInCluster */ .aj)(cluster, hub.domainOverrideFile, pointer);
    const display = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cluster.paths.configRoot, abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`domain_override_file ${display} of hub ${hub.name} does not exist`, {
            file: cluster.displayFile,
            ...cluster.yaml.locate(pointer),
            hint: 'create the file (a YAML mapping with `domain:`), or remove domain_override_file',
        });
    }
    let doc;
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(abs).includes('secret')) {
        const { readDecrypted } = await __webpack_require__.e(/* import() */ 5336).then(__webpack_require__.bind(__webpack_require__, 45336));
        doc = await readDecrypted(abs, { reporter, display, env });
    }
    else {
        doc = (await (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readYamlFile */ .kv)(abs, display)).value;
    }
    const domain = lookup(doc, ['domain']);
    if (typeof domain !== 'string' || !domain) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`domain_override_file ${display} has no \`domain:\` string`, { file: display, hint: 'write `domain: <hub FQDN>` in it' });
    }
    return domain;
}
/** Resolve URL, hub type and token for `cluster`/`hub` of the config. */
async function clusterTarget(options) {
    const cluster = await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_4__.loadCluster)(options.paths, options.cluster);
    const hub = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_4__.findHub)(cluster, options.hub);
    const hubType = await hubTypeOf(cluster, hub);
    const hubUrl = options.hubUrl ? parseHubUrl(options.hubUrl, 'hub-url') : parseHubUrl(`https://${await hubDomain(cluster, hub, options.reporter, options.env)}`, `domain of hub ${hub.name}`);
    const [{ authenticate }, { readSecretKey }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(584), __webpack_require__.e(108)]).then(__webpack_require__.bind(__webpack_require__, 70584)), __webpack_require__.e(/* import() */ 662).then(__webpack_require__.bind(__webpack_require__, 90662))]);
    options.reporter.info(`reading the hub-health API token of ${hub.name} from cluster ${cluster.name} (Secret ${hub.name}/${TOKEN_SECRET})`);
    const access = await authenticate(cluster, { reporter: options.reporter, ambient: options.ambient, env: options.env });
    let token;
    try {
        token = await readSecretKey(access, hub.name, TOKEN_SECRET, TOKEN_KEY);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`cannot get the hub-health API token of hub ${hub.name}: ${e.message}`, {
                hint: e.hint ?? 'the hub chart declares the `hub-health` service (jupyterhub.hub.services.hub-health); deploy the hub first',
            });
        }
        throw e;
    }
    finally {
        await access.dispose();
    }
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(token);
    options.reporter.mask(token);
    if (!token.trim())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`the hub-health API token of hub ${hub.name} is empty (Secret ${hub.name}/${TOKEN_SECRET}, key ${TOKEN_KEY})`);
    return { hub: hub.name, hubUrl, token: token.trim(), hubType };
}


/***/ })

};
