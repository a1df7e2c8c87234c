export const id = 9809;
export const ids = [9809];
export const modules = {

/***/ 89809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  awsShellCommand: () => (/* binding */ awsShellCommand),
  componentLogsCommand: () => (/* binding */ componentLogsCommand),
  copyHomedirCommand: () => (/* binding */ copyHomedirCommand),
  decryptAgeCommand: () => (/* binding */ decryptAgeCommand),
  dockerProxyCommand: () => (/* binding */ dockerProxyCommand),
  shellHomesCommand: () => (/* binding */ shellHomesCommand),
  shellHubCommand: () => (/* binding */ shellHubCommand),
  userLogsCommand: () => (/* binding */ userLogsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(26848);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/ops/duration.ts
/** `--since` values as kubectl takes them: `90s`, `10m`, `2h`, `1h30m`, or a bare number of seconds. */

const UNIT = { s: 1, m: 60, h: 3600, d: 86400 };
function parseDuration(text, what = '--since') {
    const t = text.trim();
    if (/^\d+$/.test(t) && Number(t) > 0)
        return Number(t);
    const parts = [...t.matchAll(/(\d+)([smhd])/g)];
    if (!parts.length || parts.map((m) => m[0]).join('') !== t) {
        throw new errors/* UsageError */.eb(`${what} must be a duration like 30s, 10m, 2h or 1h30m, got \`${text}\``);
    }
    const seconds = parts.reduce((n, m) => n + Number(m[1]) * UNIT[m[2]], 0);
    if (seconds <= 0)
        throw new errors/* UsageError */.eb(`${what} must be longer than 0 seconds, got \`${text}\``);
    return seconds;
}

// EXTERNAL MODULE: ./src/shared/kube/logs.ts
var logs = __webpack_require__(86364);
// EXTERNAL MODULE: ./src/shared/ops/selectors.ts
var selectors = __webpack_require__(30624);
;// CONCATENATED MODULE: ./src/shared/ops/logs.ts


async function hubLogs(kc, hub, sel, opts, sink, reporter) {
    const r = await (0,logs/* streamPodLogs */.B)(kc, { namespace: hub, selector: sel.selector, container: sel.container, ...opts }, sink, reporter);
    return { ...r, namespace: hub, selector: sel.selector, container: sel.container };
}
async function componentLogs(kc, hub, component, opts, sink, reporter) {
    return hubLogs(kc, hub, (0,selectors/* componentSelector */.rv)(component), opts, sink, reporter);
}
async function userLogs(kc, hub, username, opts, sink, reporter) {
    return hubLogs(kc, hub, (0,selectors/* userSelector */.dt)(username), opts, sink, reporter);
}
/** `pod | line` with the pod names padded to one width (stable, readable columns). */
function prefixer() {
    let width = 0;
    return (pod, line) => {
        width = Math.max(width, pod.length);
        return `${pod.padEnd(width)} | ${line}`;
    };
}

// EXTERNAL MODULE: ./src/shared/exec/run.ts
var exec_run = __webpack_require__(74466);
// EXTERNAL MODULE: ./src/shared/ops/target.ts
var target = __webpack_require__(74405);
;// CONCATENATED MODULE: ./src/shared/ops/plan.ts
/**
 * What an interactive tool does, as data: the kubectl steps (arguments without the context) that the CLI runs on
 * the operator's machine with the cluster's private kubeconfig, and that an action (no terminal) prints as exact
 * command lines with `--context`, plus the manifest and notes. One description, two renderings, so the printed
 * instructions are exactly what the CLI would run.
 */


/** The kubectl argument list with `--context` first (when known). */
function withContext(context, args) {
    return context ? [`--context=${context}`, ...args] : args;
}
/** A fenced block that the content cannot close (longer than any backtick run in it). */
function fence(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const f = '`'.repeat(longest + 1);
    return `${f}${lang}\n${text}\n${f}`;
}
/** Render a plan as instructions for a workstation: credentials first, then the exact kubectl lines. */
function renderInstructions(plan, cluster, context) {
    const creds = (0,target/* credentialCommands */.ws)(cluster, context);
    const main = plan.steps.filter((s) => !s.always);
    const cleanup = plan.steps.filter((s) => s.always);
    const line = (s) => (0,exec_run/* formatCommand */.fE)('kubectl', withContext(context, s.args));
    const commands = [...creds.map((c) => c.command), ...plan.steps.map(line)];
    const text = [`${plan.title}`, '', `1. Credentials for cluster ${cluster.name}${context ? ` (kubeconfig context ${context})` : ''}:`];
    for (const c of creds)
        text.push(`   # ${c.how}`, `   ${c.command}`);
    text.push('', '2. Then run:');
    if (cleanup.length)
        text.push(`   # clean-up that runs however the steps end:`, `   trap '${cleanup.map((s) => line(s).replace(/'/g, `'\\''`)).join('; ')}' EXIT`);
    for (const s of main)
        text.push(`   # ${s.describe}`, `   ${line(s)}`);
    if (plan.manifest !== undefined)
        text.push('', 'The pod it creates:', JSON.stringify(plan.manifest, null, 2));
    if (plan.notes.length)
        text.push('', ...plan.notes.map((n) => `Note: ${n}`));
    const sh = [...creds.flatMap((c) => [`# ${c.how}`, c.command])];
    const run = [];
    if (cleanup.length)
        run.push('# clean-up that runs however the steps end:', `trap '${cleanup.map((s) => line(s).replace(/'/g, `'\\''`)).join('; ')}' EXIT`);
    for (const s of main)
        run.push(`# ${s.describe}`, line(s));
    const md = [`### ${plan.title}`, '', `**1. Credentials** for cluster \`${cluster.name}\`${context ? ` (kubeconfig context \`${context}\`)` : ''}:`, '', fence(sh.join('\n'), 'sh'), '', '**2. Then run:**', '', fence(run.join('\n'), 'sh')];
    if (plan.manifest !== undefined)
        md.push('', 'The pod it creates:', '', fence(JSON.stringify(plan.manifest, null, 2), 'json'));
    if (plan.notes.length)
        md.push('', ...plan.notes.map((n) => `> ${n}`));
    return { text: text.join('\n'), markdown: md.join('\n'), commands };
}

// EXTERNAL MODULE: ./src/shared/ops/local.ts
var local = __webpack_require__(54629);
// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
;// CONCATENATED MODULE: ./src/cli/ops.ts
/**
 * The operator tools on the command line (`deployer exec ...`, `deployer decrypt-age`): logs stream to stdout, each
 * line prefixed by its pod; interactive tools run kubectl (or a shell) on this machine with the cluster's private
 * KUBECONFIG in the child's environment only, and remove the credentials when it exits. Inside a GitHub Actions
 * step (no terminal) the interactive tools print the same kubectl-ready instructions the exec action gives.
 */











function logOptions(flags) {
    const controller = new AbortController();
    // Ctrl-C ends a follow cleanly (credentials removed, exit 130) instead of killing the process mid-write.
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return {
        follow: flags.follow === true,
        previous: flags.previous === true,
        sinceSeconds: flags.since ? parseDuration(flags.since) : undefined,
        tailLines: flags.tail,
        signal: controller.signal,
    };
}
async function streamLogs(cluster, hub, flags, read) {
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    const opts = logOptions(flags);
    const fmt = prefixer();
    return (0,target/* withTarget */.yY)((0,common/* pathsFrom */.lL)(flags), cluster, { reporter, ambient: flags.ambientCredentials, hub }, async (t) => {
        const r = await read(t, opts, (pod, line) => process.stdout.write((0,redact/* redact */.E$)(fmt(pod, line)) + '\n'), reporter);
        reporter.debug(`${r.lines} line(s) from ${r.pods.length} pod(s) matching ${r.selector} in namespace ${hub}`);
        return opts.signal?.aborted ? 130 : 0;
    });
}
function componentLogsCommand(cluster, hub, component, flags) {
    return streamLogs(cluster, hub, flags, async (t, opts, sink, reporter) => componentLogs(await t.kube(), hub, component, opts, sink, reporter));
}
function userLogsCommand(cluster, hub, username, flags) {
    return streamLogs(cluster, hub, flags, async (t, opts, sink, reporter) => userLogs(await t.kube(), hub, username, opts, sink, reporter));
}
/** Run an interactive tool's plan here, or print it as instructions inside a GitHub Actions step. */
async function interactive(cluster, hub, flags, plan, confirm) {
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    return (0,target/* withTarget */.yY)((0,common/* pathsFrom */.lL)(flags), cluster, { reporter, ambient: flags.ambientCredentials, hub }, async (t) => {
        const p = await plan(t);
        if ((0,common/* inActions */.j5)()) {
            process.stdout.write((0,redact/* redact */.E$)(renderInstructions(p, t.cluster, t.context).text) + '\n');
            return 0;
        }
        await confirm?.(p);
        reporter.info(`${p.title}`);
        if (!p.steps.some((s) => s.always))
            return (0,local/* runPlanLocally */.JX)(p, t.access.env, reporter);
        // A plan with clean-up must still reach the cluster after Ctrl-C, when the signal handlers have already removed
        // the session's private files: it runs on a self-contained copy of the credentials, removed right after.
        const { exportCredentials, removeExported } = await __webpack_require__.e(/* import() */ 2348).then(__webpack_require__.bind(__webpack_require__, 82348));
        const copy = exportCredentials(t.access, t.cluster.name);
        try {
            return await (0,local/* runPlanLocally */.JX)(p, { ...t.access.env, KUBECONFIG: copy.kubeconfig }, reporter);
        }
        finally {
            removeExported(copy.dir);
        }
    });
}
async function shellHubCommand(cluster, hub, flags) {
    const { planShellHub } = await __webpack_require__.e(/* import() */ 6534).then(__webpack_require__.bind(__webpack_require__, 26534));
    return interactive(cluster, hub, flags, (t) => planShellHub(t, hub));
}
async function shellHomesCommand(cluster, hub, flags) {
    const { planHomes, planRootHomes } = await __webpack_require__.e(/* import() */ 4810).then(__webpack_require__.bind(__webpack_require__, 54810));
    return interactive(cluster, hub, flags, (t) => (flags.root ? planRootHomes(t, hub) : planHomes(t, hub)));
}
async function dockerProxyCommand(cluster, flags) {
    const { planDockerProxy } = await __webpack_require__.e(/* import() */ 1493).then(__webpack_require__.bind(__webpack_require__, 81493));
    return interactive(cluster, undefined, flags, (t) => planDockerProxy(t));
}
async function ask(question) {
    const rl = (0,promises_.createInterface)({ input: process.stdin, output: process.stderr });
    try {
        return (await rl.question(question)).trim();
    }
    finally {
        rl.close();
    }
}
async function copyHomedirCommand(cluster, hub, flags) {
    const { planCopyHomedir } = await __webpack_require__.e(/* import() */ 4018).then(__webpack_require__.bind(__webpack_require__, 44018));
    const tty = process.stdin.isTTY === true;
    let src = flags.sourceHomedir;
    let dst = flags.destinationHomedir;
    if ((!src || !dst) && !tty) {
        throw new errors/* UsageError */.eb('--source-homedir and --destination-homedir are required without a terminal', 'name the two directories under /home, e.g. --source-homedir alice --destination-homedir bob');
    }
    if (!src)
        src = await ask('Directory under /home to copy from: ');
    if (!dst)
        dst = await ask('Directory under /home to copy into: ');
    return interactive(cluster, hub, flags, (t) => planCopyHomedir(t, hub, src, dst), async (p) => {
        if (flags.yes)
            return;
        if (!tty)
            throw new errors/* UsageError */.eb('copying home directories needs confirmation: pass --yes', 'run it again with --yes once the directories are right');
        const answer = await ask(`${p.title}. Continue? [y/N] `);
        if (!/^y(es)?$/i.test(answer))
            throw new errors/* DeployerError */.dg('cancelled; nothing was copied', { exitCode: 1 });
    });
}
async function awsShellCommand(profile, mfaDeviceId, tokenCode, flags) {
    const { awsSessionEnv, awsShellInstructions } = await __webpack_require__.e(/* import() */ 5712).then(__webpack_require__.bind(__webpack_require__, 85712));
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    (0,redact/* registerSecret */.cl)(tokenCode);
    if ((0,common/* inActions */.j5)()) {
        process.stdout.write(awsShellInstructions(profile, mfaDeviceId).text + '\n');
        return 0;
    }
    const extra = await awsSessionEnv({ profile, mfaDeviceId, tokenCode }, process.env);
    const shell = process.env.SHELL || '/bin/bash';
    reporter.info(`Opening ${shell} with MFA session credentials of profile ${profile} (they expire; exit the shell when done).`);
    return (0,local/* runChild */.w$)(shell, ['-l'], { ...process.env, ...extra }, true, 'set SHELL to your shell');
}
async function decryptAgeCommand(flags) {
    const { decryptAgeContent, teamIdentities } = await Promise.all(/* import() */[__webpack_require__.e(3389), __webpack_require__.e(8096)]).then(__webpack_require__.bind(__webpack_require__, 78096));
    const reporter = (0,common/* terminalReporter */.CO)(flags);
    const paths = (0,common/* pathsFrom */.lL)(flags);
    if ((0,common/* inActions */.j5)() && !flags.outputFile) {
        throw new errors/* UsageError */.eb('decrypt-age does not print plaintext inside a GitHub Actions step (it would stay in the job log)', 'use the decrypt-age action, which re-encrypts it with sops or hands it to a masked output');
    }
    let data;
    if (flags.encryptedFilePath) {
        try {
            data = (0,external_node_fs_.readFileSync)(flags.encryptedFilePath);
        }
        catch (e) {
            throw new errors/* DeployerError */.dg(`cannot read ${flags.encryptedFilePath}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
        }
    }
    else {
        process.stderr.write(process.stdin.isTTY
            ? 'Paste the encrypted file contents, hit enter and then press Ctrl+D\n'
            : 'Reading the encrypted content from standard input (pass --encrypted-file-path to read a file)\n');
        data = Buffer.from(await (0,common/* readStdin */.vJ)(), 'utf8');
    }
    if (flags.outputFile && (0,external_node_fs_.existsSync)(flags.outputFile)) {
        throw new errors/* UsageError */.eb(`${flags.outputFile} exists; decrypt-age never overwrites a file`, 'choose a new --output-file, or remove the old one first');
    }
    const identities = await teamIdentities(paths.configRoot, { reporter, identityFile: flags.identityFile });
    const plain = await decryptAgeContent(data, identities);
    if (flags.outputFile) {
        (0,external_node_fs_.writeFileSync)(flags.outputFile, plain, { mode: 0o600, flag: 'wx' });
        reporter.info(`wrote the plaintext to ${external_node_path_default().resolve(flags.outputFile)} (mode 0600); delete it when done`);
    }
    else {
        // The point of this command: show the operator the plaintext, on their terminal, never in a file or a log.
        process.stdout.write(plain);
        if (plain.length && plain[plain.length - 1] !== 0x0a)
            process.stdout.write('\n');
    }
    return 0;
}


/***/ }),

/***/ 86364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ streamPodLogs),
/* harmony export */   y: () => (/* binding */ podsMatching)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33028);
/**
 * Pod logs through @kubernetes/client-node's `Log` API (no kubectl): every pod matching a label selector in a
 * namespace, each line prefixed by its pod's name. Without `follow` the pods are read one after the other (each pod's
 * lines stay together); with `follow` all pods stream at once until they end or `signal` aborts.
 *
 * No matching pod is a DeployerError naming the selector and the namespace. A pod whose log cannot be read (no
 * previous instance, container not started) is a warning; only when no pod could be read is it an error.
 */



