export const id = 1302;
export const ids = [1302,2955,5336,108];
export const modules = {

/***/ 74466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   kw: () => (/* binding */ runToolRaw),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   wS: () => (/* binding */ toolStarts),
/* harmony export */   zk: () => (/* binding */ baseEnv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48932);
/* harmony import */ var _shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
/**
 * Run an external tool: argument array (never a shell string), a timeout, captured output, an environment built
 * for the call (never process.env mutated), registered secrets redacted from everything it returns or throws, and
 * an error that names the command.
 */





class ToolError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg {
    result;
    constructor(message, result, hint) {
        super(message, { hint });
        this.name = 'ToolError';
        this.result = result;
    }
}
/** Counts tool starts per tool name, for benchmarks ("helm processes started"). */
const toolStarts = new Map();
/** The environment a tool gets by default: the parent's, minus what must never leak between clusters. */
function baseEnv() {
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k === 'KUBECONFIG' || k.startsWith('AWS_') || k === 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE' || k === 'GOOGLE_APPLICATION_CREDENTIALS')
            continue;
        env[k] = v;
    }
    return env;
}
/** A printable command line (arguments quoted where needed), redacted. */
function formatCommand(command, args) {
    const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)([node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command), ...args].map(q).join(' '));
}
function tail(text, lines = 20) {
    const all = text.trimEnd().split('\n');
    return all.slice(-lines).join('\n');
}
async function runToolRaw(command, args, options = {}) {
    const started = Date.now();
    const env = { ...(options.env ?? baseEnv()), ...(options.extraEnv ?? {}) };
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    const maxBuffer = options.maxBuffer ?? 16 * 1024 * 1024;
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(command);
    toolStarts.set(name, (toolStarts.get(name) ?? 0) + 1);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
        // A stop signal to this process is passed on to the tool (exec/shutdown.ts), never leaving it orphaned.
        (0,_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .trackChild */ .yH)(child);
        let out = '';
        let err = '';
        let timedOut = false;
        let killTimer;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            killTimer.unref();
        }, timeoutMs);
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (d) => {
            if (out.length < maxBuffer)
                out += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stdout');
        });
        child.stderr.on('data', (d) => {
            if (err.length < maxBuffer)
                err += d;
            options.onOutput?.((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(d), 'stderr');
        });
        child.on('error', (e) => {
            clearTimeout(timer);
            const result = { command, args, stdout: '', stderr: '', code: null, signal: null, durationMs: Date.now() - started, timedOut };
            if (e.code === 'ENOENT') {
                reject(new ToolError(`\`${name}\` was not found (tried to run ${formatCommand(command, args)})`, result, `install ${name} and make sure it is on PATH`));
            }
            else if (e.name === 'AbortError') {
                reject(new ToolError(`${formatCommand(command, args)} was cancelled`, result));
            }
            else {
                reject(new ToolError(`could not start ${formatCommand(command, args)}: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(e.message)}`, result));
            }
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            const result = {
                command,
                args,
                stdout: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(out),
                stderr: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(err),
                rawStdout: out,
                code,
                signal,
                durationMs: Date.now() - started,
                timedOut,
            };
            if (timedOut) {
                reject(new ToolError(`${formatCommand(command, args)} timed out after ${Math.round(timeoutMs / 1000)} s`, result, 'raise the timeout, or look at why the tool hangs'));
            }
            else if (code !== 0 && !options.allowFailure) {
                const detail = tail(result.stderr || result.stdout);
                reject(new ToolError(`${formatCommand(command, args)} failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${detail ? `:\n${detail}` : ''}`, result));
            }
            else
                resolve(result);
        });
        if (options.input !== undefined)
            child.stdin.end(options.input);
        else
            child.stdin.end();
    });
}
/** Run a tool; output and errors are redacted. Throws ToolError on failure unless `allowFailure`. */
async function runTool(command, args, options = {}) {
    const { rawStdout: _raw, ...result } = await runToolRaw(command, args, options);
    return result;
}


/***/ }),

