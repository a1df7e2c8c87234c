/**
 * helm-upgrade-jobs: from the files a change added or modified (and the PR labels), decide which support charts and
 * hubs to upgrade, and render the GitHub Actions matrices, the PR comment and tables. `planDeployments` is the one
 * entry point the CLI and the action call; the pieces are exported for tests and other capabilities.
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { RepoPaths } from '../repo/index.js';
import { chartsDirRel, clustersDirRel, loadClustersForPlan } from '../repo/read.js';
import { clusterYamlDiff, gitBaseReader, type BaseReader, type ClusterYamlDiff } from './cluster-yaml-diff.js';
import { clustersToLoad, decidePlan, type Plan } from './decide.js';
import { changedFilesFromGit, labelsFromEventFile, normaliseChangedPaths, parseLabels, quote, splitChangedFiles, unknownDeployerLabels } from './inputs.js';
import { oversizeMatrices } from './render.js';
import { defaultRules, firstMatch, parseRules, readRulesFile, type PlanRules } from './rules.js';

export * from './decide.js';
export * from './fnmatch.js';
export * from './inputs.js';
export * from './render.js';
export * from './rules.js';

export interface PlanRequest {
  paths: RepoPaths;
  /** Changed paths relative to config-root, as given (checked and normalised here). */
  changed: readonly string[];
  labels?: readonly string[];
  rules?: PlanRules;
  /** Where the changed paths came from, for messages (e.g. `input changed-files`). */
  source?: string;
  /**
   * The base of the change (a git ref), when known: a changed cluster.yaml is then compared with its base version and
   * only what changed in it is planned (see cluster-yaml-diff.ts). Without it, the whole cluster is planned.
   */
  baseRef?: string;
  /** Or a reader of the base's files (e.g. an unpacked tree of the base), which wins over `baseRef`. */
  readBase?: BaseReader;
}

export interface PlanResult extends Plan {
  /** The normalised changed paths the plan was made from. */
  changed: string[];
  /** How many cluster.yaml files were read. */
  clustersRead: number;
  /** Things a person should see (unknown deployer labels, oversize matrices, an empty change list). */
  warnings: string[];
  /** One-line explanations for the log. */
  notes: string[];
  /** Hubs a changed cluster.yaml no longer lists (known only with a base): their releases stay on the cluster. */
  removedHubs: Array<{ cluster: string; hub: string }>;
}

/** Make the plan: check the inputs, read the clusters it needs, decide. */
export async function planDeployments(req: PlanRequest): Promise<PlanResult> {
  const changed = normaliseChangedPaths(req.changed, req.source);
  const labels = [...(req.labels ?? [])];
  const chartsRel = chartsDirRel(req.paths);
  const rules = req.rules ?? defaultRules(chartsRel);
  const dirRel = clustersDirRel(req.paths);
  const which = clustersToLoad(changed, labels, rules, dirRel);
  const { clusters, notClusters } = await loadClustersForPlan(req.paths, which);
  const diffs = new Map<string, ClusterYamlDiff>();
  const readBase = req.readBase ?? (req.baseRef ? gitBaseReader(req.paths.configRoot, req.baseRef) : undefined);
  if (readBase) {
    for (const c of clusters) {
      const rel = `${dirRel ? dirRel + '/' : ''}${path.basename(c.dir)}/cluster.yaml`;
      if (!changed.includes(rel)) continue;
      const d = await clusterYamlDiff(readBase, rel, c.spec);
      if (d) diffs.set(c.name, d);
    }
  }
  const plan = decidePlan({ changed, labels, rules, clusters, clusterYamlDiffs: diffs });
  const removedHubs = [...diffs].flatMap(([cluster, d]) => d.removed.map((hub) => ({ cluster, hub })));

  const warnings: string[] = [];
  for (const l of unknownDeployerLabels(labels)) {
    warnings.push(`label ${quote(l)} is not a deployer label (known: deployer:skip-deploy, deployer:skip-deploy-hubs, deployer:deploy-support, deployer:deploy-hubs); it has no effect`);
  }
  if (changed.length === 0) warnings.push('no changed files were given: the plan reflects the labels only');
  for (const dir of notClusters) {
    const files = changed.filter((f) => f.startsWith(dir + '/'));
    warnings.push(`${files.length === 1 ? `changed file ${quote(files[0])} is` : `${files.length} changed files are`} under ${quote(dir)}, which is not a cluster (it has no cluster.yaml): nothing is planned for ${files.length === 1 ? 'it' : 'them'}; check the directory name`);
  }
  for (const { cluster, hub } of removedHubs) {
    warnings.push(
      `hub ${quote(hub)} was removed from the cluster.yaml of ${quote(cluster)}: its release stays on the cluster until someone removes it (\`deployer use-cluster-credentials ${cluster} helm uninstall ${hub} --namespace ${hub}\`, then delete the namespace) once nothing needs it`,
    );
  }
  warnings.push(...oversizeMatrices(plan.matrices));
  if (req.rules) {
    // custom rules that name nothing under the charts directory: a chart change would deploy nothing
    const probe = [`${chartsRel ? chartsRel + '/' : ''}basehub/Chart.yaml`, `${chartsRel ? chartsRel + '/' : ''}support/Chart.yaml`];
    if (!firstMatch(rules.allHubs, probe) && !firstMatch(rules.allSupport, probe)) {
      warnings.push(`the rules match nothing under the charts directory ${quote(chartsRel || '.')}: a chart change redeploys nothing (check charts-dir and the rules' patterns)`);
    }
  }

  const notes: string[] = [];
  const t = plan.triggers;
  if (t.skipDeploy) notes.push('label deployer:skip-deploy: nothing is deployed');
  else {
    if (t.skipDeployHubs) notes.push('label deployer:skip-deploy-hubs: no hub is deployed');
    if (t.allHubs && !t.skipDeployHubs) notes.push(`every hub on every cluster is upgraded: ${t.allHubs.startsWith('label ') ? t.allHubs : `changed file ${quote(t.allHubs)} matches the all-hubs rule`}`);
    if (t.allSupport) notes.push(`the support chart of every cluster is upgraded: ${t.allSupport.startsWith('label ') ? t.allSupport : `changed file ${quote(t.allSupport)} matches the all-support rule`}`);
    for (const c of t.clusterYaml) {
      const d = diffs.get(c);
      if (!d || d.whole) notes.push(`cluster.yaml of ${quote(c)} changed${d ? ' outside its hubs and support sections' : ''}: all its hubs and its support chart are upgraded`);
      else {
        const what = [...(d.hubs.size ? [`the hub(s) whose entry changed (${[...d.hubs].sort().join(', ')})`] : []), ...(d.support ? ['its support chart'] : [])];
        notes.push(`cluster.yaml of ${quote(c)} changed: compared with the base, ${what.length ? `only ${what.join(' and ')} are upgraded` : 'nothing that deploys changed'}`);
      }
    }
  }
  notes.push(`${changed.length} changed file(s), ${clusters.length} cluster.yaml file(s) read`);
  return { ...plan, changed, clustersRead: clusters.length, warnings, notes, removedHubs };
}

