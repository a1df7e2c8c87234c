/** Command tree of the operator tools: use-cluster-credentials, decrypt-age, exec debug ..., exec shell ... */
import type { Command } from 'commander';
import { runCommand } from '../common.js';
import { notBuilt, withRepo, type Opts } from '../define.js';

export function registerOps(program: Command): void {
  withRepo(program.command('use-cluster-credentials').argument('<cluster>', 'cluster name').argument('[commandline]', 'command to run with the credentials (default: an interactive shell)'))
    .description('Authenticate to a cluster and run a command (or a shell) with a private KUBECONFIG.')
    .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
    .action((cluster: string, commandline: string | undefined, opts: Opts) =>
      runCommand(async () => (await import('../credentials.js')).useClusterCredentials(cluster, commandline, opts)),
    );

  program
    .command('decrypt-age')
    .description('Decrypt an age-encrypted message (the private key comes from $AGE_SECRET_KEY_FILE or --identity).')
    .option('--encrypted-file-path <path>', 'file to decrypt (default: read standard input)')
    .action(notBuilt('decrypt-age'));

  const exec = program.command('exec').description('Operator tools: logs, shells, docker proxy.');
  const debug = exec.command('debug').description('Logs and debugging helpers.');
  debug
    .command('component-logs')
    .argument('<cluster>')
    .argument('<hub>')
    .argument('<component>', 'hub|proxy|dask-gateway-api|dask-gateway-controller|dask-gateway-traefik')
    .option('--no-follow', 'print the logs and exit')
    .option('--previous', 'logs of the previous container')
    .description('Logs of a hub component.')
    .action(notBuilt('exec debug component-logs'));
  debug.command('user-logs').argument('<cluster>').argument('<hub>').argument('<username>').option('--no-follow').option('--previous').description("Logs of a user's server.").action(notBuilt('exec debug user-logs'));
  debug.command('start-docker-proxy').argument('[cluster]', 'cluster of the docker daemon', '2i2c').description('Proxy a remote docker daemon to localhost.').action(notBuilt('exec debug start-docker-proxy'));
  const shell = exec.command('shell').description('Interactive shells.');
  shell.command('hub').argument('<cluster>').argument('<hub>').description('A shell in the hub pod.').action(notBuilt('exec shell hub'));
  shell.command('homes').argument('<cluster>').argument('<hub>').description('A shell with the home directories mounted.').action(notBuilt('exec shell homes'));
  shell.command('aws').argument('<profile>').argument('<mfa-device-id>').argument('<auth-token>').description('An AWS shell with MFA credentials.').action(notBuilt('exec shell aws'));
}
