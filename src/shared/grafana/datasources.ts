/**
 * The central Grafana's Prometheus datasources, one per cluster (upstream `update-central-datasources` and the 2026
 * `grafana central-ds add|remove|get-add-candidates|get-rm-candidates`):
 * - `syncCentralDatasources`: for every cluster (or the named ones) whose support values expose Prometheus, a
 *   datasource named after the cluster is created, or updated when its URL or basic-auth user changed (upstream only
 *   added); a cluster without a Prometheus ingress is skipped; a cluster that fails is recorded and never stops the
 *   others;
 * - candidates: clusters without a datasource (add) and Prometheus datasources naming no cluster (remove);
 * - `removeCentralDatasource`: deletes one datasource by name, only when asked.
 * The central Grafana is reached with its cluster's deployer token (Bearer), or GRAFANA_TOKEN.
 */
import { mapLimit } from '../pool.js';
import { describeError, DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import { listClusterNames, loadCluster, type RepoPaths } from '../repo/index.js';
import { GrafanaClient, type GrafanaDatasource } from './client.js';
import { applyUrlTemplate, grafanaToken, grafanaUrlOf, hasPrometheusIngress, loadSupportValues, prometheusAccess } from './config.js';

export const DEFAULT_CENTRAL_CLUSTER = '2i2c';

export interface CentralOptions {
  paths: RepoPaths;
  reporter: Reporter;
  centralCluster?: string;
  grafanaUrl?: string;
  grafanaUrlTemplate?: string;
  /** GRAFANA_TOKEN: the central Grafana's token instead of its token file. */
  token?: string;
  env?: NodeJS.ProcessEnv;
  client?: { timeoutMs?: number; attempts?: number; backoffMs?: number };
}

export async function centralClient(options: CentralOptions): Promise<GrafanaClient> {
  const name = options.centralCluster || DEFAULT_CENTRAL_CLUSTER;
  if (options.token) registerSecret(options.token);
  const cluster = await loadCluster(options.paths, name);
  const sv = options.grafanaUrl ? undefined : await loadSupportValues(cluster);
  const url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? applyUrlTemplate(options.grafanaUrlTemplate, name, sv) : grafanaUrlOf(sv!));
  const token = options.token ?? (await grafanaToken(cluster, { reporter: options.reporter, env: options.env }));
  return new GrafanaClient({ url, auth: { kind: 'bearer', token }, label: `central Grafana of ${name}`, ...options.client });
}

export type DatasourceAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'removed';

export interface DatasourceRow {
  cluster: string;
  datasource: string;
  action: DatasourceAction;
  url: string;
  detail?: string;
}

export const DATASOURCE_HEADER = ['cluster', 'datasource', 'action', 'url', 'detail'];
export function datasourceRows(rows: DatasourceRow[]): string[][] {
  return rows.map((r) => [r.cluster, r.datasource, r.action, r.url, r.detail ?? '']);
}

export interface SyncOptions extends CentralOptions {
  /** Only these clusters (default: every cluster). */
  clusters?: string[];
  /** Datasource name for a single named cluster (default: the cluster name). */
  datasourceName?: string;
  dryRun?: boolean;
  parallelism?: number;
}

export interface SyncResult {
  rows: DatasourceRow[];
  failed: string[];
  /** Prometheus datasources whose name is no cluster (candidates for removal; never removed here). */
  removeCandidates: string[];
  requests: number;
  writes: number;
}

function payload(name: string, url: string, user: string, password: string): Record<string, unknown> {
  return { name, type: 'prometheus', access: 'proxy', url, basicAuth: true, basicAuthUser: user, secureJsonData: { basicAuthPassword: password } };
}

