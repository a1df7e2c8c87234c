/**
 * sops decryption through the real code path (spawning `sops`, here the test-only one from test/harness/bin):
 * private temp files, masking of every decrypted leaf, the leak guard, failures, and age decryption.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as age from 'age-encryption';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { explainSopsFailure } from '../../src/shared/secrets/sops-errors.js';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { redact } from '../../src/shared/redact.js';
import { decryptAge } from '../../src/shared/secrets/age.js';
import { assertSopsEncrypted, decryptFile, liveTempDirs, maskLeaves, privateTempDir, readDecrypted, withDecryptedFile } from '../../src/shared/secrets/index.js';
import { encryptSopsBinary, generateAgeIdentity, sopsEnv, testAgeIdentity, testAgeRecipient, writeSopsFile } from '../harness/sops.js';

let root: string;
let runnerTemp: string;
const env = () => sopsEnv();
const stamp = Date.now().toString(36);
const canary = `canary-secret-${stamp}-value`;
const multiLine = `-----BEGIN KEY-----\nmultiLineCanary${stamp}AAA\nsecondLineCanary${stamp}BBB\n-----END KEY-----`;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'secrets-test-'));
  runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'secrets-runner-temp-'));
  process.env.RUNNER_TEMP = runnerTemp;
  await writeSopsFile(path.join(root, 'enc-hub.secret.values.yaml'), {
    jupyterhub: { hub: { config: { GitHubOAuthenticator: { client_secret: canary, enabled: true, port: 8080, account: 123456789012 } } } },
    key: multiLine,
    apiVersion: 'v1',
    brace: '{',
  });
  await writeSopsFile(path.join(root, 'enc-creds.secret.json'), { AccessKey: { AccessKeyId: `AKIA${stamp.toUpperCase()}XYZ`, SecretAccessKey: `json-${canary}` } });
});

afterAll(() => {
  delete process.env.RUNNER_TEMP;
  rmSync(root, { recursive: true, force: true });
  rmSync(runnerTemp, { recursive: true, force: true });
});

afterEach(() => {
  expect(liveTempDirs()).toEqual([]);
  expect(readdirSync(runnerTemp)).toEqual([]);
});

describe('decryptFile', () => {
  test('decrypts into a 0600 file in a 0700 dir inside RUNNER_TEMP, masks every leaf, and dispose removes it', async () => {
    const reporter = new MemoryReporter();
    const file = await decryptFile(path.join(root, 'enc-hub.secret.values.yaml'), { reporter, env: env(), display: 'enc-hub.secret.values.yaml' });
    expect(path.dirname(path.dirname(file.path))).toBe(runnerTemp);
    expect(path.basename(file.path)).toBe('enc-hub.secret.values.yaml');
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file.path)).mode & 0o777).toBe(0o700);
    const text = readFileSync(file.path, 'utf8');
    expect(text).toContain(canary);
    expect(text).not.toContain('sops:');
    // masked: the string, each line of the multi-line value, the JSON-escaped and base64 forms, the long number
    expect(redact(`a ${canary} b`)).toBe('a *** b');
    expect(redact(`multiLineCanary${stamp}AAA`)).toBe('***');
    expect(redact(`secondLineCanary${stamp}BBB`)).toBe('***');
    expect(redact(JSON.stringify({ k: multiLine }))).toBe('{"k":"***"}');
    expect(redact(Buffer.from(canary).toString('base64'))).toBe('***');
    expect(redact('account 123456789012')).toBe('account ***');
    // not masked: booleans, short numbers, structure, punctuation lines, the BEGIN/END lines are masked only as part of the key
    expect(redact('enabled: true, port 8080, apiVersion v1, {')).toBe('enabled: true, port 8080, apiVersion v1, {');
    expect(reporter.text()).not.toContain(canary);
    await file.dispose();
    await file.dispose();
    expect(existsSync(path.dirname(file.path))).toBe(false);
  });

  test('withDecryptedFile removes the plaintext when the callback throws', async () => {
    let seen = '';
    const err = await withDecryptedFile(path.join(root, 'enc-hub.secret.values.yaml'), { reporter: new MemoryReporter(), env: env() }, async (p) => {
      seen = p;
      expect(existsSync(p)).toBe(true);
      throw new Error('callback failed');
    }).catch((e) => e);
    expect(err.message).toBe('callback failed');
    expect(existsSync(seen)).toBe(false);
  });

  test('readDecrypted returns the parsed JSON and leaves no file behind', async () => {
    const doc = (await readDecrypted(path.join(root, 'enc-creds.secret.json'), { reporter: new MemoryReporter(), env: env() })) as { AccessKey: { SecretAccessKey: string } };
    expect(doc.AccessKey.SecretAccessKey).toBe(`json-${canary}`);
    expect(redact(doc.AccessKey.SecretAccessKey)).toBe('***');
  });

  test('a file encrypted for another key: a clear error naming the file, no temp file left', async () => {
    const other = await generateAgeIdentity();
    const f = path.join(root, 'enc-other.secret.yaml');
    await writeSopsFile(f, { token: `other-${canary}` }, [other.recipient]);
    const err = await decryptFile(f, { reporter: new MemoryReporter(), env: env(), display: 'config/enc-other.secret.yaml' }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/^sops could not decrypt config\/enc-other\.secret\.yaml/);
    expect(err.hint).toContain('SOPS_AGE_KEY_FILE');
    // The reason is on the same line, not cut off after a colon (issue 10 §15), and the hint names the recipient.
    expect(err.message).not.toContain('\n');
    expect(err.message).toMatch(new RegExp(`: no key available to this job could open its data key \\(${other.recipient}: .+\\)$`));
    expect(err.hint).toContain(`encrypted for ${other.recipient}`);
    expect(err.hint).toContain('sops updatekeys');
  });

  test('a malformed age key: the reason is kept, the key sops quotes is redacted', async () => {
    const f = path.join(root, 'enc-creds.secret.json');
    const bad = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ9K7D3F';
    const keyFile = path.join(root, 'bad-key.txt');
    writeFileSync(keyFile, `# created: today\n${bad}\n`);
    const err = await decryptFile(f, { reporter: new MemoryReporter(), env: { ...env(), SOPS_AGE_KEY_FILE: keyFile, SOPS_AGE_KEY: '' }, display: 'enc-creds.secret.json' }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.format()).not.toContain(bad);
    expect(err.message).toMatch(/could open its data key \(age1\w+: .*Invalid checksum in \*\*\*\)$/);
  });

  test('a tampered file (MAC mismatch) is refused', async () => {
    const f = path.join(root, 'enc-tampered.secret.yaml');
    await writeSopsFile(f, { a: 'first-value-xyz', b: 'second-value-xyz' });
    const text = readFileSync(f, 'utf8');
    const [a, b] = [/^a: (.*)$/m.exec(text)![1], /^b: (.*)$/m.exec(text)![1]];
    writeFileSync(f, text.replace(`a: ${a}`, `a: ${b}`).replace(`b: ${b}`, `b: ${a}`));
    const err = await decryptFile(f, { reporter: new MemoryReporter(), env: env() }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('sops could not decrypt');
    // Swapped values fail their AES-GCM check (the path is part of each value's authenticated data).
    expect(err.message).toContain('a value in it is damaged (Error decrypting tree: Could not decrypt with AES_GCM');
    expect(err.hint).toContain('restore the file from history');
  });

  test('sops missing: the error names sops and how to install it', async () => {
    const err = await decryptFile(path.join(root, 'enc-creds.secret.json'), { reporter: new MemoryReporter(), env: { PATH: root } }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('`sops` is not installed');
  });
});

describe('binary sops files', () => {
  test('an extensionless/.key file in the sops binary store decrypts to its raw content, masked line by line', async () => {
    const f = path.join(root, 'enc-age-secret-private.key');
    const content = `# created: 2024\nAGE-SECRET-KEY-1BINARYCANARY${stamp.toUpperCase()}XYZ\n`;
    writeFileSync(f, await encryptSopsBinary(content));
    expect(() => assertSopsEncrypted(f)).not.toThrow();
    const text = await readDecrypted(f, { reporter: new MemoryReporter(), env: env() });
    expect(text).toBe(content);
    expect(redact(`AGE-SECRET-KEY-1BINARYCANARY${stamp.toUpperCase()}XYZ`)).toBe('***');
    // a plaintext key under that name is refused
    const plain = path.join(root, 'enc-plain-secret.key');
    writeFileSync(plain, content);
    expect(() => assertSopsEncrypted(plain, 'enc-plain-secret.key')).toThrow(/is neither YAML nor JSON with a top-level `sops` key/);
  });
});

describe('the leak guard', () => {
  test('a plaintext enc-x.secret.values.yaml is refused with a located error saying to rotate', async () => {
    const dir = path.join(root, 'config', 'clusters', 'c1');
    mkdirSync(dir, { recursive: true });
    const f = path.join(dir, 'enc-x.secret.values.yaml');
    writeFileSync(f, `jupyterhub:\n  hub:\n    config:\n      client_secret: ${canary}\n`);
    let err: DeployerError | undefined;
    try {
      assertSopsEncrypted(f, 'config/clusters/c1/enc-x.secret.values.yaml');
    } catch (e) {
      err = e as DeployerError;
    }
    expect(err).toBeInstanceOf(DeployerError);
    expect(err!.format()).toMatch(/^config\/clusters\/c1\/enc-x\.secret\.values\.yaml:1:1: config\/clusters\/c1\/enc-x\.secret\.values\.yaml has no top-level `sops` key: it is not sops-encrypted\. If this file was ever committed or pushed, its contents have leaked/);
    expect(err!.hint).toContain('rotate every credential');
    expect(err!.format()).not.toContain(canary);
    // decryptFile refuses it before running sops or creating anything
    const e2 = await decryptFile(f, { reporter: new MemoryReporter(), env: env(), display: 'x' }).catch((e) => e);
    expect(e2.message).toContain('has no top-level `sops` key');
  });

  test('plaintext JSON, invalid YAML, and a non-mapping are refused too; an encrypted file passes', async () => {
    const j = path.join(root, 'enc-y.secret.json');
    writeFileSync(j, JSON.stringify({ AccessKey: { SecretAccessKey: canary } }));
    expect(() => assertSopsEncrypted(j, 'enc-y.secret.json')).toThrow(/has no top-level `sops` key/);
    const bad = path.join(root, 'enc-bad.secret.yaml');
    writeFileSync(bad, `a: [\n  ${canary}: {\n`);
    let err: DeployerError | undefined;
    try {
      assertSopsEncrypted(bad, 'enc-bad.secret.yaml');
    } catch (e) {
      err = e as DeployerError;
    }
    expect(err?.message).toMatch(/^enc-bad\.secret\.yaml is not valid YAML, so it cannot be a sops-encrypted file/);
    expect(err?.line).toBeGreaterThan(0);
    expect(err?.format()).not.toContain(canary);
    const list = path.join(root, 'enc-list.secret.yaml');
    writeFileSync(list, '- a\n- b\n');
    expect(() => assertSopsEncrypted(list, 'enc-list.secret.yaml')).toThrow(/has no top-level `sops` key/);
    expect(() => assertSopsEncrypted(path.join(root, 'enc-hub.secret.values.yaml'))).not.toThrow();
  });
});

describe('masking rules', () => {
  test('every string leaf and long number is masked; booleans, short values and kubeconfig names are not', () => {
    const r = new MemoryReporter();
    const n = maskLeaves(
      {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: `mask-cluster-${stamp}`, cluster: { server: `https://mask-${stamp}.example:6443`, 'certificate-authority-data': `Q0Et${stamp}` } }],
        contexts: [{ name: 'ctx', context: { cluster: `mask-cluster-${stamp}`, namespace: 'default', user: 'deployer' } }],
        users: [{ name: 'deployer', user: { token: `tok-${stamp}-abc` } }],
        'current-context': 'ctx',
      },
      r,
    );
    expect(n).toBe(3);
    expect(redact(`https://mask-${stamp}.example:6443 tok-${stamp}-abc Q0Et${stamp}`)).toBe('*** *** ***');
    expect(redact(`mask-cluster-${stamp} default deployer`)).toBe(`mask-cluster-${stamp} default deployer`);
    const m = maskLeaves({ a: true, b: 'yes', c: 12, d: `values-${stamp}-q`, e: 9876543210, f: null }, r);
    expect(m).toBe(2);
  });
});

describe('privateTempDir', () => {
  test('0700, under RUNNER_TEMP, removed on dispose', async () => {
    const t = await privateTempDir('unit test/..');
    expect(path.dirname(t.dir)).toBe(runnerTemp);
    expect(path.basename(t.dir)).toMatch(/^deployer-unit-test-\.\.-/);
    expect(statSync(t.dir).mode & 0o777).toBe(0o700);
    await t.dispose();
    expect(existsSync(t.dir)).toBe(false);
  });
});

describe('decryptAge', () => {
  async function encryptArmored(text: string, recipient: string): Promise<string> {
    const e = new age.Encrypter();
    e.addRecipient(recipient);
    return age.armor.encode(await e.encrypt(text));
  }

  test('decrypts armored content for the identity (a key file with comments works); the identity gets masked', async () => {
    const armored = await encryptArmored(`hello ${canary}`, testAgeRecipient());
    const keyFile = `# created: today\n# public key: ${testAgeRecipient()}\n${testAgeIdentity()}\n`;
    expect(await decryptAge(`some text before\n${armored}\nafter`, keyFile)).toBe(`hello ${canary}`);
    expect(redact(testAgeIdentity())).toBe('***');
  });

  test('wrong identity, damaged armor and non-armored input are clear errors', async () => {
    const other = await generateAgeIdentity();
    const armored = await encryptArmored('x', other.recipient);
    await expect(decryptAge(armored, testAgeIdentity())).rejects.toThrow('none of the given age identities can decrypt this content');
    await expect(decryptAge('not age at all', testAgeIdentity())).rejects.toThrow(/not ASCII-armored age/);
    await expect(decryptAge(armored.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'), testAgeIdentity())).rejects.toThrow(DeployerError);
    await expect(decryptAge(armored, 'AGE-SECRET-KEY-nope')).rejects.toThrow(/age identity is not valid/);
  });
});

describe('explainSopsFailure (sops 3.9 output)', () => {
  test('no key file: every recipient and its reason on one line, continuation lines joined', () => {
    const stderr = [
      'Failed to get the data key required to decrypt the SOPS file.',
      '',
      'Group 0: FAILED',
      '  age1abc: FAILED',
      '    - | failed to load age identities: failed to open file: open',
      '      | /home/u/.config/sops/age/keys.txt: no such file or directory',
      '  arn:aws:kms:us-west-2:123:key/k: FAILED',
      '    - | Error decrypting key: AccessDeniedException: denied',
      '',
      'Recovery failed because no master key was able to decrypt the file. In',
      'order for SOPS to recover the file, at least one key has to be successful,',
      'but none were.',
    ].join('\n');
    const why = explainSopsFailure(stderr, 128, false);
    expect(why.reason).toBe(
      'no key available to this job could open its data key (age1abc: failed to load age identities: failed to open file: open /home/u/.config/sops/age/keys.txt: no such file or directory; arn:aws:kms:us-west-2:123:key/k: Error decrypting key: AccessDeniedException: denied)',
    );
    expect(why.recipients).toEqual(['age1abc', 'arn:aws:kms:us-west-2:123:key/k']);
    expect(why.hint).toContain('encrypted for age1abc (and arn:aws:kms:us-west-2:123:key/k)');
  });
  test('a MAC mismatch says the file was changed without sops', () => {
    expect(explainSopsFailure('MAC mismatch. File has 1234, computed 5678', 51, false).reason).toContain('changed without sops');
  });
});
