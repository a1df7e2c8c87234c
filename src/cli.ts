#!/usr/bin/env node
/**
 * `deployer`: the command line over the same core the actions use. The command tree mirrors upstream's
 * (../shared/reference). Each command loads its implementation lazily, so `deployer validate ...` never loads the
 * Kubernetes, GitHub or BigQuery clients.
 */
import { Command, CommanderError, Option } from 'commander';
import { guardWorkflowCommands, inActions, readStdin, runCommand } from './cli/common.js';
import { UsageError } from './shared/errors.js';
import { fileArg, fileArgs, labelsArg, listArgs, wholeNumber, withRepo, type Opts } from './cli/define.js';

const seconds = wholeNumber('seconds', 1, '600');
import { registerCilogon } from './cli/register/cilogon.js';
import { registerCostTable } from './cli/register/cost-table.js';
import { registerGenerateCluster } from './cli/register/generate-cluster.js';
import { registerGrafana } from './cli/register/grafana.js';
import { registerOps } from './cli/register/ops.js';
import { registerDiff } from './cli/register/diff.js';

const program = new Command('deployer')
  .description('Deploy and operate a fleet of JupyterHubs on many Kubernetes clusters from one infrastructure repository.')
  .version(process.env.DEPLOYER_VERSION ?? '0.1.0')
  // A usage error is one line: what is wrong (commander names the flag or argument), then where to look.
  .configureOutput({ outputError: (text, write) => write(`${text.trimEnd()} (see --help)\n`) })
  .exitOverride();

// ---- deploy / deploy-support -----------------------------------------------------------------------------------
withRepo(program.command('deploy').argument('<cluster>', 'cluster name').argument('[hubs...]', 'hub names, as separate arguments or comma-separated (default: every hub of the cluster)'))
  .description('Deploy one, several or all hubs of a cluster with helm upgrade --install.')
  .option('--dry-run', 'render and show what would be done without touching the cluster (no secret is printed)')
  .option('--debug', 'helm --debug output (values are never printed)')
  .option('--atomic', 'roll a failed upgrade back')
  .option('--recover-pending', 'roll back a release stuck in pending-install/upgrade/rollback before upgrading')
  .option('--parallelism <n>', 'hubs deployed at once', wholeNumber('hubs', 1, '4'), 1)
  .option('--timeout <seconds>', 'timeout for each helm upgrade and rollout wait', seconds, 600)
  .option('--helm-extra-args <args>', 'extra arguments for helm upgrade (space-separated)')
  .option('--dask-gateway-version <version>', 'dask-gateway CRD version (default: from the daskhub chart)')
  .option('--dask-gateway-crds <dir>', 'a local directory of dask-gateway CRDs instead of the upstream URLs', fileArg('a directory of CRDs'))
  .option('--kubectl-extra-args <args>', 'extra arguments for kubectl apply of CRDs (space-separated)')
  .option('--json', 'print the results as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string, hubs: string[], opts: Opts) =>
    runCommand(async () => (await import('./cli/deploy.js')).deployCommand(cluster, listArgs(hubs, true), opts)),
  );

withRepo(program.command('deploy-support').argument('<cluster>', 'cluster name'))
  .description('Deploy cert-manager and the support chart to a cluster.')
  .option('--cert-manager-version <version>', 'cert-manager chart version', 'v1.12.1')
  .option('--dry-run', 'render without touching the cluster')
  .option('--debug', 'helm --debug output (values are never printed)')
  .option('--timeout <seconds>', 'timeout for each helm upgrade', seconds, 600)
  .option('--helm-extra-args <args>', 'extra arguments for helm upgrade (space-separated)')
  .option('--cert-manager-chart <path>', 'a local cert-manager chart (directory or .tgz) instead of the jetstack repository', fileArg('a chart directory or .tgz'))
  .option('--cert-manager-crds <source>', 'cert-manager CRDs: URL, file or directory (default: the release URL of the version)', fileArg('a CRD file or directory, or a URL'))
  .option('--skip-cert-manager', 'leave cert-manager alone; deploy only the support chart')
  .option('--atomic', 'roll a failed upgrade back')
  .option('--recover-pending', 'roll back a release stuck in pending-install/upgrade/rollback before upgrading')
  .option('--kubectl-extra-args <args>', 'extra arguments for kubectl apply of CRDs (space-separated)')
  .option('--json', 'print the result as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string, opts: Opts) =>
    runCommand(async () => (await import('./cli/deploy.js')).deploySupportCommand(cluster, opts)),
  );

