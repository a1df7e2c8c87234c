export const id = 662;
export const ids = [662];
export const modules = {

/***/ 33028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ kubeModule),
/* harmony export */   z: () => (/* binding */ kubeClient)
/* harmony export */ });
let modulePromise;
/** The client-node module, loaded once on first use. */
function kubeModule() {
    modulePromise ??= Promise.all(/* import() */[__webpack_require__.e(2830), __webpack_require__.e(6722), __webpack_require__.e(9655)]).then(__webpack_require__.bind(__webpack_require__, 29655));
    return modulePromise;
}
/**
 * A KubeConfig for `access`. Credential plugins (`users[].exec`: gke-gcloud-auth-plugin, aws eks get-token) get the
 * access's environment through their `exec.env` entries, because client-node runs them with `process.env`, which the
 * auth layer never mutates.
 */
async function kubeClient(access) {
    const k8s = await kubeModule();
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(access.kubeconfigPath);
    const extra = Object.entries(access.env).filter(([k, v]) => v !== undefined && process.env[k] !== v);
    if (extra.length) {
        for (const user of kc.users) {
            if (!user.exec)
                continue;
            const env = [...(user.exec.env ?? [])];
            for (const [name, value] of extra)
                if (!env.some((e) => e.name === name))
                    env.push({ name, value });
            user.exec.env = env;
        }
    }
    return kc;
}


/***/ }),

/***/ 90662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiStatus: () => (/* binding */ apiStatus),
/* harmony export */   readSecretKey: () => (/* binding */ readSecretKey)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48932);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33028);
/** Reading one key of a Kubernetes Secret through the cluster access (the value is registered as a secret at once). */



/** The HTTP status of a client-node error, if it carries one. */
function apiStatus(e) {
    const code = e?.code;
    return typeof code === 'number' ? code : undefined;
}
/** The `message` of a Kubernetes Status body, if the error carries one. */
function apiMessage(e) {
    const body = e?.body;
    if (typeof body === 'string') {
        try {
            const parsed = JSON.parse(body);
            if (parsed.message)
                return parsed.message;
        }
        catch {
            return body.slice(0, 300);
        }
    }
    else if (body && typeof body === 'object' && typeof body.message === 'string') {
        return body.message;
    }
    const cause = e?.cause;
    return cause?.message ?? e?.message ?? String(e);
}
/**
 * `data[key]` of Secret `namespace/name`, base64-decoded. Every failure is a DeployerError saying what was looked up
 * (never the value): no such Secret, no such key, no permission, cluster unreachable.
 */
async function readSecretKey(access, namespace, name, key) {
    const [kc, k8s] = await Promise.all([(0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .kubeClient */ .z)(access), (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .kubeModule */ .c)()]);
    const api = kc.makeApiClient(k8s.CoreV1Api);
    const what = `key \`${key}\` of Secret ${namespace}/${name}`;
    let secret;
    try {
        secret = await api.readNamespacedSecret({ name, namespace });
    }
    catch (e) {
        const status = apiStatus(e);
        if (status === 404) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`cannot read ${what}: the Secret does not exist (${apiMessage(e)})`, {
                hint: `check that the hub is deployed in namespace \`${namespace}\` of this cluster`,
            });
        }
        if (status === 401 || status === 403) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`cannot read ${what}: the cluster refused access (HTTP ${status}: ${apiMessage(e)})`, {
                hint: 'the credentials used for this cluster need `get` on secrets in the hub namespace',
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`cannot read ${what}: ${status ? `HTTP ${status}: ` : ''}${apiMessage(e)}`, {
            hint: 'check that the cluster API server is reachable with these credentials',
        });
    }
    const encoded = secret.data?.[key];
    if (encoded === undefined) {
        const keys = Object.keys(secret.data ?? {}).sort();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployerError */ .dg(`cannot read ${what}: the Secret has no such key`, {
            hint: keys.length ? `its keys: ${keys.join(', ')}` : 'the Secret has no data',
        });
    }
    const value = Buffer.from(encoded, 'base64').toString('utf8');
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(value);
    return value;
}


/***/ })

};
