/**
 * What one validation run shares between its checks: the repo paths, the reporter, caches (parsed files, compiled
 * chart schemas), the chart workspace (created on first render, disposed at the end) and the render pool bounded by
 * the CPU count.
 */
import os from 'node:os';
import { DeployerError } from '../errors.js';
import { privateTempDir, type PrivateTempDir } from '../secrets/tempdir.js';
import type { Finding, Severity } from '../findings.js';
import { createChartWorkspace, type ChartWorkspace } from '../helm/charts.js';
import { silentReporter, type Reporter } from '../log.js';
import type { RepoPaths } from '../repo/index.js';
import { toolPath } from '../exec/tools.js';

export interface ValidateOptions {
  reporter?: Reporter;
  /** helm binary (default $DEPLOYER_HELM, else PATH). */
  helm?: string;
  /** jsonnet binary (default $DEPLOYER_JSONNET, else PATH). */
  jsonnet?: string;
  /** Environment of helm and jsonnet (default: the exec runner's base environment). */
  env?: NodeJS.ProcessEnv;
  /** Render the charts with `helm template` (default true). false: values-schema checks only. */
  render?: boolean;
  /** Parallel renders (default: the CPU count). */
  concurrency?: number;
}

export interface ValidationStats {
  clusters: number;
  hubs: number;
  renders: number;
  dependencyBuilds: number;
}

export interface RenderFailure {
  file: string;
  line: number;
  col: number;
  detail: string;
  /** "gcp-demo/staging", "gcp-demo support". */
  releases: string[];
  /** Some of these releases also had values errors (the failure may follow from them). */
  afterValuesErrors: boolean;
}

export interface ValidationContext {
  paths: RepoPaths;
  reporter: Reporter;
  options: ValidateOptions;
  render: boolean;
  stats: ValidationStats;
  /** Per-run memo: any keyed promise (parsed files, compiled schemas...). */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
  workspace(): Promise<ChartWorkspace>;
  /** Run `fn` when a render slot is free (at most `concurrency` at once). */
  limit<T>(fn: () => Promise<T>): Promise<T>;
  helm(): string;
  jsonnet(): string;
  /**
   * Render failures located in a chart template, keyed by location and helm's message: the same broken template
   * fails every release of the chart, and is reported once naming them all (see `renderFailureFindings`).
   */
  renderFailures: Map<string, RenderFailure>;
  /** A private (0700) temp dir for rendered files, removed by dispose(). */
  tmpDir(): Promise<string>;
  dispose(): Promise<void>;
}

/** A limiter: at most `n` tasks run at once, in submission order. */
export function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= n) return;
    const run = queue.shift();
    if (run) {
      active++;
      run();
    }
  };
  return <T>(fn: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        fn()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

export function createValidationContext(paths: RepoPaths, options: ValidateOptions = {}): ValidationContext {
  const memo = new Map<string, Promise<unknown>>();
  let ws: Promise<ChartWorkspace> | undefined;
  let helmBin: string | undefined;
  let jsonnetBin: string | undefined;
  let tmp: Promise<PrivateTempDir> | undefined;
  const env = options.env ?? process.env;
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  const stats: ValidationStats = { clusters: 0, hubs: 0, renders: 0, dependencyBuilds: 0 };
  const ctx: ValidationContext = {
    paths,
    reporter: options.reporter ?? silentReporter,
    options,
    render: options.render !== false,
    stats,
    memo<T>(key: string, make: () => Promise<T>) {
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) {
        p = make();
        memo.set(key, p);
      }
      return p;
    },
    workspace() {
      ws ??= createChartWorkspace(paths, { helm: ctx.helm(), reporter: ctx.reporter, env: options.env });
      return ws;
    },
    limit: limiter(concurrency),
    renderFailures: new Map(),
    helm: () => (helmBin ??= options.helm ?? toolPath('helm', env)),
    jsonnet: () => (jsonnetBin ??= options.jsonnet ?? toolPath('jsonnet', env)),
    tmpDir() {
      // A private (0700) dir removed on dispose and on every way the process ends, signals included.
      tmp ??= privateTempDir('validate');
      return tmp.then((t) => t.dir);
    },
    async dispose() {
      if (tmp) {
        const t = await tmp.catch(() => undefined);
        if (t) await t.dispose();
      }
      if (!ws) return;
      const w = await ws.catch(() => undefined);
      if (w) {
        stats.dependencyBuilds = w.dependencyBuilds;
        await w.dispose();
      }
    },
  };
  return ctx;
}

/** A finding. */
export function finding(file: string, pos: { line: number; col: number }, path: string, message: string, severity: Severity = 'error'): Finding {
  return { file, line: pos.line, col: pos.col, path, message, severity };
}

/** A located DeployerError as a finding; `fallback` locates errors that carry no file. Anything else is rethrown. */
export function errorToFinding(e: unknown, fallback?: { file: string; line: number; col: number; path?: string }, withHint = false): Finding {
  if (e instanceof DeployerError && (e.file || fallback)) {
    const file = e.file ?? fallback!.file;
    const message = withHint && e.hint ? `${e.message}; ${e.hint}` : e.message;
    return {
      file,
      line: e.file ? (e.line ?? 1) : fallback!.line,
      col: e.file ? (e.col ?? 1) : fallback!.col,
      path: e.file ? '' : (fallback!.path ?? ''),
      message,
      severity: 'error',
    };
  }
  throw e;
}

/** Drop exact duplicates (the same fault found by two checks of `all`). */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}\0${f.line}\0${f.col}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** One finding per broken template location, naming every release that failed on it. */
export function renderFailureFindings(ctx: ValidationContext): Finding[] {
  return [...ctx.renderFailures.values()].map((r) => {
    const releases = [...r.releases].sort();
    const shown = releases.length > 5 ? `${releases.slice(0, 5).join(', ')} and ${releases.length - 5} more` : releases.join(', ');
    const what = releases.length === 1 ? shown : `${releases.length} releases (${shown})`;
    const consequence = r.afterValuesErrors ? ' (this may follow from the values errors reported for it)' : '';
    return { file: r.file, line: r.line, col: r.col, path: '', message: `cannot render ${what}: ${r.detail}${consequence}`, severity: 'error' as const };
  });
}
