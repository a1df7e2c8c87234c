/**
 * Dashboards from a checkout of jupyterhub/grafana-dashboards (and extra directories rendered the same way):
 * `<dir>/*.jsonnet` rendered with the real `jsonnet -J vendor <file>` from the checkout's root (where `vendor/` is),
 * each file at most once per run (per distinct datasource list for files whose top level is a function, which get
 * `--tla-code datasources=[...]`), in parallel, the results shared by every cluster.
 *
 * The dashboard uid is upstream deploy.py's: the first 16 hex digits of sha256(`<path as deploy.py globbed it>` +
 * folder uid), where the path is the file relative to the checkout root (`dashboards/cluster.jsonnet`), so a fleet
 * moving from upstream updates its dashboards in place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeployerError, UsageError } from '../errors.js';
import { runTool, ToolError } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';

export const DEFAULT_FOLDER_UID = '70E5EE84-1217-4021-A89E-1E3DE0566D93';
export const DEFAULT_FOLDER_NAME = 'JupyterHub Default Dashboards';

export interface DashboardSet {
  /** Directory of `*.jsonnet` (absolute). */
  dir: string;
  folderUid: string;
  folderName: string;
}

export interface DashboardSource {
  /** `dashboards/cluster.jsonnet`: relative to the checkout root, POSIX, as deploy.py globbed it. */
  key: string;
  abs: string;
  /** File name without `.jsonnet`. */
  name: string;
  folderUid: string;
  folderName: string;
  uid: string;
}

/** `DIR:FOLDER_UID:FOLDER NAME` (DIR relative to `base`; the folder name may hold colons). */
export function parseDashboardSet(spec: string, base: string): DashboardSet {
  const [dir, folderUid, ...name] = spec.split(':');
  if (!dir || !folderUid || !name.length || !name.join(':')) {
    throw new UsageError(`extra dashboards \`${spec}\` is not DIR:FOLDER_UID:FOLDER_NAME`, 'e.g. ../jupyterhub-cost-monitoring/dashboards:cloud-cost:Cloud cost dashboards');
  }
  return { dir: path.resolve(base, dir), folderUid, folderName: name.join(':') };
}

/** upstream deploy.py: `sha256((dashboard_path + folder_uid).encode()).hexdigest()[:16]`. */
export function dashboardUid(key: string, folderUid: string): string {
  return createHash('sha256').update(key + folderUid, 'utf8').digest('hex').slice(0, 16);
}

/** Every `*.jsonnet` of each set (sorted), with its uid. A set without dashboards is an error naming the dir. */
export function discoverDashboards(root: string, sets: DashboardSet[]): DashboardSource[] {
  if (!existsSync(path.join(root, 'vendor'))) {
    throw new DeployerError(`${root} has no vendor/ directory: it does not look like a checkout of jupyterhub/grafana-dashboards`, {
      hint: 'check out jupyterhub/grafana-dashboards at a pinned ref and pass that directory as --dashboards-dir; its vendor/ (grafonnet) must be there: committed in the repository, or made with `jb install` from jsonnetfile.lock.json',
    });
  }
  const out: DashboardSource[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (!existsSync(set.dir) || !statSync(set.dir).isDirectory()) {
      throw new DeployerError(`dashboards directory ${set.dir} does not exist`, { hint: 'check the path (and that the workflow checked the repository out there)' });
    }
    const files = readdirSync(set.dir)
      .filter((f) => f.endsWith('.jsonnet'))
      .sort();
    if (!files.length) throw new DeployerError(`dashboards directory ${set.dir} holds no *.jsonnet file`, { hint: 'point it at the directory that holds the dashboards' });
    for (const f of files) {
      const abs = path.join(set.dir, f);
      const key = path.relative(root, abs).split(path.sep).join('/');
      const uid = dashboardUid(key, set.folderUid);
      if (seen.has(uid)) continue;
      seen.add(uid);
      out.push({ key, abs, name: f.replace(/\.jsonnet$/, ''), folderUid: set.folderUid, folderName: set.folderName, uid });
    }
  }
  return out;
}

export interface RendererOptions {
  /** Checkout root (the jsonnet working directory, holding `vendor/`). */
  root: string;
  env?: NodeJS.ProcessEnv;
  /** jsonnet processes at once (default: the machine's parallelism). */
  parallelism?: number;
  timeoutMs?: number;
  log?: (message: string) => void;
}

