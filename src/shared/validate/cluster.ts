/**
 * validate cluster-config: the cluster.yaml schema (every hub), then the cross-checks the schema cannot express:
 * hub names unique, every referenced values/credentials/override file exists and stays inside the cluster directory,
 * the hub's chart exists, the directory name matches `name` (an error: deploys address clusters by directory), and every secret-named file of the cluster is
 * sops-encrypted (a plaintext secret may already have leaked into git).
 */
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Finding } from '../findings.js';
import {
  chartOverridePath,
  clusterFromYaml,
  displayPath,
  isFile,
  isSecretFile,
  readClusterYaml,
  resolveInCluster,
  type Cluster,
  type RepoPaths,
} from '../repo/index.js';
import { nameMismatchMessage } from '../repo/read.js';
import { checkClusterSchema } from '../repo/schema.js';
import { pathToPointer, type PathSegment, type YamlFile } from '../yaml/index.js';
import { createValidationContext, errorToFinding, type ValidationContext } from './context.js';
import { checkSecretFile, secretFilesUnder } from './secrets.js';

export interface LoadedCluster {
  name: string;
  /** Parsed cluster.yaml (absent when it cannot be parsed). */
  yaml?: YamlFile;
  /** Typed cluster (absent when cluster.yaml cannot be parsed). Hubs whose entries are malformed are left out. */
  cluster?: Cluster;
  /** Parse and schema findings. */
  findings: Finding[];
}

/** The same words from cluster-config and hub-config, so `all` reports a missing file once. */
export function missingFileMessage(kind: string, ref: string, owner: string, display: string): string {
  return `${kind} \`${ref}\` of ${owner} does not exist (looked for ${display})`;
}

export const SUPPORT_LABEL = 'the support chart';

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parse cluster.yaml and check the schema, once per run. An unparsable file is a finding; an unknown cluster (no
 * directory, no cluster.yaml) is thrown (it is a usage error, not a fault in the repo).
 */
export function loadClusterForValidation(ctx: ValidationContext, name: string): Promise<LoadedCluster> {
  return ctx.memo(`cluster:${name}`, async () => {
    let y: YamlFile;
    try {
      y = await readClusterYaml(ctx.paths, name);
    } catch (e) {
      if (e instanceof DeployerError && e.file) return { name, findings: [errorToFinding(e)] };
      throw e;
    }
    const findings = checkClusterSchema(y);
    const cluster = clusterFromYaml(ctx.paths, name, y);
    // Keep only hubs well-formed enough to check further; the schema findings already name the others.
    const rawHubs = Array.isArray((y.value as Record<string, unknown>).hubs) ? ((y.value as Record<string, unknown>).hubs as unknown[]) : [];
    cluster.hubs = cluster.hubs.filter((h) => {
      const raw = rawHubs[h.index];
      return (
        isObj(raw) &&
        typeof raw.name === 'string' &&
        typeof raw.helm_chart === 'string' &&
        Array.isArray(raw.helm_chart_values_files) &&
        raw.helm_chart_values_files.every((f) => typeof f === 'string')
      );
    });
    const support = (y.value as Record<string, unknown>).support;
    if (cluster.support && !(isObj(support) && Array.isArray(support.helm_chart_values_files) && support.helm_chart_values_files.every((f) => typeof f === 'string'))) {
      cluster.support = { valuesFiles: [] };
    }
    return { name, yaml: y, cluster, findings };
  });
}

interface FileRef {
  ref: string;
  pointer: PathSegment[];
  /** "values file of hub x": `<kind> \`ref\` of <owner>` in messages. */
  kind: string;
  owner: string;
  /** Resolve and containment-check it (throws a located DeployerError). */
  resolve: () => string;
}

/** Every file cluster.yaml refers to, with where it is referred to. */
function referencedFiles(cluster: Cluster): FileRef[] {
  const spec = cluster.spec;
  const refs: FileRef[] = [];
  const add = (ref: string, pointer: PathSegment[], kind: string, owner: string) =>
    refs.push({ ref, pointer, kind, owner, resolve: () => resolveInCluster(cluster, ref, pointer) });
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  for (const provider of ['gcp', 'aws', 'azure'] as const) {
    const block = spec[provider];
    if (isObj(block) && str(block.key)) add(block.key, [provider, 'key'], `${provider} credentials file`, 'the cluster');
  }
  if (isObj(spec.kubeconfig) && str(spec.kubeconfig.file)) add(spec.kubeconfig.file, ['kubeconfig', 'file'], 'kubeconfig file', 'the cluster');
  (cluster.support?.valuesFiles ?? []).forEach((ref, i) => {
    if (str(ref)) add(ref, ['support', 'helm_chart_values_files', i], 'values file', SUPPORT_LABEL);
  });
  for (const hub of cluster.hubs) {
    hub.valuesFiles.forEach((ref, i) => {
      if (str(ref)) add(ref, ['hubs', hub.index, 'helm_chart_values_files', i], 'values file', `hub ${hub.name}`);
    });
    if (str(hub.domainOverrideFile)) add(hub.domainOverrideFile, ['hubs', hub.index, 'domain_override_file'], 'domain override file', `hub ${hub.name}`);
    if (str(hub.chartOverride)) {
      // chart_override: a path with `/` is relative to config-root, else to the cluster directory.
      refs.push({ ref: hub.chartOverride, pointer: ['hubs', hub.index, 'chart_override'], kind: 'chart override', owner: `hub ${hub.name}`, resolve: () => chartOverridePath(cluster, hub)! });
    }
  }
  return refs;
}

