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
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { runTool } from '../exec/run.js';
import { toolPath, type ToolName } from '../exec/tools.js';
import { isFile, resolveInCluster, type Cluster } from '../repo/index.js';
import { decryptFile, maskValue, privateTempDir, readDecrypted, type DecryptedFile } from '../secrets/index.js';
import type { AuthOptions, KubeAccess } from './types.js';

export type { AuthOptions, KubeAccess } from './types.js';

export interface AuthenticateOptions extends AuthOptions {
  reporter: Reporter;
  /** The environment to start from (default process.env). Never modified. */
  env?: NodeJS.ProcessEnv;
  /** Timeout of each cloud CLI call in milliseconds (default 3 minutes). */
  timeoutMs?: number;
}

const GCP_VARS = /^(GOOGLE_|CLOUDSDK_|GCLOUD_)/;
const AWS_VARS = /^AWS_/;
const AZURE_VARS = /^(AZURE_|ARM_)/;

/** Network settings, not credentials: always inherited (a runner behind a TLS-inspecting proxy needs them). */
const NETWORK_VARS = /^(AWS_CA_BUNDLE|CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE|CLOUDSDK_PROXY_[A-Z_]+)$/;

/** True for variables that carry cloud credentials or select a cluster: never inherited unless ambient. */
export function isCredentialVar(name: string): boolean {
  if (NETWORK_VARS.test(name)) return false;
  return name === 'KUBECONFIG' || GCP_VARS.test(name) || AWS_VARS.test(name) || AZURE_VARS.test(name);
}

/** The caller's environment without KUBECONFIG and without cloud credentials; `keep` re-admits a provider's own. */
export function isolatedEnv(base: NodeJS.ProcessEnv, keep?: RegExp): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined) continue;
    if (isCredentialVar(k) && !(keep && k !== 'KUBECONFIG' && keep.test(k))) continue;
    env[k] = v;
  }
  return env;
}

interface ProviderBlock {
  [k: string]: unknown;
}

function block(cluster: Cluster, provider: string): ProviderBlock {
  const b = cluster.spec[provider];
  if (b === null || typeof b !== 'object' || Array.isArray(b)) {
    throw new DeployerError(`cluster ${cluster.name} has \`provider: ${provider}\` but no \`${provider}:\` section`, {
      file: cluster.displayFile,
      ...cluster.yaml.locate(['provider']),
      hint: `add a \`${provider}:\` mapping (see the cluster schema), or run \`deployer validate cluster-config ${cluster.name}\``,
    });
  }
  return b as ProviderBlock;
}

function required(cluster: Cluster, provider: string, b: ProviderBlock, key: string): string {
  const v = b[key];
  if (typeof v !== 'string' || !v) {
    throw new DeployerError(`\`${provider}.${key}\` is required to authenticate to cluster ${cluster.name}`, {
      file: cluster.displayFile,
      ...cluster.yaml.locate([provider]),
      hint: `set \`${provider}.${key}\` in cluster.yaml`,
    });
  }
  return v;
}

