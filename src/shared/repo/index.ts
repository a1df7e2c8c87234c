/**
 * The infra repo: where clusters live, how cluster.yaml is loaded into typed Cluster/Hub objects, how the files it
 * refers to resolve (always inside the cluster directory), and which files are secret.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Finding } from '../findings.js';
import { expectMapping, parseYaml, readYamlText, type PathSegment, type YamlFile } from '../yaml/index.js';

export type Provider = 'gcp' | 'aws' | 'azure' | 'kubeconfig';
export type HelmChartName = 'basehub' | 'daskhub' | 'binderhub';

export interface RepoOptions {
  /** The infra repo's root (default: the current directory in the CLI, the workspace in actions). */
  configRoot: string;
  /** Relative to configRoot, or absolute (default `config/clusters`). */
  clustersDir?: string;
  /** Relative to configRoot, or absolute (default `helm-charts`). */
  chartsDir?: string;
}

export interface RepoPaths {
  configRoot: string;
  clustersDir: string;
  chartsDir: string;
}

export interface Hub {
  name: string;
  domain: string;
  helmChart: HelmChartName;
  /** As written in cluster.yaml, relative to the cluster directory, in order (later files win). */
  valuesFiles: string[];
  displayName?: string;
  domainOverrideFile?: string;
  chartOverride?: string;
  /** Position in `hubs` (for locating findings: `/hubs/<index>`). */
  index: number;
}

export interface Cluster {
  name: string;
  provider: Provider;
  /** Absolute path of the cluster directory. */
  dir: string;
  /** Absolute path of cluster.yaml. */
  file: string;
  /** cluster.yaml relative to config-root, as messages show it. */
  displayFile: string;
  /** The whole parsed document (provider blocks, billing, metadata...). */
  spec: Record<string, unknown>;
  support?: { valuesFiles: string[] };
  hubs: Hub[];
  yaml: YamlFile;
  paths: RepoPaths;
}

export interface ValuesFile {
  /** As written in cluster.yaml. */
  ref: string;
  abs: string;
  /** Relative to config-root. */
  display: string;
  /** Basename contains `secret`: sops-encrypted, decrypted at deploy time, skipped by validation. */
  secret: boolean;
  /** JSON pointer of the reference inside cluster.yaml. */
  pointer: PathSegment[];
}

export const CLUSTER_FILE = 'cluster.yaml';

export function repoPaths(options: RepoOptions): RepoPaths {
  const configRoot = path.resolve(options.configRoot);
  return {
    configRoot,
    clustersDir: path.resolve(configRoot, options.clustersDir ?? 'config/clusters'),
    chartsDir: path.resolve(configRoot, options.chartsDir ?? 'helm-charts'),
  };
}

