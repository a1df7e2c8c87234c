export const id = 584;
export const ids = [584,336];
export const modules = {

/***/ 584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   authenticate: () => (/* binding */ authenticate),
/* harmony export */   isCredentialVar: () => (/* binding */ isCredentialVar),
/* harmony export */   isolatedEnv: () => (/* binding */ isolatedEnv),
/* harmony export */   servicePrincipal: () => (/* binding */ servicePrincipal),
/* harmony export */   withClusterAccess: () => (/* binding */ withClusterAccess)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8382);
/* harmony import */ var _exec_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4466);
/* harmony import */ var _exec_tools_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7564);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3422);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5336);
/**
 * Cluster access per provider. Each call returns its own KubeAccess: a private 0700 directory holding the kubeconfig
 * (and, for gcp, the decrypted key; for azure, the az config), and a whole environment built for it. process.env is
 * never touched, so two clusters can be open at once in one process without seeing each other's credentials.
 *
 * The environment of every KubeAccess starts from the caller's (default process.env) minus KUBECONFIG and minus every
 * cloud credential variable (AWS_*, GOOGLE_APPLICATION_CREDENTIALS, CLOUDSDK_*, GOOGLE_GHA_CREDS_PATH, AZURE_*,
 * ARM_*; CA-bundle and proxy settings such as AWS_CA_BUNDLE and CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE are kept); the
 * provider then adds exactly what it needs. With ambient credentials (`ambient: true`, or no key in
 * cluster.yaml) the provider's own variables are inherited instead (for gcp: GOOGLE_*, CLOUDSDK_*, GCLOUD_*; for aws:
 * AWS_*; for azure: AZURE_*, ARM_*), and for a `kubeconfig` cluster $KUBECONFIG is used as given. Ambient means the
 * caller's own: variables `env` lacks (a tool environment drops KUBECONFIG and AWS_* on purpose) are taken from
 * `ambientEnv` (default process.env).
 *
 * Provider recipes (upstream A.4, with its bugs fixed):
 * - kubeconfig: decrypt `kubeconfig.file` into the private directory; KUBECONFIG = that file.
 * - gcp: decrypt `gcp.key` and keep it for the whole session (the gke-gcloud-auth-plugin reads it through
 *   CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE); GOOGLE_APPLICATION_CREDENTIALS = the same file; private CLOUDSDK_CONFIG;
 *   `gcloud container clusters --zone=<zone> --project=<project> get-credentials <cluster>` writes KUBECONFIG.
 * - aws: decrypt `aws.key` (the JSON of `aws iam create-access-key`) into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
 *   only; the decrypted file is deleted at once; `aws eks update-kubeconfig --name=<clusterName> --region=<region>
 *   --kubeconfig=<private>`.
 * - azure: decrypt `azure.key`, a service principal JSON: `{"appId"|"service_principal_id", "password"|
 *   "service_principal_password", "tenant"|"tenant_id", optional "subscription_id"|"subscriptionId"}` (the output of
 *   `az ad sp create-for-rbac` works as is); private AZURE_CONFIG_DIR; `az login --service-principal`, `az account
 *   set --subscription` when given, `az aks get-credentials --name <cluster> --resource-group <rg> --file <private>`.
 */










