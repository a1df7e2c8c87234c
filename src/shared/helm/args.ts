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
import { flagTable, parseFlags, type FlagTable } from '../exec/flags.js';

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

/** Flags that make sense for `upgrade` but not for `template`; dropped (with their values) from extra args of a dry run. */
const NOT_FOR_TEMPLATE = new Set(['wait', 'atomic', 'rollback-on-failure', 'timeout', 'wait-for-jobs', 'force', 'force-replace', 'force-conflicts', 'cleanup-on-fail', 'history-max', 'reset-values', 'reuse-values', 'reset-then-reuse-values', 'install', 'take-ownership', 'server-side', 'hide-notes', 'render-subchart-notes', 'description']);

/** `helm template ...` arguments for a dry run: renders locally, never contacts the cluster. */
export function templateArgs(spec: ReleaseSpec): string[] {
  const all = spec.extraArgs ?? [];
  const drop = new Set<number>();
  for (const f of parseFlags(all, HELM_FLAGS).flags) {
    if (NOT_FOR_TEMPLATE.has(f.name)) {
      drop.add(f.index);
      if (f.raw.length > 1) drop.add(f.index + 1);
    }
  }
  const extra = all.filter((_, i) => !drop.has(i));
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

/**
 * The flags of `helm upgrade` (helm 3.18 and 4.1, own and global), with their arity as pflag parses them; a test
 * checks this table against `helm upgrade --help` of the helm binaries the suite runs with.
 */
export const HELM_FLAGS: FlagTable = flagTable({
  bool: [
    'atomic', 'cleanup-on-fail', 'create-namespace', 'dependency-update', 'devel', 'disable-openapi-validation', 'enable-dns', 'force',
    'force-conflicts', 'force-replace', 'help', 'hide-notes', 'hide-secret', 'insecure-skip-tls-verify', 'install', 'no-hooks',
    'pass-credentials', 'plain-http', 'render-subchart-notes', 'reset-then-reuse-values', 'reset-values', 'reuse-values', 'rollback-on-failure',
    'skip-crds', 'skip-schema-validation', 'take-ownership', 'verify', 'wait-for-jobs', 'debug', 'kube-insecure-skip-tls-verify',
  ],
  value: [
    'ca-file', 'cert-file', 'description', 'history-max', 'key-file', 'keyring', 'labels', 'output', 'password', 'post-renderer',
    'post-renderer-args', 'repo', 'set', 'set-file', 'set-json', 'set-literal', 'set-string', 'timeout', 'username', 'values', 'version',
    'server-side', 'burst-limit', 'kube-apiserver', 'kube-as-group', 'kube-as-user', 'kube-ca-file', 'kube-context', 'kube-tls-server-name',
    'kube-token', 'kubeconfig', 'namespace', 'qps', 'registry-config', 'repository-cache', 'repository-config', 'color', 'colour', 'content-cache',
  ],
  // pflag NoOptDefVal: `--dry-run` alone means client, `--wait` alone means watcher (helm 4) / true (helm 3).
  optional: ['dry-run', 'wait'],
  short: { n: 'namespace', f: 'values', l: 'labels', o: 'output', i: 'install', h: 'help' },
});

const NAMESPACE = 'the namespace of every release is fixed by deployer (a hub is deployed to the namespace of its name)';
const CLUSTER = 'which cluster deployer talks to comes from cluster.yaml, through the credentials deployer sets up for that cluster';
const CREDENTIALS = 'cluster credentials come from the cluster\'s encrypted key file (or ambient credentials), never from the command line, where they would show in logs';
const REPO_CREDENTIALS = 'chart repository credentials on the command line would show in logs; deployer deploys charts from the infra repository';

/** Extra-args flags deployer refuses, and why: each changes the namespace, the cluster or the credentials, or deployer's own job. */
export const HELM_REFUSED: Record<string, string> = {
  namespace: NAMESPACE,
  kubeconfig: CLUSTER,
  'kube-context': CLUSTER,
  'kube-apiserver': CLUSTER,
  'kube-ca-file': CLUSTER,
  'kube-tls-server-name': CLUSTER,
  'kube-insecure-skip-tls-verify': CLUSTER,
  'kube-token': CREDENTIALS,
  'kube-as-user': CREDENTIALS,
  'kube-as-group': CREDENTIALS,
  username: REPO_CREDENTIALS,
  password: REPO_CREDENTIALS,
  'cert-file': REPO_CREDENTIALS,
  'key-file': REPO_CREDENTIALS,
  'pass-credentials': REPO_CREDENTIALS,
  'registry-config': REPO_CREDENTIALS,
  'repository-config': REPO_CREDENTIALS,
  'dry-run': 'use the dry-run input / --dry-run option (it renders with helm template and never touches the cluster)',
  'create-namespace': 'the namespace is created through the API before helm runs',
  help: 'helm would print its help and exit 0, and the hub would be reported deployed without being deployed',
  output: 'deployer reads helm\'s default output (and `--output json|yaml` would print the release with its values)',
};

/**
 * Refuse extra arguments that would change where or as whom helm deploys. They are parsed as helm parses them
 * (`-nkube-system`, `-n=kube-system`, `-in kube-system`, `--namespace kube-system`, `--kube-token=...`), so no
 * spelling slips through; a stray positional argument (which helm would take as a third release/chart argument)
 * and a flag missing its value are refused too. Throws a UsageError naming the flag as written.
 */
export function checkExtraArgs(args: string[], option = 'helm-extra-args'): void {
  checkToolArgs('helm', args, HELM_FLAGS, HELM_REFUSED, option);
}

/** The guard for any pflag tool (helm, kubectl): see checkExtraArgs. */
export function checkToolArgs(tool: string, args: string[], table: FlagTable, refused: Record<string, string>, option: string): void {
  const parsed = parseFlags(args, table);
  const where = `remove it from --${option} (the \`${option}\` input in the actions)`;
  for (const f of parsed.flags) {
    const why = refused[f.name];
    if (!why) continue;
    const raw = args[f.index];
    const spelled = raw === f.written || raw.startsWith(`${f.written}=`) ? `\`${redactValue(raw)}\`` : `\`${f.written}\` (in \`${redactValue(raw)}\`)`;
    const long = f.written.startsWith('--') ? '' : ` (--${f.name})`;
    throw new UsageError(`${tool} extra argument ${spelled}${long} is not allowed: ${why}`, where);
  }
  if (parsed.missingValue) {
    throw new UsageError(`${tool} extra argument \`${parsed.missingValue.written}\` needs a value`, `write it as ${parsed.missingValue.written.startsWith('--') ? `${parsed.missingValue.written}=VALUE` : `${parsed.missingValue.written} VALUE`}, or ${where}`);
  }
  if (parsed.positionals.length) {
    const p = parsed.positionals[0];
    throw new UsageError(
      `${tool} extra argument \`${redactValue(p.arg)}\` is not a flag: ${tool} would take it as one more command argument`,
      `if it is the value of a flag, write it joined to the flag (\`--flag=${redactValue(p.arg)}\`); otherwise ${where}`,
    );
  }
}

/** A flag as written, with a value that could be a credential cut off (`--kube-token=***`). */
function redactValue(raw: string): string {
  const m = /^(--kube-token|--password|--token)=(.*)$/.exec(raw);
  return m ? `${m[1]}=***` : raw;
}
