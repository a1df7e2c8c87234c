/**
 * Where a cluster's Grafana and Prometheus are, and their credentials, read from the infra repo as upstream does:
 * - Grafana URL: `https://` + `grafana.ingress.tls[0].hosts[0]` of the cluster's (non-secret) support values;
 * - the deployer token: `grafana_token` of `<cluster>/enc-grafana-token.secret.yaml`;
 * - the admin password: `grafana.adminPassword` of the cluster's support secret values, else of
 *   `<charts>/support/enc-support.secret.values.yaml` (the file deploy-support passes first);
 * - Prometheus: `prometheus.server.ingress.tls[0].hosts[0]`, behind basic auth enabled by `prometheusAuthSecret`
 *   (2026) or `prometheusIngressAuthSecret` (2023), whose username/password live in the support secret values.
 * The support values are the files cluster.yaml lists under `support.helm_chart_values_files` (merged in order),
 * or `support.values.yaml` when it lists none. A missing piece is a located DeployerError naming the missing key.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { displayPath, isSecretFile, loadCluster, type Cluster, type RepoPaths } from '../repo/index.js';
import { readDecrypted } from '../secrets/index.js';
import { readYamlFile, type YamlFile } from '../yaml/index.js';

export const TOKEN_FILE = 'enc-grafana-token.secret.yaml';
export const TOKEN_KEY = 'grafana_token';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(a: unknown, b: unknown): unknown {
  if (isObj(a) && isObj(b)) {
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
  }
  return b;
}

function at(obj: unknown, keys: (string | number)[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (typeof k === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[k];
    } else {
      if (!isObj(cur)) return undefined;
      cur = cur[k];
    }
  }
  return cur;
}

const keyName = (keys: (string | number)[]) => keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');

/** The cluster's non-secret support values, merged, with the files they came from (for locating findings). */
export interface SupportValues {
  cluster: Cluster;
  values: Obj;
  files: YamlFile[];
  /** Secret support values files (absolute, display). */
  secretFiles: { abs: string; display: string }[];
}

export async function loadSupportValues(cluster: Cluster): Promise<SupportValues> {
  const refs = cluster.support?.valuesFiles.length ? cluster.support.valuesFiles : existsSync(path.join(cluster.dir, 'support.values.yaml')) ? ['support.values.yaml'] : [];
  const files: YamlFile[] = [];
  const secretFiles: { abs: string; display: string }[] = [];
  let values: unknown = {};
  for (const ref of refs) {
    const abs = path.resolve(cluster.dir, ref);
    const display = displayPath(cluster.paths, abs);
    if (!abs.startsWith(cluster.dir + path.sep)) continue; // validate reports escaping paths; never read them here
    if (isSecretFile(ref)) {
      secretFiles.push({ abs, display });
      continue;
    }
    if (!/\.ya?ml$/.test(ref)) continue; // jsonnet support values are rendered at deploy time; not read here
    const y = await readYamlFile(abs, display);
    files.push(y);
    values = deepMerge(values, isObj(y.value) ? y.value : {});
  }
  if (!secretFiles.length) {
    const fallback = path.join(cluster.dir, 'enc-support.secret.values.yaml');
    if (existsSync(fallback)) secretFiles.push({ abs: fallback, display: displayPath(cluster.paths, fallback) });
  }
  return { cluster, values: values as Obj, files, secretFiles };
}

/** A DeployerError at the place in the support values where `keys` should be (the deepest part that exists). */
export function missingKey(sv: SupportValues, keys: (string | number)[], what: string): DeployerError {
  const key = keyName(keys);
  // The file that holds the longest existing prefix of the key path, last one wins (as helm merges).
  let best: { file: YamlFile; depth: number } | undefined;
  for (const f of sv.files) {
    let depth = 0;
    while (depth < keys.length && at(f.value, keys.slice(0, depth + 1)) !== undefined) depth++;
    if (!best || depth >= best.depth) best = { file: f, depth };
  }
  if (!best) {
    return new DeployerError(`${what}: cluster ${sv.cluster.name} has no support values, so \`${key}\` is not set`, {
      file: sv.cluster.displayFile,
      ...sv.cluster.yaml.locate(['support']),
      hint: `add a support values file under support.helm_chart_values_files that sets \`${key}\``,
    });
  }
  const pos = best.depth ? best.file.locate(keys.slice(0, best.depth)) : { line: 1, col: 1 };
  return new DeployerError(`${what}: \`${key}\` is not set in the support values of ${sv.cluster.name}`, {
    file: best.file.file,
    ...pos,
    hint: `set \`${key}\` in ${best.file.file}`,
  });
}

/** Whether the support values configure a Grafana ingress (the clusters `deploy-dashboards` visits by default). */
export function hasGrafanaIngress(sv: SupportValues): boolean {
  const ingress = at(sv.values, ['grafana', 'ingress']);
  if (!isObj(ingress)) return false;
  return ingress.enabled === true || typeof at(ingress, ['tls', 0, 'hosts', 0]) === 'string';
}

export function grafanaUrlOf(sv: SupportValues): string {
  const host = at(sv.values, ['grafana', 'ingress', 'tls', 0, 'hosts', 0]);
  if (typeof host !== 'string' || !host) throw missingKey(sv, ['grafana', 'ingress', 'tls', 0, 'hosts', 0], 'cannot tell the Grafana URL');
  return `https://${host}`;
}

