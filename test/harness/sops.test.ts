import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import {
  TEST_AGE_KEY_FILE,
  TEST_SOPS_BIN,
  decryptSopsText,
  decryptSopsVerified,
  encryptSops,
  encryptSopsBinary,
  generateAgeIdentity,
  sopsEnv,
  testAgeIdentity,
  testAgeRecipient,
  writeSopsFile,
} from './sops.js';

const DATA = {
  jupyterhub: {
    hub: {
      config: {
        GitHubOAuthenticator: { client_id: 'CANARY-client-id', client_secret: 'CANARY-client-secret', allowed_organizations: ['org-a', 'org-b:team'] },
      },
      services: { 'hub-health': { apiToken: 'CANARY-token-0123456789' } },
    },
    replicas: 3,
    ratio: 0.25,
    enabled: true,
    disabled: false,
    empty: '',
    script: 'line one\nline two\n  indented: yes\n',
    users: [{ name: 'alice', uid: 1000, admin: true }, 'bob', 7, 1.5],
  },
  note_unencrypted: 'visible in the file',
};

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sops-harness-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function runSops(args: string[], env: NodeJS.ProcessEnv = sopsEnv()) {
  return spawnSync(TEST_SOPS_BIN, args, { env, encoding: 'utf8' });
}

describe('test age key', () => {
  test('identity and recipient belong together and match the committed key file', async () => {
    expect(testAgeIdentity()).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(testAgeRecipient()).toMatch(/^age1[0-9a-z]+$/);
    const age = await import('age-encryption');
    expect(await age.identityToRecipient(testAgeIdentity())).toBe(testAgeRecipient());
    expect(readFileSync(TEST_AGE_KEY_FILE, 'utf8')).toMatch(/TEST KEY/);
    expect(readFileSync(path.join(path.dirname(TEST_AGE_KEY_FILE), 'test-key.pub'), 'utf8').trim()).toBe(testAgeRecipient());
  });
});

describe.each(['yaml', 'json'] as const)('encryptSops (%s)', (format) => {
  test('round trips nested maps, lists, ints, floats, bools and multi-line strings through sops-age', async () => {
    const text = await encryptSops(DATA, format);
    expect(await decryptSopsText(text, format)).toEqual(DATA);
    expect(await decryptSopsVerified(text, format)).toEqual(DATA);
  });

  test('the file looks like sops output: every value encrypted with its type, metadata complete', async () => {
    const text = await encryptSops(DATA, format);
    const doc = format === 'json' ? JSON.parse(text) : YAML.parse(text);
    expect(text).not.toContain('CANARY');
    expect(doc.jupyterhub.replicas).toMatch(/^ENC\[AES256_GCM,data:[^,]+,iv:[^,]+,tag:[^,]+,type:int\]$/);
    expect(doc.jupyterhub.ratio).toMatch(/type:float\]$/);
    expect(doc.jupyterhub.enabled).toMatch(/type:bool\]$/);
    expect(doc.jupyterhub.hub.services['hub-health'].apiToken).toMatch(/type:str\]$/);
    expect(doc.jupyterhub.empty).toBe('');
    expect(doc.note_unencrypted).toBe('visible in the file');
    const iv = /iv:([^,]+),/.exec(doc.jupyterhub.replicas)![1];
    expect(Buffer.from(iv, 'base64')).toHaveLength(32);
    expect(doc.sops.age).toEqual([{ recipient: testAgeRecipient(), enc: expect.stringMatching(/^-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]+-----END AGE ENCRYPTED FILE-----\n$/) }]);
    expect(doc.sops.lastmodified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(doc.sops.mac).toMatch(/^ENC\[AES256_GCM,.*type:str\]$/);
    expect(doc.sops.unencrypted_suffix).toBe('_unencrypted');
    expect(doc.sops.version).toBe('3.9.4');
    expect(Object.keys(doc).at(-1)).toBe('sops');
  });
});

