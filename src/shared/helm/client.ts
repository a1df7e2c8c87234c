/**
 * The helm client: every helm call goes through runTool with the cluster's isolated environment (KubeAccess.env),
 * an argument array and a timeout. It knows the helm major version (3 or 4) for the flags that differ.
 */
import { DeployerError } from '../errors.js';
import { runTool, ToolError, type RunOptions, type RunResult } from '../exec/run.js';
import { classifyClusterError, type ClusterFault } from '../kube/errors.js';
import { renderFailure, type TemplateSources } from './template.js';
import { toolPath } from '../exec/tools.js';
import { templateArgs, upgradeArgs, type HelmCaps, type HelmMajor, type ReleaseSpec } from './args.js';

export type Runner = (command: string, args: string[], options?: RunOptions) => Promise<RunResult>;

export interface HistoryEntry {
  revision: number;
  status: string;
  chart: string;
  app_version?: string;
  description?: string;
  updated?: string;
}

export const PENDING_STATUSES = ['pending-install', 'pending-upgrade', 'pending-rollback'] as const;

export interface HelmInfo {
  path: string;
  version: string;
  major: HelmMajor;
}

const versionCache = new Map<string, Promise<HelmInfo>>();

/** `helm version --short` -> major version (3 or 4), cached per helm binary for the process. */
export function detectHelm(env: NodeJS.ProcessEnv = process.env, runner: Runner = runTool): Promise<HelmInfo> {
  const helm = toolPath('helm', env);
  let p = versionCache.get(helm);
  if (!p) {
    p = (async () => {
      const r = await runner(helm, ['version', '--short'], { env, timeoutMs: 30_000 });
      const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(r.stdout);
      if (!m) throw new DeployerError(`could not read the helm version from \`helm version --short\`: ${r.stdout.trim()}`);
      const major = Number(m[1]);
      if (major !== 3 && major !== 4) {
        throw new DeployerError(`helm ${m[0]} is not supported`, { hint: 'use helm 3 (>= 3.13) or helm 4' });
      }
      return { path: helm, version: m[0], major: major as HelmMajor };
    })();
    p.catch(() => versionCache.delete(helm));
    versionCache.set(helm, p);
  }
  return p;
}

export interface HelmClientOptions {
  info: HelmInfo;
  /** The environment helm runs with (KubeAccess.env for cluster calls). */
  env: NodeJS.ProcessEnv;
  /** helm 4 `--wait=<strategy>` (default watcher). */
  waitStrategy?: string;
  runner?: Runner;
  /** Every helm invocation, for logging and tests: args only, never values content. */
  onCommand?: (args: string[]) => void;
  /** Streamed (redacted) stderr of upgrades, e.g. for --debug. */
  onStderr?: (chunk: string) => void;
}

/** Lines of `helm upgrade` stdout worth showing: the status header, never values, hooks, manifests or notes. */
export function helmStatusSummary(stdout: string): string {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    if (/^(USER-SUPPLIED VALUES|COMPUTED VALUES|HOOKS|MANIFEST|NOTES|TEST SUITE|RESOURCES):/.test(line)) break;
    if (/^(Release ".*" |NAME:|LAST DEPLOYED:|NAMESPACE:|STATUS:|REVISION:|DESCRIPTION:)/.test(line)) out.push(line);
  }
  return out.join('\n');
}

