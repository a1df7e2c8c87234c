/**
 * cilogon-client create | update | get | get-all | delete | cleanup (reference A.13 and B.1), with the hub's client
 * credentials kept in its sops-encrypted values file through the changes component.
 *
 * Differences from upstream, on purpose: a non-2xx answer fails the run; "records differ" fails the run (it needs a
 * person); create refuses when CILogon already has a client of that name the file does not store (that would be a
 * second client), checks sops can store the secret *before* creating the client, and deletes the new client again if
 * storing it fails (a client whose secret is lost is useless); a create that fails with 5xx is retried only after
 * removing a client the failed attempt may have made; the merge into the values file is deep.
 */
import { DeployerError } from '../errors.js';
import { ChangeSet, type RepoChange } from '../changes/index.js';
import { loadAllClusters } from '../repo/index.js';
import { CilogonApiError, CILOGON_CLIENT_LIMIT, callbackUrl, clientBody, type CilogonApi, type CilogonClient } from './api.js';
import { checkDomain, cilogonApi, hubTarget, type CilogonOptions, type HubTarget } from './context.js';
import { credentialsPatch, hubSecretFile, storedClient, writeLayout, type StoredClient } from './store.js';
import { isMappingValue } from './util.js';

function changeSet(o: CilogonOptions): ChangeSet {
  return new ChangeSet({ root: o.paths.configRoot, reporter: o.reporter, sopsEnv: o.sopsEnv });
}

function recordsDiffer(t: HubTarget, stored: string, why: string): DeployerError {
  return new DeployerError(`CILogon records are different than the client app stored in the configuration file (${why}). Consider updating the file.`, {
    file: t.file,
    hint: `compare \`deployer cilogon-client get ${t.cluster} ${t.hub}\` with \`deployer cilogon-client get-all\`; fix ${t.file} with \`sops edit\` (or delete the stale client with \`deployer cilogon-client delete ${t.cluster} ${t.hub}\`)`,
  });
}

/** Public view of a client (no secret), for tables and outputs. */
export function publicClient(c: CilogonClient): Record<string, unknown> {
  const { client_secret: _s, ...rest } = c;
  return rest;
}

async function readStored(cs: ChangeSet, t: HubTarget): Promise<{ doc: unknown; stored?: StoredClient }> {
  const doc = await cs.readEncrypted(t.file);
  return { doc, stored: storedClient(doc) };
}

// ---- create -----------------------------------------------------------------------------------------------------
export interface CreateRequest {
  cluster: string;
  hub: string;
  /** Default: the hub's domain in cluster.yaml. */
  hubDomain?: string;
  /** 2023's hub-type argument: where a file without jupyterhub config nests the credentials. Default: the hub's chart. */
  hubType?: 'basehub' | 'daskhub' | 'binderhub';
}

export interface CreateResult {
  clientId: string;
  created: boolean;
  file: string;
  changes: RepoChange[];
  client?: Record<string, unknown>;
}

export interface CreateHooks {
  /**
   * Called once the credentials are stored (e.g. to open the pull request). If it throws, the file is restored and the
   * new client deleted again: a client whose credentials reach no branch would be lost with the runner's workspace.
   */
  publish?: (result: CreateResult) => Promise<void>;
}

