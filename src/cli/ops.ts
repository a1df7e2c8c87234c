/**
 * The operator tools on the command line (`deployer exec ...`, `deployer decrypt-age`): logs stream to stdout, each
 * line prefixed by its pod; interactive tools run kubectl (or a shell) on this machine with the cluster's private
 * KUBECONFIG in the child's environment only, and remove the credentials when it exits. Inside a GitHub Actions
 * step (no terminal) the interactive tools print the same kubectl-ready instructions the exec action gives.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DeployerError, UsageError } from '../shared/errors.js';
import type { Reporter } from '../shared/log.js';
import { redact, registerSecret } from '../shared/redact.js';
import { parseDuration } from '../shared/ops/duration.js';
import { componentLogs, prefixer, userLogs, type LogOptions } from '../shared/ops/logs.js';
import { renderInstructions, type OpsPlan } from '../shared/ops/plan.js';
import { runChild, runPlanLocally } from '../shared/ops/local.js';
import { withTarget, type OpsTarget } from '../shared/ops/target.js';
import { inActions, pathsFrom, readStdin, terminalReporter, type RepoFlags } from './common.js';

export interface OpsFlags extends RepoFlags {
  ambientCredentials?: boolean;
}

export interface LogFlags extends OpsFlags {
  follow?: boolean;
  previous?: boolean;
  since?: string;
  tail?: number;
}

function logOptions(flags: LogFlags): LogOptions {
  const controller = new AbortController();
  // Ctrl-C ends a follow cleanly (credentials removed, exit 130) instead of killing the process mid-write.
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    follow: flags.follow === true,
    previous: flags.previous === true,
    sinceSeconds: flags.since ? parseDuration(flags.since) : undefined,
    tailLines: flags.tail,
    signal: controller.signal,
  };
}

async function streamLogs(cluster: string, hub: string, flags: LogFlags, read: (t: OpsTarget, opts: LogOptions, sink: (pod: string, line: string) => void, reporter: Reporter) => Promise<{ pods: string[]; lines: number; selector: string }>): Promise<number> {
  const reporter = terminalReporter(flags);
  const opts = logOptions(flags);
  const fmt = prefixer();
  return withTarget(pathsFrom(flags), cluster, { reporter, ambient: flags.ambientCredentials, hub }, async (t) => {
    const r = await read(t, opts, (pod, line) => process.stdout.write(redact(fmt(pod, line)) + '\n'), reporter);
    reporter.debug(`${r.lines} line(s) from ${r.pods.length} pod(s) matching ${r.selector} in namespace ${hub}`);
    return opts.signal?.aborted ? 130 : 0;
  });
}

export function componentLogsCommand(cluster: string, hub: string, component: string, flags: LogFlags): Promise<number> {
  return streamLogs(cluster, hub, flags, async (t, opts, sink, reporter) => componentLogs(await t.kube(), hub, component, opts, sink, reporter));
}

export function userLogsCommand(cluster: string, hub: string, username: string, flags: LogFlags): Promise<number> {
  return streamLogs(cluster, hub, flags, async (t, opts, sink, reporter) => userLogs(await t.kube(), hub, username, opts, sink, reporter));
}

/** Run an interactive tool's plan here, or print it as instructions inside a GitHub Actions step. */
async function interactive(cluster: string, hub: string | undefined, flags: OpsFlags, plan: (t: OpsTarget) => Promise<OpsPlan> | OpsPlan, confirm?: (p: OpsPlan) => Promise<void>): Promise<number> {
  const reporter = terminalReporter(flags);
  return withTarget(pathsFrom(flags), cluster, { reporter, ambient: flags.ambientCredentials, hub }, async (t) => {
    const p = await plan(t);
    if (inActions()) {
      process.stdout.write(redact(renderInstructions(p, t.cluster, t.context).text) + '\n');
      return 0;
    }
    await confirm?.(p);
    reporter.info(`${p.title}`);
    if (!p.steps.some((s) => s.always)) return runPlanLocally(p, t.access.env, reporter);
    // A plan with clean-up must still reach the cluster after Ctrl-C, when the signal handlers have already removed
    // the session's private files: it runs on a self-contained copy of the credentials, removed right after.
    const { exportCredentials, removeExported } = await import('../shared/ops/credentials.js');
    const copy = exportCredentials(t.access, t.cluster.name);
    try {
      return await runPlanLocally(p, { ...t.access.env, KUBECONFIG: copy.kubeconfig }, reporter);
    } finally {
      removeExported(copy.dir);
    }
  });
}

export async function shellHubCommand(cluster: string, hub: string, flags: OpsFlags): Promise<number> {
  const { planShellHub } = await import('../shared/ops/shell-hub.js');
  return interactive(cluster, hub, flags, (t) => planShellHub(t, hub));
}

