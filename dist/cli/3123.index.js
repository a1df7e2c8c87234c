export const id = 3123;
export const ids = [3123];
export const modules = {

/***/ 3279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ GrafanaClient)
/* harmony export */ });
/* unused harmony export GrafanaApiError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48932);
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


class GrafanaApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg {
    status;
    method;
    path;
    constructor(method, path, status, detail, label) {
        const where = label ? ` (${label})` : '';
        const msg = status === 0 ? `Grafana API ${method} ${path}${where} failed: ${detail}` : `Grafana API ${method} ${path}${where} answered ${status}${detail ? `: ${detail}` : ''}`;
        super((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(msg), { hint: hintFor(status) });
        this.name = 'GrafanaApiError';
        this.status = status;
        this.method = method;
        this.path = path;
    }
}
function hintFor(status) {
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
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** One short line from an error body: Grafana's `message`, else the start of the text. */
function errorDetail(text) {
    try {
        const j = JSON.parse(text);
        if (typeof j.message === 'string')
            return j.message + (typeof j.status === 'string' ? ` (${j.status})` : '');
    }
    catch {
        /* not JSON */
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
class GrafanaClient {
    url;
    authHeader;
    timeoutMs;
    attempts;
    backoffMs;
    maxRetryAfterMs;
    label;
    onRequest;
    /** Requests made by this client (every attempt counts). */
    requests = 0;
    /** Successful writes (POST/PUT/DELETE answered 2xx). */
    writes = 0;
    constructor(options) {
        let base;
        try {
            base = new URL(options.url);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`invalid Grafana URL \`${options.url}\``, { hint: 'give a URL like https://grafana.example.org' });
        }
        if (base.protocol !== 'https:' && base.protocol !== 'http:')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`invalid Grafana URL \`${options.url}\`: only http(s) is supported`);
        this.url = base.href.replace(/\/+$/, '');
        if (options.auth.kind === 'bearer') {
            (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(options.auth.token);
            this.authHeader = `Bearer ${options.auth.token}`;
        }
        else {
            (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(options.auth.password);
            const b64 = Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64');
            (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(b64);
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
    async request(method, path, body, opts = {}) {
        const idempotent = opts.idempotent ?? method !== 'POST';
        const write = method !== 'GET' && method !== 'HEAD';
        const headers = { Accept: 'application/json', Authorization: this.authHeader };
        let payload;
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
        for (let attempt = 1;; attempt++) {
            let status = 0;
            let text = '';
            let retryAfter = null;
            try {
                this.requests++;
                const res = await fetch(this.url + path, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
                status = res.status;
                retryAfter = res.headers.get('retry-after');
                text = await res.text();
            }
            catch (e) {
                const err = e;
                const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
                const why = timedOut ? `timed out after ${Math.round(this.timeoutMs / 1000)} s` : `${err.cause?.message ?? err.message}`;
                this.onRequest?.({ method, path, status: 0, write });
                // A request that never got an answer may or may not have been acted on: retry only idempotent ones.
                if (idempotent && attempt < this.attempts) {
                    await sleep(this.delay(attempt, null));
                    continue;
                }
                throw new GrafanaApiError(method, path, 0, (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(why), this.label);
            }
            this.onRequest?.({ method, path, status, write });
            if (status >= 200 && status < 300) {
                if (write)
                    this.writes++;
                if (!text)
                    return undefined;
                try {
                    return JSON.parse(text);
                }
                catch {
                    throw new GrafanaApiError(method, path, status, 'the answer is not JSON (is the URL a Grafana?)', this.label);
                }
            }
            if (status === 404 && opts.allow404)
                return undefined;
            const retryable = status === 429 || status === 503 || (idempotent && status >= 500);
            if (retryable && attempt < this.attempts) {
                await sleep(this.delay(attempt, retryAfter));
                continue;
            }
            if (status >= 300 && status < 400)
                throw new GrafanaApiError(method, path, status, 'redirected (is the URL right? a login page?)', this.label);
            throw new GrafanaApiError(method, path, status, (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(errorDetail(text)), this.label);
        }
    }
    delay(attempt, retryAfter) {
        if (retryAfter) {
            const s = Number(retryAfter);
            const ms = Number.isFinite(s) ? s * 1000 : Date.parse(retryAfter) - Date.now();
            if (Number.isFinite(ms) && ms >= 0)
                return Math.min(ms, this.maxRetryAfterMs);
        }
        const base = this.backoffMs * 2 ** (attempt - 1);
        return base / 2 + Math.random() * (base / 2);
    }
    // ---- folders ----------------------------------------------------------------------------------------------
    getFolder(uid) {
        return this.request('GET', `/api/folders/${encodeURIComponent(uid)}`, undefined, { allow404: true });
    }
    async createFolder(uid, title) {
        return (await this.request('POST', '/api/folders', { uid, title }));
    }
    async updateFolder(uid, title, version) {
        return (await this.request('PUT', `/api/folders/${encodeURIComponent(uid)}`, { title, version }));
    }
    // ---- dashboards -------------------------------------------------------------------------------------------
    getDashboard(uid) {
        return this.request('GET', `/api/dashboards/uid/${encodeURIComponent(uid)}`, undefined, { allow404: true });
    }
    /** `POST /api/dashboards/db` with overwrite: the same uid written twice is the same dashboard, so it is retried. */
    async saveDashboard(dashboard, folderUid, message) {
        return (await this.request('POST', '/api/dashboards/db', { dashboard, folderUid, overwrite: true, message }, { idempotent: true }));
    }
    // ---- datasources ------------------------------------------------------------------------------------------
    async listDatasources() {
        return (await this.request('GET', '/api/datasources')) ?? [];
    }
    async createDatasource(body) {
        return (await this.request('POST', '/api/datasources', body));
    }
    async updateDatasource(uid, body) {
        return this.request('PUT', `/api/datasources/uid/${encodeURIComponent(uid)}`, body);
    }
    async deleteDatasourceByName(name) {
        await this.request('DELETE', `/api/datasources/name/${encodeURIComponent(name)}`);
    }
    // ---- service accounts and tokens ----------------------------------------------------------------------------
    /** Every service account whose name matches `query` (all pages of `search`). */
    async searchServiceAccounts(query = '', perPage = 10) {
        const all = [];
        for (let page = 1; page <= 10_000; page++) {
            const q = new URLSearchParams({ perpage: String(perPage), page: String(page) });
            if (query)
                q.set('query', query);
            const res = await this.request('GET', `/api/serviceaccounts/search?${q}`);
            const items = res?.serviceAccounts ?? [];
            all.push(...items);
            if (!items.length || all.length >= (res?.totalCount ?? 0))
                break;
        }
        return all;
    }
    async createServiceAccount(name, role) {
        return (await this.request('POST', '/api/serviceaccounts', { name, role, isDisabled: false }));
    }
    async listTokens(serviceAccountId) {
        return (await this.request('GET', `/api/serviceaccounts/${serviceAccountId}/tokens`)) ?? [];
    }
    async deleteToken(serviceAccountId, tokenId) {
        await this.request('DELETE', `/api/serviceaccounts/${serviceAccountId}/tokens/${tokenId}`);
    }
    /** Create a token. The key is registered as a secret before this returns. */
    async createToken(serviceAccountId, name) {
        const res = await this.request('POST', `/api/serviceaccounts/${serviceAccountId}/tokens`, { name, role: 'Admin' });
        if (!res || typeof res.key !== 'string' || !res.key) {
            throw new GrafanaApiError('POST', `/api/serviceaccounts/${serviceAccountId}/tokens`, 200, 'the answer holds no token key', this.label);
        }
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(res.key);
        return res;
    }
}


/***/ }),

/***/ 83123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   newGrafanaToken: () => (/* binding */ newGrafanaToken)
/* harmony export */ });
/* unused harmony exports SERVICE_ACCOUNT, TOKEN_NAME */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3279);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51302);
/**
 * `grafana new-token CLUSTER [--replace]`: find (across every page of the service-account search) or create the
 * `deployer` service account of the cluster's Grafana, with the admin password (Basic auth); keep a valid `deployer`
 * token unless `replace`; replace an expired one; create the new token (masked the moment it arrives) and hand it to
 * `store`, which writes it sops-encrypted to the cluster's enc-grafana-token.secret.yaml (never plaintext in the tree).
 * Never reads stdin.
 */






const SERVICE_ACCOUNT = 'deployer';
const TOKEN_NAME = 'deployer';
async function newGrafanaToken(options) {
    const { reporter } = options;
    const cluster = await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__.loadCluster)(options.paths, options.cluster);
    const sv = await (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .loadSupportValues */ ["in"])(cluster);
    const url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .applyUrlTemplate */ .IO)(options.grafanaUrlTemplate, cluster.name, sv) : (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .grafanaUrlOf */ .Xz)(sv));
    const password = await (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .grafanaAdminPassword */ .HM)(sv, { reporter, env: options.env });
    const client = new _client_js__WEBPACK_IMPORTED_MODULE_4__/* .GrafanaClient */ .e({ url, auth: { kind: 'basic', user: 'admin', password }, label: cluster.name, ...options.client });
    const tokenFile = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(options.paths, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cluster.dir, _config_js__WEBPACK_IMPORTED_MODULE_5__/* .TOKEN_FILE */ .r$));
    const accounts = await client.searchServiceAccounts();
    let account = accounts.find((a) => a.name === SERVICE_ACCOUNT);
    let created = false;
    if (!account) {
        reporter.info(`creating the \`${SERVICE_ACCOUNT}\` service account in ${url}`);
        account = await client.createServiceAccount(SERVICE_ACCOUNT, 'Admin');
        if (typeof account?.id !== 'number')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`Grafana ${url} created the \`${SERVICE_ACCOUNT}\` service account but returned no id`);
        created = true;
    }
    else {
        reporter.info(`found the \`${SERVICE_ACCOUNT}\` service account (id ${account.id}) in ${url}`);
    }
    let action = 'created';
    const existing = created ? undefined : (await client.listTokens(account.id)).find((t) => t.name === TOKEN_NAME);
    if (existing) {
        if (existing.hasExpired) {
            reporter.warn(`the \`${TOKEN_NAME}\` token of ${cluster.name} has expired: replacing it`);
            action = 'replaced-expired';
        }
        else if (options.replace) {
            reporter.info(`replacing the valid \`${TOKEN_NAME}\` token of ${cluster.name} (--replace)`);
            action = 'replaced';
        }
        else if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cluster.dir, _config_js__WEBPACK_IMPORTED_MODULE_5__/* .TOKEN_FILE */ .r$))) {
            // Grafana never shows a token's key again: a valid token whose file is gone is of no use to anyone.
            reporter.warn(`a valid \`${TOKEN_NAME}\` token exists for ${cluster.name}, but ${tokenFile} does not: replacing the token`);
            action = 'replaced';
        }
        else {
            reporter.info(`a valid \`${TOKEN_NAME}\` token already exists for ${cluster.name}: kept (pass --replace, or the input replace: true, to rotate it)`);
            return { cluster: cluster.name, url: client.url, serviceAccountId: account.id, serviceAccountCreated: created, action: 'kept', tokenFile, changes: [], requests: client.requests };
        }
        await client.deleteToken(account.id, existing.id);
    }
    const token = await client.createToken(account.id, TOKEN_NAME);
    reporter.info(`created a new \`${TOKEN_NAME}\` token for ${cluster.name}`);
    let changes;
    try {
        changes = await options.store(cluster, token.key);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`Grafana ${client.url} has a new \`${TOKEN_NAME}\` token, but it could not be written to ${tokenFile}: ${why}`, {
            file: tokenFile,
            hint: `fix the cause (sops keys, .sops.yaml creation rules), then run \`deployer grafana new-token ${cluster.name} --replace\``,
            cause: e,
        });
    }
    return { cluster: cluster.name, url: client.url, serviceAccountId: account.id, serviceAccountCreated: created, action, tokenFile, changes, requests: client.requests };
}


/***/ })

};
