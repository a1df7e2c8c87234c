/** Command tree of `deployer diff`. */
import type { Command } from 'commander';
import { runCommand } from '../common.js';
import { withRepo, type Opts } from '../define.js';

export function registerDiff(program: Command): void {
  withRepo(program.command('diff').argument('[cluster]', 'only this cluster (default: the releases the change plans)').argument('[hubs...]', 'only these hubs of the cluster'))
    .description('Render the releases a change affects at the base and the head (helm template, offline, nothing decrypted) and show what changes, object by object.')
    .requiredOption('--base <ref>', 'the base git ref (branch, tag or commit)')
    .option('--head <ref>', 'the head git ref (default: the working tree as it is, uncommitted changes included)')
    .option('--labels <json>', 'pull request labels as a JSON list (as for helm-upgrade-jobs)', '[]')
    .option('--skip-unchanged', 'also print the deploy matrices without the releases whose render did not change')
    .option('--json', 'print the result as JSON')
    .option('--markdown', 'print the pull request comment (markdown)')
    .action((cluster: string | undefined, hubs: string[], opts: Opts) =>
      runCommand(async () => (await import('../diff.js')).diffCommand(cluster, hubs, opts)),
    );
}