/***/ 84445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ob: () => (/* binding */ onShutdown),
/* harmony export */   yH: () => (/* binding */ trackChild)
/* harmony export */ });
/* unused harmony export GRACE_MS */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long running tools get to end after the signal is passed on. */
const GRACE_MS = 20_000;
const cleanups = new Set();
const children = new Set();
let installed = false;
let stopping;
function runCleanups() {
    for (const fn of [...cleanups]) {
        try {
            fn();
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
    }
}
function die(signal) {
    runCleanups();
    for (const s of SIGNALS)
        process.removeListener(s, handlers[s]);
    // If nobody else handles this signal, die of it as the default handler would have.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function onSignal(signal) {
    if (stopping) {
        // Second signal: no more waiting.
        for (const c of children)
            c.kill('SIGKILL');
        die(signal);
        return;
    }
    stopping = signal;
    runCleanups();
    const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
    if (!running.length) {
        die(signal);
        return;
    }
    process.stderr.write(`deployer: ${signal} received: temporary files removed; stopping ${running.map((c) => c.spawnfile.split('/').pop()).join(', ')} (waiting up to ${GRACE_MS / 1000} s)\n`);
    let left = running.length;
    const timer = setTimeout(() => {
        for (const c of running)
            if (c.exitCode === null && c.signalCode === null)
                c.kill('SIGKILL');
        die(signal);
    }, GRACE_MS);
    for (const c of running) {
        c.once('exit', () => {
            if (--left === 0) {
                clearTimeout(timer);
                die(signal);
            }
        });
        try {
            c.kill(signal);
        }
        catch {
            /* already gone */
        }
    }
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', runCleanups);
    for (const s of SIGNALS)
        process.on(s, handlers[s]);
}
/** Run `fn` (synchronous, idempotent) on every way the process ends. Returns the function that unregisters it. */
function onShutdown(fn) {
    install();
    cleanups.add(fn);
    return () => void cleanups.delete(fn);
}
/** Pass stop signals on to `child` while it runs (run.ts registers every tool it starts). */
function trackChild(child) {
    children.add(child);
    child.once('close', () => children.delete(child));
    child.once('error', () => children.delete(child));
}


/***/ }),

/***/ 27564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toolPath)
/* harmony export */ });
/* unused harmony export TOOL_HINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/**
 * Where the external tools are. `DEPLOYER_<TOOL>` (e.g. DEPLOYER_HELM=/opt/helm4/helm) wins, then PATH.
 * A missing tool is a DeployerError naming the tool and how to get it.
 */



const TOOL_HINTS = {
    helm: 'install helm 3.x or 4.x (https://helm.sh/docs/intro/install/), or in Actions let the action install it',
    kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/)',
    sops: 'install sops 3.x (https://github.com/getsops/sops/releases)',
    jsonnet: 'install go-jsonnet (`apt-get install jsonnet` or https://github.com/google/go-jsonnet/releases)',
    gcloud: 'install the Google Cloud CLI with the gke-gcloud-auth-plugin component',
    aws: 'install the AWS CLI v2',
    az: 'install the Azure CLI',
    age: 'install age (`apt-get install age`)',
    git: 'install git',
};
function envName(tool) {
    return `DEPLOYER_${tool.toUpperCase()}`;
}
function executable(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Find a tool on PATH (or the override). Throws a DeployerError naming the tool when it is nowhere. */
function toolPath(tool, env = process.env) {
    const override = env[envName(tool)];
    if (override) {
        if (executable(override))
            return override;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`${envName(tool)} is set to ${override}, which is not an executable file`, { hint: TOOL_HINTS[tool] });
    }
    for (const dir of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))) {
        if (!dir)
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, tool);
        if (executable(candidate))
            return candidate;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`${tool}\` is not installed (not found on PATH)`, { hint: TOOL_HINTS[tool] });
}


/***/ }),

/***/ 51302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ grafanaAdminPassword),
/* harmony export */   IO: () => (/* binding */ applyUrlTemplate),
/* harmony export */   Xw: () => (/* binding */ prometheusAccess),
/* harmony export */   Xz: () => (/* binding */ grafanaUrlOf),
/* harmony export */   eg: () => (/* binding */ grafanaToken),
/* harmony export */   ii: () => (/* binding */ hasGrafanaIngress),
/* harmony export */   il: () => (/* binding */ TOKEN_KEY),
/* harmony export */   "in": () => (/* binding */ loadSupportValues),
/* harmony export */   r$: () => (/* binding */ TOKEN_FILE),
/* harmony export */   uD: () => (/* binding */ hasPrometheusIngress)
/* harmony export */ });
/* unused harmony exports missingKey, PROMETHEUS_AUTH_KEYS, loadClusterSupport */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45336);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27327);
/**
 * Where a cluster's Grafana and Prometheus are, and their credentials, read from the infra repo as upstream does:
 * - Grafana URL: `https://` + `grafana.ingress.tls[0].hosts[0]` of the cluster's (non-secret) support values;
 * - the deployer token: `grafana_token` of `<cluster>/enc-grafana-token.secret.yaml`;
 * - the admin password: `grafana.adminPassword` of the cluster's support secret values, else of
 *   `<charts>/support/enc-support.secret.values.yaml` (the file deploy-support passes first);
 * - Prometheus: `prometheus.server.ingress.tls[0].hosts[0]`, behind basic auth enabled by `prometheusAuthSecret`
 *   (2026) or `prometheusIngressAuthSecret` (2023), whose username/password live in the support secret values.
 * The support values are the files cluster.yaml lists under `support.helm_chart_values_files` (merged in order),
 * or `support.values.yaml` when it lists none. A missing piece is a located DeployerError naming the missing key.
 */






