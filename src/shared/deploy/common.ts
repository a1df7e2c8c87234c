/** Pieces shared by hub and support deployments: clients for one cluster, logging, chart versions, revisions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployerError, describeError, type SourceLocation } from '../errors.js';
import { baseEnv, formatCommand } from '../exec/run.js';
import { onShutdown } from '../exec/shutdown.js';
import { shellLine } from '../exec/shell.js';
import type { KubeAccess } from '../auth/types.js';
import { detectHelm, HelmClient, helmStatusSummary, type HelmInfo } from '../helm/client.js';
import { Kubectl } from '../kube/kubectl.js';
import { parseYaml } from '../yaml/index.js';
import type { Reporter } from '../log.js';
import type { Cluster } from '../repo/index.js';
import type { CommonDeployOptions, DeployServices } from './types.js';

export const DEFAULT_TIMEOUT_S = 600;

export function toolEnv(options: CommonDeployOptions): NodeJS.ProcessEnv {
  return options.env ?? baseEnv();
}

export function helmInfo(options: CommonDeployOptions, services: DeployServices): Promise<HelmInfo> {
  return detectHelm(toolEnv(options), services.runner);
}

/** A helm client (cluster env when `access` is given) whose commands are logged at debug level and reported. */
export function helmClient(info: HelmInfo, options: CommonDeployOptions, services: DeployServices, access: KubeAccess | undefined, log: (m: string) => void): HelmClient {
  return new HelmClient({
    info,
    env: access?.env ?? toolEnv(options),
    waitStrategy: options.helmWaitStrategy,
    runner: services.runner,
    onCommand: (args) => {
      options.onCommand?.('helm', args);
      options.reporter.debug(`Running ${formatCommand(info.path, args)}`);
    },
    onStderr: options.debug ? (chunk) => chunk.trimEnd() && log(chunk.trimEnd()) : undefined,
  });
}

export function kubectlClient(options: CommonDeployOptions, services: DeployServices, access: KubeAccess): Kubectl {
  return new Kubectl({
    env: access.env,
    runner: services.runner,
    applyExtraArgs: options.kubectlExtraArgs,
    onCommand: (args) => {
      options.onCommand?.('kubectl', args);
      options.reporter.debug(`Running kubectl ${args.join(' ')}`);
    },
  });
}

/** `version:` of a chart directory's Chart.yaml (null when unreadable). */
export function chartVersion(chartDir: string): string | null {
  try {
    const y = parseYaml(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8'), 'Chart.yaml').value as { version?: unknown };
    return y?.version === undefined ? null : String(y.version);
  } catch {
    return null;
  }
}

/** The revision helm printed after an upgrade (`REVISION: n`), or null. */
export function revisionFromOutput(stdout: string): number | null {
  const m = /^REVISION:\s*(\d+)/m.exec(stdout);
  return m ? Number(m[1]) : null;
}

/** Show helm's status header (never values, hooks, manifests or notes). */
export function logHelmSummary(stdout: string, log: (m: string) => void): void {
  const s = helmStatusSummary(stdout);
  if (s) log(s);
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

export function errorText(e: unknown): string {
  return describeError(e);
}

export function prefixed(reporter: Reporter, prefix: string) {
  return {
    info: (m: string) => reporter.info(m.split('\n').map((l) => `${prefix}${l}`).join('\n')),
    error: (m: string, location?: SourceLocation) => reporter.error(`${prefix}${m}`, location),
    warn: (m: string) => reporter.warn(`${prefix}${m}`),
  };
}

/**
 * Authenticate to the cluster for a deploy run. A failure is not thrown: it is logged and returned as the error
 * text every release of the run is then reported failed with.
 */
export async function authenticateForDeploy(
  cluster: Cluster,
  options: CommonDeployOptions,
  services: DeployServices,
): Promise<{ access: KubeAccess; error?: undefined } | { access?: undefined; error: string }> {
  try {
    return { access: await services.authenticate(cluster, { reporter: options.reporter, ambient: options.ambient, env: toolEnv(options) }) };
  } catch (e) {
    // The file is named in the message already: no `file: ... file` twice.
    const text = e instanceof DeployerError && e.file && e.message.includes(e.file) ? `${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}` : errorText(e);
    const error = `could not authenticate to cluster ${cluster.name}: ${text}`;
    options.reporter.error(error);
    return { error };
  }
}

/**
 * Run a helm upgrade; if the process is stopped meanwhile (Ctrl-C, a cancelled job), say what state the release may
 * be left in and how to get it unstuck (helm leaves it pending-install/upgrade, which blocks the next upgrade).
 */
export async function whileUpgrading<T>(options: CommonDeployOptions, release: string, namespace: string, fn: () => Promise<T>): Promise<T> {
  const off = onShutdown(() =>
    options.reporter.warn(
      `release ${release} (namespace ${namespace}) was being upgraded when deployer was stopped: if it is left pending-install/pending-upgrade, ` +
        'the next deploy with --recover-pending (the recover-pending input) rolls it back first',
    ),
  );
  try {
    return await fn();
  } finally {
    off();
  }
}

/** How often a long wait (helm --wait, a rollout, a CRD apply) says it is still waiting. */
export const HEARTBEAT_MS = 10_000;

/**
 * Run `fn`, logging `<what>: still waiting, N s elapsed (timeout T s)` every heartbeat while it runs, so a long helm
 * wait or rollout is never minutes of silence (issue 10 §16). `what` is read at each beat (it can name the object
 * being waited on).
 */
export async function withHeartbeat<T>(options: CommonDeployOptions, log: (m: string) => void, what: () => string, timeoutS: number, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => log(`${what()}: still waiting, ${Math.round((Date.now() - started) / 1000)} s elapsed (timeout ${timeoutS} s)`), options.heartbeatMs ?? HEARTBEAT_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Every step a release's deploy would take, as `#` comment lines and paste-able bash lines (dry run, issue 10 §17):
 * namespace, CRDs, the stuck-release check/recovery, the upgrade, the rollout check of the rendered workloads.
 */
export function dryRunPlan(
  options: CommonDeployOptions,
  r: { release: string; namespace: string; crds: { comment: string; commands: string[] }; upgrade: string; objects: string[]; note?: string },
): string[] {
  const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
  const lines: string[] = ['# 1. namespace (created unless it exists)', shellLine(['kubectl', 'create', 'namespace', r.namespace])];
  lines.push(`# 2. ${r.crds.comment}`, ...r.crds.commands);
  lines.push(
    options.recoverPending
      ? `# 3. recovery: if release ${r.release} is stuck in pending-install/upgrade/rollback, roll it back to its last deployed revision (helm rollback ${r.release} <revision> --namespace=${r.namespace}), or uninstall it if it never deployed`
      : `# 3. recovery check: stop if release ${r.release} is stuck in pending-install/upgrade/rollback (--recover-pending rolls it back instead)`,
    shellLine(['helm', 'history', r.release, `--namespace=${r.namespace}`, '--max=20', '--output=json']),
    '# 4. upgrade' + (r.note ? ` (${r.note})` : ''),
    r.upgrade,
  );
  if (!options.skipRolloutCheck) {
    const workloads = r.objects.filter((o) => /^(Deployment|DaemonSet)\//.test(o));
    lines.push(`# 5. rollout check: ${workloads.length} Deployment(s)/DaemonSet(s), ${timeoutS} s in all`);
    for (const w of workloads) lines.push(shellLine(['kubectl', 'rollout', 'status', `--namespace=${r.namespace}`, `--timeout=${timeoutS}s`, '--watch', w.replace(/^\w+/, (kind) => kind.toLowerCase())]));
  }
  return lines;
}
