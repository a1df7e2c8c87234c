/**
 * The GCP billing-export query (upstream A.16): the reference text, its named STRING parameters, and the two guards
 * that keep text from cluster.yaml and the command line out of the SQL. The table name and the optional service id
 * are the only pieces not passed as parameters; anything outside their alphabets is refused before a query is built.
 * No client here: selection and option checks load this without the BigQuery library.
 */
import { DeployerError, UsageError } from '../errors.js';
import { invoiceMonth, type MonthRange } from './months.js';

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
