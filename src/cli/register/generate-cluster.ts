/**
 * Command tree of `generate dedicated-cluster gcp|aws`. Every value is a flag (no prompts); the implementation
 * (src/cli/generate-cluster.ts and src/shared/generate) is loaded only when the command runs.
 */
import { Option, type Command } from 'commander';
import { runCommand } from '../common.js';
import { withRepo, type Opts } from '../define.js';

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function common(cmd: Command, provider: 'gcp' | 'aws'): Command {
  return withRepo(cmd)
    .requiredOption('--cluster-name <name>', 'name of the new cluster (lowercase letters, digits, hyphens; becomes the directory clusters-dir/<name>)')
    .option('--hubs <names>', 'hubs the cluster will host, comma-separated or repeated (default: staging,prod): commented entries in cluster.yaml, a scratch bucket and cloud permissions each', collect, [] as string[])
    .addOption(new Option('--hub-type <type>', 'chart of the planned hubs; daskhub also adds dask worker nodes').choices(['basehub', 'daskhub']).default('basehub'))
    .option('--dask-nodes', 'add dask worker node pools')
    .option('--paid-by-us', `the cluster is billed to us (${provider === 'gcp' ? 'then --billing-id is required' : 'aws.billing.paid_by_us: true'})`)
    .option('--hubspot-deal-id <id>', 'HubSpot deal of the community (metadata.2i2c.hubspot_deal_id; commented out when not given)')
    .option('--dns-zone <zone>', 'DNS zone of the cluster\'s names: grafana.<cluster>.<zone>, <hub>.<cluster>.<zone>', '2i2c.cloud')
    .option('--grafana-github-org <org>', 'GitHub organisation whose members may log in to Grafana', '2i2c-org')
    .option('--force', 'replace the generated files of an existing cluster (other files are left alone; the encrypted support secret is kept)')
    .option('--rotate-credentials', 'with --force: also replace the encrypted support secret with new Prometheus credentials')
    .option('--dry-run', 'check every value and show which files would be written, without writing')
    .option('--json', 'print the result as JSON');
}

export function registerGenerateCluster(generate: Command): void {
  const dedicated = generate.command('dedicated-cluster').description('Generate the files of a new dedicated cluster (no prompts: every value is a flag).');

  common(dedicated.command('gcp'), 'gcp')
    .description('Generate a new GCP (GKE) cluster: terraform variables, cluster.yaml, support values and the encrypted support secret.')
    .requiredOption('--project-id <id>', 'GCP project id of the cluster')
    .option('--cluster-region <region>', 'GCP region (a regional cluster)', 'us-central1')
    .option('--cluster-zone <zone>', 'zone of the nodes (default: <region>-b)')
    .option('--hub-name <name>', 'a hub the cluster will host (the 2023 flag; same as --hubs <name>)', collect, [] as string[])
    .option('--billing-id <id>', 'with --paid-by-us: the billing account id (XXXXXX-XXXXXX-XXXXXX)')
    .option('--billing-project <id>', 'with --paid-by-us: the project of the BigQuery billing export (default: --project-id)')
    .option('--billing-dataset <name>', 'with --paid-by-us: the BigQuery dataset of the billing export (default: cloud_costs)')
    .action((opts: Opts) => runCommand(async () => (await import('../generate-cluster.js')).generateClusterCommand('gcp', opts)));

  common(dedicated.command('aws'), 'aws')
    .description('Generate a new AWS (EKS) cluster: the eksctl jsonnet, terraform variables, cluster.yaml, support values and the encrypted support secret.')
    .requiredOption('--cluster-region <region>', 'AWS region (like us-west-2)')
    .requiredOption('--account-id <id>', 'the 12-digit AWS account id')
    .option('--eks-version <version>', 'Kubernetes version of the EKS cluster', '1.32')
    .action((opts: Opts) => runCommand(async () => (await import('../generate-cluster.js')).generateClusterCommand('aws', opts)));
}
