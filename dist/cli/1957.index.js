export const id = 1957;
export const ids = [1957];
export const modules = {

/***/ 64850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ CloudApiError),
/* harmony export */   w: () => (/* binding */ withTimeout)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/** One shape for every cloud API failure: which cluster, which API call, which status, what the service said. */

class CloudApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg {
    cluster;
    api;
    status;
    constructor(cluster, api, status, detail, hint) {
        super(`cluster ${cluster}: ${api} failed${status !== undefined && status !== '' ? ` (HTTP ${status})` : ''}: ${oneLine(detail)}`, { hint });
        this.name = 'CloudApiError';
        this.cluster = cluster;
        this.api = api;
        this.status = status;
    }
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 400 ? `${t.slice(0, 400)}...` : t || 'no detail';
}
/** Reject with a timeout error if `p` has not settled after `ms`. */
async function withTimeout(p, ms, onTimeout) {
    let timer;
    try {
        return await Promise.race([p, new Promise((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 21957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   locatePrometheus: () => (/* binding */ locatePrometheus),
/* harmony export */   memoryRequests: () => (/* binding */ memoryRequests)
/* harmony export */ });
/* unused harmony export MEMORY_REQUESTS_QUERY */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63422);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45336);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(64850);
/**
 * The usage data of a shared cluster: its Prometheus (the support chart's), asked for daily memory requests per
 * namespace with `query_range` (step 24h). Where it is (upstream A.15): `https://<prometheus.server.ingress.tls[0].hosts[0]>`
 * from the support values files, or a per-cluster URL override (a port-forward); basic auth when the support values
 * enable `prometheusIngressAuthSecret` (2023) or `prometheusAuthSecret` (2026), with the username and password read
 * from the cluster's sops-encrypted support values (masked as they are decrypted).
 */







const MEMORY_REQUESTS_QUERY = 'sum(kube_pod_container_resource_requests{resource="memory",unit="byte"}) by (namespace)';
const AUTH_KEYS = ['prometheusAuthSecret', 'prometheusIngressAuthSecret'];
function dig(doc, path) {
    let node = doc;
    for (const k of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[k];
    }
    return node;
}
/** Where the cluster's Prometheus is and how to log in, from its support values (or `overrideUrl`). */
async function locatePrometheus(cluster, opts) {
    const files = cluster.support ? (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_4__/* .supportValuesFiles */ .PV)(cluster) : [];
    const plain = [];
    for (const f of files.filter((f) => !f.secret)) {
        try {
            plain.push(yaml__WEBPACK_IMPORTED_MODULE_1__.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(f.abs, 'utf8')));
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`cannot read ${f.display}: ${e.message.split('\n')[0]}`, { file: f.display, hint: 'the support values files must exist and be valid YAML' });
        }
    }
    const last = (path) => plain.map((d) => dig(d, path)).filter((v) => v !== undefined).pop();
    let url = opts.overrideUrl;
    if (!url) {
        const host = last(['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0]);
        if (typeof host !== 'string' || !host) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`cluster ${cluster.name} is shared (tenancy: shared) but no Prometheus address was found: no prometheus.server.ingress.tls[0].hosts[0] in its support values`, {
                file: cluster.displayFile,
                ...cluster.yaml.locate(['tenancy']),
                hint: 'enable the support chart\'s Prometheus ingress with TLS, or give the URL (--prometheus-url <cluster>=<url>, input prometheus-urls)',
            });
        }
        url = `https://${host}`;
    }
    const authKey = AUTH_KEYS.find((k) => last([k, 'enabled']) === true);
    if (!authKey)
        return { url: url.replace(/\/+$/, '') };
    for (const f of files.filter((f) => f.secret)) {
        const doc = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_5__.readDecrypted)(f.abs, { reporter: opts.reporter, display: f.display, env: opts.env });
        for (const k of AUTH_KEYS) {
            const user = dig(doc, [k, 'username']);
            const pass = dig(doc, [k, 'password']);
            if (typeof user === 'string' && typeof pass === 'string') {
                const authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
                (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(authorization.slice(6));
                return { url: url.replace(/\/+$/, ''), authorization };
            }
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`cluster ${cluster.name}: ${authKey}.enabled is true but no ${authKey}.username/password was found in its encrypted support values`, {
        file: cluster.displayFile,
        hint: `add ${authKey}: {username, password} to the cluster's enc-support.secret.values.yaml (sops-encrypted)`,
    });
}
/** `query_range` of the memory requests per namespace, one sample per day from `start` to `end` (unix seconds). */
async function memoryRequests(cluster, target, start, end, timeoutMs) {
    const u = new URL(`${target.url}/api/v1/query_range`);
    u.searchParams.set('query', MEMORY_REQUESTS_QUERY);
    u.searchParams.set('start', String(start));
    u.searchParams.set('end', String(end));
    u.searchParams.set('step', '24h');
    const api = 'Prometheus query_range';
    let res;
    try {
        res = await fetch(u, { headers: { accept: 'application/json', ...(target.authorization ? { authorization: target.authorization } : {}) }, signal: AbortSignal.timeout(timeoutMs) });
    }
    catch (e) {
        const err = e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .CloudApiError */ .S(cluster, api, undefined, `${target.url} unreachable: ${err.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (err.cause?.code ?? err.message)}`);
    }
    const text = await res.text();
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    if (!res.ok || body?.status !== 'success') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .CloudApiError */ .S(cluster, api, res.status, body?.error ?? text.slice(0, 200), res.status === 401 ? 'check the Prometheus basic-auth credentials in the cluster\'s encrypted support values' : undefined);
    }
    if (body.data?.resultType !== 'matrix')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .CloudApiError */ .S(cluster, api, res.status, `expected a matrix, got ${body.data?.resultType}`);
    return (body.data.result ?? []).map((s) => ({ namespace: s.metric?.namespace ?? '', values: s.values ?? [] }));
}


/***/ })

};