// ---- health check ---------------------------------------------------------------------------------------------
withRepo(program.command('run-hub-health-check').argument('[cluster]', 'cluster name').argument('[hub]', 'hub name'))
  .description('Prove a hub works for a user: create a test user, start a server, run notebooks, clean up.')
  .option('--check-dask-scaling', 'also check that dask workers scale (daskhub)')
  .option('--hub-url <url>', 'health-check a hub outside the config, at this URL')
  .option('--api-token-env <var>', 'with --hub-url: the environment variable that holds the API token')
  .addOption(new Option('--hub-type <type>', 'with --hub-url: which notebooks to run').choices(['basehub', 'daskhub']).default('basehub'))
  .option('--notebook <path>', 'an extra notebook to run (repeatable)', fileArgs('a notebook'), [] as string[])
  .option('--attempts <n>', 'attempts before the check fails', wholeNumber('attempts', 1, '3'), 3)
  .option('--attempt-timeout <seconds>', 'timeout of one attempt', seconds, 600)
  .option('--json', 'print the result object as JSON')
  .option('--ambient-credentials', 'use credentials already in the environment instead of decrypting a key file')
  .action((cluster: string | undefined, hub: string | undefined, opts: Opts) =>
    runCommand(async () => (await import('./cli/health.js')).healthCheckCommand(cluster, hub, opts)),
  );

// ---- generate -------------------------------------------------------------------------------------------------
const generate = program.command('generate').description('Generate plans, tables and new cluster configuration.');
withRepo(
  generate
    .command('helm-upgrade-jobs')
    .argument('[files...]', 'changed files relative to the config root: separate arguments, comma- or newline-separated, or `-` to read them from standard input (required unless --trigger-paths)'),
)
  .description('Plan which support charts and hubs to upgrade for a set of changed files (GitHub Actions matrices).')
  .option('--labels <labels>', 'pull request labels: a JSON list, or names separated by commas or blanks', '[]')
  .option('--rules <file>', 'path rules file (YAML or JSON) overriding the built-in defaults', fileArg('a rules file'))
  .option('--json', 'print one JSON object with the five matrices')
  .option('--markdown', 'print the pull request comment (markdown) instead of the tables')
  .option('--trigger-paths', 'print the workflow `on.paths` list the rules imply (YAML list; a JSON list with --json) and exit')
  .action((files: string[], opts: Opts) =>
    runCommand(async () => {
      if (files.length > 1 && files.includes('-')) throw new UsageError("'-' reads the changed files from standard input and must be the only FILES argument");
      const list = files.length === 1 && files[0] === '-' ? await readStdin() : files.length ? listArgs(files, false).join('\n') : undefined;
      return (await import('./cli/plan.js')).planCommand(list, { ...opts, labels: labelsArg(opts.labels as string | undefined) });
    }),
  );
// ---- the rest of generate, grafana, cilogon-client and the operator tools (each in its own file) --
registerGenerateCluster(generate);
registerCostTable(generate);
registerGrafana(program);
registerCilogon(program);
registerOps(program);
registerDiff(program);

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

async function main(): Promise<void> {
  // In a `run:` step, nothing the CLI prints (arguments, hub and file names, tool output) may act as a workflow command.
  if (inActions()) {
    guardWorkflowCommands(process.stdout);
    guardWorkflowCommands(process.stderr);
  }
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
