/** Command tree of `cilogon-client create|update|get|get-all|delete|cleanup` (implementations load lazily). */
import type { Command } from 'commander';
import { runCommand } from '../common.js';
import { withRepo, type Opts } from '../define.js';

function withCilogon(cmd: Command): Command {
  return withRepo(cmd)
    .option('--cilogon-url <url>', 'CILogon client management API (default: $DEPLOYER_CILOGON_URL or https://cilogon.org/oauth2/oidc-cm)')
    .option('--admin-credentials-file <path>', 'sops-encrypted file with cilogon_admin.client_id/client_secret, relative to the config root', 'shared/deployer/enc-auth-providers-credentials.secret.yaml')
    .option('--json', 'print the result as JSON');
}

const impl = () => import('../cilogon.js');

export function registerCilogon(program: Command): void {
  const cilogon = program.command('cilogon-client').description("Manage the CILogon OAuth clients of hubs (credentials kept in the hub's sops-encrypted values file).");
  withCilogon(
    cilogon
      .command('create')
      .argument('<cluster>', 'cluster name')
      .argument('<hub>', 'hub name')
      .argument('[hub-domain]', "the hub's domain (default: its domain in cluster.yaml); 2023's `create C H HUB_TYPE DOMAIN` form is accepted too")
      .argument('[legacy-domain]', 'with the 2023 form, the domain after the hub type'),
  )
    .description('Create a CILogon client for a hub and store its credentials, encrypted, in enc-<hub>.secret.values.yaml (nothing is created when the hub has one).')
    .action((cluster: string, hub: string, a: string | undefined, b: string | undefined, opts: Opts) => runCommand(async () => (await impl()).createCommand(cluster, hub, a, b, opts)));
  withCilogon(cilogon.command('update').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name').argument('[hub-domain]', "the hub's domain (default: its domain in cluster.yaml)"))
    .description("Update a hub's CILogon client (CILogon replaces the whole record: name, redirect URIs, scopes).")
    .option('--hub-domain <domain>', "the hub's domain (same as the argument)")
    .option('--client-id <id>', 'the client to update (must be the stored one when the file stores one)')
    .option('--callback-urls <urls>', 'comma-separated redirect URIs instead of https://<hub-domain>/hub/oauth_callback')
    .action((cluster: string, hub: string, domain: string | undefined, opts: Opts) => runCommand(async () => (await impl()).updateCommand(cluster, hub, domain, opts)));
  withCilogon(cilogon.command('get').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name'))
    .description("Show a hub's CILogon client (never its secret).")
    .option('--client-id <id>', 'look up this client instead of the stored one')
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await impl()).getCommand(cluster, hub, opts)));
  withCilogon(cilogon.command('get-all'))
    .description('List every CILogon client of the administrative client, and how many of the 100 allowed are used.')
    .action((opts: Opts) => runCommand(async () => (await impl()).getAllCommand(opts)));
  withCilogon(cilogon.command('delete').argument('<cluster>', 'cluster name').argument('<hub>', 'hub name'))
    .description("Delete a hub's CILogon client and remove its credentials from the hub's encrypted values file (the file goes when it becomes empty).")
    .option('--client-id <id>', 'the client to delete (must be the stored one when the file stores one)')
    .action((cluster: string, hub: string, opts: Opts) => runCommand(async () => (await impl()).deleteCommand(cluster, hub, opts)));
  withCilogon(cilogon.command('cleanup'))
    .description('List duplicate clients and orphaned ones (named after a hub that no longer exists); delete them only with --delete.')
    .option('--delete', 'delete the duplicate and orphaned clients listed')
    .option('--keep <name>', 'a client name never to delete (repeatable; `VEDA Auth Prod` always kept)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .action((opts: Opts) => runCommand(async () => (await impl()).cleanupCommand(opts)));
}
