/**
 * cilogon-client operations (src/shared/cilogon) against the fake CILogon (test/harness/cilogon-api.ts), with the
 * credentials written through the changes component into real sops-format files of a copy of the example repo.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { bearerValue, cleanupClients, createClient, deleteClient, getAllClients, getClient, updateClient, type CilogonOptions } from '../../src/shared/cilogon/index.js';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { redact } from '../../src/shared/redact.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { startFakeCilogon, type FakeCilogon } from '../harness/cilogon-api.js';
import { sopsEnv } from '../harness/sops.js';
import { ADMIN_ID, ADMIN_SECRET, decryptIn, exampleRepo } from './setup.js';

let api: FakeCilogon;
let root: string;
let reporter: MemoryReporter;

beforeAll(async () => {
  api = await startFakeCilogon({ adminId: ADMIN_ID, adminSecret: ADMIN_SECRET });
});
afterAll(async () => api.stop());
beforeEach(() => {
  root = exampleRepo();
  reporter = new MemoryReporter();
  api.clients.clear();
  api.requests.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function opts(extra: Partial<CilogonOptions> = {}): CilogonOptions {
  return { paths: repoPaths({ configRoot: root }), reporter, sopsEnv: sopsEnv(), apiUrl: api.url, retryDelayMs: 5, ...extra };
}

const STAGING = 'config/clusters/gcp-demo/enc-staging.secret.values.yaml';

describe('create', () => {
  test('creates one client with the reference body and stores it, encrypted, keeping every other key', async () => {
    const before = await decryptIn(root, STAGING);
    const r = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(r.created).toBe(true);
    expect(api.clients.size).toBe(1);
    const made = [...api.clients.values()][0];
    const post = api.requests.find((q) => q.method === 'POST')!;
    expect(post.body).toEqual({
      client_name: 'gcp-demo-staging',
      app_type: 'web',
      redirect_uris: ['https://staging.gcp-demo.example.org/hub/oauth_callback'],
      scope: 'openid email org.cilogon.userinfo profile',
    });
    // Auth header: Bearer base64url(id:secret) with padding, on every request; JSON content type.
    expect(api.requests.every((q) => q.authorization === `Bearer ${bearerValue({ clientId: ADMIN_ID, clientSecret: ADMIN_SECRET })}`)).toBe(true);
    expect(post.contentType).toBe('application/json; charset=UTF-8');
    const doc = await decryptIn(root, STAGING);
    const hub = (doc.jupyterhub as { hub: { config: Record<string, unknown> } }).hub;
    expect(hub.config.CILogonOAuthenticator).toEqual({ client_id: made.client_id, client_secret: made.client_secret });
    // Everything that was there is still there.
    const b = before.jupyterhub as { hub: { config: Record<string, unknown>; services: unknown }; proxy: unknown };
    expect(hub.config.GitHubOAuthenticator).toEqual(b.hub.config.GitHubOAuthenticator);
    expect((doc.jupyterhub as Record<string, unknown>).proxy).toEqual(b.proxy);
    expect((doc.jupyterhub as { hub: { services: unknown } }).hub.services).toEqual(b.hub.services);
    expect(r.changes).toEqual([{ path: STAGING, action: 'updated', encrypted: true, keys: ['jupyterhub.hub.config.CILogonOAuthenticator.client_id', 'jupyterhub.hub.config.CILogonOAuthenticator.client_secret'] }]);
    expect(readFileSync(path.join(root, STAGING), 'utf8')).not.toContain(made.client_secret);
    // The secret is masked from the moment it arrived.
    expect(redact(`x ${made.client_secret} y`)).toBe('x *** y');
    expect(reporter.text()).not.toContain(made.client_secret);
    expect(reporter.text()).toMatch(/Successfully persisted the encrypted CILogon client app credentials to file config\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml/);
  });

  test('a hub that already has a client gets no second one', async () => {
    await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    const fileBefore = readFileSync(path.join(root, STAGING), 'utf8');
    const posts = () => api.requests.filter((q) => q.method === 'POST').length;
    const r = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(r).toMatchObject({ created: false, changes: [] });
    expect(posts()).toBe(1);
    expect(api.clients.size).toBe(1);
    expect(readFileSync(path.join(root, STAGING), 'utf8')).toBe(fileBefore);
    expect(reporter.text()).toMatch(/Found existing CILogon client app in config\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml/);
    // The cross-check addressed the stored client with ?client_id=.
    const id = [...api.clients.keys()][0];
    expect(api.requests.some((q) => q.method === 'GET' && q.clientId === id && q.rawQuery.startsWith('?client_id='))).toBe(true);
  });

  test('a client of that name CILogon has but the file does not store is not duplicated', async () => {
    const stale = api.addClient('gcp-demo-staging');
    const err = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/already has 1 client\(s\) named gcp-demo-staging/);
    expect(err.message).toContain(stale.client_id);
    expect(api.clients.size).toBe(1);
  });

  test('a legacy daskhub file keeps its basehub: layout; a hub without a file gets the 2026 layout', async () => {
    await createClient(opts(), { cluster: 'gcp-demo', hub: 'dask-staging' });
    const dask = await decryptIn(root, 'config/clusters/gcp-demo/enc-dask-staging.secret.values.yaml');
    expect(dask).toHaveProperty(['basehub', 'jupyterhub', 'hub', 'config', 'CILogonOAuthenticator', 'client_id']);
    expect(dask).toHaveProperty(['basehub', 'jupyterhub', 'hub', 'config', 'GitHubOAuthenticator', 'client_id']);
    expect(dask).not.toHaveProperty('jupyterhub');

    const workshop = 'config/clusters/kubeconfig-demo/enc-workshop.secret.values.yaml';
    rmSync(path.join(root, workshop));
    const r = await createClient(opts(), { cluster: 'kubeconfig-demo', hub: 'workshop', hubDomain: 'other.example.org' });
    expect(r.changes[0]).toMatchObject({ path: workshop, action: 'created', encrypted: true });
    expect(Object.keys(await decryptIn(root, workshop))).toEqual(['jupyterhub']);
    expect(api.requests.filter((q) => q.method === 'POST').at(-1)!.body).toMatchObject({ client_name: 'kubeconfig-demo-workshop', redirect_uris: ['https://other.example.org/hub/oauth_callback'] });
  });

  test('a stored client CILogon does not know: "records differ", exit code 1, nothing created', async () => {
    const file = 'config/clusters/aws-demo/enc-staging.secret.values.yaml';
    const before = readFileSync(path.join(root, file), 'utf8');
    const err = await createClient(opts(), { cluster: 'aws-demo', hub: 'staging' }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/CILogon records are different than the client app stored in the configuration file/);
    expect(api.clients.size).toBe(0);
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(before);
  });

  test('a create answered 5xx after CILogon made the client: the half-made client is removed, one client in the end', async () => {
    api.failNext(503, 1, { done: true, message: 'try later', method: 'POST' });
    const ok = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(ok.created).toBe(true);
    const named = [...api.clients.values()].filter((c) => c.client_name === 'gcp-demo-staging');
    expect(named).toHaveLength(1);
    expect(named[0].client_id).toBe(ok.clientId);
    expect(api.requests.filter((q) => q.method === 'DELETE')).toHaveLength(1);
  });

  test('when sops cannot store the secret, no client is created', async () => {
    const r = createClient(opts({ sopsEnv: sopsEnv({ PATH: '/nonexistent' }) }), { cluster: 'gcp-demo', hub: 'staging' });
    await expect(r).rejects.toThrow(/sops/);
    expect(api.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
    expect(api.clients.size).toBe(0);
  });

  test('an unknown hub or cluster is refused before CILogon is asked', async () => {
    await expect(createClient(opts(), { cluster: 'gcp-demo', hub: 'nope' })).rejects.toThrow(/cluster gcp-demo has no hub named `nope`/);
    await expect(createClient(opts(), { cluster: 'nope', hub: 'staging' })).rejects.toThrow(/unknown cluster `nope`/);
    await expect(createClient(opts(), { cluster: 'gcp-demo', hub: 'staging', hubDomain: 'https://x.org/' })).rejects.toThrow(/is not a hub domain/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('get, get-all, update', () => {
  test('get reads the stored client; get-all counts the clients of the 100 allowed', async () => {
    const created = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    api.addClient('other-hub');
    const g = await getClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(g.client).toMatchObject({ client_name: 'gcp-demo-staging', redirect_uris: ['https://staging.gcp-demo.example.org/hub/oauth_callback'] });
    expect(g.client).not.toHaveProperty('client_secret');
    expect(g.clientId).toBe(created.clientId);
    const all = await getAllClients(opts());
    expect(all.used).toBe(2);
    expect(all.limit).toBe(100);
    expect(all.clients.map((c) => c.client_name).sort()).toEqual(['gcp-demo-staging', 'other-hub']);
    await expect(getClient(opts(), { cluster: 'kubeconfig-demo', hub: 'staging' })).rejects.toThrow(/no CILogon client is stored for kubeconfig-demo\/staging/);
  });

  test('update sends the whole record to ?client_id= and CILogon replaces it', async () => {
    const created = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    const r = await updateClient(opts(), { cluster: 'gcp-demo', hub: 'staging', callbackUrls: ['https://a.example.org/hub/oauth_callback', 'https://b.example.org/hub/oauth_callback'] });
    const put = api.requests.find((q) => q.method === 'PUT')!;
    expect(put.clientId).toBe(created.clientId);
    expect(put.body).toEqual({ client_name: 'gcp-demo-staging', app_type: 'web', redirect_uris: ['https://a.example.org/hub/oauth_callback', 'https://b.example.org/hub/oauth_callback'], scope: 'openid email org.cilogon.userinfo profile' });
    expect(api.clients.get(created.clientId)!.redirect_uris).toHaveLength(2);
    expect(r.clientId).toBe(created.clientId);
    await expect(updateClient(opts(), { cluster: 'kubeconfig-demo', hub: 'staging' })).rejects.toThrow(/Can't update a client that doesn't exist/);
    await expect(updateClient(opts(), { cluster: 'gcp-demo', hub: 'staging', clientId: 'cilogon:/client_id/ffff' })).rejects.toThrow(/records are different/);
    await expect(updateClient(opts(), { cluster: 'gcp-demo', hub: 'staging', callbackUrls: ['http://insecure.org/cb'] })).rejects.toThrow(/not an https callback URL/);
  });
});

describe('delete', () => {
  test('deletes the client and its key; other keys stay', async () => {
    const created = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    const r = await deleteClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(api.requests.find((q) => q.method === 'DELETE')!.clientId).toBe(created.clientId);
    expect(api.clients.size).toBe(0);
    expect(r).toMatchObject({ keyRemoved: true, fileDeleted: false });
    const doc = await decryptIn(root, STAGING);
    expect(doc).not.toHaveProperty(['jupyterhub', 'hub', 'config', 'CILogonOAuthenticator']);
    expect(doc).toHaveProperty(['jupyterhub', 'hub', 'config', 'GitHubOAuthenticator', 'client_id']);
    expect(reporter.text()).toMatch(/CILogonAuthenticator config removed from config\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml/);
  });

  test('the file is removed when the client was all it held', async () => {
    const workshop = 'config/clusters/kubeconfig-demo/enc-workshop.secret.values.yaml';
    rmSync(path.join(root, workshop));
    await createClient(opts(), { cluster: 'kubeconfig-demo', hub: 'workshop' });
    const r = await deleteClient(opts(), { cluster: 'kubeconfig-demo', hub: 'workshop' });
    expect(r).toMatchObject({ keyRemoved: true, fileDeleted: true, changes: [{ path: workshop, action: 'deleted', encrypted: true }] });
    expect(existsSync(path.join(root, workshop))).toBe(false);
    expect(reporter.text()).toMatch(/Empty config\/clusters\/kubeconfig-demo\/enc-workshop\.secret\.values\.yaml file also deleted\./);
  });

  test('nothing to delete, a --client-id that is not the stored one, and a refused DELETE change nothing', async () => {
    await expect(deleteClient(opts(), { cluster: 'kubeconfig-demo', hub: 'staging' })).rejects.toThrow(/No `client_id` to delete was provided and couldn't find any in config\/clusters\/kubeconfig-demo\/enc-staging/);
    await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    const other = api.addClient('x');
    const before = readFileSync(path.join(root, STAGING), 'utf8');
    await expect(deleteClient(opts(), { cluster: 'gcp-demo', hub: 'staging', clientId: other.client_id })).rejects.toThrow(/records are different/);
    api.failNext(403, 1, { message: 'nope' });
    const err = await deleteClient(opts(), { cluster: 'gcp-demo', hub: 'staging' }).catch((e) => e);
    expect(err.message).toMatch(/The request to CILogon API returned a 403 status code .*nope/);
    expect(readFileSync(path.join(root, STAGING), 'utf8')).toBe(before);
    expect(api.clients.size).toBe(2);
    // A client that is not stored anywhere can be deleted by id.
    await deleteClient(opts(), { cluster: 'kubeconfig-demo', hub: 'staging', clientId: other.client_id });
    expect(api.clients.has(other.client_id)).toBe(false);
  });
});

describe('errors', () => {
  test('4xx fails at once with the status and CILogon\'s message; 5xx is retried, then fails', async () => {
    const err = await getClient(opts(), { cluster: 'gcp-demo', hub: 'staging', clientId: 'cilogon:/client_id/abc123' }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/The request to CILogon API returned a 404 status code \(get cilogon:\/client_id\/abc123\): invalid_client: client cilogon:\/client_id\/abc123 not found/);
    api.failNext(502, 1);
    expect((await getAllClients(opts())).used).toBe(0);
    api.requests.length = 0;
    api.failNext(503, 3, { message: 'down for maintenance' });
    const down = await getAllClients(opts()).catch((e) => e);
    expect(down.message).toMatch(/returned a 503 status code .*down for maintenance/);
    expect(api.requests).toHaveLength(3);
  });

  test('a DELETE answered 5xx after CILogon deleted the client: the retry\'s 404 counts as done', async () => {
    const created = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    api.failNext(502, 1, { done: true, method: 'DELETE' });
    const r = await deleteClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    expect(r.keyRemoved).toBe(true);
    expect(api.clients.has(created.clientId)).toBe(false);
    expect(api.requests.filter((q) => q.method === 'DELETE')).toHaveLength(2);
    // Without a transient failure first, a 404 is an error.
    await expect(deleteClient(opts(), { cluster: 'gcp-demo', hub: 'staging', clientId: created.clientId })).rejects.toThrow(/404 status code/);
  });

  test('wrong admin credentials: 401 with a hint; a hung API times out', async () => {
    const wrong = await startFakeCilogon({ adminId: ADMIN_ID, adminSecret: 'another-secret' });
    try {
      const err = await getAllClients(opts({ apiUrl: wrong.url })).catch((e) => e);
      expect(err.format()).toMatch(/401 status code[\s\S]*hint: CILogon refused the administrative client/);
      expect(err.format()).not.toContain(ADMIN_SECRET);
    } finally {
      await wrong.stop();
    }
    api.hang(2000, 2);
    const slow = await getAllClients(opts({ timeoutMs: 300, attempts: 2 })).catch((e) => e);
    expect(slow.message).toMatch(/CILogon did not answer \(list clients\): no answer within 0.3 s/);
  });
});

describe('cleanup', () => {
  test('lists duplicate and orphaned clients; deletes them only when asked; keeps protected and stored ones', async () => {
    const stored = await createClient(opts(), { cluster: 'gcp-demo', hub: 'staging' });
    const dup = api.addClient('gcp-demo-staging');
    const orphan = api.addClient('old-cluster-gone-hub');
    const veda = api.addClient('VEDA Auth Prod');
    const unstored = api.addClient('kubeconfig-demo-staging');
    const listed = await cleanupClients(opts(), { remove: false });
    expect(listed.findings.map((f) => [f.client_id, f.deletable])).toEqual(
      expect.arrayContaining([
        [dup.client_id, true],
        [orphan.client_id, true],
        [unstored.client_id, false],
      ]),
    );
    expect(listed.findings).toHaveLength(3);
    expect(listed.findings.find((f) => f.client_id === dup.client_id)!.reason).toMatch(/^duplicate/);
    expect(listed.findings.find((f) => f.client_id === orphan.client_id)!.reason).toMatch(/^orphaned/);
    expect(api.requests.filter((q) => q.method === 'DELETE')).toHaveLength(0);
    expect(api.clients.size).toBe(5);

    const done = await cleanupClients(opts(), { remove: true });
    expect(done).toMatchObject({ deleted: 2, failed: 0 });
    expect([...api.clients.keys()].sort()).toEqual([stored.clientId, veda.client_id, unstored.client_id].sort());

    // A cluster.yaml that does not load stops the cleanup before anything is decided.
    writeFileSync(path.join(root, 'config/clusters/kubeconfig-demo/cluster.yaml'), 'name: kubeconfig-demo\nprovider: [oops\n');
    api.addClient('old-cluster-gone-hub');
    const deletes = api.requests.filter((q) => q.method === 'DELETE').length;
    await expect(cleanupClients(opts(), { remove: true })).rejects.toThrow(/cleanup needs every cluster\.yaml to load/);
    expect(api.requests.filter((q) => q.method === 'DELETE').length).toBe(deletes);
  });
});
