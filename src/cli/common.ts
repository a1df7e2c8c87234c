/** What every CLI command shares: repo options, the terminal reporter, error printing and exit codes. */
import { describeError, DeployerError } from '../shared/errors.js';
import { TerminalReporter, type Reporter } from '../shared/log.js';
import { redact } from '../shared/redact.js';
import { repoPaths, type RepoPaths } from '../shared/repo/index.js';

export interface RepoFlags {
  configRoot?: string;
  clustersDir?: string;
  chartsDir?: string;
  verbose?: boolean;
}

export function pathsFrom(flags: RepoFlags): RepoPaths {
  return repoPaths({
    configRoot: flags.configRoot ?? process.env.DEPLOYER_CONFIG_ROOT ?? process.cwd(),
    clustersDir: flags.clustersDir,
    chartsDir: flags.chartsDir,
  });
}

export function terminalReporter(flags: { verbose?: boolean } = {}): Reporter {
  return new TerminalReporter({ verbose: flags.verbose });
}

/** Print a result on stdout (redacted: a result must never carry a secret). */
export function printResult(text: string): void {
  process.stdout.write(redact(text.endsWith('\n') ? text : text + '\n'));
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
