/**
 * Loading clusters for the plan: fast and forgiving where it may be, strict where the plan depends on it.
 *
 * - Only the clusters the plan can touch are read (see `clustersToLoad`): a change inside one cluster's directory
 *   reads one cluster.yaml, not all of them.
 * - No JSON-schema check (ajv is not even loaded): the plan must not fail on an unrelated schema issue, which
 *   `validate` reports. The keys the plan itself reads are checked: a cluster.yaml that does not parse, `provider`
 *   that is not a string, `hubs` that is not a list of mappings with a string `name`, a values-file list that is not
 *   a list of strings, a duplicate hub name. Each is a located error naming the file: a plan that guessed would
 *   silently skip or add deploys.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError, UsageError } from '../errors.js';
import { CLUSTER_FILE, clusterFromYaml, listClusterNames, readClusterYaml, type Cluster, type RepoPaths } from '../repo/index.js';
import { parseYaml, type YamlFile } from '../yaml/index.js';

/** The clusters directory relative to config-root (POSIX). It must be inside config-root: changed paths are relative to it. */
export function clustersDirRel(paths: RepoPaths): string {
  const rel = path.relative(paths.configRoot, paths.clustersDir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UsageError(
      `the clusters directory ${paths.clustersDir} is outside the config root ${paths.configRoot}`,
      'changed paths are relative to the config root, so the clusters directory must be inside it (set config-root to the repository root)',
    );
  }
  return rel.split(path.sep).join('/');
}

function fail(y: YamlFile, at: (string | number)[], message: string, hint: string): never {
  throw new DeployerError(message, { file: y.file, ...y.locate(at), hint: `${hint} (\`deployer validate cluster-config\` checks the whole file)` });
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

function checkFileList(y: YamlFile, v: unknown, at: (string | number)[]): void {
  if (v === undefined || v === null) return;
  const where = at.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);
  if (!Array.isArray(v)) fail(y, at, `${where} must be a list of file names, but it is ${kind(v)}`, 'write one values file per list item');
  v.forEach((f, i) => {
    if (typeof f !== 'string' || f === '') fail(y, [...at, i], `${where}[${i}] must be a file name, but it is ${typeof f === 'string' ? 'empty' : kind(f)}`, 'write the file name as a string');
  });
}

/** Check the keys the planner reads. Throws a located DeployerError on the first problem. */
export function checkPlanShape(y: YamlFile): void {
  const doc = y.value as Record<string, unknown>;
  if (typeof doc.provider !== 'string' || doc.provider === '') {
    fail(y, doc.provider === undefined ? [] : ['provider'], doc.provider === undefined ? 'cluster.yaml has no `provider`' : `provider must be a string, but it is ${kind(doc.provider)}`, 'set `provider:` to gcp, aws, azure or kubeconfig');
  }
  if (doc.name !== undefined && typeof doc.name !== 'string') fail(y, ['name'], `name must be a string, but it is ${kind(doc.name)}`, 'set `name:` to the cluster name');
  if (doc.support !== undefined && doc.support !== null) {
    if (typeof doc.support !== 'object' || Array.isArray(doc.support)) fail(y, ['support'], `support must be a mapping, but it is ${kind(doc.support)}`, 'write `support: {helm_chart_values_files: [...]}`');
    checkFileList(y, (doc.support as Record<string, unknown>).helm_chart_values_files, ['support', 'helm_chart_values_files']);
  }
  if (doc.hubs === undefined || doc.hubs === null) return;
  if (!Array.isArray(doc.hubs)) fail(y, ['hubs'], `hubs must be a list, but it is ${kind(doc.hubs)}`, 'write one `- name: ...` item per hub');
  const seen = new Map<string, number>();
  doc.hubs.forEach((h, i) => {
    if (!h || typeof h !== 'object' || Array.isArray(h)) fail(y, ['hubs', i], `hubs[${i}] must be a mapping, but it is ${kind(h)}`, 'each hub is a mapping with name, domain, helm_chart and helm_chart_values_files');
    const hub = h as Record<string, unknown>;
    if (typeof hub.name !== 'string' || hub.name === '') {
      fail(y, hub.name === undefined ? ['hubs', i] : ['hubs', i, 'name'], hub.name === undefined ? `hubs[${i}] has no \`name\`` : `hubs[${i}].name must be a string, but it is ${kind(hub.name)}`, 'give every hub a name');
    }
    const first = seen.get(hub.name);
    if (first !== undefined) fail(y, ['hubs', i, 'name'], `hub name \`${hub.name}\` is used twice (hubs[${first}] and hubs[${i}])`, 'hub names must be unique within a cluster');
    seen.set(hub.name, i);
    checkFileList(y, hub.helm_chart_values_files, ['hubs', i, 'helm_chart_values_files']);
  });
}

/** Load one cluster for planning (parse, check the keys the plan reads, no schema). */
export async function loadPlanCluster(paths: RepoPaths, name: string): Promise<Cluster> {
  const y = await readClusterYaml(paths, name);
  checkPlanShape(y);
  return clusterFromYaml(paths, name, positionsOnDemand(y));
}

/**
 * The same YamlFile without its parsed document: positions are only needed for an error message, so the document
 * (the bulk of the memory of a plan over thousands of clusters) is dropped and re-parsed if ever asked for.
 */
function positionsOnDemand(y: YamlFile): YamlFile {
  let full: YamlFile | undefined;
  const again = () => (full ??= parseYaml(y.text, y.file));
  return {
    file: y.file,
    text: y.text,
    value: y.value,
    locate: (p) => again().locate(p),
    locateKey: (p) => again().locateKey(p),
  };
}

/** Load the clusters named by `which` ('all', or directory names; names that are not clusters are skipped). */
export async function loadPlanClusters(paths: RepoPaths, which: 'all' | Set<string>): Promise<Cluster[]> {
  // a wrong config-root must fail, not plan nothing
  if (!existsSync(paths.clustersDir)) listClusterNames(paths);
  if (which !== 'all' && which.size === 0) return [];
  const names =
    which === 'all'
      ? listClusterNames(paths)
      : [...which].filter((n) => n !== 'templates' && existsSync(path.join(paths.clustersDir, n, CLUSTER_FILE))).sort();
  return Promise.all(names.map((n) => loadPlanCluster(paths, n)));
}
