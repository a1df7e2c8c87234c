/**
 * GCP costs from the BigQuery billing export through @google-cloud/bigquery: jobs.query with the reference query
 * and named parameters (query.ts), then getQueryResults for further pages; totals per invoice month after credits.
 */
import { BigQuery } from '@google-cloud/bigquery';
import type { AuthClient } from 'google-auth-library';
import { CloudApiError, withTimeout } from './errors.js';
import type { MonthRange } from './months.js';
import { costQuery, queryParams, serviceFilter } from './query.js';

export { billingTable, costQuery, queryParams, serviceFilter } from './query.js';
import type { MonthTotal } from './types.js';

/** A client whose query jobs run in `jobProject`; one per export project serves every cluster of a run. */
export function bigqueryClient(jobProject: string, authClient: AuthClient, apiEndpoint?: string): BigQuery {
  return new BigQuery({
    projectId: jobProject,
    // Passed on to @google-cloud/common's GoogleAuth, which uses this client for every request.
    authClient: authClient as never,
    ...(apiEndpoint ? { apiEndpoint } : {}),
    maxRetries: 2,
  });
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
  /** A client to reuse (see bigqueryClient); default a new one. */
  client?: BigQuery;
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
  const client = call.client ?? bigqueryClient(call.jobProject, call.authClient, call.apiEndpoint);
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
