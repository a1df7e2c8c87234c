/**
 * Command tree of the operator tools: use-cluster-credentials, decrypt-age, exec debug ..., exec shell ...
 * Implementations load lazily (src/cli/ops.ts, src/cli/credentials.ts), so other commands never load the Kubernetes
 * client or age.
 */
import { Argument, type Command } from 'commander';
import { runCommand } from '../common.js';
import { fileArg, wholeNumber, withRepo, type Opts } from '../define.js';

const COMPONENTS = ['hub', 'proxy', 'dask-gateway-api', 'dask-gateway-controller', 'dask-gateway-traefik'];

const ambient = (cmd: Command) => cmd.option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file');

function logOptions(cmd: Command): Command {
  return ambient(cmd)
    .option('-f, --follow', 'keep streaming new lines until Ctrl-C (default: print and exit)')
    .option('--no-follow', 'print the logs and exit (the default)')
    .option('-p, --previous', 'logs of the previous (crashed) instance of the container')
    .option('--since <duration>', 'only lines newer than this: 30s, 10m, 2h, 1h30m')
    .option('--tail <lines>', 'only the last N lines of each pod', wholeNumber('lines', 0, '200'));
}

export function registerOps(program: Command): void {
  ambient(
    withRepo(
      program
        .command('use-cluster-credentials')
        .argument('<cluster>', 'cluster name')
        .argument('[command...]', 'command to run with the credentials, e.g. `kubectl get ns` (default: an interactive shell); `--` ends deployer\'s options'),
    ),
  )
    .description('Authenticate to a cluster and run a command (or a shell) with a private KUBECONFIG, removed afterwards.')
    // `use-cluster-credentials C kubectl get ns -o yaml`: options deployer does not know stay with the command.
    .allowUnknownOption()
    .action((cluster: string, command: string[], opts: Opts) =>
      runCommand(async () => (await import('../credentials.js')).useClusterCredentials(cluster, command, opts)),
    );

  withRepo(program.command('decrypt-age'))
    .description("Decrypt age-encrypted content sent to the support address with the team's age identity (kept sops-encrypted in the repository) and print it on the terminal.")
    .option('--encrypted-file-path <path>', 'file to decrypt, armored or binary (default: paste it on standard input; a prompt says so)', fileArg('the encrypted file'))
    .option('--identity-file <path>', "the sops-encrypted age identity, relative to the repository root (default: shared/deployer/enc-age-secret-private.key, else deployer/keys/enc-age-secret-private.key)", fileArg('the identity file'))
    .option('--output-file <path>', 'write the plaintext to this new file (mode 0600) instead of the terminal', fileArg('the output file'))
    .action((opts: Opts) => runCommand(async () => (await import('../ops.js')).decryptAgeCommand(opts)));

  // The seed's tree (`exec debug ...`, `exec shell ...`) and, for operators used to upstream's 2026 names, the same
  // commands as `debug ...` and `exec hub|homes|root-homes|copy-homedir-into-another`, `exec aws shell`.
  const exec = program.command('exec').description('Operator tools: logs, shells, docker proxy.');
  const debug = exec.command('debug').description('Logs and debugging helpers.');
  const debug2026 = program.command('debug').description('Logs and debugging helpers (the 2026 name of `exec debug`).');
  for (const parent of [debug, debug2026]) {
    componentLogs(parent);
    userLogs(parent);
    dockerProxy(parent);
  }
  const shell = exec.command('shell').description('Interactive shells (inside a GitHub Actions step: printed as instructions).');
  for (const parent of [shell, exec]) {
    shellHub(parent);
    shellHomes(parent);
    shellRootHomes(parent);
    copyHomedir(parent);
  }
  awsShell(shell.command('aws'));
  awsShell(exec.command('aws').description('AWS helpers (upstream 2026 names: `exec aws shell` is `exec shell aws`).').command('shell'));
}

const load = () => import('../ops.js');

function componentLogs(parent: Command): void {
  logOptions(withRepo(parent.command('component-logs').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name (its namespace)')))
    .addArgument(new Argument('<component>', COMPONENTS.join('|')).choices(COMPONENTS))
    .description('Logs of every pod of a hub component, each line prefixed by its pod.')
    .action((cluster: string, hub: string, component: string, opts: Opts) => runCommand(async () => (await load()).componentLogsCommand(cluster, hub, component, opts)));
}

function userLogs(parent: Command): void {
  logOptions(withRepo(parent.command('user-logs').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name (its namespace)').argument('<username>', 'JupyterHub user name (escaped as KubeSpawner does)')))
    .description("Logs of a user's server (container notebook).")
    .action((cluster: string, hub: string, username: string, opts: Opts) => runCommand(async () => (await load()).userLogsCommand(cluster, hub, username, opts)));
}

function dockerProxy(parent: Command): void {
  ambient(withRepo(parent.command('start-docker-proxy').argument('[cluster]', 'cluster of the docker daemon', '2i2c')))
    .description('Forward the remote docker daemon (deployment dind) to localhost:23760.')
    .action((cluster: string, opts: Opts) => runCommand(async () => (await load()).dockerProxyCommand(cluster, opts)));
}

function shellHub(parent: Command): void {
  ambient(withRepo(parent.command('hub').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name')))
    .description('A login shell in the hub container of the running hub pod.')
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await load()).shellHubCommand(cluster, hub, opts)));
}

function shellHomes(parent: Command): void {
  ambient(withRepo(parent.command('homes').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name')))
    .description("A throw-away pod with the hub's home directories on /home (removed when the shell exits).")
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await load()).shellHomesCommand(cluster, hub, opts)));
}

function shellRootHomes(parent: Command): void {
  ambient(withRepo(parent.command('root-homes').argument('<cluster>', 'cluster name').argument('<hub>', 'a hub whose home-nfs volume is on the share')))
    .description("A throw-away pod with the whole NFS share (every hub's homes) on /root-homes.")
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await load()).shellHomesCommand(cluster, hub, { ...opts, root: true })));
}

function copyHomedir(parent: Command): void {
  ambient(withRepo(parent.command('copy-homedir-into-another').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name')))
    .description('Copy /home/SOURCE into /home/DESTINATION/SOURCE-homedir in a transfer pod (uid 1000), always deleted afterwards.')
    .option('--source-homedir <name>', 'directory under /home to copy (asked for on a terminal)')
    .option('--destination-homedir <name>', 'directory under /home to copy into (asked for on a terminal)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await load()).copyHomedirCommand(cluster, hub, opts)));
}

function awsShell(cmd: Command): void {
  cmd
    .argument('<profile>', 'AWS CLI profile')
    .argument('<mfa-device-id>', 'MFA device ARN, arn:aws:iam::<account>:mfa/<name>')
    .argument('<auth-token>', 'the 6-digit code your MFA device shows')
    .option('-v, --verbose', 'print debug messages (never secret values)')
    .description('A login shell with MFA session credentials (aws sts get-session-token).')
    .action((profile: string, mfa: string, token: string, opts: Opts) => runCommand(async () => (await load()).awsShellCommand(profile, mfa, token, opts)));
}