describe('sops semantics', () => {
  test('AAD is the map-key path: a value moved to another key no longer decrypts', async () => {
    const doc = YAML.parse(await encryptSops({ a: { x: 'one', y: 'two' } }, 'yaml'));
    doc.a.x = doc.a.y;
    await expect(decryptSopsText(YAML.stringify(doc), 'yaml')).rejects.toThrow(/decryption failed|authentication|tag/i);
  });

  test('list indices are not part of the path: list items may be reordered and still decrypt', async () => {
    const doc = YAML.parse(await encryptSops({ l: ['first', 'second'] }, 'yaml'));
    doc.l.reverse();
    const plain = (await decryptSopsText(YAML.stringify(doc), 'yaml')) as { l: string[] };
    expect(plain.l).toEqual(['second', 'first']);
    // ... but the MAC covers tree order, so real sops (and our check) refuses the reordered file.
    await expect(decryptSopsVerified(YAML.stringify(doc), 'yaml')).rejects.toThrow(/MAC mismatch/);
  });

  test('the MAC is SHA-512 over the plaintext leaves in tree order, uppercase hex, AAD = lastmodified', async () => {
    const { createHash, createDecipheriv } = await import('node:crypto');
    const age = await import('age-encryption');
    const data = { b: 'x', n: 3, t: true, f: 2.5, l: ['p', { q: 'r' }] };
    const doc = YAML.parse(await encryptSops(data, 'yaml'));
    const d = new age.Decrypter();
    d.addIdentity(testAgeIdentity());
    const key = Buffer.from(await d.decrypt(age.armor.decode(doc.sops.age[0].enc)));
    expect(key).toHaveLength(32);
    const m = /data:(.*),iv:(.+),tag:(.+),type:str\]$/.exec(doc.sops.mac)!;
    const dec = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2], 'base64'));
    dec.setAAD(Buffer.from(doc.sops.lastmodified));
    dec.setAuthTag(Buffer.from(m[3], 'base64'));
    const mac = Buffer.concat([dec.update(Buffer.from(m[1], 'base64')), dec.final()]).toString();
    const expected = createHash('sha512').update('x3True2.5pr').digest('hex').toUpperCase();
    expect(mac).toBe(expected);
  });

  test('a value swapped for one encrypted under the same key and path fails the MAC check', async () => {
    const dataKey = Buffer.alloc(32, 7);
    const lastModified = new Date('2026-01-02T03:04:05Z');
    const a = YAML.parse(await encryptSops({ s: 'original' }, 'yaml', undefined, { dataKey, lastModified }));
    const b = YAML.parse(await encryptSops({ s: 'forged' }, 'yaml', undefined, { dataKey, lastModified }));
    a.s = b.s;
    const forged = YAML.stringify(a);
    expect(await decryptSopsText(forged, 'yaml')).toEqual({ s: 'forged' }); // sops-age does not check the MAC
    await expect(decryptSopsVerified(forged, 'yaml')).rejects.toThrow(/MAC mismatch/);
    const file = path.join(tmp, 'forged.secret.yaml');
    writeFileSync(file, forged);
    const r = runSops(['--decrypt', file]);
    expect(r.status).toBe(51);
    expect(r.stderr).toMatch(/MAC mismatch/);
    expect(r.stdout).toBe('');
  });

  test('several recipients: each identity opens the file', async () => {
    const other = await generateAgeIdentity();
    const text = await encryptSops({ k: 'v' }, 'json', [testAgeRecipient(), other.recipient]);
    expect(await decryptSopsText(text, 'json', other.identity)).toEqual({ k: 'v' });
    expect(await decryptSopsText(text, 'json')).toEqual({ k: 'v' });
  });

  test('the age CLI decrypts the data key (interoperability with real age)', async () => {
    const doc = YAML.parse(await encryptSops({ k: 'v' }, 'yaml'));
    const enc = path.join(tmp, 'datakey.age');
    writeFileSync(enc, doc.sops.age[0].enc);
    const which = spawnSync('age', ['--version']);
    if (which.error) throw new Error('the `age` CLI is missing: apt-get install -y age (.ci/run installs it)');
    const key = execFileSync('age', ['-d', '-i', TEST_AGE_KEY_FILE, enc]);
    expect(key).toHaveLength(32);
  });

  test('null values are refused with the path', async () => {
    await expect(encryptSops({ a: { b: null } }, 'yaml')).rejects.toThrow(/null value \(at a:b:\)/);
  });
});