function at(cluster: Cluster, pointer: PathSegment[], message: string, severity: 'error' | 'warning' = 'error', key = false): Finding {
  const pos = key ? cluster.yaml.locateKey(pointer) : cluster.yaml.locate(pointer);
  return { file: cluster.displayFile, line: pos.line, col: pos.col, path: pathToPointer(pointer), message, severity };
}

/** The cross-checks on a parsed cluster. */
export async function clusterCrossChecks(ctx: ValidationContext, cluster: Cluster): Promise<Finding[]> {
  const out: Finding[] = [];
  const dirName = path.basename(cluster.dir);
  const name = cluster.spec.name;
  if (typeof name === 'string' && name !== dirName) {
    // an error (upstream: a warning): deploys address clusters by directory, and the planner refuses such a cluster
    out.push(at(cluster, ['name'], nameMismatchMessage(name, dirName)));
  }

  // Hub names are namespaces and release names: unique per cluster.
  const raw = Array.isArray(cluster.spec.hubs) ? (cluster.spec.hubs as unknown[]) : [];
  const firstSeen = new Map<string, number>();
  raw.forEach((h, i) => {
    if (!isObj(h) || typeof h.name !== 'string') return;
    const first = firstSeen.get(h.name);
    if (first === undefined) firstSeen.set(h.name, i);
    else {
      const line = cluster.yaml.locate(['hubs', first, 'name']).line;
      out.push(at(cluster, ['hubs', i, 'name'], `duplicate hub name \`${h.name}\`: hubs[${first}] (line ${line}) already uses it; hub names must be unique, they are the namespace and helm release of the hub`));
    }
  });

  // Referenced files: inside the cluster directory (config root for a chart_override path with `/`), and existing.
  const checkedSecrets = new Set<string>();
  for (const r of referencedFiles(cluster)) {
    let abs: string;
    try {
      abs = r.resolve();
    } catch (e) {
      out.push({ ...errorToFinding(e), path: pathToPointer(r.pointer) });
      continue;
    }
    if (!isFile(abs)) {
      out.push(at(cluster, r.pointer, missingFileMessage(r.kind, r.ref, r.owner, displayPath(ctx.paths, abs))));
      continue;
    }
    if (isSecretFile(abs) && !abs.startsWith(cluster.dir + path.sep)) {
      checkedSecrets.add(abs);
      const f = await checkSecretFile(abs, displayPath(ctx.paths, abs));
      if (f) out.push(f);
    }
  }

  // Charts of the hubs exist.
  for (const hub of cluster.hubs) {
    if (!['basehub', 'daskhub', 'binderhub'].includes(hub.helmChart)) continue; // the schema already reports it
    if (!isFile(path.join(ctx.paths.chartsDir, hub.helmChart, 'Chart.yaml'))) {
      out.push(
        at(cluster, ['hubs', hub.index, 'helm_chart'], `chart \`${hub.helmChart}\` of hub ${hub.name} not found: ${displayPath(ctx.paths, path.join(ctx.paths.chartsDir, hub.helmChart))}/Chart.yaml does not exist`),
      );
    }
  }

  // Every secret-named file of the cluster, referenced or not, must be encrypted.
  for (const abs of await secretFilesUnder(cluster.dir)) {
    if (checkedSecrets.has(abs)) continue;
    const f = await checkSecretFile(abs, displayPath(ctx.paths, abs));
    if (f) out.push(f);
  }
  return out;
}

/** cluster-config for one cluster, within a run. */
export async function clusterConfigFindings(ctx: ValidationContext, name: string): Promise<Finding[]> {
  const loaded = await loadClusterForValidation(ctx, name);
  if (!loaded.cluster) return loaded.findings;
  return [...loaded.findings, ...(await clusterCrossChecks(ctx, loaded.cluster))];
}

/** Findings for one cluster's cluster.yaml (schema and cross-checks), as a standalone call. */
export async function validateClusterConfig(paths: RepoPaths, clusterName: string): Promise<Finding[]> {
  const ctx = createValidationContext(paths, { render: false });
  try {
    return await clusterConfigFindings(ctx, clusterName);
  } finally {
    await ctx.dispose();
  }
}