// ---- the action's inputs, resolved (kept out of the adapter so main.ts stays short) ---------------------------------

export interface RawPlanInputs {
  paths: RepoPaths;
  /** The `changed-files` text (comma- or newline-separated). */
  changedFiles: string;
  baseRef?: string;
  headRef?: string;
  /** The `labels` text (JSON list), empty for the default. */
  labels: string;
  /** The `rules` text: a file path relative to config-root, or an inline YAML/JSON document. */
  rules: string;
  eventName?: string;
  eventPath?: string;
}

/** Resolve the action's raw inputs into a plan request: changed files from the list or from git, labels, rules. */
export async function planRequestFromInputs(raw: RawPlanInputs): Promise<PlanRequest & { labelsSource: string }> {
  if (raw.baseRef && raw.changedFiles.trim()) {
    throw new UsageError('set either changed-files or base-ref, not both', 'with base-ref the action asks git for the changed files itself');
  }
  const changed = raw.baseRef ? await changedFilesFromGit(raw.paths.configRoot, raw.baseRef, raw.headRef || 'HEAD') : splitChangedFiles(raw.changedFiles);
  let labels: string[] = [];
  let labelsSource = 'none';
  if (raw.labels.trim()) {
    labels = parseLabels(raw.labels, 'input `labels`');
    labelsSource = 'input labels';
  } else if ((raw.eventName === 'pull_request' || raw.eventName === 'pull_request_target') && raw.eventPath) {
    labels = labelsFromEventFile(raw.eventPath) ?? [];
    labelsSource = 'pull request event';
  }
  const defaults = defaultRules(chartsDirRel(raw.paths));
  let rules: PlanRules = defaults;
  const r = raw.rules.trim();
  if (r) {
    rules = r.includes('\n') || r.startsWith('{') ? parseRules(r, 'input `rules`', defaults) : await readRulesFile(rulesFileInside(raw.paths.configRoot, r), r, defaults);
  }
  return { paths: raw.paths, changed, labels, rules, source: raw.baseRef ? 'git diff' : 'input `changed-files`', labelsSource, baseRef: raw.baseRef || undefined };
}

/**
 * The `rules` input names a file inside config-root: an absolute path, a `..` escape or a symlink leading outside is
 * refused (the input must not read arbitrary files of the runner into a log).
 */
export function rulesFileInside(configRoot: string, rel: string): string {
  const root = path.resolve(configRoot);
  const abs = path.resolve(root, rel);
  const inside = (p: string, base: string) => p === base || p.startsWith(base + path.sep);
  const refuse = (why: string) =>
    new UsageError(`input \`rules\`: the rules file ${why}`, 'give a path relative to config-root of a file inside the repository (or the rules document itself)');
  if (path.isAbsolute(rel) || !inside(abs, root)) throw refuse('must be inside config-root');
  if (existsSync(abs) && !inside(realpathSync(abs), realpathSync(root))) throw refuse('is a symlink leading outside config-root');
  return abs;
}

/** Write the PR comment file whole (temp file + rename: never half-written). */
export async function writeCommentFile(file: string, body: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, body);
  await rename(tmp, file);
}
