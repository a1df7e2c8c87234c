/**
 * GCP costs from the BigQuery billing export (upstream A.16): the reference query, named STRING parameters, and the
 * two guards that keep text from cluster.yaml out of the SQL (the table name and the optional service id are the
 * only pieces not passed as parameters; anything outside their alphabets is refused before a query is built).
 */
import { BigQuery } from '@google-cloud/bigquery';
import type { AuthClient } from 'google-auth-library';
import { DeployerError, UsageError } from '../errors.js';
import { CloudApiError, withTimeout } from './errors.js';
import { invoiceMonth, type MonthRange } from './months.js';
import type { MonthTotal } from './types.js';

const TABLE_NAME = /^[a-zA-Z0-9._-]+$/;
const SERVICE_ID = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/i;

/** `<project>.<dataset>.gcp_billing_export_resource_v1_<billing id with - as _>`, refused unless [a-zA-Z0-9._-]. */
export function billingTable(bq: { project: string; dataset: string; billingId: string }, where?: { file?: string; line?: number; col?: number }): string {
  const table = `${bq.project}.${bq.dataset}.gcp_billing_export_resource_v1_${bq.billingId.replace(/-/g, '_')}`;
  if (!TABLE_NAME.test(table)) {
    throw new DeployerError(`refusing to query BigQuery table \`${table}\`: a table name may hold only letters, digits, \`.\`, \`_\` and \`-\` (it is written into the SQL, so anything else could change the query)`, {
      ...where,
      hint: 'check gcp.billing.bigquery.project, dataset and billing_id in cluster.yaml',
    });
  }
  return table;
}

/** Upstream's optional service filter: `AND service.id = "<id>"`, only for an id shaped `XXXX-XXXX-XXXX` (hex). */
export function serviceFilter(serviceId: string | undefined): string {
  if (serviceId === undefined || serviceId === '') return '';
  if (!SERVICE_ID.test(serviceId)) {
    throw new UsageError(`refusing service id \`${serviceId}\`: a GCP service id is three groups of four hex digits (e.g. 6F81-5844-456A); it is written into the SQL, so nothing else is accepted`,
      'find the id in the billing export (service.id) or the Cloud Billing catalog');
  }
  return `AND service.id = "${serviceId}"`;
}

/** The reference query text, for one table and optional service filter. */
export function costQuery(table: string, byService = ''): string {
  return `SELECT
invoice.month as month,
project.id as project,
(SUM(CAST(cost AS NUMERIC))
    + SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC))
                FROM UNNEST(credits) AS c), 0)))
    AS total_with_credits
FROM \`${table}\`
WHERE invoice.month >= @start_month
    AND invoice.month <= @end_month
    AND project.id = @project
    ${byService}
GROUP BY 1, 2
ORDER BY invoice.month ASC
;`;
}

/** The named parameters (all STRING): the months as `YYYYMM` and the cluster's own project. */
export function queryParams(range: MonthRange, project: string): Record<string, string> {
  return { start_month: invoiceMonth(range.start), end_month: invoiceMonth(range.end), project };
}

export interface BigQueryCall {
  cluster: string;
  /** The BigQuery project (where the export lives; the query job runs there too). */
  jobProject: string;
  table: string;
  project: string;
  range: MonthRange;
  serviceId?: string;
  authClient: AuthClient;
  apiEndpoint?: string;
  timeoutMs: number;
}

interface ApiErrorLike {
  code?: number | string;
  message?: string;
  errors?: Array<{ reason?: string; message?: string }>;
}

/** Run the query (jobs.query, then getQueryResults for more pages) and return the month totals. */
export async function gcpMonthTotals(call: BigQueryCall): Promise<MonthTotal[]> {
  const sql = costQuery(call.table, serviceFilter(call.serviceId));
  const params = queryParams(call.range, call.project);
  const client = new BigQuery({
    projectId: call.jobProject,
    // Passed on to @google-cloud/common's GoogleAuth, which uses this client for every request.
    authClient: call.authClient as never,
    ...(call.apiEndpoint ? { apiEndpoint: call.apiEndpoint } : {}),
    maxRetries: 2,
  });
  let rows: Array<Record<string, unknown>>;
  try {
    [rows] = await withTimeout(
      client.query({ query: sql, params, types: { start_month: 'STRING', end_month: 'STRING', project: 'STRING' } }),
      call.timeoutMs,
      () => new CloudApiError(call.cluster, 'BigQuery jobs.query', undefined, `no answer within ${Math.round(call.timeoutMs / 1000)} s`),
    );
  } catch (e) {
    if (e instanceof CloudApiError) throw e;
    const err = e as ApiErrorLike;
    const reason = err.errors?.[0]?.reason;
    throw new CloudApiError(call.cluster, 'BigQuery jobs.query', typeof err.code === 'number' ? err.code : undefined, `${reason ? `${reason}: ` : ''}${err.message ?? String(e)}`,
      err.code === 403 || err.code === 401
        ? 'the credentials need bigquery.jobs.create on the export project and read access to the billing export dataset (roles/bigquery.jobUser + roles/bigquery.dataViewer)'
        : err.code === 404
          ? 'check gcp.billing.bigquery (project, dataset, billing_id) in cluster.yaml'
          : undefined);
  }
  return rows.map((r) => {
    const month = String(r.month ?? '');
    if (!/^\d{6}$/.test(month)) throw new CloudApiError(call.cluster, 'BigQuery jobs.query', undefined, `unexpected invoice month \`${month}\` in the answer`);
    const cost = Number(String(r.total_with_credits));
    if (!Number.isFinite(cost)) throw new CloudApiError(call.cluster, 'BigQuery jobs.query', undefined, `unexpected total \`${String(r.total_with_credits)}\` for ${month}`);
    return { period: `${month.slice(0, 4)}-${month.slice(4)}`, project: String(r.project ?? call.project), cost };
  });
}
