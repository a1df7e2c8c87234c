export const id = 8812;
export const ids = [8812];
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


/***/ })

};