describe('test-only sops executable', () => {
  test('is executable', () => {
    expect(statSync(TEST_SOPS_BIN).mode & 0o111).not.toBe(0);
    const r = runSops(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sops 3\.9\.4/);
  });

  test.each(['yaml', 'json'] as const)('decrypts a %s file to --output in the same format', async (format) => {
    const file = path.join(tmp, `enc-x.secret.${format}`);
    await writeSopsFile(file, DATA);
    const out = path.join(tmp, `out-${format}`);
    writeFileSync(out, '');
    chmodSync(out, 0o600);
    const r = runSops(['--output', out, '--decrypt', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(format === 'json' ? JSON.parse(text) : YAML.parse(text)).toEqual(DATA);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  test('decrypts to stdout with -d, and honours --output-type', async () => {
    const file = path.join(tmp, 'enc-y.secret.yaml');
    await writeSopsFile(file, DATA);
    const y = runSops(['-d', file]);
    expect(y.status).toBe(0);
    expect(YAML.parse(y.stdout)).toEqual(DATA);
    const j = runSops(['--decrypt', '--output-type', 'json', file]);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual(DATA);
    const sub = runSops(['decrypt', '--input-type=yaml', file]);
    expect(YAML.parse(sub.stdout)).toEqual(DATA);
  });

  test('takes the key from SOPS_AGE_KEY too', async () => {
    const file = path.join(tmp, 'enc-z.secret.json');
    await writeSopsFile(file, { a: 1 });
    const env = sopsEnv({ SOPS_AGE_KEY_FILE: undefined, SOPS_AGE_KEY: testAgeIdentity(), XDG_CONFIG_HOME: tmp });
    delete env.SOPS_AGE_KEY_FILE;
    const r = runSops(['-d', file], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ a: 1 });
  });

  test('decrypts a binary-store file (the age key file of decrypt-age) to its raw content', async () => {
    const file = path.join(tmp, 'enc-age-secret-private.key');
    writeFileSync(file, await encryptSopsBinary('# key\nAGE-SECRET-KEY-1CANARY\n'));
    const r = runSops(['--decrypt', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('# key\nAGE-SECRET-KEY-1CANARY\n');
  });

  test('a wrong key fails with exit 128 and a clear message, writing nothing', async () => {
    const file = path.join(tmp, 'enc-w.secret.yaml');
    await writeSopsFile(file, { secret: 'CANARY-wrong-key' });
    const other = await generateAgeIdentity();
    const keyFile = path.join(tmp, 'other-key.txt');
    writeFileSync(keyFile, `${other.identity}\n`);
    const out = path.join(tmp, 'never-written');
    const r = runSops(['--output', out, '--decrypt', file], sopsEnv({ SOPS_AGE_KEY_FILE: keyFile }));
    expect(r.status).toBe(128);
    expect(r.stderr).toMatch(/Failed to get the data key required to decrypt the SOPS file/);
    expect(r.stderr).toContain(testAgeRecipient());
    expect(r.stderr).not.toContain('CANARY');
    expect(existsSync(out)).toBe(false);
  });

  test('no key at all fails with exit 128', async () => {
    const file = path.join(tmp, 'enc-n.secret.yaml');
    await writeSopsFile(file, { secret: 'x' });
    const env = sopsEnv({ XDG_CONFIG_HOME: tmp, HOME: tmp });
    delete env.SOPS_AGE_KEY_FILE;
    delete env.SOPS_AGE_KEY;
    const r = runSops(['-d', file], env);
    expect(r.status).toBe(128);
    expect(r.stderr).toMatch(/failed to load age identities/);
  });

  test('a plaintext file fails loudly: "sops metadata not found"', () => {
    const file = path.join(tmp, 'enc-plain.secret.yaml');
    writeFileSync(file, 'jupyterhub:\n  hub:\n    config: {}\n');
    const r = runSops(['--decrypt', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('sops metadata not found');
    expect(r.stdout).toBe('');
  });

  test('a file that is not YAML fails with exit 1; a missing file with exit 100', () => {
    const bad = path.join(tmp, 'bad.secret.yaml');
    writeFileSync(bad, 'a: [unclosed\n');
    const r = runSops(['-d', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Error unmarshalling input yaml/);
    const missing = runSops(['-d', path.join(tmp, 'nope.yaml')]);
    expect(missing.status).toBe(100);
    expect(missing.stderr).toMatch(/non-existent file/);
  });

  test('a tampered value fails with exit 25', async () => {
    const file = path.join(tmp, 'enc-t.secret.json');
    const doc = JSON.parse(await encryptSops({ a: 'abcdef' }, 'json'));
    doc.a = doc.a.replace(/data:([^,]+)/, (_: string, d: string) => `data:${Buffer.from(Buffer.from(d, 'base64').map((b) => b ^ 1)).toString('base64')}`);
    writeFileSync(file, JSON.stringify(doc));
    const r = runSops(['-d', file]);
    expect(r.status).toBe(25);
    expect(r.stderr).toMatch(/Error decrypting tree/);
  });

  test('refuses what it does not implement, and unknown flags', () => {
    expect(runSops(['--rotate', 'x.yaml']).status).toBe(1);
    expect(runSops(['--rotate', 'x.yaml']).stderr).toMatch(/does not implement --rotate/);
    expect(runSops(['-d', '--bogus', 'x.yaml']).stderr).toMatch(/flag provided but not defined: --bogus/);
    expect(runSops(['-d', '-e', 'x.yaml']).stderr).toMatch(/conflict/);
  });

  test('--encrypt --in-place follows the nearest .sops.yaml creation rule; the result decrypts with MAC check', async () => {
    const dir = mkdtempSync(path.join(tmp, 'repo-'));
    mkdirSync(path.join(dir, 'config', 'clusters', 'c1'), { recursive: true });
    writeFileSync(path.join(dir, '.sops.yaml'), `creation_rules:\n  - path_regex: .*secret.*\n    age: ${testAgeRecipient()}\n`);
    const rel = 'config/clusters/c1/enc-grafana-token.secret.yaml';
    const file = path.join(dir, rel);
    writeFileSync(file, 'grafana_token: CANARY-new-token\nlimits:\n  n: 3\n  on: true\n');
    // Run from a subdirectory: the .sops.yaml two levels up is found, and its rule matches the repo-relative path.
    const r = spawnSync(TEST_SOPS_BIN, ['--encrypt', '--in-place', 'clusters/c1/enc-grafana-token.secret.yaml'], { cwd: path.join(dir, 'config'), env: sopsEnv(), encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('CANARY');
    const plain = { grafana_token: 'CANARY-new-token', limits: { n: 3, on: true } };
    expect(await decryptSopsText(text, 'yaml')).toEqual(plain);
    expect(await decryptSopsVerified(text, 'yaml')).toEqual(plain);
    // Encrypting twice is refused, as sops does.
    const again = spawnSync(TEST_SOPS_BIN, ['-e', '-i', file], { cwd: dir, env: sopsEnv(), encoding: 'utf8' });
    expect(again.status).toBe(203);
    expect(again.stderr).toMatch(/File already encrypted/);
    // --decrypt --in-place restores the plaintext.
    const dec = runSops(['--decrypt', '--in-place', file]);
    expect(dec.status).toBe(0);
    expect(YAML.parse(readFileSync(file, 'utf8'))).toEqual(plain);
  });

  test('--encrypt takes recipients from --age or SOPS_AGE_RECIPIENTS; no rule and no recipient is an error', async () => {
    const other = await generateAgeIdentity();
    const file = path.join(tmp, 'to-encrypt.json');
    writeFileSync(file, JSON.stringify({ a: { b: 'c' } }));
    const r = spawnSync(TEST_SOPS_BIN, ['--encrypt', '--age', `${testAgeRecipient()},${other.recipient}`, file], { cwd: tmp, env: sopsEnv(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(await decryptSopsVerified(r.stdout, 'json', other.identity)).toEqual({ a: { b: 'c' } });
    expect(await decryptSopsVerified(r.stdout, 'json')).toEqual({ a: { b: 'c' } });
    const viaEnv = spawnSync(TEST_SOPS_BIN, ['-e', file], { cwd: tmp, env: sopsEnv({ SOPS_AGE_RECIPIENTS: other.recipient }), encoding: 'utf8' });
    expect(await decryptSopsText(viaEnv.stdout, 'json', other.identity)).toEqual({ a: { b: 'c' } });
    const none = spawnSync(TEST_SOPS_BIN, ['-e', file], { cwd: '/', env: sopsEnv(), encoding: 'utf8' });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/no keys provided|no matching creation rules/);
  });

  test('--encrypt of a file that is not YAML/JSON makes a binary-store file that decrypts to the same bytes', () => {
    const file = path.join(tmp, 'id.key');
    writeFileSync(file, 'AGE-SECRET-KEY-1CANARY\n');
    const out = path.join(tmp, 'enc-id.key');
    expect(runSops(['-e', '--age', testAgeRecipient(), '--output', out, file]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).data).toMatch(/^ENC\[AES256_GCM/);
    expect(runSops(['-d', out]).stdout).toBe('AGE-SECRET-KEY-1CANARY\n');
  });

  test('sopsEnv puts the test sops first on PATH', () => {
    const env = sopsEnv();
    const r = spawnSync('sops', ['--version'], { env, encoding: 'utf8' });
    expect(r.stdout).toMatch(/test harness/);
    expect(env.SOPS_AGE_KEY_FILE).toBe(TEST_AGE_KEY_FILE);
  });
});
