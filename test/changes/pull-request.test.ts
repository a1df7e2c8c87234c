/**
 * The pull-request path against the fake GitHub API (test/harness/github-api.ts): one branch and one pull request per
 * change, the same change run again updates its pull request, files land exactly as in the working tree (ciphertext
 * only), deletions, no secret in the title, body or commit, and the errors an engineer can act on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { ChangeSet, describeChanges, type RepoChange } from '../../src/shared/changes/index.js';
import { branchName, openPullRequest, type PullRequestOptions } from '../../src/shared/changes/pull-request.js';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { registerSecret } from '../../src/shared/redact.js';
import { startFakeGithubApi, type FakeGithubApi } from '../harness/github-api.js';
import { decryptSopsVerified, sopsEnv, testAgeRecipient, writeSopsFile } from '../harness/sops.js';

const TOKEN = 'ghs_changesTestToken0123456789abcdefABCD';
const REPO = 'org/infra';
const stamp = Date.now().toString(36);
const SECRET = `pr-secret-${stamp}-canary`;
const HUB_FILE = 'config/clusters/c1/enc-staging.secret.values.yaml';
let api: FakeGithubApi;
let root: string;

beforeAll(async () => {
  api = await startFakeGithubApi({ token: TOKEN });
});
afterAll(async () => {
  await api.stop();
});

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'changes-pr-'));
  writeFileSync(path.join(root, '.sops.yaml'), YAML.stringify({ creation_rules: [{ path_regex: '.*secret.*', age: testAgeRecipient() }] }));
  mkdirSync(path.join(root, 'config/clusters/c1'), { recursive: true });
  writeFileSync(path.join(root, 'config/clusters/c1/cluster.yaml'), 'name: c1\n');
  await writeSopsFile(path.join(root, HUB_FILE), { jupyterhub: { hub: { config: { JupyterHub: { authenticator_class: 'github' } } } } });
  api.setBranch(REPO, 'main', Object.fromEntries(['.sops.yaml', 'config/clusters/c1/cluster.yaml', HUB_FILE].map((f) => [f, readFileSync(path.join(root, f), 'utf8')])));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function makeChange(patch: Record<string, unknown>): Promise<RepoChange[]> {
  const cs = new ChangeSet({ root, reporter: new MemoryReporter(), sopsEnv: sopsEnv() });
  await cs.mergeEncrypted(HUB_FILE, patch);
  return cs.apply();
}

function options(changes: RepoChange[], extra: Partial<PullRequestOptions> = {}): PullRequestOptions {
  return {
    token: TOKEN,
    baseUrl: api.url,
    owner: 'org',
    repo: 'infra',
    base: 'main',
    branch: branchName('deployer', 'cilogon-client', 'c1', 'staging'),
    title: 'cilogon-client: create the CILogon client of c1/staging',
    body: `Created by deployer.\n\n${describeChanges(changes)}`,
    root,
    changes,
    retryDelayMs: 10,
    ...extra,
  };
}

describe('opening and updating', () => {
  test('one branch and one pull request per change; running it again updates the same pull request', async () => {
    const changes = await makeChange({ jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'cilogon:/client_id/1', client_secret: SECRET } } } } });
    const baseHead = api.headCommit(REPO, 'main')!.sha;
    const first = await openPullRequest(options(changes));
    expect(first).toMatchObject({ number: expect.any(Number), created: true, branch: 'deployer/cilogon-client/c1/staging' });
    const branchFiles = api.branchFiles(REPO, first.branch)!;
    expect(branchFiles[HUB_FILE]).toBe(readFileSync(path.join(root, HUB_FILE), 'utf8'));
    expect(branchFiles[HUB_FILE]).not.toContain(SECRET);
    expect((await decryptSopsVerified(branchFiles[HUB_FILE], 'yaml')).jupyterhub).toMatchObject({ hub: { config: { CILogonOAuthenticator: { client_secret: SECRET } } } });
    expect(branchFiles['config/clusters/c1/cluster.yaml']).toBe('name: c1\n');
    expect(api.headCommit(REPO, first.branch)!.parents).toEqual([baseHead]);
    expect(api.branchFiles(REPO, 'main')![HUB_FILE]).not.toBe(branchFiles[HUB_FILE]);

    // Same change again (say the operator re-ran it with another value): same branch moved, same PR updated.
    const again = await makeChange({ jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'cilogon:/client_id/2' } } } } });
    const second = await openPullRequest(options(again, { title: 'cilogon-client: update the CILogon client of c1/staging' }));
    expect(second).toMatchObject({ number: first.number, created: false });
    const prs = api.pulls(REPO).filter((p) => p.head === first.branch);
    expect(prs).toHaveLength(1);
    expect(prs[0].title).toBe('cilogon-client: update the CILogon client of c1/staging');
    expect(api.headCommit(REPO, first.branch)!.parents).toEqual([baseHead]);

    // Every request carried the token, and no request body carried the secret in plaintext.
    const mine = api.requests.filter((r) => r.path.startsWith('/repos/org/infra/'));
    expect(mine.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(JSON.stringify(mine.map((r) => r.body))).not.toContain(SECRET);
    const blobs = mine.filter((r) => r.path.endsWith('/git/blobs')).map((r) => Buffer.from((r.body as { content: string }).content, 'base64').toString('utf8'));
    expect(blobs.length).toBeGreaterThan(0);
    for (const b of blobs) expect(b).not.toContain(SECRET);
  });

  test('another change gets its own branch and pull request', async () => {
    const a = await makeChange({ a: { k: 'v-one' } });
    const prA = await openPullRequest(options(a, { branch: 'deployer/change-a' }));
    const b = await makeChange({ b: { k: 'v-two' } });
    const prB = await openPullRequest(options(b, { branch: 'deployer/change-b' }));
    expect(prB.number).not.toBe(prA.number);
    expect(api.branches(REPO)).toEqual(expect.arrayContaining(['deployer/change-a', 'deployer/change-b', 'main']));
  });

  test('a deleted file is removed on the branch; paths are prefixed when the infra repo is a subdirectory', async () => {
    // The git top-level is one directory up: paths in the commit get `infra/` in front.
    const top = mkdtempSync(path.join(os.tmpdir(), 'changes-pr-top-'));
    try {
      mkdirSync(path.join(top, '.git'));
      const sub = path.join(top, 'infra');
      mkdirSync(path.join(sub, 'config/clusters/c1'), { recursive: true });
      writeFileSync(path.join(sub, '.sops.yaml'), YAML.stringify({ creation_rules: [{ path_regex: '.*secret.*', age: testAgeRecipient() }] }));
      const file = 'config/clusters/c1/enc-x.secret.values.yaml';
      await writeSopsFile(path.join(sub, file), { only: { key: SECRET } });
      api.setBranch('org/mono', 'main', { 'infra/.sops.yaml': 'x', [`infra/${file}`]: readFileSync(path.join(sub, file), 'utf8'), 'README.md': 'hi\n' });
      const cs = new ChangeSet({ root: sub, reporter: new MemoryReporter(), sopsEnv: sopsEnv() });
      await cs.deleteEncryptedKey(file, ['only', 'key']);
      const changes = await cs.apply();
      expect(changes).toEqual([{ path: file, action: 'deleted', encrypted: true, keys: ['only.key'] }]);
      const pr = await openPullRequest(options(changes, { repo: 'mono', root: sub, branch: 'deployer/delete-x' }));
      expect(pr.created).toBe(true);
      expect(Object.keys(api.branchFiles('org/mono', 'deployer/delete-x')!).sort()).toEqual(['README.md', 'infra/.sops.yaml']);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});

describe('refusals and errors', () => {
  test('a secret in the title, body or commit message is refused before any request', async () => {
    registerSecret(SECRET);
    const changes = await makeChange({ a: { k: 'v-one' } });
    const before = api.requests.length;
    for (const extra of [{ title: `client ${SECRET}` }, { body: `secret: ${SECRET}` }, { commitMessage: `x ${SECRET}` }]) {
      const err = await openPullRequest(options(changes, extra)).catch((e) => e);
      expect(err).toBeInstanceOf(DeployerError);
      expect(err.message).toMatch(/contains a secret value/);
      expect(err.message).not.toContain(SECRET);
    }
    expect(api.requests.length).toBe(before);
  });

  test('a secret-named file that is not encrypted is never uploaded', async () => {
    writeFileSync(path.join(root, 'config/clusters/c1/enc-leak.secret.yaml'), `token: ${SECRET}\n`);
    const before = api.requests.length;
    const changes: RepoChange[] = [{ path: 'config/clusters/c1/enc-leak.secret.yaml', action: 'created', encrypted: false }];
    await expect(openPullRequest(options(changes))).rejects.toThrow(/refusing to upload .* it is secret but not sops-encrypted/);
    expect(api.requests.length).toBe(before);
  });

  test('5xx answers are retried; a refused token or a missing permission fails with what to do', async () => {
    const changes = await makeChange({ a: { k: 'v-retry' } });
    api.failNext(502, 2, 'Bad Gateway');
    const pr = await openPullRequest(options(changes, { branch: 'deployer/retry' }));
    expect(pr.created).toBe(true);

    const bad = await openPullRequest(options(changes, { token: 'ghs_wrongTokenwrongTokenwrongToken0000', branch: 'deployer/bad-token' })).catch((e) => e);
    expect(bad).toBeInstanceOf(DeployerError);
    expect(bad.format()).toMatch(/HTTP 401: Bad credentials[\s\S]*hint: the token was refused/);
    expect(bad.format()).not.toContain('wrongToken');

    api.failNext(403, 1, 'GitHub Actions is not permitted to create or approve pull requests.');
    // The 403 hits the first request (reading the base branch) here; the hint still names the setting.
    const denied = await openPullRequest(options(changes, { branch: 'deployer/denied' })).catch((e) => e);
    expect(denied.format()).toMatch(/HTTP 403[\s\S]*Allow GitHub Actions to create and approve pull requests/);

    const noBase = await openPullRequest(options(changes, { base: 'does-not-exist', branch: 'deployer/no-base' })).catch((e) => e);
    expect(noBase.format()).toMatch(/could not read branch does-not-exist of org\/infra: HTTP 404[\s\S]*contents: write, pull-requests: write/);
  });

  test('branch names are made safe; the base itself is not a change branch', async () => {
    expect(branchName('deployer', 'CILogon Client', 'my..cluster', 'hub/../x')).toBe('deployer/cilogon-client/my.cluster/hub-.-x');
    const changes = await makeChange({ a: { k: 'v-x' } });
    await expect(openPullRequest(options(changes, { branch: 'main' }))).rejects.toThrow(/cannot be the branch of a pull request/);
    await expect(openPullRequest(options([], {}))).rejects.toThrow(/no change/);
  });
});
