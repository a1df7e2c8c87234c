/** Command tree of `generate cost-table`. */
import type { Command } from 'commander';
import { notBuilt } from '../define.js';

export function registerCostTable(generate: Command): void {
  generate
    .command('cost-table')
    .description('Build the monthly cloud cost table from the BigQuery billing exports.')
    .option('--start-month <YYYY-MM>')
    .option('--end-month <YYYY-MM>')
    .action(notBuilt('generate cost-table'));
}
