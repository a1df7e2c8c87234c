/** What every CILogon operation needs: the repo, a reporter, sops's environment, the API and its admin credentials. */
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { readDecrypted } from '../secrets/index.js';
import { displayPath, findHub, loadCluster, readClusterYaml, type Cluster, type Hub, type RepoPaths } from '../repo/index.js';
import { CilogonApi, type AdminCredentials } from './api.js';
import { hubSecretFile } from './store.js';
import { getKeyPath } from './util.js';

export const ADMIN_CREDENTIALS_FILE = 'shared/deployer/enc-auth-providers-credentials.secret.yaml';

export interface CilogonOptions {
  paths: RepoPaths;
  reporter: Reporter;
  /** Environment for sops (SOPS_AGE_KEY_FILE, KMS credentials, PATH). */
  sopsEnv?: NodeJS.ProcessEnv;
  /** CILogon API base URL (default https://cilogon.org/oauth2/oidc-cm). */
  apiUrl?: string;
  /** sops-encrypted file with `cilogon_admin.client_id` and `.client_secret`, relative to the config root. */
  adminCredentialsFile?: string;
  /** Per request (default 5 s), attempts on 5xx (default 3), pause between attempts (default 1 s). */
  timeoutMs?: number;
  attempts?: number;
  retryDelayMs?: number;
}

/** Decrypt the admin credentials (masked as they are read). */
export async function adminCredentials(o: CilogonOptions): Promise<AdminCredentials> {
  const rel = o.adminCredentialsFile ?? ADMIN_CREDENTIALS_FILE;
  const abs = path.resolve(o.paths.configRoot, rel);
  const display = displayPath(o.paths, abs);
  const doc = await readDecrypted(abs, { reporter: o.reporter, display, env: o.sopsEnv });
  const clientId = getKeyPath(doc, ['cilogon_admin', 'client_id']);
  const clientSecret = getKeyPath(doc, ['cilogon_admin', 'client_secret']);
  if (typeof clientId !== 'string' || !clientId || typeof clientSecret !== 'string' || !clientSecret) {
    throw new DeployerError(`${display} has no cilogon_admin.client_id and cilogon_admin.client_secret`, {
      file: display,
      hint: 'add the administrative client CILogon gave you under `cilogon_admin:` with `sops edit`',
    });
  }
  return { clientId, clientSecret };
}

export async function cilogonApi(o: CilogonOptions): Promise<CilogonApi> {
  return new CilogonApi({ admin: await adminCredentials(o), baseUrl: o.apiUrl, timeoutMs: o.timeoutMs, attempts: o.attempts, retryDelayMs: o.retryDelayMs, reporter: o.reporter });
}

export interface HubTarget {
  cluster: string;
  hub: string;
  /** The hub's encrypted values file, relative to the config root. */
  file: string;
  /** From cluster.yaml, when the hub is there. */
  hubSpec?: Hub;
  clusterSpec?: Cluster;
}

/**
 * The hub a command is about. The cluster must exist; the hub must be in its cluster.yaml when `requireHub` (create,
 * and update without a domain); delete and get also work for a hub already removed from cluster.yaml.
 */
export async function hubTarget(o: CilogonOptions, cluster: string, hub: string, requireHub: boolean): Promise<HubTarget> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(hub)) throw new DeployerError(`invalid hub name \`${hub}\``, { hint: 'a hub name is the `name` of an entry of `hubs` in cluster.yaml' });
  if (!requireHub) {
    await readClusterYaml(o.paths, cluster);
    let clusterSpec: Cluster | undefined;
    try {
      clusterSpec = await loadCluster(o.paths, cluster);
    } catch {
      clusterSpec = undefined;
    }
    return { cluster, hub, file: hubSecretFile(o.paths, cluster, hub), clusterSpec, hubSpec: clusterSpec?.hubs.find((h) => h.name === hub) };
  }
  const clusterSpec = await loadCluster(o.paths, cluster);
  const hubSpec = findHub(clusterSpec, hub);
  return { cluster, hub, file: hubSecretFile(o.paths, cluster, hub), clusterSpec, hubSpec };
}

/** A hub domain as cluster.yaml holds it: a host name, no scheme, no path. */
export function checkDomain(domain: string): string {
  const d = domain.trim();
  if (!/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/.test(d)) {
    throw new DeployerError(`\`${domain}\` is not a hub domain`, { hint: 'give the host name only, as in cluster.yaml (e.g. staging.2i2c.cloud), without https:// or a path' });
  }
  return d;
}