function podContainer(pod, wanted) {
    const names = (pod.spec?.containers ?? []).map((c) => c.name);
    if (wanted)
        return names.includes(wanted) ? wanted : undefined;
    const preferred = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    if (preferred && names.includes(preferred))
        return preferred;
    return names[0];
}
/** A writable that cuts its input into lines (a line split across chunks is joined) and hands each to `sink`. */
function lineWriter(pod, sink, count) {
    let pending = '';
    const decoder = new TextDecoder();
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({
        write(chunk, _enc, done) {
            pending += decoder.decode(chunk, { stream: true });
            let cut;
            while ((cut = pending.indexOf('\n')) >= 0) {
                sink(pod, pending.slice(0, cut).replace(/\r$/, ''));
                count();
                pending = pending.slice(cut + 1);
            }
            done();
        },
        final(done) {
            pending += decoder.decode();
            if (pending) {
                sink(pod, pending);
                count();
            }
            pending = '';
            done();
        },
    });
}
function apiReason(e) {
    const err = e;
    const code = typeof err?.code === 'number' ? err.code : undefined;
    let detail = '';
    if (err?.body && typeof err.body === 'object' && typeof err.body.message === 'string') {
        detail = err.body.message;
    }
    else if (typeof err?.body === 'string') {
        try {
            detail = JSON.parse(err.body).message ?? '';
        }
        catch {
            detail = '';
        }
    }
    if (!detail) {
        const text = err?.message ?? String(e);
        detail = /^Message: (.*)$/m.exec(text)?.[1] ?? text.split('\n')[0];
    }
    return code ? `the API server answered ${code}: ${detail}` : detail;
}
/** List the pods of `selector` in `namespace`, sorted by name. */
async function podsMatching(kc, namespace, selector) {
    const k8s = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .kubeModule */ .c)();
    const core = kc.makeApiClient(k8s.CoreV1Api);
    let list;
    try {
        list = await core.listNamespacedPod({ namespace, labelSelector: selector });
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`could not list the pods of namespace ${namespace} (selector \`${selector}\`): ${apiReason(e)}`, {
            hint: 'check that the namespace exists (the hub name is its namespace) and that the credentials may list pods',
        });
    }
    return [...(list.items ?? [])].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}
