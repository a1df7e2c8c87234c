export const id = 331;
export const ids = [331,108];
export const modules = {

/***/ 8228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   useClusterCredentials: () => (/* binding */ useClusterCredentials)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _shared_auth_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(584);
/* harmony import */ var _shared_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8932);
/* harmony import */ var _shared_repo_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3422);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(577);
/**
 * `deployer use-cluster-credentials CLUSTER [COMMANDLINE]` (upstream A.7): authenticate to the cluster, run
 * COMMANDLINE with `bash -c` (or, without one, an interactive `$SHELL`) in the cluster's private environment
 * (KUBECONFIG and provider credentials), and remove every credential file when it exits.
 *
 * With a COMMANDLINE, its output is passed through line by line with every registered secret masked, so even
 * `cat $KUBECONFIG` prints no credential; the exit code is the command's (128 + n when killed by signal n).
 * The interactive shell gets the terminal directly (masking an interactive session is not possible); it is meant for
 * an operator's own machine.
 */







/** Copies a stream line by line through `redact` (a secret split across chunks is still masked). */
function redactingPipe(write) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk;
            const cut = pending.lastIndexOf('\n');
            if (cut < 0) {
                // Very long lines without a newline are flushed in pieces to bound memory.
                if (pending.length > 1 << 20) {
                    write((0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(pending));
                    pending = '';
                }
                return;
            }
            write((0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(pending.slice(0, cut + 1)));
            pending = pending.slice(cut + 1);
        },
        end() {
            if (pending)
                write((0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(pending));
            pending = '';
        },
    };
}
function exitCodeOf(code, signal) {
    if (code !== null)
        return code;
    const n = signal ? node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] : undefined;
    return 128 + (n ?? 1);
}
async function run(command, args, env, interactive) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env, stdio: interactive ? 'inherit' : ['inherit', 'pipe', 'pipe'] });
        const out = redactingPipe((s) => process.stdout.write(s));
        const err = redactingPipe((s) => process.stderr.write(s));
        child.stdout?.setEncoding('utf8').on('data', (d) => out.push(d));
        child.stderr?.setEncoding('utf8').on('data', (d) => err.push(d));
        child.on('error', (e) => reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg(`could not start ${command}: ${e.code === 'ENOENT' ? 'not found' : e.message}`, { hint: 'install bash, or set SHELL' })));
        child.on('close', (code, signal) => {
            out.end();
            err.end();
            resolve(exitCodeOf(code, signal));
        });
    });
}
async function useClusterCredentials(clusterName, commandline, opts) {
    const reporter = (0,_common_js__WEBPACK_IMPORTED_MODULE_6__/* .terminalReporter */ .CO)(opts);
    const paths = (0,_common_js__WEBPACK_IMPORTED_MODULE_6__/* .pathsFrom */ .lL)(opts);
    const cluster = await (0,_shared_repo_index_js__WEBPACK_IMPORTED_MODULE_5__.loadCluster)(paths, clusterName);
    const access = await (0,_shared_auth_index_js__WEBPACK_IMPORTED_MODULE_3__.authenticate)(cluster, { reporter, ambient: opts.ambientCredentials });
    try {
        if (commandline !== undefined && commandline.trim() !== '') {
            reporter.debug(`running \`${commandline}\` with the credentials of ${cluster.name}`);
            return await run('bash', ['-c', commandline], access.env, false);
        }
        const shell = process.env.SHELL || '/bin/bash';
        reporter.info(`Opening ${shell} with the credentials of ${cluster.name} (KUBECONFIG=${access.kubeconfigPath}). They are removed when the shell exits.`);
        return await run(shell, [], { ...access.env, DEPLOYER_CLUSTER: cluster.name }, true);
    }
    finally {
        await access.dispose();
    }
}


/***/ }),

/***/ 4466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ formatCommand),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   wS: () => (/* binding */ toolStarts),
/* harmony export */   zk: () => (/* binding */ baseEnv)
/* harmony export */ });
/* unused harmony export runToolRaw */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8932);
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

/***/ 7564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toolPath)
/* harmony export */ });
/* unused harmony export TOOL_HINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
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

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ tempRoot),
/* harmony export */   nX: () => (/* binding */ privateTempDir),
/* harmony export */   pU: () => (/* binding */ liveTempDirs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP: the handlers remove the directories, then re-raise the signal so the process dies
 *   the way it would have (exit status 130/143 in a shell), unless another part of the program handles the signal.
 */




const live = new Set();
let installed = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
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
function onSignal(signal) {
    removeAllSync();
    process.removeListener(signal, handlers[signal]);
    // If nobody else handles this signal, die of it as the default handler would have.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)]));
function installHandlers() {
    if (installed)
        return;
    installed = true;
    process.on('exit', removeAllSync);
    for (const s of SIGNALS)
        process.on(s, handlers[s]);
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
