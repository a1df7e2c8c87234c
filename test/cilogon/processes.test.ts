/**
 * `deployer cilogon-client ...` and the cilogon-client action as processes (from source), against the fake CILogon
 * and the fake GitHub API: exit codes, what is printed, the change left in the working tree (CLI) or opened as one
 * pull request (action), and no secret anywhere a person or a log could see it.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeCilogon, type FakeCilogon } from '../harness/cilogon-api.js';
import { startFakeGithubApi, type FakeGithubApi } from '../harness/github-api.js';
import { runActionSourceAsync, runCliSourceAsync, type ActionRun, type Run } from '../harness/run-source.js';
import { decryptSopsVerified, sopsEnv, TEST_AGE_KEY_FILE } from '../harness/sops.js';
import { ADMIN_ID, ADMIN_SECRET, decryptIn, exampleRepo } from './setup.js';

const TOKEN = 'ghs_cilogonActionToken0123456789abcdefAB';
const STAGING = 'config/clusters/gcp-demo/enc-staging.secret.values.yaml';
let cilogon: FakeCilogon;
let github: FakeGithubApi;
let root: string;

/** The CLI from source, without blocking the fakes that run in this process. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runCliSourceAsync(args, root, { ...sopsEnv(), DEPLOYER_CILOGON_URL: cilogon.url, ...env });
}

/** The admin secret and every client secret the fake handed out (deleted clients' too). */
const seenSecrets = new Set<string>();
function secrets(): string[] {
  return [ADMIN_SECRET, ...seenSecrets, ...[...cilogon.clients.values()].map((c) => c.client_secret)];
}

