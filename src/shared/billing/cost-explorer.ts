/**
 * AWS costs from Cost Explorer (beyond upstream, which had GCP only): `GetCostAndUsage`, MONTHLY granularity over
 * the range, filtered to the cluster's account (LINKED_ACCOUNT) when cluster.yaml names it, following NextPageToken.
 *
 * Metric: `NetUnblendedCost`, the cost after credits, refunds and negotiated discounts (EDP, private pricing, savings
 * plans' net rates): the amount the account is invoiced for that month, which is what the GCP side reports too
 * (cost + credits). UnblendedCost would ignore discounts; BlendedCost averages rates across an organisation's accounts;
 * the amortized metrics spread up-front reservation fees over months that were not billed then.
 */
import { CostExplorerClient, GetCostAndUsageCommand, type GetCostAndUsageCommandInput } from '@aws-sdk/client-cost-explorer';
import { CloudApiError, withTimeout } from './errors.js';
import { isoDay, rangeInstants, type MonthRange } from './months.js';
import type { MonthTotal } from './types.js';

export const AWS_COST_METRIC = 'NetUnblendedCost';
/** Cost Explorer has one endpoint, in us-east-1. */
export const COST_EXPLORER_REGION = 'us-east-1';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CostExplorerCall {
  cluster: string;
  /** The Project column (the cluster name). */
  project: string;
  account?: string;
  range: MonthRange;
  /** Explicit credentials (the cluster's decrypted aws.key); undefined: the SDK's default chain (the job's role). */
  credentials?: AwsCredentials;
  endpoint?: string;
  timeoutMs: number;
}

/** The request of one page (exported for the tests' expectations). */
export function costAndUsageInput(range: MonthRange, account: string | undefined, nextPageToken?: string): GetCostAndUsageCommandInput {
  const { start, endExclusive } = rangeInstants(range);
  return {
    TimePeriod: { Start: isoDay(start), End: isoDay(endExclusive) },
    Granularity: 'MONTHLY',
    Metrics: [AWS_COST_METRIC],
    ...(account ? { Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [account] } } } : {}),
    ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
  };
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export async function awsMonthTotals(call: CostExplorerCall): Promise<MonthTotal[]> {
  const client = new CostExplorerClient({
    region: COST_EXPLORER_REGION,
    maxAttempts: 3,
    ...(call.endpoint ? { endpoint: call.endpoint } : {}),
    ...(call.credentials ? { credentials: call.credentials } : {}),
  });
  const totals: MonthTotal[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await withTimeout(
        client.send(new GetCostAndUsageCommand(costAndUsageInput(call.range, call.account, token))),
        call.timeoutMs,
        () => new CloudApiError(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `no answer within ${Math.round(call.timeoutMs / 1000)} s`),
      );
      for (const r of page.ResultsByTime ?? []) {
        const start = r.TimePeriod?.Start ?? '';
        const metric = r.Total?.[AWS_COST_METRIC];
        if (!/^\d{4}-\d{2}-01$/.test(start)) {
          throw new CloudApiError(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `unexpected period start \`${start}\` in the answer`);
        }
        const cost = Number(metric?.Amount ?? 0);
        if (!Number.isFinite(cost)) throw new CloudApiError(call.cluster, 'AWS Cost Explorer GetCostAndUsage', undefined, `unexpected amount for ${start}`);
        totals.push({ period: start.slice(0, 7), project: call.project, cost, ...(metric?.Unit ? { currency: metric.Unit } : {}) });
      }
      token = page.NextPageToken || undefined;
    } while (token);
  } catch (e) {
    if (e instanceof CloudApiError) throw e;
    const err = e as SdkErrorLike;
    throw new CloudApiError(call.cluster, 'AWS Cost Explorer GetCostAndUsage', err.$metadata?.httpStatusCode, `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message ?? String(e)}`,
      err.name === 'AccessDeniedException' || err.$metadata?.httpStatusCode === 403
        ? 'the credentials need ce:GetCostAndUsage (in the cluster\'s account, or in the payer account of its organisation)'
        : err.name === 'CredentialsProviderError'
          ? 'in Actions, run aws-actions/configure-aws-credentials (OIDC, `id-token: write`) before this step, or use aws-credentials: cluster-key'
          : undefined);
  } finally {
    client.destroy();
  }
  return totals;
}
