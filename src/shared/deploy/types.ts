/** Options and results of hub and support deployments. */
import type { Reporter } from '../log.js';
import type { RepoPaths } from '../repo/index.js';
import type { KubeAccess } from '../auth/types.js';
import type { ChartWorkspace, ChartWorkspaceOptions } from '../helm/charts.js';
import type { Runner } from '../helm/client.js';

/** A decrypted file on disk (0600, private dir); `dispose()` removes it. */
export interface DecryptedFile {
  path: string;
  dispose(): Promise<void> | void;
}

/** The pieces of the world a deployment uses; tests may replace them, the defaults are the real ones. */
export interface DeployServices {
  authenticate(cluster: import('../repo/index.js').Cluster, options: { reporter: Reporter; ambient?: boolean; env?: NodeJS.ProcessEnv }): Promise<KubeAccess>;
  decryptFile(abs: string, options: { reporter: Reporter; display: string; env?: NodeJS.ProcessEnv }): Promise<DecryptedFile>;
  createChartWorkspace(paths: RepoPaths, options: ChartWorkspaceOptions): Promise<ChartWorkspace>;
  /** Runs helm, kubectl and jsonnet (default: runTool). */
  runner?: Runner;
}

export interface CommonDeployOptions {
  paths: RepoPaths;
  cluster: string;
  reporter: Reporter;
  /** Render only (helm template); never authenticates or touches the cluster; prints no values. */
  dryRun?: boolean;
  /** helm --debug (stderr shown; values, hooks, manifests and notes never printed). */
  debug?: boolean;
  /** helm --atomic (--rollback-on-failure on helm 4). */
  atomic?: boolean;
  /** Roll back (or uninstall) a release stuck in pending-* before upgrading. */
  recoverPending?: boolean;
  /** Seconds for each helm upgrade and for each namespace's rollout check (default 600). */
  timeoutS?: number;
  /** Appended to `helm upgrade` (e.g. --disable-openapi-validation against a test API server). */
  helmExtraArgs?: string[];
  /** Appended to `kubectl apply` of CRDs (e.g. --validate=false against a test API server). */
  kubectlExtraArgs?: string[];
  /** helm 4 wait strategy (`--wait=<strategy>`, default watcher). Ignored by helm 3. */
  helmWaitStrategy?: string;
  /** Milliseconds between "still waiting" lines during helm waits, rollouts and CRD applies (default 10 s). */
  heartbeatMs?: number;
  /** Skip the rollout check after helm (default: run it unless dry-run). */
  skipRolloutCheck?: boolean;
  /** Use ambient cloud credentials instead of decrypting the cluster's key file. */
  ambient?: boolean;
  /** Environment for the tools (sops, helm, kubectl, jsonnet); default: the exec runner's base environment. */
  env?: NodeJS.ProcessEnv;
  services?: Partial<DeployServices>;
  /** Called with every helm / kubectl argument list (for logs and tests; never contains values content). */
  onCommand?: (tool: 'helm' | 'kubectl' | 'jsonnet', args: string[]) => void;
}

export interface DeployHubsOptions extends CommonDeployOptions {
  /** Hub names (default: every hub, in cluster.yaml order). */
  hubs?: string[];
  /** Hubs deployed at once (default 1 = upstream order, one after the other). */
  parallelism?: number;
  /** dask-gateway CRD version (default: the daskhub chart's dask-gateway dependency, else 2023.9.0). */
  daskGatewayVersion?: string;
  /** A local directory (or file) of dask-gateway CRDs to apply instead of the upstream URLs. */
  daskGatewayCrds?: string;
}

export type ReleaseStatus = 'deployed' | 'failed' | 'rendered' | 'skipped';

export interface HubResult {
  hub: string;
  status: ReleaseStatus;
  revision: number | null;
  chart_version: string | null;
  duration_s: number;
  error: string | null;
}

export interface DeployHubsResult {
  cluster: string;
  dryRun: boolean;
  results: HubResult[];
  failed: string[];
  /** helm dependency builds in this run (one per chart at most). */
  dependencyBuilds: number;
}

export interface DeploySupportOptions extends CommonDeployOptions {
  /** cert-manager chart version (default v1.12.1, upstream 2023). */
  certManagerVersion?: string;
  /** A local cert-manager chart (directory or .tgz) instead of the jetstack repository. */
  certManagerChart?: string;
  /** cert-manager CRDs: a URL, file or directory (default: the release's cert-manager.crds.yaml URL). */
  certManagerCrds?: string;
  /** Don't touch cert-manager at all (CRDs and chart). */
  skipCertManager?: boolean;
}

export interface ReleaseResult {
  release: string;
  namespace: string;
  status: ReleaseStatus;
  revision: number | null;
  chart_version: string | null;
  duration_s: number;
  error: string | null;
}

export interface DeploySupportResult {
  cluster: string;
  status: ReleaseStatus;
  dryRun: boolean;
  /** Why nothing was done (no support section), when status is skipped. */
  message: string | null;
  releases: ReleaseResult[];
}