const GCP_VARS = /^(GOOGLE_|CLOUDSDK_|GCLOUD_)/;
const AWS_VARS = /^AWS_/;
const AZURE_VARS = /^(AZURE_|ARM_)/;
/** Network settings, not credentials: always inherited (a runner behind a TLS-inspecting proxy needs them). */
const NETWORK_VARS = /^(AWS_CA_BUNDLE|CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE|CLOUDSDK_PROXY_[A-Z_]+)$/;
/** True for variables that carry cloud credentials or select a cluster: never inherited unless ambient. */
function isCredentialVar(name) {
    if (NETWORK_VARS.test(name))
        return false;
    return name === 'KUBECONFIG' || GCP_VARS.test(name) || AWS_VARS.test(name) || AZURE_VARS.test(name);
}
/** The caller's environment without KUBECONFIG and without cloud credentials; `keep` re-admits a provider's own. */
function isolatedEnv(base, keep) {
    const env = {};
    for (const [k, v] of Object.entries(base)) {
        if (v === undefined)
            continue;
        if (isCredentialVar(k) && !(keep && k !== 'KUBECONFIG' && keep.test(k)))
            continue;
        env[k] = v;
    }
    return env;
}
function block(cluster, provider) {
    const b = cluster.spec[provider];
    if (b === null || typeof b !== 'object' || Array.isArray(b)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`cluster ${cluster.name} has \`provider: ${provider}\` but no \`${provider}:\` section`, {
            file: cluster.displayFile,
            ...cluster.yaml.locate(['provider']),
            hint: `add a \`${provider}:\` mapping (see the cluster schema), or run \`deployer validate cluster-config ${cluster.name}\``,
        });
    }
    return b;
}
function required(cluster, provider, b, key) {
    const v = b[key];
    if (typeof v !== 'string' || !v) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`\`${provider}.${key}\` is required to authenticate to cluster ${cluster.name}`, {
            file: cluster.displayFile,
            ...cluster.yaml.locate([provider]),
            hint: `set \`${provider}.${key}\` in cluster.yaml`,
        });
    }
    return v;
}
/** Resolve and check a key file named in cluster.yaml (inside the cluster directory, existing). */
function keyFile(cluster, provider, field) {
    const ref = cluster.spec[provider][field];
    const pointer = [provider, field];
    const abs = (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveInCluster */ .aj)(cluster, ref, pointer);
    const display = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(cluster.paths.configRoot, abs).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).join('/');
    if (!(0,_repo_index_js__WEBPACK_IMPORTED_MODULE_8__/* .isFile */ .fo)(abs)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`\`${provider}.${field}\` names ${display}, which does not exist`, {
            file: cluster.displayFile,
            ...cluster.yaml.locate(pointer),
            hint: 'the path is relative to the cluster directory; commit the sops-encrypted file there',
        });
    }
    return { abs, display };
}
/**
 * The environment ambient credentials are read from: `base` plus the credential variables of the caller's own
 * environment (`opts.ambientEnv`, default process.env) that `base` lacks. Without this, a CLI run whose tool
 * environment drops KUBECONFIG and AWS_* would ask for ambient credentials and find none.
 */
