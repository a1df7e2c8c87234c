/**
 * Cluster credentials that outlive one process, for a workflow job's later steps (the cluster-credentials action):
 * a 0700 directory under RUNNER_TEMP holding a self-contained kubeconfig (the access's credential-plugin environment
 * written into `users[].exec.env`, credential files copied beside it), so `KUBECONFIG` alone is enough for later
 * kubectl/helm steps and no credential variable is exported. The directory is removed by `removeExported` (the
 * action's post step, which runs after success, failure and cancellation).
 *
 * And the nesting guard of `use-cluster-credentials` (2026 upstream): with DEPLOYER_NO_NESTED_KUBECONFIG set, refuse
 * to run when a kubeconfig is already active (KUBECONFIG non-empty, or a non-empty ~/.kube/config).
 */
import { cpSync, existsSync, mkdtempSync, chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError } from '../errors.js';
import { authenticate, isCredentialVar, type KubeAccess } from '../auth/index.js';
import type { Reporter } from '../log.js';
import { loadCluster, type RepoPaths } from '../repo/index.js';
import { tempRoot } from '../secrets/index.js';
import { currentContext } from './target.js';

export const EXPORT_PREFIX = 'deployer-credentials-';

export interface ExportedCredentials {
  dir: string;
  kubeconfig: string;
}

/** Variables of the access that the credential plugins need (they differ from this process's environment). */
function pluginEnv(access: KubeAccess, base: NodeJS.ProcessEnv): Array<[string, string]> {
  return Object.entries(access.env).filter(
    ([k, v]) => v !== undefined && base[k] !== v && k !== 'KUBECONFIG' && (isCredentialVar(k) || k === 'USE_GKE_GCLOUD_AUTH_PLUGIN'),
  ) as Array<[string, string]>;
}

/** Copy the access into a directory that survives this process. */
export function exportCredentials(access: KubeAccess, clusterName: string, base: NodeJS.ProcessEnv = process.env, onDirectory?: (dir: string) => void): ExportedCredentials {
  const root = tempRoot(base);
  const dir = mkdtempSync(path.join(root, `${EXPORT_PREFIX}${clusterName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40)}-`));
  chmodSync(dir, 0o700);
  try {
    onDirectory?.(dir);
    const moved = new Map<string, string>();
    // Files and directories the plugin variables point at inside the access's private temp space move along.
    const relocate = (value: string): string => {
      if (!path.isAbsolute(value) || !value.startsWith(path.resolve(root) + path.sep)) return value;
      if (moved.has(value)) return moved.get(value)!;
      const target = path.join(dir, `${moved.size}-${path.basename(value)}`);
      if (existsSync(value)) cpSync(value, target, { recursive: true });
      moved.set(value, target);
      return target;
    };
    const env = pluginEnv(access, base).map(([k, v]) => [k, relocate(v)] as [string, string]);
    const doc = YAML.parse(readFileSync(access.kubeconfigPath, 'utf8')) as { users?: Array<{ user?: { exec?: { env?: Array<{ name: string; value: string }> | null } } }> } | null;
    if (!doc || typeof doc !== 'object') throw new DeployerError(`the kubeconfig of cluster ${clusterName} is empty or not YAML`);
    for (const u of doc.users ?? []) {
      const exec = u?.user?.exec;
      if (!exec) continue;
      const list = [...(exec.env ?? [])].filter((e) => !env.some(([k]) => k === e.name));
      for (const [name, value] of env) list.push({ name, value });
      exec.env = list;
    }
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, YAML.stringify(doc), { mode: 0o600 });
    return { dir, kubeconfig };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export interface ExportRequest {
  paths: RepoPaths;
  cluster: string;
  reporter: Reporter;
  ambient?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Called with the directory as soon as it exists (the action saves it for its post step). */
  onDirectory?: (dir: string) => void;
}

/** Authenticate and export: the private access is disposed of, the exported copy stays for the job. */
export async function exportClusterCredentials(req: ExportRequest): Promise<ExportedCredentials & { context: string }> {
  const cluster = await loadCluster(req.paths, req.cluster);
  const access = await authenticate(cluster, { reporter: req.reporter, ambient: req.ambient, env: req.env });
  try {
    const exported = exportCredentials(access, cluster.name, req.env ?? process.env, req.onDirectory);
    return { ...exported, context: currentContext(exported.kubeconfig) };
  } finally {
    await access.dispose();
  }
}

/**
 * Remove an exported credentials directory. Only a `deployer-credentials-*` directory directly under the temp root
 * is ever removed (the path comes from the action's saved state; nothing else may be deleted through it).
 */
export function removeExported(dir: string, base: NodeJS.ProcessEnv = process.env): boolean {
  const root = path.resolve(tempRoot(base));
  const abs = path.resolve(dir);
  if (path.dirname(abs) !== root || !path.basename(abs).startsWith(EXPORT_PREFIX)) {
    throw new DeployerError(`refusing to remove ${dir}: not a ${EXPORT_PREFIX}* directory of ${root}`);
  }
  if (!existsSync(abs)) return false;
  rmSync(abs, { recursive: true, force: true, maxRetries: 2 });
  return true;
}

/** Throws when DEPLOYER_NO_NESTED_KUBECONFIG is set and a kubeconfig is already active. */
export function refuseNestedKubeconfig(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): void {
  if (!env.DEPLOYER_NO_NESTED_KUBECONFIG) return;
  const active: string[] = [];
  if (env.KUBECONFIG) active.push(`KUBECONFIG is set (${env.KUBECONFIG})`);
  const def = path.join(home, '.kube', 'config');
  try {
    if (statSync(def).size > 0) active.push(`${def} is not empty`);
  } catch {
    /* no default kubeconfig */
  }
  if (active.length) {
    throw new DeployerError(`a kubeconfig is already active (${active.join('; ')}) and DEPLOYER_NO_NESTED_KUBECONFIG is set`, {
      hint: 'leave the shell of the other cluster first (exit), or unset DEPLOYER_NO_NESTED_KUBECONFIG to allow nesting',
    });
  }
}
