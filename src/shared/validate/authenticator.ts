/**
 * validate authenticator-config, per hub, on the hub's effective (merged) non-secret values:
 *  - A.12.5: a GitHub authenticator whose organizations/teams decide access must not also set `allowed_users`
 *    (valid org members would be refused).
 *  - B.1 (2026): the dummy authenticator (any password works) must not name `admin_users`.
 * Unlike upstream, no KeyError paths: the values are merged as helm merges them (chart defaults, then each file in
 * order), full class names are recognised (`oauthenticator.github.GitHubOAuthenticator`), binderhub hubs are read at
 * their own prefix, and a malformed value (a string where a list belongs) is judged, not crashed on.
 */
import type { Finding } from '../findings.js';
import type { Hub } from '../repo/index.js';
import { pathToPointer, type PathSegment } from '../yaml/index.js';
import { releaseLayers } from './chart-values.js';
import { loadClusterForValidation } from './cluster.js';
import type { ValidationContext } from './context.js';
import { hubReleaseSpec, selectHubs } from './hub.js';
import { getPath, locateInLayers, mergeValues, type ValuesLayer } from './values.js';

/** Where `hub.config` of JupyterHub sits in the values of each chart (the first that exists wins). */
export function hubConfigPrefixes(chart: string): PathSegment[][] {
  if (chart === 'daskhub') return [['basehub', 'jupyterhub', 'hub', 'config']];
  if (chart === 'binderhub') return [['binderhub', 'jupyterhub', 'hub', 'config'], ['basehub', 'jupyterhub', 'hub', 'config']];
  return [['jupyterhub', 'hub', 'config']];
}

function nonEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

export function isGitHubAuthenticator(cls: unknown): boolean {
  return typeof cls === 'string' && (cls === 'github' || /(^|\.)GitHubOAuthenticator$/.test(cls) || cls === 'oauthenticator.github');
}

export function isDummyAuthenticator(cls: unknown): boolean {
  return typeof cls === 'string' && (cls === 'dummy' || /(^|\.)DummyAuthenticator$/.test(cls));
}

/** The authenticator findings of one hub from its layers. */
export function authenticatorFindings(hub: Hub, layers: ValuesLayer[]): Finding[] {
  const merged = mergeValues(layers.map((l) => l.value));
  const prefixes = hubConfigPrefixes(hub.helmChart);
  const prefix = prefixes.find((p) => getPath(merged, p) !== undefined) ?? prefixes[0];
  const config = getPath(merged, prefix);
  const out: Finding[] = [];
  const at = (p: PathSegment[], message: string) => {
    const full = [...prefix, ...p];
    const loc = locateInLayers(layers, full, true);
    out.push({ file: loc?.file ?? '', line: loc?.pos.line ?? 1, col: loc?.pos.col ?? 1, path: pathToPointer(full), message, severity: 'error' });
  };
  const where = (p: PathSegment[]) => {
    const loc = locateInLayers(layers, [...prefix, ...p]);
    return loc ? `${loc.file}:${loc.pos.line}` : 'the values';
  };
  const cls = getPath(config, ['JupyterHub', 'authenticator_class']);
  if (isGitHubAuthenticator(cls) && nonEmpty(getPath(config, ['GitHubOAuthenticator', 'allowed_organizations']))) {
    for (const section of ['Authenticator', 'GitHubOAuthenticator']) {
      if (nonEmpty(getPath(config, [section, 'allowed_users']))) {
        at(
          [section, 'allowed_users'],
          `hub ${hub.name}: unset \`${section}.allowed_users\`: GitHub organizations/teams decide who may log in ` +
            `(\`GitHubOAuthenticator.allowed_organizations\` at ${where(['GitHubOAuthenticator', 'allowed_organizations'])}), ` +
            'and an allowed_users list next to them refuses valid members',
        );
      }
    }
  }
  if (isDummyAuthenticator(cls) && nonEmpty(getPath(config, ['Authenticator', 'admin_users']))) {
    at(
      ['Authenticator', 'admin_users'],
      `hub ${hub.name}: for security reasons, unset \`Authenticator.admin_users\` when the dummy authenticator is used ` +
        `(\`JupyterHub.authenticator_class\` at ${where(['JupyterHub', 'authenticator_class'])}): anyone can log in as an admin with any password`,
    );
  }
  return out.filter((f) => f.file);
}

export async function authenticatorConfigFindings(ctx: ValidationContext, clusterName: string, hubName?: string): Promise<Finding[]> {
  const loaded = await loadClusterForValidation(ctx, clusterName);
  if (!loaded.cluster) return loaded.findings;
  const cluster = loaded.cluster;
  const results = await Promise.all(
    selectHubs(cluster, hubName).map(async (hub) => {
      const spec = hubReleaseSpec(cluster, hub);
      if (!('chart' in spec)) return [spec];
      const { layers, findings } = await releaseLayers(ctx, spec);
      return findings.length ? findings : authenticatorFindings(hub, layers);
    }),
  );
  return results.flat();
}