/** Kinds and names of the objects in a rendered manifest stream (the content, which may hold secrets, is dropped). */
export function manifestObjects(manifest: string): string[] {
  const objects: string[] = [];
  for (const doc of manifest.split(/^---\s*$/m)) {
    const kind = /^kind:\s*(\S+)/m.exec(doc)?.[1];
    const name = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([^\s"']+)/m.exec(doc)?.[1];
    if (kind) objects.push(`${kind}/${name ?? '?'}`);
  }
  return objects;
}

export class HelmClient {
  readonly info: HelmInfo;
  readonly caps: HelmCaps;
  private readonly env: NodeJS.ProcessEnv;
  private readonly runner: Runner;
  private readonly onCommand?: (args: string[]) => void;
  private readonly onStderr?: (chunk: string) => void;

  constructor(options: HelmClientOptions) {
    this.info = options.info;
    this.caps = { major: options.info.major, waitStrategy: options.waitStrategy };
    this.env = options.env;
    this.runner = options.runner ?? runTool;
    this.onCommand = options.onCommand;
    this.onStderr = options.onStderr;
  }

  private async run(args: string[], options: RunOptions = {}): Promise<RunResult> {
    this.onCommand?.(args);
    try {
      const r = await this.runner(this.info.path, args, { env: this.env, timeoutMs: 120_000, ...options });
      if (r.code !== 0 && options.allowFailure && args[0] !== 'template') {
        const fault = classifyClusterError(r.stderr);
        if (fault) throw helmClusterError(args, r, fault);
      }
      return r;
    } catch (e) {
      // A connection, certificate, 401 or 403 problem says so, with what to do, instead of helm's raw last line.
      const fault = e instanceof ToolError && !e.result.timedOut && args[0] !== 'template' ? classifyClusterError(e.result.stderr) : undefined;
      if (fault && e instanceof ToolError) throw helmClusterError(args, e.result, fault);
      throw e;
    }
  }

  /**
   * `helm upgrade --install`; returns the (redacted) result. Helm's own timeout is spec.timeoutS; ours is a minute
   * more. A failure in a chart template is a located HelmTemplateError (with `sources`, at the repo's template file).
   */
  async upgrade(spec: ReleaseSpec, sources?: TemplateSources): Promise<RunResult> {
    try {
      return await this.run(upgradeArgs(spec, this.caps), {
        timeoutMs: (spec.timeoutS + 60) * 1000,
        onOutput: this.onStderr ? (chunk, stream) => stream === 'stderr' && this.onStderr!(chunk) : undefined,
      });
    } catch (e) {
      throw located(e, spec.chart, sources);
    }
  }

  /**
   * `helm template` (dry run): the objects it renders, by kind/name. The rendered content is never returned. A render
   * failure is a located HelmTemplateError, as validate reports it.
   */
  async template(spec: ReleaseSpec, sources?: TemplateSources): Promise<string[]> {
    try {
      const r = await this.run(templateArgs(spec), { timeoutMs: (spec.timeoutS + 60) * 1000 });
      return manifestObjects(r.stdout);
    } catch (e) {
      throw located(e, spec.chart, sources);
    }
  }

  /** The release's history, oldest first; undefined when the release does not exist. */
  async history(release: string, namespace: string, max = 20): Promise<HistoryEntry[] | undefined> {
    const r = await this.run(['history', release, `--namespace=${namespace}`, `--max=${max}`, '--output=json'], { allowFailure: true });
    if (r.code !== 0) {
      if (/not found/i.test(r.stderr)) return undefined;
      throw new DeployerError(`helm history ${release} --namespace=${namespace} failed: ${r.stderr.trim() || `exit code ${r.code}`}`);
    }
    try {
      const parsed = JSON.parse(r.stdout) as HistoryEntry[];
      return [...parsed].sort((a, b) => a.revision - b.revision);
    } catch {
      throw new DeployerError(`helm history ${release} returned output that is not JSON`);
    }
  }

  async rollback(release: string, namespace: string, revision: number, timeoutS: number): Promise<RunResult> {
    return this.run(['rollback', release, String(revision), `--namespace=${namespace}`, `--timeout=${timeoutS}s`], {
      timeoutMs: (timeoutS + 60) * 1000,
    });
  }

  async uninstall(release: string, namespace: string, timeoutS: number): Promise<RunResult> {
    return this.run(['uninstall', release, `--namespace=${namespace}`, `--timeout=${timeoutS}s`], { timeoutMs: (timeoutS + 60) * 1000 });
  }
}

/** `helm <command> <release>: <what failed> (helm: <its last line>)` with the hint for the fault's class. */
function helmClusterError(args: string[], r: RunResult, fault: ClusterFault): ToolError {
  const release = args.find((a, i) => i > 0 && !a.startsWith('-')) ?? '';
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  return new ToolError(`helm ${args[0]} ${release}: ${fault.what} (helm: ${last})`.replace(/ {2,}/g, ' '), r, fault.hint);
}

/** A helm failure that names a chart template, as a located HelmTemplateError; anything else as it was. */
function located(e: unknown, chartDir: string, sources?: TemplateSources): unknown {
  if (!(e instanceof ToolError) || e.result.timedOut || e.result.code === null || e.hint) return e;
  return renderFailure(e.result.stderr || e.result.stdout, chartDir, sources) ?? e;
}
