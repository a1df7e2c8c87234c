export const id = 9343;
export const ids = [9343,9894,108];
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

/***/ 75051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   tf: () => (/* binding */ formatFinding)
/* harmony export */ });
/* unused harmony export countErrors */
function sortFindings(findings) {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}
function countErrors(findings) {
    return findings.filter((f) => f.severity === 'error').length;
}
function formatFinding(f) {
    return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}


/***/ }),

/***/ 29894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkClusterSchema: () => (/* binding */ checkClusterSchema)
});

// UNUSED EXPORTS: clusterSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(27327);
;// CONCATENATED MODULE: ./src/shared/repo/cluster.schema.json
const cluster_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"urn:deployer:schema:cluster.yaml:v1","title":"cluster.yaml","description":"One cluster of the infra repo: `<clusters-dir>/<name>/cluster.yaml`. Accepts the 2023 and the 2026 shapes of upstream\'s cluster.yaml and validates every hub (upstream validated only `hubs[0]`). Where this schema is stricter or looser than upstream, and why: src/shared/repo/README.md.","type":"object","additionalProperties":false,"required":["name","provider"],"properties":{"name":{"type":"string","description":"The cluster name. Must equal the name of the directory holding cluster.yaml: deploys address a cluster by its directory, so `validate` reports a mismatch as an error and the planner refuses to plan such a cluster.","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"metadata":{"type":"object","description":"Free-form metadata about the cluster (2026 shape). Not used by deploys.","properties":{"2i2c":{"type":"object","description":"2i2c\'s own bookkeeping. When present it must hold `hubspot_deal_id`.","required":["hubspot_deal_id"],"properties":{"hubspot_deal_id":{"type":"integer","description":"The HubSpot deal this cluster belongs to."}}}}},"provider_url":{"type":"string","description":"Link to this cluster in the provider\'s web console (2026 shape). Not checked to be a URL, as upstream."},"provider":{"type":"string","enum":["gcp","kubeconfig","aws","azure"],"description":"How the deployer authenticates to the cluster. The block of the same name (`gcp`, `aws`, `azure`, `kubeconfig`) is required."},"tenancy":{"type":"string","enum":["dedicated","shared"],"description":"Whether the cluster runs one community (dedicated) or several (shared). Used by the cost table only; upstream documents `dedicated` as the default."},"account":{"type":"string","description":"2023 shape: the account used to reach the provider console (removed upstream in 2026, still accepted)."},"support":{"type":"object","additionalProperties":false,"description":"The support chart (ingress, monitoring, ...) of this cluster. Leave it out for a cluster without one.","required":["helm_chart_values_files"],"properties":{"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles","description":"Values files of the support chart, relative to the cluster directory, in order (later files win). Files whose name contains `secret` are sops-encrypted."}}},"kubeconfig":{"type":"object","additionalProperties":false,"description":"Reach the cluster with a kubeconfig file (provider `kubeconfig`).","properties":{"file":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted kubeconfig, relative to the cluster directory (by convention `enc-deployer-credentials.secret.yaml`). Omit it to use ambient credentials."}}},"gcp":{"type":"object","additionalProperties":false,"description":"Reach a GKE cluster (provider `gcp`).","required":["project","cluster","zone"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted service-account JSON key, relative to the cluster directory. Omit it to use ambient credentials."},"project":{"type":"string","description":"The GCP project ID holding the cluster.","minLength":1},"cluster":{"type":"string","description":"The GKE cluster name inside the project.","minLength":1},"zone":{"type":"string","description":"The zone of a zonal cluster, or the region of a regional one.","minLength":1},"billing":{"$ref":"#/definitions/gcpBilling","description":"Who pays for the cluster, and where its costs are exported."}}},"aws":{"type":"object","additionalProperties":false,"description":"Reach an EKS cluster (provider `aws`).","required":["clusterType","clusterName","region"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted JSON access key of the deployer IAM user, relative to the cluster directory. Omit it to use ambient credentials."},"clusterType":{"type":"string","enum":["eks"],"description":"The kind of cluster; only EKS is supported."},"clusterName":{"type":"string","description":"The EKS cluster name (may differ from the directory name).","minLength":1},"region":{"type":"string","description":"The AWS region of the cluster.","minLength":1},"account":{"description":"The AWS account ID (2026 shape): an integer as upstream writes it, or a 12-digit string (which keeps leading zeros).","oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[0-9]{12}$"}]},"billing":{"$ref":"#/definitions/awsBilling","description":"Who pays for the cluster. AWS costs do not come from a BigQuery export, so only `paid_by_us` is required."}}},"azure":{"type":"object","additionalProperties":false,"description":"Reach an AKS cluster (provider `azure`).","required":["resource_group","cluster"],"properties":{"key":{"$ref":"#/definitions/relativeFile","description":"The sops-encrypted service principal JSON, relative to the cluster directory. Omit it to use ambient credentials."},"resource_group":{"type":"string","description":"The Azure resource group holding the cluster.","minLength":1},"cluster":{"type":"string","description":"The AKS cluster name inside the resource group.","minLength":1}}},"hubs":{"type":"array","description":"The hubs deployed on this cluster. Every item is checked (upstream checked only the first).","items":{"$ref":"#/definitions/hub"}}},"allOf":[{"if":{"properties":{"provider":{"const":"gcp"}},"required":["provider"]},"then":{"required":["gcp"]}},{"if":{"properties":{"provider":{"const":"aws"}},"required":["provider"]},"then":{"required":["aws"]}},{"if":{"properties":{"provider":{"const":"azure"}},"required":["provider"]},"then":{"required":["azure"]}},{"if":{"properties":{"provider":{"const":"kubeconfig"}},"required":["provider"]},"then":{"required":["kubeconfig"]}}],"definitions":{"relativeFile":{"type":"string","minLength":1,"description":"A file path relative to the cluster directory; it must stay inside it."},"valuesFiles":{"type":"array","minItems":1,"description":"Helm values files, relative to the cluster directory, passed to helm in order (later files win).","items":{"$ref":"#/definitions/relativeFile"}},"paidByUs":{"type":"boolean","description":"True when the cloud bill is paid by the operator of the fleet (and recovered from the community)."},"gcpBilling":{"type":"object","additionalProperties":false,"description":"Billing of a GKE cluster. When `paid_by_us` is true, `bigquery` says where the billing export is.","required":["paid_by_us"],"properties":{"paid_by_us":{"$ref":"#/definitions/paidByUs"},"bigquery":{"type":"object","additionalProperties":false,"description":"Where the cost export of the billing account lives in BigQuery.","required":["project","dataset","billing_id"],"properties":{"project":{"type":"string","description":"The project holding the BigQuery billing export.","minLength":1},"dataset":{"type":"string","description":"The BigQuery dataset of the billing export.","minLength":1},"billing_id":{"type":"string","description":"The billing account ID, `XXXXXX-XXXXXX-XXXXXX` (upper-case hexadecimal).","pattern":"^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$"}}}},"if":{"properties":{"paid_by_us":{"const":true}},"required":["paid_by_us"]},"then":{"required":["bigquery"]}},"awsBilling":{"type":"object","additionalProperties":false,"description":"Billing of an EKS cluster.","required":["paid_by_us"],"properties":{"paid_by_us":{"$ref":"#/definitions/paidByUs"},"active_cost_tags":{"type":"boolean","description":"Whether cost allocation tags are activated in the account (an upstream shape of 2024-2025; still accepted, not required)."}}},"hub":{"type":"object","additionalProperties":false,"description":"One hub.","required":["name","domain","helm_chart","helm_chart_values_files"],"properties":{"name":{"type":"string","description":"The hub name: also its Kubernetes namespace and helm release name, so a DNS label of at most 53 characters (helm\'s release name limit). A name containing `staging` is deployed before the others.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":53},"display_name":{"type":"string","description":"A long name for people (websites, reports)."},"uptime_check":{"type":"object","additionalProperties":false,"description":"How an uptime check should probe this hub.","properties":{"expected_status":{"type":["string","integer"],"description":"The HTTP status the hub answers with (default 200; e.g. 401 behind basic auth)."}}},"domain":{"type":"string","description":"The hub\'s domain name; the health check opens `https://<domain>`.","minLength":1},"domain_override_file":{"$ref":"#/definitions/relativeFile","description":"A (usually sops-encrypted) YAML file holding `domain:` that replaces `domain` at deploy and health-check time, relative to the cluster directory."},"helm_chart":{"type":"string","enum":["basehub","daskhub","binderhub"],"description":"The chart the hub deploys: a directory under the charts dir (`helm-charts` by default)."},"chart_override":{"$ref":"#/definitions/relativeFile","description":"A Chart.yaml that replaces the chart\'s own (2026 shape): a path with `/` is relative to the config root, else to the cluster directory; it must stay inside the config root."},"helm_chart_values_files":{"$ref":"#/definitions/valuesFiles","description":"Values files of the hub, relative to the cluster directory, in order (later files win). Files whose name contains `secret` are sops-encrypted; `*.jsonnet` files are rendered first."}}}}}');
;// CONCATENATED MODULE: ./src/shared/repo/schema.ts
/**
 * The cluster.yaml schema check: ajv compiled once per process, every error translated into a Finding located in the
 * YAML file (line and column of the offending key or value) with a readable message.
 */



let compiled;
function clusterSchema() {
    return schema;
}
function validator() {
    if (!compiled) {
        const ajv = new dist_ajv.Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
        compiled = ajv.compile(cluster_schema_namespaceObject);
    }
    return compiled;
}
function describeType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `a ${typeof v} (${JSON.stringify(v)})`;
}
function humanPath(path) {
    return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : 'the top level';
}
/** Translate one ajv error into a Finding. Returns undefined for errors that only restate others (if/then, oneOf). */
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
function toFinding(err, y) {
    const path = (0,yaml/* pointerToPath */.ox)(err.instancePath);
    const data = valueAt(y.value, path);
    const where = humanPath(path);
    const p = err.params;
    let message;
    let locPath = path;
    let atKey = false;
    switch (err.keyword) {
        case 'required':
            message = `missing required key \`${String(p.missingProperty)}\` in ${where}`;
            break;
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            locPath = [...path, key];
            atKey = true;
            const parent = (err.parentSchema ?? {});
            const allowed = Object.keys(parent.properties ?? {}).join(', ');
            message = `unknown key \`${key}\` in ${where}${allowed ? ` (allowed: ${allowed})` : ''}`;
            break;
        }
        case 'enum':
            message = `${where} is ${JSON.stringify(data)}, which is not one of: ${p.allowedValues.join(', ')}`;
            break;
        case 'type':
            message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describeType(data)}`;
            break;
        case 'pattern':
            message = `${where} is ${JSON.stringify(data)}, which does not match the pattern ${String(p.pattern)}`;
            break;
        case 'minItems':
            message = `${where} must list at least ${String(p.limit)} item(s)`;
            break;
        case 'minLength':
            message = `${where} must not be empty`;
            break;
        case 'maxLength':
            message = `${where} is longer than ${String(p.limit)} characters`;
            break;
        case 'oneOf':
            message = `${where} is ${describeType(data)}, which is not a valid value here`;
            break;
        case 'if':
            return undefined;
        default:
            message = `${where} ${err.message ?? 'is invalid'}`;
    }
    const pos = atKey ? y.locateKey(locPath) : y.locate(locPath);
    return { file: y.file, line: pos.line, col: pos.col, path: (0,yaml/* pathToPointer */.Qb)(locPath), message, severity: 'error' };
}
/** Validate a parsed cluster.yaml against the schema. Every error is reported, in file order. */
function checkClusterSchema(y) {
    const validate = validator();
    if (validate(y.value))
        return [];
    const errors = validate.errors ?? [];
    // A oneOf failure also reports each branch's failure; keep only the oneOf summary for that path.
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const seen = new Set();
    const findings = [];
    for (const e of errors) {
        if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/'))
            continue;
        const f = toFinding(e, y);
        if (!f)
            continue;
        const key = `${f.line}:${f.col}:${f.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(f);
    }
    return findings.sort((a, b) => a.line - b.line || a.col - b.col);
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
