export const id = 338;
export const ids = [338,108];
export const modules = {

/***/ 3338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand),
  deploySupportCommand: () => (/* binding */ deploySupportCommand)
});

// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(1827);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/shared/helm/args.ts
/**
 * Pure argument builders for helm: what `helm upgrade --install` (and `helm template` for dry runs) is called with.
 * Kept free of I/O so every flag order is asserted in unit tests.
 *
 * Reference (2023 upstream, A.5):
 *   helm upgrade --install --create-namespace --wait --namespace=<hub> <hub> <chart> [--dry-run] [--debug] --values=<f>...
 * What we run:
 *   helm upgrade --install <wait flag> --timeout=<t>s --namespace=<ns> <release> <chart> [--atomic] [--debug]
 *        [--version=<v> --repo=<url>] --values=<f1> --values=<f2> ... [extra args]
 * - `--create-namespace` is dropped: the namespace is ensured through the Kubernetes API before helm runs.
 * - the wait flag is `--wait` on helm 3 and `--wait=<strategy>` on helm 4 (default `watcher`); an explicit `--wait...`
 *   in the extra args replaces it.
 * - `--atomic` is `--rollback-on-failure` on helm 4 (the flag was renamed).
 * - dry runs use `helm template` (no cluster access at all), never `upgrade --dry-run`.
 */

function hasFlag(args, flag) {
    return args.some((a) => a === flag || a.startsWith(flag + '='));
}
function waitFlag(caps) {
    return caps.major >= 4 ? `--wait=${caps.waitStrategy ?? 'watcher'}` : '--wait';
}
function atomicFlag(caps) {
    return caps.major >= 4 ? '--rollback-on-failure' : '--atomic';
}
/** `helm upgrade --install ...` arguments (without the helm binary). */
function upgradeArgs(spec, caps) {
    const extra = spec.extraArgs ?? [];
    const args = ['upgrade', '--install'];
    if (spec.wait !== false && !hasFlag(extra, '--wait'))
        args.push(waitFlag(caps));
    args.push(`--timeout=${spec.timeoutS}s`, `--namespace=${spec.namespace}`, spec.release, spec.chart);
    if (spec.atomic)
        args.push(atomicFlag(caps));
    return [...args, ...chartArgs(spec, extra)];
}
/** What `upgrade` and `template` share after their own flags: debug, chart source, values in order, extra args. */
function chartArgs(spec, extra) {
    const args = [];
    if (spec.debug)
        args.push('--debug');
    if (spec.repo)
        args.push(`--repo=${spec.repo}`);
    if (spec.version)
        args.push(`--version=${spec.version}`);
    for (const f of spec.valuesFiles)
        args.push(`--values=${f}`);
    args.push(...extra);
    return args;
}
/** Flags that make sense for `upgrade` but not for `template`; dropped from extra args of a dry run. */
const NOT_FOR_TEMPLATE = ['--wait', '--atomic', '--rollback-on-failure', '--timeout', '--wait-for-jobs', '--force', '--force-replace', '--cleanup-on-fail'];
/** `helm template ...` arguments for a dry run: renders locally, never contacts the cluster. */
function templateArgs(spec) {
    const extra = (spec.extraArgs ?? []).filter((a) => !NOT_FOR_TEMPLATE.some((f) => a === f || a.startsWith(f + '=')));
    return ['template', spec.release, spec.chart, `--namespace=${spec.namespace}`, ...chartArgs(spec, extra)];
}
/**
 * Split an extra-args string (CLI flag or action input) into arguments: whitespace separates, single and double
 * quotes group, backslash escapes. No shell is involved.
 */
