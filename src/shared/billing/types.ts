/** The shapes the cost table is made of. */
import type { Reporter } from '../log.js';
import type { RepoPaths } from '../repo/index.js';
import type { MonthRange } from './months.js';

export type BillingProvider = 'gcp' | 'aws';

/** One line of the table: what one project (or one hub of a shared cluster) cost in one month, after credits. */
export interface CostRow {
  /** `YYYY-MM` (UTC invoice month). */
  period: string;
  cluster: string;
  provider: BillingProvider;
  /** GCP: the project id; AWS: the cluster name; shared clusters: the hub (namespace) or a combined line. */
  project: string;
  /** Cost after credits, full precision (round only for display). */
  cost: number;
  /** Shared clusters only: the fraction of the cluster's cost this line carries. */
  share?: number;
  /** AWS only: the currency Cost Explorer reported (GCP's export query does not select one). */
  currency?: string;
}

/** A cluster that is not in the table, and why (no billing config, billed to the community, ...). */
export interface SkippedCluster {
  cluster: string;
  reason: string;
}

/** A cluster whose costs could not be fetched: the run goes on for the others and exits 1 naming it. */
export interface FailedCluster {
  cluster: string;
  error: string;
}

export interface CostTable {
  range: { start: string; end: string };
  rows: CostRow[];
  skipped: SkippedCluster[];
  failed: FailedCluster[];
}

/** A cluster selected for billing, with what its provider needs to be asked. */
export type BilledCluster =
  | {
      name: string;
      provider: 'gcp';
      shared: boolean;
      file: string;
      /** The cluster's GCP project (the `project` query parameter, not the BigQuery project). */
      project: string;
      bigquery: { project: string; dataset: string; billingId: string };
    }
  | {
      name: string;
      provider: 'aws';
      shared: boolean;
      file: string;
      /** The 12-digit account id (LINKED_ACCOUNT filter), when cluster.yaml names it. */
      account?: string;
      /** The sops-encrypted access key file of the cluster (aws.key), absolute, when cluster.yaml names one. */
      keyFile?: string;
      keyDisplay?: string;
    };

/** A month's total for one cluster, before any shared-tenancy split. */
export interface MonthTotal {
  period: string;
  project: string;
  cost: number;
  currency?: string;
}

export interface CostTableOptions {
  paths: RepoPaths;
  reporter: Reporter;
  range: MonthRange;
  /** Only these clusters (default: every cluster). */
  clusters?: string[];
  /** Clusters asked at once (default 8). */
  concurrency?: number;
  /** GCP: optional service filter (`XXXX-XXXX-XXXX`), as upstream's `service_id`. */
  serviceId?: string;
  gcp?: {
    /** A sops-encrypted service-account key (absolute path); default Application Default Credentials. */
    keyFile?: string;
    keyDisplay?: string;
    /** BigQuery API root (default https://bigquery.googleapis.com); for private endpoints and tests. */
    apiEndpoint?: string;
  };
  aws?: {
    /** `ambient`: the job's credentials (OIDC role), filtered by the cluster's account; `cluster-key`: each cluster's aws.key. */
    credentials?: 'ambient' | 'cluster-key';
    /** Cost Explorer endpoint (default the us-east-1 global endpoint); for private endpoints and tests. */
    endpoint?: string;
  };
  prometheus?: {
    /** Per-cluster URL overrides (e.g. a port-forward); default https://<support values' prometheus TLS host>. */
    urls?: Record<string, string>;
    /** Namespaces combined into the operator's own line (default upstream's list). */
    internalNamespaces?: string[];
    /** Name of that line (default `2i2c_costs`, as upstream). */
    internalLine?: string;
  };
  /** Environment for sops (KMS credentials, SOPS_AGE_KEY_FILE). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds for each API call (default 120 s). */
  timeoutMs?: number;
}
