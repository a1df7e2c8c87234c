/**
 * The light reading of cluster.yaml that planning needs, beside the full schema check that validation and deploys use
 * (schema.ts): the same reader (`readClusterYaml`: fast parse, positions only to locate an error), then only the keys
 * the planner reads are checked. An unrelated schema issue never blocks a plan (`validate` reports it), but anything
 * the plan depends on is a located error naming the file: a plan that guessed would silently skip or add deploys.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError, UsageError } from '../errors.js';
import type { YamlFile } from '../yaml/index.js';
import { CLUSTER_FILE, clusterFromYaml, displayPath, listClusterNames, readClusterYaml, type Cluster, type RepoPaths } from './index.js';

/** A directory of `paths` relative to config-root (POSIX). It must be inside config-root: changed paths are relative to it. */
function dirRel(paths: RepoPaths, abs: string, what: string, input: string): string {
  const rel = path.relative(paths.configRoot, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new UsageError(
      `the ${what} ${abs} is outside the config root ${paths.configRoot}`,
      `changed paths are relative to the config root, so the ${what} must be inside it (set config-root to the repository root, ${input} relative to it)`,
    );
  }
  return rel.split(path.sep).join('/');
}

/** The clusters directory relative to config-root (POSIX). */
export function clustersDirRel(paths: RepoPaths): string {
  return dirRel(paths, paths.clustersDir, 'clusters directory', 'clusters-dir');
}

/** The charts directory relative to config-root (POSIX). */
export function chartsDirRel(paths: RepoPaths): string {
  return dirRel(paths, paths.chartsDir, 'charts directory', 'charts-dir');
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

/** The message for a `name:` that differs from the directory (the same words in validate and the planner). */
export function nameMismatchMessage(name: string, dirName: string): string {
  return `cluster name \`${name}\` does not match its directory \`${dirName}\`: deploys address a cluster by its directory, so a plan would deploy the wrong cluster`;
}

/**
 * Check the keys the planner reads, for the cluster in directory `dirName`. Throws a located DeployerError on the
 * first problem: no provider, `name` not a string or not the directory's name, hubs not a list of mappings with
 * unique string names, values-file lists that are not lists of file names.
 */
export function checkClusterShape(y: YamlFile, dirName: string): void {
  const doc = y.value as Record<string, unknown>;
  if (typeof doc.provider !== 'string' || doc.provider === '') {
    fail(y, doc.provider === undefined ? [] : ['provider'], doc.provider === undefined ? 'cluster.yaml has no `provider`' : `provider must be a string, but it is ${kind(doc.provider)}`, 'set `provider:` to gcp, aws, azure or kubeconfig');
  }
  if (doc.name !== undefined && typeof doc.name !== 'string') fail(y, ['name'], `name must be a string, but it is ${kind(doc.name)}`, 'set `name:` to the cluster name');
  if (typeof doc.name === 'string' && doc.name !== dirName) {
    fail(y, ['name'], nameMismatchMessage(doc.name, dirName), `set \`name: ${dirName}\`, or rename the directory`);
  }
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

/** Load one cluster for planning: the shared reader, the light shape check, typed. */
export async function loadClusterForPlan(paths: RepoPaths, name: string): Promise<Cluster> {
  const y = await readClusterYaml(paths, name);
  checkClusterShape(y, name);
  return clusterFromYaml(paths, name, y);
}

export interface PlanClusters {
  clusters: Cluster[];
  /** Directories named by changed files that hold no cluster.yaml (typos, or files beside the clusters). */
  notClusters: string[];
}

/**
 * Load the clusters named by `which` ('all', or directory names) for planning. A missing or empty clusters directory
 * is an error (a wrong config-root must fail, never plan nothing); named directories that are not clusters are
 * returned in `notClusters` so the caller can say so.
 */
export async function loadClustersForPlan(paths: RepoPaths, which: 'all' | Set<string>): Promise<PlanClusters> {
  if (which === 'all') return { clusters: await Promise.all(listClusterNames(paths).map((n) => loadClusterForPlan(paths, n))), notClusters: [] };
  const names = [...which].sort();
  const isCluster = (n: string) => n !== 'templates' && existsSync(path.join(paths.clustersDir, n, CLUSTER_FILE));
  // one named cluster that exists proves the directory is there and not empty; else let the listing say what is wrong
  if (!names.some(isCluster)) listClusterNames(paths);
  const clusters = await Promise.all(names.filter(isCluster).map((n) => loadClusterForPlan(paths, n)));
  const notClusters = names.filter((n) => n !== 'templates' && !isCluster(n)).map((n) => displayPath(paths, path.join(paths.clustersDir, n)));
  return { clusters, notClusters };
}
