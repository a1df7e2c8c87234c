/** Command tree of `cilogon-client create|update|get|get-all|delete`. */
import type { Command } from 'commander';
import { notBuilt } from '../define.js';

export function registerCilogon(program: Command): void {
  const cilogon = program.command('cilogon-client').description('Manage CILogon OAuth clients of hubs.');
  cilogon.command('create').argument('<cluster>').argument('<hub>').argument('[hub-type]').argument('<hub-domain>').description('Create a CILogon client for a hub.').action(notBuilt('cilogon-client create'));
  cilogon.command('update').argument('<cluster>').argument('<hub>').argument('<hub-domain>').description("Update a hub's CILogon client.").action(notBuilt('cilogon-client update'));
  cilogon.command('get').argument('<cluster>').argument('<hub>').description("Show a hub's CILogon client.").action(notBuilt('cilogon-client get'));
  cilogon.command('get-all').description('List every CILogon client.').action(notBuilt('cilogon-client get-all'));
  cilogon.command('delete').argument('<cluster>').argument('<hub>').option('--client-id <id>').description("Delete a hub's CILogon client.").action(notBuilt('cilogon-client delete'));
}
