/**
 * Where a health check goes and with which token, for a hub of the config: `https://<domain>` (domain_override_file
 * honoured, decrypted when secret), the hub type (chart, or a basehub with dask-gateway and daskhubSetup enabled is
 * a daskhub, as upstream 2026), and the API token from the hub's Secret `hub`, key `hub.services.hub-health.apiToken`
 * in namespace = hub name, read through the cluster access and masked at once. The access is disposed right after.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError, UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import { findHub, hubValuesFiles, loadCluster, resolveInCluster, type Cluster, type Hub, type RepoPaths } from '../repo/index.js';
import { readYamlFile } from '../yaml/index.js';
import type { HubType } from './types.js';

export const TOKEN_SECRET = 'hub';
export const TOKEN_KEY = 'hub.services.hub-health.apiToken';

export interface HealthTarget {
  hub: string;
  hubUrl: string;
  token: string;
  hubType: HubType;
}

export interface ClusterTargetOptions {
  paths: RepoPaths;
  cluster: string;
  hub: string;
  reporter: Reporter;
  /** Use credentials already in the environment (OIDC) instead of the cluster's encrypted key. */
  ambient?: boolean;
  /** Environment for sops and the cloud CLIs (e.g. with SOPS_AGE_KEY_FILE). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Check this URL instead of https://<domain> (the token still comes from the cluster). */
  hubUrl?: string;
}

/** Validate a hub URL given by the user: http(s), no credentials in it. */
export function parseHubUrl(url: string, what = 'hub URL'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`${what} \`${url}\` is not a URL`, 'write it as https://hub.example.org (with the scheme)');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UsageError(`${what} \`${url}\` must be http(s)`);
  if (u.username || u.password) throw new UsageError(`${what} must not carry credentials`, 'pass the token as the API token, never in the URL');
  return u.toString().replace(/\/$/, '');
}

/** A non-secret values file's setting at `keys`, or undefined. */
function lookup(doc: unknown, keys: string[]): unknown {
  let node = doc;
  for (const k of keys) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** basehub | daskhub | binderhub. A basehub whose values enable dask-gateway and daskhubSetup is a daskhub. */
export async function hubTypeOf(cluster: Cluster, hub: Hub): Promise<HubType> {
  if (hub.helmChart === 'daskhub' || hub.helmChart === 'binderhub') return hub.helmChart;
  let gateway = false;
  let setup = false;
  for (const f of hubValuesFiles(cluster, hub)) {
    if (f.secret || !existsSync(f.abs) || !/\.ya?ml$/.test(f.abs)) continue;
    const y = await readYamlFile(f.abs, f.display);
    const g = lookup(y.value, ['dask-gateway', 'enabled']);
    const s = lookup(y.value, ['jupyterhub', 'custom', 'daskhubSetup', 'enabled']);
    if (typeof g === 'boolean') gateway = g;
    if (typeof s === 'boolean') setup = s;
  }
  return gateway && setup ? 'daskhub' : 'basehub';
}

/** The hub's domain: `domain`, or `domain:` of its domain_override_file (sops-decrypted when its name says secret). */
export async function hubDomain(cluster: Cluster, hub: Hub, reporter: Reporter, env?: NodeJS.ProcessEnv): Promise<string> {
  if (!hub.domainOverrideFile) return hub.domain;
  const pointer = ['hubs', hub.index, 'domain_override_file'];
  const abs = resolveInCluster(cluster, hub.domainOverrideFile, pointer);
  const display = path.relative(cluster.paths.configRoot, abs).split(path.sep).join('/');
  if (!existsSync(abs)) {
    throw new DeployerError(`domain_override_file ${display} of hub ${hub.name} does not exist`, {
      file: cluster.displayFile,
      ...cluster.yaml.locate(pointer),
      hint: 'create the file (a YAML mapping with `domain:`), or remove domain_override_file',
    });
  }
  let doc: unknown;
  if (path.basename(abs).includes('secret')) {
    const { readDecrypted } = await import('../secrets/index.js');
    doc = await readDecrypted(abs, { reporter, display, env });
  } else {
    doc = (await readYamlFile(abs, display)).value;
  }
  const domain = lookup(doc, ['domain']);
  if (typeof domain !== 'string' || !domain) {
    throw new DeployerError(`domain_override_file ${display} has no \`domain:\` string`, { file: display, hint: 'write `domain: <hub FQDN>` in it' });
  }
  return domain;
}

/** Resolve URL, hub type and token for `cluster`/`hub` of the config. */
export async function clusterTarget(options: ClusterTargetOptions): Promise<HealthTarget> {
  const cluster = await loadCluster(options.paths, options.cluster);
  const hub = findHub(cluster, options.hub);
  const hubType = await hubTypeOf(cluster, hub);
  const hubUrl = options.hubUrl ? parseHubUrl(options.hubUrl, 'hub-url') : parseHubUrl(`https://${await hubDomain(cluster, hub, options.reporter, options.env)}`, `domain of hub ${hub.name}`);
  const [{ authenticate }, { readSecretKey }] = await Promise.all([import('../auth/index.js'), import('../kube/secrets.js')]);
  options.reporter.info(`reading the hub-health API token of ${hub.name} from cluster ${cluster.name} (Secret ${hub.name}/${TOKEN_SECRET})`);
  const access = await authenticate(cluster, { reporter: options.reporter, ambient: options.ambient, env: options.env });
  let token: string;
  try {
    token = await readSecretKey(access, hub.name, TOKEN_SECRET, TOKEN_KEY);
  } catch (e) {
    if (e instanceof DeployerError) {
      throw new DeployerError(`cannot get the hub-health API token of hub ${hub.name}: ${e.message}`, {
        hint: e.hint ?? 'the hub chart declares the `hub-health` service (jupyterhub.hub.services.hub-health); deploy the hub first',
      });
    }
    throw e;
  } finally {
    await access.dispose();
  }
  registerSecret(token);
  options.reporter.mask(token);
  if (!token.trim()) throw new DeployerError(`the hub-health API token of hub ${hub.name} is empty (Secret ${hub.name}/${TOKEN_SECRET}, key ${TOKEN_KEY})`);
  return { hub: hub.name, hubUrl, token: token.trim(), hubType };
}
