/**
 * Deploy the rendered dashboards to the Grafana of one or many clusters.
 *
 * Per cluster: resolve the URL (support values, `--grafana-url`, or a URL template) and the token (`GRAFANA_TOKEN`
 * for one named cluster, else the cluster's enc-grafana-token.secret.yaml), make sure each folder exists with its
 * title (created, or renamed), then for each dashboard read what Grafana holds by uid and write only when the
 * rendered content (or the folder) differs: a second run makes zero writes. `dryRun` reads and classifies only.
 * Clusters run with bounded parallelism; a failing cluster is recorded and never stops the others.
 */
import path from 'node:path';
import { mapLimit } from '../pool.js';
import { describeError, DeployerError, UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { listClusterNames, loadCluster, type RepoPaths } from '../repo/index.js';
import { registerSecret } from '../redact.js';
import { GrafanaClient, type GrafanaDatasource } from './client.js';
import { applyUrlTemplate, grafanaToken, grafanaUrlOf, hasGrafanaIngress, loadSupportValues, type SupportValues } from './config.js';
import { DashboardRenderer, DEFAULT_FOLDER_NAME, DEFAULT_FOLDER_UID, discoverDashboards, type DashboardSet, type DashboardSource } from './render.js';

export type DashboardAction = 'created' | 'updated' | 'unchanged' | 'renamed' | 'failed';

export interface DashboardRow {
  cluster: string;
  /** Dashboard title (or `folder: <title>` for the folder row). */
  dashboard: string;
  /** Source file (`dashboards/cluster.jsonnet`), or the folder uid. */
  source: string;
  uid: string;
  action: DashboardAction;
  link: string;
  error?: string;
}

export interface ClusterOutcome {
  cluster: string;
  url?: string;
  ok: boolean;
  error?: string;
  requests: number;
  writes: number;
}

export interface DeployDashboardsOptions {
  paths: RepoPaths;
  reporter: Reporter;
  /** Cluster names; empty = every cluster whose support values configure a Grafana ingress. */
  clusters: string[];
  /** The jupyterhub/grafana-dashboards checkout (holds `vendor/` and `dashboards/`). */
  dashboardsRoot: string;
  /** Default set directory relative to the root (default `dashboards`). */
  dashboardsSubdir?: string;
  folderUid?: string;
  folderName?: string;
  /** More directories (2026 `cost` and `custom` types), each into its own folder. */
  extraSets?: DashboardSet[];
  /** One cluster only: this URL instead of the support values'. */
  grafanaUrl?: string;
  /** `{cluster}` / `{host}` template (e.g. for a proxy or a local tunnel). */
  grafanaUrlTemplate?: string;
  /** One cluster only: this token instead of the cluster's token file (from GRAFANA_TOKEN). */
  token?: string;
  dryRun?: boolean;
  /** Clusters at once (default 8). */
  parallelism?: number;
  /** sops environment. */
  env?: NodeJS.ProcessEnv;
  /** HTTP client tuning (tests). */
  client?: { timeoutMs?: number; attempts?: number; backoffMs?: number };
}

export interface DeployDashboardsResult {
  dryRun: boolean;
  rows: DashboardRow[];
  clusters: ClusterOutcome[];
  failed: string[];
  /** Clusters skipped because their support values configure no Grafana ingress (only when none was named). */
  skipped: string[];
  requests: number;
  writes: number;
  renders: number;
}

/** Dashboard requests in flight per cluster (reads are cheap for Grafana; 8 covers the usual set in one round trip). */
const DASHBOARDS_AT_ONCE = 8;

export const DASHBOARD_HEADER = ['cluster', 'dashboard', 'action', 'link'];

export function dashboardRows(rows: DashboardRow[]): string[][] {
  return rows.map((r) => [r.cluster, r.dashboard, r.action === 'failed' ? `failed: ${r.error ?? ''}` : r.action, r.link]);
}

/** Canonical JSON (sorted keys) for comparing what Grafana holds with what we would write. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Fields Grafana owns: never part of the comparison. */
const SERVER_FIELDS = ['id', 'version'];

function comparable(d: Record<string, unknown>): string {
  const copy = { ...d };
  for (const f of SERVER_FIELDS) delete copy[f];
  return canonical(copy);
}

/**
 * What upstream deploy.py does to a render before posting it: set the uid; fill `datasource` template variables
 * with this Grafana's datasources (default: the first). Query variables are left for Grafana to refresh on load:
 * filling them from live series (as deploy.py does) would make every deploy a write.
 */
export function prepareDashboard(rendered: Record<string, unknown>, source: DashboardSource, datasources: GrafanaDatasource[]): Record<string, unknown> {
  const db = rendered;
  delete db.id;
  delete db.version;
  db.uid = source.uid;
  const list = (db.templating as { list?: Record<string, unknown>[] } | undefined)?.list;
  if (Array.isArray(list)) {
    for (const v of list) {
      if (v?.type !== 'datasource') continue;
      const wanted = typeof v.query === 'string' ? datasources.filter((d) => d.type === v.query) : datasources;
      const options = wanted.map((d) => ({ text: d.name, value: d.name, selected: false }));
      if (wanted.length && !v.current) {
        v.current = { selected: true, tags: [], text: wanted[0].name, value: wanted[0].name };
        options[0].selected = true;
      }
      v.options = options;
    }
  }
  return db;
}

function titleOf(db: Record<string, unknown>, source: DashboardSource): string {
  return typeof db.title === 'string' && db.title ? db.title : source.name;
}

interface ClusterTarget {
  name: string;
  sv?: SupportValues;
  error?: unknown;
}

async function selectClusters(options: DeployDashboardsOptions): Promise<{ targets: ClusterTarget[]; skipped: string[] }> {
  const named = options.clusters.length > 0;
  const names = named ? [...new Set(options.clusters)] : listClusterNames(options.paths);
  const skipped: string[] = [];
  const targets: ClusterTarget[] = [];
  for (const name of names) {
    try {
      const sv = await loadSupportValues(await loadCluster(options.paths, name));
      if (!named && !hasGrafanaIngress(sv)) {
        skipped.push(name);
        continue;
      }
      targets.push({ name, sv });
    } catch (e) {
      // A broken cluster.yaml is that cluster's failure, not the run's.
      targets.push({ name, error: e });
    }
  }
  return { targets, skipped };
}

export async function deployDashboards(options: DeployDashboardsOptions): Promise<DeployDashboardsResult> {
  const { reporter } = options;
  const dryRun = options.dryRun === true;
  if ((options.grafanaUrl || options.token) && options.clusters.length !== 1) {
    throw new UsageError(
      `${options.grafanaUrl ? '--grafana-url' : 'GRAFANA_TOKEN'} applies to one cluster, but ${options.clusters.length ? options.clusters.length : 'every'} cluster(s) were selected`,
      options.grafanaUrl ? 'name one cluster, or use --grafana-url-template with {cluster}' : 'name one cluster, or unset GRAFANA_TOKEN so each cluster uses its own token file',
    );
  }
  if (options.token) registerSecret(options.token);
  const sets: DashboardSet[] = [
    {
      dir: path.join(options.dashboardsRoot, options.dashboardsSubdir ?? 'dashboards'),
      folderUid: options.folderUid || DEFAULT_FOLDER_UID,
      folderName: options.folderName || DEFAULT_FOLDER_NAME,
    },
    ...(options.extraSets ?? []),
  ];
  const sources = discoverDashboards(options.dashboardsRoot, sets);
  const renderer = new DashboardRenderer(sources, { root: options.dashboardsRoot, env: options.env, log: (m) => reporter.debug(m) });
  const { targets, skipped } = await selectClusters(options);
  if (skipped.length) reporter.info(`skipped ${skipped.length} cluster(s) whose support values configure no Grafana ingress: ${skipped.join(', ')}`);
  if (!targets.length) throw new DeployerError('no cluster has a Grafana ingress in its support values', { hint: 'name a cluster, or set grafana.ingress.tls in its support values' });
  // Renders that need no cluster start now and overlap the API work.
  renderer.prefetch();
  const needsDatasources = await renderer.needsDatasources().catch(() => false);
  reporter.info(`${dryRun ? 'checking' : 'deploying'} ${sources.length} dashboard(s) on ${targets.length} cluster(s)${dryRun ? ' (dry run: nothing is written)' : ''}`);

  const rows: DashboardRow[] = [];
  const outcomes = await mapLimit(targets, options.parallelism ?? 8, async (t): Promise<ClusterOutcome> => {
    const clusterRows: DashboardRow[] = [];
    let client: GrafanaClient | undefined;
    let url: string | undefined;
    try {
      if (t.error) throw t.error;
      const sv = t.sv!;
      url = options.grafanaUrl ?? (options.grafanaUrlTemplate ? applyUrlTemplate(options.grafanaUrlTemplate, t.name, sv) : grafanaUrlOf(sv));
      const token = options.token ?? (await grafanaToken(sv.cluster, { reporter, env: options.env }));
      client = new GrafanaClient({ url, auth: { kind: 'bearer', token }, label: t.name, ...options.client });
      const c = client;
      const base = c.url;
      // Folders (created when absent, renamed when the title differs) and the datasource list, in parallel.
      const folders = new Map<string, string>();
      for (const s of sources) folders.set(s.folderUid, s.folderName);
      const [folderRows, datasources] = await Promise.all([
        Promise.all(
          [...folders].map(async ([uid, title]): Promise<DashboardRow> => {
            const f = await c.getFolder(uid);
            let action: DashboardAction = 'unchanged';
            if (!f) {
              action = 'created';
              if (!dryRun) await c.createFolder(uid, title);
            } else if (f.title !== title) {
              action = 'renamed';
              if (!dryRun) await c.updateFolder(uid, title, f.version);
            }
            return { cluster: t.name, dashboard: `folder: ${title}`, source: uid, uid, action, link: `${base}/dashboards/f/${uid}/` };
          }),
        ),
        needsDatasources ? c.listDatasources() : Promise.resolve([]),
      ]);
      clusterRows.push(...folderRows);
      const dsNames = datasources.map((d) => d.name);
      const dashRows = await mapLimit(sources, DASHBOARDS_AT_ONCE, async (s): Promise<DashboardRow> => {
        const row: DashboardRow = { cluster: t.name, dashboard: s.name, source: s.key, uid: s.uid, action: 'unchanged', link: `${base}/d/${s.uid}` };
        try {
          const [rendered, current] = await Promise.all([renderer.render(s, dsNames), c.getDashboard(s.uid)]);
          const desired = prepareDashboard(rendered, s, datasources);
          row.dashboard = titleOf(desired, s);
          if (!current) row.action = 'created';
          else if (current.meta?.folderUid !== s.folderUid || comparable(current.dashboard) !== comparable(desired)) row.action = 'updated';
          if (row.action !== 'unchanged' && !dryRun) {
            const saved = await c.saveDashboard(desired, s.folderUid, `deployed by deployer from ${s.key}`);
            if (saved?.url) row.link = saved.url.startsWith('/') ? new URL(base).origin + saved.url : saved.url;
          }
        } catch (e) {
          row.action = 'failed';
          row.error = describeError(e).split('\n')[0];
        }
        return row;
      });
      clusterRows.push(...dashRows);
      const failedRows = dashRows.filter((r) => r.action === 'failed');
      if (failedRows.length) throw new DeployerError(`${failedRows.length} dashboard(s) failed: ${failedRows.map((r) => `${r.source} (${r.error})`).join('; ')}`);
      const counts = countActions(dashRows);
      reporter.info(`${t.name}: ${counts}${dryRun ? ' (dry run)' : ''}`);
      return { cluster: t.name, url, ok: true, requests: c.requests, writes: c.writes };
    } catch (e) {
      const msg = describeError(e);
      reporter.error(`${t.name}: ${msg}`, e instanceof DeployerError && e.file ? { file: e.file, line: e.line, col: e.col } : undefined);
      if (!clusterRows.some((r) => r.action === 'failed')) {
        clusterRows.push({ cluster: t.name, dashboard: '(cluster)', source: '', uid: '', action: 'failed', link: url ?? '', error: msg.split('\n')[0] });
      }
      return { cluster: t.name, url, ok: false, error: msg, requests: client?.requests ?? 0, writes: client?.writes ?? 0 };
    } finally {
      rows.push(...clusterRows);
    }
  });
  rows.sort((a, b) => a.cluster.localeCompare(b.cluster) || (a.dashboard.startsWith('folder: ') ? -1 : 0) - (b.dashboard.startsWith('folder: ') ? -1 : 0) || a.source.localeCompare(b.source));
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.cluster);
  return {
    dryRun,
    rows,
    clusters: outcomes,
    failed,
    skipped,
    requests: outcomes.reduce((n, o) => n + o.requests, 0),
    writes: outcomes.reduce((n, o) => n + o.writes, 0),
    renders: renderer.renders,
  };
}

function countActions(rows: DashboardRow[]): string {
  const n = (a: DashboardAction) => rows.filter((r) => r.action === a).length;
  return `${n('created')} created, ${n('updated')} updated, ${n('unchanged')} unchanged`;
}