/** `{cluster}` and `{host}` in a URL template (`http://127.0.0.1:3000/{cluster}`, `https://{host}`). */
export function applyUrlTemplate(template: string, cluster: string, sv?: SupportValues): string {
  let out = template.replace(/\{cluster\}/g, cluster);
  if (out.includes('{host}')) {
    if (!sv) throw new DeployerError('the URL template uses {host}, but the cluster has no support values');
    out = out.replace(/\{host\}/g, new URL(grafanaUrlOf(sv)).host);
  }
  return out;
}

export interface DecryptContext {
  reporter: Reporter;
  /** Environment for sops. */
  env?: NodeJS.ProcessEnv;
}

/** The deployer service-account token of a cluster's Grafana (masked). */
export async function grafanaToken(cluster: Cluster, ctx: DecryptContext): Promise<string> {
  const abs = path.join(cluster.dir, TOKEN_FILE);
  const display = displayPath(cluster.paths, abs);
  if (!existsSync(abs)) {
    throw new DeployerError(`the Grafana token file of ${cluster.name} does not exist`, {
      file: display,
      hint: `create it with \`deployer grafana new-token ${cluster.name}\` (or the grafana-token action)`,
    });
  }
  const doc = await readDecrypted(abs, { reporter: ctx.reporter, display, env: ctx.env });
  const token = isObj(doc) ? doc[TOKEN_KEY] : undefined;
  if (typeof token !== 'string' || !token) {
    throw new DeployerError(`\`${TOKEN_KEY}\` is not set in ${display}`, {
      file: display,
      line: 1,
      col: 1,
      hint: `create a token with \`deployer grafana new-token ${cluster.name}\``,
    });
  }
  return token;
}

async function mergedSecrets(files: { abs: string; display: string }[], ctx: DecryptContext): Promise<{ values: Obj; from: Map<string, string> }> {
  let values: unknown = {};
  const from = new Map<string, string>();
  for (const f of files) {
    if (!existsSync(f.abs)) continue;
    const doc = await readDecrypted(f.abs, { reporter: ctx.reporter, display: f.display, env: ctx.env });
    if (!isObj(doc)) continue;
    for (const k of Object.keys(doc)) from.set(k, f.display);
    values = deepMerge(values, doc);
  }
  return { values: values as Obj, from };
}

/** The Grafana admin password for service-account management (masked). */
export async function grafanaAdminPassword(sv: SupportValues, ctx: DecryptContext): Promise<string> {
  const shared = path.join(sv.cluster.paths.chartsDir, 'support', 'enc-support.secret.values.yaml');
  const files = [...(existsSync(shared) ? [{ abs: shared, display: displayPath(sv.cluster.paths, shared) }] : []), ...sv.secretFiles];
  const { values } = await mergedSecrets(files, ctx);
  const pw = at(values, ['grafana', 'adminPassword']);
  if (typeof pw !== 'string' || !pw) {
    const where = files.map((f) => f.display);
    throw new DeployerError(`\`grafana.adminPassword\` is not set for ${sv.cluster.name}`, {
      file: where[where.length - 1] ?? displayPath(sv.cluster.paths, shared),
      hint: `set grafana.adminPassword in ${where.length ? where.join(' or ') : displayPath(sv.cluster.paths, shared)} (sops-encrypted)`,
    });
  }
  return pw;
}

export interface PrometheusAccess {
  url: string;
  username: string;
  password: string;
}

export const PROMETHEUS_AUTH_KEYS = ['prometheusAuthSecret', 'prometheusIngressAuthSecret'] as const;

/** Whether the support values expose Prometheus through an ingress at all. */
export function hasPrometheusIngress(sv: SupportValues): boolean {
  const ingress = at(sv.values, ['prometheus', 'server', 'ingress']);
  return isObj(ingress) && (ingress.enabled === true || typeof at(ingress, ['tls', 0, 'hosts', 0]) === 'string');
}

/** Prometheus URL and basic-auth credentials of a cluster (password masked). */
export async function prometheusAccess(sv: SupportValues, ctx: DecryptContext): Promise<PrometheusAccess> {
  const authKey = PROMETHEUS_AUTH_KEYS.find((k) => at(sv.values, [k, 'enabled']) === true);
  if (!authKey) throw missingKey(sv, ['prometheusIngressAuthSecret', 'enabled'], 'Prometheus is not exposed with basic auth (`prometheusAuthSecret.enabled` or `prometheusIngressAuthSecret.enabled`)');
  const host = at(sv.values, ['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0]);
  if (typeof host !== 'string' || !host) throw missingKey(sv, ['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0], 'cannot tell the Prometheus URL');
  const { values } = await mergedSecrets(sv.secretFiles, ctx);
  const creds = PROMETHEUS_AUTH_KEYS.map((k) => at(values, [k])).find((v) => isObj(v) && typeof v.username === 'string' && typeof v.password === 'string') as
    | { username: string; password: string }
    | undefined;
  if (!creds) {
    const where = sv.secretFiles.map((f) => f.display);
    throw new DeployerError(`\`${authKey}.username\` and \`${authKey}.password\` are not set in the support secret values of ${sv.cluster.name}`, {
      file: where[where.length - 1] ?? sv.cluster.displayFile,
      line: 1,
      col: 1,
      hint: `set ${authKey}.username and ${authKey}.password in ${where.length ? where.join(' or ') : `${sv.cluster.name}/enc-support.secret.values.yaml`} (sops-encrypted)`,
    });
  }
  return { url: `https://${host}`, username: creds.username, password: creds.password };
}

/** Load a cluster (schema-checked) and its support values. */
export async function loadClusterSupport(paths: RepoPaths, name: string): Promise<SupportValues> {
  return loadSupportValues(await loadCluster(paths, name));
}
