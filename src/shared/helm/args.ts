/**
 * Pure argument builders for helm: what `helm upgrade --install` (and `helm template` for dry runs) is called with.
 * Kept free of I/O so every flag order is asserted in unit tests.
 *
 * Reference (2023 upstream, A.5):
 *   helm upgrade --install --create-namespace --wait --namespace=<hub> <hub> <chart> [--dry-run] [--debug] --values=<f>...
 * What we run:
 *   helm upgrade --install <wait flag> --timeout=<t>s --namespace=<ns> <release> <chart> [--atomic] [--debug]
 *        [--version=<v> --repo=<url>] --values=<f1> --values=<f2> ... [extra args]
 * - `--create-namespace` is dropped: the namespace is ensured through the Kubernetes API before helm runs.
 * - the wait flag is `--wait` on helm 3 and `--wait=<strategy>` on helm 4 (default `watcher`); an explicit `--wait...`
 *   in the extra args replaces it.
 * - `--atomic` is `--rollback-on-failure` on helm 4 (the flag was renamed).
 * - dry runs use `helm template` (no cluster access at all), never `upgrade --dry-run`.
 */
import { UsageError } from '../errors.js';

export type HelmMajor = 3 | 4;

export interface HelmCaps {
  major: HelmMajor;
  /** helm 4 only: the `--wait=<strategy>` value (default `watcher`). */
  waitStrategy?: string;
}

export interface ReleaseSpec {
  release: string;
  namespace: string;
  /** A chart directory, a packaged chart, or a chart name with `repo`. */
  chart: string;
  /** In order: later files win. */
  valuesFiles: string[];
  /** Seconds (helm `--timeout`). */
  timeoutS: number;
  /** Wait for the release's resources (default true). */
  wait?: boolean;
  atomic?: boolean;
  debug?: boolean;
  /** Chart version (with `repo`). */
  version?: string;
  /** Chart repository URL (`--repo`). */
  repo?: string;
  /** Appended last, verbatim (test-only flags such as --disable-openapi-validation enter only here). */
  extraArgs?: string[];
}

function hasFlag(args: string[], flag: string): boolean {
  return args.some((a) => a === flag || a.startsWith(flag + '='));
}

export function waitFlag(caps: HelmCaps): string {
  return caps.major >= 4 ? `--wait=${caps.waitStrategy ?? 'watcher'}` : '--wait';
}

export function atomicFlag(caps: HelmCaps): string {
  return caps.major >= 4 ? '--rollback-on-failure' : '--atomic';
}

/** `helm upgrade --install ...` arguments (without the helm binary). */
export function upgradeArgs(spec: ReleaseSpec, caps: HelmCaps): string[] {
  const extra = spec.extraArgs ?? [];
  const args = ['upgrade', '--install'];
  if (spec.wait !== false && !hasFlag(extra, '--wait')) args.push(waitFlag(caps));
  args.push(`--timeout=${spec.timeoutS}s`, `--namespace=${spec.namespace}`, spec.release, spec.chart);
  if (spec.atomic) args.push(atomicFlag(caps));
  return [...args, ...chartArgs(spec, extra)];
}

/** What `upgrade` and `template` share after their own flags: debug, chart source, values in order, extra args. */
function chartArgs(spec: ReleaseSpec, extra: string[]): string[] {
  const args: string[] = [];
  if (spec.debug) args.push('--debug');
  if (spec.repo) args.push(`--repo=${spec.repo}`);
  if (spec.version) args.push(`--version=${spec.version}`);
  for (const f of spec.valuesFiles) args.push(`--values=${f}`);
  args.push(...extra);
  return args;
}

/** Flags that make sense for `upgrade` but not for `template`; dropped from extra args of a dry run. */
const NOT_FOR_TEMPLATE = ['--wait', '--atomic', '--rollback-on-failure', '--timeout', '--wait-for-jobs', '--force', '--force-replace', '--cleanup-on-fail'];

/** `helm template ...` arguments for a dry run: renders locally, never contacts the cluster. */
export function templateArgs(spec: ReleaseSpec): string[] {
  const extra = (spec.extraArgs ?? []).filter((a) => !NOT_FOR_TEMPLATE.some((f) => a === f || a.startsWith(f + '=')));
  return ['template', spec.release, spec.chart, `--namespace=${spec.namespace}`, ...chartArgs(spec, extra)];
}

/**
 * Split an extra-args string (CLI flag or action input) into arguments: whitespace separates, single and double
 * quotes group, backslash escapes. No shell is involved.
 */
export function splitArgs(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new UsageError(`unterminated ${quote} quote in helm extra arguments`, 'close the quote, or drop it');
  if (inWord) out.push(cur);
  return out;
}

/** Extra args that would silently change what is deployed where are refused: they have their own inputs. */
export function checkExtraArgs(args: string[]): void {
  const owned: Record<string, string> = {
    '--namespace': 'the namespace is the hub name',
    '-n': 'the namespace is the hub name',
    '--kubeconfig': 'cluster access comes from cluster.yaml',
    '--kube-context': 'cluster access comes from cluster.yaml',
    '--dry-run': 'use the dry-run input / --dry-run option',
    '--create-namespace': 'the namespace is created through the API before helm runs',
  };
  for (const a of args) {
    const flag = a.split('=')[0];
    if (owned[flag]) throw new UsageError(`helm extra argument \`${flag}\` is not allowed: ${owned[flag]}`);
  }
}
