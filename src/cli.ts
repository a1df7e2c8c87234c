#!/usr/bin/env node
/**
 * `deployer`: the command line over the same core the actions use. The command tree mirrors upstream's
 * (../shared/reference). Each command loads its implementation lazily, so `deployer validate ...` never loads the
 * Kubernetes, GitHub or BigQuery clients.
 */
import { Command, CommanderError, Option } from 'commander';
import { NotImplementedError } from './shared/errors.js';
import { runCommand, type RepoFlags } from './cli/common.js';

type Opts = RepoFlags & Record<string, unknown>;

const program = new Command('deployer')
  .description('Deploy and operate a fleet of JupyterHubs on many Kubernetes clusters from one infrastructure repository.')
  .version(process.env.DEPLOYER_VERSION ?? '0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

/** The repo location flags every command that reads the infra repo takes. */
function withRepo(cmd: Command): Command {
  return cmd
    .option('--config-root <dir>', 'root of the infrastructure repository (default: $DEPLOYER_CONFIG_ROOT or the current directory)')
    .option('--clusters-dir <dir>', 'clusters directory, relative to the config root', 'config/clusters')
    .option('--charts-dir <dir>', 'helm charts directory, relative to the config root', 'helm-charts')
    .option('-v, --verbose', 'print debug messages (never secret values)');
}

function notBuilt(capability: string) {
  return () =>
    runCommand(async () => {
      throw new NotImplementedError(capability);
    });
}

const int = (v: string) => {
  if (!/^\d+$/.test(v)) throw new CommanderError(2, 'deployer.invalidArgument', `error: expected a whole number, got '${v}'`);
  return Number(v);
};

// ---- deploy / deploy-support -----------------------------------------------------------------------------------
withRepo(program.command('deploy').argument('<cluster>', 'cluster name').argument('[hubs...]', 'hub names (default: every hub of the cluster)'))
  .description('Deploy one, several or all hubs of a cluster with helm upgrade --install.')
  .option('--dry-run', 'render and show what would be done without touching the cluster (no secret is printed)')
  .option('--debug', 'helm --debug output (values are never printed)')
  .option('--atomic', 'roll a failed upgrade back')
  .option('--recover-pending', 'roll back a release stuck in pending-install/upgrade/rollback before upgrading')
  .option('--parallelism <n>', 'hubs deployed at once', int, 1)
  .option('--timeout <seconds>', 'timeout for each helm upgrade and rollout wait', int, 600)
  .option('--helm-extra-args <args>', 'extra arguments for helm upgrade (space-separated)')
  .option('--dask-gateway-version <version>', 'dask-gateway CRD version (default: from the daskhub chart)')
  .option('--dask-gateway-crds <dir>', 'a local directory of dask-gateway CRDs instead of the upstream URLs')
  .option('--kubectl-extra-args <args>', 'extra arguments for kubectl apply of CRDs (space-separated)')
  .option('--json', 'print the results as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string, hubs: string[], opts: Opts) =>
    runCommand(async () => (await import('./cli/deploy.js')).deployCommand(cluster, hubs, opts)),
  );

withRepo(program.command('deploy-support').argument('<cluster>', 'cluster name'))
  .description('Deploy cert-manager and the support chart to a cluster.')
  .option('--cert-manager-version <version>', 'cert-manager chart version', 'v1.12.1')
  .option('--dry-run', 'render without touching the cluster')
  .option('--debug', 'helm --debug output (values are never printed)')
  .option('--timeout <seconds>', 'timeout for each helm upgrade', int, 600)
  .option('--helm-extra-args <args>', 'extra arguments for helm upgrade (space-separated)')
  .option('--cert-manager-chart <path>', 'a local cert-manager chart (directory or .tgz) instead of the jetstack repository')
  .option('--cert-manager-crds <source>', 'cert-manager CRDs: URL, file or directory (default: the release URL of the version)')
  .option('--skip-cert-manager', 'leave cert-manager alone; deploy only the support chart')
  .option('--atomic', 'roll a failed upgrade back')
  .option('--recover-pending', 'roll back a release stuck in pending-install/upgrade/rollback before upgrading')
  .option('--kubectl-extra-args <args>', 'extra arguments for kubectl apply of CRDs (space-separated)')
  .option('--json', 'print the result as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string, opts: Opts) =>
    runCommand(async () => (await import('./cli/deploy.js')).deploySupportCommand(cluster, opts)),
  );

withRepo(program.command('use-cluster-credentials').argument('<cluster>', 'cluster name').argument('[commandline]', 'command to run with the credentials (default: an interactive shell)'))
  .description('Authenticate to a cluster and run a command (or a shell) with a private KUBECONFIG.')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string, commandline: string | undefined, opts: Opts) =>
    runCommand(async () => (await import('./cli/credentials.js')).useClusterCredentials(cluster, commandline, opts)),
  );

