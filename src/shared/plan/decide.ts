/**
 * The deployment-plan decisions, as pure functions over strings and loaded clusters (no file system, no logging).
 * Each building block mirrors an upstream function (reference A.9 / B.3.2) so the upstream test cases map onto them;
 * `decidePlan` composes them. Our decisions (DESIGN.md section 4, src/shared/plan/README.md): a changed cluster.yaml
 * fires; rows are sorted by cluster then hub; file and hub lists inside reasons are sorted; both output shapes.
 */
import type { ClusterYamlDiff } from './cluster-yaml-diff.js';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Cluster, Hub } from '../repo/index.js';
import { LABELS } from './inputs.js';
import { firstMatch, type PlanRules } from './rules.js';

export const REASONS = {
  coreInfra: 'Core infrastructure has been modified',
  clusterYaml: 'cluster.yaml file was modified',
  supportChart: 'Support helm chart has been modified',
  deployHubsLabel: 'deployer:deploy-hubs label detected',
  deploySupportLabel: 'deployer:deploy-support label detected',
  valuesFiles: 'Following helm chart values files were modified: ',
  prodHubs: 'Following prod hubs require redeploy: ',
} as const;

/** A row of `support-jobs` (2026 shape). */
export interface SupportJob {
  cluster_name: string;
  provider: string;
  choice_reason: string;
}

/** A row of `staging-jobs` / `prod-jobs` (2026 shape). */
export interface HubJob {
  cluster_name: string;
  provider: string;
  choice_reason: string;
  hub_name: string;
}

/** A row of `support-and-staging-matrix-jobs` (2023 shape). */
export interface SupportStagingJob {
  cluster_name: string;
  provider: string;
  upgrade_support: boolean;
  reason_for_support_redeploy: string;
  upgrade_staging: boolean;
  reason_for_staging_redeploy: string;
}

/** A row of `prod-hub-matrix-jobs` (2023 shape). */
export interface ProdHubJob {
  cluster_name: string;
  provider: string;
  reason_for_redeploy: string;
  hub_name: string;
}

export interface Matrices {
  'support-and-staging-matrix-jobs': SupportStagingJob[];
  'prod-hub-matrix-jobs': ProdHubJob[];
  'support-jobs': SupportJob[];
  'staging-jobs': HubJob[];
  'prod-jobs': HubJob[];
}

export const MATRIX_NAMES = ['support-and-staging-matrix-jobs', 'prod-hub-matrix-jobs', 'support-jobs', 'staging-jobs', 'prod-jobs'] as const;

export interface Plan {
  matrices: Matrices;
  /** Why the plan is what it is, for the log: the path or label that fired each global rule, skip labels. */
  triggers: {
    allHubs?: string;
    allSupport?: string;
    skipDeploy: boolean;
    skipDeployHubs: boolean;
    clusterYaml: string[];
  };
}

// ---- building blocks ------------------------------------------------------------------------------------------

/** Upstream's `discover_modified_common_files`: the first path firing each global rule (or undefined). */
export function discoverModifiedCommonFiles(paths: readonly string[], rules: PlanRules): { allSupport?: string; allHubs?: string } {
  return { allSupport: firstMatch(rules.allSupport, paths), allHubs: firstMatch(rules.allHubs, paths) };
}

/** A staging hub is one whose name contains `staging` (upstream's substring rule: `dask-staging`, `r-staging`...). */
export function isStagingHub(name: string): boolean {
  return name.includes('staging');
}

/** The cluster directory relative to config-root, POSIX separators. */
export function clusterDirRel(cluster: Cluster): string {
  return path.relative(cluster.paths.configRoot, cluster.dir).split(path.sep).join('/');
}

/**
 * A values-file reference of cluster.yaml as a config-root-relative path (normalised). Absolute references and
 * references escaping the cluster directory are located errors: they could never be deployed.
 */
export function valuesFilePath(cluster: Cluster, dirRel: string, ref: string, pointer: (string | number)[]): string {
  const loc = () => ({ file: cluster.displayFile, ...cluster.yaml.locate(pointer) });
  // fast path: a plain file name (the common case) needs no normalisation
  if (!ref.includes('/') && ref !== '.' && ref !== '..') return `${dirRel}/${ref}`;
  if (path.posix.isAbsolute(ref)) {
    throw new DeployerError(`values file \`${ref}\` is absolute; files referenced from cluster.yaml must be relative to the cluster directory`, {
      ...loc(),
      hint: `write it relative to ${dirRel}`,
    });
  }
  const joined = path.posix.normalize(`${dirRel}/${ref}`);
  if (!joined.startsWith(dirRel + '/')) {
    throw new DeployerError(`values file \`${ref}\` escapes the cluster directory (${dirRel})`, {
      ...loc(),
      hint: 'every file a cluster refers to must live inside its directory',
    });
  }
  return joined;
}

