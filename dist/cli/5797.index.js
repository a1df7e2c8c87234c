export const id = 5797;
export const ids = [5797];
export const modules = {

/***/ 18943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48682);
/* harmony import */ var _shared_repo_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15928);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76562);
/**
 * `deployer generate helm-upgrade-jobs FILES [--labels JSON] [--rules FILE] [--json | --markdown]`: the deployment
 * plan for a list of changed files (relative to the config root). Tables (or JSON, or the PR comment) on stdout,
 * notes and warnings on stderr. `--trigger-paths` prints the workflow `on.paths` list the rules imply.
 */





async function planCommand(files, opts) {
    const flags = opts;
    const reporter = (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .terminalReporter */ .CO)(flags);
    const paths = (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .pathsFrom */ .lL)(flags);
    // the default rules follow --charts-dir; a rules file replaces the rules it names
    const defaults = (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultRules */ .Z4)((0,_shared_repo_read_js__WEBPACK_IMPORTED_MODULE_3__/* .chartsDirRel */ .G3)(paths));
    const rules = flags.rules ? await (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readRulesFile */ .ev)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(flags.rules), flags.rules, defaults) : defaults;
    if (flags.json && flags.markdown)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--json and --markdown cannot be combined', 'choose one output format');
    if (flags.triggerPaths) {
        if (files !== undefined)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--trigger-paths takes no FILES argument', 'run `deployer generate helm-upgrade-jobs --trigger-paths [--rules FILE]`');
        const list = (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .triggerPaths */ .L3)(rules, (0,_shared_repo_read_js__WEBPACK_IMPORTED_MODULE_3__/* .clustersDirRel */ .q8)(paths));
        (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .printResult */ .RS)(flags.json ? JSON.stringify(list) : (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .triggerPathsYaml */ ._z)(list));
        return 0;
    }
    if (files === undefined) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('missing argument FILES', 'pass the changed files, comma- or newline-separated (an empty string "" for none), or use --trigger-paths');
    }
    const labels = (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLabels */ .Xy)(flags.labels, '--labels');
    const result = await (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .planDeployments */ .Sf)({ paths, changed: (0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .splitChangedFiles */ ._C)(files), labels, rules: flags.rules ? rules : undefined, source: 'FILES' });
    for (const n of result.notes)
        reporter.info(n);
    for (const w of result.warnings)
        reporter.warn(w);
    if (flags.json) {
        (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .printResult */ .RS)(JSON.stringify(Object.fromEntries(_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MATRIX_NAMES */ .v_.map((n) => [n, result.matrices[n]])), null, 2));
    }
    else if (flags.markdown) {
        (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .printResult */ .RS)((0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commentBody */ .I2)(result.matrices));
    }
    else {
        (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .printResult */ .RS)((0,_shared_plan_index_js__WEBPACK_IMPORTED_MODULE_2__/* .textTables */ .TI)(result.matrices));
    }
    return 0;
}


/***/ }),

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

/***/ 15928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G3: () => (/* binding */ chartsDirRel),
/* harmony export */   VE: () => (/* binding */ nameMismatchMessage),
/* harmony export */   kA: () => (/* binding */ loadClustersForPlan),
/* harmony export */   q8: () => (/* binding */ clustersDirRel)
/* harmony export */ });
/* unused harmony exports checkClusterShape, loadClusterForPlan */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/**
 * The light reading of cluster.yaml that planning needs, beside the full schema check that validation and deploys use
 * (schema.ts): the same reader (`readClusterYaml`: fast parse, positions only to locate an error), then only the keys
 * the planner reads are checked. An unrelated schema issue never blocks a plan (`validate` reports it), but anything
 * the plan depends on is a located error naming the file: a plan that guessed would silently skip or add deploys.
 */




/** A directory of `paths` relative to config-root (POSIX). It must be inside config-root: changed paths are relative to it. */
function dirRel(paths, abs, what, input) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(paths.configRoot, abs);
    if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`the ${what} ${abs} is outside the config root ${paths.configRoot}`, `changed paths are relative to the config root, so the ${what} must be inside it (set config-root to the repository root, ${input} relative to it)`);
    }
    return rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/** The clusters directory relative to config-root (POSIX). */