/** A path as messages show it: relative to config-root when inside it, else absolute. POSIX separators. */
export function displayPath(paths: RepoPaths, abs: string): string {
  const rel = path.relative(paths.configRoot, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** A file whose basename contains `secret` is a secret file (upstream's rule). */
export function isSecretFile(p: string): boolean {
  return path.basename(p).includes('secret');
}

/** A cluster name: a directory name of the clusters directory that is safe in paths, job names and messages. */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Names of every cluster (directories of clustersDir holding a cluster.yaml), sorted. `templates` dirs are skipped.
 * A missing clusters directory, or one that holds no cluster, is an error (an empty fleet is never a success); pass
 * `allowEmpty` where an empty fleet is legitimate (creating the first cluster).
 */
export function listClusterNames(paths: RepoPaths, options: { allowEmpty?: boolean } = {}): string[] {
  if (!existsSync(paths.clustersDir)) {
    throw new DeployerError(`clusters directory ${displayPath(paths, paths.clustersDir)} does not exist`, {
      hint: 'pass --config-root (or the config-root input) pointing at the infra repo, or set clusters-dir',
    });
  }
  const names = readdirSync(paths.clustersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'templates' && existsSync(path.join(paths.clustersDir, d.name, CLUSTER_FILE)))
    .map((d) => d.name)
    .sort();
  if (!names.length && !options.allowEmpty) {
    throw new DeployerError(`clusters directory ${displayPath(paths, paths.clustersDir)} holds no cluster: no directory in it has a ${CLUSTER_FILE}`, {
      hint: 'check --config-root and --clusters-dir (the config-root and clusters-dir inputs): each cluster is <clusters-dir>/<name>/cluster.yaml',
    });
  }
  return names;
}

function unknownCluster(paths: RepoPaths, name: string): DeployerError {
  let known: string[] = [];
  try {
    known = listClusterNames(paths, { allowEmpty: true });
  } catch {
    /* reported below without the list */
  }
  return new DeployerError(`unknown cluster \`${name}\`: there is no ${displayPath(paths, path.join(paths.clustersDir, name, CLUSTER_FILE))}`, {
    hint: known.length ? `known clusters: ${known.join(', ')}` : 'create the cluster directory with a cluster.yaml, or check --config-root',
  });
}

/**
 * Parse `<clustersDir>/<name>/cluster.yaml` (positions computed lazily, when an error is located). Unknown cluster,
 * syntax error, empty file: DeployerError. A directory whose name is not a valid cluster name is an error located in
 * its cluster.yaml (so validation reports it as one finding and goes on).
 */
export async function readClusterYaml(paths: RepoPaths, name: string): Promise<YamlFile> {
  if (!CLUSTER_NAME.test(name)) {
    const file = !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..' ? path.join(paths.clustersDir, name, CLUSTER_FILE) : undefined;
    const shown = JSON.stringify(name);
    if (file && existsSync(file)) {
      throw new DeployerError(`cluster directory ${shown} is not a valid cluster name (ASCII letters, digits, \`.\`, \`_\`, \`-\`, starting with a letter or digit)`, {
        file: displayPath(paths, file),
        line: 1,
        col: 1,
        hint: 'rename the directory (and `name:`) to a valid cluster name: deploys, job names and namespaces use it',
      });
    }
    throw new DeployerError(`invalid cluster name ${shown}`, { hint: 'a cluster name is a directory name under the clusters directory' });
  }
  const file = path.join(paths.clustersDir, name, CLUSTER_FILE);
  const display = displayPath(paths, file);
  let text: string;
  try {
    text = readYamlText(file, display);
  } catch (e) {
    if (e instanceof DeployerError && !existsSync(file)) throw unknownCluster(paths, name);
    throw e;
  }
  const y = parseYaml(text, display);
  expectMapping(y, 'cluster.yaml');
  return y;
}

/** Build the typed Cluster from a schema-valid document. */
export function clusterFromYaml(paths: RepoPaths, dirName: string, y: YamlFile): Cluster {
  const spec = y.value as Record<string, unknown>;
  const dir = path.join(paths.clustersDir, dirName);
  const hubsRaw = (Array.isArray(spec.hubs) ? spec.hubs : []) as Record<string, unknown>[];
  const support = spec.support as { helm_chart_values_files?: string[] } | undefined;
  return {
    name: typeof spec.name === 'string' ? spec.name : dirName,
    provider: spec.provider as Provider,
    dir,
    file: path.join(dir, CLUSTER_FILE),
    displayFile: y.file,
    spec,
    support: support ? { valuesFiles: [...(support.helm_chart_values_files ?? [])] } : undefined,
    hubs: hubsRaw.map((h, index) => ({
      name: String(h.name),
      domain: String(h.domain),
      helmChart: h.helm_chart as HelmChartName,
      valuesFiles: [...((h.helm_chart_values_files as string[]) ?? [])],
      displayName: h.display_name as string | undefined,
      domainOverrideFile: h.domain_override_file as string | undefined,
      chartOverride: h.chart_override as string | undefined,
      index,
    })),
    yaml: y,
    paths,
  };
}

export interface LoadClusterOptions {
  /** Check the schema first (default true). The first error is thrown; `validate` reports them all. */
  schema?: boolean;
}

/** Load one cluster: parse, check the schema, type it. Any fault is a located DeployerError. */
export async function loadCluster(paths: RepoPaths, name: string, options: LoadClusterOptions = {}): Promise<Cluster> {
  const y = await readClusterYaml(paths, name);
  if (options.schema !== false) {
    // loaded on first use: ajv stays out of paths that never check a schema (the planner)
    const { checkClusterSchema } = await import('./schema.js');
    throwFirst(checkClusterSchema(y), `deployer validate cluster-config ${name}`);
  }
  return clusterFromYaml(paths, name, y);
}

/** Load every cluster, sorted by directory name. */
export async function loadAllClusters(paths: RepoPaths, options: LoadClusterOptions = {}): Promise<Cluster[]> {
  return Promise.all(listClusterNames(paths).map((n) => loadCluster(paths, n, options)));
}

/** Throw the first error finding as a DeployerError mentioning how many more there are. */
export function throwFirst(findings: Finding[], command: string): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length) return;
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error(s))` : '';
  throw new DeployerError(`${first.message}${more}`, {
    file: first.file,
    line: first.line,
    col: first.col,
    hint: `fix it and run \`${command}\` to see every finding`,
  });
}

