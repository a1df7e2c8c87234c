/**
 * One entry point for an operation chosen at run time (the action's `operation` input): runs it and returns a
 * uniform result (what changed in the repo, the client or clients, a title and body for a pull request).
 */
import { DeployerError, UsageError } from '../errors.js';
import { describeChanges, type RepoChange } from '../changes/index.js';
import type { CilogonOptions } from './context.js';
import { cleanupClients, createClient, deleteClient, getAllClients, getClient, updateClient, type CleanupResult } from './operations.js';

export const OPERATIONS = ['create', 'update', 'get', 'get-all', 'delete', 'cleanup'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OperationRequest {
  cluster?: string;
  hub?: string;
  hubDomain?: string;
  clientId?: string;
  callbackUrls?: string[];
  hubType?: 'basehub' | 'daskhub' | 'binderhub';
  /** cleanup: delete what it lists. */
  remove?: boolean;
  keep?: string[];
}

export interface OperationResult {
  operation: Operation;
  changes: RepoChange[];
  /** One sentence for logs and the summary. */
  message: string;
  client?: Record<string, unknown>;
  clients?: Record<string, unknown>[];
  used?: number;
  limit?: number;
  cleanup?: CleanupResult;
  /** For a pull request of the change: never a secret (file and key names only). */
  title?: string;
  body?: string;
}

function need(req: OperationRequest, operation: Operation): { cluster: string; hub: string } {
  if (!req.cluster || !req.hub) throw new UsageError(`operation \`${operation}\` needs a cluster and a hub`, 'set the `cluster` and `hub` inputs');
  return { cluster: req.cluster, hub: req.hub };
}

function prBody(why: string, changes: RepoChange[]): string {
  return [
    why,
    '',
    '### Files',
    describeChanges(changes),
    '',
    'Secret values are sops-encrypted with the repository\'s `.sops.yaml` rules; they appear nowhere else (not in this pull request\'s text, the commit message or the logs).',
    '',
    '_Opened by deployer `cilogon-client`._',
  ].join('\n');
}

/**
 * Run `operation`. `publish` (the action's pull request) is called with the change when the repo changed; for
 * `create` its failure deletes the new client again and restores the file (see createClient).
 */
export async function runOperation(
  o: CilogonOptions,
  operation: Operation,
  req: OperationRequest,
  publish?: (change: { changes: RepoChange[]; title: string; body: string }) => Promise<void>,
): Promise<OperationResult> {
  switch (operation) {
    case 'create': {
      const { cluster, hub } = need(req, operation);
      const title = `cilogon-client: store the new CILogon client of ${cluster}/${hub}`;
      const why = `A CILogon OIDC client was created for hub \`${hub}\` of cluster \`${cluster}\` (name \`${cluster}-${hub}\`). Merge this to deploy the hub with its credentials: until then the client exists in CILogon but the hub does not use it.`;
      const r = await createClient(o, { cluster, hub, hubDomain: req.hubDomain, hubType: req.hubType }, publish ? { publish: (c) => publish({ changes: c.changes, title, body: prBody(why, c.changes) }) } : {});
      return {
        operation,
        changes: r.changes,
        client: r.client,
        message: r.created ? `created the CILogon client of ${cluster}/${hub}; its credentials are stored encrypted in ${r.file}` : `${cluster}/${hub} already has a CILogon client; nothing created`,
        title,
        body: prBody(why, r.changes),
      };
    }
    case 'update': {
      const { cluster, hub } = need(req, operation);
      const r = await updateClient(o, { cluster, hub, hubDomain: req.hubDomain, clientId: req.clientId, callbackUrls: req.callbackUrls });
      return { operation, changes: [], client: r.client, message: `updated the CILogon client of ${cluster}/${hub}` };
    }
    case 'get': {
      const { cluster, hub } = need(req, operation);
      const r = await getClient(o, { cluster, hub, clientId: req.clientId });
      return { operation, changes: [], client: r.client, message: `read the CILogon client of ${cluster}/${hub}` };
    }
    case 'get-all': {
      const r = await getAllClients(o);
      return { operation, changes: [], clients: r.clients, used: r.used, limit: r.limit, message: `${r.used} / ${r.limit} clients used` };
    }
    case 'delete': {
      const { cluster, hub } = need(req, operation);
      const r = await deleteClient(o, { cluster, hub, clientId: req.clientId });
      const title = `cilogon-client: remove the deleted CILogon client of ${cluster}/${hub}`;
      const body = prBody(`The CILogon OIDC client of hub \`${hub}\` of cluster \`${cluster}\` was deleted in CILogon; this removes its credentials from the hub's encrypted values file. Until this is merged and deployed, the hub's CILogon login fails.`, r.changes);
      if (publish && r.changes.length) {
        try {
          await publish({ changes: r.changes, title, body });
        } catch (e) {
          throw new DeployerError(`the CILogon client of ${cluster}/${hub} was deleted, but the pull request removing its credentials could not be opened: ${e instanceof Error ? e.message : e}`, {
            hint: `remove the CILogonOAuthenticator keys from ${r.file} by hand (sops edit), or fix the cause and run with pull-request: false and commit the change`,
          });
        }
      }
      return {
        operation,
        changes: r.changes,
        message: `deleted the CILogon client of ${cluster}/${hub}${r.keyRemoved ? `; its credentials were removed from ${r.file}${r.fileDeleted ? ', which was empty and is deleted' : ''}` : ''}`,
        title,
        body,
      };
    }
    case 'cleanup': {
      const r = await cleanupClients(o, { remove: req.remove === true, keep: req.keep });
      const deletable = r.findings.filter((f) => f.deletable).length;
      return {
        operation,
        changes: [],
        cleanup: r,
        used: r.used,
        limit: r.limit,
        message: req.remove ? `cleanup: ${r.deleted} client(s) deleted, ${r.failed} failed, ${r.findings.length - deletable} left for a person to look at` : `cleanup: ${deletable} duplicate or orphaned client(s) would be deleted (run with delete: true), ${r.findings.length - deletable} left for a person to look at`,
      };
    }
    default:
      throw new UsageError(`unknown operation \`${operation as string}\``, `one of ${OPERATIONS.join(', ')}`);
  }
}
