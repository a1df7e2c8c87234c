/**
 * The infra-repo-changes component through real sops-format files (the test-only sops in test/harness/bin):
 * encrypted writes with the repo's .sops.yaml rules, deep merges that keep unrelated keys at every depth, refusals
 * that write nothing, key deletion, all-or-nothing application, and a filesystem watcher proving no plaintext ever
 * appears under the repo tree.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { ChangeSet } from '../../src/shared/changes/index.js';
import { faultInjection } from '../../src/shared/changes/apply.js';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { decryptSopsVerified, generateAgeIdentity, sopsEnv, TEST_SOPS_BIN, testAgeIdentity, testAgeRecipient, writeSopsFile } from '../harness/sops.js';

const stamp = Date.now().toString(36);
const SECRET = `client-secret-${stamp}-canary`;
const OTHER_SECRET = `unrelated-deep-${stamp}-canary`;
let root: string;
let otherIdentity: { identity: string; recipient: string };
const HUB_FILE = 'config/clusters/c1/enc-staging.secret.values.yaml';

function listTree(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTree(p, base) : [path.relative(base, p)];
  });
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

function changeSet(reporter = new MemoryReporter()): ChangeSet {
  return new ChangeSet({ root, reporter, sopsEnv: sopsEnv({ SOPS_AGE_KEY: `${testAgeIdentity()}\n${otherIdentity.identity}` }) });
}

async function decrypt(rel: string, identity = testAgeIdentity()): Promise<Record<string, unknown>> {
  const abs = path.join(root, rel);
  return decryptSopsVerified(readFileSync(abs, 'utf8'), rel.endsWith('.json') ? 'json' : 'yaml', identity);
}

beforeEach(async () => {
  otherIdentity ??= await generateAgeIdentity();
  root = mkdtempSync(path.join(os.tmpdir(), 'changes-test-'));
  // Two rules: files under config/clusters/special/ go to another key, every other secret to the test key.
  writeFileSync(
    path.join(root, '.sops.yaml'),
    YAML.stringify({
      creation_rules: [
        { path_regex: '^config/clusters/special/.*secret.*', age: otherIdentity.recipient },
        { path_regex: '.*secret.*', age: testAgeRecipient() },
      ],
    }),
  );
  mkdirSync(path.join(root, 'config/clusters/c1'), { recursive: true });
  writeFileSync(path.join(root, 'config/clusters/c1/cluster.yaml'), 'name: c1\n');
  await writeSopsFile(path.join(root, HUB_FILE), {
    jupyterhub: {
      hub: {
        config: {
          GitHubOAuthenticator: { client_secret: OTHER_SECRET, allowed_orgs: ['org-a', 'org-b'] },
          JupyterHub: { authenticator_class: 'github' },
        },
        extraEnv: { KEEP_ME: 'yes-keep' },
      },
      singleuser: { memory: 4 },
    },
    other: { top: 'level' },
  });
});

afterEach(() => {
  delete faultInjection.failRenameAt;
  delete faultInjection.failWriteAt;
  rmSync(root, { recursive: true, force: true });
});

describe('encrypted files', () => {
  test('a new encrypted file round-trips through sops with the rule for its path', async () => {
    const cs = changeSet();
    await cs.writeEncrypted('config/clusters/c1/enc-support.secret.values.yaml', { prometheus: { password: SECRET, port: 9090, enabled: true } });
    await cs.writeEncrypted('config/clusters/special/enc-x.secret.json', { token: SECRET });
    const changes = await cs.apply();
    expect(changes).toEqual([
      { path: 'config/clusters/c1/enc-support.secret.values.yaml', action: 'created', encrypted: true, keys: ['prometheus.enabled', 'prometheus.password', 'prometheus.port'] },
      { path: 'config/clusters/special/enc-x.secret.json', action: 'created', encrypted: true, keys: ['token'] },
    ]);
    const text = readFileSync(path.join(root, 'config/clusters/c1/enc-support.secret.values.yaml'), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(await decrypt('config/clusters/c1/enc-support.secret.values.yaml')).toEqual({ prometheus: { password: SECRET, port: 9090, enabled: true } });
    // The special rule's key, and only it, opens the special file.
    expect(await decrypt('config/clusters/special/enc-x.secret.json', otherIdentity.identity)).toEqual({ token: SECRET });
    await expect(decrypt('config/clusters/special/enc-x.secret.json')).rejects.toThrow(/not a recipient/);
    expect(statSync(path.join(root, 'config/clusters/c1/enc-support.secret.values.yaml')).mode & 0o777).toBe(0o644);
  });

  test('a binary secret (not YAML/JSON) is a sops binary file', async () => {
    const cs = changeSet();
    const key = `-----BEGIN OPENSSH PRIVATE KEY-----\n${stamp}AAAAB3NzaC1yc2E\n-----END OPENSSH PRIVATE KEY-----\n`;
    await cs.writeEncrypted('config/clusters/c1/enc-deployer.secret.key', key);
    await cs.apply();
    const text = readFileSync(path.join(root, 'config/clusters/c1/enc-deployer.secret.key'), 'utf8');
    expect(text).not.toContain(stamp);
    expect(await decryptSopsVerified(text, 'json')).toEqual({ data: key });
  });

  test('a deep merge keeps every unrelated key at every depth and lists only the changed key paths', async () => {
    const cs = changeSet();
    const keys = await cs.mergeEncrypted(HUB_FILE, {
      jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'cilogon:/client_id/abc', client_secret: SECRET } } } },
    });
    expect(keys).toEqual(['jupyterhub.hub.config.CILogonOAuthenticator.client_id', 'jupyterhub.hub.config.CILogonOAuthenticator.client_secret']);
    const changes = await cs.apply();
    expect(changes).toEqual([{ path: HUB_FILE, action: 'updated', encrypted: true, keys }]);
    expect(await decrypt(HUB_FILE)).toEqual({
      jupyterhub: {
        hub: {
          config: {
            GitHubOAuthenticator: { client_secret: OTHER_SECRET, allowed_orgs: ['org-a', 'org-b'] },
            JupyterHub: { authenticator_class: 'github' },
            CILogonOAuthenticator: { client_id: 'cilogon:/client_id/abc', client_secret: SECRET },
          },
          extraEnv: { KEEP_ME: 'yes-keep' },
        },
        singleuser: { memory: 4 },
      },
      other: { top: 'level' },
    });
  });

  test('merging what is already there changes nothing', async () => {
    const before = snapshot(root);
    const cs = changeSet();
    expect(await cs.mergeEncrypted(HUB_FILE, { other: { top: 'level' } })).toEqual([]);
    expect(await cs.apply()).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  test.each([
    ['a mapping replaced by a value', { jupyterhub: { hub: 'flat' } }, /jupyterhub\.hub is a mapping in the file and a value in the change/],
    ['a value replaced by a mapping', { other: { top: { deeper: 1 } } }, /other\.top is a value in the file and a mapping in the change/],
    ['a list losing items', { jupyterhub: { hub: { config: { GitHubOAuthenticator: { allowed_orgs: ['org-a'] } } } } }, /allowed_orgs: the new list drops 1 item/],
  ])('a merge that would lose content is refused (%s) and nothing is written', async (_name, patch, message) => {
    const before = snapshot(root);
    const cs = changeSet();
    const err = await cs.mergeEncrypted(HUB_FILE, patch as Record<string, unknown>).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain(OTHER_SECRET);
    expect(cs.pending()).toEqual([]);
    expect(await cs.apply()).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  test('keepValues refuses to change an existing value; by default a value is updated', async () => {
    const cs = changeSet();
    await expect(cs.mergeEncrypted(HUB_FILE, { other: { top: 'changed' } }, { keepValues: true })).rejects.toThrow(/other\.top already has a different value/);
    expect(await cs.mergeEncrypted(HUB_FILE, { other: { top: 'changed' } })).toEqual(['other.top']);
    await cs.apply();
    expect((await decrypt(HUB_FILE)).other).toEqual({ top: 'changed' });
  });

  test('deleting a key removes the mappings it leaves empty; the file goes when nothing is left', async () => {
    const cs = changeSet();
    expect(await cs.deleteEncryptedKey(HUB_FILE, ['jupyterhub', 'hub', 'config', 'GitHubOAuthenticator'])).toEqual({ removed: true, fileDeleted: false });
    expect(await cs.deleteEncryptedKey(HUB_FILE, ['jupyterhub', 'hub', 'config', 'Nope'])).toEqual({ removed: false, fileDeleted: false });
    await cs.apply();
    const doc = await decrypt(HUB_FILE);
    expect(doc).toEqual({
      jupyterhub: { hub: { config: { JupyterHub: { authenticator_class: 'github' } }, extraEnv: { KEEP_ME: 'yes-keep' } }, singleuser: { memory: 4 } },
      other: { top: 'level' },
    });

    const small = 'config/clusters/c1/enc-small.secret.values.yaml';
    await writeSopsFile(path.join(root, small), { jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'x-id', client_secret: SECRET } } } } });
    const cs2 = changeSet();
    expect(await cs2.deleteEncryptedKey(small, ['jupyterhub', 'hub', 'config', 'CILogonOAuthenticator'])).toEqual({ removed: true, fileDeleted: true });
    expect(await cs2.apply()).toEqual([{ path: small, action: 'deleted', encrypted: true, keys: ['jupyterhub.hub.config.CILogonOAuthenticator'] }]);
    expect(existsSync(path.join(root, small))).toBe(false);
    expect(existsSync(path.join(root, 'config/clusters/c1/cluster.yaml'))).toBe(true);
  });

  test('readEncrypted sees pending changes and masks what it reads', async () => {
    const reporter = new MemoryReporter();
    const cs = changeSet(reporter);
    const doc = (await cs.readEncrypted(HUB_FILE)) as { other: unknown };
    expect(doc.other).toEqual({ top: 'level' });
    reporter.info(`leak attempt ${OTHER_SECRET}`);
    expect(reporter.text()).not.toContain(OTHER_SECRET);
    await cs.mergeEncrypted(HUB_FILE, { added: { k: 'v-value' } });
    expect(((await cs.readEncrypted(HUB_FILE)) as { added: unknown }).added).toEqual({ k: 'v-value' });
    expect(await cs.readEncrypted('config/clusters/c1/enc-missing.secret.yaml')).toBeUndefined();
  });

  test('an existing encrypted file is not overwritten unless asked', async () => {
    const cs = changeSet();
    await expect(cs.writeEncrypted(HUB_FILE, { a: 'b-value' })).rejects.toThrow(/refusing to overwrite .*enc-staging/);
    await cs.writeEncrypted(HUB_FILE, { a: 'b-value' }, { overwrite: true });
    await cs.apply();
    expect(await decrypt(HUB_FILE)).toEqual({ a: 'b-value' });
  });

  test('without a .sops.yaml nothing is written and the error says what to add', async () => {
    rmSync(path.join(root, '.sops.yaml'));
    const before = snapshot(root);
    const cs = changeSet();
    await cs.writeEncrypted('config/clusters/c1/enc-new.secret.yaml', { a: SECRET });
    await expect(cs.apply()).rejects.toThrow(/no \.sops\.yaml found/);
    expect(snapshot(root)).toEqual(before);
  });

  test('a creation rule that matches nothing fails with sops\'s reason and writes nothing', async () => {
    writeFileSync(path.join(root, '.sops.yaml'), YAML.stringify({ creation_rules: [{ path_regex: '^nowhere/', age: testAgeRecipient() }] }));
    const before = snapshot(root);
    const cs = changeSet();
    await cs.writeEncrypted('config/clusters/c1/enc-new.secret.yaml', { a: SECRET });
    const err = await cs.apply().catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.format()).toMatch(/sops could not encrypt config\/clusters\/c1\/enc-new\.secret\.yaml:\n.*no matching creation rules/);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('YAML documents keep their comments', () => {
  test('a merge and a key deletion edit the decrypted document in place: comments and key order reach sops', async () => {
    // The test sops drops comments, as real sops does not: a shim in front of it answers --decrypt with a commented
    // document (what real sops prints for a file with comments) and keeps a copy of what --encrypt is handed, in a
    // capture directory outside the repo.
    const shim = mkdtempSync(path.join(os.tmpdir(), 'changes-sops-shim-'));
    try {
      const commented = path.join(shim, 'commented.yaml');
      writeFileSync(commented, '# who rotates this: the on-call\nzeta: first # stays first\njupyterhub:\n    hub:\n        # GitHub app of the org\n        config:\n            GitHubOAuthenticator:\n                client_secret: old-secret-value\n            Old:\n                key: to-remove\n');
      writeFileSync(
        path.join(shim, 'sops'),
        `#!/bin/sh\nfor a in "$@"; do last="$a"; done\nprev=""; out=""\nfor a in "$@"; do [ "$prev" = "--output" ] && out="$a"; prev="$a"; done\ncase " $* " in\n  *" --encrypt "*) cp "$last" "${shim}/captured.yaml" ;;\n  *" --decrypt "*) cp "${commented}" "$out"; exit 0 ;;\nesac\nexec "${TEST_SOPS_BIN}" "$@"\n`,
      );
      chmodSync(path.join(shim, 'sops'), 0o755);
      const cs = new ChangeSet({ root, reporter: new MemoryReporter(), sopsEnv: sopsEnv({ PATH: `${shim}${path.delimiter}${sopsEnv().PATH}` }) });
      await cs.mergeEncrypted(HUB_FILE, { jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'cid-value', client_secret: SECRET } } } } });
      await cs.deleteEncryptedKey(HUB_FILE, ['jupyterhub', 'hub', 'config', 'Old', 'key']);
      await cs.apply();
      const captured = readFileSync(path.join(shim, 'captured.yaml'), 'utf8');
      expect(captured).toContain('# who rotates this: the on-call');
      expect(captured).toContain('zeta: first # stays first');
      expect(captured).toContain('# GitHub app of the org');
      expect(captured.indexOf('zeta')).toBeLessThan(captured.indexOf('jupyterhub'));
      expect(captured).not.toContain('Old');
      // And the file in the repo is that document, encrypted.
      expect(await decrypt(HUB_FILE)).toEqual({
        zeta: 'first',
        jupyterhub: { hub: { config: { GitHubOAuthenticator: { client_secret: 'old-secret-value' }, CILogonOAuthenticator: { client_id: 'cid-value', client_secret: SECRET } } } },
      });
    } finally {
      rmSync(shim, { recursive: true, force: true });
    }
  });
});

describe('plain files and paths', () => {
  test('secret-named files are never written in plaintext', async () => {
    const cs = changeSet();
    await expect(cs.writeFile('config/clusters/c1/enc-x.secret.values.yaml', `a: ${SECRET}\n`)).rejects.toThrow(/refusing to write .* in plaintext/);
    expect(cs.pending()).toEqual([]);
  });

  test('existing files are kept unless overwrite; paths stay inside the repo', async () => {
    const cs = changeSet();
    await expect(cs.writeFile('config/clusters/c1/cluster.yaml', 'name: other\n')).rejects.toThrow(/refusing to overwrite config\/clusters\/c1\/cluster\.yaml/);
    await expect(cs.writeFile('../escape.yaml', 'x')).rejects.toThrow(/not a file inside the infra repo/);
    await expect(cs.writeFile('/etc/passwd', 'x')).rejects.toThrow(/relative to the infra repo root/);
    await expect(cs.writeFile('.git/config', 'x')).rejects.toThrow(/under \.git/);
    await cs.writeFile('config/clusters/c2/cluster.yaml', 'name: c2\n');
    await cs.writeFile('config/clusters/c1/cluster.yaml', 'name: c1\nprovider: gcp\n', { overwrite: true });
    expect(await cs.apply()).toEqual([
      { path: 'config/clusters/c1/cluster.yaml', action: 'updated', encrypted: false },
      { path: 'config/clusters/c2/cluster.yaml', action: 'created', encrypted: false },
    ]);
    expect(readFileSync(path.join(root, 'config/clusters/c2/cluster.yaml'), 'utf8')).toBe('name: c2\n');
  });
});

describe('all or nothing', () => {
  test.each([
    ['a write', 'failWriteAt' as const],
    ['a rename', 'failRenameAt' as const],
  ])('a failure during %s leaves the tree exactly as it was', async (_name, fault) => {
    const before = snapshot(root);
    const cs = changeSet();
    await cs.writeFile('config/clusters/c3/cluster.yaml', 'name: c3\n');
    await cs.mergeEncrypted(HUB_FILE, { added: { secret: SECRET } });
    await cs.writeEncrypted('config/clusters/c3/enc-support.secret.values.yaml', { x: SECRET });
    faultInjection[fault] = 2;
    await expect(cs.apply()).rejects.toThrow(/could not write the change into the repo .*every file was restored/);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, 'config/clusters/c3'))).toBe(false);
  });

  test('undo puts back what the last apply changed, created files removed', async () => {
    const before = snapshot(root);
    const cs = changeSet();
    await cs.writeFile('config/clusters/c3/cluster.yaml', 'name: c3\n');
    await cs.mergeEncrypted(HUB_FILE, { added: { secret: SECRET } });
    await cs.apply();
    expect(snapshot(root)).not.toEqual(before);
    await cs.undo();
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, 'config/clusters/c3'))).toBe(false);
  });

  test('a file changed on disk after the change was computed stops the whole change', async () => {
    const cs = changeSet();
    await cs.writeFile('config/clusters/c3/cluster.yaml', 'name: c3\n');
    await cs.mergeEncrypted(HUB_FILE, { added: { secret: SECRET } });
    writeFileSync(path.join(root, HUB_FILE), readFileSync(path.join(root, HUB_FILE), 'utf8') + '# edited\n');
    const before = snapshot(root);
    await expect(cs.apply()).rejects.toThrow(/changed on disk while this change was being prepared/);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('no plaintext under the repo tree, at any moment', () => {
  let watcher: FSWatcher | undefined;
  afterEach(() => watcher?.close());

  test('a watcher on the tree sees only ciphertext while files are read, merged, written and deleted', async () => {
    const seen = new Set<string>();
    const leaks: string[] = [];
    const inspect = (rel: string) => {
      seen.add(rel);
      let text: string;
      try {
        text = readFileSync(path.join(root, rel), 'utf8');
      } catch {
        return; // gone already (a renamed staging file): its content was checked when it was written, if we saw it
      }
      for (const s of [SECRET, OTHER_SECRET, 'plain-leaf-value']) if (text.includes(s)) leaks.push(`${rel} holds ${s}`);
    };
    watcher = watch(root, { recursive: true }, (_event, name) => {
      if (name) inspect(name.toString());
    });
    const cs = changeSet();
    await cs.readEncrypted(HUB_FILE);
    await cs.mergeEncrypted(HUB_FILE, { jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_secret: SECRET } } } }, more: { leaf: 'plain-leaf-value' } });
    await cs.writeEncrypted('config/clusters/c1/enc-new.secret.yaml', { token: SECRET });
    await cs.writeEncrypted('config/clusters/new/enc-support.secret.values.yaml', { nested: { deep: { token: SECRET } } });
    await cs.apply();
    const cs2 = changeSet();
    await cs2.deleteEncryptedKey('config/clusters/c1/enc-new.secret.yaml', ['token']);
    await cs2.mergeEncrypted(HUB_FILE, { again: { token: SECRET } });
    await cs2.apply();
    // Let the last events arrive (inotify delivers them asynchronously).
    await new Promise((r) => setTimeout(r, 200));
    expect(leaks).toEqual([]);
    // The watcher did see the writes (so the test can fail): the targets and their staging siblings.
    expect([...seen].some((n) => n.endsWith('enc-staging.secret.values.yaml'))).toBe(true);
    expect([...seen].some((n) => /\.enc-staging\.secret\.values\.yaml\.deployer-[0-9a-f]+$/.test(n))).toBe(true);
    // Only the targets and their staging siblings ever appeared: no other file (no plaintext copy under any name).
    const unexpected = [...seen].filter((n) => !/(^|\/)\.?enc-[a-z-]+\.secret\.(values\.)?yaml(\.deployer-[0-9a-f]+)?$/.test(n) && !/^config(\/clusters(\/(c1|new))?)?$/.test(n));
    expect(unexpected).toEqual([]);
    // And every file in the tree now is ciphertext.
    for (const [rel, text] of Object.entries(snapshot(root))) if (rel.includes('secret')) expect(text).toMatch(/^sops:/m);
  });

  test('the plaintext lives in a private directory outside the tree, removed afterwards', async () => {
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'changes-runner-temp-'));
    const dirs: string[] = [];
    const w = watch(runnerTemp, (_e, name) => name && dirs.push(name.toString()));
    process.env.RUNNER_TEMP = runnerTemp;
    try {
      const cs = changeSet();
      await cs.writeEncrypted('config/clusters/c1/enc-new.secret.yaml', { token: SECRET });
      await cs.apply();
      await new Promise((r) => setTimeout(r, 100));
      expect(dirs.some((d) => d.startsWith('deployer-encrypt-'))).toBe(true);
      expect(readdirSync(runnerTemp)).toEqual([]);
    } finally {
      w.close();
      delete process.env.RUNNER_TEMP;
      rmSync(runnerTemp, { recursive: true, force: true });
    }
  });

  test('a temporary directory inside the repo is refused before any plaintext is written', async () => {
    process.env.RUNNER_TEMP = path.join(root, 'tmp');
    mkdirSync(process.env.RUNNER_TEMP);
    try {
      const cs = changeSet();
      await cs.writeEncrypted('config/clusters/c1/enc-new.secret.yaml', { token: SECRET });
      await expect(cs.apply()).rejects.toThrow(/temporary directory .* is inside the infra repo/);
      expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
    } finally {
      delete process.env.RUNNER_TEMP;
    }
  });
});

afterAll(() => undefined);