/** Whether a cluster has a support chart: a non-empty `support` mapping (upstream: `cfg.get("support", {})` truthy). */
export function hasSupport(cluster: Cluster): boolean {
  const s = cluster.spec.support;
  return !!s && typeof s === 'object' && Object.keys(s).length > 0;
}

function valuesReason(files: string[]): string {
  return REASONS.valuesFiles + files.map((f) => path.posix.basename(f)).sort(compare).join(', ');
}

/** The changed values files among `refs` (sorted, deduplicated), as config-root-relative paths. */
function changedValues(cluster: Cluster, dirRel: string, refs: string[], pointer: (string | number)[], changed: ReadonlySet<string>): string[] {
  const hits = new Set<string>();
  refs.forEach((ref, i) => {
    const p = valuesFilePath(cluster, dirRel, ref, [...pointer, i]);
    if (changed.has(p)) hits.add(p);
  });
  return [...hits];
}

export interface ClusterFlags {
  /** This cluster's cluster.yaml changed. */
  thisCluster: boolean;
  /**
   * With a known base: the only hubs whose cluster.yaml entry changed (or are new). Absent: every hub, as when the
   * base is unknown.
   */
  clusterYamlHubs?: ReadonlySet<string>;
  /** A global rule (or label) fired for all clusters. */
  allClusters: boolean;
  labels: readonly string[];
}

/**
 * Upstream's `generate_hub_matrix_jobs` (2026): the hub jobs of one cluster, split into staging and prod, in
 * cluster.yaml order. All-clusters beats this-cluster beats values files; skip labels give nothing.
 */
export function generateHubJobs(cluster: Cluster, changed: ReadonlySet<string>, flags: ClusterFlags): { staging: HubJob[]; prod: HubJob[] } {
  if (flags.labels.includes(LABELS.skipDeploy) || flags.labels.includes(LABELS.skipDeployHubs)) return { staging: [], prod: [] };
  const dirRel = clusterDirRel(cluster);
  const jobs: HubJob[] = [];
  for (const hub of cluster.hubs) {
    let reason: string | undefined;
    // computed for every hub, so a bad reference is reported whatever fired
    const files = changedValues(cluster, dirRel, hub.valuesFiles, ['hubs', hub.index, 'helm_chart_values_files'], changed);
    if (flags.allClusters) reason = flags.labels.includes(LABELS.deployHubs) ? REASONS.deployHubsLabel : REASONS.coreInfra;
    else if (flags.thisCluster && (!flags.clusterYamlHubs || flags.clusterYamlHubs.has(hub.name))) reason = REASONS.clusterYaml;
    else if (files.length) reason = valuesReason(files);
    if (reason !== undefined) jobs.push({ cluster_name: cluster.name, provider: cluster.provider, choice_reason: reason, hub_name: hub.name });
  }
  return splitStaging(jobs);
}

/** Upstream's `generate_support_matrix_jobs` (2026): at most one support job for the cluster. */
export function generateSupportJobs(cluster: Cluster, changed: ReadonlySet<string>, flags: ClusterFlags): SupportJob[] {
  if (flags.labels.includes(LABELS.skipDeploy)) return [];
  if (!hasSupport(cluster)) return [];
  const dirRel = clusterDirRel(cluster);
  const files = changedValues(cluster, dirRel, cluster.support?.valuesFiles ?? [], ['support', 'helm_chart_values_files'], changed);
  let reason: string | undefined;
  if (flags.allClusters) reason = flags.labels.includes(LABELS.deploySupport) ? REASONS.deploySupportLabel : REASONS.supportChart;
  else if (flags.thisCluster) reason = REASONS.clusterYaml;
  else if (files.length) reason = valuesReason(files);
  return reason === undefined ? [] : [{ cluster_name: cluster.name, provider: cluster.provider, choice_reason: reason }];
}

/** Upstream's `filter_out_staging_hubs`. */
export function splitStaging<T extends { hub_name: string }>(jobs: T[]): { staging: T[]; prod: T[] } {
  return { staging: jobs.filter((j) => isStagingHub(j.hub_name)), prod: jobs.filter((j) => !isStagingHub(j.hub_name)) };
}

