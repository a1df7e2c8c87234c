/** Command tree of `generate cost-table` (the implementation is loaded only when the command runs). */
import { Option, type Command } from 'commander';
import { runCommand } from '../common.js';
import { int, withRepo, type Opts } from '../define.js';

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerCostTable(generate: Command): void {
  withRepo(generate.command('cost-table'))
    .description('Monthly cloud costs after credits of every cluster billed to us: GCP billing exports in BigQuery, AWS Cost Explorer; shared clusters split across hubs by memory requests from their Prometheus.')
    .option('--start-month <YYYY-MM>', 'first month (default: three months before the current one)')
    .option('--end-month <YYYY-MM>', 'last month, inclusive (default: the previous month)')
    .addOption(new Option('--output <where>', 'terminal, or google-sheet (also printed on the terminal)').choices(['terminal', 'google-sheet']).default('terminal'))
    .option('--google-sheet-url <url>', 'the Google Sheet to overwrite (cleared, then the header and data rows)')
    .option('--json', 'print {range, rows, skipped, failed} as JSON instead of the table')
    .option('--csv <file>', 'also write the rows as CSV to this file')
    .option('--cluster <name>', 'only this cluster (repeatable; default every cluster)', collect, [] as string[])
    .option('--google-key-file <file>', 'sops-encrypted service-account key for BigQuery (default: Application Default Credentials)')
    .option('--sheet-key-file <file>', 'sops-encrypted service-account key for the Sheet (default: --google-key-file, else ADC)')
    .addOption(new Option('--aws-credentials <source>', "AWS credentials: the environment's (filtered by aws.account), or each cluster's aws.key").choices(['ambient', 'cluster-key']).default('ambient'))
    .option('--prometheus-url <cluster=url>', "a shared cluster's Prometheus URL instead of its ingress (repeatable)", collect, [] as string[])
    .option('--internal-namespaces <list>', 'comma-separated namespaces combined into the operator\'s own line (default upstream\'s list)')
    .option('--service-id <id>', 'GCP: only this billing service (XXXX-XXXX-XXXX)')
    .option('--concurrency <n>', 'clusters asked at once', int, 8)
    .option('--bigquery-endpoint <url>', 'BigQuery API root (private endpoints, tests)')
    .option('--cost-explorer-endpoint <url>', 'Cost Explorer endpoint (private endpoints, tests)')
    .option('--sheets-endpoint <url>', 'Sheets API root (private endpoints, tests)')
    .action((opts: Opts) => runCommand(async () => (await import('../cost-table.js')).costTableCommand(opts)));
}
