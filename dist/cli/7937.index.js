export const id = 7937;
export const ids = [7937];
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

/***/ 87937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DASHBOARD_HEADER: () => (/* binding */ DASHBOARD_HEADER),
/* harmony export */   dashboardRows: () => (/* binding */ dashboardRows),
/* harmony export */   deployDashboards: () => (/* binding */ deployDashboards)
/* harmony export */ });
/* unused harmony exports canonical, prepareDashboard */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(15135);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63422);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3279);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51302);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98812);
/**
 * Deploy the rendered dashboards to the Grafana of one or many clusters.
 *
 * Per cluster: resolve the URL (support values, `--grafana-url`, or a URL template) and the token (`GRAFANA_TOKEN`
 * for one named cluster, else the cluster's enc-grafana-token.secret.yaml), make sure each folder exists with its
 * title (created, or renamed), then for each dashboard read what Grafana holds by uid and write only when the
 * rendered content (or the folder) differs: a second run makes zero writes. `dryRun` reads and classifies only.
 * Clusters run with bounded parallelism; a failing cluster is recorded and never stops the others.
 */








/** Dashboard requests in flight per cluster (reads are cheap for Grafana; 8 covers the usual set in one round trip). */
const DASHBOARDS_AT_ONCE = 8;
const DASHBOARD_HEADER = ['cluster', 'dashboard', 'action', 'link'];
function dashboardRows(rows) {
    return rows.map((r) => [r.cluster, r.dashboard, r.action === 'failed' ? `failed: ${r.error ?? ''}` : r.action, r.link]);
}
/** Canonical JSON (sorted keys) for comparing what Grafana holds with what we would write. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (v && typeof v === 'object') {
        return `{${Object.keys(v)
            .filter((k) => v[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v ?? null);
}
/** Fields Grafana owns: never part of the comparison. */
const SERVER_FIELDS = ['id', 'version'];
function comparable(d) {
    const copy = { ...d };
    for (const f of SERVER_FIELDS)
        delete copy[f];
    return canonical(copy);
}
/**
 * What upstream deploy.py does to a render before posting it: set the uid; fill `datasource` template variables
 * with this Grafana's datasources (default: the first). Query variables are left for Grafana to refresh on load:
 * filling them from live series (as deploy.py does) would make every deploy a write.
 */