function readOne(log, pod, container, req, sink, count) {
    const name = pod.metadata.name;
    return new Promise((resolve, reject) => {
        const out = lineWriter(name, sink, count);
        let settled = false;
        const finish = (err) => {
            if (settled)
                return;
            settled = true;
            req.signal?.removeEventListener('abort', onAbort);
            if (err)
                reject(err);
            else
                resolve();
        };
        let controller;
        const onAbort = () => {
            controller?.abort();
            // The aborted response body ends without 'finish': flush what was read and stop here.
            out.end();
            finish();
        };
        out.on('finish', () => finish());
        out.on('error', (e) => finish(e));
        // client-node pipes the response body into `out` without an error handler on the body: an aborted or broken
        // stream would be an uncaught 'error'. Catch it here: an abort is the end we asked for, anything else fails.
        out.on('pipe', (src) => {
            src.on('error', (e) => {
                if (req.signal?.aborted || e?.name === 'AbortError') {
                    if (!out.writableEnded)
                        out.end();
                    finish();
                }
                else
                    finish(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`the log stream of pod ${name} broke: ${e.message}`, { hint: 'run the command again' }));
            });
        });
        if (req.signal?.aborted)
            return finish();
        req.signal?.addEventListener('abort', onAbort, { once: true });
        log
            .log(req.namespace, name, container, out, logOptions(req))
            .then((c) => {
            controller = c;
            if (req.signal?.aborted)
                c.abort();
        })
            .catch((e) => finish(e));
    });
}
/**
 * The Log API's options. client-node drops `tailLines: 0` (it only sends truthy values), which would print the
 * whole log: without follow, 0 lines means nothing to read (the caller skips the request); with follow, the API
 * server's own `tailLines=0` (only new lines) is sent as the string "0", which client-node passes on as it is. (A
 * `sinceTime` of now would not do: it has whole-second precision, so lines of the current second came through.)
 */
