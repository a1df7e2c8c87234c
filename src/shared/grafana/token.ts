/**
 * `grafana new-token CLUSTER [--replace]`: find (across every page of the service-account search) or create the
 * `deployer` service account of the cluster's Grafana, with the admin password (Basic auth); keep a valid `deployer`
 * token unless `replace`; replace an expired one; create the new token (masked the moment it arrives) and hand it to
 * `store`, which writes it sops-encrypted to the cluster's enc-grafana-token.secret.yaml (never plaintext in the tree).
 * Never reads stdin.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { displayPath, loadCluster, type Cluster, type RepoPaths } from '../repo/index.js';
import type { RepoChange } from '../changes/index.js';
import { GrafanaClient, type GrafanaServiceAccount, type GrafanaToken } from './client.js';
import { applyUrlTemplate, grafanaAdminPassword, grafanaUrlOf, loadSupportValues, TOKEN_FILE } from './config.js';

export const SERVICE_ACCOUNT = 'deployer';
export const TOKEN_NAME = 'deployer';

export type TokenAction = 'created' | 'replaced' | 'replaced-expired' | 'kept';

export interface NewTokenOptions {
  paths: RepoPaths;
  reporter: Reporter;
  cluster: string;
  replace?: boolean;
  grafanaUrl?: string;
  grafanaUrlTemplate?: string;
  /** sops environment. */
  env?: NodeJS.ProcessEnv;
  client?: { timeoutMs?: number; attempts?: number; backoffMs?: number };
  /** Persist the new token (sops-encrypted; see token-file.ts). Returns the changes made to the repo. */
  store: (cluster: Cluster, token: string) => Promise<RepoChange[]>;
}

export interface NewTokenResult {
  cluster: string;
  url: string;
  serviceAccountId: number;
  serviceAccountCreated: boolean;
  action: TokenAction;
  /** Repo-relative path of the token file (written unless `kept`). */
  tokenFile: string;
  /** What changed in the infra repo (paths and key names, never values). */
  changes: RepoChange[];
  requests: number;
}

export async function newGrafanaToken(options: NewTokenOptions): Promise<NewTokenResult> {
  const { reporter } = options;
  const cluster = await loadCluster(options.paths, options.cluster);
  const sv = await loadSupportValues(cluster);
  const url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? applyUrlTemplate(options.grafanaUrlTemplate, cluster.name, sv) : grafanaUrlOf(sv));
  const password = await grafanaAdminPassword(sv, { reporter, env: options.env });
  const client = new GrafanaClient({ url, auth: { kind: 'basic', user: 'admin', password }, label: cluster.name, ...options.client });
  const tokenFile = displayPath(options.paths, path.join(cluster.dir, TOKEN_FILE));

  const accounts = await client.searchServiceAccounts();
  let account: GrafanaServiceAccount | undefined = accounts.find((a) => a.name === SERVICE_ACCOUNT);
  let created = false;
  if (!account) {
    reporter.info(`creating the \`${SERVICE_ACCOUNT}\` service account in ${url}`);
    account = await client.createServiceAccount(SERVICE_ACCOUNT, 'Admin');
    if (typeof account?.id !== 'number') throw new DeployerError(`Grafana ${url} created the \`${SERVICE_ACCOUNT}\` service account but returned no id`);
    created = true;
  } else {
    reporter.info(`found the \`${SERVICE_ACCOUNT}\` service account (id ${account.id}) in ${url}`);
  }

  let action: TokenAction = 'created';
  const existing: GrafanaToken | undefined = created ? undefined : (await client.listTokens(account.id)).find((t) => t.name === TOKEN_NAME);
  if (existing) {
    if (existing.hasExpired) {
      reporter.warn(`the \`${TOKEN_NAME}\` token of ${cluster.name} has expired: replacing it`);
      action = 'replaced-expired';
    } else if (options.replace) {
      reporter.info(`replacing the valid \`${TOKEN_NAME}\` token of ${cluster.name} (--replace)`);
      action = 'replaced';
    } else if (!existsSync(path.join(cluster.dir, TOKEN_FILE))) {
      // Grafana never shows a token's key again: a valid token whose file is gone is of no use to anyone.
      reporter.warn(`a valid \`${TOKEN_NAME}\` token exists for ${cluster.name}, but ${tokenFile} does not: replacing the token`);
      action = 'replaced';
    } else {
      reporter.info(`a valid \`${TOKEN_NAME}\` token already exists for ${cluster.name}: kept (pass --replace, or the input replace: true, to rotate it)`);
      return { cluster: cluster.name, url: client.url, serviceAccountId: account.id, serviceAccountCreated: created, action: 'kept', tokenFile, changes: [], requests: client.requests };
    }
    await client.deleteToken(account.id, existing.id);
  }
  const token = await client.createToken(account.id, TOKEN_NAME);
  reporter.info(`created a new \`${TOKEN_NAME}\` token for ${cluster.name}`);
  let changes: RepoChange[];
  try {
    changes = await options.store(cluster, token.key);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DeployerError(`Grafana ${client.url} has a new \`${TOKEN_NAME}\` token, but it could not be written to ${tokenFile}: ${why}`, {
      file: tokenFile,
      hint: `fix the cause (sops keys, .sops.yaml creation rules), then run \`deployer grafana new-token ${cluster.name} --replace\``,
      cause: e,
    });
  }
  return { cluster: cluster.name, url: client.url, serviceAccountId: account.id, serviceAccountCreated: created, action, tokenFile, changes, requests: client.requests };
}
