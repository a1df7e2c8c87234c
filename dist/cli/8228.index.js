export const id = 8228;
export const ids = [8228,2348];
export const modules = {

/***/ 88228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandOf: () => (/* binding */ commandOf),
/* harmony export */   useClusterCredentials: () => (/* binding */ useClusterCredentials)
/* harmony export */ });
/* harmony import */ var _shared_auth_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70584);
/* harmony import */ var _shared_ops_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82348);
/* harmony import */ var _shared_ops_local_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54629);
/* harmony import */ var _shared_repo_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63422);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76562);
/**
 * `deployer use-cluster-credentials CLUSTER [COMMAND...]` (upstream A.7, 2026 B.1): authenticate to the cluster and
 * run COMMAND (or, without one, an interactive `$SHELL`) with the cluster's private environment (KUBECONFIG and
 * provider credentials exist only in the child's environment), then remove every credential file.
 *
 * `use-cluster-credentials C kubectl get ns` runs `kubectl get ns` directly (no shell); `--` ends deployer's own
 * options (`use-cluster-credentials C -- kubectl get ns -o yaml`); one argument holding blanks
 * (`use-cluster-credentials C "kubectl get ns | head"`) is a shell command line, run with `bash -c` as upstream did.
 * Without a terminal (CI, pipes) a command's output is passed through line by line with every registered secret
 * masked, so even `cat $KUBECONFIG` prints no credential; on a terminal the command gets it (k9s, `kubectl exec -it`).
 * The exit code is the command's. With DEPLOYER_NO_NESTED_KUBECONFIG set, it refuses to run
 * while a kubeconfig is already active.
 */





/** How a command given as arguments is run: one argument with blanks is a shell line, else an argv. */
function commandOf(args) {
    if (!args.length || (args.length === 1 && !args[0].trim()))
        return undefined;
    if (args.length === 1 && /\s/.test(args[0].trim()))
        return { command: 'bash', args: ['-c', args[0]] };
    return { command: args[0], args: args.slice(1) };
}
async function useClusterCredentials(clusterName, commandArgs, opts) {
    (0,_shared_ops_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseNestedKubeconfig */ .Bs)(process.env);
    const reporter = (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .terminalReporter */ .CO)(opts);
    const paths = (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .pathsFrom */ .lL)(opts);
    const cluster = await (0,_shared_repo_index_js__WEBPACK_IMPORTED_MODULE_3__.loadCluster)(paths, clusterName);
    const argv = commandArgs === undefined ? [] : Array.isArray(commandArgs) ? commandArgs : [commandArgs];
    const access = await (0,_shared_auth_index_js__WEBPACK_IMPORTED_MODULE_0__.authenticate)(cluster, { reporter, ambient: opts.ambientCredentials });
    try {
        const env = { ...access.env, DEPLOYER_CLUSTER: cluster.name };
        const cmd = commandOf(argv);
        if (cmd) {
            reporter.debug(`running ${cmd.command} with the credentials of ${cluster.name}`);
            // On a terminal the command gets it (k9s, kubectl exec -it work); otherwise (CI, pipes) its output is masked.
            const onTerminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
            return await (0,_shared_ops_local_js__WEBPACK_IMPORTED_MODULE_2__/* .runChild */ .w$)(cmd.command, cmd.args, env, onTerminal, `install ${cmd.command}, or check PATH`);
        }
        const shell = process.env.SHELL || '/bin/bash';
        reporter.info(`Opening ${shell} with the credentials of ${cluster.name} (KUBECONFIG=${access.kubeconfigPath}). They are removed when the shell exits.`);
        return await (0,_shared_ops_local_js__WEBPACK_IMPORTED_MODULE_2__/* .runChild */ .w$)(shell, [], env, true, 'install bash, or set SHELL');
    }
    finally {
        await access.dispose();
    }
}


/***/ }),

/***/ 82348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ refuseNestedKubeconfig),
/* harmony export */   exportCredentials: () => (/* binding */ exportCredentials),
/* harmony export */   removeExported: () => (/* binding */ removeExported)
/* harmony export */ });
/* unused harmony exports EXPORT_PREFIX, exportClusterCredentials */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58382);
/* harmony import */ var _auth_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70584);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(63422);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(45336);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74405);
/**
 * Cluster credentials that outlive one process, for a workflow job's later steps (the cluster-credentials action):
 * a 0700 directory under RUNNER_TEMP holding a self-contained kubeconfig (the access's credential-plugin environment
 * written into `users[].exec.env`, credential files copied beside it), so `KUBECONFIG` alone is enough for later
 * kubectl/helm steps and no credential variable is exported. The directory is removed by `removeExported` (the
 * action's post step, which runs after success, failure and cancellation).
 *
 * And the nesting guard of `use-cluster-credentials` (2026 upstream): with DEPLOYER_NO_NESTED_KUBECONFIG set, refuse
 * to run when a kubeconfig is already active (KUBECONFIG non-empty, or a non-empty ~/.kube/config).
 */