function logOptions(req) {
    const o = { follow: req.follow ?? false, previous: req.previous ?? false };
    if (req.tailLines === 0)
        return { ...o, tailLines: '0' };
    if (req.sinceSeconds)
        o.sinceSeconds = req.sinceSeconds;
    if (req.tailLines !== undefined)
        o.tailLines = req.tailLines;
    return o;
}
/** Read (or follow) the logs of every pod matching `req.selector`; see the file comment. */
async function streamPodLogs(kc, req, sink, reporter) {
    const k8s = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .kubeModule */ .c)();
    const pods = await podsMatching(kc, req.namespace, req.selector);
    if (!pods.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`no pod matches the selector \`${req.selector}\` in namespace ${req.namespace}`, {
            hint: `check the hub name (it is the namespace) and that the pod is running: kubectl --namespace=${req.namespace} get pods --selector=${req.selector}`,
        });
    }
    const log = new k8s.Log(kc);
    const result = { pods: [], failed: [], lines: 0 };
    const count = () => void result.lines++;
    const one = async (pod) => {
        const name = pod.metadata.name;
        const container = podContainer(pod, req.container);
        if (!container) {
            const have = (pod.spec?.containers ?? []).map((c) => c.name).join(', ');
            result.failed.push({ pod: name, reason: `it has no container named ${req.container} (it has: ${have || 'none'})` });
            return;
        }
        try {
            if (req.tailLines === 0 && !req.follow) {
                result.pods.push(name);
                return;
            }
            await readOne(log, pod, container, req, sink, count);
            result.pods.push(name);
        }
        catch (e) {
            const reason = apiReason(e);
            const why = req.previous && /\b400\b/.test(reason) ? `it has no previous (terminated) instance of container ${container} (${reason})` : reason;
            result.failed.push({ pod: name, reason: why });
        }
    };
    if (req.follow)
        await Promise.all(pods.map(one));
    else
        for (const pod of pods)
            await one(pod);
    for (const f of result.failed)
        reporter?.warn(`could not read the logs of pod ${f.pod}: ${f.reason}`);
    if (!result.pods.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployerError */ .dg(`could not read the logs of any pod matching \`${req.selector}\` in namespace ${req.namespace}: ${result.failed.map((f) => `${f.pod}: ${f.reason}`).join('; ')}`, { hint: req.previous ? 'drop --previous to read the running containers' : `look at the pods: kubectl --namespace=${req.namespace} describe pods --selector=${req.selector}` });
    }
    return result;
}


