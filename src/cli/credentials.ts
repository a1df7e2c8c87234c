/**
 * `deployer use-cluster-credentials CLUSTER [COMMAND...]` (upstream A.7, 2026 B.1): authenticate to the cluster and
 * run COMMAND (or, without one, an interactive `$SHELL`) with the cluster's private environment (KUBECONFIG and
 * provider credentials exist only in the child's environment), then remove every credential file.
 *
 * `use-cluster-credentials C kubectl get ns` runs `kubectl get ns` directly (no shell); `--` ends deployer's own
 * options (`use-cluster-credentials C -- kubectl get ns -o yaml`); one argument holding blanks
 * (`use-cluster-credentials C "kubectl get ns | head"`) is a shell command line, run with `bash -c` as upstream did.
 * Without a terminal (CI, pipes) a command's output is passed through line by line with every registered secret
 * masked, so even `cat $KUBECONFIG` prints no credential; on a terminal the command gets it (k9s, `kubectl exec -it`).
 * The exit code is the command's. With DEPLOYER_NO_NESTED_KUBECONFIG set, it refuses to run
 * while a kubeconfig is already active.
 */
import { authenticate } from '../shared/auth/index.js';
import { refuseNestedKubeconfig } from '../shared/ops/credentials.js';
import { runChild } from '../shared/ops/local.js';
import { loadCluster } from '../shared/repo/index.js';
import { pathsFrom, terminalReporter, type RepoFlags } from './common.js';

export interface CredentialsFlags extends RepoFlags {
  ambientCredentials?: boolean;
}

/** How a command given as arguments is run: one argument with blanks is a shell line, else an argv. */
export function commandOf(args: readonly string[]): { command: string; args: string[] } | undefined {
  if (!args.length || (args.length === 1 && !args[0].trim())) return undefined;
  if (args.length === 1 && /\s/.test(args[0].trim())) return { command: 'bash', args: ['-c', args[0]] };
  return { command: args[0], args: args.slice(1) };
}

export async function useClusterCredentials(clusterName: string, commandArgs: string[] | string | undefined, opts: CredentialsFlags): Promise<number> {
  refuseNestedKubeconfig(process.env);
  const reporter = terminalReporter(opts);
  const paths = pathsFrom(opts);
  const cluster = await loadCluster(paths, clusterName);
  const argv = commandArgs === undefined ? [] : Array.isArray(commandArgs) ? commandArgs : [commandArgs];
  const access = await authenticate(cluster, { reporter, ambient: opts.ambientCredentials });
  try {
    const env = { ...access.env, DEPLOYER_CLUSTER: cluster.name };
    const cmd = commandOf(argv);
    if (cmd) {
      reporter.debug(`running ${cmd.command} with the credentials of ${cluster.name}`);
      // On a terminal the command gets it (k9s, kubectl exec -it work); otherwise (CI, pipes) its output is masked.
      const onTerminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
      return await runChild(cmd.command, cmd.args, env, onTerminal, `install ${cmd.command}, or check PATH`);
    }
    const shell = process.env.SHELL || '/bin/bash';
    reporter.info(`Opening ${shell} with the credentials of ${cluster.name} (KUBECONFIG=${access.kubeconfigPath}). They are removed when the shell exits.`);
    return await runChild(shell, [], env, true, 'install bash, or set SHELL');
  } finally {
    await access.dispose();
  }
}
