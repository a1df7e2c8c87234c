/** What every CLI command shares: repo options, the terminal reporter, error printing and exit codes. */
import { describeError, DeployerError } from '../shared/errors.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { escapeWorkflowCommandsInJson, TerminalReporter, WorkflowCommandEscaper, type Reporter } from '../shared/log.js';
import { redact } from '../shared/redact.js';
import { repoPaths, type RepoPaths } from '../shared/repo/index.js';

export interface RepoFlags {
  configRoot?: string;
  clustersDir?: string;
  chartsDir?: string;
  verbose?: boolean;
}

/**
 * The infra repo root when neither --config-root nor $DEPLOYER_CONFIG_ROOT names it: the nearest directory, from
 * `start` upwards, that holds the clusters directory (as git finds `.git`), so the CLI works from any subdirectory of
 * the repo. Without one, `start` itself (the command then says the clusters directory does not exist there).
 */
export function findConfigRoot(start: string, clustersDir = 'config/clusters'): string {
  if (path.isAbsolute(clustersDir)) return start;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      if (statSync(path.join(dir, clustersDir)).isDirectory()) return dir;
    } catch {
      // not here; look further up
    }
    if (path.dirname(dir) === dir) return start;
  }
}

export function pathsFrom(flags: RepoFlags): RepoPaths {
  return repoPaths({
    configRoot: flags.configRoot ?? (process.env.DEPLOYER_CONFIG_ROOT || findConfigRoot(process.cwd(), flags.clustersDir)),
    clustersDir: flags.clustersDir,
    chartsDir: flags.chartsDir,
  });
}

export function terminalReporter(flags: { verbose?: boolean } = {}): Reporter {
  return new TerminalReporter({ verbose: flags.verbose });
}

/** True when the CLI runs as a GitHub Actions step (a `run:` line), where printed text can act as a workflow command. */
export function inActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * In a GitHub Actions step, make every byte this process prints on `stream` inert: a line that would act as a
 * workflow command (`::add-mask::`, `::stop-commands::`, `##[...]`) gets a zero-width space that the runner does not
 * skip. Hub names, file names from the change under review, arguments and tool output all pass through here, so a
 * pull request cannot steer the runner through the CLI's output. Idempotent.
 */
export function guardWorkflowCommands(stream: NodeJS.WriteStream): void {
  const guarded = stream as NodeJS.WriteStream & { deployerGuarded?: boolean };
  if (guarded.deployerGuarded) return;
  guarded.deployerGuarded = true;
  const escaper = new WorkflowCommandEscaper();
  const decoder = new StringDecoder('utf8');
  const write = stream.write.bind(stream) as (chunk: string, encoding?: BufferEncoding, cb?: (err?: Error | null) => void) => boolean;
  stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void) => {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    const text = typeof chunk === 'string' ? (encoding && !/^utf-?8$/i.test(encoding) ? Buffer.from(chunk, encoding).toString('utf8') : chunk) : decoder.write(Buffer.from(chunk));
    return write(escaper.push(text), 'utf8', cb);
  }) as typeof stream.write;
}

/** Print a result on stdout (redacted: a result must never carry a secret). JSON stays JSON of the same value. */
export function printResult(text: string): void {
  let out = redact(text.endsWith('\n') ? text : text + '\n');
  if (inActions() && /^\s*[[{"]/.test(out)) {
    try {
      JSON.parse(out);
      out = escapeWorkflowCommandsInJson(out);
    } catch {
      // not JSON: the stream guard escapes it as text
    }
  }
  process.stdout.write(out);
}

/** Run a command body; a thrown error is printed as one located line (no stack trace) and sets the exit code. */
export async function runCommand(fn: () => Promise<number | void>): Promise<void> {
  try {
    const code = await fn();
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    process.stderr.write(redact(`error: ${describeError(e)}`) + '\n');
    if (process.env.DEPLOYER_DEBUG_STACK && e instanceof Error && !(e instanceof DeployerError)) {
      process.stderr.write(redact(e.stack ?? '') + '\n');
    }
    process.exitCode = e instanceof DeployerError ? e.exitCode : 1;
  }
}

/** All of standard input as text (for `-` in place of a list of files). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