/***/ }),

/***/ 30624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $j: () => (/* binding */ COMPONENTS),
/* harmony export */   dt: () => (/* binding */ userSelector),
/* harmony export */   rv: () => (/* binding */ componentSelector)
/* harmony export */ });
/* unused harmony exports COMPONENT_NAMES, escapeUsername */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * Which pods a tool means (upstream A.14.1/A.14.2): the component selector table and KubeSpawner's user-name escaping.
 */

/** Upstream's table, exactly: `kubectl -n <hub> logs <these>`. */
const COMPONENTS = {
    hub: { selector: 'component=hub', container: 'hub' },
    proxy: { selector: 'component=proxy' },
    'dask-gateway-api': { selector: 'app.kubernetes.io/component=gateway' },
    'dask-gateway-controller': { selector: 'app.kubernetes.io/component=controller' },
    'dask-gateway-traefik': { selector: 'app.kubernetes.io/component=traefik' },
};
const COMPONENT_NAMES = Object.keys(COMPONENTS);
function componentSelector(component) {
    if (!(component in COMPONENTS)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`unknown component \`${component}\``, `use one of ${COMPONENT_NAMES.join(', ')}`);
    }
    return COMPONENTS[component];
}
const SAFE = /^[a-z0-9]$/;
/**
 * KubeSpawner's escaping of a user name for labels and pod names:
 * `escapism.escape(name, safe=set(a-z0-9), escape_char='-').lower()`: every character outside a-z0-9 (upper case
 * letters included) becomes `-` plus the upper-case hex of each of its UTF-8 bytes, then the whole is lower-cased.
 * `user@2i2c.org` -> `user-402i2c-2eorg`.
 */
function escapeUsername(name) {
    let out = '';
    for (const ch of name) {
        if (SAFE.test(ch))
            out += ch;
        else
            for (const b of Buffer.from(ch, 'utf8'))
                out += '-' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out.toLowerCase();
}
/** The selector and container of a user's server pod. */
function userSelector(username) {
    if (!username)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('the user name is empty', 'pass the JupyterHub user name, e.g. user@example.org');
    return { selector: `hub.jupyter.org/username=${escapeUsername(username)}`, container: 'notebook' };
}


/***/ })

};