function prodReason(prod: { hub_name: string }[]): string {
  return REASONS.prodHubs + prod.map((j) => j.hub_name).sort(compare).join(', ');
}

/**
 * Upstream's `assign_staging_jobs_for_missing_clusters` (2026): a cluster with prod jobs but no staging job gets one
 * staging job per staging-named hub (none when it has no such hub), so staging is always tried before prod.
 */
export function assignStagingJobsForMissingClusters(staging: HubJob[], prod: HubJob[], clusters: readonly Cluster[]): HubJob[] {
  const out = [...staging];
  const withStaging = new Set(staging.map((j) => j.cluster_name));
  const prodByCluster = groupBy(prod, (j) => j.cluster_name);
  const byName = new Map(clusters.map((c) => [c.name, c]));
  for (const [name, jobs] of prodByCluster) {
    if (withStaging.has(name)) continue;
    const cluster = byName.get(name);
    if (!cluster) continue;
    for (const hub of cluster.hubs.filter((h: Hub) => isStagingHub(h.name))) {
      out.push({ cluster_name: name, provider: jobs[0].provider, choice_reason: prodReason(jobs), hub_name: hub.name });
    }
  }
  return out;
}

/**
 * The seed's 2023 shape: one support/staging row per cluster, prod rows apart. A staging job sets `upgrade_staging`
 * (the reason of the cluster's last staging hub in cluster.yaml order wins, as upstream); a cluster with prod jobs
 * and no staging job gets `upgrade_staging: true` with a "Following prod hubs require redeploy" reason, but only
 * when it has a staging-named hub to deploy: a cluster without one gets a row with both flags false (upstream asked
 * for a `staging` hub that does not exist), so a per-cluster gate still sees it.
 */
export function fold2023(
  clusters: readonly Cluster[],
  support: SupportJob[],
  hubJobsByCluster: ReadonlyMap<string, { staging: HubJob[]; prod: HubJob[] }>,
): { supportAndStaging: SupportStagingJob[]; prodHubs: ProdHubJob[] } {
  const rows = new Map<string, SupportStagingJob>();
  const row = (name: string, provider: string): SupportStagingJob => {
    let r = rows.get(name);
    if (!r) {
      r = { cluster_name: name, provider, upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: false, reason_for_staging_redeploy: '' };
      rows.set(name, r);
    }
    return r;
  };
  for (const s of support) {
    const r = row(s.cluster_name, s.provider);
    r.upgrade_support = true;
    r.reason_for_support_redeploy = s.choice_reason;
  }
  const prodHubs: ProdHubJob[] = [];
  const byName = new Map(clusters.map((c) => [c.name, c]));
  for (const [name, { staging, prod }] of hubJobsByCluster) {
    for (const p of prod) prodHubs.push({ cluster_name: p.cluster_name, provider: p.provider, reason_for_redeploy: p.choice_reason, hub_name: p.hub_name });
    if (staging.length) {
      const r = row(name, staging[0].provider);
      r.upgrade_staging = true;
      r.reason_for_staging_redeploy = staging[staging.length - 1].choice_reason;
    } else if (prod.length) {
      const r = row(name, prod[0].provider);
      const cluster = byName.get(name);
      if (cluster?.hubs.some((h) => isStagingHub(h.name))) {
        r.upgrade_staging = true;
        r.reason_for_staging_redeploy = prodReason(prod);
      }
    }
  }
  return { supportAndStaging: [...rows.values()].sort(byCluster), prodHubs: prodHubs.sort(byClusterHub) };
}

// ---- the whole plan -------------------------------------------------------------------------------------------

export interface PlanInput {
  /** Changed paths relative to config-root, normalised (see `normaliseChangedPaths`). */
  changed: readonly string[];
  labels: readonly string[];
  rules: PlanRules;
  /**
   * The clusters: all of them, or at least every cluster the plan can touch (`clustersToLoad` says which); the
   * result is the same either way.
   */
  clusters: readonly Cluster[];
  /**
   * Precise plans (the base is known): for a cluster (by name) whose cluster.yaml changed, what changed in it. A
   * cluster without an entry is planned whole.
   */
  clusterYamlDiffs?: ReadonlyMap<string, ClusterYamlDiff>;
}

