/** Command tree of `grafana deploy-dashboards|new-token|update-central-datasources`. */
import type { Command } from 'commander';
import { notBuilt } from '../define.js';

export function registerGrafana(program: Command): void {
  const grafana = program.command('grafana').description('Grafana dashboards, tokens and datasources.');
  grafana.command('deploy-dashboards').argument('<cluster>').description("Deploy the JupyterHub dashboards to a cluster's Grafana.").action(notBuilt('grafana deploy-dashboards'));
  grafana.command('new-token').argument('<cluster>').description('Create a Grafana service-account token for a cluster.').action(notBuilt('grafana new-token'));
  grafana
    .command('update-central-datasources')
    .description("Add every cluster's Prometheus as a datasource of the central Grafana.")
    .option('--central-grafana-cluster <cluster>', 'cluster of the central Grafana', '2i2c')
    .action(notBuilt('grafana update-central-datasources'));
}
