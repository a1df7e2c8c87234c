export const id = 3365;
export const ids = [3365,108];
export const modules = {

/***/ 23365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand),
  deploySupportCommand: () => (/* binding */ deploySupportCommand)
});

// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/shared/exec/flags.ts
/**
 * Parse a Go tool's command-line flags the way spf13/pflag (cobra) does, so a guard over extra arguments sees what
 * helm or kubectl will see:
 *   --name=value | --name value (a flag that takes a value consumes the next argument, even one starting with `-`)
 *   --name (a boolean, or a flag with an optional value: only `--name=value` gives it one)
 *   -x value | -xvalue | -x=value | -abc (grouped shorthands; a value-taking shorthand takes the rest of the group)
 *   --  (every later argument is positional);  -  (positional)
 * A flag the table does not know is treated as taking no value unless written `--name=value`: a guard then looks at
 * the next argument as a flag of its own, which can only refuse more, never less.
 */
function parseFlags(args, table) {
    const flags = [];
    const positionals = [];
    let missingValue;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--') {
            for (let j = i + 1; j < args.length; j++)
                positionals.push({ arg: args[j], index: j });
            break;
        }
        if (a.startsWith('--')) {
            const eq = a.indexOf('=');
            const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
            const arity = table.long[name];
            const flag = { name, written: `--${name}`, index: i, raw: [a], known: arity !== undefined };
            if (eq >= 0)
                flag.value = a.slice(eq + 1);
            else if (arity === 'value') {
                if (i + 1 < args.length) {
                    flag.value = args[++i];
                    flag.raw.push(flag.value);
                }
                else
                    missingValue = flag;
            }
            flags.push(flag);
            continue;
        }
        if (a.startsWith('-') && a.length > 1) {
            // Grouped shorthands: -abc, -nvalue, -n=value, -n value.
            let rest = a.slice(1);
            while (rest.length) {
                const c = rest[0];
                const long = table.short[c];
                const arity = long === undefined ? undefined : table.long[long];
                const flag = { name: long ?? c, written: `-${c}`, index: i, raw: [a], known: arity !== undefined };
                flags.push(flag);
                if (rest.length > 2 && rest[1] === '=') {
                    flag.value = rest.slice(2);
                    rest = '';
                }
                else if (arity === 'value') {
                    if (rest.length > 1)
                        flag.value = rest.slice(1);
                    else if (i + 1 < args.length) {
                        flag.value = args[++i];
                        flag.raw.push(flag.value);
                    }
                    else
                        missingValue = flag;
                    rest = '';
                }
                else
                    rest = rest.slice(1);
            }
            continue;
        }
        positionals.push({ arg: a, index: i });
    }
    return { flags, positionals, missingValue };
}
/** Parse a table from `--name` -> arity pairs and shorthand pairs (helper for the tool tables). */
function flagTable(spec) {
    const long = {};
    for (const n of spec.bool ?? [])
        long[n] = 'bool';
    for (const n of spec.value ?? [])
        long[n] = 'value';
    for (const n of spec.optional ?? [])
        long[n] = 'optional';
    return { long, short: spec.short ?? {} };
}

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
/** Flags that make sense for `upgrade` but not for `template`; dropped (with their values) from extra args of a dry run. */
const NOT_FOR_TEMPLATE = new Set(['wait', 'atomic', 'rollback-on-failure', 'timeout', 'wait-for-jobs', 'force', 'force-replace', 'force-conflicts', 'cleanup-on-fail', 'history-max', 'reset-values', 'reuse-values', 'reset-then-reuse-values', 'install', 'take-ownership', 'server-side', 'hide-notes', 'render-subchart-notes', 'description']);
/** `helm template ...` arguments for a dry run: renders locally, never contacts the cluster. */
function templateArgs(spec) {
    const all = spec.extraArgs ?? [];
    const drop = new Set();
    for (const f of parseFlags(all, HELM_FLAGS).flags) {
        if (NOT_FOR_TEMPLATE.has(f.name)) {
            drop.add(f.index);
            if (f.raw.length > 1)
                drop.add(f.index + 1);
        }
    }
    const extra = all.filter((_, i) => !drop.has(i));
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
/**
 * The flags of `helm upgrade` (helm 3.18 and 4.1, own and global), with their arity as pflag parses them; a test
 * checks this table against `helm upgrade --help` of the helm binaries the suite runs with.
 */
const HELM_FLAGS = flagTable({
    bool: [
        'atomic', 'cleanup-on-fail', 'create-namespace', 'dependency-update', 'devel', 'disable-openapi-validation', 'enable-dns', 'force',
        'force-conflicts', 'force-replace', 'help', 'hide-notes', 'hide-secret', 'insecure-skip-tls-verify', 'install', 'no-hooks',
        'pass-credentials', 'plain-http', 'render-subchart-notes', 'reset-then-reuse-values', 'reset-values', 'reuse-values', 'rollback-on-failure',
        'skip-crds', 'skip-schema-validation', 'take-ownership', 'verify', 'wait-for-jobs', 'debug', 'kube-insecure-skip-tls-verify',
    ],
    value: [
        'ca-file', 'cert-file', 'description', 'history-max', 'key-file', 'keyring', 'labels', 'output', 'password', 'post-renderer',
        'post-renderer-args', 'repo', 'set', 'set-file', 'set-json', 'set-literal', 'set-string', 'timeout', 'username', 'values', 'version',
        'server-side', 'burst-limit', 'kube-apiserver', 'kube-as-group', 'kube-as-user', 'kube-ca-file', 'kube-context', 'kube-tls-server-name',
        'kube-token', 'kubeconfig', 'namespace', 'qps', 'registry-config', 'repository-cache', 'repository-config', 'color', 'colour', 'content-cache',
    ],
    // pflag NoOptDefVal: `--dry-run` alone means client, `--wait` alone means watcher (helm 4) / true (helm 3).
    optional: ['dry-run', 'wait'],
    short: { n: 'namespace', f: 'values', l: 'labels', o: 'output', i: 'install', h: 'help' },
});
const NAMESPACE = 'the namespace of every release is fixed by deployer (a hub is deployed to the namespace of its name)';
const CLUSTER = 'which cluster deployer talks to comes from cluster.yaml, through the credentials deployer sets up for that cluster';
const CREDENTIALS = 'cluster credentials come from the cluster\'s encrypted key file (or ambient credentials), never from the command line, where they would show in logs';
const REPO_CREDENTIALS = 'chart repository credentials on the command line would show in logs; deployer deploys charts from the infra repository';
/** Extra-args flags deployer refuses, and why: each changes the namespace, the cluster or the credentials, or deployer's own job. */
const HELM_REFUSED = {
    namespace: NAMESPACE,
    kubeconfig: CLUSTER,
    'kube-context': CLUSTER,
    'kube-apiserver': CLUSTER,
    'kube-ca-file': CLUSTER,
    'kube-tls-server-name': CLUSTER,
    'kube-insecure-skip-tls-verify': CLUSTER,
    'kube-token': CREDENTIALS,
    'kube-as-user': CREDENTIALS,
    'kube-as-group': CREDENTIALS,
    username: REPO_CREDENTIALS,
    password: REPO_CREDENTIALS,
    'cert-file': REPO_CREDENTIALS,
    'key-file': REPO_CREDENTIALS,
    'pass-credentials': REPO_CREDENTIALS,
    'registry-config': REPO_CREDENTIALS,
    'repository-config': REPO_CREDENTIALS,
    'dry-run': 'use the dry-run input / --dry-run option (it renders with helm template and never touches the cluster)',
    'create-namespace': 'the namespace is created through the API before helm runs',
    help: 'helm would print its help and exit 0, and the hub would be reported deployed without being deployed',
    output: 'deployer reads helm\'s default output (and `--output json|yaml` would print the release with its values)',
};
/**
 * Refuse extra arguments that would change where or as whom helm deploys. They are parsed as helm parses them
 * (`-nkube-system`, `-n=kube-system`, `-in kube-system`, `--namespace kube-system`, `--kube-token=...`), so no
 * spelling slips through; a stray positional argument (which helm would take as a third release/chart argument)
 * and a flag missing its value are refused too. Throws a UsageError naming the flag as written.
 */
function checkExtraArgs(args, option = 'helm-extra-args') {
    checkToolArgs('helm', args, HELM_FLAGS, HELM_REFUSED, option);
}
/** The guard for any pflag tool (helm, kubectl): see checkExtraArgs. */
function checkToolArgs(tool, args, table, refused, option) {
    const parsed = parseFlags(args, table);
    const where = `remove it from --${option} (the \`${option}\` input in the actions)`;
    for (const f of parsed.flags) {
        const why = refused[f.name];
        if (!why)
            continue;
        const raw = args[f.index];
        const spelled = raw === f.written || raw.startsWith(`${f.written}=`) ? `\`${redactValue(raw)}\`` : `\`${f.written}\` (in \`${redactValue(raw)}\`)`;
        const long = f.written.startsWith('--') ? '' : ` (--${f.name})`;
        throw new errors/* UsageError */.eb(`${tool} extra argument ${spelled}${long} is not allowed: ${why}`, where);
    }
    if (parsed.missingValue) {
        throw new errors/* UsageError */.eb(`${tool} extra argument \`${parsed.missingValue.written}\` needs a value`, `write it as ${parsed.missingValue.written.startsWith('--') ? `${parsed.missingValue.written}=VALUE` : `${parsed.missingValue.written} VALUE`}, or ${where}`);
    }
    if (parsed.positionals.length) {
        const p = parsed.positionals[0];
        throw new errors/* UsageError */.eb(`${tool} extra argument \`${redactValue(p.arg)}\` is not a flag: ${tool} would take it as one more command argument`, `if it is the value of a flag, write it joined to the flag (\`--flag=${redactValue(p.arg)}\`); otherwise ${where}`);
    }
}
/** A flag as written, with a value that could be a credential cut off (`--kube-token=***`). */
function redactValue(raw) {
    const m = /^(--kube-token|--password|--token)=(.*)$/.exec(raw);
    return m ? `${m[1]}=***` : raw;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(48932);
;// CONCATENATED MODULE: ./src/shared/exec/shell.ts
/**
 * Command lines a person can paste into bash: every argument quoted as needed (POSIX single quotes), and parts that
 * are shell on purpose (a process substitution that decrypts a secret file on the fly, `<(sops --decrypt f)`) kept
 * as they are. Everything is redacted: no registered secret can be printed this way.
 */

/** Quote one argument for a POSIX shell; safe characters stay unquoted. */
function shellQuote(s) {
    if (s !== '' && /^[\w@%+=:,./-]+$/.test(s))
        return s;
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Join parts into one paste-able line (redacted). */
function shellLine(parts) {
    return (0,redact/* redact */.E$)(parts.map((p) => (typeof p === 'string' ? shellQuote(p) : p.raw)).join(' '));
}
/** `--flag=<(command ...)`: the output of a command as a file argument (bash process substitution). */
function processSubstitution(prefix, command) {
    return { raw: `${prefix ? shellQuote(prefix) : ''}<(${shellLine(command)})` };
}

// EXTERNAL MODULE: ./src/shared/helm/template.ts
var template = __webpack_require__(20630);
// EXTERNAL MODULE: ./src/shared/helm/jsonnet.ts
var jsonnet = __webpack_require__(42179);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(74466);
;// CONCATENATED MODULE: ./src/shared/kube/errors.ts
/** The API server address in a client-go message (`https://host:port`, or `host:port` of "connection to the server"). */
function serverOf(text) {
    return (/(https?:\/\/[^\s"/]+)/.exec(text)?.[1] ??
        /connection to the server (\S+) was refused/.exec(text)?.[1] ??
        /lookup (\S+?)(?: on \S+)?: /.exec(text)?.[1]);
}
/** Classify a kubectl/helm error text; undefined when it is not a connection or permission problem. */
function classifyClusterError(text) {
    const server = serverOf(text);
    const at = server ? ` at ${server}` : '';
    // Order matters: a DNS lookup can time out, and "TLS handshake timeout" is a timeout, not a certificate problem.
    if (/no such host|server misbehaving|Temporary failure in name resolution|lookup \S+ on \S+: /i.test(text)) {
        return {
            kind: 'dns',
            what: `the cluster's API server name${server ? ` ${server}` : ''} does not resolve (DNS)`,
            hint: 'check the server address in the cluster\'s credentials (cluster.yaml provider settings / kubeconfig), and that this machine can resolve it (private DNS, VPN)',
        };
    }
    if (/connection refused|connection to the server \S+ was refused/i.test(text)) {
        return {
            kind: 'refused',
            what: `the cluster's API server${at} refused the connection`,
            hint: 'check that the cluster is running and that the server address and port in its credentials are right (a deleted or recreated cluster has a new address)',
        };
    }
    if (/i\/o timeout|context deadline exceeded|TLS handshake timeout|Client\.Timeout|network is unreachable|no route to host|connection timed out/i.test(text)) {
        return {
            kind: 'timeout',
            what: `the cluster's API server${at} did not answer (timed out)`,
            hint: 'check that this machine can reach the API server: a private cluster endpoint, a firewall or authorized-networks list, or a VPN may be in the way',
        };
    }
    if (/x509:|tls: |certificate (is not valid|has expired|signed by unknown authority)/i.test(text)) {
        return {
            kind: 'tls',
            what: `the cluster's API server${at} presented a certificate that is not trusted (TLS)`,
            hint: 'the certificate authority in the cluster\'s credentials does not match the server: regenerate the credentials for this cluster (its CA may have been rotated)',
        };
    }
    if (/\(Unauthorized\)|\bUnauthorized$|You must be logged in to the server|asked for the client to provide credentials/im.test(text)) {
        return {
            kind: 'unauthorized',
            what: `the cluster's API server${at} rejected the credentials (401 Unauthorized)`,
            hint: 'the credentials are wrong or expired: check the cluster\'s encrypted key file (or ambient cloud login) and regenerate the token or key if it was rotated',
        };
    }
    // RBAC only: "pods is forbidden: violates PodSecurity" or "exceeded quota" are not a credentials problem.
    const who = /User "([^"]+)" cannot (\S+) resource "([^"]+)"/.exec(text);
    if (who || /\(Forbidden\)$/m.test(text)) {
        return {
            kind: 'forbidden',
            what: who ? `the cluster refused: ${who[1]} may not ${who[2]} ${who[3]} (403 Forbidden)` : 'the cluster refused the request (403 Forbidden)',
            hint: 'the credentials authenticate but lack permission: grant the deployer identity the RBAC role it needs (cluster-admin for deploys) on this cluster',
        };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(27564);
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
    async run(args, options = {}) {
        this.onCommand?.(args);
        try {
            const r = await this.runner(this.info.path, args, { env: this.env, timeoutMs: 120_000, ...options });
            if (r.code !== 0 && options.allowFailure && args[0] !== 'template') {
                const fault = classifyClusterError(r.stderr);
                if (fault)
                    throw helmClusterError(args, r, fault);
            }
            return r;
        }
        catch (e) {
            // A connection, certificate, 401 or 403 problem says so, with what to do, instead of helm's raw last line.
            const fault = e instanceof run/* ToolError */.v4 && !e.result.timedOut && args[0] !== 'template' ? classifyClusterError(e.result.stderr) : undefined;
            if (fault && e instanceof run/* ToolError */.v4)
                throw helmClusterError(args, e.result, fault);
            throw e;
        }
    }
    /**
     * `helm upgrade --install`; returns the (redacted) result. Helm's own timeout is spec.timeoutS; ours is a minute
     * more. A failure in a chart template is a located HelmTemplateError (with `sources`, at the repo's template file).
     */
    async upgrade(spec, sources) {
        try {
            return await this.run(upgradeArgs(spec, this.caps), {
                timeoutMs: (spec.timeoutS + 60) * 1000,
                onOutput: this.onStderr ? (chunk, stream) => stream === 'stderr' && this.onStderr(chunk) : undefined,
            });
        }
        catch (e) {
            throw located(e, spec.chart, sources);
        }
    }
    /**
     * `helm template` (dry run): the objects it renders, by kind/name. The rendered content is never returned. A render
     * failure is a located HelmTemplateError, as validate reports it.
     */
    async template(spec, sources) {
        try {
            const r = await this.run(templateArgs(spec), { timeoutMs: (spec.timeoutS + 60) * 1000 });
            return manifestObjects(r.stdout);
        }
        catch (e) {
            throw located(e, spec.chart, sources);
        }
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
/** `helm <command> <release>: <what failed> (helm: <its last line>)` with the hint for the fault's class. */
function helmClusterError(args, r, fault) {
    const release = args.find((a, i) => i > 0 && !a.startsWith('-')) ?? '';
    const last = r.stderr.trim().split('\n').at(-1) ?? '';
    return new run/* ToolError */.v4(`helm ${args[0]} ${release}: ${fault.what} (helm: ${last})`.replace(/ {2,}/g, ' '), r, fault.hint);
}
/** A helm failure that names a chart template, as a located HelmTemplateError; anything else as it was. */
function located(e, chartDir, sources) {
    if (!(e instanceof run/* ToolError */.v4) || e.result.timedOut || e.result.code === null || e.hint)
        return e;
    return (0,template/* renderFailure */.zt)(e.result.stderr || e.result.stdout, chartDir, sources) ?? e;
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

;// CONCATENATED MODULE: ./src/shared/kube/args.ts
/**
 * The guard over `kubectl-extra-args` (appended to `kubectl apply` of CRDs): flags that would change the namespace,
 * the cluster or the credentials are refused, parsed as kubectl (pflag) parses them. A test checks the table against
 * `kubectl apply --help` and `kubectl options`.
 */


const KUBECTL_APPLY_FLAGS = flagTable({
    bool: [
        'all', 'allow-missing-template-keys', 'force', 'force-conflicts', 'openapi-patch', 'overwrite', 'prune', 'recursive', 'server-side',
        'show-managed-fields', 'wait', 'disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors', 'help',
    ],
    value: [
        'field-manager', 'filename', 'grace-period', 'kustomize', 'output', 'prune-allowlist', 'selector', 'subresource', 'template', 'timeout',
        'as', 'as-group', 'as-uid', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'cluster', 'context', 'kubeconfig',
        'log-flush-frequency', 'namespace', 'password', 'profile', 'profile-output', 'request-timeout', 'server', 'tls-server-name', 'token', 'user',
        'username', 'v', 'vmodule',
    ],
    // pflag NoOptDefVal: `--validate` alone means strict, `--cascade` background, `--dry-run` client.
    optional: ['cascade', 'dry-run', 'validate'],
    short: { f: 'filename', k: 'kustomize', o: 'output', R: 'recursive', l: 'selector', n: 'namespace', s: 'server', v: 'v', h: 'help' },
});
const args_CLUSTER = 'which cluster deployer talks to comes from cluster.yaml, through the credentials deployer sets up for that cluster';
const args_CREDENTIALS = 'cluster credentials come from the cluster\'s encrypted key file (or ambient credentials), never from the command line, where they would show in logs';
const KUBECTL_REFUSED = {
    namespace: 'the CRDs deployer applies are cluster-wide; the namespace of every release is fixed by deployer',
    server: args_CLUSTER,
    kubeconfig: args_CLUSTER,
    context: args_CLUSTER,
    cluster: args_CLUSTER,
    'certificate-authority': args_CLUSTER,
    'tls-server-name': args_CLUSTER,
    'insecure-skip-tls-verify': args_CLUSTER,
    user: args_CREDENTIALS,
    token: args_CREDENTIALS,
    username: args_CREDENTIALS,
    password: args_CREDENTIALS,
    'client-certificate': args_CREDENTIALS,
    'client-key': args_CREDENTIALS,
    as: args_CREDENTIALS,
    'as-group': args_CREDENTIALS,
    'as-uid': args_CREDENTIALS,
    'dry-run': 'use the dry-run input / --dry-run option',
    help: 'kubectl would print its help and exit 0, and the CRDs would be reported applied without being applied',
};
/** Throws a UsageError naming the first refused flag, a flag missing its value, or a stray argument. */
function checkKubectlExtraArgs(args, option = 'kubectl-extra-args') {
    checkToolArgs('kubectl', args, KUBECTL_APPLY_FLAGS, KUBECTL_REFUSED, option);
}

// EXTERNAL MODULE: ./src/shared/repo/index.ts
var repo = __webpack_require__(63422);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
// EXTERNAL MODULE: ./src/shared/exec/shutdown.ts
var shutdown = __webpack_require__(84445);
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
    /**
     * Run kubectl; a failure is a DeployerError saying what failed (`doing`), why (a connection, certificate, 401 or
     * 403 problem told apart by classifyClusterError) and what to do.
     */
    async must(doing, args, options = {}, hint) {
        const r = await this.run(args, { ...options, allowFailure: true });
        if (r.code === 0 && !r.timedOut)
            return r;
        throw clusterError(doing, r, hint);
    }
    /**
     * Check once that the cluster answers with these credentials (`kubectl get --raw /version`), so an unreachable
     * cluster or rejected credentials fail the run once, not once per release.
     */
    async probe(name = 'the cluster') {
        await this.must(`could not reach ${name}`, ['get', '--raw', '/version'], { timeoutMs: 60_000 });
    }
    /** Create the namespace unless it exists (AlreadyExists is success: another run may have created it). */
    async ensureNamespace(name) {
        const r = await this.run(['create', 'namespace', name], { allowFailure: true, timeoutMs: 60_000 });
        if (r.code === 0)
            return 'created';
        if (/AlreadyExists|already exists/i.test(r.stderr))
            return 'exists';
        throw clusterError(`could not create namespace ${name}`, r);
    }
    /** `kubectl apply -f <source>` for a URL, a file or a directory. */
    async apply(source, timeoutS = 300) {
        return this.must(`could not apply ${source}`, ['apply', '-f', source, ...this.applyExtraArgs], { timeoutMs: timeoutS * 1000 }, /^https?:/.test(source) ? `check that this machine can download ${source}` : undefined);
    }
    /** Names (`deployment.apps/hub`, `daemonset.apps/x`) of the namespace's Deployments and DaemonSets. */
    async workloads(namespace) {
        const r = await this.must(`could not list the deployments and daemonsets of namespace ${namespace}`, ['get', `--namespace=${namespace}`, '--output=name', 'deployments,daemonsets'], { timeoutMs: 60_000 });
        return r.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
    }
    /**
     * Wait until every Deployment and DaemonSet of the namespace has rolled out, within `timeoutS` for the whole
     * namespace. Fails naming the object that did not become ready.
     */
    async rolloutStatus(namespace, timeoutS, onObject) {
        const deadline = Date.now() + timeoutS * 1000;
        const objects = await this.workloads(namespace);
        for (const [i, obj] of objects.entries()) {
            onObject?.(obj, i, objects.length);
            const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
            const r = await this.run(['rollout', 'status', `--namespace=${namespace}`, `--timeout=${left}s`, '--watch', obj], {
                allowFailure: true,
                timeoutMs: (left + 30) * 1000,
            });
            if (r.code !== 0) {
                const fault = classifyClusterError(r.stderr);
                if (fault && fault.kind !== 'timeout')
                    throw clusterError(`could not watch the rollout of ${obj} in namespace ${namespace}`, r);
                const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n');
                throw new errors/* DeployerError */.dg(`rollout of ${obj} in namespace ${namespace} did not complete within ${timeoutS} s${detail ? `: ${detail}` : ''}`, {
                    hint: `look at the pods: kubectl --namespace=${namespace} get pods; kubectl --namespace=${namespace} describe ${obj}`,
                });
            }
        }
        return objects;
    }
}
/** `doing: <what failed>` with the hint for its class, or kubectl's own last lines when it is none of them. */
function clusterError(doing, r, fallbackHint) {
    const out = (r.stderr || r.stdout).trim();
    const fault = classifyClusterError(out);
    if (fault)
        return new errors/* DeployerError */.dg(`${doing}: ${fault.what} (kubectl: ${out.split('\n').at(-1)})`, { hint: fault.hint });
    const detail = out.split('\n').slice(-3).join(' ').trim();
    return new errors/* DeployerError */.dg(`${doing}: ${r.timedOut ? 'kubectl timed out' : detail || `kubectl exit code ${r.code}`}`, {
        hint: fallbackHint ?? 'the message above is kubectl\'s; run the same kubectl command with `deployer use-cluster-credentials` to look closer',
    });
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
        error: (m, location) => reporter.error(`${prefix}${m}`, location),
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
        // The file is named in the message already: no `file: ... file` twice.
        const text = e instanceof errors/* DeployerError */.dg && e.file && e.message.includes(e.file) ? `${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}` : errorText(e);
        const error = `could not authenticate to cluster ${cluster.name}: ${text}`;
        options.reporter.error(error);
        return { error };
    }
}
/**
 * Run a helm upgrade; if the process is stopped meanwhile (Ctrl-C, a cancelled job), say what state the release may
 * be left in and how to get it unstuck (helm leaves it pending-install/upgrade, which blocks the next upgrade).
 */
async function whileUpgrading(options, release, namespace, fn) {
    const off = (0,shutdown/* onShutdown */.Ob)(() => options.reporter.warn(`release ${release} (namespace ${namespace}) was being upgraded when deployer was stopped: if it is left pending-install/pending-upgrade, ` +
        'the next deploy with --recover-pending (the recover-pending input) rolls it back first'));
    try {
        return await fn();
    }
    finally {
        off();
    }
}
/** How often a long wait (helm --wait, a rollout, a CRD apply) says it is still waiting. */
const HEARTBEAT_MS = 10_000;
/**
 * Run `fn`, logging `<what>: still waiting, N s elapsed (timeout T s)` every heartbeat while it runs, so a long helm
 * wait or rollout is never minutes of silence (issue 10 §16). `what` is read at each beat (it can name the object
 * being waited on).
 */
async function withHeartbeat(options, log, what, timeoutS, fn) {
    const started = Date.now();
    const timer = setInterval(() => log(`${what()}: still waiting, ${Math.round((Date.now() - started) / 1000)} s elapsed (timeout ${timeoutS} s)`), options.heartbeatMs ?? HEARTBEAT_MS);
    try {
        return await fn();
    }
    finally {
        clearInterval(timer);
    }
}
/**
 * Every step a release's deploy would take, as `#` comment lines and paste-able bash lines (dry run, issue 10 §17):
 * namespace, CRDs, the stuck-release check/recovery, the upgrade, the rollout check of the rendered workloads.
 */
function dryRunPlan(options, r) {
    const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
    const lines = ['# 1. namespace (created unless it exists)', shellLine(['kubectl', 'create', 'namespace', r.namespace])];
    lines.push(`# 2. ${r.crds.comment}`, ...r.crds.commands);
    lines.push(options.recoverPending
        ? `# 3. recovery: if release ${r.release} is stuck in pending-install/upgrade/rollback, roll it back to its last deployed revision (helm rollback ${r.release} <revision> --namespace=${r.namespace}), or uninstall it if it never deployed`
        : `# 3. recovery check: stop if release ${r.release} is stuck in pending-install/upgrade/rollback (--recover-pending rolls it back instead)`, shellLine(['helm', 'history', r.release, `--namespace=${r.namespace}`, '--max=20', '--output=json']), '# 4. upgrade' + (r.note ? ` (${r.note})` : ''), r.upgrade);
    if (!options.skipRolloutCheck) {
        const workloads = r.objects.filter((o) => /^(Deployment|DaemonSet)\//.test(o));
        lines.push(`# 5. rollout check: ${workloads.length} Deployment(s)/DaemonSet(s), ${timeoutS} s in all`);
        for (const w of workloads)
            lines.push(shellLine(['kubectl', 'rollout', 'status', `--namespace=${r.namespace}`, `--timeout=${timeoutS}s`, '--watch', w.replace(/^\w+/, (kind) => kind.toLowerCase())]));
    }
    return lines;
}

// EXTERNAL MODULE: ./src/shared/pool.ts
var pool = __webpack_require__(15135);
;// CONCATENATED MODULE: ./src/shared/deploy/services.ts
async function resolveServices(overrides = {}) {
    const authenticate = overrides.authenticate ?? (await __webpack_require__.e(/* import() */ 584).then(__webpack_require__.bind(__webpack_require__, 70584))).authenticate;
    const decryptFile = overrides.decryptFile ?? (await __webpack_require__.e(/* import() */ 2955).then(__webpack_require__.bind(__webpack_require__, 45336))).decryptFile;
    const createChartWorkspace = overrides.createChartWorkspace ?? (await __webpack_require__.e(/* import() */ 5349).then(__webpack_require__.bind(__webpack_require__, 25349))).createChartWorkspace;
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
    const shell = [];
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
            shell.push(jsonnetShell(chartJsonnet.display, ctx.vars));
        }
        for (const v of files) {
            if (v.secret) {
                const d = await ctx.services.decryptFile(v.abs, { reporter: ctx.reporter, display: v.display, env: ctx.env });
                disposables.add(() => d.dispose());
                out.push(v.abs.endsWith('.jsonnet') ? await render(d.path, v.display) : d.path);
                displays.push(`${v.display} (decrypted)`);
                shell.push(v.abs.endsWith('.jsonnet') ? jsonnetShell(v.display, ctx.vars, true) : processSubstitution('--values=', ['sops', '--decrypt', v.display]));
            }
            else if (v.abs.endsWith('.jsonnet')) {
                out.push(await render(v.abs, v.display));
                displays.push(`${v.display} (rendered)`);
                shell.push(jsonnetShell(v.display, ctx.vars));
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
                shell.push(`--values=${v.display}`);
            }
        }
        return { files: out, displays, shell, enablesDaskGateway, dispose: () => disposables.dispose() };
    }
    catch (e) {
        await disposables.dispose();
        throw e;
    }
}
/** `--values=<(jsonnet ... file)`: the file rendered on the fly, as deploy renders it (a secret one decrypted first). */
function jsonnetShell(display, vars, secret = false) {
    const args = (0,jsonnet/* jsonnetArgs */.dx)(display, vars, '-').slice(0, -2);
    if (secret)
        args[args.indexOf(display)] = processSubstitution('', ['sops', '--decrypt', '--input-type', 'binary', '--output-type', 'binary', display]);
    return processSubstitution('--values=', ['jsonnet', ...args]);
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

;// CONCATENATED MODULE: ./src/shared/deploy/secrets.ts
/**
 * Secret files of a run, decrypted once: every sops-encrypted file the selected hubs use is decrypted up front
 * (before the cluster is touched, dry runs included), each file once however many hubs share it; a file that
 * cannot be decrypted is reported once, with sops' reason and what to do, and the hubs that use it fail with a short
 * line that points at that report instead of repeating it. The plaintexts live in private temp dirs until the run
 * ends (`dispose()`), and on every exit path (secrets/tempdir.ts).
 */



/**
 * An error already reported in full: a hub that hits it logs `short` (a reference to the report), and its result
 * carries `message` (one line: what failed and why), without the hint repeated.
 */
class ReportedError extends errors/* DeployerError */.dg {
    short;
    constructor(message, short) {
        super(message);
        this.short = short;
        this.name = 'ReportedError';
    }
}
class DecryptCache {
    decrypt;
    entries = new Map();
    constructor(decrypt) {
        this.decrypt = decrypt;
    }
    /** Same signature as DeployServices.decryptFile; disposing what it returns is a no-op (the cache owns it). */
    decryptFile = (abs, opts) => {
        let p = this.entries.get(abs);
        if (!p) {
            p = this.decrypt(abs, opts);
            p.catch(() => undefined);
            this.entries.set(abs, p);
        }
        return p.then((d) => ({ path: d.path, dispose: () => undefined }));
    };
    /** Seed the cache with a failure already reported (the hubs that use the file fail with a short reference). */
    fail(abs, error) {
        const p = Promise.reject(error);
        p.catch(() => undefined);
        this.entries.set(abs, p);
    }
    async dispose() {
        for (const p of this.entries.values()) {
            try {
                await (await p).dispose();
            }
            catch {
                /* failed decryptions have nothing to remove */
            }
        }
        this.entries.clear();
    }
}
/** The sops-encrypted files the hubs use (values files and secret domain override files), each once, in order. */
function hubSecretFiles(cluster, hubs) {
    const files = new Map();
    const add = (abs, display, hub) => {
        const f = files.get(abs) ?? { abs, display, hubs: [] };
        if (!f.hubs.includes(hub))
            f.hubs.push(hub);
        files.set(abs, f);
    };
    for (const hub of hubs) {
        try {
            for (const v of (0,repo/* hubValuesFiles */.XL)(cluster, hub))
                if (v.secret)
                    add(v.abs, v.display, hub.name);
            if (hub.domainOverrideFile && (0,repo/* isSecretFile */.D0)(hub.domainOverrideFile)) {
                const abs = (0,repo/* resolveInCluster */.aj)(cluster, hub.domainOverrideFile, ['hubs', hub.index, 'domain_override_file']);
                add(abs, external_node_path_default().relative(cluster.paths.configRoot, abs).split((external_node_path_default()).sep).join('/'), hub.name);
            }
        }
        catch {
            // A reference that does not resolve is the hub's own located error, reported when the hub is prepared.
        }
    }
    return [...files.values()];
}
/**
 * Decrypt every file once, up front. Failures are reported once each (files that fail for the same reason are
 * reported together) and seeded into the cache as ReportedErrors. Returns how many files failed.
 */
async function preflightSecrets(cache, files, ctx) {
    if (!files.length)
        return 0;
    ctx.reporter.info(`Decrypting ${files.length} secret file(s) the hub(s) use...`);
    const failures = [];
    for (const f of files) {
        if (!(0,repo/* isFile */.fo)(f.abs))
            continue; // a missing file is the hub's own located error
        try {
            await cache.decryptFile(f.abs, { reporter: ctx.reporter, display: f.display, env: ctx.env });
        }
        catch (error) {
            failures.push({ file: f, error });
        }
    }
    // One report per distinct reason: a wrong key fails every file the same way, and says so once.
    const groups = new Map();
    for (const x of failures) {
        const e = x.error;
        const key = `${e.reason ?? e.message ?? String(x.error)}\u0000${e.hint ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), x]);
    }
    for (const group of groups.values()) {
        const first = group[0].error;
        const e = first;
        const names = group.map((x) => x.file.display);
        const hubs = [...new Set(group.flatMap((x) => x.file.hubs))];
        if (group.length === 1 || e.reason === undefined) {
            for (const x of group)
                ctx.reporter.error((0,errors/* describeError */.Uc)(x.error));
        }
        else {
            ctx.reporter.error(`sops could not decrypt ${group.length} files (${names.join(', ')}): ${e.reason}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
        }
        ctx.reporter.error(`not deploying hub(s) ${hubs.join(', ')}: they use ${names.length === 1 ? 'this file' : 'these files'}`);
        for (const x of group) {
            const reason = e.reason ?? (x.error instanceof Error ? x.error.message : String(x.error)).split('\n')[0];
            cache.fail(x.file.abs, new ReportedError(`sops could not decrypt ${x.file.display}: ${reason}`, `${x.file.display} could not be decrypted (reported above)`));
        }
    }
    return failures.length;
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
/** Where the dask-gateway CRDs come from: the local source given, or the upstream URLs of the version. */
function daskCrdSources(options) {
    if (options.daskGatewayCrds) {
        const local = external_node_path_default().resolve(options.paths.configRoot, options.daskGatewayCrds);
        if (!(0,external_node_fs_.existsSync)(local)) {
            throw new errors/* DeployerError */.dg(`dask-gateway CRD source ${options.daskGatewayCrds} does not exist`, {
                hint: 'dask-gateway-crds is a directory (or file) of CRD manifests, relative to the config root',
            });
        }
        return { sources: [local] };
    }
    const version = options.daskGatewayVersion || chartDaskGatewayVersion(options.paths.chartsDir) || DEFAULT_DASK_GATEWAY_VERSION;
    return { sources: daskGatewayCrdUrls(version), version };
}
function ensureDaskCrds(state, log) {
    if (!state.daskCrds) {
        state.daskCrds = (async () => {
            const { options } = state;
            const { sources, version } = daskCrdSources(options);
            if (version)
                log(`Applying dask-gateway ${version} CRDs`);
            for (const s of sources)
                await withHeartbeat(options, log, () => `kubectl apply of ${s}`, 300, () => state.kubectl.apply(s));
        })();
    }
    return state.daskCrds;
}
/**
 * A helm command as a line to paste into bash from the config root: the chart by its repo path, each values file as
 * `prepared.shell` gives it (secret files decrypted on the fly by sops, jsonnet rendered on the fly): no temp path,
 * no secret.
 */
function pasteCommand(args, spec, shell, chartShown) {
    const parts = args.map((a) => {
        if (a === spec.chart)
            return chartShown;
        if (a.startsWith('--values=')) {
            const i = spec.valuesFiles.indexOf(a.slice('--values='.length));
            if (i >= 0)
                return shell[i];
        }
        return a;
    });
    return shellLine(['helm', ...parts]);
}
/** For a chart with local dependencies (daskhub): what pasting the upgrade line needs first. */
function dependencyNote(chartDisplay, sources) {
    if (!Object.keys(sources.subcharts ?? {}).length)
        return undefined;
    return `${chartDisplay} depends on ${Object.values(sources.subcharts ?? {}).join(', ')}: deployer builds that in a private copy; to paste this line, run \`helm dependency build ${chartDisplay}\` first (it writes into ${chartDisplay}/charts)`;
}
/** The CRD step of a hub's dry-run plan. */
function crdStep(options, needsCrds) {
    if (!needsCrds)
        return { comment: 'CRDs: none (only daskhub hubs, or values that enable dask-gateway, need the dask-gateway CRDs)', commands: [] };
    const { sources, version } = daskCrdSources(options);
    return {
        comment: `dask-gateway${version ? ` ${version}` : ''} CRDs (once per run)`,
        commands: sources.map((src) => shellLine(['kubectl', 'apply', '-f', src.startsWith(options.paths.configRoot + (external_node_path_default()).sep) ? (0,repo/* displayPath */.Gt)(options.paths, src) : src, ...(options.kubectlExtraArgs ?? [])])),
    };
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
        const doing = options.dryRun ? 'Rendering' : 'Deploying';
        log.info(state.total > 1 ? `${index + 1} / ${state.total}: ${doing} hub ${hub.name}...` : `${doing} hub ${hub.name}...`);
        // Chart: a workspace copy (dependencies built once per chart per run), or basehub with the override Chart.yaml.
        const override = (0,repo/* chartOverridePath */.cV)(cluster, hub);
        let chartDir;
        let chartDisplay;
        let overrideNote;
        if (override) {
            if (!(0,repo/* isFile */.fo)(override)) {
                throw new errors/* DeployerError */.dg(`chart_override file ${(0,repo/* displayPath */.Gt)(cluster.paths, override)} of hub ${hub.name} does not exist`, {
                    file: cluster.displayFile,
                    ...cluster.yaml.locate(['hubs', hub.index, 'chart_override']),
                    hint: 'create the Chart.yaml override file, or remove chart_override',
                });
            }
            chartDir = await workspace.overrideChartDir(hub.helmChart, override);
            chartDisplay = (0,repo/* displayPath */.Gt)(cluster.paths, external_node_path_default().join(cluster.paths.chartsDir, hub.helmChart));
            overrideNote = `the chart is ${chartDisplay} with ${hub.helmChart === 'basehub' ? 'its' : "basehub's"} Chart.yaml replaced by the chart_override ${(0,repo/* displayPath */.Gt)(cluster.paths, override)}`;
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
        const command = pasteCommand(upgradeArgs(spec, helm.caps), spec, values.shell, chartDisplay);
        // Render errors are located at the chart template in the infra repo, as validate reports them.
        const sources = (0,template/* chartTemplateSources */.Hn)(external_node_path_default().join(cluster.paths.chartsDir, hub.helmChart), (abs) => (0,repo/* displayPath */.Gt)(cluster.paths, abs));
        const needsCrds = hub.helmChart === 'daskhub' || values.enablesDaskGateway;
        if (options.dryRun) {
            const objects = await helm.template(spec, sources);
            log.info([
                `Dry run of hub ${hub.name} (nothing sent to the cluster). Deploying it runs, from the config root, with the cluster's credentials:`,
                ...dryRunPlan(options, { release: hub.name, namespace: hub.name, crds: crdStep(options, needsCrds), upgrade: command, objects, note: [overrideNote, dependencyNote(chartDisplay, sources)].filter(Boolean).join('; ') || undefined }).map((l) => `  ${l}`),
                `chart ${hub.helmChart} ${version ?? '?'} renders ${objects.length} object(s):`,
                ...objects.map((o) => `  ${o}`),
            ].join('\n'));
            return { hub: hub.name, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
        }
        const kubectl = state.kubectl;
        await kubectl.ensureNamespace(hub.name);
        if (needsCrds)
            await ensureDaskCrds(state, log.info);
        await recoverPendingRelease(helm, hub.name, hub.name, { allow: options.recoverPending === true, timeoutS, log: log.warn });
        log.info(`Running ${command}${overrideNote ? `  # ${overrideNote}` : ''}`);
        const r = await withHeartbeat(options, log.info, () => `helm upgrade of ${hub.name}`, timeoutS, () => whileUpgrading(options, hub.name, hub.name, () => helm.upgrade(spec, sources)));
        logHelmSummary(r.stdout, log.info);
        let revision = revisionFromOutput(r.stdout);
        if (revision === null)
            revision = (await helm.history(hub.name, hub.name, 1))?.at(-1)?.revision ?? null;
        if (!options.skipRolloutCheck) {
            let current = `namespace ${hub.name}`;
            const objects = await withHeartbeat(options, log.info, () => `rollout of ${current}`, timeoutS, () => kubectl.rolloutStatus(hub.name, timeoutS, (obj, i, n) => (current = `${obj} (${i + 1}/${n})`)));
            log.info(`rollout complete: ${objects.length} deployment(s)/daemonset(s) ready`);
        }
        log.info(`hub ${hub.name} deployed (revision ${revision ?? '?'}, chart ${hub.helmChart} ${version ?? '?'}) in ${seconds(Date.now() - started)} s`);
        return { hub: hub.name, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
    }
    catch (e) {
        if (e instanceof ReportedError) {
            // Reported in full above (a secret file that does not decrypt): a reference here, the reason in the result.
            log.error(`hub ${hub.name} not deployed: ${e.short}`);
            return { hub: hub.name, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: e.message };
        }
        const error = errorText(e);
        if (e instanceof template/* HelmTemplateError */.JV && e.file) {
            // A render failure: one located line, as validate gives it (an annotation at the template in Actions).
            log.error(`hub ${hub.name}: ${e.message.split('\n').join(' ')}`, { file: e.file, line: e.line, col: e.col });
        }
        else
            log.error(`hub ${hub.name} failed: ${error}`);
        return { hub: hub.name, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error };
    }
    finally {
        await disposables.dispose();
    }
}
/** Deploy the selected hubs of a cluster. Throws only for run-level faults (unknown cluster/hub, bad options). */
async function deployHubs(options) {
    // Usage first: extra args that would change the namespace, the cluster or the credentials are refused.
    checkExtraArgs(options.helmExtraArgs ?? []);
    checkKubectlExtraArgs(options.kubectlExtraArgs ?? []);
    const services = await resolveServices(options.services);
    const cluster = await (0,repo.loadCluster)(options.paths, options.cluster);
    const hubs = selectHubs(cluster, options.hubs);
    const dryRun = options.dryRun === true;
    if (!hubs.length) {
        options.reporter.info(`cluster ${cluster.name} has no hubs: nothing to deploy`);
        return { cluster: cluster.name, dryRun, results: [], failed: [], dependencyBuilds: 0 };
    }
    const info = await helmInfo(options, services);
    const workspace = await services.createChartWorkspace(options.paths, { helm: info.path, reporter: options.reporter, env: toolEnv(options) });
    // Every secret file the hubs use is decrypted once, up front; a failure is reported once (issue 10 §15).
    const secrets = new DecryptCache(services.decryptFile);
    const hubServices = { ...services, decryptFile: secrets.decryptFile };
    let access;
    const notAttempted = (why) => {
        const error = `not attempted: ${why.split('\n')[0]}`;
        const results = hubs.map((h) => ({ hub: h.name, status: 'failed', revision: null, chart_version: null, duration_s: 0, error }));
        return { cluster: cluster.name, dryRun, results, failed: hubs.map((h) => h.name), dependencyBuilds: workspace.dependencyBuilds };
    };
    try {
        if (!dryRun) {
            // Authentication first: with a wrong age key it fails on the cluster's key file, once, and nothing else runs.
            const auth = await authenticateForDeploy(cluster, options, services);
            if (auth.error !== undefined)
                return notAttempted(auth.error);
            access = auth.access;
            // One check that the cluster answers with these credentials: an unreachable cluster or rejected credentials
            // fail the run once, with what to do, instead of once per hub.
            try {
                await kubectlClient(options, services, access).probe(`cluster ${cluster.name}`);
            }
            catch (e) {
                const error = errorText(e);
                options.reporter.error(error);
                return notAttempted(error);
            }
        }
        await preflightSecrets(secrets, hubSecretFiles(cluster, hubs), { reporter: options.reporter, env: toolEnv(options) });
        const log = (m) => options.reporter.info(m);
        const state = {
            cluster,
            options,
            services: hubServices,
            workspace,
            helm: helmClient(info, options, services, access, log),
            kubectl: access ? kubectlClient(options, services, access) : undefined,
            total: hubs.length,
        };
        options.reporter.info(`${dryRun ? 'Dry run of' : 'Deploying'} ${hubs.length} hub(s) of cluster ${cluster.name} with helm ${info.version}` +
            ((options.parallelism ?? 1) > 1 ? `, ${options.parallelism} at a time` : ''));
        if (dryRun) {
            options.reporter.info(`The commands shown are for bash, run from the config root (${shellLine(['cd', options.paths.configRoot])}) with the cluster's credentials ` +
                `(${shellLine(['deployer', 'use-cluster-credentials', cluster.name])}); secret values files are decrypted on the fly by sops, jsonnet rendered by jsonnet. ` +
                'deployer itself deploys a prepared copy of each chart (values.schema.yaml converted, dependencies built).');
        }
        // One hub at a time: each hub's lines in a group of its own (collapsible in Actions); in parallel, groups would
        // interleave, so lines carry a [hub] prefix instead.
        const parallel = (options.parallelism ?? 1) > 1;
        const results = await (0,pool/* mapLimit */.s)(hubs, options.parallelism ?? 1, (hub, i) => parallel ? deployHub(state, hub, i) : options.reporter.group(`${i + 1}/${hubs.length} hub ${hub.name}${dryRun ? ' (dry run)' : ''}`, () => deployHub(state, hub, i)));
        return {
            cluster: cluster.name,
            dryRun,
            results,
            failed: results.filter((r) => r.status === 'failed').map((r) => r.hub),
            dependencyBuilds: workspace.dependencyBuilds,
        };
    }
    finally {
        await secrets.dispose();
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
async function upgradeRelease(step, spec, command, version, started, crds, sources) {
    const { helm, kubectl, options } = step;
    const log = (m) => options.reporter.info(m);
    if (options.dryRun) {
        const objects = await helm.template(spec, sources);
        log([
            `Dry run of ${spec.release} (nothing sent to the cluster). Deploying it runs, from the config root, with the cluster's credentials:`,
            ...dryRunPlan(options, { release: spec.release, namespace: spec.namespace, crds, upgrade: command, objects }).map((l) => `  ${l}`),
            `chart ${spec.release} ${version ?? '?'} renders ${objects.length} object(s):`,
            ...objects.map((o) => `  ${o}`),
        ].join('\n'));
        return { release: spec.release, namespace: spec.namespace, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
    }
    await kubectl.ensureNamespace(spec.namespace);
    await recoverPendingRelease(helm, spec.release, spec.namespace, {
        allow: options.recoverPending === true,
        timeoutS: spec.timeoutS,
        log: (m) => options.reporter.warn(m),
    });
    log(`Running ${command}`);
    const r = await withHeartbeat(options, log, () => `helm upgrade of ${spec.release}`, spec.timeoutS, () => whileUpgrading(options, spec.release, spec.namespace, () => helm.upgrade(spec, sources)));
    logHelmSummary(r.stdout, log);
    let revision = revisionFromOutput(r.stdout);
    if (revision === null)
        revision = (await helm.history(spec.release, spec.namespace, 1))?.at(-1)?.revision ?? null;
    if (!options.skipRolloutCheck) {
        let current = `namespace ${spec.namespace}`;
        const objects = await withHeartbeat(options, log, () => `rollout of ${current}`, spec.timeoutS, () => kubectl.rolloutStatus(spec.namespace, spec.timeoutS, (obj, i, n) => (current = `${obj} (${i + 1}/${n})`)));
        log(`rollout complete in namespace ${spec.namespace}: ${objects.length} deployment(s)/daemonset(s) ready`);
    }
    return { release: spec.release, namespace: spec.namespace, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
}
async function deploySupport(options) {
    // Usage first: extra args that would change the namespace, the cluster or the credentials are refused.
    checkExtraArgs(options.helmExtraArgs ?? []);
    checkKubectlExtraArgs(options.kubectlExtraArgs ?? []);
    const services = await resolveServices(options.services);
    const cluster = await (0,repo.loadCluster)(options.paths, options.cluster);
    const dryRun = options.dryRun === true;
    if (!cluster.support) {
        const message = `cluster ${cluster.name} has no \`support\` section in ${cluster.displayFile}: nothing to deploy (cert-manager and the support chart are left untouched)`;
        options.reporter.info(message);
        return { cluster: cluster.name, status: 'skipped', dryRun, message, releases: [] };
    }
    const extra = options.helmExtraArgs ?? [];
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
                values.shell.splice(1, 0, ...rendered.shell);
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
        if (step.kubectl) {
            // One check that the cluster answers with these credentials, before any release (issue 10 §15).
            try {
                await step.kubectl.probe(`cluster ${cluster.name}`);
            }
            catch (e) {
                const error = errorText(e);
                options.reporter.error(error);
                const why = `not attempted: ${error.split('\n')[0]}`;
                const releases = [...(options.skipCertManager ? [] : [failed('cert-manager', 'cert-manager', why, supportStarted)]), failed('support', 'support', why, supportStarted)];
                return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases };
            }
        }
        if (dryRun) {
            options.reporter.info(`The commands shown are for bash, run from the config root (${shellLine(['cd', options.paths.configRoot])}) with the cluster's credentials ` +
                `(${shellLine(['deployer', 'use-cluster-credentials', cluster.name])}); secret values files are decrypted on the fly by sops.`);
        }
        // 1. cert-manager
        if (!options.skipCertManager) {
            const started = Date.now();
            let version = certVersion;
            // Each release's lines in a group of its own (collapsible in Actions).
            const ok = await options.reporter.group(`cert-manager${dryRun ? ' (dry run)' : ''}`, async () => {
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
                    const command = shellLine(['helm', ...upgradeArgs(spec, step.helm.caps).map((a) => (a === spec.chart ? chartShown : a))]);
                    const crdStep = {
                        comment: 'cert-manager CRDs',
                        commands: [shellLine(['kubectl', 'apply', '-f', /^https?:\/\//.test(crds) ? crds : (0,repo/* displayPath */.Gt)(options.paths, crds), ...(options.kubectlExtraArgs ?? [])])],
                    };
                    if (dryRun && !options.certManagerChart) {
                        // The jetstack chart is not downloaded for a dry run: the plan without the rendered objects.
                        options.reporter.info([
                            'Dry run of cert-manager (nothing sent to the cluster, the chart not downloaded). Deploying it runs, from the config root, with the cluster\'s credentials:',
                            ...dryRunPlan({ ...options, skipRolloutCheck: true }, { release: 'cert-manager', namespace: 'cert-manager', crds: crdStep, upgrade: command, objects: [] }).map((l) => `  ${l}`),
                            ...(options.skipRolloutCheck ? [] : ['  # 5. rollout check of the namespace\'s Deployments (kubectl rollout status --namespace=cert-manager ...)']),
                        ].join('\n'));
                        releases.push({ release: 'cert-manager', namespace: 'cert-manager', status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null });
                    }
                    else {
                        if (!dryRun)
                            await withHeartbeat(options, (m) => options.reporter.info(m), () => `kubectl apply of ${crds}`, 300, () => step.kubectl.apply(crds));
                        releases.push(await upgradeRelease(step, spec, command, version, started, crdStep));
                    }
                    options.reporter.info('Done!');
                    return true;
                }
                catch (e) {
                    const error = errorText(e);
                    options.reporter.error(`cert-manager failed: ${error}`);
                    releases.push(failed('cert-manager', 'cert-manager', error, started, version));
                    releases.push(failed('support', 'support', 'not attempted: cert-manager failed first', supportStarted));
                    return false;
                }
            });
            if (!ok)
                return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases };
        }
        // 2. the support chart
        await options.reporter.group(`support${dryRun ? ' (dry run)' : ''}`, async () => {
            const started = Date.now();
            const version = chartVersion(supportChart);
            try {
                options.reporter.info('Provisioning support charts...');
                const spec = { release: 'support', namespace: 'support', chart: supportChart, valuesFiles: values.files, timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
                const command = shellLine([
                    'helm',
                    ...upgradeArgs(spec, step.helm.caps).map((a) => {
                        if (a === supportChart)
                            return supportDisplay;
                        const i = a.startsWith('--values=') ? values.files.indexOf(a.slice(9)) : -1;
                        return i >= 0 ? values.shell[i] : a;
                    }),
                ]);
                const sources = (0,template/* chartTemplateSources */.Hn)(supportSrc, (abs) => (0,repo/* displayPath */.Gt)(options.paths, abs));
                releases.push(await upgradeRelease(step, spec, command, version, started, { comment: 'CRDs: none for the support chart (cert-manager\'s are applied with cert-manager)', commands: [] }, sources));
                options.reporter.info('Done!');
            }
            catch (e) {
                const error = errorText(e);
                options.reporter.error(`support chart failed: ${error}`);
                releases.push(failed('support', 'support', error, started, version));
            }
        });
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
    // A run-level failure (authentication, an unreachable cluster) is the same for every row and is printed in full
    // above the table: the row says what, not the whole reason again.
    const notAttempted = /^not attempted: ([^:]+): /.exec(error);
    if (notAttempted)
        return `not attempted: ${notAttempted[1]} (see the error above)`;
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




// EXTERNAL MODULE: ./src/cli/common.ts + 1 modules
var common = __webpack_require__(76562);
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

/***/ 42179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ renderJsonnet),
/* harmony export */   In: () => (/* binding */ jsonnetVars),
/* harmony export */   dx: () => (/* binding */ jsonnetArgs),
/* harmony export */   rD: () => (/* binding */ missingStdFunctionHint),
/* harmony export */   t7: () => (/* binding */ detectJsonnet),
/* harmony export */   zS: () => (/* binding */ jsonnetSource)
/* harmony export */ });
/* unused harmony exports GO_JSONNET_PINNED, parseJsonnetVersion */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27564);
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
/** The version go-jsonnet the actions install (src/shared/exec/install.ts) and the 2026 charts need. */
const GO_JSONNET_PINNED = '0.20.0';
/** Read `jsonnet --version` output: go-jsonnet says `Jsonnet commandline interpreter (Go implementation) v0.20.0`. */
function parseJsonnetVersion(output) {
    const banner = output.trim().split('\n')[0] ?? '';
    const version = /v(\d+\.\d+\.\d+)/.exec(banner)?.[1] ?? '';
    const implementation = /Go implementation/i.test(banner) ? 'go' : /commandline interpreter/i.test(banner) ? 'cpp' : 'unknown';
    return { implementation, version, banner };
}
const detected = new Map();
/** Detect the implementation and version of a jsonnet binary: `--version` runs once per binary per process. */
function detectJsonnet(bin, env, runner = _exec_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runTool */ .qI) {
    let p = detected.get(bin);
    if (!p) {
        p = runner(bin, ['--version'], { env, timeoutMs: 30_000, allowFailure: true }).then((r) => parseJsonnetVersion(r.stdout || r.stderr), () => ({ implementation: 'unknown', version: '', banner: '' }));
        detected.set(bin, p);
    }
    return p;
}
/**
 * When a render failed because the jsonnet in use lacks a `std` function the file calls (the 2026 charts use
 * `std.splitLimitR` and `std.any`, which C++ jsonnet 0.18 lacks: `RUNTIME ERROR: field does not exist: splitLimitR`),
 * say so and how to fix it; otherwise undefined.
 */
function missingStdFunctionHint(errorText, fileText, info) {
    const m = /field does not exist: ([A-Za-z_][A-Za-z0-9_]*)/i.exec(errorText);
    if (!m)
        return undefined;
    const fn = m[1];
    if (!new RegExp(`\\bstd\\s*\\.\\s*${fn}\\b`).test(fileText))
        return undefined;
    const which = info.implementation === 'go' ? `go-jsonnet ${info.version || '(unknown version)'}` : info.implementation === 'cpp' ? `the C++ jsonnet ${info.version || ''}`.trimEnd() : `this jsonnet (${info.banner || 'version unknown'})`;
    return (`std.${fn} does not exist in ${which}: the charts need go-jsonnet ${GO_JSONNET_PINNED} or newer (as upstream, which refuses any other implementation). ` +
        `The deployer actions install the pinned go-jsonnet ${GO_JSONNET_PINNED}; locally, install go-jsonnet (https://github.com/google/go-jsonnet/releases) ` +
        'and point DEPLOYER_JSONNET at its `jsonnet` binary');
}
/** The file's text, for the missing-function check ('' when it cannot be read). */
function jsonnetSource(abs) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8');
    }
    catch {
        return '';
    }
}
/** Render `abs` to a private temp JSON file. A jsonnet error is a DeployerError naming the file. */
async function renderJsonnet(abs, options) {
    const tmp = await (0,_secrets_tempdir_js__WEBPACK_IMPORTED_MODULE_2__/* .privateTempDir */ .nX)('jsonnet');
    const out = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp.dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(abs).replace(/\.jsonnet$/, '') + '.json');
    const dispose = () => tmp.dispose();
    const jsonnet = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolPath */ .O)('jsonnet', options.env ?? process.env);
    try {
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
            const text = (e.result.stderr || e.result.stdout).trim();
            const detail = text.split('\n').slice(0, 12).join('\n');
            const missing = missingStdFunctionHint(text, jsonnetSource(abs), await detectJsonnet(jsonnet, options.env, options.runner));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployerError */ .dg(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
                file: options.display,
                hint: missing ?? 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
            });
        }
        throw e;
    }
}


/***/ }),

/***/ 20630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ chartTemplateSources),
/* harmony export */   JV: () => (/* binding */ HelmTemplateError),
/* harmony export */   Zp: () => (/* binding */ helmTemplate),
/* harmony export */   zt: () => (/* binding */ renderFailure)
/* harmony export */ });
/* unused harmony exports cleanHelmError, locateRenderError, templateSourceFile, mapTemplateRefs */
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27564);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27327);
/**
 * `helm template` through the exec runner. A render failure becomes a HelmTemplateError: a DeployerError located at
 * the chart template file and line helm names (mapped from the temporary chart copy back to the infra repo), with
 * helm's message cleaned of its noise ("Error: ", "Use --debug flag ...") and of temporary paths.
 */






