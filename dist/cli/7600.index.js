export const id = 7600;
export const ids = [7600];
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

/***/ 87600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DATASOURCE_HEADER: () => (/* binding */ DATASOURCE_HEADER),
/* harmony export */   centralCandidates: () => (/* binding */ centralCandidates),
/* harmony export */   datasourceRows: () => (/* binding */ datasourceRows),
/* harmony export */   removeCentralDatasource: () => (/* binding */ removeCentralDatasource),
/* harmony export */   syncCentralDatasources: () => (/* binding */ syncCentralDatasources)
/* harmony export */ });
/* unused harmony exports DEFAULT_CENTRAL_CLUSTER, centralClient */
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15135);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48932);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63422);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3279);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51302);
/**
 * The central Grafana's Prometheus datasources, one per cluster (upstream `update-central-datasources` and the 2026
 * `grafana central-ds add|remove|get-add-candidates|get-rm-candidates`):
 * - `syncCentralDatasources`: for every cluster (or the named ones) whose support values expose Prometheus, a
 *   datasource named after the cluster is created, or updated when its URL or basic-auth user changed (upstream only
 *   added); a cluster without a Prometheus ingress is skipped; a cluster that fails is recorded and never stops the
 *   others;
 * - candidates: clusters without a datasource (add) and Prometheus datasources naming no cluster (remove);
 * - `removeCentralDatasource`: deletes one datasource by name, only when asked.
 * The central Grafana is reached with its cluster's deployer token (Bearer), or GRAFANA_TOKEN.
 */






const DEFAULT_CENTRAL_CLUSTER = '2i2c';
async function centralClient(options) {
    const name = options.centralCluster || DEFAULT_CENTRAL_CLUSTER;
    if (options.token)
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(options.token);
    const cluster = await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.loadCluster)(options.paths, name);
    const sv = options.grafanaUrl ? undefined : await (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSupportValues */ ["in"])(cluster);
    const url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .applyUrlTemplate */ .IO)(options.grafanaUrlTemplate, name, sv) : (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .grafanaUrlOf */ .Xz)(sv));
    const token = options.token ?? (await (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .grafanaToken */ .eg)(cluster, { reporter: options.reporter, env: options.env }));
    return new _client_js__WEBPACK_IMPORTED_MODULE_3__/* .GrafanaClient */ .e({ url, auth: { kind: 'bearer', token }, label: `central Grafana of ${name}`, ...options.client });
}
const DATASOURCE_HEADER = ['cluster', 'datasource', 'action', 'url', 'detail'];
function datasourceRows(rows) {
    return rows.map((r) => [r.cluster, r.datasource, r.action, r.url, r.detail ?? '']);
}
function payload(name, url, user, password) {
    return { name, type: 'prometheus', access: 'proxy', url, basicAuth: true, basicAuthUser: user, secureJsonData: { basicAuthPassword: password } };
}
async function syncCentralDatasources(options) {
    const { reporter } = options;
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const byName = new Map(existing.map((d) => [d.name, d]));
    const all = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__/* .listClusterNames */ .je)(options.paths);
    const names = options.clusters?.length ? [...new Set(options.clusters)] : all;
    if (options.datasourceName && names.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg('--datasource-name applies to one cluster');
    const rows = await (0,_pool_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimit */ .s)(names, options.parallelism ?? 8, async (name) => {
        const dsName = options.datasourceName || name;
        try {
            const sv = await (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSupportValues */ ["in"])(await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.loadCluster)(options.paths, name));
            if (!(0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .hasPrometheusIngress */ .uD)(sv))
                return { cluster: name, datasource: dsName, action: 'skipped', url: '', detail: 'no Prometheus ingress in the support values' };
            const prom = await (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .prometheusAccess */ .Xw)(sv, { reporter, env: options.env });
            const body = payload(dsName, prom.url, prom.username, prom.password);
            const current = byName.get(dsName);
            if (!current) {
                if (!options.dryRun)
                    await client.createDatasource(body);
                return { cluster: name, datasource: dsName, action: 'created', url: prom.url };
            }
            const changes = [];
            if (current.url !== prom.url)
                changes.push(`url ${current.url ?? '(none)'} -> ${prom.url}`);
            if (current.basicAuthUser !== prom.username || current.basicAuth !== true)
                changes.push('basic-auth user');
            if (current.type !== 'prometheus')
                changes.push(`type ${current.type} -> prometheus`);
            if (!changes.length)
                return { cluster: name, datasource: dsName, action: 'unchanged', url: prom.url };
            if (!current.uid)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`datasource ${dsName} has no uid in the answer of GET /api/datasources (Grafana older than 8?)`);
            if (!options.dryRun)
                await client.updateDatasource(current.uid, { ...body, uid: current.uid, ...(current.isDefault !== undefined ? { isDefault: current.isDefault } : {}) });
            return { cluster: name, datasource: dsName, action: 'updated', url: prom.url, detail: changes.join('; ') };
        }
        catch (e) {
            const msg = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e);
            reporter.error(`${name}: ${msg}`, e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg && e.file ? { file: e.file, line: e.line, col: e.col } : undefined);
            return { cluster: name, datasource: dsName, action: 'failed', url: '', detail: msg.split('\n')[0] };
        }
    });
    const clusterSet = new Set(all);
    const removeCandidates = existing.filter((d) => d.type === 'prometheus' && !clusterSet.has(d.name)).map((d) => d.name).sort();
    return { rows, failed: rows.filter((r) => r.action === 'failed').map((r) => r.cluster), removeCandidates, requests: client.requests, writes: client.writes };
}
async function centralCandidates(options) {
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const names = new Set(existing.map((d) => d.name));
    const clusters = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__/* .listClusterNames */ .je)(options.paths);
    const add = [];
    for (const c of clusters) {
        if (names.has(c))
            continue;
        try {
            if ((0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .hasPrometheusIngress */ .uD)(await (0,_config_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSupportValues */ ["in"])(await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.loadCluster)(options.paths, c))))
                add.push(c);
        }
        catch {
            add.push(c); // a cluster that cannot be read is still a candidate; `add` reports why it fails
        }
    }
    const set = new Set(clusters);
    return { add, remove: existing.filter((d) => d.type === 'prometheus' && !set.has(d.name)).map((d) => d.name).sort() };
}
/** Delete the datasource `name` (default: the cluster's name) from the central Grafana. */
async function removeCentralDatasource(options) {
    const client = await centralClient(options);
    const existing = await client.listDatasources();
    const ds = existing.find((d) => d.name === options.name);
    if (!ds)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`the central Grafana has no datasource named \`${options.name}\``, { hint: 'list them with `deployer grafana central-ds get-rm-candidates`' });
    if (!options.dryRun)
        await client.deleteDatasourceByName(options.name);
    return { cluster: options.name, datasource: options.name, action: 'removed', url: ds.url ?? '' };
}


/***/ }),

/***/ 15135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Bounded concurrency for the capabilities (deploy, grafana, billing): a foundation piece, so no capability imports another for it. */
/** Run `fn` over `items` with at most `limit` at once; results keep the items' order. `fn` must not throw. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const width = Math.max(1, Math.min(limit, items.length));
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
}


/***/ })

};