export async function createClient(o: CilogonOptions, req: CreateRequest, hooks: CreateHooks = {}): Promise<CreateResult> {
  const t = await hubTarget(o, req.cluster, req.hub, true);
  const domain = checkDomain(req.hubDomain ?? t.hubSpec!.domain);
  const cs = changeSet(o);
  const { doc, stored } = await readStored(cs, t);
  const api = await cilogonApi(o);
  if (stored) {
    o.reporter.warn(`Found existing CILogon client app in ${t.file}.`);
    let remote: CilogonClient;
    try {
      remote = await api.get(stored.clientId);
    } catch (e) {
      if (e instanceof CilogonApiError && e.status < 500) throw recordsDiffer(t, stored.clientId, `CILogon answered ${e.status} for the stored client id`);
      throw e;
    }
    if (remote.client_id !== stored.clientId) throw recordsDiffer(t, stored.clientId, 'CILogon returned another client id');
    o.reporter.info(`${t.cluster}/${t.hub} already has its CILogon client; nothing created`);
    return { clientId: stored.clientId, created: false, file: t.file, changes: [], client: publicClient(remote) };
  }
  if (doc !== undefined && !isMappingValue(doc)) throw new DeployerError(`${t.file} does not hold a mapping`, { file: t.file });

  const body = clientBody(t.cluster, t.hub, [callbackUrl(domain)]);
  const before = await api.getAll();
  const sameName = before.filter((c) => c.client_name === body.client_name);
  if (sameName.length) {
    throw new DeployerError(
      `CILogon already has ${sameName.length} client(s) named ${body.client_name} (${sameName.map((c) => c.client_id).join(', ')}) that ${t.file} does not store; refusing to create another`,
      {
        file: t.file,
        hint: `if a pull request from an earlier create is still open, merge it instead; otherwise delete the stale one(s) with \`deployer cilogon-client delete ${t.cluster} ${t.hub} --client-id <id>\` and create again (a secret cannot be read back from CILogon)`,
      },
    );
  }
  if (before.length >= CILOGON_CLIENT_LIMIT) {
    throw new DeployerError(`CILogon allows ${CILOGON_CLIENT_LIMIT} clients and ${before.length} are used`, { hint: 'free some with `deployer cilogon-client cleanup --delete`' });
  }

  // Prove the secret can be stored before making a client whose secret is shown only once.
  const layout = writeLayout(doc, req.hubType ?? t.hubSpec?.helmChart);
  await cs.mergeEncrypted(t.file, credentialsPatch(layout, 'preflight-client-id', 'preflight-client-secret'));
  await cs.preflight();
  cs.discard();

  o.reporter.info(`Creating a new CILogon client app with details ${JSON.stringify(body)}...`);
  const client = await createOnce(api, o, body.client_name, before, () => api.create(body));
  o.reporter.mask(client.client_secret);
  let applied = false;
  try {
    await cs.mergeEncrypted(t.file, credentialsPatch(layout, client.client_id, client.client_secret));
    const changes = await cs.apply();
    applied = true;
    o.reporter.info(`Successfully persisted the encrypted CILogon client app credentials to file ${t.file}`);
    const result: CreateResult = { clientId: client.client_id, created: true, file: t.file, changes, client: publicClient(client) };
    await hooks.publish?.(result);
    return result;
  } catch (e) {
    cs.discard();
    const why = e instanceof Error ? e.message : String(e);
    if (applied) {
      try {
        await cs.undo();
      } catch (undoError) {
        o.reporter.error(`could not restore ${t.file}: ${undoError instanceof Error ? undoError.message : undoError}`);
      }
    }
    try {
      await api.delete(client.client_id);
    } catch {
      throw new DeployerError(`the new CILogon client ${client.client_id} was created but its credentials could not be stored (${why}), and deleting it failed too`, {
        file: t.file,
        hint: `delete it with \`deployer cilogon-client delete ${t.cluster} ${t.hub} --client-id ${client.client_id}\`, fix the cause, and create again`,
      });
    }
    throw new DeployerError(`the credentials of the new CILogon client could not be ${applied ? 'published' : `stored in ${t.file}`} (${why}); the client was deleted again, nothing changed`, {
      file: t.file,
      hint: e instanceof DeployerError && e.hint ? e.hint : 'fix the cause and create again',
    });
  }
}

/**
 * POST once; on a 5xx or no answer, the client may still have been made: remove any client of this name that was
 * not there before, then try again (up to the API's attempts). A 4xx is final.
 */
async function createOnce(api: CilogonApi, o: CilogonOptions, name: string, before: CilogonClient[], post: () => Promise<CilogonClient & { client_secret: string }>) {
  const attempts = Math.max(1, o.attempts ?? 3);
  const known = new Set(before.map((c) => c.client_id));
  for (let attempt = 1; ; attempt++) {
    try {
      return await post();
    } catch (e) {
      const transient = !(e instanceof CilogonApiError) || e.status >= 500;
      if (!transient || attempt >= attempts) throw e;
      o.reporter.warn(`creating the CILogon client failed (${e instanceof Error ? e.message : e}); attempt ${attempt} of ${attempts}, checking for a half-made client before retrying`);
      await new Promise((r) => setTimeout(r, (o.retryDelayMs ?? 1000) * attempt));
      const now = await api.getAll();
      for (const c of now.filter((c) => c.client_name === name && !known.has(c.client_id))) {
        o.reporter.warn(`removing ${c.client_id}, made by the failed attempt (its secret was never received)`);
        await api.delete(c.client_id);
      }
    }
  }
}

// ---- update -----------------------------------------------------------------------------------------------------
export interface UpdateRequest {
  cluster: string;
  hub: string;
  hubDomain?: string;
  /** Update this client instead of the stored one (it must be the stored one when the file stores one). */
  clientId?: string;
  /** Replace the redirect URIs (default: the hub's OAuth callback). */
  callbackUrls?: string[];
}