/** Renders each dashboard once per distinct argument list, at most `parallelism` jsonnet processes at a time. */
export class DashboardRenderer {
  private readonly jsonnet: string;
  private readonly cache = new Map<string, Promise<Record<string, unknown>>>();
  private kinds?: Promise<Map<string, boolean>>;
  private running = 0;
  private readonly queue: Array<() => void> = [];
  private readonly limit: number;
  /** jsonnet processes started (for reports and benchmarks). */
  renders = 0;

  constructor(private readonly sources: DashboardSource[], private readonly options: RendererOptions) {
    this.jsonnet = toolPath('jsonnet', options.env ?? process.env);
    this.limit = Math.max(1, options.parallelism ?? os.availableParallelism());
  }

  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((r) => this.queue.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private run(args: string[]): Promise<string> {
    return this.slot(async () => {
      this.renders++;
      const r = await runTool(this.jsonnet, ['-J', 'vendor', ...args], { cwd: this.options.root, env: this.options.env, timeoutMs: this.options.timeoutMs ?? 15 * 60_000, maxBuffer: 256 * 1024 * 1024 });
      return r.stdout;
    });
  }

  /** Which dashboards are top-level functions (one jsonnet process for all: `std.type` does not evaluate the body). */
  isFunction(source: DashboardSource): Promise<boolean> {
    this.kinds ??= (async () => {
      const probe = `[${this.sources.map((s) => `std.type(import ${JSON.stringify(s.key)})`).join(', ')}]`;
      let types: string[];
      try {
        types = JSON.parse(await this.run(['-e', probe])) as string[];
      } catch (e) {
        // One broken file must not hide which one: probe them one by one to name it.
        const map = new Map<string, boolean>();
        for (const s of this.sources) {
          try {
            const t = JSON.parse(await this.run(['-e', `std.type(import ${JSON.stringify(s.key)})`])) as string;
            map.set(s.key, t === 'function');
          } catch (inner) {
            throw this.renderError(s, inner);
          }
        }
        if (map.size === this.sources.length) return map;
        throw e;
      }
      return new Map(this.sources.map((s, i) => [s.key, types[i] === 'function']));
    })();
    return this.kinds.then((m) => m.get(source.key) ?? false);
  }

  /** Whether any dashboard needs the datasource list (so a cluster needs to fetch it). */
  async needsDatasources(): Promise<boolean> {
    for (const s of this.sources) if (await this.isFunction(s)) return true;
    return false;
  }

  /** Start rendering everything that does not depend on a cluster (call early; renders overlap the API work). */
  prefetch(): void {
    for (const s of this.sources) {
      void this.isFunction(s)
        .then((fn) => (fn ? undefined : this.render(s, [])))
        .catch(() => undefined);
    }
  }

  /** The rendered dashboard (a fresh deep copy the caller may change). */
  async render(source: DashboardSource, datasources: string[]): Promise<Record<string, unknown>> {
    const fn = await this.isFunction(source);
    const key = fn ? `${source.key}\u0000${JSON.stringify(datasources)}` : source.key;
    let p = this.cache.get(key);
    if (!p) {
      const args = fn ? [source.key, '--tla-code', `datasources=${JSON.stringify(datasources)}`] : [source.key];
      p = (async () => {
        const started = Date.now();
        let text: string;
        try {
          text = await this.run(args);
        } catch (e) {
          throw this.renderError(source, e);
        }
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch {
          throw new DeployerError(`jsonnet rendered ${source.key} to something that is not JSON`, { file: source.key });
        }
        if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Object.keys(doc).length) {
          throw new DeployerError(`jsonnet render of ${source.key} is not a dashboard object`, { file: source.key, hint: 'a dashboard file must evaluate to a non-empty object' });
        }
        this.options.log?.(`rendered ${source.key}${fn ? ` for datasources ${JSON.stringify(datasources)}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return doc as Record<string, unknown>;
      })();
      this.cache.set(key, p);
    }
    return structuredClone(await p);
  }

  private renderError(source: DashboardSource, e: unknown): DeployerError {
    if (e instanceof ToolError) {
      const detail = (e.result.stderr || e.result.stdout).trim().split('\n').slice(0, 12).join('\n');
      return new DeployerError(`could not render ${source.key} with jsonnet${e.result.timedOut ? ' (timed out)' : ''}${detail ? `:\n${detail}` : ''}`, {
        file: source.key,
        hint: 'render it by hand with `jsonnet -J vendor ' + source.key + '` in the dashboards checkout; go-jsonnet is much faster than the C++ jsonnet for big dashboards',
      });
    }
    return e instanceof DeployerError ? e : new DeployerError(`could not render ${source.key}: ${(e as Error).message}`, { file: source.key });
  }
}
