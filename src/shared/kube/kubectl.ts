/**
 * kubectl operations the deploy path needs, each one process through runTool with the cluster's isolated
 * environment (KubeAccess.env): ensure a namespace exists, apply manifests (CRDs), and wait for the rollout of a
 * namespace's Deployments and DaemonSets (2026 upstream: `kubectl rollout status --watch` per object).
 *
 * kubectl rather than @kubernetes/client-node here on purpose: kubectl honours the kubeconfig's exec credential
 * plugins (gke-gcloud-auth-plugin, aws eks get-token) with the isolated environment, and loads nothing into this
 * process.
 */
import { DeployerError } from '../errors.js';
import { classifyClusterError } from './errors.js';
import { runTool, type RunOptions, type RunResult } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';

export type Runner = (command: string, args: string[], options?: RunOptions) => Promise<RunResult>;

export interface KubectlOptions {
  env: NodeJS.ProcessEnv;
  runner?: Runner;
  /** Every kubectl invocation (args only), for logging and tests. */
  onCommand?: (args: string[]) => void;
  /** Appended to `kubectl apply` (e.g. --validate=false against a test API server without OpenAPI). */
  applyExtraArgs?: string[];
}

export class Kubectl {
  private readonly path: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly runner: Runner;
  private readonly onCommand?: (args: string[]) => void;
  private readonly applyExtraArgs: string[];

  constructor(options: KubectlOptions) {
    this.applyExtraArgs = options.applyExtraArgs ?? [];
    this.env = options.env;
    this.path = toolPath('kubectl', options.env);
    this.runner = options.runner ?? runTool;
    this.onCommand = options.onCommand;
  }

  run(args: string[], options: RunOptions = {}): Promise<RunResult> {
    this.onCommand?.(args);
    return this.runner(this.path, args, { env: this.env, timeoutMs: 120_000, ...options });
  }

  /**
   * Run kubectl; a failure is a DeployerError saying what failed (`doing`), why (a connection, certificate, 401 or
   * 403 problem told apart by classifyClusterError) and what to do.
   */
  private async must(doing: string, args: string[], options: RunOptions = {}, hint?: string): Promise<RunResult> {
    const r = await this.run(args, { ...options, allowFailure: true });
    if (r.code === 0 && !r.timedOut) return r;
    throw clusterError(doing, r, hint);
  }

  /**
   * Check once that the cluster answers with these credentials (`kubectl get --raw /version`), so an unreachable
   * cluster or rejected credentials fail the run once, not once per release.
   */
  async probe(name = 'the cluster'): Promise<void> {
    await this.must(`could not reach ${name}`, ['get', '--raw', '/version'], { timeoutMs: 60_000 });
  }

  /** Create the namespace unless it exists (AlreadyExists is success: another run may have created it). */
  async ensureNamespace(name: string): Promise<'created' | 'exists'> {
    const r = await this.run(['create', 'namespace', name], { allowFailure: true, timeoutMs: 60_000 });
    if (r.code === 0) return 'created';
    if (/AlreadyExists|already exists/i.test(r.stderr)) return 'exists';
    throw clusterError(`could not create namespace ${name}`, r);
  }

  /** `kubectl apply -f <source>` for a URL, a file or a directory. */
  async apply(source: string, timeoutS = 300): Promise<RunResult> {
    return this.must(`could not apply ${source}`, ['apply', '-f', source, ...this.applyExtraArgs], { timeoutMs: timeoutS * 1000 }, /^https?:/.test(source) ? `check that this machine can download ${source}` : undefined);
  }

  /** Names (`deployment.apps/hub`, `daemonset.apps/x`) of the namespace's Deployments and DaemonSets. */
  async workloads(namespace: string): Promise<string[]> {
    const r = await this.must(`could not list the deployments and daemonsets of namespace ${namespace}`, ['get', `--namespace=${namespace}`, '--output=name', 'deployments,daemonsets'], { timeoutMs: 60_000 });
    return r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }

  /**
   * Wait until every Deployment and DaemonSet of the namespace has rolled out, within `timeoutS` for the whole
   * namespace. Fails naming the object that did not become ready.
   */
  async rolloutStatus(namespace: string, timeoutS: number, onObject?: (obj: string, index: number, total: number) => void): Promise<string[]> {
    const deadline = Date.now() + timeoutS * 1000;
    const objects = await this.workloads(namespace);
    for (const [i, obj] of objects.entries()) {
      onObject?.(obj, i, objects.length);
      const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
      const r = await this.run(['rollout', 'status', `--namespace=${namespace}`, `--timeout=${left}s`, '--watch', obj], {
        allowFailure: true,
        timeoutMs: (left + 30) * 1000,
      });
      if (r.code !== 0) {
        const fault = classifyClusterError(r.stderr);
        if (fault && fault.kind !== 'timeout') throw clusterError(`could not watch the rollout of ${obj} in namespace ${namespace}`, r);
        const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n');
        throw new DeployerError(`rollout of ${obj} in namespace ${namespace} did not complete within ${timeoutS} s${detail ? `: ${detail}` : ''}`, {
          hint: `look at the pods: kubectl --namespace=${namespace} get pods; kubectl --namespace=${namespace} describe ${obj}`,
        });
      }
    }
    return objects;
  }
}

/** `doing: <what failed>` with the hint for its class, or kubectl's own last lines when it is none of them. */
export function clusterError(doing: string, r: RunResult, fallbackHint?: string): DeployerError {
  const out = (r.stderr || r.stdout).trim();
  const fault = classifyClusterError(out);
  if (fault) return new DeployerError(`${doing}: ${fault.what} (kubectl: ${out.split('\n').at(-1)})`, { hint: fault.hint });
  const detail = out.split('\n').slice(-3).join(' ').trim();
  return new DeployerError(`${doing}: ${r.timedOut ? 'kubectl timed out' : detail || `kubectl exit code ${r.code}`}`, {
    hint: fallbackHint ?? 'the message above is kubectl\'s; run the same kubectl command with `deployer use-cluster-credentials` to look closer',
  });
}