function splitArgs(text) {
    if (!text)
        return [];
    const out = [];
    let cur = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
            else if (c === '\\' && quote === '"' && i + 1 < text.length)
                cur += text[++i];
            else
                cur += c;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            inWord = true;
        }
        else if (c === '\\' && i + 1 < text.length) {
            cur += text[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                out.push(cur);
            cur = '';
            inWord = false;
        }
        else {
            cur += c;
            inWord = true;
        }
    }
    if (quote)
        throw new errors/* UsageError */.eb(`unterminated ${quote} quote in helm extra arguments`, 'close the quote, or drop it');
    if (inWord)
        out.push(cur);
    return out;
}
/** Extra args that would silently change what is deployed where are refused: they have their own inputs. */
function checkExtraArgs(args) {
    const owned = {
        '--namespace': 'the namespace is the hub name',
        '-n': 'the namespace is the hub name',
        '--kubeconfig': 'cluster access comes from cluster.yaml',
        '--kube-context': 'cluster access comes from cluster.yaml',
        '--dry-run': 'use the dry-run input / --dry-run option',
        '--create-namespace': 'the namespace is created through the API before helm runs',
    };
    for (const a of args) {
        const flag = a.split('=')[0];
        if (owned[flag])
            throw new errors/* UsageError */.eb(`helm extra argument \`${flag}\` is not allowed: ${owned[flag]}`);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(4466);
// EXTERNAL MODULE: ./src/shared/helm/jsonnet.ts
var jsonnet = __webpack_require__(2179);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(7564);
;// CONCATENATED MODULE: ./src/shared/helm/client.ts
/**
 * The helm client: every helm call goes through runTool with the cluster's isolated environment (KubeAccess.env),
 * an argument array and a timeout. It knows the helm major version (3 or 4) for the flags that differ.
 */




const PENDING_STATUSES = ['pending-install', 'pending-upgrade', 'pending-rollback'];
const versionCache = new Map();
/** `helm version --short` -> major version (3 or 4), cached per helm binary for the process. */
function detectHelm(env = process.env, runner = run/* runTool */.qI) {
    const helm = (0,tools/* toolPath */.O)('helm', env);
    let p = versionCache.get(helm);
    if (!p) {
        p = (async () => {
            const r = await runner(helm, ['version', '--short'], { env, timeoutMs: 30_000 });
            const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(r.stdout);
            if (!m)
                throw new errors/* DeployerError */.dg(`could not read the helm version from \`helm version --short\`: ${r.stdout.trim()}`);
            const major = Number(m[1]);
            if (major !== 3 && major !== 4) {
                throw new errors/* DeployerError */.dg(`helm ${m[0]} is not supported`, { hint: 'use helm 3 (>= 3.13) or helm 4' });
            }
            return { path: helm, version: m[0], major: major };
        })();
        p.catch(() => versionCache.delete(helm));
        versionCache.set(helm, p);
    }
    return p;
}
/** Lines of `helm upgrade` stdout worth showing: the status header, never values, hooks, manifests or notes. */
function helmStatusSummary(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        if (/^(USER-SUPPLIED VALUES|COMPUTED VALUES|HOOKS|MANIFEST|NOTES|TEST SUITE|RESOURCES):/.test(line))
            break;
        if (/^(Release ".*" |NAME:|LAST DEPLOYED:|NAMESPACE:|STATUS:|REVISION:|DESCRIPTION:)/.test(line))
            out.push(line);
    }
    return out.join('\n');
}
/** Kinds and names of the objects in a rendered manifest stream (the content, which may hold secrets, is dropped). */
function manifestObjects(manifest) {
    const objects = [];
    for (const doc of manifest.split(/^---\s*$/m)) {
        const kind = /^kind:\s*(\S+)/m.exec(doc)?.[1];
        const name = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([^\s"']+)/m.exec(doc)?.[1];
        if (kind)
            objects.push(`${kind}/${name ?? '?'}`);
    }
    return objects;
}
class HelmClient {
    info;
    caps;
    env;
    runner;
    onCommand;
    onStderr;
    constructor(options) {
        this.info = options.info;
        this.caps = { major: options.info.major, waitStrategy: options.waitStrategy };
        this.env = options.env;
        this.runner = options.runner ?? run/* runTool */.qI;
        this.onCommand = options.onCommand;
        this.onStderr = options.onStderr;
    }
    run(args, options = {}) {
        this.onCommand?.(args);
        return this.runner(this.info.path, args, { env: this.env, timeoutMs: 120_000, ...options });
    }
    /** `helm upgrade --install`; returns the (redacted) result. Helm's own timeout is spec.timeoutS; ours is a minute more. */
    async upgrade(spec) {
        return this.run(upgradeArgs(spec, this.caps), {
            timeoutMs: (spec.timeoutS + 60) * 1000,
            onOutput: this.onStderr ? (chunk, stream) => stream === 'stderr' && this.onStderr(chunk) : undefined,
        });
    }
    /** `helm template` (dry run): the objects it renders, by kind/name. The rendered content is never returned. */
    async template(spec) {
        const r = await this.run(templateArgs(spec), { timeoutMs: (spec.timeoutS + 60) * 1000 });
        return manifestObjects(r.stdout);
    }
    /** The release's history, oldest first; undefined when the release does not exist. */
    async history(release, namespace, max = 20) {
        const r = await this.run(['history', release, `--namespace=${namespace}`, `--max=${max}`, '--output=json'], { allowFailure: true });
        if (r.code !== 0) {
            if (/not found/i.test(r.stderr))
                return undefined;
            throw new errors/* DeployerError */.dg(`helm history ${release} --namespace=${namespace} failed: ${r.stderr.trim() || `exit code ${r.code}`}`);
        }
        try {
            const parsed = JSON.parse(r.stdout);
            return [...parsed].sort((a, b) => a.revision - b.revision);
        }
        catch {
            throw new errors/* DeployerError */.dg(`helm history ${release} returned output that is not JSON`);
        }
    }
    async rollback(release, namespace, revision, timeoutS) {
        return this.run(['rollback', release, String(revision), `--namespace=${namespace}`, `--timeout=${timeoutS}s`], {
            timeoutMs: (timeoutS + 60) * 1000,
        });
    }
    async uninstall(release, namespace, timeoutS) {
        return this.run(['uninstall', release, `--namespace=${namespace}`, `--timeout=${timeoutS}s`], { timeoutMs: (timeoutS + 60) * 1000 });
    }
}

;// CONCATENATED MODULE: ./src/shared/helm/recover.ts
/**
 * A release left in pending-install / pending-upgrade / pending-rollback (a cancelled earlier run) blocks every later
 * `helm upgrade` ("another operation is in progress"). Detect it and, when allowed, roll back to the last good
 * revision (or uninstall a release that never deployed); otherwise stop with an error that says how to fix it.
 */


function isPending(status) {
    return PENDING_STATUSES.includes(status);
}
/** Decide what to do about a release's history (pure). */
function planRecovery(history) {
    if (!history?.length)
        return { action: 'none' };
    const current = history[history.length - 1];
    if (!isPending(current.status))
        return { action: 'none', current };
    const earlier = history.slice(0, -1).reverse();
    const target = earlier.find((h) => h.status === 'deployed') ?? earlier.find((h) => h.status === 'superseded');
    if (target)
        return { action: 'rollback', from: current, to: target };
    return { action: 'uninstall', from: current };
}
/** Check the release; recover it when stuck and allowed. Returns what was done. */
async function recoverPendingRelease(helm, release, namespace, options) {
    const plan = planRecovery(await helm.history(release, namespace));
    if (plan.action === 'none')
        return plan;
    const stuck = `release ${release} (namespace ${namespace}) is stuck in ${plan.from.status} at revision ${plan.from.revision}`;
    if (!options.allow) {
        const fix = plan.action === 'rollback'
            ? `helm rollback ${release} ${plan.to.revision} --namespace=${namespace}`
            : `helm uninstall ${release} --namespace=${namespace}`;
        throw new errors/* DeployerError */.dg(`${stuck}, probably left by a cancelled earlier run; not upgrading it`, {
            hint: `rerun with recover-pending (--recover-pending) to ${plan.action === 'rollback' ? `roll back to revision ${plan.to.revision}` : 'uninstall it (it never deployed)'} first, or run \`${fix}\` yourself`,
        });
    }
    if (plan.action === 'rollback') {
        options.log(`${stuck}: rolling back to revision ${plan.to.revision} (${plan.to.status}) before upgrading`);
        await helm.rollback(release, namespace, plan.to.revision, options.timeoutS);
    }
    else {
        options.log(`${stuck} and has no earlier deployed revision: uninstalling it before installing again`);
        await helm.uninstall(release, namespace, options.timeoutS);
    }
    return plan;
}

// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(3422);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts
var yaml = __webpack_require__(2981);
;// CONCATENATED MODULE: ./src/shared/kube/kubectl.ts
/**
 * kubectl operations the deploy path needs, each one process through runTool with the cluster's isolated
 * environment (KubeAccess.env): ensure a namespace exists, apply manifests (CRDs), and wait for the rollout of a
 * namespace's Deployments and DaemonSets (2026 upstream: `kubectl rollout status --watch` per object).
 *
 * kubectl rather than @kubernetes/client-node here on purpose: kubectl honours the kubeconfig's exec credential
 * plugins (gke-gcloud-auth-plugin, aws eks get-token) with the isolated environment, and loads nothing into this
 * process.
 */



class Kubectl {
    path;
    env;
    runner;
    onCommand;
    applyExtraArgs;
    constructor(options) {
        this.applyExtraArgs = options.applyExtraArgs ?? [];
        this.env = options.env;
        this.path = (0,tools/* toolPath */.O)('kubectl', options.env);
        this.runner = options.runner ?? run/* runTool */.qI;
        this.onCommand = options.onCommand;
    }
    run(args, options = {}) {
        this.onCommand?.(args);
        return this.runner(this.path, args, { env: this.env, timeoutMs: 120_000, ...options });
    }
    /** Create the namespace unless it exists (AlreadyExists is success: another run may have created it). */
    async ensureNamespace(name) {
        const r = await this.run(['create', 'namespace', name], { allowFailure: true, timeoutMs: 60_000 });
        if (r.code === 0)
            return 'created';
        if (/AlreadyExists|already exists/i.test(r.stderr))
            return 'exists';
        throw new errors/* DeployerError */.dg(`could not create namespace ${name}: ${r.stderr.trim() || `kubectl exit code ${r.code}`}`, {
            hint: 'check that the cluster credentials may create namespaces',
        });
    }
    /** `kubectl apply -f <source>` for a URL, a file or a directory. */
    async apply(source, timeoutS = 300) {
        return this.run(['apply', '-f', source, ...this.applyExtraArgs], { timeoutMs: timeoutS * 1000 });
    }
    /** Names (`deployment.apps/hub`, `daemonset.apps/x`) of the namespace's Deployments and DaemonSets. */
    async workloads(namespace) {
        const r = await this.run(['get', `--namespace=${namespace}`, '--output=name', 'deployments,daemonsets'], { timeoutMs: 60_000 });
        return r.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
    }
    /**
     * Wait until every Deployment and DaemonSet of the namespace has rolled out, within `timeoutS` for the whole
     * namespace. Fails naming the object that did not become ready.
     */
    async rolloutStatus(namespace, timeoutS) {
        const deadline = Date.now() + timeoutS * 1000;
        const objects = await this.workloads(namespace);
        for (const obj of objects) {
            const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
            const r = await this.run(['rollout', 'status', `--namespace=${namespace}`, `--timeout=${left}s`, '--watch', obj], {
                allowFailure: true,
                timeoutMs: (left + 30) * 1000,
            });
            if (r.code !== 0) {
                const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n');
                throw new errors/* DeployerError */.dg(`rollout of ${obj} in namespace ${namespace} did not complete within ${timeoutS} s${detail ? `: ${detail}` : ''}`, {
                    hint: `look at the pods: kubectl --namespace=${namespace} get pods; kubectl --namespace=${namespace} describe ${obj}`,
                });
            }
        }
        return objects;
    }
}

;// CONCATENATED MODULE: ./src/shared/deploy/common.ts
/** Pieces shared by hub and support deployments: clients for one cluster, logging, chart versions, revisions. */







const DEFAULT_TIMEOUT_S = 600;
function toolEnv(options) {
    return options.env ?? (0,run/* baseEnv */.zk)();
}
function helmInfo(options, services) {
    return detectHelm(toolEnv(options), services.runner);
}
/** A helm client (cluster env when `access` is given) whose commands are logged at debug level and reported. */
function helmClient(info, options, services, access, log) {
    return new HelmClient({
        info,
        env: access?.env ?? toolEnv(options),
        waitStrategy: options.helmWaitStrategy,
        runner: services.runner,
        onCommand: (args) => {
            options.onCommand?.('helm', args);
            options.reporter.debug(`Running ${(0,run/* formatCommand */.fE)(info.path, args)}`);
        },
        onStderr: options.debug ? (chunk) => chunk.trimEnd() && log(chunk.trimEnd()) : undefined,
    });
}
function kubectlClient(options, services, access) {
    return new Kubectl({
        env: access.env,
        runner: services.runner,
        applyExtraArgs: options.kubectlExtraArgs,
        onCommand: (args) => {
            options.onCommand?.('kubectl', args);
            options.reporter.debug(`Running kubectl ${args.join(' ')}`);
        },
    });
}
/** `version:` of a chart directory's Chart.yaml (null when unreadable). */
function chartVersion(chartDir) {
    try {
        const y = (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(external_node_path_default().join(chartDir, 'Chart.yaml'), 'utf8'), 'Chart.yaml').value;
        return y?.version === undefined ? null : String(y.version);
    }
    catch {
        return null;
    }
}
/** The revision helm printed after an upgrade (`REVISION: n`), or null. */
function revisionFromOutput(stdout) {
    const m = /^REVISION:\s*(\d+)/m.exec(stdout);
    return m ? Number(m[1]) : null;
}
/** Show helm's status header (never values, hooks, manifests or notes). */
function logHelmSummary(stdout, log) {
    const s = helmStatusSummary(stdout);
    if (s)
        log(s);
}
function seconds(ms) {
    return Math.round(ms / 100) / 10;
}
function errorText(e) {
    return (0,errors/* describeError */.Uc)(e);
}
function prefixed(reporter, prefix) {
    return {
        info: (m) => reporter.info(m.split('\n').map((l) => `${prefix}${l}`).join('\n')),
        error: (m) => reporter.error(`${prefix}${m}`),
        warn: (m) => reporter.warn(`${prefix}${m}`),
    };
}
/**
 * Authenticate to the cluster for a deploy run. A failure is not thrown: it is logged and returned as the error
 * text every release of the run is then reported failed with.
 */
async function authenticateForDeploy(cluster, options, services) {
    try {
        return { access: await services.authenticate(cluster, { reporter: options.reporter, ambient: options.ambient, env: toolEnv(options) }) };
    }
    catch (e) {
        const error = `could not authenticate to cluster ${cluster.name}: ${errorText(e)}`;
        options.reporter.error(error);
        return { error };
    }
}

;// CONCATENATED MODULE: ./src/shared/deploy/pool.ts
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

;// CONCATENATED MODULE: ./src/shared/deploy/services.ts
async function resolveServices(overrides = {}) {
    const authenticate = overrides.authenticate ?? (await __webpack_require__.e(/* import() */ 584).then(__webpack_require__.bind(__webpack_require__, 584))).authenticate;
    const decryptFile = overrides.decryptFile ?? (await __webpack_require__.e(/* import() */ 870).then(__webpack_require__.bind(__webpack_require__, 8489))).decryptFile;
    const createChartWorkspace = overrides.createChartWorkspace ?? (await __webpack_require__.e(/* import() */ 349).then(__webpack_require__.bind(__webpack_require__, 5349))).createChartWorkspace;
    return { authenticate, decryptFile, createChartWorkspace, runner: overrides.runner };
}

;// CONCATENATED MODULE: ./src/shared/deploy/values.ts
/**
 * The values files a release is deployed with, made ready on disk: secret files decrypted to private temp files,
 * `*.jsonnet` files rendered (with the hub's context) to private temp JSON files, plain YAML files parsed first so a
 * syntax error is reported at its line before anything touches the cluster. Everything temporary is released by
 * `dispose()`, which the caller runs on every path.
 */







/** A values file that must exist, named with its reference's location in cluster.yaml when it does not. */
function checkExists(cluster, v) {
    if (!(0,repo/* isFile */.fo)(v.abs)) {
        throw new errors/* DeployerError */.dg(`values file ${v.display} does not exist`, {
            file: cluster.displayFile,
            ...cluster.yaml.locate(v.pointer),
            hint: `create ${v.display}, or remove \`${v.ref}\` from the list in ${cluster.displayFile}`,
        });
    }
}
function daskGatewayEnabled(value) {
    const get = (o, k) => (o && typeof o === 'object' ? o[k] : undefined);
    const on = (o) => get(get(o, 'dask-gateway'), 'enabled') === true;
    return on(value) || on(get(value, 'basehub'));
}
class Disposables {
    items = [];
    add(fn) {
        this.items.push(fn);
    }
    async dispose() {
        const all = this.items.splice(0).reverse();
        for (const fn of all) {
            try {
                await fn();
            }
            catch {
                /* best effort: every other file is still removed */
            }
        }
    }
}
/**
 * Make `files` ready, in order. `chartJsonnet` (the chart's own values.jsonnet, 2026) is rendered and passed first.
 * On any failure everything made so far is removed before the error propagates.
 */
async function prepareValues(ctx, files, chartJsonnet) {
    const disposables = new Disposables();
    const out = [];
    const displays = [];
    let enablesDaskGateway = false;
    try {
        for (const v of files)
            checkExists(ctx.cluster, v);
        const render = async (abs, display) => {
            const r = await (0,jsonnet/* renderJsonnet */.CL)(abs, {
                vars: ctx.vars,
                display,
                env: ctx.env,
                runner: ctx.runner
                    ? (cmd, args, o) => {
                        ctx.onCommand?.('jsonnet', args);
                        return ctx.runner(cmd, args, o);
                    }
                    : undefined,
            });
            disposables.add(r.dispose);
            return r.path;
        };
        if (chartJsonnet) {
            out.push(await render(chartJsonnet.abs, chartJsonnet.display));
            displays.push(`${chartJsonnet.display} (rendered)`);
        }
        for (const v of files) {
            if (v.secret) {
                const d = await ctx.services.decryptFile(v.abs, { reporter: ctx.reporter, display: v.display, env: ctx.env });
                disposables.add(() => d.dispose());
                out.push(v.abs.endsWith('.jsonnet') ? await render(d.path, v.display) : d.path);
                displays.push(`${v.display} (decrypted)`);
            }
            else if (v.abs.endsWith('.jsonnet')) {
                out.push(await render(v.abs, v.display));
                displays.push(`${v.display} (rendered)`);
            }
            else {
                const y = await (0,yaml/* readYamlFile */.kv)(v.abs, v.display);
                if (y.value !== null && y.value !== undefined && (typeof y.value !== 'object' || Array.isArray(y.value))) {
                    throw new errors/* DeployerError */.dg(`values file ${v.display} must hold a mapping at the top level`, { file: v.display, line: 1, col: 1 });
                }
                if (daskGatewayEnabled(y.value))
                    enablesDaskGateway = true;
                out.push(v.abs);
                displays.push(v.display);
            }
        }
        return { files: out, displays, enablesDaskGateway, dispose: () => disposables.dispose() };
    }
    catch (e) {
        await disposables.dispose();
        throw e;
    }
}
/**
 * The hub's domain: `domain`, or `domain` from its `domain_override_file` (decrypted when secret), as upstream A.5.
 */
async function resolveDomain(ctx, hub) {
    if (!hub.domainOverrideFile)
        return hub.domain;
    const pointer = ['hubs', hub.index, 'domain_override_file'];
    const abs = (0,repo/* resolveInCluster */.aj)(ctx.cluster, hub.domainOverrideFile, pointer);
    const display = external_node_path_default().relative(ctx.cluster.paths.configRoot, abs).split((external_node_path_default()).sep).join('/');
    if (!(0,external_node_fs_.existsSync)(abs)) {
        throw new errors/* DeployerError */.dg(`domain_override_file ${display} of hub ${hub.name} does not exist`, {
            file: ctx.cluster.displayFile,
            ...ctx.cluster.yaml.locate(pointer),
            hint: 'create the file (a YAML mapping with `domain:`), or remove domain_override_file',
        });
    }
    const read = (p) => (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(p, 'utf8'), display).value;
    let doc;
    if (external_node_path_default().basename(abs).includes('secret')) {
        const d = await ctx.services.decryptFile(abs, { reporter: ctx.reporter, display, env: ctx.env });
        try {
            doc = read(d.path);
        }
        finally {
            await d.dispose();
        }
    }
    else
        doc = read(abs);
    const domain = doc && typeof doc === 'object' ? doc.domain : undefined;
    if (typeof domain !== 'string' || !domain) {
        throw new errors/* DeployerError */.dg(`domain_override_file ${display} has no \`domain:\` string`, { file: display, hint: 'write `domain: <hub FQDN>` in it' });
    }
    return domain;
}

;// CONCATENATED MODULE: ./src/shared/deploy/hubs.ts
/**
 * Deploy hubs of one cluster: `helm upgrade --install` per hub, release name = namespace = hub name (reference A.5,
 * plus the 2026 additions of B.1/B.6 and our decisions):
 *
 *  1. load cluster.yaml (schema checked) and select the hubs (an unknown hub fails the run, listing the hubs);
 *  2. authenticate once (not for a dry run);
 *  3. per hub, with bounded parallelism (default 1: cluster.yaml order), each hub on its own so one failure does not
 *     stop the others:
 *     chart (a temp copy with dependencies built once per chart per run; chart_override swapped in as Chart.yaml) ->
 *     domain (domain_override_file) -> values (chart values.jsonnet first, then the hub's files in order; secret
 *     files decrypted, jsonnet rendered, YAML checked) -> [dry run: helm template, report objects, stop] ->
 *     namespace ensured -> dask-gateway CRDs (daskhub, once per run) -> stuck-release check/recovery ->
 *     helm upgrade --install --wait -> rollout check of the namespace's Deployments and DaemonSets;
 *  4. every temp file removed on every path; a result per hub.
 */













const DEFAULT_DASK_GATEWAY_VERSION = '2023.9.0';
/** The upstream CRD manifests of a dask-gateway version (reference A.5). */
function daskGatewayCrdUrls(version) {
    const base = `https://raw.githubusercontent.com/dask/dask-gateway/${version}/resources/helm/dask-gateway/crds`;
    return [`${base}/daskclusters.yaml`, `${base}/traefik.yaml`];
}
/** The pinned `dask-gateway` dependency version of the daskhub chart (B.1), if it is an exact version. */
function chartDaskGatewayVersion(chartsDir) {
    const file = external_node_path_default().join(chartsDir, 'daskhub', 'Chart.yaml');
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        const deps = (0,yaml/* parseYaml */.hN)((0,external_node_fs_.readFileSync)(file, 'utf8'), file).value?.dependencies;
        const v = deps?.find((d) => d?.name === 'dask-gateway')?.version;
        return typeof v === 'string' && /^v?\d+\.\d+\.\d+$/.test(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Select hubs by name (cluster.yaml order when none given); an unknown name fails listing the hubs that exist. */
function selectHubs(cluster, names) {
    if (!names?.length)
        return cluster.hubs;
    const seen = new Set();
    const hubs = [];
    for (const n of names) {
        if (seen.has(n))
            continue;
        seen.add(n);
        hubs.push((0,repo.findHub)(cluster, n));
    }
    return hubs;
}
function ensureDaskCrds(state, log) {
    if (!state.daskCrds) {
        state.daskCrds = (async () => {
            const { options } = state;
            let sources;
            if (options.daskGatewayCrds) {
                const local = external_node_path_default().resolve(options.paths.configRoot, options.daskGatewayCrds);
                if (!(0,external_node_fs_.existsSync)(local)) {
                    throw new errors/* DeployerError */.dg(`dask-gateway CRD source ${options.daskGatewayCrds} does not exist`, {
                        hint: 'dask-gateway-crds is a directory (or file) of CRD manifests, relative to the config root',
                    });
                }
                sources = [local];
            }
            else {
                const version = options.daskGatewayVersion || chartDaskGatewayVersion(options.paths.chartsDir) || DEFAULT_DASK_GATEWAY_VERSION;
                sources = daskGatewayCrdUrls(version);
                log(`Applying dask-gateway ${version} CRDs`);
            }
            for (const s of sources)
                await state.kubectl.apply(s);
        })();
    }
    return state.daskCrds;
}
/** The `helm upgrade` command as people read it: values and chart named by their infra repo paths. */
function displayCommand(args, spec, displays, chartDisplay) {
    const shown = args.map((a) => {
        if (a === spec.chart)
            return chartDisplay;
        if (a.startsWith('--values=')) {
            const i = spec.valuesFiles.indexOf(a.slice('--values='.length));
            return i >= 0 ? `--values=${displays[i]}` : a;
        }
        return a;
    });
    return (0,run/* formatCommand */.fE)('helm', shown);
}
async function deployHub(state, hub, index) {
    const { cluster, options, services, workspace, helm } = state;
    const started = Date.now();
    const parallel = (options.parallelism ?? 1) > 1;
    const log = prefixed(options.reporter, parallel ? `[${hub.name}] ` : '');
    const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
    const disposables = new Disposables();
    let version = null;
    try {
        log.info(state.total > 1 ? `${index + 1} / ${state.total}: Deploying hub ${hub.name}...` : `Deploying hub ${hub.name}...`);
        // Chart: a workspace copy (dependencies built once per chart per run), or basehub with the override Chart.yaml.
        const override = (0,repo/* chartOverridePath */.cV)(cluster, hub);
        let chartDir;
        let chartDisplay;
        if (override) {
            if (!(0,repo/* isFile */.fo)(override)) {
                throw new errors/* DeployerError */.dg(`chart_override file ${(0,repo/* displayPath */.Gt)(cluster.paths, override)} of hub ${hub.name} does not exist`, {
                    file: cluster.displayFile,
                    ...cluster.yaml.locate(['hubs', hub.index, 'chart_override']),
                    hint: 'create the Chart.yaml override file, or remove chart_override',
                });
            }
            chartDir = await workspace.overrideChartDir(hub.helmChart, override);
            chartDisplay = `${(0,repo/* displayPath */.Gt)(cluster.paths, external_node_path_default().join(cluster.paths.chartsDir, hub.helmChart))}(chart_override ${(0,repo/* displayPath */.Gt)(cluster.paths, override)})`;
        }
        else {
            chartDisplay = (0,repo/* displayPath */.Gt)(cluster.paths, (0,repo/* hubChartDir */.$Y)(cluster, hub));
            chartDir = await workspace.chartDir(hub.helmChart);
        }
        version = chartVersion(chartDir);
        const ctx = { cluster, reporter: options.reporter, services, env: toolEnv(options), runner: services.runner, onCommand: options.onCommand };
        const domain = await resolveDomain(ctx, hub);
        const chartJsonnetPath = external_node_path_default().join(chartDir, 'values.jsonnet');
        const chartJsonnet = (0,external_node_fs_.existsSync)(chartJsonnetPath) ? { abs: chartJsonnetPath, display: `${chartDisplay}/values.jsonnet` } : undefined;
        const values = await prepareValues({ ...ctx, vars: (0,jsonnet/* jsonnetVars */.In)(cluster, { name: hub.name, domain }) }, (0,repo/* hubValuesFiles */.XL)(cluster, hub), chartJsonnet);
        disposables.add(values.dispose);
        const spec = {
            release: hub.name,
            namespace: hub.name,
            chart: chartDir,
            valuesFiles: values.files,
            timeoutS,
            atomic: options.atomic,
            debug: options.debug,
            extraArgs: options.helmExtraArgs,
        };
        const command = displayCommand(upgradeArgs(spec, helm.caps), spec, values.displays, chartDisplay);
        if (options.dryRun) {
            const objects = await helm.template(spec);
            log.info(`Dry run (nothing sent to the cluster): would run ${command}`);
            log.info(`chart ${hub.helmChart} ${version ?? ''} renders ${objects.length} object(s): ${objects.join(', ')}`);
            return { hub: hub.name, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
        }
        const kubectl = state.kubectl;
        await kubectl.ensureNamespace(hub.name);
        if (hub.helmChart === 'daskhub' || values.enablesDaskGateway)
            await ensureDaskCrds(state, log.info);
        await recoverPendingRelease(helm, hub.name, hub.name, { allow: options.recoverPending === true, timeoutS, log: log.warn });
        log.info(`Running ${command}`);
        const r = await helm.upgrade(spec);
        logHelmSummary(r.stdout, log.info);
        let revision = revisionFromOutput(r.stdout);
        if (revision === null)
            revision = (await helm.history(hub.name, hub.name, 1))?.at(-1)?.revision ?? null;
        if (!options.skipRolloutCheck) {
            const objects = await kubectl.rolloutStatus(hub.name, timeoutS);
            log.info(`rollout complete: ${objects.length} deployment(s)/daemonset(s) ready`);
        }
        log.info(`hub ${hub.name} deployed (revision ${revision ?? '?'}, chart ${hub.helmChart} ${version ?? '?'}) in ${seconds(Date.now() - started)} s`);
        return { hub: hub.name, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
    }
    catch (e) {
        const error = errorText(e);
        log.error(`hub ${hub.name} failed: ${error}`);
        return { hub: hub.name, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error };
    }
    finally {
        await disposables.dispose();
    }
}
/** Deploy the selected hubs of a cluster. Throws only for run-level faults (unknown cluster/hub, bad options). */
async function deployHubs(options) {
    const services = await resolveServices(options.services);
    const cluster = await (0,repo.loadCluster)(options.paths, options.cluster);
    const hubs = selectHubs(cluster, options.hubs);
    checkExtraArgs(options.helmExtraArgs ?? []);
    const dryRun = options.dryRun === true;
    if (!hubs.length) {
        options.reporter.info(`cluster ${cluster.name} has no hubs: nothing to deploy`);
        return { cluster: cluster.name, dryRun, results: [], failed: [], dependencyBuilds: 0 };
    }
    const info = await helmInfo(options, services);
    const workspace = await services.createChartWorkspace(options.paths, { helm: info.path, reporter: options.reporter, env: toolEnv(options) });
    let access;
    try {
        if (!dryRun) {
            const auth = await authenticateForDeploy(cluster, options, services);
            if (auth.error !== undefined) {
                const error = auth.error;
                const results = hubs.map((h) => ({ hub: h.name, status: 'failed', revision: null, chart_version: null, duration_s: 0, error }));
                return { cluster: cluster.name, dryRun, results, failed: hubs.map((h) => h.name), dependencyBuilds: workspace.dependencyBuilds };
            }
            access = auth.access;
        }
        const log = (m) => options.reporter.info(m);
        const state = {
            cluster,
            options,
            services,
            workspace,
            helm: helmClient(info, options, services, access, log),
            kubectl: access ? kubectlClient(options, services, access) : undefined,
            total: hubs.length,
        };
        options.reporter.info(`${dryRun ? 'Dry run of' : 'Deploying'} ${hubs.length} hub(s) of cluster ${cluster.name} with helm ${info.version}` +
            ((options.parallelism ?? 1) > 1 ? `, ${options.parallelism} at a time` : ''));
        const results = await mapLimit(hubs, options.parallelism ?? 1, (hub, i) => deployHub(state, hub, i));
        return {
            cluster: cluster.name,
            dryRun,
            results,
            failed: results.filter((r) => r.status === 'failed').map((r) => r.hub),
            dependencyBuilds: workspace.dependencyBuilds,
        };
    }
    finally {
        await workspace.dispose();
        await access?.dispose();
    }
}

;// CONCATENATED MODULE: ./src/shared/deploy/support.ts
/**
 * Deploy the support stack of a cluster (reference A.6): cert-manager (CRDs, then the chart at a pinned version from
 * the jetstack repository, or from a local chart), then the support chart with
 * `<charts-dir>/support/enc-support.secret.values.yaml` first and the cluster's support values files after it.
 * A cluster without a `support` section gets nothing at all (no authentication either), and the result says so.
 */











const DEFAULT_CERT_MANAGER_VERSION = 'v1.12.1';
const JETSTACK_REPO = 'https://charts.jetstack.io';
function certManagerCrdsUrl(version) {
    return `https://github.com/cert-manager/cert-manager/releases/download/${version}/cert-manager.crds.yaml`;
}
function failed(release, namespace, error, started, version = null) {
    return { release, namespace, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error };
}
async function upgradeRelease(step, spec, command, version, started) {
    const { helm, kubectl, options } = step;
    const log = (m) => options.reporter.info(m);
    if (options.dryRun) {
        const objects = await helm.template(spec);
        log(`Dry run (nothing sent to the cluster): would run ${command}`);
        log(`${spec.release} renders ${objects.length} object(s): ${objects.join(', ')}`);
        return { release: spec.release, namespace: spec.namespace, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
    }
    await kubectl.ensureNamespace(spec.namespace);
    await recoverPendingRelease(helm, spec.release, spec.namespace, {
        allow: options.recoverPending === true,
        timeoutS: spec.timeoutS,
        log: (m) => options.reporter.warn(m),
    });
    log(`Running ${command}`);
    const r = await helm.upgrade(spec);
    logHelmSummary(r.stdout, log);
    let revision = revisionFromOutput(r.stdout);
    if (revision === null)
        revision = (await helm.history(spec.release, spec.namespace, 1))?.at(-1)?.revision ?? null;
    if (!options.skipRolloutCheck) {
        const objects = await kubectl.rolloutStatus(spec.namespace, spec.timeoutS);
        log(`rollout complete in namespace ${spec.namespace}: ${objects.length} deployment(s)/daemonset(s) ready`);
    }
    return { release: spec.release, namespace: spec.namespace, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
}
async function deploySupport(options) {
    const services = await resolveServices(options.services);
    const cluster = await (0,repo.loadCluster)(options.paths, options.cluster);
    const dryRun = options.dryRun === true;
    if (!cluster.support) {
        const message = `cluster ${cluster.name} has no \`support\` section in ${cluster.displayFile}: nothing to deploy (cert-manager and the support chart are left untouched)`;
        options.reporter.info(message);
        return { cluster: cluster.name, status: 'skipped', dryRun, message, releases: [] };
    }
    const extra = options.helmExtraArgs ?? [];
    checkExtraArgs(extra);
    const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
    const certVersion = options.certManagerVersion || DEFAULT_CERT_MANAGER_VERSION;
    const releases = [];
    const disposables = new Disposables();
    const info = await helmInfo(options, services);
    const workspace = await services.createChartWorkspace(options.paths, { helm: info.path, reporter: options.reporter, env: toolEnv(options) });
    let access;
    const supportStarted = Date.now();
    try {
        // Everything that can be checked without the cluster first: the support chart and its values.
        const supportSrc = external_node_path_default().join(options.paths.chartsDir, 'support');
        const supportDisplay = (0,repo/* displayPath */.Gt)(options.paths, supportSrc);
        let supportChart;
        let values;
        try {
            if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(supportSrc, 'Chart.yaml'))) {
                throw new errors/* DeployerError */.dg(`support chart not found: ${supportDisplay}/Chart.yaml does not exist`, { hint: 'check --charts-dir (charts-dir input)' });
            }
            const shared = external_node_path_default().join(supportSrc, 'enc-support.secret.values.yaml');
            if (!(0,external_node_fs_.existsSync)(shared)) {
                throw new errors/* DeployerError */.dg(`${supportDisplay}/enc-support.secret.values.yaml does not exist`, {
                    hint: 'the support chart is always deployed with this shared sops-encrypted values file first (it holds grafana.adminPassword); create it',
                });
            }
            supportChart = await workspace.chartDir('support');
            const sharedFile = { ref: 'enc-support.secret.values.yaml', abs: shared, display: `${supportDisplay}/enc-support.secret.values.yaml`, secret: (0,repo/* isSecretFile */.D0)(shared), pointer: ['support'] };
            const chartJsonnet = external_node_path_default().join(supportChart, 'values.jsonnet');
            const ctx = { cluster, reporter: options.reporter, services, env: toolEnv(options), runner: services.runner, vars: (0,jsonnet/* jsonnetVars */.In)(cluster), onCommand: options.onCommand };
            values = await prepareValues(ctx, [sharedFile, ...(0,repo/* supportValuesFiles */.PV)(cluster)]);
            disposables.add(values.dispose);
            if ((0,external_node_fs_.existsSync)(chartJsonnet)) {
                // 2026: the chart's values.jsonnet goes after the shared secret values and before the cluster's files.
                const rendered = await prepareValues(ctx, [], { abs: chartJsonnet, display: `${supportDisplay}/values.jsonnet` });
                disposables.add(rendered.dispose);
                values.files.splice(1, 0, ...rendered.files);
                values.displays.splice(1, 0, ...rendered.displays);
            }
        }
        catch (e) {
            const error = errorText(e);
            options.reporter.error(`support chart of ${cluster.name} not deployed: ${error}`);
            return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases: [failed('support', 'support', error, supportStarted)] };
        }
        if (!dryRun) {
            const auth = await authenticateForDeploy(cluster, options, services);
            if (auth.error !== undefined) {
                return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases: [failed('support', 'support', auth.error, supportStarted)] };
            }
            access = auth.access;
        }
        const step = {
            helm: helmClient(info, options, services, access, (m) => options.reporter.info(m)),
            kubectl: access ? kubectlClient(options, services, access) : undefined,
            options,
        };
        // 1. cert-manager
        if (!options.skipCertManager) {
            const started = Date.now();
            let version = certVersion;
            try {
                options.reporter.info('Provisioning cert-manager...');
                let spec;
                let chartShown;
                if (options.certManagerChart) {
                    const local = external_node_path_default().resolve(options.paths.configRoot, options.certManagerChart);
                    if (!(0,external_node_fs_.existsSync)(local)) {
                        throw new errors/* DeployerError */.dg(`cert-manager chart ${options.certManagerChart} does not exist`, { hint: 'cert-manager-chart is a local chart directory or .tgz, relative to the config root' });
                    }
                    version = (0,external_node_fs_.existsSync)(external_node_path_default().join(local, 'Chart.yaml')) ? chartVersion(local) : (/-(v?\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(local)?.[1] ?? null);
                    spec = { release: 'cert-manager', namespace: 'cert-manager', chart: local, valuesFiles: [], timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
                    chartShown = (0,repo/* displayPath */.Gt)(options.paths, local);
                }
                else {
                    spec = { release: 'cert-manager', namespace: 'cert-manager', chart: 'cert-manager', repo: JETSTACK_REPO, version: certVersion, valuesFiles: [], timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
                    chartShown = 'cert-manager';
                }
                const crds = options.certManagerCrds ? (/^https?:\/\//.test(options.certManagerCrds) ? options.certManagerCrds : external_node_path_default().resolve(options.paths.configRoot, options.certManagerCrds)) : certManagerCrdsUrl(certVersion);
                if (!/^https?:\/\//.test(crds) && !(0,external_node_fs_.existsSync)(crds)) {
                    throw new errors/* DeployerError */.dg(`cert-manager CRDs ${options.certManagerCrds} do not exist`, { hint: 'cert-manager-crds is a URL, or a local file or directory relative to the config root' });
                }
                const command = (0,run/* formatCommand */.fE)('helm', upgradeArgs(spec, step.helm.caps).map((a) => (a === spec.chart ? chartShown : a)));
                if (dryRun && !options.certManagerChart) {
                    options.reporter.info(`Dry run (nothing sent to the cluster): would run kubectl apply -f ${crds}`);
                    options.reporter.info(`Dry run: would run ${command}`);
                    releases.push({ release: 'cert-manager', namespace: 'cert-manager', status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null });
                }
                else {
                    if (dryRun)
                        options.reporter.info(`Dry run (nothing sent to the cluster): would run kubectl apply -f ${crds}`);
                    else
                        await step.kubectl.apply(crds);
                    releases.push(await upgradeRelease(step, spec, command, version, started));
                }
                options.reporter.info('Done!');
            }
            catch (e) {
                const error = errorText(e);
                options.reporter.error(`cert-manager failed: ${error}`);
                releases.push(failed('cert-manager', 'cert-manager', error, started, version));
                releases.push(failed('support', 'support', 'not attempted: cert-manager failed first', supportStarted));
                return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases };
            }
        }
        // 2. the support chart
        const started = Date.now();
        const version = chartVersion(supportChart);
        try {
            options.reporter.info('Provisioning support charts...');
            const spec = { release: 'support', namespace: 'support', chart: supportChart, valuesFiles: values.files, timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
            const command = (0,run/* formatCommand */.fE)('helm', upgradeArgs(spec, step.helm.caps).map((a) => {
                if (a === supportChart)
                    return supportDisplay;
                const i = a.startsWith('--values=') ? values.files.indexOf(a.slice(9)) : -1;
                return i >= 0 ? `--values=${values.displays[i]}` : a;
            }));
            releases.push(await upgradeRelease(step, spec, command, version, started));
            options.reporter.info('Done!');
        }
        catch (e) {
            const error = errorText(e);
            options.reporter.error(`support chart failed: ${error}`);
            releases.push(failed('support', 'support', error, started, version));
        }
        const anyFailed = releases.some((r) => r.status === 'failed');
        return { cluster: cluster.name, status: anyFailed ? 'failed' : dryRun ? 'rendered' : 'deployed', dryRun, message: null, releases };
    }
    finally {
        await disposables.dispose();
        await workspace.dispose();
        await access?.dispose();
    }
}

;// CONCATENATED MODULE: ./src/shared/deploy/report.ts
const RESULT_HEADER = ['hub', 'status', 'revision', 'chart version', 'duration (s)', 'error'];
const SUPPORT_HEADER = ['release', 'namespace', 'status', 'revision', 'chart version', 'duration (s)', 'error'];
function firstLine(error) {
    if (!error)
        return '';
    const line = error.split('\n')[0];
    return line.length > 200 ? line.slice(0, 197) + '...' : line;
}
function hubResultRows(results) {
    return results.map((r) => [r.hub, r.status, r.revision === null ? '' : String(r.revision), r.chart_version ?? '', r.duration_s.toFixed(1), firstLine(r.error)]);
}
function releaseResultRows(results) {
    return results.map((r) => [r.release, r.namespace, r.status, r.revision === null ? '' : String(r.revision), r.chart_version ?? '', r.duration_s.toFixed(1), firstLine(r.error)]);
}

;// CONCATENATED MODULE: ./src/shared/deploy/index.ts
/** Hub and support deployment (the deploy and deploy-support actions and CLI commands). */




// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(577);
;// CONCATENATED MODULE: ./src/cli/deploy.ts
/** `deployer deploy CLUSTER [HUB...]` and `deployer deploy-support CLUSTER`. Results on stdout, logs on stderr. */




const str = (v) => (typeof v === 'string' && v ? v : undefined);
function deploy_common(opts) {
    return {
        paths: (0,common/* pathsFrom */.lL)(opts),
        reporter: (0,common/* terminalReporter */.CO)(opts),
        dryRun: opts.dryRun === true,
        debug: opts.debug === true,
        atomic: opts.atomic === true,
        recoverPending: opts.recoverPending === true,
        timeoutS: typeof opts.timeout === 'number' ? opts.timeout : undefined,
        helmExtraArgs: splitArgs(str(opts.helmExtraArgs)),
        kubectlExtraArgs: splitArgs(str(opts.kubectlExtraArgs)),
        ambient: opts.ambientCredentials === true,
    };
}
async function deployCommand(cluster, hubs, opts) {
    const result = await deployHubs({
        ...deploy_common(opts),
        cluster,
        hubs,
        parallelism: typeof opts.parallelism === 'number' ? Math.max(1, opts.parallelism) : 1,
        daskGatewayVersion: str(opts.daskGatewayVersion),
        daskGatewayCrds: str(opts.daskGatewayCrds),
    });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(result.results, null, 2));
    else if (result.results.length)
        (0,common/* printResult */.RS)((0,log/* formatTextTable */.D6)(RESULT_HEADER, hubResultRows(result.results)));
    return result.failed.length ? 1 : 0;
}
async function deploySupportCommand(cluster, opts) {
    const result = await deploySupport({
        ...deploy_common(opts),
        cluster,
        certManagerVersion: str(opts.certManagerVersion),
        certManagerChart: str(opts.certManagerChart),
        certManagerCrds: str(opts.certManagerCrds),
        skipCertManager: opts.skipCertManager === true,
    });
    if (opts.json)
        (0,common/* printResult */.RS)(JSON.stringify(result, null, 2));
    else if (result.message)
        (0,common/* printResult */.RS)(result.message);
    else
        (0,common/* printResult */.RS)((0,log/* formatTextTable */.D6)(SUPPORT_HEADER, releaseResultRows(result.releases)));
    return result.status === 'failed' ? 1 : 0;
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

/***/ 2179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ renderJsonnet),
/* harmony export */   In: () => (/* binding */ jsonnetVars),
/* harmony export */   dx: () => (/* binding */ jsonnetArgs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7564);
/**
 * Render a `*.jsonnet` helm values file to a private temporary JSON file (2026 upstream, B.6):
 *   jsonnet --jpath <dir of file> --ext-str VARS_2I2C_CLUSTER_NAME=... [--ext-str VARS_2I2C_HUB_NAME=...]
 *           [--ext-str VARS_2I2C_HUB_DOMAIN=...] --ext-str VARS_2I2C_PROVIDER=... --ext-str VARS_2I2C_ACCOUNT_ID=...
 *           <abs file> --output-file <tmp>.json
 * The file is given by its absolute path (charts rely on std.thisFile). The temp directory is 0700, the file 0600,
 * and `dispose()` removes both.
 */






/** The VARS_2I2C_* values for a cluster (and hub): AWS uses aws.clusterName and aws.account, GCP gcp.project. */
function jsonnetVars(cluster, hub) {
    const aws = (cluster.spec.aws ?? {});
    const gcp = (cluster.spec.gcp ?? {});
    const clusterName = cluster.provider === 'aws' && typeof aws.clusterName === 'string' ? aws.clusterName : cluster.name;
    let accountId = 'None';
    if (cluster.provider === 'aws' && aws.account !== undefined)
        accountId = String(aws.account);
    else if (cluster.provider === 'gcp' && gcp.project !== undefined)
        accountId = String(gcp.project);
    return { clusterName, hubName: hub?.name, hubDomain: hub?.domain, provider: cluster.provider, accountId };
}
function jsonnetArgs(file, vars, output) {
    const args = ['--jpath', node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), '--ext-str', `VARS_2I2C_CLUSTER_NAME=${vars.clusterName}`];
    if (vars.hubName !== undefined)
        args.push('--ext-str', `VARS_2I2C_HUB_NAME=${vars.hubName}`);
    if (vars.hubDomain !== undefined)
        args.push('--ext-str', `VARS_2I2C_HUB_DOMAIN=${vars.hubDomain}`);
    args.push('--ext-str', `VARS_2I2C_PROVIDER=${vars.provider}`, '--ext-str', `VARS_2I2C_ACCOUNT_ID=${vars.accountId}`);
    args.push(file, '--output-file', output);
    return args;
}
/** Render `abs` to a private temp JSON file. A jsonnet error is a DeployerError naming the file. */
async function renderJsonnet(abs, options) {
    const tmp = await (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__/* .privateTempDir */ .nX)('jsonnet');
    const out = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp.dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(abs).replace(/\.jsonnet$/, '') + '.json');
    const dispose = () => tmp.dispose();
    try {
        const jsonnet = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('jsonnet', options.env ?? process.env);
        await (options.runner ?? _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runTool */ .qI)(jsonnet, jsonnetArgs(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(abs), options.vars, out), {
            env: options.env,
            timeoutMs: options.timeoutMs ?? 120_000,
        });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(out, 0o600);
        return { path: out, dispose };
    }
    catch (e) {
        await dispose();
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4) {
            const detail = (e.result.stderr || e.result.stdout).trim().split('\n').slice(0, 12).join('\n');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
                file: options.display,
                hint: 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
            });
        }
        throw e;
    }
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