function prepareDashboard(rendered, source, datasources) {
    const db = rendered;
    delete db.id;
    delete db.version;
    db.uid = source.uid;
    const list = db.templating?.list;
    if (Array.isArray(list)) {
        for (const v of list) {
            if (v?.type !== 'datasource')
                continue;
            const wanted = typeof v.query === 'string' ? datasources.filter((d) => d.type === v.query) : datasources;
            const options = wanted.map((d) => ({ text: d.name, value: d.name, selected: false }));
            if (wanted.length && !v.current) {
                v.current = { selected: true, tags: [], text: wanted[0].name, value: wanted[0].name };
                options[0].selected = true;
            }
            v.options = options;
        }
    }
    return db;
}
function titleOf(db, source) {
    return typeof db.title === 'string' && db.title ? db.title : source.name;
}
async function selectClusters(options) {
    const named = options.clusters.length > 0;
    const names = named ? [...new Set(options.clusters)] : (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__/* .listClusterNames */ .je)(options.paths);
    const skipped = [];
    const targets = [];
    for (const name of names) {
        try {
            const sv = await (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .loadSupportValues */ ["in"])(await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.loadCluster)(options.paths, name));
            if (!named && !(0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .hasGrafanaIngress */ .ii)(sv)) {
                skipped.push(name);
                continue;
            }
            targets.push({ name, sv });
        }
        catch (e) {
            // A broken cluster.yaml is that cluster's failure, not the run's.
            targets.push({ name, error: e });
        }
    }
    return { targets, skipped };
}
async function deployDashboards(options) {
    const { reporter } = options;
    const dryRun = options.dryRun === true;
    if ((options.grafanaUrl || options.token) && options.clusters.length !== 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${options.grafanaUrl ? '--grafana-url' : 'GRAFANA_TOKEN'} applies to one cluster, but ${options.clusters.length ? options.clusters.length : 'every'} cluster(s) were selected`, options.grafanaUrl ? 'name one cluster, or use --grafana-url-template with {cluster}' : 'name one cluster, or unset GRAFANA_TOKEN so each cluster uses its own token file');
    }
    if (options.token)
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(options.token);
    const sets = [
        {
            dir: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(options.dashboardsRoot, options.dashboardsSubdir ?? 'dashboards'),
            folderUid: options.folderUid || _render_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_FOLDER_UID */ .E,
            folderName: options.folderName || _render_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_FOLDER_NAME */ .fI,
        },
        ...(options.extraSets ?? []),
    ];
    const sources = (0,_render_js__WEBPACK_IMPORTED_MODULE_6__/* .discoverDashboards */ .dl)(options.dashboardsRoot, sets);
    const renderer = new _render_js__WEBPACK_IMPORTED_MODULE_6__/* .DashboardRenderer */ .YV(sources, { root: options.dashboardsRoot, env: options.env, log: (m) => reporter.debug(m) });
    const { targets, skipped } = await selectClusters(options);
    if (skipped.length)
        reporter.info(`skipped ${skipped.length} cluster(s) whose support values configure no Grafana ingress: ${skipped.join(', ')}`);
    if (!targets.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg('no cluster has a Grafana ingress in its support values', { hint: 'name a cluster, or set grafana.ingress.tls in its support values' });
    // Renders that need no cluster start now and overlap the API work.
    renderer.prefetch();
    const needsDatasources = await renderer.needsDatasources().catch(() => false);
    reporter.info(`${dryRun ? 'checking' : 'deploying'} ${sources.length} dashboard(s) on ${targets.length} cluster(s)${dryRun ? ' (dry run: nothing is written)' : ''}`);
    const rows = [];
    const outcomes = await (0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(targets, options.parallelism ?? 8, async (t) => {
        const clusterRows = [];
        let client;
        let url;
        try {
            if (t.error)
                throw t.error;
            const sv = t.sv;
            url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .applyUrlTemplate */ .IO)(options.grafanaUrlTemplate, t.name, sv) : (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .grafanaUrlOf */ .Xz)(sv));
            const token = options.token ?? (await (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .grafanaToken */ .eg)(sv.cluster, { reporter, env: options.env }));
            client = new _client_js__WEBPACK_IMPORTED_MODULE_4__/* .GrafanaClient */ .e({ url, auth: { kind: 'bearer', token }, label: t.name, ...options.client });
            const c = client;
            const base = c.url;
            // Folders (created when absent, renamed when the title differs) and the datasource list, in parallel.
            const folders = new Map();
            for (const s of sources)
                folders.set(s.folderUid, s.folderName);
            const [folderRows, datasources] = await Promise.all([
                Promise.all([...folders].map(async ([uid, title]) => {
                    const f = await c.getFolder(uid);
                    let action = 'unchanged';
                    if (!f) {
                        action = 'created';
                        if (!dryRun)
                            await c.createFolder(uid, title);
                    }
                    else if (f.title !== title) {
                        action = 'renamed';
                        if (!dryRun)
                            await c.updateFolder(uid, title, f.version);
                    }
                    return { cluster: t.name, dashboard: `folder: ${title}`, source: uid, uid, action, link: `${base}/dashboards/f/${uid}/` };
                })),
                needsDatasources ? c.listDatasources() : Promise.resolve([]),
            ]);
            clusterRows.push(...folderRows);
            const dsNames = datasources.map((d) => d.name);
            const dashRows = await (0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(sources, DASHBOARDS_AT_ONCE, async (s) => {
                const row = { cluster: t.name, dashboard: s.name, source: s.key, uid: s.uid, action: 'unchanged', link: `${base}/d/${s.uid}` };
                try {
                    const [rendered, current] = await Promise.all([renderer.render(s, dsNames), c.getDashboard(s.uid)]);
                    const desired = prepareDashboard(rendered, s, datasources);
                    row.dashboard = titleOf(desired, s);
                    if (!current)
                        row.action = 'created';
                    else if (current.meta?.folderUid !== s.folderUid || comparable(current.dashboard) !== comparable(desired))
                        row.action = 'updated';
                    if (row.action !== 'unchanged' && !dryRun) {
                        const saved = await c.saveDashboard(desired, s.folderUid, `deployed by deployer from ${s.key}`);
                        if (saved?.url)
                            row.link = saved.url.startsWith('/') ? new URL(base).origin + saved.url : saved.url;
                    }
                }
                catch (e) {
                    row.action = 'failed';
                    row.error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e).split('\n')[0];
                }
                return row;
            });
            clusterRows.push(...dashRows);
            const failedRows = dashRows.filter((r) => r.action === 'failed');
            if (failedRows.length)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`${failedRows.length} dashboard(s) failed: ${failedRows.map((r) => `${r.source} (${r.error})`).join('; ')}`);
            const counts = countActions(dashRows);
            reporter.info(`${t.name}: ${counts}${dryRun ? ' (dry run)' : ''}`);
            return { cluster: t.name, url, ok: true, requests: c.requests, writes: c.writes };
        }
        catch (e) {
            const msg = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e);
            reporter.error(`${t.name}: ${msg}`, e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg && e.file ? { file: e.file, line: e.line, col: e.col } : undefined);
            if (!clusterRows.some((r) => r.action === 'failed')) {
                clusterRows.push({ cluster: t.name, dashboard: '(cluster)', source: '', uid: '', action: 'failed', link: url ?? '', error: msg.split('\n')[0] });
            }
            return { cluster: t.name, url, ok: false, error: msg, requests: client?.requests ?? 0, writes: client?.writes ?? 0 };
        }
        finally {
            rows.push(...clusterRows);
        }
    });
    rows.sort((a, b) => a.cluster.localeCompare(b.cluster) || (a.dashboard.startsWith('folder: ') ? -1 : 0) - (b.dashboard.startsWith('folder: ') ? -1 : 0) || a.source.localeCompare(b.source));
    const failed = outcomes.filter((o) => !o.ok).map((o) => o.cluster);
    return {
        dryRun,
        rows,
        clusters: outcomes,
        failed,
        skipped,
        requests: outcomes.reduce((n, o) => n + o.requests, 0),
        writes: outcomes.reduce((n, o) => n + o.writes, 0),
        renders: renderer.renders,
    };
}
function countActions(rows) {
    const n = (a) => rows.filter((r) => r.action === a).length;
    return `${n('created')} created, ${n('updated')} updated, ${n('unchanged')} unchanged`;
}


/***/ }),

/***/ 98812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ DEFAULT_FOLDER_UID),
/* harmony export */   YV: () => (/* binding */ DashboardRenderer),
/* harmony export */   dl: () => (/* binding */ discoverDashboards),
/* harmony export */   fI: () => (/* binding */ DEFAULT_FOLDER_NAME),
/* harmony export */   parseDashboardSet: () => (/* binding */ parseDashboardSet)
/* harmony export */ });
/* unused harmony export dashboardUid */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27564);
/**
 * Dashboards from a checkout of jupyterhub/grafana-dashboards (and extra directories rendered the same way):
 * `<dir>/*.jsonnet` rendered with the real `jsonnet -J vendor <file>` from the checkout's root (where `vendor/` is),
 * each file at most once per run (per distinct datasource list for files whose top level is a function, which get
 * `--tla-code datasources=[...]`), in parallel, the results shared by every cluster.
 *
 * The dashboard uid is upstream deploy.py's: the first 16 hex digits of sha256(`<path as deploy.py globbed it>` +
 * folder uid), where the path is the file relative to the checkout root (`dashboards/cluster.jsonnet`), so a fleet
 * moving from upstream updates its dashboards in place.
 */







const DEFAULT_FOLDER_UID = '70E5EE84-1217-4021-A89E-1E3DE0566D93';
const DEFAULT_FOLDER_NAME = 'JupyterHub Default Dashboards';
/** `DIR:FOLDER_UID:FOLDER NAME` (DIR relative to `base`; the folder name may hold colons). */
function parseDashboardSet(spec, base) {
    const [dir, folderUid, ...name] = spec.split(':');
    if (!dir || !folderUid || !name.length || !name.join(':')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`extra dashboards \`${spec}\` is not DIR:FOLDER_UID:FOLDER_NAME`, 'e.g. ../jupyterhub-cost-monitoring/dashboards:cloud-cost:Cloud cost dashboards');
    }
    return { dir: node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(base, dir), folderUid, folderName: name.join(':') };
}
/** upstream deploy.py: `sha256((dashboard_path + folder_uid).encode()).hexdigest()[:16]`. */
function dashboardUid(key, folderUid) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key + folderUid, 'utf8').digest('hex').slice(0, 16);
}
/** Every `*.jsonnet` of each set (sorted), with its uid. A set without dashboards is an error naming the dir. */
function discoverDashboards(root, sets) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, 'vendor'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`${root} has no vendor/ directory: it does not look like a checkout of jupyterhub/grafana-dashboards`, {
            hint: 'check out jupyterhub/grafana-dashboards at a pinned ref and pass that directory as --dashboards-dir; its vendor/ (grafonnet) must be there: committed in the repository, or made with `jb install` from jsonnetfile.lock.json',
        });
    }
    const out = [];
    const seen = new Set();
    for (const set of sets) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(set.dir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(set.dir).isDirectory()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`dashboards directory ${set.dir} does not exist`, { hint: 'check the path (and that the workflow checked the repository out there)' });
        }
        const files = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(set.dir)
            .filter((f) => f.endsWith('.jsonnet'))
            .sort();
        if (!files.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`dashboards directory ${set.dir} holds no *.jsonnet file`, { hint: 'point it at the directory that holds the dashboards' });
        for (const f of files) {
            const abs = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(set.dir, f);
            const key = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(root, abs).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).join('/');
            const uid = dashboardUid(key, set.folderUid);
            if (seen.has(uid))
                continue;
            seen.add(uid);
            out.push({ key, abs, name: f.replace(/\.jsonnet$/, ''), folderUid: set.folderUid, folderName: set.folderName, uid });
        }
    }
    return out;
}
/** Renders each dashboard once per distinct argument list, at most `parallelism` jsonnet processes at a time. */
class DashboardRenderer {
    sources;
    options;
    jsonnet;
    cache = new Map();
    kinds;
    running = 0;
    queue = [];
    limit;
    /** jsonnet processes started (for reports and benchmarks). */
    renders = 0;
    constructor(sources, options) {
        this.sources = sources;
        this.options = options;
        this.jsonnet = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_6__/* .toolPath */ .O)('jsonnet', options.env ?? process.env);
        this.limit = Math.max(1, options.parallelism ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().availableParallelism());
    }
    async slot(fn) {
        if (this.running >= this.limit)
            await new Promise((r) => this.queue.push(r));
        this.running++;
        try {
            return await fn();
        }
        finally {
            this.running--;
            this.queue.shift()?.();
        }
    }
    run(args) {
        return this.slot(async () => {
            this.renders++;
            const r = await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(this.jsonnet, ['-J', 'vendor', ...args], { cwd: this.options.root, env: this.options.env, timeoutMs: this.options.timeoutMs ?? 15 * 60_000, maxBuffer: 256 * 1024 * 1024 });
            return r.stdout;
        });
    }
    /** Which dashboards are top-level functions (one jsonnet process for all: `std.type` does not evaluate the body). */
    isFunction(source) {
        this.kinds ??= (async () => {
            const probe = `[${this.sources.map((s) => `std.type(import ${JSON.stringify(s.key)})`).join(', ')}]`;
            let types;
            try {
                types = JSON.parse(await this.run(['-e', probe]));
            }
            catch (e) {
                // One broken file must not hide which one: probe them one by one to name it.
                const map = new Map();
                for (const s of this.sources) {
                    try {
                        const t = JSON.parse(await this.run(['-e', `std.type(import ${JSON.stringify(s.key)})`]));
                        map.set(s.key, t === 'function');
                    }
                    catch (inner) {
                        throw this.renderError(s, inner);
                    }
                }
                if (map.size === this.sources.length)
                    return map;
                throw e;
            }
            return new Map(this.sources.map((s, i) => [s.key, types[i] === 'function']));
        })();
        return this.kinds.then((m) => m.get(source.key) ?? false);
    }
    /** Whether any dashboard needs the datasource list (so a cluster needs to fetch it). */
    async needsDatasources() {
        for (const s of this.sources)
            if (await this.isFunction(s))
                return true;
        return false;
    }
    /** Start rendering everything that does not depend on a cluster (call early; renders overlap the API work). */
    prefetch() {
        for (const s of this.sources) {
            void this.isFunction(s)
                .then((fn) => (fn ? undefined : this.render(s, [])))
                .catch(() => undefined);
        }
    }
    /** The rendered dashboard (a fresh deep copy the caller may change). */
    async render(source, datasources) {
        const fn = await this.isFunction(source);
        const key = fn ? `${source.key}\u0000${JSON.stringify(datasources)}` : source.key;
        let p = this.cache.get(key);
        if (!p) {
            const args = fn ? [source.key, '--tla-code', `datasources=${JSON.stringify(datasources)}`] : [source.key];
            p = (async () => {
                const started = Date.now();
                let text;
                try {
                    text = await this.run(args);
                }
                catch (e) {
                    throw this.renderError(source, e);
                }
                let doc;
                try {
                    doc = JSON.parse(text);
                }
                catch {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`jsonnet rendered ${source.key} to something that is not JSON`, { file: source.key });
                }
                if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Object.keys(doc).length) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`jsonnet render of ${source.key} is not a dashboard object`, { file: source.key, hint: 'a dashboard file must evaluate to a non-empty object' });
                }
                this.options.log?.(`rendered ${source.key}${fn ? ` for datasources ${JSON.stringify(datasources)}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
                return doc;
            })();
            this.cache.set(key, p);
        }
        return structuredClone(await p);
    }
    renderError(source, e) {
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4) {
            const detail = (e.result.stderr || e.result.stdout).trim().split('\n').slice(0, 12).join('\n');
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`could not render ${source.key} with jsonnet${e.result.timedOut ? ' (timed out)' : ''}${detail ? `:\n${detail}` : ''}`, {
                file: source.key,
                hint: 'render it by hand with `jsonnet -J vendor ' + source.key + '` in the dashboards checkout; go-jsonnet is much faster than the C++ jsonnet for big dashboards',
            });
        }
        return e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg ? e : new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`could not render ${source.key}: ${e.message}`, { file: source.key });
    }
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