function noSecrets(text: string): void {
  for (const s of secrets()) expect(text).not.toContain(s);
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

beforeAll(async () => {
  cilogon = await startFakeCilogon({ adminId: ADMIN_ID, adminSecret: ADMIN_SECRET });
  github = await startFakeGithubApi({ token: TOKEN });
  root = exampleRepo();
});
afterAll(async () => {
  await cilogon.stop();
  await github.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the CLI', () => {
  test('create leaves the change in the working tree and lists it; get-all counts; delete lists the change', async () => {
    const created = await cli(['cilogon-client', 'create', 'gcp-demo', 'staging']);
    if (created.code !== 0) throw new Error(created.stdout + created.stderr);
    expect(created.stdout).toMatch(/Created the CILogon client of gcp-demo\/staging\./);
    expect(created.stdout).toMatch(/Changed in the working tree \(review and commit them\):\n.*file.*change.*encrypted.*keys\n.*\nconfig\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml\s+updated\s+yes \(sops\)\s+jupyterhub\.hub\.config\.CILogonOAuthenticator\.client_id, jupyterhub\.hub\.config\.CILogonOAuthenticator\.client_secret/);
    const client = [...cilogon.clients.values()][0];
    seenSecrets.add(client.client_secret);
    expect(((await decryptIn(root, STAGING)).jupyterhub as { hub: { config: { CILogonOAuthenticator: unknown } } }).hub.config.CILogonOAuthenticator).toEqual({ client_id: client.client_id, client_secret: client.client_secret });
    noSecrets(created.stdout + created.stderr);

    const again = await cli(['cilogon-client', 'create', 'gcp-demo', 'staging']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already has a CILogon client .*nothing created\.\nNo file changed\./);
    expect(cilogon.clients.size).toBe(1);

    cilogon.addClient('old-gone-hub');
    const all = await cli(['cilogon-client', 'get-all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^2 \/ 100 clients used$/m);
    expect(all.stdout).toMatch(/old-gone-hub/);

    const cleanup = await cli(['cilogon-client', 'cleanup']);
    expect(cleanup.code).toBe(0);
    expect(cleanup.stdout).toMatch(/old-gone-hub\s+orphaned: no hub of this name in the repository\s+would delete/);
    expect(cleanup.stdout).toMatch(/1 client\(s\) would be deleted: run again with --delete/);
    expect(cilogon.clients.size).toBe(2);
    const cleaned = await cli(['cilogon-client', 'cleanup', '--delete', '--json']);
    expect(cleaned.code).toBe(0);
    expect(JSON.parse(cleaned.stdout)).toMatchObject({ deleted: 1, failed: 0, findings: [{ client_name: 'old-gone-hub', deleted: true }] });
    expect(cilogon.clients.size).toBe(1);

    const deleted = await cli(['cilogon-client', 'delete', 'gcp-demo', 'staging']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/config\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml\s+updated\s+yes \(sops\)\s+jupyterhub\.hub\.config\.CILogonOAuthenticator$/m);
    expect(deleted.stderr).toMatch(/CILogonAuthenticator config removed from config\/clusters\/gcp-demo\/enc-staging\.secret\.values\.yaml/);
    expect(cilogon.clients.size).toBe(0);
    noSecrets(all.stdout + all.stderr + cleanup.stdout + cleaned.stdout + deleted.stdout + deleted.stderr);
  });

  test('--help lists every operation, 2026\'s cleanup included', async () => {
    const help = await cli(['cilogon-client', '--help']);
    expect(help.code).toBe(0);
    for (const c of ['create', 'update', 'get', 'get-all', 'delete', 'cleanup']) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    const cleanup = await cli(['cilogon-client', 'cleanup', '--help']);
    expect(cleanup.stdout).toMatch(/--delete/);
    expect(cleanup.stdout).toMatch(/--keep <name>/);
  });

  test('4xx and 5xx answers exit 1 with the status and CILogon\'s message; usage errors exit 2', async () => {
    const missing = await cli(['cilogon-client', 'get', 'gcp-demo', 'staging', '--client-id', 'cilogon:/client_id/0bad']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: The request to CILogon API returned a 404 status code \(get cilogon:\/client_id\/0bad\): invalid_client: client cilogon:\/client_id\/0bad not found/);
    noSecrets(missing.stderr);

    cilogon.failNext(500, 3, { message: 'database unavailable' });
    const down = await cli(['cilogon-client', 'get-all']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/returned a 500 status code \(list clients\): server_error: database unavailable/);
    expect(down.stderr).toMatch(/attempt 1 of 3; retrying/);

    const differ = await cli(['cilogon-client', 'create', 'aws-demo', 'staging']);
    expect(differ.code).toBe(1);
    expect(differ.stderr).toMatch(/CILogon records are different than the client app stored in the configuration file/);

    const usage = await cli(['cilogon-client', 'create', 'gcp-demo', 'staging', 'notahubtype', 'x.example.org']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/the third is the hub type/);
  });
});

describe('the action', () => {
  const ageKey = readFileSync(TEST_AGE_KEY_FILE, 'utf8');
  const jobEnv = () => {
    const env = sopsEnv({ GITHUB_REPOSITORY: 'org/infra', GITHUB_API_URL: github.url, GITHUB_REF_NAME: 'main' });
    delete env.SOPS_AGE_KEY_FILE;
    return env;
  };
  const visible = (r: ActionRun) =>
    (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n') + r.summary + r.rawOutputs;

  test('create opens one pull request with the encrypted file; again, no second client and no second pull request', async () => {
    github.setBranch('org/infra', 'main', { [STAGING]: readFileSync(path.join(root, STAGING), 'utf8'), 'README.md': 'infra\n' });
    const inputs = { operation: 'create', cluster: 'gcp-demo', hub: 'staging', 'cilogon-url': cilogon.url, 'sops-age-key': ageKey, 'github-token': TOKEN };
    const run = await runActionSourceAsync('cilogon-client', root, inputs, jobEnv());
    if (run.code !== 0) throw new Error(run.stdout + run.stderr);
    const client = [...cilogon.clients.values()].find((c) => c.client_name === 'gcp-demo-staging')!;
    expect(JSON.parse(run.outputs['changed-files'])).toEqual([
      { path: STAGING, action: 'updated', encrypted: true, keys: ['jupyterhub.hub.config.CILogonOAuthenticator.client_id', 'jupyterhub.hub.config.CILogonOAuthenticator.client_secret'] },
    ]);
    const pulls = github.pulls('org/infra');
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: 'deployer/cilogon-client-create/gcp-demo/staging', base: 'main', title: 'cilogon-client: store the new CILogon client of gcp-demo/staging' });
    expect(run.outputs['pull-request-number']).toBe(String(pulls[0].number));
    const onBranch = github.branchFiles('org/infra', pulls[0].head)![STAGING];
    expect(onBranch).toBe(readFileSync(path.join(root, STAGING), 'utf8'));
    expect((await decryptSopsVerified(onBranch, 'yaml')).jupyterhub).toMatchObject({ hub: { config: { CILogonOAuthenticator: { client_secret: client.client_secret } } } });
    const commit = github.headCommit('org/infra', pulls[0].head)!;
    for (const text of [visible(run), pulls[0].title, pulls[0].body ?? '', commit.message, onBranch]) {
      expect(text).not.toContain(client.client_secret);
      expect(text).not.toContain(ADMIN_SECRET);
    }
    expect(run.stdout).toContain(`::add-mask::${client.client_secret}`);

    const again = await runActionSourceAsync('cilogon-client', root, inputs, jobEnv());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.outputs['changed-files'])).toEqual([]);
    expect(again.outputs['pull-request-url']).toBeUndefined();
    expect(cilogon.clients.size).toBe(1);
    expect(github.pulls('org/infra')).toHaveLength(1);
  });

  test('a pull request that cannot be opened deletes the new client again and restores the file; pull-request false leaves the change in the workspace', async () => {
    const file = 'config/clusters/kubeconfig-demo/enc-staging.secret.values.yaml';
    const before = readFileSync(path.join(root, file), 'utf8');
    const inputs = { operation: 'create', cluster: 'kubeconfig-demo', hub: 'staging', 'cilogon-url': cilogon.url, 'sops-age-key': ageKey, 'github-token': 'ghs_notTheRightToken000000000000000000000' };
    const refused = await runActionSourceAsync('cilogon-client', root, inputs, jobEnv());
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::cilogon-client: config\/clusters\/kubeconfig-demo\/enc-staging\.secret\.values\.yaml: the credentials of the new CILogon client could not be published \(could not read branch main of org\/infra: HTTP 401: Bad credentials\); the client was deleted again, nothing changed/);
    expect([...cilogon.clients.values()].filter((c) => c.client_name === 'kubeconfig-demo-staging')).toEqual([]);
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(before);
    expect(visible(refused)).not.toContain('notTheRightToken');

    const noToken = await runActionSourceAsync('cilogon-client', root, { ...inputs, 'github-token': '' }, jobEnv());
    expect(noToken.code).toBe(1);
    expect(noToken.stdout).toMatch(/input `github-token` is empty/);
    const posts = cilogon.requests.filter((q) => q.method === 'POST').length;

    const local = await runActionSourceAsync('cilogon-client', root, { ...inputs, 'pull-request': 'false' }, jobEnv());
    if (local.code !== 0) throw new Error(local.stdout + local.stderr);
    expect(cilogon.requests.filter((q) => q.method === 'POST').length).toBe(posts + 1);
    expect(JSON.parse(local.outputs['changed-files'])[0]).toMatchObject({ path: file, action: 'updated', encrypted: true });
    expect(local.outputs['pull-request-url']).toBeUndefined();
    expect(readFileSync(path.join(root, file), 'utf8')).not.toBe(before);
    expect(local.stdout).toMatch(/left in the workspace for a later step: config\/clusters\/kubeconfig-demo\/enc-staging\.secret\.values\.yaml/);
  });

  test('get-all sets the outputs; a CILogon error fails the step in one line', async () => {
    const run = await runActionSourceAsync('cilogon-client', root, { operation: 'get-all', 'cilogon-url': cilogon.url, 'sops-age-key': ageKey }, jobEnv());
    if (run.code !== 0) throw new Error(run.stdout + run.stderr);
    expect(run.outputs['clients-used']).toBe(String(cilogon.clients.size));
    expect(JSON.parse(run.outputs.clients).map((c: { client_name: string }) => c.client_name).sort()).toEqual(['gcp-demo-staging', 'kubeconfig-demo-staging']);
    expect(run.summary).toMatch(/2 \/ 100 clients used/);

    cilogon.failNext(403, 1, { message: 'forbidden for this admin client' });
    const failed = await runActionSourceAsync('cilogon-client', root, { operation: 'get-all', 'cilogon-url': cilogon.url, 'sops-age-key': ageKey }, jobEnv());
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^::error::cilogon-client: The request to CILogon API returned a 403 status code \(list clients\): server_error: forbidden for this admin client/m);
    noSecrets(visible(failed));

    const bad = await runActionSourceAsync('cilogon-client', root, { operation: 'frobnicate' }, jobEnv());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/input `operation` must be one of create, update, get, get-all, delete, cleanup/);
  });
});