class HelmTemplateError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployerError */ .dg {
    /** helm's message, cleaned (no `Error:` prefix, no temp paths). */
    detail;
    /** True when helm rejected the values against a chart's values schema (rather than a template failing). */
    schemaError;
    constructor(detail, location, schemaError) {
        super(schemaError ? `the values do not match the chart's values schema:\n${detail}` : `helm template failed: ${detail}`, {
            ...location,
            hint: schemaError
                ? 'fix the values named above (the chart schema is values.schema.yaml of the chart)'
                : 'the chart could not be rendered with these values: fix the value the template needs, or the template',
        });
        this.name = 'HelmTemplateError';
        this.detail = detail;
        this.schemaError = schemaError;
    }
}
/** Clean helm's stderr into the message a person wants to read. */
function cleanHelmError(stderr, chartDir) {
    let text = stderr
        .split('\n')
        .filter((l) => !/^Use --debug flag to render out invalid YAML/.test(l.trim()))
        .join('\n')
        .trim()
        .replace(/^Error: /, '');
    if (chartDir)
        text = text.split(chartDir).join('<chart>');
    // helm 4 splits `file:line:col\n  executing ...:\n    reason` over several lines: join them.
    return text.replace(/\n\s+/g, ' ').trim();
}
/**
 * Where a render error points: `basehub/templates/x.yaml:6:15` (template error; the innermost one of an include chain),
 * `(basehub/templates/x.yaml:3)` (parse error), `YAML parse error on basehub/templates/x.yaml` (no line: the fault is
 * in the rendered output).
 * Returns the file as it lives in the infra repo, when `sources` knows it.
 */
