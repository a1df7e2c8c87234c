/**
 * decrypt-age: the real age CLI (Debian) and age-encryption interoperate both ways, armored and binary; a wrong
 * identity and corrupt content are each one clear error; the team identity comes from the repository's sops-encrypted
 * key file; the CLI prints plaintext only to the terminal; the action never prints it (canary): it re-encrypts it with
 * sops into a named file of the repository, or hands it to a masked output.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as age from 'age-encryption';
import YAML from 'yaml';
import { decryptAgeContent, teamIdentities } from '../../src/shared/ops/age.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { EXAMPLE_DEPLOYER_AGE_IDENTITY } from '../harness/make-example-secrets.js';
import { NODE_ARGS, REPO, runActionSourceAsync } from '../harness/run-source.js';
import { decryptSopsVerified, sopsEnv } from '../harness/sops.js';
import { startFakeGithubApi } from '../harness/github-api.js';
import { EXAMPLES } from '../deploy/setup.js';
import { jobEnv, visible } from './setup.js';

const AGE = '/usr/bin/age';
if (!existsSync(AGE) || !existsSync('/usr/bin/age-keygen')) throw new Error('the age CLI is missing: apt-get install -y age (what .ci/run does)');

let tmp: string;
let keyFile: string;
let identity: string;
let recipient: string;
const exampleRecipient = readFileSync(path.join(EXAMPLES, 'shared/deployer/age-public-key.txt'), 'utf8').split('\n').find((l) => l.startsWith('age1'))!;
const PLAINTEXT = 'client_id: CANARY-community-client-id\nclient_secret: CANARY-community-client-secret\n';

function ageCli(args: string[], input?: Buffer | string): Buffer {
  return execFileSync(AGE, args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ops-age-'));
  keyFile = path.join(tmp, 'key.txt');
  execFileSync('/usr/bin/age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  const text = readFileSync(keyFile, 'utf8');
  identity = text.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
  recipient = /# public key: (age1\S+)/.exec(text)![1];
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('age CLI <-> age-encryption', () => {
  test.each([['armored', ['--armor']], ['binary', []]])('age CLI encrypts (%s), deployer decrypts', async (_kind, flags) => {
    const enc = ageCli(['--encrypt', ...flags, '-r', recipient], PLAINTEXT);
    const plain = await decryptAgeContent(enc, [identity]);
    expect(Buffer.from(plain).toString('utf8')).toBe(PLAINTEXT);
  });
  test.each([['armored'], ['binary']])('age-encryption encrypts (%s), the age CLI decrypts', async (kind) => {
    const e = new age.Encrypter();
    e.addRecipient(recipient);
    const bytes = await e.encrypt(PLAINTEXT);
    const data = kind === 'armored' ? age.armor.encode(bytes) : Buffer.from(bytes);
    expect(ageCli(['--decrypt', '-i', keyFile], data).toString('utf8')).toBe(PLAINTEXT);
  });
  test('an armored block pasted with the text around it (an e-mail) still decrypts', async () => {
    const enc = ageCli(['--encrypt', '--armor', '-r', recipient], PLAINTEXT).toString();
    const mail = `Hi team,\n\nhere it is:\n\n${enc.split('\n').map((l) => `  ${l}`).join('\n')}\nThanks!\n`;
    expect(Buffer.from(await decryptAgeContent(Buffer.from(mail), [identity])).toString()).toBe(PLAINTEXT);
  });
  test('a wrong identity is one clear error', async () => {
    const other = await age.generateIdentity();
    const enc = ageCli(['--encrypt', '--armor', '-r', recipient], PLAINTEXT);
    await expect(decryptAgeContent(enc, [other])).rejects.toThrow("the team's age identity cannot decrypt this: it was encrypted for another key");
  });
  test('corrupt, truncated and non-age content are each one clear error', async () => {
    const bin = ageCli(['--encrypt', '-r', recipient], PLAINTEXT);
    const flipped = Buffer.from(bin);
    flipped[flipped.length - 5] ^= 0xff;
    await expect(decryptAgeContent(flipped, [identity])).rejects.toThrow(/the age content is corrupt or truncated/);
    await expect(decryptAgeContent(bin.subarray(0, bin.length - 20), [identity])).rejects.toThrow(/the age content is corrupt or truncated/);
    const armored = ageCli(['--encrypt', '--armor', '-r', recipient], PLAINTEXT).toString();
    const damaged = armored.replace(/\n([A-Za-z0-9+/]{10})/, '\n!!!!!!!!!!');
    await expect(decryptAgeContent(Buffer.from(damaged), [identity])).rejects.toThrow(/armored age block is damaged|corrupt or truncated/);
    await expect(decryptAgeContent(Buffer.from('hello'), [identity])).rejects.toThrow(/this is not age-encrypted content/);
  });
  test("the team identity comes from the repository's sops-encrypted key file", async () => {
    const ids = await teamIdentities(EXAMPLES, { reporter: new MemoryReporter(), env: sopsEnv() });
    expect(ids).toEqual([EXAMPLE_DEPLOYER_AGE_IDENTITY]);
  });
});

function cliRun(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(sopsEnv()).filter(([k]) => !k.startsWith('GITHUB_')));
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd: EXAMPLES, env: { ...base, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('deployer decrypt-age', () => {
  test('a file encrypted by the age CLI to the team key: the plaintext on stdout, nothing else there', async () => {
    const file = path.join(tmp, 'msg.age');
    writeFileSync(file, ageCli(['--encrypt', '-r', exampleRecipient], PLAINTEXT));
    const r = await cliRun(['decrypt-age', '--encrypted-file-path', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(PLAINTEXT);
  });
  test('standard input only with a prompt that says so', async () => {
    const r = await cliRun(['decrypt-age'], {}, ageCli(['--encrypt', '--armor', '-r', exampleRecipient], PLAINTEXT).toString());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Reading the encrypted content from standard input/);
    expect(r.stdout).toBe(PLAINTEXT);
  });
  test('--output-file writes a new 0600 file and never overwrites', async () => {
    const file = path.join(tmp, 'msg2.age');
    const out = path.join(tmp, 'plain.txt');
    writeFileSync(file, ageCli(['--encrypt', '-r', exampleRecipient], PLAINTEXT));
    let r = await cliRun(['decrypt-age', '--encrypted-file-path', file, '--output-file', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(PLAINTEXT);
    expect((await import('node:fs')).statSync(out).mode & 0o777).toBe(0o600);
    r = await cliRun(['decrypt-age', '--encrypted-file-path', file, '--output-file', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; decrypt-age never overwrites a file/);
  });
  test('content for another key: one error line, exit 1, no stack', async () => {
    const file = path.join(tmp, 'other.age');
    writeFileSync(file, ageCli(['--encrypt', '-r', recipient], PLAINTEXT));
    const r = await cliRun(['decrypt-age', '--encrypted-file-path', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the team's age identity cannot decrypt this: it was encrypted for another key\n  hint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  test('inside a GitHub Actions step it refuses to print plaintext', async () => {
    const file = path.join(tmp, 'msg3.age');
    writeFileSync(file, ageCli(['--encrypt', '-r', exampleRecipient], PLAINTEXT));
    const r = await cliRun(['decrypt-age', '--encrypted-file-path', file], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('CANARY');
  });
  test('--help names only options that exist', async () => {
    const r = await cliRun(['decrypt-age', '--help']);
    expect(r.code).toBe(0);
    const declared = new Set([...r.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]));
    const mentioned = new Set([...r.stdout.matchAll(/(--[a-z][a-z-]+)/g)].map((m) => m[1]));
    for (const m of mentioned) expect(declared).toContain(m);
    expect(r.stdout).not.toMatch(/AGE_SECRET_KEY_FILE|--identity\b(?!-)/);
  });
});

describe('decrypt-age action: the plaintext is never printed', () => {
  let root: string;
  let rtmp: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'ops-age-repo-'));
    rtmp = mkdtempSync(path.join(os.tmpdir(), 'ops-age-runner-'));
    execFileSync('cp', ['-a', `${EXAMPLES}/.`, root]);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(rtmp, { recursive: true, force: true });
  });
  const encrypted = () => ageCli(['--encrypt', '--armor', '-r', exampleRecipient], PLAINTEXT).toString();
  const shown = (r: { stdout: string; stderr: string; summary: string; rawOutputs: string }) => [visible(r.stdout), visible(r.stderr), r.summary, r.rawOutputs].join('\n');

  test('re-encrypted with sops into a named repository file; no plaintext anywhere the runner shows', async () => {
    const target = 'config/clusters/kubeconfig-demo/enc-community-oauth.secret.yaml';
    const r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-content': encrypted(), 'output-file': target }, jobEnv(rtmp));
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    expect(JSON.parse(r.outputs['changed-files'])).toEqual([target]);
    const text = readFileSync(path.join(root, target), 'utf8');
    expect(text).not.toContain('CANARY');
    expect(await decryptSopsVerified(text, 'yaml')).toEqual(YAML.parse(PLAINTEXT));
    expect(shown(r)).not.toContain('CANARY');
    expect(r.summary).toContain(target);
  });

  test('pull-request: the encrypted file goes to a branch and a pull request, ciphertext only, no secret in title or body', async () => {
    const token = 'ghs_opsDecryptAgeTestToken0123456789abcd';
    const api = await startFakeGithubApi({ token });
    try {
      api.setBranch('org/infra', 'main', { '.sops.yaml': readFileSync(path.join(root, '.sops.yaml'), 'utf8') });
      const target = 'config/clusters/kubeconfig-demo/enc-pr-oauth.secret.yaml';
      const r = await runActionSourceAsync(
        'decrypt-age',
        root,
        { 'encrypted-content': encrypted(), 'output-file': target, 'pull-request': 'true', 'github-token': token, base: 'main' },
        jobEnv(rtmp, { GITHUB_REPOSITORY: 'org/infra', GITHUB_API_URL: api.url }),
      );
      if (r.code !== 0) throw new Error(r.stdout + r.stderr);
      const [pull] = api.pulls('org/infra');
      expect(r.outputs['pull-request-url']).toBe(pull.html_url);
      expect(`${pull.title}\n${pull.body}`).not.toContain('CANARY');
      expect(pull.title).toContain(target);
      const files = api.branchFiles('org/infra', pull.head)!;
      expect(files[target]).toContain('sops:');
      expect(files[target]).not.toContain('CANARY');
      expect(await decryptSopsVerified(files[target], 'yaml')).toEqual(YAML.parse(PLAINTEXT));
      expect(shown(r)).not.toContain('CANARY');
    } finally {
      await api.stop();
    }
  });

  test('masked output: the next step gets the plaintext, the log shows only ***', async () => {
    const file = path.join(root, 'incoming.age');
    writeFileSync(file, ageCli(['--encrypt', '-r', exampleRecipient], PLAINTEXT));
    const r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-file': 'incoming.age', 'masked-output': 'true' }, jobEnv(rtmp));
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    expect(r.outputs.plaintext).toBe(PLAINTEXT);
    expect(r.stdout).toContain('::add-mask::client_id: CANARY-community-client-id');
    expect([visible(r.stdout), visible(r.stderr), r.summary].join('\n')).not.toContain('CANARY');
  });

  test('no destination, a wrong key or corrupt content: one clear error, nothing written or shown', async () => {
    let r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-content': encrypted() }, jobEnv(rtmp));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/say where the plaintext goes/);
    const forOther = ageCli(['--encrypt', '--armor', '-r', recipient], PLAINTEXT).toString();
    r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-content': forOther, 'masked-output': 'true' }, jobEnv(rtmp));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::decrypt-age: the team's age identity cannot decrypt this/);
    expect(r.outputs.plaintext).toBeUndefined();
    const corrupt = encrypted().replace(/\n([A-Za-z0-9+/]{8})/, '\nAAAAAAAA');
    r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-content': corrupt, 'output-file': 'config/clusters/kubeconfig-demo/enc-x.secret.yaml' }, jobEnv(rtmp));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::decrypt-age: the (armored age block is damaged|age content is corrupt)/);
    expect(existsSync(path.join(root, 'config/clusters/kubeconfig-demo/enc-x.secret.yaml'))).toBe(false);
    expect(shown(r)).not.toContain('CANARY');
  });

  test('a .yaml target needs a mapping: text that is not one is refused without quoting it', async () => {
    const e = ageCli(['--encrypt', '--armor', '-r', exampleRecipient], 'just a CANARY-token-line\nsecond: [unclosed\n').toString();
    const r = await runActionSourceAsync('decrypt-age', root, { 'encrypted-content': e, 'output-file': 'config/clusters/kubeconfig-demo/enc-token.secret.yaml' }, jobEnv(rtmp));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is not a YAML mapping/);
    expect(shown(r)).not.toContain('CANARY');
  });
});
