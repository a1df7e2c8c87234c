/**
 * The cluster an operator tool works on: the loaded cluster, an isolated KubeAccess (src/shared/auth), the
 * kubeconfig context it holds, a client-node KubeConfig, and the commands that give a workstation the same context
 * (for the instructions an action prints: never a credential, only commands that fetch one).
 */
import { readFileSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import YAML from 'yaml';
import { authenticate, type KubeAccess } from '../auth/index.js';
import type { Reporter } from '../log.js';
import { kubeClient } from '../kube/client.js';
import { findHub, loadCluster, type Cluster, type RepoPaths } from '../repo/index.js';
import { formatCommand } from '../exec/run.js';

export interface OpsTarget {
  cluster: Cluster;
  access: KubeAccess;
  /** The kubeconfig context the access uses ('' when the kubeconfig names none). */
  context: string;
  kube(): Promise<KubeConfig>;
  dispose(): Promise<void>;
}

export interface OpenTargetOptions {
  reporter: Reporter;
  ambient?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Check that the hub exists in cluster.yaml (its name is the namespace). */
  hub?: string;
}

/** `current-context` of a kubeconfig file ('' when unreadable or unset). Context names are not credentials. */
export function currentContext(kubeconfigPath: string): string {
  try {
    const doc = YAML.parse(readFileSync(kubeconfigPath, 'utf8')) as { 'current-context'?: unknown };
    return typeof doc?.['current-context'] === 'string' ? doc['current-context'] : '';
  } catch {
    return '';
  }
}

export async function openTarget(paths: RepoPaths, clusterName: string, opts: OpenTargetOptions): Promise<OpsTarget> {
  const cluster = await loadCluster(paths, clusterName);
  if (opts.hub !== undefined) findHub(cluster, opts.hub);
  const access = await authenticate(cluster, { reporter: opts.reporter, ambient: opts.ambient, env: opts.env });
  let kc: Promise<KubeConfig> | undefined;
  return {
    cluster,
    access,
    context: currentContext(access.kubeconfigPath),
    kube: () => (kc ??= kubeClient(access)),
    dispose: () => access.dispose(),
  };
}

/** Run `fn` with an open target; the credentials are removed afterwards, whatever happens. */
export async function withTarget<T>(paths: RepoPaths, clusterName: string, opts: OpenTargetOptions, fn: (t: OpsTarget) => Promise<T>): Promise<T> {
  const t = await openTarget(paths, clusterName, opts);
  try {
    return await fn(t);
  } finally {
    await t.dispose();
  }
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * How a workstation gets credentials for `cluster` under kubeconfig context `context`: first the deployer command
 * (works for every provider, from a checkout of the infra repo), then the cloud CLI's own, where there is one.
 */
export function credentialCommands(cluster: Cluster, context: string): Array<{ how: string; command: string }> {
  const out = [{ how: 'a shell with a private KUBECONFIG (from a checkout of the infrastructure repository; run the kubectl commands below in it)', command: formatCommand('deployer', ['use-cluster-credentials', cluster.name]) }];
  const block = (cluster.spec[cluster.provider] ?? {}) as Record<string, unknown>;
  if (cluster.provider === 'gcp' && str(block.project) && str(block.zone) && str(block.cluster)) {
    out.push({ how: `or with gcloud (adds context gke_${block.project}_${block.zone}_${block.cluster} to your kubeconfig)`, command: formatCommand('gcloud', ['container', 'clusters', `--zone=${block.zone}`, `--project=${block.project}`, 'get-credentials', String(block.cluster)]) });
  } else if (cluster.provider === 'aws' && str(block.clusterName) && str(block.region)) {
    out.push({ how: 'or with the AWS CLI (adds the context to your kubeconfig)', command: formatCommand('aws', ['eks', 'update-kubeconfig', `--name=${block.clusterName}`, `--region=${block.region}`, ...(context ? [`--alias=${context}`] : [])]) });
  } else if (cluster.provider === 'azure' && str(block.cluster) && str(block.resource_group)) {
    out.push({ how: 'or with the Azure CLI (adds the context to your kubeconfig)', command: formatCommand('az', ['aks', 'get-credentials', `--name=${block.cluster}`, `--resource-group=${block.resource_group}`, ...(context ? [`--context=${context}`] : [])]) });
  }
  return out;
}
