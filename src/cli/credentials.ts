/**
 * `deployer use-cluster-credentials CLUSTER [COMMANDLINE]` (upstream A.7): authenticate to the cluster, run
 * COMMANDLINE with `bash -c` (or, without one, an interactive `$SHELL`) in the cluster's private environment
 * (KUBECONFIG and provider credentials), and remove every credential file when it exits.
 *
 * With a COMMANDLINE, its output is passed through line by line with every registered secret masked, so even
 * `cat $KUBECONFIG` prints no credential; the exit code is the command's (128 + n when killed by signal n).
 * The interactive shell gets the terminal directly (masking an interactive session is not possible); it is meant for
 * an operator's own machine.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { DeployerError } from '../shared/errors.js';
import { authenticate } from '../shared/auth/index.js';
import { redact } from '../shared/redact.js';
import { loadCluster } from '../shared/repo/index.js';
import { pathsFrom, terminalReporter, type RepoFlags } from './common.js';

export interface CredentialsFlags extends RepoFlags {
  ambientCredentials?: boolean;
}

/** Copies a stream line by line through `redact` (a secret split across chunks is still masked). */
function redactingPipe(write: (s: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) {
        // Very long lines without a newline are flushed in pieces to bound memory.
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

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? (constants.signals as Record<string, number>)[signal] : undefined;
  return 128 + (n ?? 1);
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv, interactive: boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: interactive ? 'inherit' : ['inherit', 'pipe', 'pipe'] });
    const out = redactingPipe((s) => process.stdout.write(s));
    const err = redactingPipe((s) => process.stderr.write(s));
    child.stdout?.setEncoding('utf8').on('data', (d: string) => out.push(d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new DeployerError(`could not start ${command}: ${e.code === 'ENOENT' ? 'not found' : e.message}`, { hint: 'install bash, or set SHELL' })),
    );
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      resolve(exitCodeOf(code, signal));
    });
  });
}

export async function useClusterCredentials(clusterName: string, commandline: string | undefined, opts: CredentialsFlags): Promise<number> {
  const reporter = terminalReporter(opts);
  const paths = pathsFrom(opts);
  const cluster = await loadCluster(paths, clusterName);
  const access = await authenticate(cluster, { reporter, ambient: opts.ambientCredentials });
  try {
    if (commandline !== undefined && commandline.trim() !== '') {
      reporter.debug(`running \`${commandline}\` with the credentials of ${cluster.name}`);
      return await run('bash', ['-c', commandline], access.env, false);
    }
    const shell = process.env.SHELL || '/bin/bash';
    reporter.info(`Opening ${shell} with the credentials of ${cluster.name} (KUBECONFIG=${access.kubeconfigPath}). They are removed when the shell exits.`);
    return await run(shell, [], { ...access.env, DEPLOYER_CLUSTER: cluster.name }, true);
  } finally {
    await access.dispose();
  }
}