const TOKEN_FILE = 'enc-grafana-token.secret.yaml';
const TOKEN_KEY = 'grafana_token';
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function deepMerge(a, b) {
    if (isObj(a) && isObj(b)) {
        const out = { ...a };
        for (const [k, v] of Object.entries(b))
            out[k] = k in out ? deepMerge(out[k], v) : v;
        return out;
    }
    return b;
}
function at(obj, keys) {
    let cur = obj;
    for (const k of keys) {
        if (typeof k === 'number') {
            if (!Array.isArray(cur))
                return undefined;
            cur = cur[k];
        }
        else {
            if (!isObj(cur))
                return undefined;
            cur = cur[k];
        }
    }
    return cur;
}
const keyName = (keys) => keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
async function loadSupportValues(cluster) {
    const refs = cluster.support?.valuesFiles.length ? cluster.support.valuesFiles : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cluster.dir, 'support.values.yaml')) ? ['support.values.yaml'] : [];
    const files = [];
    const secretFiles = [];
    let values = {};
    for (const ref of refs) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cluster.dir, ref);
        const display = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(cluster.paths, abs);
        if (!abs.startsWith(cluster.dir + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)))
            continue; // validate reports escaping paths; never read them here
        if ((0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .isSecretFile */ .D0)(ref)) {
            secretFiles.push({ abs, display });
            continue;
        }
        if (!/\.ya?ml$/.test(ref))
            continue; // jsonnet support values are rendered at deploy time; not read here
        const y = await (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_5__/* .readYamlFile */ .kv)(abs, display);
        files.push(y);
        values = deepMerge(values, isObj(y.value) ? y.value : {});
    }
    if (!secretFiles.length) {
        const fallback = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cluster.dir, 'enc-support.secret.values.yaml');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(fallback))
            secretFiles.push({ abs: fallback, display: (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(cluster.paths, fallback) });
    }
    return { cluster, values: values, files, secretFiles };
}
/** A DeployerError at the place in the support values where `keys` should be (the deepest part that exists). */
function missingKey(sv, keys, what) {
    const key = keyName(keys);
    // The file that holds the longest existing prefix of the key path, last one wins (as helm merges).
    let best;
    for (const f of sv.files) {
        let depth = 0;
        while (depth < keys.length && at(f.value, keys.slice(0, depth + 1)) !== undefined)
            depth++;
        if (!best || depth >= best.depth)
            best = { file: f, depth };
    }
    if (!best) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`${what}: cluster ${sv.cluster.name} has no support values, so \`${key}\` is not set`, {
            file: sv.cluster.displayFile,
            ...sv.cluster.yaml.locate(['support']),
            hint: `add a support values file under support.helm_chart_values_files that sets \`${key}\``,
        });
    }
    const pos = best.depth ? best.file.locate(keys.slice(0, best.depth)) : { line: 1, col: 1 };
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`${what}: \`${key}\` is not set in the support values of ${sv.cluster.name}`, {
        file: best.file.file,
        ...pos,
        hint: `set \`${key}\` in ${best.file.file}`,
    });
}
/** Whether the support values configure a Grafana ingress (the clusters `deploy-dashboards` visits by default). */
function hasGrafanaIngress(sv) {
    const ingress = at(sv.values, ['grafana', 'ingress']);
    if (!isObj(ingress))
        return false;
    return ingress.enabled === true || typeof at(ingress, ['tls', 0, 'hosts', 0]) === 'string';
}
function grafanaUrlOf(sv) {
    const host = at(sv.values, ['grafana', 'ingress', 'tls', 0, 'hosts', 0]);
    if (typeof host !== 'string' || !host)
        throw missingKey(sv, ['grafana', 'ingress', 'tls', 0, 'hosts', 0], 'cannot tell the Grafana URL');
    return `https://${host}`;
}
/** `{cluster}` and `{host}` in a URL template (`http://127.0.0.1:3000/{cluster}`, `https://{host}`). */
function applyUrlTemplate(template, cluster, sv) {
    let out = template.replace(/\{cluster\}/g, cluster);
    if (out.includes('{host}')) {
        if (!sv)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg('the URL template uses {host}, but the cluster has no support values');
        out = out.replace(/\{host\}/g, new URL(grafanaUrlOf(sv)).host);
    }
    return out;
}
/** The deployer service-account token of a cluster's Grafana (masked). */
async function grafanaToken(cluster, ctx) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cluster.dir, TOKEN_FILE);
    const display = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(cluster.paths, abs);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`the Grafana token file of ${cluster.name} does not exist`, {
            file: display,
            hint: `create it with \`deployer grafana new-token ${cluster.name}\` (or the grafana-token action)`,
        });
    }
    const doc = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_4__.readDecrypted)(abs, { reporter: ctx.reporter, display, env: ctx.env });
    const token = isObj(doc) ? doc[TOKEN_KEY] : undefined;
    if (typeof token !== 'string' || !token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`${TOKEN_KEY}\` is not set in ${display}`, {
            file: display,
            line: 1,
            col: 1,
            hint: `create a token with \`deployer grafana new-token ${cluster.name}\``,
        });
    }
    return token;
}
async function mergedSecrets(files, ctx) {
    let values = {};
    const from = new Map();
    for (const f of files) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f.abs))
            continue;
        const doc = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_4__.readDecrypted)(f.abs, { reporter: ctx.reporter, display: f.display, env: ctx.env });
        if (!isObj(doc))
            continue;
        for (const k of Object.keys(doc))
            from.set(k, f.display);
        values = deepMerge(values, doc);
    }
    return { values: values, from };
}
/** The Grafana admin password for service-account management (masked). */
async function grafanaAdminPassword(sv, ctx) {
    const shared = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(sv.cluster.paths.chartsDir, 'support', 'enc-support.secret.values.yaml');
    const files = [...((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(shared) ? [{ abs: shared, display: (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(sv.cluster.paths, shared) }] : []), ...sv.secretFiles];
    const { values } = await mergedSecrets(files, ctx);
    const pw = at(values, ['grafana', 'adminPassword']);
    if (typeof pw !== 'string' || !pw) {
        const where = files.map((f) => f.display);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`grafana.adminPassword\` is not set for ${sv.cluster.name}`, {
            file: where[where.length - 1] ?? (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(sv.cluster.paths, shared),
            hint: `set grafana.adminPassword in ${where.length ? where.join(' or ') : (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(sv.cluster.paths, shared)} (sops-encrypted)`,
        });
    }
    return pw;
}
const PROMETHEUS_AUTH_KEYS = ['prometheusAuthSecret', 'prometheusIngressAuthSecret'];
/** Whether the support values expose Prometheus through an ingress at all. */
function hasPrometheusIngress(sv) {
    const ingress = at(sv.values, ['prometheus', 'server', 'ingress']);
    return isObj(ingress) && (ingress.enabled === true || typeof at(ingress, ['tls', 0, 'hosts', 0]) === 'string');
}
/** Prometheus URL and basic-auth credentials of a cluster (password masked). */
async function prometheusAccess(sv, ctx) {
    const authKey = PROMETHEUS_AUTH_KEYS.find((k) => at(sv.values, [k, 'enabled']) === true);
    if (!authKey)
        throw missingKey(sv, ['prometheusIngressAuthSecret', 'enabled'], 'Prometheus is not exposed with basic auth (`prometheusAuthSecret.enabled` or `prometheusIngressAuthSecret.enabled`)');
    const host = at(sv.values, ['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0]);
    if (typeof host !== 'string' || !host)
        throw missingKey(sv, ['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0], 'cannot tell the Prometheus URL');
    const { values } = await mergedSecrets(sv.secretFiles, ctx);
    const creds = PROMETHEUS_AUTH_KEYS.map((k) => at(values, [k])).find((v) => isObj(v) && typeof v.username === 'string' && typeof v.password === 'string');
    if (!creds) {
        const where = sv.secretFiles.map((f) => f.display);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`\`${authKey}.username\` and \`${authKey}.password\` are not set in the support secret values of ${sv.cluster.name}`, {
            file: where[where.length - 1] ?? sv.cluster.displayFile,
            line: 1,
            col: 1,
            hint: `set ${authKey}.username and ${authKey}.password in ${where.length ? where.join(' or ') : `${sv.cluster.name}/enc-support.secret.values.yaml`} (sops-encrypted)`,
        });
    }
    return { url: `https://${host}`, username: creds.username, password: creds.password };
}
/** Load a cluster (schema-checked) and its support values. */
async function loadClusterSupport(paths, name) {
    return loadSupportValues(await loadCluster(paths, name));
}


/***/ }),

/***/ 45336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SopsError: () => (/* binding */ SopsError),
  assertSopsEncrypted: () => (/* binding */ assertSopsEncrypted),
  decryptFile: () => (/* binding */ decryptFile),
  liveTempDirs: () => (/* reexport */ tempdir/* liveTempDirs */.pU),
  maskLeaves: () => (/* reexport */ maskLeaves),
  maskValue: () => (/* reexport */ maskValue),
  privateTempDir: () => (/* reexport */ tempdir/* privateTempDir */.nX),
  readDecrypted: () => (/* binding */ readDecrypted),
  sopsFormatOf: () => (/* binding */ sopsFormatOf),
  tempRoot: () => (/* reexport */ tempdir/* tempRoot */.fQ),
  withDecryptedFile: () => (/* binding */ withDecryptedFile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/secrets/mask.ts
/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never;
 * - in a kubeconfig, the names that tie it together (`name`, `namespace`, `cluster`, `user`, `current-context`,
 *   `command` string values): never, or every log line saying `namespace/default` would read `namespace/***`; its
 *   server, certificates, keys, tokens, passwords and exec arguments are masked;
 * - in a Google service-account key, the public constants and identifiers (`type`, `project_id`, `client_email`,
 *   `client_id`, `auth_uri`, `token_uri`, `auth_provider_x509_cert_url`, `client_x509_cert_url`, `universe_domain`):
 *   never (`project_id` is in cluster.yaml anyway); `private_key` and `private_key_id` are masked;
 * - in an AWS access key (`aws iam create-access-key` output), `UserName`, `Status` and `CreateDate`: never (a
 *   user named `deployer` would otherwise turn every `deployer` in the logs into `***`); both key parts are masked.
 * Keys are not masked: they are structure, not secrets.
 */

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
const KUBECONFIG_NAME_KEYS = new Set([...STRUCTURAL_KEYS, 'name', 'namespace', 'cluster', 'user', 'current-context', 'command']);
const GCP_KEY_CONSTANTS = new Set([
    ...STRUCTURAL_KEYS,
    'type',
    'project_id',
    'client_email',
    'client_id',
    'auth_uri',
    'token_uri',
    'auth_provider_x509_cert_url',
    'client_x509_cert_url',
    'universe_domain',
]);
const AWS_KEY_PUBLIC = new Set([...STRUCTURAL_KEYS, 'UserName', 'Status', 'CreateDate']);
/** Which keys' string values are structure rather than secrets, for this document. */
function exemptKeysFor(doc) {
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const d = doc;
        if (d.kind === 'Config' || (Array.isArray(d.clusters) && (Array.isArray(d.contexts) || Array.isArray(d.users))))
            return KUBECONFIG_NAME_KEYS;
        if (d.type === 'service_account' && typeof d.private_key === 'string')
            return GCP_KEY_CONSTANTS;
        if (d.AccessKey && typeof d.AccessKey === 'object' && 'SecretAccessKey' in d.AccessKey)
            return AWS_KEY_PUBLIC;
    }
    return STRUCTURAL_KEYS;
}
const MIN_SECRET_NUMBER_LENGTH = 6;
/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
function maskValue(value, reporter) {
    const forms = new Set([value]);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value)
        forms.add(json);
    if (value.length >= 8)
        forms.add(Buffer.from(value, 'utf8').toString('base64'));
    for (const f of forms) {
        (0,redact/* registerSecret */.cl)(f);
        reporter.mask(f);
    }
}
/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
function maskLeaves(doc, reporter) {
    return walk(doc, reporter, undefined, exemptKeysFor(doc));
}
function walk(node, reporter, key, exempt) {
    if (Array.isArray(node))
        return node.reduce((n, item) => n + walk(item, reporter, key, exempt), 0);
    if (node !== null && typeof node === 'object') {
        let n = 0;
        for (const [k, v] of Object.entries(node))
            n += walk(v, reporter, k, exempt);
        return n;
    }
    if (key !== undefined && exempt.has(key))
        return 0;
    if (typeof node === 'string') {
        if (NOT_SECRET_WORDS.has(node.trim().toLowerCase()))
            return 0;
        maskValue(node, reporter);
        return 1;
    }
    if (typeof node === 'number' || typeof node === 'bigint') {
        const text = String(node);
        if (text.length < MIN_SECRET_NUMBER_LENGTH)
            return 0;
        maskValue(text, reporter);
        return 1;
    }
    return 0;
}
/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
function maskText(text, reporter) {
    (0,redact/* registerSecret */.cl)(text);
    reporter.mask(text);
}

;// CONCATENATED MODULE: ./src/shared/secrets/sops-errors.ts
const GENERIC_HINT = "check that this job has the file's key (SOPS_AGE_KEY_FILE / SOPS_AGE_KEY or the sops-age-key input for age, cloud credentials for KMS) and that the file was not edited by hand";
/** Parse sops's `Group 0: FAILED / <recipient>: FAILED / - | <reason>` report into recipient -> reason. */
function recipientFailures(text) {
    const out = [];
    let current;
    for (const line of text.split('\n')) {
        const r = /^\s{2,}(\S+): FAILED\s*$/.exec(line);
        if (r && !/^Group$/.test(r[1])) {
            current = { recipient: r[1], reason: '' };
            out.push(current);
            continue;
        }
        const cont = /^\s+(?:- )?\|\s?(.*)$/.exec(line);
        if (cont && current)
            current.reason = `${current.reason} ${cont[1].trim()}`.trim();
    }
    return out;
}
function explainSopsFailure(stderr, code, timedOut) {
    const text = stderr.trim();
    if (timedOut) {
        return { reason: 'sops timed out (a KMS call that never answered?)', hint: 'check the network path to the KMS, or raise the timeout', recipients: [] };
    }
    const failures = recipientFailures(text);
    if (/Failed to get the data key/i.test(text) || code === 128) {
        const recipients = failures.map((f) => f.recipient);
        const tried = failures.map((f) => `${f.recipient}: ${f.reason || 'failed'}`).join('; ');
        const age = recipients.filter((r) => r.startsWith('age1'));
        const kms = recipients.filter((r) => !r.startsWith('age1'));
        const hint = age.length
            ? `the file is encrypted for ${age.join(', ')}${kms.length ? ` (and ${kms.join(', ')})` : ''}: give this job the matching age private key (the sops-age-key input, SOPS_AGE_KEY_FILE or SOPS_AGE_KEY), ` +
                'or add your key\'s recipient to .sops.yaml and run `sops updatekeys <file>` with a key that can decrypt it'
            : kms.length
                ? `the file is encrypted with ${kms.join(', ')}: this job's cloud credentials must be allowed to decrypt with that key (check the workflow's cloud login and its IAM permission)`
                : GENERIC_HINT;
        return { reason: `no key available to this job could open its data key${tried ? ` (${tried})` : ''}`, hint, recipients };
    }
    if (/MAC mismatch/i.test(text) || code === 51) {
        return {
            reason: 'its MAC does not match its content: the file was changed without sops (edited by hand, or a git merge)',
            hint: 'restore the file from history, or decrypt it with `sops --decrypt --ignore-mac`, fix it and encrypt it again',
            recipients: [],
        };
    }
    if (/Error decrypting tree|Input string .* does not match sops' data format/i.test(text) || code === 25) {
        return { reason: `a value in it is damaged (${lastLine(text)})`, hint: 'restore the file from history, or re-create the value with `sops <file>`', recipients: [] };
    }
    if (/sops metadata not found|Error unmarshalling input/i.test(text)) {
        return { reason: lastLine(text), hint: 'the file is not a valid sops file: re-encrypt it with `sops --encrypt`', recipients: [] };
    }
    return { reason: lastLine(text) || `sops exit code ${code}`, hint: GENERIC_HINT, recipients: [] };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.at(-1) ?? '';
}

// EXTERNAL MODULE: ./src/shared/secrets/tempdir.ts
var tempdir = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/shared/secrets/index.ts
/**
 * sops decryption that never leaks:
 * - the leak guard: a file handed to decryption (and any file whose basename contains `secret`) must carry sops
 *   metadata, else a located DeployerError says it may have leaked and must be rotated;
 * - `sops --decrypt --output <private temp file>`: the plaintext lives only in a 0700 directory (0600 file) inside
 *   RUNNER_TEMP (Actions) or the OS temp dir, removed on dispose, on a thrown error, and on exit/SIGINT/SIGTERM;
 * - every decrypted leaf value is masked the moment it is decrypted (before any caller can print or pass it on),
 *   so no log line, tool output, error, summary, annotation or output can carry it.
 *
 * sops runs with the caller's environment (default: this process's, minus KUBECONFIG), because sops needs the
 * workflow's KMS credentials (GOOGLE_APPLICATION_CREDENTIALS, AWS_*, SOPS_AGE_KEY_FILE...) to open the data key.
 */














/** The format sops would pick from the extension; extensionless files are told apart by content. */
function sopsFormatOf(absPath, text) {
    const name = external_node_path_default().basename(absPath).toLowerCase();
    if (/\.ya?ml$/.test(name))
        return 'yaml';
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.env'))
        return 'dotenv';
    if (name.endsWith('.ini'))
        return 'ini';
    const t = (text ?? '').trimStart();
    if (t.startsWith('{')) {
        try {
            const doc = JSON.parse(t);
            const keys = Object.keys(doc ?? {}).sort();
            if (keys.length === 2 && keys[0] === 'data' && keys[1] === 'sops')
                return 'binary';
            return 'json';
        }
        catch {
            return 'binary';
        }
    }
    if (/^sops:\s*$/m.test(t))
        return 'yaml';
    return 'binary';
}
function leakError(display, why, line = 1, col = 1) {
    return new errors/* DeployerError */.dg(`${display} ${why}: it is not sops-encrypted. If this file was ever committed or pushed, its contents have leaked`, {
        file: display,
        line,
        col,
        hint: 'rotate every credential in it now, then encrypt the new values with `sops --encrypt --in-place <file>` before committing',
    });
}
/**
 * The leak guard: refuse a file that should be encrypted but carries no sops metadata (a top-level `sops` key for
 * YAML/JSON/binary files, `sops_*` entries for dotenv, a `[sops]` section for ini). Throws a located DeployerError.
 */
function assertSopsEncrypted(absPath, display = absPath) {
    if (!(0,external_node_fs_.existsSync)(absPath) || !(0,external_node_fs_.statSync)(absPath).isFile()) {
        throw new errors/* DeployerError */.dg(`secret file ${display} not found`, { file: display, hint: 'check the path in cluster.yaml (relative to the cluster directory)' });
    }
    const text = (0,external_node_fs_.readFileSync)(absPath, 'utf8');
    const format = sopsFormatOf(absPath, text);
    if (format === 'dotenv') {
        if (!/^sops_(mac|lastmodified|version)=/m.test(text))
            throw leakError(display, 'has no sops metadata (no `sops_mac=` line)');
        return;
    }
    if (format === 'ini') {
        if (!/^\[sops\]\s*$/m.test(text))
            throw leakError(display, 'has no `[sops]` section');
        return;
    }
    if (format === 'binary') {
        // sops's binary store is JSON: {"data": "ENC[...]", "sops": {...}}.
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = undefined;
        }
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
            const meta = doc.sops;
            if (meta && typeof meta === 'object')
                return;
        }
        throw leakError(display, 'is neither YAML nor JSON with a top-level `sops` key');
    }
    let value;
    try {
        // parseYaml reads JSON too; its errors carry a position but never the offending text.
        value = (0,yaml/* parseYaml */.hN)(text, display).value;
    }
    catch (e) {
        if (e instanceof errors/* DeployerError */.dg) {
            throw new errors/* DeployerError */.dg(`${display} is not valid ${format === 'json' ? 'JSON' : 'YAML'}, so it cannot be a sops-encrypted file: ${e.message}`, {
                file: display,
                line: e.line,
                col: e.col,
                hint: 'sops-encrypted files are YAML or JSON with a top-level `sops` key; re-encrypt the file with sops',
            });
        }
        throw e;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('sops' in value)) {
        throw leakError(display, 'has no top-level `sops` key');
    }
    const meta = value.sops;
    if (meta === null || typeof meta !== 'object')
        throw leakError(display, 'has a `sops` key that is not sops metadata');
}
function sopsEnv(env) {
    const out = { ...(env ?? process.env) };
    // sops never needs a cluster, and a KUBECONFIG in its environment is one more place a credential could travel.
    delete out.KUBECONFIG;
    return out;
}
function parsePlaintext(text, format) {
    switch (format) {
        case 'json':
            return JSON.parse(text);
        case 'yaml':
            return dist.parse(text, { maxAliasCount: 1000 });
        case 'dotenv': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^([^#=][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2];
            }
            return out;
        }
        case 'ini': {
            const out = {};
            for (const line of text.split(/\r?\n/)) {
                const m = /^\s*([^;#[][^=]*)=(.*)$/.exec(line);
                if (m)
                    out[m[1].trim()] = m[2].trim();
            }
            return out;
        }
        default:
            return text;
    }
}
/**
 * Decrypt `absPath` with sops into a private temp file and mask every value in it. The caller must `dispose()`
 * (or use `withDecryptedFile`); the process-exit and signal handlers are the safety net, not the plan.
 */
async function decryptFile(absPath, opts) {
    const display = opts.display ?? absPath;
    assertSopsEncrypted(absPath, display);
    const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
    const env = sopsEnv(opts.env);
    registerAgeKeys(env);
    const sops = (0,tools/* toolPath */.O)('sops', env);
    const tmp = await (0,tempdir/* privateTempDir */.nX)('sops');
    const out = external_node_path_default().join(tmp.dir, external_node_path_default().basename(absPath));
    try {
        // Create the output 0600 before sops writes into it (sops keeps an existing file's mode).
        (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(out, 'w', 0o600));
        const result = await (0,run/* runTool */.qI)(sops, ['--decrypt', '--input-type', format, '--output-type', format, '--output', out, absPath], {
            env,
            timeoutMs: opts.timeoutMs ?? 120_000,
            allowFailure: true,
        });
        if (result.code !== 0) {
            const why = explainSopsFailure(result.stderr || result.stdout, result.code, result.timedOut);
            throw new SopsError(display, why.reason, why.hint);
        }
        await (0,promises_.chmod)(out, 0o600);
        const text = await (0,promises_.readFile)(out, 'utf8');
        let parsed;
        try {
            parsed = parsePlaintext(text, format);
        }
        catch {
            parsed = undefined;
        }
        // Mask before anything else can see the values; an unparsable plaintext is masked line by line.
        if (parsed === undefined || typeof parsed === 'string')
            maskText(text, opts.reporter);
        else
            maskLeaves(parsed, opts.reporter);
        opts.reporter.debug(`decrypted ${display} into a private temporary file`);
        return { path: out, dispose: tmp.dispose };
    }
    catch (e) {
        await tmp.dispose();
        throw e;
    }
}
/** A file sops could not decrypt: `sops could not decrypt <file>: <why, in one line>`, and what to do (the hint). */
class SopsError extends errors/* DeployerError */.dg {
    display;
    reason;
    constructor(display, reason, hint) {
        super(`sops could not decrypt ${display}: ${reason}`, { file: display, hint });
        this.display = display;
        this.reason = reason;
        this.name = 'SopsError';
    }
}
/**
 * Register the age identities sops will be given (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE) as secrets before it runs: sops
 * quotes a malformed key in its error ("Invalid checksum in AGE-SECRET-KEY-1...").
 */
function registerAgeKeys(env) {
    let text = env.SOPS_AGE_KEY ?? '';
    if (env.SOPS_AGE_KEY_FILE) {
        try {
            text += '\n' + (0,external_node_fs_.readFileSync)(env.SOPS_AGE_KEY_FILE, 'utf8');
        }
        catch {
            /* sops will say it cannot read it */
        }
    }
    for (const id of text.match(/AGE-SECRET-KEY-[0-9A-Z-]+/g) ?? [])
        (0,redact/* registerSecret */.cl)(id);
}
/** Decrypt, run `fn` with the plaintext path, and remove the plaintext whatever happens. */
async function withDecryptedFile(absPath, opts, fn) {
    const file = await decryptFile(absPath, opts);
    try {
        return await fn(file.path);
    }
    finally {
        await file.dispose();
    }
}
/**
 * Decrypt and parse (YAML/JSON; dotenv and ini as flat objects; binary as a string). The plaintext file is removed
 * before this returns; every leaf is already masked.
 */
async function readDecrypted(absPath, opts) {
    return withDecryptedFile(absPath, opts, async (plain) => {
        const text = await (0,promises_.readFile)(plain, 'utf8');
        const format = sopsFormatOf(absPath, (0,external_node_fs_.readFileSync)(absPath, 'utf8'));
        try {
            return parsePlaintext(text, format);
        }
        catch {
            // Never quote the parser's message: it may contain a piece of the plaintext.
            (0,redact/* registerSecret */.cl)(text);
            throw new errors/* DeployerError */.dg(`the decrypted content of ${opts.display ?? absPath} is not valid ${format === 'json' ? 'JSON' : 'YAML'}`, {
                file: opts.display ?? absPath,
                hint: 'decrypt it locally with `sops --decrypt` and fix the document, then re-encrypt it',
            });
        }
    });
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   nX: () => (/* binding */ privateTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84445);
/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP (see exec/shutdown.ts: removed at once, then the running tools are stopped and the
 *   process dies of the signal, unless another part of the program handles it).
 */





const live = new Set();
let installed = false;
function removeAllSync() {
    for (const dir of live) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 2 });
        }
        catch {
            /* best effort: nothing more can be done while the process dies */
        }
        live.delete(dir);
    }
}
function installHandlers() {
    if (installed)
        return;
    installed = true;
    (0,_exec_shutdown_js__WEBPACK_IMPORTED_MODULE_4__/* .onShutdown */ .Ob)(removeAllSync);
}
/** Where private temp dirs go: `RUNNER_TEMP` in Actions, else the OS temp dir. */
function tempRoot(env = process.env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir();
}
/** A fresh 0700 directory `deployer-<prefix>-XXXXXX`, removed on dispose and on every way the process can end. */
async function privateTempDir(prefix) {
    installHandlers();
    const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempRoot(), `deployer-${safe}-`));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    live.add(dir);
    let disposed = false;
    return {
        dir,
        async dispose() {
            if (disposed)
                return;
            disposed = true;
            live.delete(dir);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true, maxRetries: 2 });
        },
    };
}
/** Directories not yet disposed (for tests and diagnostics). */
function liveTempDirs() {
    return [...live];
}


/***/ })

};