function locateRenderError(message, sources) {
    // An error inside an `include`d template names the including template first and the faulty one last: take the last.
    const all = [...message.matchAll(/([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)(?::(\d+))?/g)];
    const m = all.length ? all[all.length - 1] : /(?:YAML parse error on )([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(message);
    if (!m || !sources)
        return undefined;
    const file = templateSourceFile(m[1], sources);
    if (!file)
        return undefined;
    return { file, line: m[2] ? Number(m[2]) : 1, col: m[3] ? Number(m[3]) : 1, matched: m[1] };
}
const TEMPLATE_REF = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/g;
/** `daskhub/charts/basehub/templates/x.yaml` -> `helm-charts/basehub/templates/x.yaml` (undefined if not in the repo). */
function templateSourceFile(ref, sources) {
    const parts = ref.split('/');
    const t = parts.lastIndexOf('templates');
    // parts: top [charts sub]* templates rest...
    const chain = parts.slice(0, t);
    let dir = sources.top;
    if (chain.length > 1) {
        // top/charts/sub[/charts/sub2...]: only a direct local subchart maps back to the repo.
        const subs = chain.filter((_, i) => i > 0 && chain[i - 1] === 'charts');
        dir = subs.length === 1 ? sources.subcharts?.[subs[0]] : undefined;
    }
    return dir ? `${dir}/${parts.slice(t).join('/')}` : undefined;
}
/** Every template reference of a message named as it is in the infra repo, where it is there. */
function mapTemplateRefs(message, sources) {
    if (!sources)
        return message;
    return message.replace(TEMPLATE_REF, (ref) => templateSourceFile(ref, sources) ?? ref);
}
/**
 * Where a chart's templates live in the infra repo, for locating render errors: the chart's own directory, and its
 * `file://` dependencies (daskhub's basehub) by name.
 */
function chartTemplateSources(chartSrcDir, display) {
    const subcharts = {};
    try {
        const deps = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)((0,node_fs__WEBPACK_IMPORTED_MODULE_3__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(chartSrcDir, 'Chart.yaml'), 'utf8'), 'Chart.yaml').value?.dependencies;
        for (const d of Array.isArray(deps) ? deps : []) {
            if (typeof d?.name === 'string' && typeof d.repository === 'string' && d.repository.startsWith('file://')) {
                subcharts[d.name] = display(node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(chartSrcDir, d.repository.slice('file://'.length)));
            }
        }
    }
    catch {
        /* no dependencies known: errors in subcharts stay unlocated */
    }
    return { top: display(chartSrcDir), subcharts };
}
/**
 * A failed `helm template` / `helm upgrade` whose message names a chart template (or the values schema), as the
 * located HelmTemplateError validate reports; undefined when the failure is about something else.
 */
function renderFailure(stderr, chartDir, sources) {
    const detail = cleanHelmError(stderr, chartDir).replace(/^(UPGRADE|INSTALLATION) FAILED: /, '');
    if (/don't meet the specifications of the schema/.test(detail))
        return new HelmTemplateError(stderr.trim().replace(/^Error: /, '').split(chartDir).join('<chart>'), {}, true);
    const found = locateRenderError(detail, sources);
    if (!found)
        return undefined;
    const { matched: _m, ...location } = found;
    return new HelmTemplateError(mapTemplateRefs(detail, sources), location, false);
}
async function helmTemplate(options) {
    const helm = options.helm ?? (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_1__/* .toolPath */ .O)('helm', options.env ?? process.env);
    const args = ['template', options.release, options.chartDir, '--namespace', options.namespace];
    for (const f of options.valuesFiles)
        args.push(`--values=${f}`);
    for (const s of options.set ?? [])
        args.push(`--set=${s}`);
    if (options.skipSchemaValidation)
        args.push('--skip-schema-validation');
    args.push(...(options.extraArgs ?? []));
    try {
        const r = await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runTool */ .qI)(helm, args, { env: options.env, timeoutMs: options.timeoutMs ?? 2 * 60_000, maxBuffer: 64 * 1024 * 1024 });
        return { manifest: r.stdout, durationMs: r.durationMs };
    }
    catch (e) {
        if (e instanceof _exec_run_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolError */ .v4 && !e.result.timedOut && e.result.code !== null) {
            const detail = cleanHelmError(e.result.stderr || e.result.stdout, options.chartDir);
            const schemaError = /don't meet the specifications of the schema/.test(detail);
            if (schemaError)
                throw new HelmTemplateError(e.result.stderr.trim().replace(/^Error: /, ''), {}, true);
            const found = locateRenderError(detail, options.sources);
            if (!found)
                throw new HelmTemplateError(detail, {}, false);
            // Name the template as it is in the infra repo (not `daskhub/charts/basehub/...` inside the packaged chart).
            const { matched: _m, ...location } = found;
            throw new HelmTemplateError(mapTemplateRefs(detail, options.sources), location, false);
        }
        throw e;
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