function withCallerCredentials(base, opts) {
    const caller = opts.ambientEnv ?? process.env;
    if (caller === base)
        return base;
    const added = {};
    for (const [k, v] of Object.entries(caller))
        if (v !== undefined && isCredentialVar(k) && base[k] === undefined)
            added[k] = v;
    return { ...added, ...base };
}
function useAmbient(cluster, provider, field, opts) {
    if (opts.ambient)
        return true;
    const b = cluster.spec[provider];
    if (!b || b[field] === undefined || b[field] === null || b[field] === '') {
        opts.reporter.info(`cluster ${cluster.name}: no \`${provider}.${field}\` in cluster.yaml, so using the credentials already in the environment`);
        return true;
    }
    return false;
}
/** Mask the credential-bearing fields of a kubeconfig a cloud CLI wrote (tokens, client keys, passwords). */
function maskKubeconfig(file, reporter) {
    let doc;
    try {
        doc = yaml__WEBPACK_IMPORTED_MODULE_4__.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return;
    }
    const walk = (node, key) => {
        if (Array.isArray(node))
            node.forEach((n) => walk(n, key));
        else if (node && typeof node === 'object')
            for (const [k, v] of Object.entries(node))
                walk(v, k);
        else if (typeof node === 'string' && key && /token|secret|password|key-data|client-key|certificate-data|id-token|refresh/i.test(key))
            (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.maskValue)(node, reporter);
    };
    walk(doc);
}
function checkKubeconfigWritten(file, cluster, command) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).size === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`\`${command}\` succeeded but wrote no kubeconfig for cluster ${cluster.name}`, {
            file: cluster.displayFile,
            hint: 'check the cluster name and location in cluster.yaml, and that the cloud CLI is recent',
        });
    }
}
class Session {
    cleanups = [];
    disposed = false;
    add(fn) {
        this.cleanups.push(fn);
    }
    async dispose() {
        if (this.disposed)
            return;
        this.disposed = true;
        let first;
        for (const fn of this.cleanups.reverse()) {
            try {
                await fn();
            }
            catch (e) {
                first ??= e;
            }
        }
        if (first)
            throw first;
    }
}
async function cli(tool, args, env, cluster, opts, hint) {
    const bin = (0,_exec_tools_js__WEBPACK_IMPORTED_MODULE_7__/* .toolPath */ .O)(tool, env);
    const r = await (0,_exec_run_js__WEBPACK_IMPORTED_MODULE_6__/* .runTool */ .qI)(bin, args, { env, timeoutMs: opts.timeoutMs ?? 180_000, allowFailure: true });
    if (r.code !== 0) {
        const detail = (r.stderr || r.stdout).trimEnd().split('\n').slice(-15).join('\n');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`could not get credentials for cluster ${cluster.name}: \`${tool} ${args.slice(0, 3).join(' ')}\` ${r.timedOut ? 'timed out' : `failed with exit code ${r.code}`}${detail ? `:\n${detail}` : ''}`, { file: cluster.displayFile, hint });
    }
}
async function kubeconfigAuth(cluster, opts, base, s) {
    if (useAmbient(cluster, 'kubeconfig', 'file', opts)) {
        base = withCallerCredentials(base, opts);
        const given = base.KUBECONFIG || ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config')) ? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config') : '');
        if (!given) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`cluster ${cluster.name}: ambient credentials were asked for, but KUBECONFIG is not set (and there is no ~/.kube/config)`, {
                file: cluster.displayFile,
                hint: 'set KUBECONFIG to the cluster\'s kubeconfig, or set `kubeconfig.file` in cluster.yaml to a sops-encrypted kubeconfig',
            });
        }
        const env = { ...isolatedEnv(base), KUBECONFIG: given };
        return { env, kubeconfigPath: given.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))[0], dispose: () => s.dispose() };
    }
    const { abs, display } = keyFile(cluster, 'kubeconfig', 'file');
    const decrypted = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.decryptFile)(abs, { reporter: opts.reporter, display, env: base });
    s.add(() => decrypted.dispose());
    const env = { ...isolatedEnv(base), KUBECONFIG: decrypted.path };
    return { env, kubeconfigPath: decrypted.path, dispose: () => s.dispose() };
}
async function gcpAuth(cluster, opts, base, s, dir) {
    const b = block(cluster, 'gcp');
    const project = required(cluster, 'gcp', b, 'project');
    const location = required(cluster, 'gcp', b, 'zone');
    const name = required(cluster, 'gcp', b, 'cluster');
    const kubeconfigPath = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'kubeconfig');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(kubeconfigPath, '', { mode: 0o600 });
    let env;
    if (useAmbient(cluster, 'gcp', 'key', opts)) {
        base = withCallerCredentials(base, opts);
        env = { ...isolatedEnv(base, GCP_VARS), KUBECONFIG: kubeconfigPath, USE_GKE_GCLOUD_AUTH_PLUGIN: 'True', CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
    }
    else {
        const { abs, display } = keyFile(cluster, 'gcp', 'key');
        // Kept for the whole session: the gke-gcloud-auth-plugin reads it on every kubectl/helm call.
        const key = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.decryptFile)(abs, { reporter: opts.reporter, display, env: base });
        s.add(() => key.dispose());
        checkGcpKey(key.path, display);
        const config = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'gcloud');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(config, { mode: 0o700 });
        env = {
            ...isolatedEnv(base),
            KUBECONFIG: kubeconfigPath,
            CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: key.path,
            GOOGLE_APPLICATION_CREDENTIALS: key.path,
            CLOUDSDK_CONFIG: config,
            CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
            USE_GKE_GCLOUD_AUTH_PLUGIN: 'True',
        };
    }
    await cli('gcloud', ['container', 'clusters', `--zone=${location}`, `--project=${project}`, 'get-credentials', name], env, cluster, opts, 'check gcp.project, gcp.zone and gcp.cluster in cluster.yaml, that the service account may read the cluster (roles/container.clusterViewer or more), and that gcloud has the gke-gcloud-auth-plugin component');
    checkKubeconfigWritten(kubeconfigPath, cluster, 'gcloud container clusters get-credentials');
    maskKubeconfig(kubeconfigPath, opts.reporter);
    return { env, kubeconfigPath, dispose: () => s.dispose() };
}
function checkGcpKey(file, display) {
    let doc;
    try {
        doc = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        doc = undefined;
    }
    if (!doc || typeof doc !== 'object' || typeof doc.type !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`the decrypted ${display} is not a Google Cloud credentials JSON (no \`type\` field)`, {
            file: display,
            hint: 'gcp.key must be a sops-encrypted service-account key JSON (`gcloud iam service-accounts keys create`), or use ambient credentials',
        });
    }
}
async function awsAuth(cluster, opts, base, s, dir) {
    const b = block(cluster, 'aws');
    const clusterName = required(cluster, 'aws', b, 'clusterName');
    const region = required(cluster, 'aws', b, 'region');
    const kubeconfigPath = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'kubeconfig');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(kubeconfigPath, '', { mode: 0o600 });
    let env;
    if (useAmbient(cluster, 'aws', 'key', opts)) {
        base = withCallerCredentials(base, opts);
        env = { ...isolatedEnv(base, AWS_VARS), KUBECONFIG: kubeconfigPath, AWS_PAGER: '' };
    }
    else {
        const { abs, display } = keyFile(cluster, 'aws', 'key');
        // readDecrypted removes the plaintext file before it returns: the key lives only in this environment.
        const doc = (await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.readDecrypted)(abs, { reporter: opts.reporter, display, env: base }));
        const id = doc?.AccessKey?.AccessKeyId;
        const secret = doc?.AccessKey?.SecretAccessKey;
        if (typeof id !== 'string' || typeof secret !== 'string' || !id || !secret) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`the decrypted ${display} has no \`AccessKey.AccessKeyId\` and \`AccessKey.SecretAccessKey\``, {
                file: display,
                hint: 'aws.key must be the sops-encrypted output of `aws iam create-access-key` ({"AccessKey": {...}}), or use ambient credentials',
            });
        }
        env = {
            ...isolatedEnv(base),
            KUBECONFIG: kubeconfigPath,
            AWS_ACCESS_KEY_ID: id,
            AWS_SECRET_ACCESS_KEY: secret,
            // No profile, config or instance credentials may mix in with the key above.
            AWS_CONFIG_FILE: node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'aws-config'),
            AWS_SHARED_CREDENTIALS_FILE: node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'aws-credentials'),
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_PAGER: '',
        };
    }
    await cli('aws', ['eks', 'update-kubeconfig', `--name=${clusterName}`, `--region=${region}`, `--kubeconfig=${kubeconfigPath}`], env, cluster, opts, 'check aws.clusterName (the EKS name, which may differ from the folder name) and aws.region in cluster.yaml, and that the key may call eks:DescribeCluster');
    checkKubeconfigWritten(kubeconfigPath, cluster, 'aws eks update-kubeconfig');
    maskKubeconfig(kubeconfigPath, opts.reporter);
    return { env, kubeconfigPath, dispose: () => s.dispose() };
}
/** The service principal fields, under either naming (upstream's or `az ad sp create-for-rbac`'s). */
function servicePrincipal(doc) {
    if (!doc || typeof doc !== 'object')
        return undefined;
    const d = doc;
    const pick = (...keys) => keys.map((k) => d[k]).find((v) => typeof v === 'string' && v);
    const appId = pick('appId', 'service_principal_id', 'clientId', 'client_id');
    const password = pick('password', 'service_principal_password', 'clientSecret', 'client_secret');
    const tenant = pick('tenant', 'tenant_id', 'tenantId');
    const subscription = pick('subscription_id', 'subscriptionId', 'subscription');
    if (!appId || !password || !tenant)
        return undefined;
    return { appId, password, tenant, subscription };
}
async function azureAuth(cluster, opts, base, s, dir) {
    const b = block(cluster, 'azure');
    const name = required(cluster, 'azure', b, 'cluster');
    const rg = required(cluster, 'azure', b, 'resource_group');
    const kubeconfigPath = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'kubeconfig');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(kubeconfigPath, '', { mode: 0o600 });
    const hint = 'check azure.cluster and azure.resource_group in cluster.yaml, and the service principal\'s role on the cluster';
    let env;
    if (useAmbient(cluster, 'azure', 'key', opts)) {
        base = withCallerCredentials(base, opts);
        env = { ...isolatedEnv(base, AZURE_VARS), KUBECONFIG: kubeconfigPath };
    }
    else {
        const { abs, display } = keyFile(cluster, 'azure', 'key');
        const sp = servicePrincipal(await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.readDecrypted)(abs, { reporter: opts.reporter, display, env: base }));
        if (!sp) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`the decrypted ${display} is not a service principal JSON`, {
                file: display,
                hint: 'azure.key must hold appId (or service_principal_id), password (or service_principal_password), tenant (or tenant_id) and optionally subscription_id',
            });
        }
        const config = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'azure');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(config, { mode: 0o700 });
        env = { ...isolatedEnv(base), KUBECONFIG: kubeconfigPath, AZURE_CONFIG_DIR: config, AZURE_CORE_COLLECT_TELEMETRY: 'false' };
        await cli('az', ['login', '--service-principal', `--username=${sp.appId}`, `--password=${sp.password}`, `--tenant=${sp.tenant}`, '--output=none'], env, cluster, opts, 'check the service principal in azure.key (appId, password, tenant) and that its secret has not expired');
        if (sp.subscription) {
            await cli('az', ['account', 'set', `--subscription=${sp.subscription}`], env, cluster, opts, 'check subscription_id in azure.key');
        }
    }
    await cli('az', ['aks', 'get-credentials', `--name=${name}`, `--resource-group=${rg}`, `--file=${kubeconfigPath}`, '--overwrite-existing'], env, cluster, opts, hint);
    checkKubeconfigWritten(kubeconfigPath, cluster, 'az aks get-credentials');
    maskKubeconfig(kubeconfigPath, opts.reporter);
    return { env, kubeconfigPath, dispose: () => s.dispose() };
}
/**
 * Authenticate to a cluster. The returned KubeAccess owns a private temp directory; call `dispose()` (or use
 * `withClusterAccess`). On failure everything created so far is removed before the error propagates.
 */