function clustersDirRel(paths) {
    return dirRel(paths, paths.clustersDir, 'clusters directory', 'clusters-dir');
}
/** The charts directory relative to config-root (POSIX). */
function chartsDirRel(paths) {
    return dirRel(paths, paths.chartsDir, 'charts directory', 'charts-dir');
}
function fail(y, at, message, hint) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(message, { file: y.file, ...y.locate(at), hint: `${hint} (\`deployer validate cluster-config\` checks the whole file)` });
}
function kind(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}
function checkFileList(y, v, at) {
    if (v === undefined || v === null)
        return;
    const where = at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);
    if (!Array.isArray(v))
        fail(y, at, `${where} must be a list of file names, but it is ${kind(v)}`, 'write one values file per list item');
    v.forEach((f, i) => {
        if (typeof f !== 'string' || f === '')
            fail(y, [...at, i], `${where}[${i}] must be a file name, but it is ${typeof f === 'string' ? 'empty' : kind(f)}`, 'write the file name as a string');
    });
}
/** The message for a `name:` that differs from the directory (the same words in validate and the planner). */
function nameMismatchMessage(name, dirName) {
    return `cluster name \`${name}\` does not match its directory \`${dirName}\`: deploys address a cluster by its directory, so a plan would deploy the wrong cluster`;
}
/**
 * Check the keys the planner reads, for the cluster in directory `dirName`. Throws a located DeployerError on the
 * first problem: no provider, `name` not a string or not the directory's name, hubs not a list of mappings with
 * unique string names, values-file lists that are not lists of file names.
 */
function checkClusterShape(y, dirName) {
    const doc = y.value;
    if (typeof doc.provider !== 'string' || doc.provider === '') {
        fail(y, doc.provider === undefined ? [] : ['provider'], doc.provider === undefined ? 'cluster.yaml has no `provider`' : `provider must be a string, but it is ${kind(doc.provider)}`, 'set `provider:` to gcp, aws, azure or kubeconfig');
    }
    if (doc.name !== undefined && typeof doc.name !== 'string')
        fail(y, ['name'], `name must be a string, but it is ${kind(doc.name)}`, 'set `name:` to the cluster name');
    if (typeof doc.name === 'string' && doc.name !== dirName) {
        fail(y, ['name'], nameMismatchMessage(doc.name, dirName), `set \`name: ${dirName}\`, or rename the directory`);
    }
    if (doc.support !== undefined && doc.support !== null) {
        if (typeof doc.support !== 'object' || Array.isArray(doc.support))
            fail(y, ['support'], `support must be a mapping, but it is ${kind(doc.support)}`, 'write `support: {helm_chart_values_files: [...]}`');
        checkFileList(y, doc.support.helm_chart_values_files, ['support', 'helm_chart_values_files']);
    }
    if (doc.hubs === undefined || doc.hubs === null)
        return;
    if (!Array.isArray(doc.hubs))
        fail(y, ['hubs'], `hubs must be a list, but it is ${kind(doc.hubs)}`, 'write one `- name: ...` item per hub');
    const seen = new Map();
    doc.hubs.forEach((h, i) => {
        if (!h || typeof h !== 'object' || Array.isArray(h))
            fail(y, ['hubs', i], `hubs[${i}] must be a mapping, but it is ${kind(h)}`, 'each hub is a mapping with name, domain, helm_chart and helm_chart_values_files');
        const hub = h;
        if (typeof hub.name !== 'string' || hub.name === '') {
            fail(y, hub.name === undefined ? ['hubs', i] : ['hubs', i, 'name'], hub.name === undefined ? `hubs[${i}] has no \`name\`` : `hubs[${i}].name must be a string, but it is ${kind(hub.name)}`, 'give every hub a name');
        }
        const first = seen.get(hub.name);
        if (first !== undefined)
            fail(y, ['hubs', i, 'name'], `hub name \`${hub.name}\` is used twice (hubs[${first}] and hubs[${i}])`, 'hub names must be unique within a cluster');
        seen.set(hub.name, i);
        checkFileList(y, hub.helm_chart_values_files, ['hubs', i, 'helm_chart_values_files']);
    });
}
/** Load one cluster for planning: the shared reader, the light shape check, typed. */
async function loadClusterForPlan(paths, name) {
    const y = await (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readClusterYaml */ .ev)(paths, name);
    checkClusterShape(y, name);
    return (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .clusterFromYaml */ .AS)(paths, name, y);
}
/**
 * Load the clusters named by `which` ('all', or directory names) for planning. A missing or empty clusters directory
 * is an error (a wrong config-root must fail, never plan nothing); named directories that are not clusters are
 * returned in `notClusters` so the caller can say so.
 */
async function loadClustersForPlan(paths, which) {
    if (which === 'all')
        return { clusters: await Promise.all((0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .listClusterNames */ .je)(paths).map((n) => loadClusterForPlan(paths, n))), notClusters: [] };
    const names = [...which].sort();
    const isCluster = (n) => n !== 'templates' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(paths.clustersDir, n, _index_js__WEBPACK_IMPORTED_MODULE_3__/* .CLUSTER_FILE */ .ym));
    // one named cluster that exists proves the directory is there and not empty; else let the listing say what is wrong
    if (!names.some(isCluster))
        (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .listClusterNames */ .je)(paths);
    const clusters = await Promise.all(names.filter(isCluster).map((n) => loadClusterForPlan(paths, n)));
    const notClusters = names.filter((n) => n !== 'templates' && !isCluster(n)).map((n) => (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .displayPath */ .Gt)(paths, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(paths.clustersDir, n)));
    return { clusters, notClusters };
}


/***/ })

};