/**
 * Resolve a path written in cluster.yaml (at `pointer`) against the cluster directory. Absolute paths and paths that
 * escape the cluster directory (through `..` or a symlink) are refused with the location of the reference.
 */
export function resolveInCluster(cluster: Cluster, ref: string, pointer: PathSegment[]): string {
  return resolveContained(cluster, ref, pointer, cluster.dir, 'the cluster directory');
}

function resolveContained(cluster: Cluster, ref: string, pointer: PathSegment[], base: string, baseName: string): string {
  const loc = { file: cluster.displayFile, ...cluster.yaml.locate(pointer) };
  if (path.isAbsolute(ref)) {
    throw new DeployerError(`path \`${ref}\` is absolute; files referenced from cluster.yaml must be relative to ${baseName}`, {
      ...loc,
      hint: `write it relative to ${displayPath(cluster.paths, base)}`,
    });
  }
  const abs = path.resolve(base, ref);
  const inside = (p: string, root: string) => p === root || p.startsWith(root + path.sep);
  if (!inside(abs, base)) {
    throw new DeployerError(`path \`${ref}\` escapes ${baseName} (${displayPath(cluster.paths, base)})`, {
      ...loc,
      hint: `every file a cluster refers to must live inside ${baseName}; move the file there or use a shared file inside it`,
    });
  }
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realpathSync(base))) {
      throw new DeployerError(`path \`${ref}\` is a symlink that leads outside ${baseName}`, {
        ...loc,
        hint: 'replace the symlink with the file itself',
      });
    }
  }
  return abs;
}

function valuesFile(cluster: Cluster, ref: string, pointer: PathSegment[]): ValuesFile {
  const abs = resolveInCluster(cluster, ref, pointer);
  return { ref, abs, display: displayPath(cluster.paths, abs), secret: isSecretFile(ref), pointer };
}

/** The values files of a hub, resolved, in cluster.yaml order. */
export function hubValuesFiles(cluster: Cluster, hub: Hub): ValuesFile[] {
  return hub.valuesFiles.map((ref, i) => valuesFile(cluster, ref, ['hubs', hub.index, 'helm_chart_values_files', i]));
}

/** The support chart's values files of a cluster, resolved, in order (empty when it has no support section). */
export function supportValuesFiles(cluster: Cluster): ValuesFile[] {
  return (cluster.support?.valuesFiles ?? []).map((ref, i) => valuesFile(cluster, ref, ['support', 'helm_chart_values_files', i]));
}

/** The chart directory a hub deploys from: `<chartsDir>/<helm_chart>`, checked to exist. */
export function hubChartDir(cluster: Cluster, hub: Hub): string {
  const dir = path.join(cluster.paths.chartsDir, hub.helmChart);
  if (!existsSync(path.join(dir, 'Chart.yaml'))) {
    throw new DeployerError(`chart \`${hub.helmChart}\` of hub ${hub.name} not found: ${displayPath(cluster.paths, dir)}/Chart.yaml does not exist`, {
      file: cluster.displayFile,
      ...cluster.yaml.locate(['hubs', hub.index, 'helm_chart']),
      hint: 'check --charts-dir (charts-dir input) or the hub\'s helm_chart',
    });
  }
  return dir;
}

/**
 * A hub's chart_override file (2026): a path containing `/` is relative to config-root, else to the cluster directory.
 * Either way it must stay inside config-root.
 */
export function chartOverridePath(cluster: Cluster, hub: Hub): string | undefined {
  if (!hub.chartOverride) return undefined;
  const pointer = ['hubs', hub.index, 'chart_override'];
  return hub.chartOverride.includes('/')
    ? resolveContained(cluster, hub.chartOverride, pointer, cluster.paths.configRoot, 'the config root')
    : resolveInCluster(cluster, hub.chartOverride, pointer);
}

/** Find a hub by name, or fail listing the hubs that exist. */
export function findHub(cluster: Cluster, name: string): Hub {
  const hub = cluster.hubs.find((h) => h.name === name);
  if (!hub) {
    throw new DeployerError(`cluster ${cluster.name} has no hub named \`${name}\``, {
      file: cluster.displayFile,
      hint: cluster.hubs.length ? `hubs of ${cluster.name}: ${cluster.hubs.map((h) => h.name).join(', ')}` : `${cluster.name} has no hubs`,
    });
  }
  return hub;
}

/** Whether a path exists and is a regular file. */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