export async function shellHomesCommand(cluster: string, hub: string, flags: OpsFlags & { root?: boolean }): Promise<number> {
  const { planHomes, planRootHomes } = await import('../shared/ops/homes.js');
  return interactive(cluster, hub, flags, (t) => (flags.root ? planRootHomes(t, hub) : planHomes(t, hub)));
}

export async function dockerProxyCommand(cluster: string, flags: OpsFlags): Promise<number> {
  const { planDockerProxy } = await import('../shared/ops/docker-proxy.js');
  return interactive(cluster, undefined, flags, (t) => planDockerProxy(t));
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export async function copyHomedirCommand(cluster: string, hub: string, flags: OpsFlags & { sourceHomedir?: string; destinationHomedir?: string; yes?: boolean }): Promise<number> {
  const { planCopyHomedir } = await import('../shared/ops/copy-homedir.js');
  const tty = process.stdin.isTTY === true;
  let src = flags.sourceHomedir;
  let dst = flags.destinationHomedir;
  if ((!src || !dst) && !tty) {
    throw new UsageError('--source-homedir and --destination-homedir are required without a terminal', 'name the two directories under /home, e.g. --source-homedir alice --destination-homedir bob');
  }
  if (!src) src = await ask('Directory under /home to copy from: ');
  if (!dst) dst = await ask('Directory under /home to copy into: ');
  return interactive(cluster, hub, flags, (t) => planCopyHomedir(t, hub, src!, dst!), async (p) => {
    if (flags.yes) return;
    if (!tty) throw new UsageError('copying home directories needs confirmation: pass --yes', 'run it again with --yes once the directories are right');
    const answer = await ask(`${p.title}. Continue? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) throw new DeployerError('cancelled; nothing was copied', { exitCode: 1 });
  });
}

export async function awsShellCommand(profile: string, mfaDeviceId: string, tokenCode: string, flags: { verbose?: boolean }): Promise<number> {
  const { awsSessionEnv, awsShellInstructions } = await import('../shared/ops/aws-shell.js');
  const reporter = terminalReporter(flags);
  registerSecret(tokenCode);
  if (inActions()) {
    process.stdout.write(awsShellInstructions(profile, mfaDeviceId).text + '\n');
    return 0;
  }
  const extra = await awsSessionEnv({ profile, mfaDeviceId, tokenCode }, process.env);
  const shell = process.env.SHELL || '/bin/bash';
  reporter.info(`Opening ${shell} with MFA session credentials of profile ${profile} (they expire; exit the shell when done).`);
  return runChild(shell, ['-l'], { ...process.env, ...extra }, true, 'set SHELL to your shell');
}

export interface DecryptAgeFlags extends RepoFlags {
  encryptedFilePath?: string;
  identityFile?: string;
  outputFile?: string;
}

export async function decryptAgeCommand(flags: DecryptAgeFlags): Promise<number> {
  const { decryptAgeContent, teamIdentities } = await import('../shared/ops/age.js');
  const reporter = terminalReporter(flags);
  const paths = pathsFrom(flags);
  if (inActions() && !flags.outputFile) {
    throw new UsageError('decrypt-age does not print plaintext inside a GitHub Actions step (it would stay in the job log)', 'use the decrypt-age action, which re-encrypts it with sops or hands it to a masked output');
  }
  let data: Uint8Array;
  if (flags.encryptedFilePath) {
    try {
      data = readFileSync(flags.encryptedFilePath);
    } catch (e) {
      throw new DeployerError(`cannot read ${flags.encryptedFilePath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  } else {
    process.stderr.write(
      process.stdin.isTTY
        ? 'Paste the encrypted file contents, hit enter and then press Ctrl+D\n'
        : 'Reading the encrypted content from standard input (pass --encrypted-file-path to read a file)\n',
    );
    data = Buffer.from(await readStdin(), 'utf8');
  }
  if (flags.outputFile && existsSync(flags.outputFile)) {
    throw new UsageError(`${flags.outputFile} exists; decrypt-age never overwrites a file`, 'choose a new --output-file, or remove the old one first');
  }
  const identities = await teamIdentities(paths.configRoot, { reporter, identityFile: flags.identityFile });
  const plain = await decryptAgeContent(data, identities);
  if (flags.outputFile) {
    writeFileSync(flags.outputFile, plain, { mode: 0o600, flag: 'wx' });
    reporter.info(`wrote the plaintext to ${path.resolve(flags.outputFile)} (mode 0600); delete it when done`);
  } else {
    // The point of this command: show the operator the plaintext, on their terminal, never in a file or a log.
    process.stdout.write(plain);
    if (plain.length && plain[plain.length - 1] !== 0x0a) process.stdout.write('\n');
  }
  return 0;
}