async function authenticate(cluster, opts) {
    const base = opts.env ?? process.env;
    const s = new Session();
    const tmp = await (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_9__.privateTempDir)(`auth-${cluster.name}`);
    s.add(() => tmp.dispose());
    try {
        opts.reporter.debug(`authenticating to cluster ${cluster.name} (provider ${cluster.provider}${opts.ambient ? ', ambient credentials' : ''})`);
        switch (cluster.provider) {
            case 'kubeconfig':
                return await kubeconfigAuth(cluster, opts, base, s);
            case 'gcp':
                return await gcpAuth(cluster, opts, base, s, tmp.dir);
            case 'aws':
                return await awsAuth(cluster, opts, base, s, tmp.dir);
            case 'azure':
                return await azureAuth(cluster, opts, base, s, tmp.dir);
            default:
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DeployerError */ .dg(`provider \`${String(cluster.provider)}\` is not supported`, {
                    file: cluster.displayFile,
                    ...cluster.yaml.locate(['provider']),
                    hint: 'provider must be one of gcp, aws, azure, kubeconfig',
                });
        }
    }
    catch (e) {
        await s.dispose().catch(() => undefined);
        throw e;
    }
}
/** Authenticate, run `fn` with the access, and remove every credential file afterwards, whatever happens. */
async function withClusterAccess(cluster, opts, fn) {
    const access = await authenticate(cluster, opts);
    try {
        return await fn(access);
    }
    finally {
        await access.dispose();
    }
}


/***/ }),

/***/ 5336:
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
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
// EXTERNAL MODULE: ./src/shared/exec/run.ts
var run = __webpack_require__(4466);
// EXTERNAL MODULE: ./src/shared/exec/tools.ts
var tools = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/shared/yaml/index.ts + 1 modules
var yaml = __webpack_require__(7327);
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
var tempdir = __webpack_require__(7242);
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


/***/ })

};
