/**
 * The cost table (issue 13, upstream A.16 and beyond): the monthly cost after credits of every cluster billed to the
 * operator (GCP through the BigQuery billing export, AWS through Cost Explorer), shared clusters split across their
 * hubs by memory requests from their Prometheus. Clusters are asked concurrently (bounded); one cluster's failure is
 * recorded and the others go on; the caller exits 1 naming the failed ones.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, DeployerError, UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { mapLimit } from '../pool.js';
import { readDecrypted } from '../secrets/index.js';
import type { Cluster } from '../repo/index.js';
import { serviceFilter } from './query.js';
import { rangeInstants } from './months.js';
import { csvText, sortRows } from './render.js';
import { selectClusters } from './select.js';
import { splitCosts, utilisation } from './tenancy.js';
import type { BilledCluster, CostRow, CostTable, CostTableOptions, MonthTotal } from './types.js';
import type { AuthClient } from 'google-auth-library';
import type { AwsCredentials } from './cost-explorer.js';

export type { CostRow, CostTable, CostTableOptions, FailedCluster, SkippedCluster } from './types.js';
export { resolveRange, defaultRange, monthsOf, type MonthRange } from './months.js';
export { csvText, jsonRows, markdownSummary, sheetRows, terminalTable } from './render.js';

export const DEFAULT_CONCURRENCY = 8;

/** Lazily made, shared by every GCP cluster of the run: one decryption, one auth client. */
function googleAuthOnce(opts: CostTableOptions, projectId: string | undefined): () => Promise<AuthClient> {
  let p: Promise<AuthClient> | undefined;
  return () =>
    (p ??= (async () => {
      const { googleAuthClient, readServiceAccountKey, BIGQUERY_SCOPE } = await import('./google-auth.js');
      const key = opts.gcp?.keyFile ? await readServiceAccountKey(opts.gcp.keyFile, opts.gcp.keyDisplay ?? opts.gcp.keyFile, opts.reporter, opts.env) : undefined;
      return googleAuthClient([BIGQUERY_SCOPE], key, projectId);
    })());
}

async function awsClusterKey(b: Extract<BilledCluster, { provider: 'aws' }>, opts: CostTableOptions): Promise<AwsCredentials> {
  if (!b.keyFile) {
    throw new DeployerError(`cluster ${b.name}: aws-credentials is cluster-key but cluster.yaml has no aws.key`, {
      file: b.file,
      hint: 'name the sops-encrypted access key in aws.key, or use the job\'s credentials (aws-credentials: ambient)',
    });
  }
  const doc = (await readDecrypted(b.keyFile, { reporter: opts.reporter, display: b.keyDisplay, env: opts.env })) as { AccessKey?: Record<string, unknown> } | null;
  const id = doc?.AccessKey?.AccessKeyId;
  const secret = doc?.AccessKey?.SecretAccessKey;
  if (typeof id !== 'string' || typeof secret !== 'string') {
    throw new DeployerError(`the decrypted ${b.keyDisplay} has no AccessKey.AccessKeyId and AccessKey.SecretAccessKey`, { file: b.keyDisplay });
  }
  return { accessKeyId: id, secretAccessKey: secret };
}

/** One BigQuery client per export project for the whole run (one auth set-up, one connection pool). */
const bigqueryClients = new WeakMap<AuthClient, Map<string, unknown>>();

