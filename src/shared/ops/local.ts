/**
 * Running a tool on the operator's own machine: child processes with the cluster's isolated environment (the
 * private KUBECONFIG and provider credentials exist only in the child's env, never in this process's), the terminal
 * handed over for interactive steps, and non-interactive output passed through line by line with every registered
 * secret masked. Exit codes are the child's (128 + n when killed by signal n).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { redact } from '../redact.js';
import { formatCommand } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import type { OpsPlan } from './plan.js';

/** Copies a stream line by line through `redact` (a secret split across chunks is still masked). */
function redactingPipe(write: (s: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) {
        if (pending.length > 1 << 20) {
          write(redact(pending));
          pending = '';
        }
        return;
      }
      write(redact(pending.slice(0, cut + 1)));
      pending = pending.slice(cut + 1);
    },
    end() {
      if (pending) write(redact(pending));
      pending = '';
    },
  };
}

export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? (constants.signals as Record<string, number>)[signal] : undefined;
  return 128 + (n ?? 1);
}

/** Run a child; `interactive` gives it the terminal, else its output is copied redacted. Resolves to its exit code. */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv, interactive: boolean, hint = 'install it, or put it on PATH'): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: interactive ? 'inherit' : ['inherit', 'pipe', 'pipe'] });
    const out = redactingPipe((s) => process.stdout.write(s));
    const err = redactingPipe((s) => process.stderr.write(s));
    child.stdout?.setEncoding('utf8').on('data', (d: string) => out.push(d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new DeployerError(`could not start ${command}: ${e.code === 'ENOENT' ? 'not found' : e.message}`, { hint })));
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      resolve(exitCodeOf(code, signal));
    });
  });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Run a plan's kubectl steps in order with `env` (the cluster's isolated environment). A failing step stops the
 * rest; `always` steps (clean-up) run however the others ended, Ctrl-C included: while the plan runs, a signal is
 * left to the child (which gets it from the terminal as well) and remembered, the clean-up runs, and the plan
 * returns 128 + the signal's number. Returns the first non-zero exit code, else 0.
 */
export async function runPlanLocally(plan: OpsPlan, env: NodeJS.ProcessEnv, reporter: Reporter): Promise<number> {
  const kubectl = toolPath('kubectl', env);
  let code = 0;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    interrupted ??= s;
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    for (const step of plan.steps.filter((s) => !s.always)) {
      reporter.info(`${step.describe}: ${formatCommand('kubectl', step.args)}`);
      code = await runChild(kubectl, step.args, env, step.interactive ?? false);
      if (interrupted) {
        reporter.error(`interrupted (${interrupted}) during \`${formatCommand('kubectl', step.args)}\``);
        code = exitCodeOf(null, interrupted);
        break;
      }
      if (code !== 0) {
        reporter.error(`\`${formatCommand('kubectl', step.args)}\` failed with exit code ${code}`);
        break;
      }
    }
  } finally {
    for (const step of plan.steps.filter((s) => s.always)) {
      reporter.info(`${step.describe}: ${formatCommand('kubectl', step.args)}`);
      const c = await runChild(kubectl, step.args, env, false).catch((e: unknown) => {
        reporter.error(`clean-up failed: ${(e as Error).message}`);
        return 1;
      });
      if (c !== 0) {
        reporter.error(`clean-up \`${formatCommand('kubectl', step.args)}\` failed with exit code ${c}: run it by hand`);
        if (code === 0) code = c;
      }
    }
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
  return code;
}