export async function syncCentralDatasources(options: SyncOptions): Promise<SyncResult> {
  const { reporter } = options;
  const client = await centralClient(options);
  const existing = await client.listDatasources();
  const byName = new Map(existing.map((d) => [d.name, d]));
  const all = listClusterNames(options.paths);
  const names = options.clusters?.length ? [...new Set(options.clusters)] : all;
  if (options.datasourceName && names.length !== 1) throw new DeployerError('--datasource-name applies to one cluster');
  const rows = await mapLimit(names, options.parallelism ?? 8, async (name): Promise<DatasourceRow> => {
    const dsName = options.datasourceName || name;
    try {
      const sv = await loadSupportValues(await loadCluster(options.paths, name));
      if (!hasPrometheusIngress(sv)) return { cluster: name, datasource: dsName, action: 'skipped', url: '', detail: 'no Prometheus ingress in the support values' };
      const prom = await prometheusAccess(sv, { reporter, env: options.env });
      const body = payload(dsName, prom.url, prom.username, prom.password);
      const current: GrafanaDatasource | undefined = byName.get(dsName);
      if (!current) {
        if (!options.dryRun) await client.createDatasource(body);
        return { cluster: name, datasource: dsName, action: 'created', url: prom.url };
      }
      const changes: string[] = [];
      if (current.url !== prom.url) changes.push(`url ${current.url ?? '(none)'} -> ${prom.url}`);
      if (current.basicAuthUser !== prom.username || current.basicAuth !== true) changes.push('basic-auth user');
      if (current.type !== 'prometheus') changes.push(`type ${current.type} -> prometheus`);
      if (!changes.length) return { cluster: name, datasource: dsName, action: 'unchanged', url: prom.url };
      if (!current.uid) throw new DeployerError(`datasource ${dsName} has no uid in the answer of GET /api/datasources (Grafana older than 8?)`);
      if (!options.dryRun) await client.updateDatasource(current.uid, { ...body, uid: current.uid, ...(current.isDefault !== undefined ? { isDefault: current.isDefault } : {}) });
      return { cluster: name, datasource: dsName, action: 'updated', url: prom.url, detail: changes.join('; ') };
    } catch (e) {
      const msg = describeError(e);
      reporter.error(`${name}: ${msg}`, e instanceof DeployerError && e.file ? { file: e.file, line: e.line, col: e.col } : undefined);
      return { cluster: name, datasource: dsName, action: 'failed', url: '', detail: msg.split('\n')[0] };
    }
  });
  const clusterSet = new Set(all);
  const removeCandidates = existing.filter((d) => d.type === 'prometheus' && !clusterSet.has(d.name)).map((d) => d.name).sort();
  return { rows, failed: rows.filter((r) => r.action === 'failed').map((r) => r.cluster), removeCandidates, requests: client.requests, writes: client.writes };
}

export interface Candidates {
  /** Clusters with a Prometheus ingress but no datasource of their name. */
  add: string[];
  /** Prometheus datasources whose name is no cluster of the repo. */
  remove: string[];
}

export async function centralCandidates(options: CentralOptions): Promise<Candidates> {
  const client = await centralClient(options);
  const existing = await client.listDatasources();
  const names = new Set(existing.map((d) => d.name));
  const clusters = listClusterNames(options.paths);
  const add: string[] = [];
  for (const c of clusters) {
    if (names.has(c)) continue;
    try {
      if (hasPrometheusIngress(await loadSupportValues(await loadCluster(options.paths, c)))) add.push(c);
    } catch {
      add.push(c); // a cluster that cannot be read is still a candidate; `add` reports why it fails
    }
  }
  const set = new Set(clusters);
  return { add, remove: existing.filter((d) => d.type === 'prometheus' && !set.has(d.name)).map((d) => d.name).sort() };
}

/** Delete the datasource `name` (default: the cluster's name) from the central Grafana. */
export async function removeCentralDatasource(options: CentralOptions & { name: string; dryRun?: boolean }): Promise<DatasourceRow> {
  const client = await centralClient(options);
  const existing = await client.listDatasources();
  const ds = existing.find((d) => d.name === options.name);
  if (!ds) throw new DeployerError(`the central Grafana has no datasource named \`${options.name}\``, { hint: 'list them with `deployer grafana central-ds get-rm-candidates`' });
  if (!options.dryRun) await client.deleteDatasourceByName(options.name);
  return { cluster: options.name, datasource: options.name, action: 'removed', url: ds.url ?? '' };
}