const EXPORT_PREFIX = 'deployer-credentials-';
/** Variables of the access that the credential plugins need (they differ from this process's environment). */
function pluginEnv(access, base) {
    return Object.entries(access.env).filter(([k, v]) => v !== undefined && base[k] !== v && k !== 'KUBECONFIG' && ((0,_auth_index_js__WEBPACK_IMPORTED_MODULE_5__.isCredentialVar)(k) || k === 'USE_GKE_GCLOUD_AUTH_PLUGIN'));
}
/** Copy the access into a directory that survives this process. */
function exportCredentials(access, clusterName, base = process.env, onDirectory) {
    const root = (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_7__.tempRoot)(base);
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, `${EXPORT_PREFIX}${clusterName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40)}-`));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    try {
        onDirectory?.(dir);
        const moved = new Map();
        // Files and directories the plugin variables point at inside the access's private temp space move along.
        const relocate = (value) => {
            if (!node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(value) || !value.startsWith(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root) + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)))
                return value;
            if (moved.has(value))
                return moved.get(value);
            const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `${moved.size}-${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(value)}`);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(value))
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)(value, target, { recursive: true });
            moved.set(value, target);
            return target;
        };
        const env = pluginEnv(access, base).map(([k, v]) => [k, relocate(v)]);
        const doc = yaml__WEBPACK_IMPORTED_MODULE_3__.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(access.kubeconfigPath, 'utf8'));
        if (!doc || typeof doc !== 'object')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`the kubeconfig of cluster ${clusterName} is empty or not YAML`);
        for (const u of doc.users ?? []) {
            const exec = u?.user?.exec;
            if (!exec)
                continue;
            const list = [...(exec.env ?? [])].filter((e) => !env.some(([k]) => k === e.name));
            for (const [name, value] of env)
                list.push({ name, value });
            exec.env = list;
        }
        const kubeconfig = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'kubeconfig');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(kubeconfig, yaml__WEBPACK_IMPORTED_MODULE_3__.stringify(doc), { mode: 0o600 });
        return { dir, kubeconfig };
    }
    catch (e) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        throw e;
    }
}
/** Authenticate and export: the private access is disposed of, the exported copy stays for the job. */
async function exportClusterCredentials(req) {
    const cluster = await loadCluster(req.paths, req.cluster);
    const access = await authenticate(cluster, { reporter: req.reporter, ambient: req.ambient, env: req.env });
    try {
        const exported = exportCredentials(access, cluster.name, req.env ?? process.env, req.onDirectory);
        return { ...exported, context: currentContext(exported.kubeconfig) };
    }
    finally {
        await access.dispose();
    }
}
/**
 * Remove an exported credentials directory. Only a `deployer-credentials-*` directory directly under the temp root
 * is ever removed (the path comes from the action's saved state; nothing else may be deleted through it).
 */
function removeExported(dir, base = process.env) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve((0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_7__.tempRoot)(base));
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);
    if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(abs) !== root || !node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(abs).startsWith(EXPORT_PREFIX)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`refusing to remove ${dir}: not a ${EXPORT_PREFIX}* directory of ${root}`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs))
        return false;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(abs, { recursive: true, force: true, maxRetries: 2 });
    return true;
}
/** Throws when DEPLOYER_NO_NESTED_KUBECONFIG is set and a kubeconfig is already active. */
function refuseNestedKubeconfig(env = process.env, home = node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir()) {
    if (!env.DEPLOYER_NO_NESTED_KUBECONFIG)
        return;
    const active = [];
    if (env.KUBECONFIG)
        active.push(`KUBECONFIG is set (${env.KUBECONFIG})`);
    const def = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(home, '.kube', 'config');
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(def).size > 0)
            active.push(`${def} is not empty`);
    }
    catch {
        /* no default kubeconfig */
    }
    if (active.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DeployerError */ .dg(`a kubeconfig is already active (${active.join('; ')}) and DEPLOYER_NO_NESTED_KUBECONFIG is set`, {
            hint: 'leave the shell of the other cluster first (exit), or unset DEPLOYER_NO_NESTED_KUBECONFIG to allow nesting',
        });
    }
}


/***/ })

};