async function monthTotals(b: BilledCluster, opts: CostTableOptions, google: () => Promise<AuthClient>): Promise<MonthTotal[]> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  if (b.provider === 'gcp') {
    const { billingTable, bigqueryClient, gcpMonthTotals } = await import('./bigquery.js');
    const authClient = await google();
    const perAuth = bigqueryClients.get(authClient) ?? new Map<string, unknown>();
    bigqueryClients.set(authClient, perAuth);
    const key = `${b.bigquery.project}\n${opts.gcp?.apiEndpoint ?? ''}`;
    if (!perAuth.has(key)) perAuth.set(key, bigqueryClient(b.bigquery.project, authClient, opts.gcp?.apiEndpoint));
    return gcpMonthTotals({
      client: perAuth.get(key) as ReturnType<typeof bigqueryClient>,
      cluster: b.name,
      jobProject: b.bigquery.project,
      table: billingTable(b.bigquery, { file: b.file }),
      project: b.project,
      range: opts.range,
      serviceId: opts.serviceId,
      authClient,
      apiEndpoint: opts.gcp?.apiEndpoint,
      timeoutMs,
    });
  }
  const mode = opts.aws?.credentials ?? 'ambient';
  if (mode === 'ambient' && !b.account) {
    throw new DeployerError(`cluster ${b.name}: aws.account is needed to pick the cluster's account out of the costs the job's credentials can see`, {
      file: b.file,
      hint: 'set aws.account (the 12-digit account id) in cluster.yaml, or use aws-credentials: cluster-key',
    });
  }
  const credentials = mode === 'cluster-key' ? await awsClusterKey(b, opts) : undefined;
  const { awsMonthTotals } = await import('./cost-explorer.js');
  return awsMonthTotals({ cluster: b.name, project: b.name, account: b.account, range: opts.range, credentials, endpoint: opts.aws?.endpoint, timeoutMs });
}

async function sharedSplit(cluster: Cluster, b: BilledCluster, totals: MonthTotal[], opts: CostTableOptions): Promise<CostRow[]> {
  const { locatePrometheus, memoryRequests } = await import('./prometheus.js');
  const target = await locatePrometheus(cluster, { reporter: opts.reporter, env: opts.env, overrideUrl: opts.prometheus?.urls?.[b.name] });
  const { start, endExclusive } = rangeInstants(opts.range);
  const series = await memoryRequests(b.name, target, start.getTime() / 1000, endExclusive.getTime() / 1000 - 1, opts.timeoutMs ?? 120_000);
  const fractions = utilisation(series, { internalNamespaces: opts.prometheus?.internalNamespaces, internalLine: opts.prometheus?.internalLine });
  const split = splitCosts(b.name, b.provider, totals, fractions);
  if (split.unsplit.length) {
    opts.reporter.warn(`cluster ${b.name}: Prometheus has no memory requests for ${split.unsplit.join(', ')}, so the cost of ${split.unsplit.length === 1 ? 'that month stays' : 'those months stays'} on one line (project ${totals[0]?.project}) instead of being split across hubs`, { file: b.file });
  }
  return split.rows;
}

/** Build the table. Bad options throw (usage errors); a cluster's failure is recorded in `failed`. */
export async function buildCostTable(opts: CostTableOptions): Promise<CostTable> {
  const reporter: Reporter = opts.reporter;
  serviceFilter(opts.serviceId); // the service-id guard, before anything is asked
  const selection = await selectClusters(opts.paths, opts.clusters);
  for (const s of selection.skipped) reporter.info(`skipped ${s.cluster}: ${s.reason}`);
  const firstGcp = selection.billed.map((b) => b.billing).find((b) => b.provider === 'gcp');
  const google = googleAuthOnce(opts, firstGcp?.provider === 'gcp' ? firstGcp.bigquery.project : undefined);
  const n = selection.billed.length;
  let done = 0;
  reporter.info(`costs ${opts.range.start} to ${opts.range.end} for ${n} billed cluster(s), ${Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, Math.max(n, 1))} at a time`);
  const results = await mapLimit(selection.billed, Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY), async ({ cluster, billing }) => {
    try {
      const totals = await monthTotals(billing, opts, google);
      const rows: CostRow[] = billing.shared
        ? await sharedSplit(cluster, billing, totals, opts)
        : totals.map((t) => ({ period: t.period, cluster: billing.name, provider: billing.provider, project: t.project, cost: t.cost, ...(t.currency ? { currency: t.currency } : {}) }));
      reporter.info(`[${++done}/${n}] ${billing.name} (${billing.provider}${billing.shared ? ', shared' : ''}): ${rows.length} row(s)`);
      return { rows };
    } catch (e) {
      const described = describeError(e);
      // Every failure names its cluster (a shared failure such as missing credentials does not on its own).
      const error = described.includes(`cluster ${billing.name}`) || described.includes(`/${billing.name}/`) ? described : `cluster ${billing.name}: ${described}`;
      reporter.error(`[${++done}/${n}] ${error}`);
      return { rows: [] as CostRow[], failed: { cluster: billing.name, error } };
    }
  });
  return {
    range: { start: opts.range.start, end: opts.range.end },
    rows: sortRows(results.flatMap((r) => r.rows)),
    skipped: selection.skipped,
    failed: [...selection.failed, ...results.flatMap((r) => (r.failed ? [r.failed] : []))].sort((a, b) => a.cluster.localeCompare(b.cluster)),
  };
}

