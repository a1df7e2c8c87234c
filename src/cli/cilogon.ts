/**
 * `deployer cilogon-client ...`: results on stdout (tables, or JSON with --json), progress on stderr. Changes to the
 * infra repo stay in the working tree, listed on stdout, for the engineer to review and commit.
 */
import { UsageError } from '../shared/errors.js';
import { formatTextTable } from '../shared/log.js';
import { changesTable, type RepoChange } from '../shared/changes/index.js';
import {
  cleanupClients,
  createClient,
  deleteClient,
  getAllClients,
  getClient,
  updateClient,
  type CilogonOptions,
} from '../shared/cilogon/index.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

type Flags = RepoFlags & Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const HUB_TYPES = ['basehub', 'daskhub', 'binderhub'] as const;

function options(opts: Flags): CilogonOptions {
  return {
    paths: pathsFrom(opts),
    reporter: terminalReporter(opts),
    sopsEnv: process.env,
    apiUrl: str(opts.cilogonUrl) ?? str(process.env.DEPLOYER_CILOGON_URL),
    adminCredentialsFile: str(opts.adminCredentialsFile),
  };
}

function changedFiles(changes: RepoChange[]): string {
  if (!changes.length) return 'No file changed.';
  const t = changesTable(changes);
  return `Changed in the working tree (review and commit them):\n${formatTextTable(t.header, t.rows)}`;
}

function clientRows(clients: Record<string, unknown>[]): string[][] {
  return clients.map((c) => [String(c.client_id ?? ''), String(c.client_name ?? ''), [c.redirect_uris].flat().filter(Boolean).join(', ')]);
}

export async function createCommand(cluster: string, hub: string, a: string | undefined, b: string | undefined, opts: Flags): Promise<number> {
  let hubType: (typeof HUB_TYPES)[number] | undefined;
  let domain = a;
  if (b !== undefined) {
    if (!HUB_TYPES.includes(a as (typeof HUB_TYPES)[number])) {
      throw new UsageError(`with four arguments the third is the hub type (${HUB_TYPES.join(', ')}), got \`${a}\``, 'use `cilogon-client create CLUSTER HUB [HUB_DOMAIN]`');
    }
    hubType = a as (typeof HUB_TYPES)[number];
    domain = b;
  }
  const r = await createClient(options(opts), { cluster, hub, hubDomain: domain, hubType });
  if (opts.json) printResult(JSON.stringify({ created: r.created, file: r.file, changes: r.changes, client: r.client }, null, 2));
  else printResult(`${r.created ? `Created the CILogon client of ${cluster}/${hub}.` : `${cluster}/${hub} already has a CILogon client (stored in ${r.file}); nothing created.`}\n${changedFiles(r.changes)}`);
  return 0;
}

export async function updateCommand(cluster: string, hub: string, domain: string | undefined, opts: Flags): Promise<number> {
  const callbackUrls = str(opts.callbackUrls)?.split(',').map((s) => s.trim()).filter(Boolean);
  const r = await updateClient(options(opts), { cluster, hub, hubDomain: domain ?? str(opts.hubDomain), clientId: str(opts.clientId), callbackUrls });
  printResult(opts.json ? JSON.stringify(r.client, null, 2) : `Updated the CILogon client of ${cluster}/${hub}:\n${JSON.stringify(r.client, Object.keys(r.client).sort(), 4)}`);
  return 0;
}

export async function getCommand(cluster: string, hub: string, opts: Flags): Promise<number> {
  const r = await getClient(options(opts), { cluster, hub, clientId: str(opts.clientId) });
  const sorted = Object.fromEntries(Object.entries(r.client).sort(([x], [y]) => x.localeCompare(y)));
  printResult(JSON.stringify(sorted, null, opts.json ? 2 : 4));
  return 0;
}

export async function getAllCommand(opts: Flags): Promise<number> {
  const r = await getAllClients(options(opts));
  if (opts.json) printResult(JSON.stringify(r, null, 2));
  else printResult(`${formatTextTable(['client_id', 'client_name', 'redirect_uris'], clientRows(r.clients))}\n${r.used} / ${r.limit} clients used`);
  return 0;
}

export async function deleteCommand(cluster: string, hub: string, opts: Flags): Promise<number> {
  const r = await deleteClient(options(opts), { cluster, hub, clientId: str(opts.clientId) });
  if (opts.json) printResult(JSON.stringify({ file: r.file, keyRemoved: r.keyRemoved, fileDeleted: r.fileDeleted, changes: r.changes }, null, 2));
  else printResult(`Deleted the CILogon client of ${cluster}/${hub}.\n${changedFiles(r.changes)}`);
  return 0;
}

export async function cleanupCommand(opts: Flags): Promise<number> {
  const remove = opts.delete === true;
  const r = await cleanupClients(options(opts), { remove, keep: Array.isArray(opts.keep) ? (opts.keep as string[]) : [] });
  if (opts.json) printResult(JSON.stringify(r, null, 2));
  else {
    const rows = r.findings.map((f) => [f.client_id, f.client_name, f.reason, f.deleted === undefined ? (f.deletable ? 'would delete' : 'kept') : f.deleted ? 'deleted' : `FAILED: ${f.error}`]);
    const head = r.findings.length ? formatTextTable(['client_id', 'client_name', 'reason', 'action'], rows) : 'No duplicate or orphaned clients.';
    const deletable = r.findings.filter((f) => f.deletable).length;
    const tail = remove ? `${r.deleted} deleted, ${r.failed} failed` : deletable ? `${deletable} client(s) would be deleted: run again with --delete` : '';
    printResult([head, tail, `${r.used - r.deleted} / ${r.limit} clients used`].filter(Boolean).join('\n'));
  }
  return r.failed ? 1 : 0;
}