export async function updateClient(o: CilogonOptions, req: UpdateRequest): Promise<{ clientId: string; client: Record<string, unknown> }> {
  const t = await hubTarget(o, req.cluster, req.hub, !req.hubDomain && !req.callbackUrls?.length);
  const cs = changeSet(o);
  const { doc, stored } = await readStored(cs, t);
  if (req.clientId && stored && stored.clientId !== req.clientId) throw recordsDiffer(t, stored.clientId, 'the --client-id given is not the one stored');
  const id = req.clientId ?? stored?.clientId;
  if (!id) {
    throw new DeployerError(`Can't update a client that doesn't exist: ${doc === undefined ? `there is no ${t.file}` : `${t.file} stores no CILogonOAuthenticator.client_id`}`, {
      file: t.file,
      hint: `create it with \`deployer cilogon-client create ${t.cluster} ${t.hub}\`, or pass --client-id`,
    });
  }
  let uris = req.callbackUrls?.filter(Boolean) ?? [];
  if (!uris.length) uris = [callbackUrl(checkDomain(req.hubDomain ?? t.hubSpec!.domain))];
  for (const u of uris) {
    let ok = false;
    try {
      ok = new URL(u).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) throw new DeployerError(`\`${u}\` is not an https callback URL`, { hint: 'callback URLs look like https://<hub-domain>/hub/oauth_callback' });
  }
  const api = await cilogonApi(o);
  // CILogon replaces the whole record on PUT: the body carries every attribute.
  const client = await api.update(id, clientBody(t.cluster, t.hub, uris));
  o.reporter.info('Done! Client updated successfully');
  return { clientId: id, client: publicClient({ ...client, client_id: client.client_id ?? id }) };
}

// ---- get / get-all ----------------------------------------------------------------------------------------------
export async function getClient(o: CilogonOptions, req: { cluster: string; hub: string; clientId?: string }): Promise<{ clientId: string; client: Record<string, unknown>; stored: boolean }> {
  const t = await hubTarget(o, req.cluster, req.hub, false);
  const cs = changeSet(o);
  const { doc, stored } = await readStored(cs, t);
  const id = req.clientId ?? stored?.clientId;
  if (!id) {
    throw new DeployerError(`no CILogon client is stored for ${t.cluster}/${t.hub}: ${doc === undefined ? `there is no ${t.file}` : `${t.file} has no CILogonOAuthenticator.client_id`}`, {
      file: t.file,
      hint: `pass --client-id, or create one with \`deployer cilogon-client create ${t.cluster} ${t.hub}\``,
    });
  }
  const api = await cilogonApi(o);
  const client = await api.get(id);
  if (!req.clientId && client.client_id !== id) throw recordsDiffer(t, id, 'CILogon returned another client id');
  return { clientId: id, client: publicClient(client), stored: stored?.clientId === id };
}

export interface ClientList {
  clients: Record<string, unknown>[];
  used: number;
  limit: number;
}

export async function getAllClients(o: CilogonOptions): Promise<ClientList> {
  o.reporter.info('Getting all existing CILogon client applications...');
  const api = await cilogonApi(o);
  const clients = await api.getAll();
  return { clients: clients.map(publicClient), used: clients.length, limit: CILOGON_CLIENT_LIMIT };
}

// ---- delete -----------------------------------------------------------------------------------------------------
export interface DeleteResult {
  clientId: string;
  file: string;
  changes: RepoChange[];
  keyRemoved: boolean;
  fileDeleted: boolean;
}

export async function deleteClient(o: CilogonOptions, req: { cluster: string; hub: string; clientId?: string }): Promise<DeleteResult> {
  const t = await hubTarget(o, req.cluster, req.hub, false);
  const cs = changeSet(o);
  const { doc, stored } = await readStored(cs, t);
  if (!req.clientId && !stored) {
    throw new DeployerError(
      doc === undefined
        ? `No \`client_id\` to delete was provided and couldn't find any ${t.file} file`
        : `No \`client_id\` to delete was provided and couldn't find any in ${t.file}`,
      { file: t.file, hint: 'pass --client-id (see `deployer cilogon-client get-all`)' },
    );
  }
  const api = await cilogonApi(o);
  if (req.clientId && stored && stored.clientId !== req.clientId) throw recordsDiffer(t, stored.clientId, 'the --client-id given is not the one stored');
  const id = req.clientId ?? stored!.clientId;
  let keyRemoved = false;
  let fileDeleted = false;
  if (stored && stored.clientId === id) {
    ({ removed: keyRemoved, fileDeleted } = await cs.deleteEncryptedKey(t.file, stored.keyPath));
    await cs.preflight();
  }
  o.reporter.info(`Deleting the CILogon client details for ${id}...`);
  await api.delete(id);
  o.reporter.info('Done!');
  let changes: RepoChange[] = [];
  if (keyRemoved) {
    try {
      changes = await cs.apply();
    } catch (e) {
      throw new DeployerError(`the CILogon client was deleted, but its credentials could not be removed from ${t.file}: ${e instanceof Error ? e.message : e}`, {
        file: t.file,
        hint: `remove the CILogonOAuthenticator keys from ${t.file} with \`sops edit\``,
      });
    }
    o.reporter.info(`CILogonAuthenticator config removed from ${t.file}`);
    if (fileDeleted) o.reporter.info(`Empty ${t.file} file also deleted.`);
  } else if (doc !== undefined) {
    o.reporter.warn(`No CILogonOAuthenticator found to delete from ${t.file}`);
  }
  return { clientId: id, file: t.file, changes, keyRemoved, fileDeleted };
}