/** Write the table to a Google Sheet (cleared, then header and data rows). */
export async function writeCostSheet(table: CostTable, opts: { url: string; reporter: Reporter; keyFile?: string; keyDisplay?: string; env?: NodeJS.ProcessEnv; endpoint?: string; now?: Date }): Promise<string> {
  const { googleAuthClient, readServiceAccountKey, SHEETS_SCOPE } = await import('./google-auth.js');
  const { writeSheet } = await import('./sheet.js');
  const { sheetRows } = await import('./render.js');
  const key = opts.keyFile ? await readServiceAccountKey(opts.keyFile, opts.keyDisplay ?? opts.keyFile, opts.reporter, opts.env) : undefined;
  const title = await writeSheet({ url: opts.url, rows: sheetRows(table.rows, opts.now), authClient: await googleAuthClient([SHEETS_SCOPE], key), endpoint: opts.endpoint });
  opts.reporter.info(`wrote ${table.rows.length} row(s) to worksheet "${title}" of ${opts.url}`);
  return title;
}

/** One line naming the failed clusters (for the exit-1 error). */
export function failureMessage(table: CostTable): string {
  return `${table.failed.length} cluster(s) failed: ${table.failed.map((f) => f.cluster).join(', ')}`;
}

/** Write the CSV whole (temp file + rename: never half-written). */
export async function writeCsvFile(file: string, table: CostTable): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, csvText(table.rows));
  await rename(tmp, file);
}

/** `cluster=url` entries (CLI repeatable option, action input lines) into a map; malformed ones are usage errors. */
export function parsePrometheusUrls(entries: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(https?:\/\/\S+)$/.exec(e.trim());
    if (!m) throw new UsageError(`${what}: expected <cluster>=<http(s) URL>, got \`${e}\``, 'e.g. 2i2c=http://127.0.0.1:9090 (a port-forward to the cluster\'s Prometheus)');
    out[m[1]] = m[2];
  }
  return out;
}

/** The Sheet output needs a URL; a URL alone means the Sheet too. */
export function checkSheetOptions(output: string | undefined, url: string | undefined): string | undefined {
  if (output !== undefined && output !== 'terminal' && output !== 'google-sheet') throw new UsageError(`--output must be terminal or google-sheet, got \`${output}\``);
  if (output === 'google-sheet' && !url) throw new UsageError('--output google-sheet needs --google-sheet-url', 'give the URL of the sheet to overwrite (it is cleared first)');
  if (url) {
    parseSheetUrlLazy(url);
    return url;
  }
  return undefined;
}

function parseSheetUrlLazy(url: string): void {
  if (!/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[A-Za-z0-9_-]+/.test(url.trim())) {
    throw new UsageError(`not a Google Sheets URL: \`${url}\``, 'use the address of the sheet, https://docs.google.com/spreadsheets/d/<id>/edit#gid=<n>');
  }
}
