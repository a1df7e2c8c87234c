/**
 * Which clusters are billed to the operator, read from cluster.yaml: `gcp.billing.paid_by_us` (BigQuery export) and
 * `aws.billing.paid_by_us` (Cost Explorer). Every other cluster is listed as skipped with the reason (upstream crashed
 * with a KeyError on a gcp cluster without billing); a cluster whose billing block is unusable is a failure of that
 * cluster only, located in its cluster.yaml.
 */
import { describeError, DeployerError } from '../errors.js';
import { clusterFromYaml, listClusterNames, readClusterYaml, resolveInCluster, type Cluster, type RepoPaths } from '../repo/index.js';
import { billingTable } from './query.js';
import type { BilledCluster, FailedCluster, SkippedCluster } from './types.js';

export interface Selection {
  billed: Array<{ cluster: Cluster; billing: BilledCluster }>;
  skipped: SkippedCluster[];
  failed: FailedCluster[];
}

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function at(cluster: Cluster, pointer: Array<string | number>) {
  return { file: cluster.displayFile, ...cluster.yaml.locate(pointer) };
}

/** The billing of one cluster: billed, or the reason it is skipped. Throws a located DeployerError for bad config. */
export function billingOf(cluster: Cluster): BilledCluster | { skip: string } {
  const spec = cluster.spec;
  const shared = spec.tenancy === 'shared';
  const provider = cluster.provider;
  if (provider !== 'gcp' && provider !== 'aws') {
    return { skip: `provider ${String(provider)}: no billing source for it (the table reads GCP billing exports and AWS Cost Explorer)` };
  }
  const block = obj(spec[provider]);
  const billing = obj(block?.billing);
  if (!billing) return { skip: `no ${provider}.billing in cluster.yaml` };
  if (billing.paid_by_us !== true) return { skip: `${provider}.billing.paid_by_us is ${billing.paid_by_us === false ? 'false' : 'not set'} (not billed to the operator)` };
  if (provider === 'gcp') {
    const bq = obj(billing.bigquery);
    const project = block?.project;
    if (!bq || typeof bq.project !== 'string' || typeof bq.dataset !== 'string' || typeof bq.billing_id !== 'string') {
      throw new DeployerError(`cluster ${cluster.name}: gcp.billing.paid_by_us is true but gcp.billing.bigquery {project, dataset, billing_id} is missing or incomplete`, {
        ...at(cluster, ['gcp', 'billing']),
        hint: 'name the BigQuery billing export: its project, dataset and billing account id (XXXXXX-XXXXXX-XXXXXX)',
      });
    }
    if (typeof project !== 'string' || !project) {
      throw new DeployerError(`cluster ${cluster.name}: gcp.project is required for its costs`, { ...at(cluster, ['gcp']), hint: 'set gcp.project in cluster.yaml' });
    }
    const bigquery = { project: bq.project, dataset: bq.dataset, billingId: bq.billing_id };
    billingTable(bigquery, at(cluster, ['gcp', 'billing', 'bigquery'])); // the injection guard, located
    return { name: cluster.name, provider: 'gcp', shared, file: cluster.displayFile, project, bigquery };
  }
  const rawAccount = block?.account;
  let account: string | undefined;
  if (typeof rawAccount === 'number' || typeof rawAccount === 'string') {
    account = String(rawAccount).padStart(12, '0');
    if (!/^\d{12}$/.test(account)) {
      throw new DeployerError(`cluster ${cluster.name}: aws.account \`${String(rawAccount)}\` is not a 12-digit AWS account id`, { ...at(cluster, ['aws', 'account']), hint: 'write the account id as a quoted string to keep leading zeros' });
    }
  }
  let keyFile: string | undefined;
  let keyDisplay: string | undefined;
  if (typeof block?.key === 'string' && block.key) {
    keyFile = resolveInCluster(cluster, block.key, ['aws', 'key']);
    keyDisplay = `${cluster.displayFile.replace(/cluster\.yaml$/, '')}${block.key}`;
  }
  return { name: cluster.name, provider: 'aws', shared, file: cluster.displayFile, account, keyFile, keyDisplay };
}

export async function selectClusters(paths: RepoPaths, only?: string[]): Promise<Selection> {
  const names = only?.length ? [...new Set(only)].sort() : listClusterNames(paths);
  const out: Selection = { billed: [], skipped: [], failed: [] };
  for (const name of names) {
    try {
      const cluster = clusterFromYaml(paths, name, await readClusterYaml(paths, name));
      const b = billingOf(cluster);
      if ('skip' in b) out.skipped.push({ cluster: name, reason: b.skip });
      else out.billed.push({ cluster, billing: b });
    } catch (e) {
      out.failed.push({ cluster: name, error: describeError(e) });
    }
  }
  return out;
}
