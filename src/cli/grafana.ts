/** `deployer grafana ...`: dashboards, the deployer token, the central Grafana's datasources. Results on stdout. */
import path from 'node:path';
import { DeployerError, UsageError } from '../shared/errors.js';
import { formatTextTable } from '../shared/log.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

type Flags = RepoFlags & Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function envToken(): string | undefined {
  return process.env.GRAFANA_TOKEN || undefined;
}

export async function deployDashboardsCommand(cluster: string | undefined, opts: Flags): Promise<number> {
  const { deployDashboards, DASHBOARD_HEADER, dashboardRows } = await import('../shared/grafana/dashboards.js');
  const { parseDashboardSet } = await import('../shared/grafana/render.js');
  const dir = str(opts.dashboardsDir);
  if (!dir) throw new UsageError('--dashboards-dir is required', 'check out jupyterhub/grafana-dashboards at a pinned ref and pass its directory');
  const root = path.resolve(dir);
  const reporter = terminalReporter(opts);
  const result = await deployDashboards({
    paths: pathsFrom(opts),
    reporter,
    clusters: cluster ? [cluster] : [],
    dashboardsRoot: root,
    folderUid: str(opts.folderUid),
    folderName: str(opts.folderName),
    extraSets: ((opts.extraDashboards as string[] | undefined) ?? []).map((s) => parseDashboardSet(s, root)),
    grafanaUrl: str(opts.grafanaUrl),
    grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
    token: cluster ? envToken() : undefined,
    dryRun: opts.dryRun === true,
    parallelism: typeof opts.parallelism === 'number' ? Math.max(1, opts.parallelism) : undefined,
  });
  if (opts.json) printResult(JSON.stringify({ dryRun: result.dryRun, failed: result.failed, skipped: result.skipped, rows: result.rows }, null, 2));
  else printResult(formatTextTable(DASHBOARD_HEADER, dashboardRows(result.rows)));
  if (!cluster && envToken()) reporter.warn('GRAFANA_TOKEN is set but ignored: with no cluster named, each cluster uses its own token file');
  if (result.failed.length) {
    throw new DeployerError(`dashboards failed on ${result.failed.length} of ${result.clusters.length} cluster(s): ${result.failed.join(', ')}`, { hint: 'the errors above say why; the other clusters were deployed' });
  }
  return 0;
}

export async function newTokenCommand(cluster: string, opts: Flags): Promise<number> {
  const { newGrafanaToken } = await import('../shared/grafana/token.js');
  const { storeTokenFile } = await import('../shared/grafana/token-file.js');
  const paths = pathsFrom(opts);
  const reporter = terminalReporter(opts);
  const result = await newGrafanaToken({
    paths,
    reporter,
    cluster,
    replace: opts.replace === true,
    grafanaUrl: str(opts.grafanaUrl),
    grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
    store: (c, token) => storeTokenFile({ paths, cluster: c, token, reporter }),
  });
  if (opts.json) printResult(JSON.stringify(result, null, 2));
  else {
    const rows = [[result.cluster, result.url, result.action, result.action === 'kept' ? '(unchanged)' : result.tokenFile]];
    printResult(formatTextTable(['cluster', 'grafana', 'token', 'file'], rows));
    if (result.changes.length) printResult(`changed in the working tree (commit it): ${result.changes.map((c) => `${c.path} (${c.action}, encrypted)`).join(', ')}`);
  }
  return 0;
}

function centralOpts(opts: Flags) {
  return {
    paths: pathsFrom(opts),
    reporter: terminalReporter(opts),
    centralCluster: str(opts.centralGrafanaCluster),
    grafanaUrl: str(opts.grafanaUrl),
    grafanaUrlTemplate: str(opts.grafanaUrlTemplate),
    token: envToken(),
  };
}

export async function syncDatasourcesCommand(clusters: string[], opts: Flags): Promise<number> {
  const { syncCentralDatasources, DATASOURCE_HEADER, datasourceRows } = await import('../shared/grafana/datasources.js');
  const result = await syncCentralDatasources({ ...centralOpts(opts), clusters, datasourceName: str(opts.datasourceName), dryRun: opts.dryRun === true });
  if (opts.json) printResult(JSON.stringify(result, null, 2));
  else {
    printResult(formatTextTable(DATASOURCE_HEADER, datasourceRows(result.rows)));
    if (result.removeCandidates.length) printResult(`datasources that name no cluster (remove with \`deployer grafana central-ds remove NAME\`): ${result.removeCandidates.join(', ')}`);
  }
  if (result.failed.length) throw new DeployerError(`${result.failed.length} cluster(s) could not be made datasources: ${result.failed.join(', ')}`, { hint: 'the errors above say why; the other clusters were done' });
  return 0;
}

export async function candidatesCommand(kind: 'add' | 'remove', opts: Flags): Promise<number> {
  const { centralCandidates } = await import('../shared/grafana/datasources.js');
  const c = await centralCandidates(centralOpts(opts));
  const list = kind === 'add' ? c.add : c.remove;
  if (opts.json) printResult(JSON.stringify(list));
  else if (!list.length) printResult('Everything is up to date.');
  else printResult(list.join('\n'));
  return 0;
}

export async function removeDatasourceCommand(cluster: string, opts: Flags): Promise<number> {
  const { removeCentralDatasource } = await import('../shared/grafana/datasources.js');
  const row = await removeCentralDatasource({ ...centralOpts(opts), name: str(opts.datasourceName) ?? cluster, dryRun: opts.dryRun === true });
  if (opts.json) printResult(JSON.stringify(row));
  else printResult(`${opts.dryRun ? 'would remove' : 'removed'} datasource ${row.datasource}${row.url ? ` (${row.url})` : ''}`);
  return 0;
}