/** Decide the plan. Pure: same input, same output, rows sorted. */
export function decidePlan(input: PlanInput): Plan {
  const labels = input.labels;
  const common = discoverModifiedCommonFiles(input.changed, input.rules);
  const skipDeploy = labels.includes(LABELS.skipDeploy);
  const skipDeployHubs = labels.includes(LABELS.skipDeployHubs);
  const allSupport = labels.includes(LABELS.deploySupport) ? `label ${LABELS.deploySupport}` : common.allSupport;
  const allHubs = labels.includes(LABELS.deployHubs) ? `label ${LABELS.deployHubs}` : common.allHubs;
  const changed = new Set(input.changed);
  const clusters = [...input.clusters].sort((a, b) => compare(a.name, b.name));

  const support: SupportJob[] = [];
  const hubJobsByCluster = new Map<string, { staging: HubJob[]; prod: HubJob[] }>();
  const clusterYaml: string[] = [];
  for (const cluster of clusters) {
    const dirRel = clusterDirRel(cluster);
    const thisCluster = changed.has(`${dirRel}/cluster.yaml`);
    if (thisCluster) clusterYaml.push(cluster.name);
    const precise = thisCluster ? input.clusterYamlDiffs?.get(cluster.name) : undefined;
    const exact = precise && !precise.whole ? precise : undefined;
    const hubs = generateHubJobs(cluster, changed, { thisCluster, clusterYamlHubs: exact?.hubs, allClusters: !!allHubs, labels });
    support.push(...generateSupportJobs(cluster, changed, { thisCluster: thisCluster && (!exact || exact.support), allClusters: !!allSupport, labels }));
    if (hubs.staging.length || hubs.prod.length) {
      const prev = hubJobsByCluster.get(cluster.name);
      if (prev) {
        prev.staging.push(...hubs.staging);
        prev.prod.push(...hubs.prod);
      } else hubJobsByCluster.set(cluster.name, hubs);
    }
  }
  const staging = [...hubJobsByCluster.values()].flatMap((h) => h.staging);
  const prod = [...hubJobsByCluster.values()].flatMap((h) => h.prod);
  const staging2026 = assignStagingJobsForMissingClusters(staging, prod, clusters);
  const v2023 = fold2023(clusters, support, hubJobsByCluster);
  return {
    matrices: {
      'support-and-staging-matrix-jobs': v2023.supportAndStaging,
      'prod-hub-matrix-jobs': v2023.prodHubs,
      'support-jobs': support.sort(byCluster),
      'staging-jobs': staging2026.sort(byClusterHub),
      'prod-jobs': prod.sort(byClusterHub),
    },
    triggers: { allHubs: allHubs || undefined, allSupport: allSupport || undefined, skipDeploy, skipDeployHubs, clusterYaml },
  };
}

/**
 * Which cluster directories the plan can touch, given the changed paths and labels: every cluster when a global rule
 * or label fires, else only those with a changed file inside their directory. Any other cluster gets no job whatever
 * its cluster.yaml says (a cluster's values files must live inside its directory), so it need not be read at all.
 * Returns 'all' or a set of directory names under the clusters directory.
 */
export function clustersToLoad(changed: readonly string[], labels: readonly string[], rules: PlanRules, clustersDirRel: string): 'all' | Set<string> {
  if (labels.includes(LABELS.skipDeploy)) return new Set();
  const common = discoverModifiedCommonFiles(changed, rules);
  const hubsAll = !labels.includes(LABELS.skipDeployHubs) && (labels.includes(LABELS.deployHubs) || !!common.allHubs);
  const supportAll = labels.includes(LABELS.deploySupport) || !!common.allSupport;
  if (hubsAll || supportAll) return 'all';
  const dirs = new Set<string>();
  const prefix = clustersDirRel === '' ? '' : clustersDirRel + '/';
  for (const p of changed) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash > 0) dirs.add(rest.slice(0, slash));
  }
  return dirs;
}

// ---- helpers ------------------------------------------------------------------------------------------------------

/** Code-point order (Python's string order), not locale order. */
const SURROGATE = /[\uD800-\uDFFF]/;
export function compare(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals code-point order unless a surrogate pair is involved
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  const A = [...a];
  const B = [...b];
  for (let i = 0; i < Math.min(A.length, B.length); i++) {
    if (A[i] !== B[i]) return A[i].codePointAt(0)! - B[i].codePointAt(0)!;
  }
  return A.length - B.length;
}

function byCluster(a: { cluster_name: string }, b: { cluster_name: string }): number {
  return compare(a.cluster_name, b.cluster_name);
}

function byClusterHub(a: { cluster_name: string; hub_name: string }, b: { cluster_name: string; hub_name: string }): number {
  return compare(a.cluster_name, b.cluster_name) || compare(a.hub_name, b.hub_name);
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
