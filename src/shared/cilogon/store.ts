/**
 * Where a hub's CILogon credentials live: `<clusters-dir>/<cluster>/enc-<hub>.secret.values.yaml`, at
 * `[basehub.|binderhub.]jupyterhub.hub.config.CILogonOAuthenticator.{client_id,client_secret}`.
 *
 * Reading understands the three layouts (upstream's order: `basehub.` when that key is set, then `binderhub.`, then
 * none). Writing uses the layout the file already has; a new file or one without jupyterhub config gets the 2026
 * layout (plain `jupyterhub:`), except for hubs whose chart nests jupyterhub (a legacy `daskhub` chart reads
 * `basehub.jupyterhub`, a `binderhub` chart `binderhub.jupyterhub`): there, plain `jupyterhub:` keys would be
 * ignored by helm and the hub would not log anyone in.
 */
import path from 'node:path';
import type { HelmChartName, RepoPaths } from '../repo/index.js';
import { getKeyPath, isMappingValue } from './util.js';

export const AUTHENTICATOR_PATH = ['jupyterhub', 'hub', 'config', 'CILogonOAuthenticator'];

/** The hub's encrypted values file, relative to the config root (POSIX). */
export function hubSecretFile(paths: RepoPaths, cluster: string, hub: string): string {
  return path.relative(paths.configRoot, path.join(paths.clustersDir, cluster, `enc-${hub}.secret.values.yaml`)).split(path.sep).join('/');
}

export type Layout = [] | ['basehub'] | ['binderhub'];

/** Upstream's read order: `basehub` when it is set, else `binderhub` when set, else no prefix. */
export function readLayout(doc: unknown): Layout {
  if (isMappingValue(doc) && doc.basehub) return ['basehub'];
  if (isMappingValue(doc) && doc.binderhub) return ['binderhub'];
  return [];
}

/** Where new credentials go (see the file comment). */
export function writeLayout(doc: unknown, chart?: HelmChartName): Layout {
  for (const prefix of ['basehub', 'binderhub'] as const) {
    if (isMappingValue(getKeyPath(doc, [prefix, 'jupyterhub']))) return [prefix];
  }
  if (isMappingValue(getKeyPath(doc, ['jupyterhub']))) return [];
  if (chart === 'daskhub') return ['basehub'];
  if (chart === 'binderhub') return ['binderhub'];
  return [];
}

export interface StoredClient {
  clientId: string;
  /** The key path of the CILogonOAuthenticator mapping it was found under. */
  keyPath: string[];
}

/** The stored client id, or undefined when the file has none. */
export function storedClient(doc: unknown): StoredClient | undefined {
  const keyPath = [...readLayout(doc), ...AUTHENTICATOR_PATH];
  const id = getKeyPath(doc, [...keyPath, 'client_id']);
  return typeof id === 'string' && id ? { clientId: id, keyPath } : undefined;
}

/** The patch that stores credentials under `layout`. */
export function credentialsPatch(layout: Layout, clientId: string, clientSecret: string): Record<string, unknown> {
  let node: Record<string, unknown> = { client_id: clientId, client_secret: clientSecret };
  for (const k of [...layout, ...AUTHENTICATOR_PATH].reverse()) node = { [k]: node };
  return node;
}
