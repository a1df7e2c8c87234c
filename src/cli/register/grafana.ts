/**
 * Command tree of `grafana deploy-dashboards|new-token|update-central-datasources|central-ds ...`. Implementations
 * load lazily (src/cli/grafana.ts and src/shared/grafana/ only when a grafana command runs).
 */
import type { Command } from 'commander';
import { runCommand } from '../common.js';
import { int, withRepo, type Opts } from '../define.js';

const collect = (v: string, prev: string[]) => [...prev, v];
const cli = () => import('../grafana.js');

function withUrl(cmd: Command): Command {
  return cmd
    .option('--grafana-url <url>', "Grafana URL (default: https:// + grafana.ingress.tls[0].hosts[0] of the cluster's support values)")
    .option('--grafana-url-template <template>', 'Grafana URL per cluster, with {cluster} and/or {host} (e.g. through a proxy)');
}

export function registerGrafana(program: Command): void {
  const grafana = program.command('grafana').description('Grafana dashboards, tokens and datasources.');

  withUrl(withRepo(grafana.command('deploy-dashboards').argument('[cluster]', 'cluster name (default: every cluster whose support values configure a Grafana ingress)')))
    .description(
      "Deploy the JupyterHub dashboards (jsonnet, rendered once per run) to a cluster's Grafana, or to every cluster's. Only changed dashboards are written. Token: GRAFANA_TOKEN (one cluster) or the cluster's enc-grafana-token.secret.yaml.",
    )
    .option('--dashboards-dir <dir>', 'checkout of jupyterhub/grafana-dashboards at a pinned ref (holds vendor/ and dashboards/)')
    .option('--folder-uid <uid>', 'folder uid (default 70E5EE84-1217-4021-A89E-1E3DE0566D93)')
    .option('--folder-name <name>', 'folder title (default "JupyterHub Default Dashboards")')
    .option('--extra-dashboards <dir:uid:name>', 'another directory of *.jsonnet (relative to --dashboards-dir) into its own folder; repeatable', collect, [] as string[])
    .option('--parallelism <n>', 'clusters at once', int, 8)
    .option('--dry-run', 'read and list created/updated/unchanged per dashboard; write nothing')
    .option('--json', 'print the result rows as JSON')
    .action((cluster: string | undefined, opts: Opts) => runCommand(async () => (await cli()).deployDashboardsCommand(cluster, opts)));

  withUrl(withRepo(grafana.command('new-token').argument('<cluster>', 'cluster name')))
    .description(
      "Find or create the `deployer` service account of a cluster's Grafana and give it a new token, written sops-encrypted to enc-grafana-token.secret.yaml. An expired token (or one whose token file is missing) is replaced; a valid one only with --replace. Never prompts.",
    )
    .option('--replace', 'replace a valid `deployer` token')
    .option('--json', 'print the result as JSON (never the token)')
    .action((cluster: string, opts: Opts) => runCommand(async () => (await cli()).newTokenCommand(cluster, opts)));

  withUrl(withRepo(grafana.command('update-central-datasources').argument('[clusters...]', 'only these clusters (default: every cluster)')))
    .description("Make every cluster's Prometheus a datasource of the central Grafana: created, or updated when its URL or user changed.")
    .option('--central-grafana-cluster <cluster>', 'cluster of the central Grafana', '2i2c')
    .option('--dry-run', 'list what would change; write nothing')
    .option('--json', 'print the result as JSON')
    .action((clusters: string[], opts: Opts) => runCommand(async () => (await cli()).syncDatasourcesCommand(clusters, opts)));

  const ds = grafana.command('central-ds').description("Manage the central Grafana's datasources (2026 upstream commands).");
  const central = (cmd: Command) => withUrl(withRepo(cmd)).option('--central-grafana-cluster <cluster>', 'cluster of the central Grafana', '2i2c').option('--json', 'print the result as JSON');
  central(ds.command('add').argument('<cluster>', 'cluster whose Prometheus to add'))
    .description("Add (or update) a cluster's Prometheus as a datasource of the central Grafana.")
    .option('--datasource-name <name>', 'datasource name (default: the cluster name)')
    .option('--dry-run', 'write nothing')
    .action((cluster: string, opts: Opts) => runCommand(async () => (await cli()).syncDatasourcesCommand([cluster], opts)));
  central(ds.command('remove').argument('<cluster>', 'cluster whose datasource to remove'))
    .description('Remove a datasource from the central Grafana.')
    .option('--datasource-name <name>', 'datasource name (default: the cluster name)')
    .option('--dry-run', 'write nothing')
    .action((cluster: string, opts: Opts) => runCommand(async () => (await cli()).removeDatasourceCommand(cluster, opts)));
  central(ds.command('get-add-candidates'))
    .description('Clusters with a Prometheus ingress that are not datasources of the central Grafana yet.')
    .action((opts: Opts) => runCommand(async () => (await cli()).candidatesCommand('add', opts)));
  central(ds.command('get-rm-candidates'))
    .description('Prometheus datasources of the central Grafana that name no cluster of the repo.')
    .action((opts: Opts) => runCommand(async () => (await cli()).candidatesCommand('remove', opts)));
}