// ---- health check ---------------------------------------------------------------------------------------------
withRepo(program.command('run-hub-health-check').argument('[cluster]', 'cluster name').argument('[hub]', 'hub name'))
  .description('Prove a hub works for a user: create a test user, start a server, run notebooks, clean up.')
  .option('--check-dask-scaling', 'also check that dask workers scale (daskhub)')
  .option('--hub-url <url>', 'health-check a hub outside the config, at this URL')
  .option('--api-token-env <var>', 'with --hub-url: the environment variable that holds the API token')
  .addOption(new Option('--hub-type <type>', 'with --hub-url: which notebooks to run').choices(['basehub', 'daskhub']).default('basehub'))
  .option('--notebook <path>', 'an extra notebook to run (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
  .option('--attempts <n>', 'attempts before the check fails', int, 3)
  .option('--attempt-timeout <seconds>', 'timeout of one attempt', int, 600)
  .option('--json', 'print the result object as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string | undefined, hub: string | undefined, opts: Opts) =>
    runCommand(async () => (await import('./cli/health.js')).healthCheckCommand(cluster, hub, opts)),
  );

program
  .command('decrypt-age')
  .description('Decrypt an age-encrypted message (the private key comes from $AGE_SECRET_KEY_FILE or --identity).')
  .option('--encrypted-file-path <path>', 'file to decrypt (default: read standard input)')
  .action(notBuilt('decrypt-age'));

// ---- generate -------------------------------------------------------------------------------------------------
const generate = program.command('generate').description('Generate plans, tables and new cluster configuration.');
withRepo(generate.command('helm-upgrade-jobs').argument('[files]', 'changed files, comma- or newline-separated, relative to the config root (required unless --trigger-paths)'))
  .description('Plan which support charts and hubs to upgrade for a set of changed files (GitHub Actions matrices).')
  .option('--labels <json>', 'pull request labels as a JSON list', '[]')
  .option('--rules <file>', 'path rules file (YAML or JSON) overriding the built-in defaults')
  .option('--json', 'print one JSON object with the five matrices')
  .option('--markdown', 'print the pull request comment (markdown) instead of the tables')
  .option('--trigger-paths', 'print the workflow `on.paths` list the rules imply (YAML list; a JSON list with --json) and exit')
  .action((files: string | undefined, opts: Opts) =>
    runCommand(async () => (await import('./cli/plan.js')).planCommand(files, opts)),
  );
const dedicated = generate.command('dedicated-cluster').description('Generate the files of a new dedicated cluster.');
dedicated.command('aws').description('Generate a new AWS (EKS) cluster.').action(notBuilt('generate dedicated-cluster aws'));
dedicated.command('gcp').description('Generate a new GCP (GKE) cluster.').action(notBuilt('generate dedicated-cluster gcp'));
generate
  .command('cost-table')
  .description('Build the monthly cloud cost table from the BigQuery billing exports.')
  .option('--start-month <YYYY-MM>')
  .option('--end-month <YYYY-MM>')
  .action(notBuilt('generate cost-table'));

// ---- grafana --------------------------------------------------------------------------------------------------
const grafana = program.command('grafana').description('Grafana dashboards, tokens and datasources.');
grafana.command('deploy-dashboards').argument('<cluster>').description("Deploy the JupyterHub dashboards to a cluster's Grafana.").action(notBuilt('grafana deploy-dashboards'));
grafana.command('new-token').argument('<cluster>').description('Create a Grafana service-account token for a cluster.').action(notBuilt('grafana new-token'));
grafana
  .command('update-central-datasources')
  .description("Add every cluster's Prometheus as a datasource of the central Grafana.")
  .option('--central-grafana-cluster <cluster>', 'cluster of the central Grafana', '2i2c')
  .action(notBuilt('grafana update-central-datasources'));

// ---- validate -------------------------------------------------------------------------------------------------
const validate = program.command('validate').description('Validate cluster, hub, support and authenticator configuration.');
const checks: Array<[string, string, boolean]> = [
  ['all', 'Every check, for one cluster or (no cluster named) every cluster.', false],
  ['cluster-config', 'cluster.yaml against the schema, plus the cross-checks the schema cannot express (no cluster named: every cluster).', false],
  ['hub-config', "Hub values files against the chart's values schema, then helm template (no cluster named: every cluster).", false],
  ['support-config', "Support values files against the support chart's schema, then helm template (no cluster named: every cluster).", false],
  ['authenticator-config', 'Authenticator rules (GitHub org allowed_users, dummy admin users) (no cluster named: every cluster).', false],
];
for (const [name, description, clusterRequired] of checks) {
  const cmd = validate.command(name).description(description);
  cmd.argument(clusterRequired ? '<cluster>' : '[cluster]', 'cluster name');
  if (name === 'all' || name === 'hub-config' || name === 'authenticator-config') cmd.argument('[hub]', 'hub name (default: every hub)');
  withRepo(cmd)
    .option('--json', 'print the findings as a JSON list of {file, line, col, path, message, severity}')
    .option('--no-render', 'check values against the chart schemas only, without running helm template')
    .action((cluster: string | undefined, hubOrOpts: unknown, maybeOpts?: unknown) => {
      const hasHub = typeof hubOrOpts === 'string' || hubOrOpts === undefined;
      const hub = hasHub ? (hubOrOpts as string | undefined) : undefined;
      const opts = (hasHub ? maybeOpts : hubOrOpts) as Opts;
      return runCommand(async () => (await import('./cli/validate.js')).validateCommand(name, cluster, hub, opts));
    });
}

// ---- cilogon-client ----------------------------------------------------------------------------------------------
const cilogon = program.command('cilogon-client').description('Manage CILogon OAuth clients of hubs.');
cilogon.command('create').argument('<cluster>').argument('<hub>').argument('[hub-type]').argument('<hub-domain>').description('Create a CILogon client for a hub.').action(notBuilt('cilogon-client create'));
cilogon.command('update').argument('<cluster>').argument('<hub>').argument('<hub-domain>').description("Update a hub's CILogon client.").action(notBuilt('cilogon-client update'));
cilogon.command('get').argument('<cluster>').argument('<hub>').description("Show a hub's CILogon client.").action(notBuilt('cilogon-client get'));
cilogon.command('get-all').description('List every CILogon client.').action(notBuilt('cilogon-client get-all'));
cilogon.command('delete').argument('<cluster>').argument('<hub>').option('--client-id <id>').description("Delete a hub's CILogon client.").action(notBuilt('cilogon-client delete'));

// ---- exec ---------------------------------------------------------------------------------------------------------
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

async function main(): Promise<void> {
  // Subcommands inherit exitOverride so usage errors land here with exit code 2.
  const applyExitOverride = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(applyExitOverride);
  };
  applyExitOverride(program);
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage errors exit 2 (commander already printed the message)
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    throw e;
  }
}

await main();
