/**
 * What an interactive tool does, as data: the kubectl steps (arguments without the context) that the CLI runs on
 * the operator's machine with the cluster's private kubeconfig, and that an action (no terminal) prints as exact
 * command lines with `--context`, plus the manifest and notes. One description, two renderings, so the printed
 * instructions are exactly what the CLI would run.
 */
import { formatCommand } from '../exec/run.js';
import type { Cluster } from '../repo/index.js';
import { credentialCommands } from './target.js';

export interface KubectlStep {
  /** What the step does, for people. */
  describe: string;
  /** kubectl arguments (no --context, no --kubeconfig). */
  args: string[];
  /** Needs the terminal (exec -it, run -it, port-forward). */
  interactive?: boolean;
  /** A clean-up step: runs even when an earlier step failed (and is printed as a trap in instructions). */
  always?: boolean;
}

export interface OpsPlan {
  tool: string;
  title: string;
  steps: KubectlStep[];
  /** A pod manifest the steps create (shown in the instructions). */
  manifest?: unknown;
  notes: string[];
}

/** The kubectl argument list with `--context` first (when known). */
export function withContext(context: string, args: string[]): string[] {
  return context ? [`--context=${context}`, ...args] : args;
}

export interface Instructions {
  /** Plain text (the action log and the `output` output). */
  text: string;
  /** Markdown (the job summary). */
  markdown: string;
  /** Every runnable command line, in order (for tests and machines). */
  commands: string[];
}

/** A fenced block that the content cannot close (longer than any backtick run in it). */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

/** Render a plan as instructions for a workstation: credentials first, then the exact kubectl lines. */
export function renderInstructions(plan: OpsPlan, cluster: Cluster, context: string): Instructions {
  const creds = credentialCommands(cluster, context);
  const main = plan.steps.filter((s) => !s.always);
  const cleanup = plan.steps.filter((s) => s.always);
  const line = (s: KubectlStep) => formatCommand('kubectl', withContext(context, s.args));
  const commands = [...creds.map((c) => c.command), ...plan.steps.map(line)];
  const text: string[] = [`${plan.title}`, '', `1. Credentials for cluster ${cluster.name}${context ? ` (kubeconfig context ${context})` : ''}:`];
  for (const c of creds) text.push(`   # ${c.how}`, `   ${c.command}`);
  text.push('', '2. Then run:');
  if (cleanup.length) text.push(`   # clean-up that runs however the steps end:`, `   trap '${cleanup.map((s) => line(s).replace(/'/g, `'\\''`)).join('; ')}' EXIT`);
  for (const s of main) text.push(`   # ${s.describe}`, `   ${line(s)}`);
  if (plan.manifest !== undefined) text.push('', 'The pod it creates:', JSON.stringify(plan.manifest, null, 2));
  if (plan.notes.length) text.push('', ...plan.notes.map((n) => `Note: ${n}`));
  const sh: string[] = [...creds.flatMap((c) => [`# ${c.how}`, c.command])];
  const run: string[] = [];
  if (cleanup.length) run.push('# clean-up that runs however the steps end:', `trap '${cleanup.map((s) => line(s).replace(/'/g, `'\\''`)).join('; ')}' EXIT`);
  for (const s of main) run.push(`# ${s.describe}`, line(s));
  const md: string[] = [`### ${plan.title}`, '', `**1. Credentials** for cluster \`${cluster.name}\`${context ? ` (kubeconfig context \`${context}\`)` : ''}:`, '', fence(sh.join('\n'), 'sh'), '', '**2. Then run:**', '', fence(run.join('\n'), 'sh')];
  if (plan.manifest !== undefined) md.push('', 'The pod it creates:', '', fence(JSON.stringify(plan.manifest, null, 2), 'json'));
  if (plan.notes.length) md.push('', ...plan.notes.map((n) => `> ${n}`));
  return { text: text.join('\n'), markdown: md.join('\n'), commands };
}