/** Resolve and check a key file named in cluster.yaml (inside the cluster directory, existing). */
function keyFile(cluster: Cluster, provider: string, field: string): { abs: string; display: string } {
  const ref = (cluster.spec[provider] as ProviderBlock)[field] as string;
  const pointer = [provider, field];
  const abs = resolveInCluster(cluster, ref, pointer);
  const display = path.relative(cluster.paths.configRoot, abs).split(path.sep).join('/');
  if (!isFile(abs)) {
    throw new DeployerError(`\`${provider}.${field}\` names ${display}, which does not exist`, {
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
function withCallerCredentials(base: NodeJS.ProcessEnv, opts: AuthenticateOptions): NodeJS.ProcessEnv {
  const caller = opts.ambientEnv ?? process.env;
  if (caller === base) return base;
  const added: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(caller)) if (v !== undefined && isCredentialVar(k) && base[k] === undefined) added[k] = v;
  return { ...added, ...base };
}

function useAmbient(cluster: Cluster, provider: string, field: string, opts: AuthenticateOptions): boolean {
  if (opts.ambient) return true;
  const b = cluster.spec[provider] as ProviderBlock | undefined;
  if (!b || b[field] === undefined || b[field] === null || b[field] === '') {
    opts.reporter.info(`cluster ${cluster.name}: no \`${provider}.${field}\` in cluster.yaml, so using the credentials already in the environment`);
    return true;
  }
  return false;
}

/** Mask the credential-bearing fields of a kubeconfig a cloud CLI wrote (tokens, client keys, passwords). */
function maskKubeconfig(file: string, reporter: Reporter): void {
  let doc: unknown;
  try {
    doc = YAML.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
    else if (typeof node === 'string' && key && /token|secret|password|key-data|client-key|certificate-data|id-token|refresh/i.test(key)) maskValue(node, reporter);
  };
  walk(doc);
}

function checkKubeconfigWritten(file: string, cluster: Cluster, command: string): void {
  if (!existsSync(file) || statSync(file).size === 0) {
    throw new DeployerError(`\`${command}\` succeeded but wrote no kubeconfig for cluster ${cluster.name}`, {
      file: cluster.displayFile,
      hint: 'check the cluster name and location in cluster.yaml, and that the cloud CLI is recent',
    });
  }
}

class Session {
  private readonly cleanups: Array<() => Promise<void>> = [];
  disposed = false;
  add(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    let first: unknown;
    for (const fn of this.cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        first ??= e;
      }
    }
    if (first) throw first;
  }
}

async function cli(tool: ToolName, args: string[], env: NodeJS.ProcessEnv, cluster: Cluster, opts: AuthenticateOptions, hint: string): Promise<void> {
  const bin = toolPath(tool, env);
  const r = await runTool(bin, args, { env, timeoutMs: opts.timeoutMs ?? 180_000, allowFailure: true });
  if (r.code !== 0) {
    const detail = (r.stderr || r.stdout).trimEnd().split('\n').slice(-15).join('\n');
    throw new DeployerError(
      `could not get credentials for cluster ${cluster.name}: \`${tool} ${args.slice(0, 3).join(' ')}\` ${r.timedOut ? 'timed out' : `failed with exit code ${r.code}`}${detail ? `:\n${detail}` : ''}`,
      { file: cluster.displayFile, hint },
    );
  }
}

async function kubeconfigAuth(cluster: Cluster, opts: AuthenticateOptions, base: NodeJS.ProcessEnv, s: Session): Promise<KubeAccess> {
  if (useAmbient(cluster, 'kubeconfig', 'file', opts)) {
    base = withCallerCredentials(base, opts);
    const given = base.KUBECONFIG || (existsSync(path.join(os.homedir(), '.kube', 'config')) ? path.join(os.homedir(), '.kube', 'config') : '');
    if (!given) {
      throw new DeployerError(`cluster ${cluster.name}: ambient credentials were asked for, but KUBECONFIG is not set (and there is no ~/.kube/config)`, {
        file: cluster.displayFile,
        hint: 'set KUBECONFIG to the cluster\'s kubeconfig, or set `kubeconfig.file` in cluster.yaml to a sops-encrypted kubeconfig',
      });
    }
    const env = { ...isolatedEnv(base), KUBECONFIG: given };
    return { env, kubeconfigPath: given.split(path.delimiter)[0], dispose: () => s.dispose() };
  }
  const { abs, display } = keyFile(cluster, 'kubeconfig', 'file');
  const decrypted = await decryptFile(abs, { reporter: opts.reporter, display, env: base });
  s.add(() => decrypted.dispose());
  const env = { ...isolatedEnv(base), KUBECONFIG: decrypted.path };
  return { env, kubeconfigPath: decrypted.path, dispose: () => s.dispose() };
}

async function gcpAuth(cluster: Cluster, opts: AuthenticateOptions, base: NodeJS.ProcessEnv, s: Session, dir: string): Promise<KubeAccess> {
  const b = block(cluster, 'gcp');
  const project = required(cluster, 'gcp', b, 'project');
  const location = required(cluster, 'gcp', b, 'zone');
  const name = required(cluster, 'gcp', b, 'cluster');
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, '', { mode: 0o600 });
  let env: NodeJS.ProcessEnv;
  if (useAmbient(cluster, 'gcp', 'key', opts)) {
    base = withCallerCredentials(base, opts);
    env = { ...isolatedEnv(base, GCP_VARS), KUBECONFIG: kubeconfigPath, USE_GKE_GCLOUD_AUTH_PLUGIN: 'True', CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  } else {
    const { abs, display } = keyFile(cluster, 'gcp', 'key');
    // Kept for the whole session: the gke-gcloud-auth-plugin reads it on every kubectl/helm call.
    const key: DecryptedFile = await decryptFile(abs, { reporter: opts.reporter, display, env: base });
    s.add(() => key.dispose());
    checkGcpKey(key.path, display);
    const config = path.join(dir, 'gcloud');
    await mkdir(config, { mode: 0o700 });
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
  await cli('gcloud', ['container', 'clusters', `--zone=${location}`, `--project=${project}`, 'get-credentials', name], env, cluster, opts,
    'check gcp.project, gcp.zone and gcp.cluster in cluster.yaml, that the service account may read the cluster (roles/container.clusterViewer or more), and that gcloud has the gke-gcloud-auth-plugin component');
  checkKubeconfigWritten(kubeconfigPath, cluster, 'gcloud container clusters get-credentials');
  maskKubeconfig(kubeconfigPath, opts.reporter);
  return { env, kubeconfigPath, dispose: () => s.dispose() };
}

function checkGcpKey(file: string, display: string): void {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    doc = undefined;
  }
  if (!doc || typeof doc !== 'object' || typeof doc.type !== 'string') {
    throw new DeployerError(`the decrypted ${display} is not a Google Cloud credentials JSON (no \`type\` field)`, {
      file: display,
      hint: 'gcp.key must be a sops-encrypted service-account key JSON (`gcloud iam service-accounts keys create`), or use ambient credentials',
    });
  }
}

async function awsAuth(cluster: Cluster, opts: AuthenticateOptions, base: NodeJS.ProcessEnv, s: Session, dir: string): Promise<KubeAccess> {
  const b = block(cluster, 'aws');
  const clusterName = required(cluster, 'aws', b, 'clusterName');
  const region = required(cluster, 'aws', b, 'region');
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, '', { mode: 0o600 });
  let env: NodeJS.ProcessEnv;
  if (useAmbient(cluster, 'aws', 'key', opts)) {
    base = withCallerCredentials(base, opts);
    env = { ...isolatedEnv(base, AWS_VARS), KUBECONFIG: kubeconfigPath, AWS_PAGER: '' };
  } else {
    const { abs, display } = keyFile(cluster, 'aws', 'key');
    // readDecrypted removes the plaintext file before it returns: the key lives only in this environment.
    const doc = (await readDecrypted(abs, { reporter: opts.reporter, display, env: base })) as { AccessKey?: Record<string, unknown> } | null;
    const id = doc?.AccessKey?.AccessKeyId;
    const secret = doc?.AccessKey?.SecretAccessKey;
    if (typeof id !== 'string' || typeof secret !== 'string' || !id || !secret) {
      throw new DeployerError(`the decrypted ${display} has no \`AccessKey.AccessKeyId\` and \`AccessKey.SecretAccessKey\``, {
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
      AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
  }
  await cli('aws', ['eks', 'update-kubeconfig', `--name=${clusterName}`, `--region=${region}`, `--kubeconfig=${kubeconfigPath}`], env, cluster, opts,
    'check aws.clusterName (the EKS name, which may differ from the folder name) and aws.region in cluster.yaml, and that the key may call eks:DescribeCluster');
  checkKubeconfigWritten(kubeconfigPath, cluster, 'aws eks update-kubeconfig');
  maskKubeconfig(kubeconfigPath, opts.reporter);
  return { env, kubeconfigPath, dispose: () => s.dispose() };
}

/** The service principal fields, under either naming (upstream's or `az ad sp create-for-rbac`'s). */
export function servicePrincipal(doc: unknown): { appId: string; password: string; tenant: string; subscription?: string } | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v) => typeof v === 'string' && v) as string | undefined;
  const appId = pick('appId', 'service_principal_id', 'clientId', 'client_id');
  const password = pick('password', 'service_principal_password', 'clientSecret', 'client_secret');
  const tenant = pick('tenant', 'tenant_id', 'tenantId');
  const subscription = pick('subscription_id', 'subscriptionId', 'subscription');
  if (!appId || !password || !tenant) return undefined;
  return { appId, password, tenant, subscription };
}

async function azureAuth(cluster: Cluster, opts: AuthenticateOptions, base: NodeJS.ProcessEnv, s: Session, dir: string): Promise<KubeAccess> {
  const b = block(cluster, 'azure');
  const name = required(cluster, 'azure', b, 'cluster');
  const rg = required(cluster, 'azure', b, 'resource_group');
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, '', { mode: 0o600 });
  const hint = 'check azure.cluster and azure.resource_group in cluster.yaml, and the service principal\'s role on the cluster';
  let env: NodeJS.ProcessEnv;
  if (useAmbient(cluster, 'azure', 'key', opts)) {
    base = withCallerCredentials(base, opts);
    env = { ...isolatedEnv(base, AZURE_VARS), KUBECONFIG: kubeconfigPath };
  } else {
    const { abs, display } = keyFile(cluster, 'azure', 'key');
    const sp = servicePrincipal(await readDecrypted(abs, { reporter: opts.reporter, display, env: base }));
    if (!sp) {
      throw new DeployerError(`the decrypted ${display} is not a service principal JSON`, {
        file: display,
        hint: 'azure.key must hold appId (or service_principal_id), password (or service_principal_password), tenant (or tenant_id) and optionally subscription_id',
      });
    }
    const config = path.join(dir, 'azure');
    await mkdir(config, { mode: 0o700 });
    env = { ...isolatedEnv(base), KUBECONFIG: kubeconfigPath, AZURE_CONFIG_DIR: config, AZURE_CORE_COLLECT_TELEMETRY: 'false' };
    await cli('az', ['login', '--service-principal', `--username=${sp.appId}`, `--password=${sp.password}`, `--tenant=${sp.tenant}`, '--output=none'], env, cluster, opts,
      'check the service principal in azure.key (appId, password, tenant) and that its secret has not expired');
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
export async function authenticate(cluster: Cluster, opts: AuthenticateOptions): Promise<KubeAccess> {
  const base = opts.env ?? process.env;
  const s = new Session();
  const tmp = await privateTempDir(`auth-${cluster.name}`);
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
        throw new DeployerError(`provider \`${String(cluster.provider)}\` is not supported`, {
          file: cluster.displayFile,
          ...cluster.yaml.locate(['provider']),
          hint: 'provider must be one of gcp, aws, azure, kubeconfig',
        });
    }
  } catch (e) {
    await s.dispose().catch(() => undefined);
    throw e;
  }
}

/** Authenticate, run `fn` with the access, and remove every credential file afterwards, whatever happens. */
export async function withClusterAccess<T>(cluster: Cluster, opts: AuthenticateOptions, fn: (access: KubeAccess) => Promise<T>): Promise<T> {
  const access = await authenticate(cluster, opts);
  try {
    return await fn(access);
  } finally {
    await access.dispose();
  }
}