// ---- cleanup ----------------------------------------------------------------------------------------------------
export const PROTECTED_CLIENTS = ['VEDA Auth Prod'];

export interface CleanupFinding {
  client_id: string;
  client_name: string;
  reason: string;
  /** Deleted by --delete (orphaned or duplicate); others are listed for a person to look at. */
  deletable: boolean;
  deleted?: boolean;
  error?: string;
}

export interface CleanupResult {
  used: number;
  limit: number;
  findings: CleanupFinding[];
  deleted: number;
  failed: number;
}

/**
 * Duplicate clients (a hub's name, but not the client its values file stores) and orphaned ones (named after a hub
 * that no longer exists: `<cluster>-<hub>` matches no hub of the repo). Clients whose hub stores no client id are
 * listed but never deleted (someone has to look); `keep` names are never touched. Deletes only with `remove`.
 */
export async function cleanupClients(o: CilogonOptions, req: { remove: boolean; keep?: string[] }): Promise<CleanupResult> {
  // Every cluster must load: a cluster.yaml that fails would make its live hubs look orphaned.
  let clusters: Awaited<ReturnType<typeof loadAllClusters>>;
  try {
    clusters = await loadAllClusters(o.paths);
  } catch (e) {
    if (!(e instanceof DeployerError)) throw e;
    throw new DeployerError(`cleanup needs every cluster.yaml to load (a broken one would make its hubs' clients look orphaned): ${e.message}`, {
      file: e.file,
      line: e.line,
      col: e.col,
      hint: e.hint,
    });
  }
  const hubs = new Map<string, { cluster: string; hub: string }>();
  for (const c of clusters) {
    const dirName = c.dir.split(/[\\/]/).pop()!;
    for (const h of c.hubs) hubs.set(`${dirName}-${h.name}`, { cluster: dirName, hub: h.name });
  }
  const keep = new Set([...PROTECTED_CLIENTS, ...(req.keep ?? [])]);
  const api = await cilogonApi(o);
  const clients = await api.getAll();
  const cs = changeSet(o);
  const storedByName = new Map<string, string | undefined>();
  const findings: CleanupFinding[] = [];
  for (const c of [...clients].sort((a, b) => String(a.client_name).localeCompare(String(b.client_name)) || a.client_id.localeCompare(b.client_id))) {
    const name = String(c.client_name ?? '');
    if (keep.has(name)) continue;
    const hub = hubs.get(name);
    if (!hub) {
      findings.push({ client_id: c.client_id, client_name: name, reason: 'orphaned: no hub of this name in the repository', deletable: true });
      continue;
    }
    if (!storedByName.has(name)) storedByName.set(name, storedClient(await cs.readEncrypted(hubSecretFile(o.paths, hub.cluster, hub.hub)))?.clientId);
    const stored = storedByName.get(name);
    if (stored === c.client_id) continue;
    if (stored === undefined) {
      findings.push({ client_id: c.client_id, client_name: name, reason: `not stored: ${hubSecretFile(o.paths, hub.cluster, hub.hub)} stores no client id (left alone)`, deletable: false });
    } else if (clients.some((x) => x.client_id === stored)) {
      findings.push({ client_id: c.client_id, client_name: name, reason: `duplicate: ${hub.cluster}/${hub.hub} uses another client`, deletable: true });
    } else {
      findings.push({ client_id: c.client_id, client_name: name, reason: `the client ${hub.cluster}/${hub.hub} stores does not exist in CILogon (left alone)`, deletable: false });
    }
  }
  let deleted = 0;
  let failed = 0;
  if (req.remove) {
    for (const f of findings.filter((x) => x.deletable)) {
      try {
        await api.delete(f.client_id);
        f.deleted = true;
        deleted++;
        o.reporter.info(`deleted ${f.client_id} (${f.client_name}): ${f.reason}`);
      } catch (e) {
        f.deleted = false;
        f.error = e instanceof Error ? e.message : String(e);
        failed++;
        o.reporter.error(`could not delete ${f.client_id} (${f.client_name}): ${f.error}`);
      }
    }
  }
  return { used: clients.length, limit: CILOGON_CLIENT_LIMIT, findings, deleted, failed };
}
