/**
 * Test-only maker of sops-format files (no sops binary can be installed on these machines).
 *
 * What it writes is what `sops --encrypt` 3.9 writes for age recipients:
 * - every leaf value becomes `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:str|int|float|bool]`, AES-256-GCM with a
 *   32-byte IV (sops' nonce size) and AAD = the path of MAP keys joined by `:` plus a trailing `:` (list indices are not
 *   part of the path; e.g. `jupyterhub:hub:config:GitHubOAuthenticator:client_secret:`);
 * - empty strings stay empty (sops does not encrypt them); keys ending in `unencrypted_suffix` stay in plaintext;
 * - a random 32-byte data key, age-encrypted (armored) for each recipient, under `sops.age[].{recipient, enc}`;
 * - `sops.mac`: SHA-512 over the plaintext leaves in tree order (bools as `True`/`False`), uppercase hex, encrypted
 *   with AAD = `sops.lastmodified` (RFC 3339, UTC, no fraction);
 * - `sops.version`, `sops.unencrypted_suffix`.
 *
 * `decryptSopsText` decrypts through the independent `sops-age` package (it does not check the MAC);
 * `decryptSopsVerified` is this file's own decryption, which checks the MAC like `sops --decrypt` does.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import * as age from 'age-encryption';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the committed test age identity (public on purpose: for tests and examples only). */
export const TEST_AGE_KEY_FILE = path.resolve(here, '../fixtures/age/test-key.txt');
/** Directory holding the test-only `sops` executable. */
export const SOPS_BIN_DIR = path.join(here, 'bin');
/** Absolute path of the test-only `sops` executable. */
export const TEST_SOPS_BIN = path.join(SOPS_BIN_DIR, 'sops');

export const SOPS_VERSION = '3.9.4';
export const UNENCRYPTED_SUFFIX = '_unencrypted';

export type SopsFormat = 'yaml' | 'json';
type SopsType = 'str' | 'int' | 'float' | 'bool';

/** The test identity, `AGE-SECRET-KEY-1...`. */
export function testAgeIdentity(): string {
  const line = readFileSync(TEST_AGE_KEY_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (!line) throw new Error(`no AGE-SECRET-KEY-1 line in ${TEST_AGE_KEY_FILE}`);
  return line;
}

/** The test recipient, `age1...` (read from the key file's `# public key:` comment). */
export function testAgeRecipient(): string {
  const m = /^# public key: (age1[0-9a-z]+)$/m.exec(readFileSync(TEST_AGE_KEY_FILE, 'utf8'));
  if (!m) throw new Error(`no "# public key:" line in ${TEST_AGE_KEY_FILE}`);
  return m[1];
}

/** A fresh age identity (for wrong-key tests). */
export async function generateAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await age.generateIdentity();
  return { identity, recipient: await age.identityToRecipient(identity) };
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest round-trip digits, never an exponent. */
function formatFloat(v: number): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function leafBytes(v: string | number | boolean): { text: string; type: SopsType } {
  if (typeof v === 'string') return { text: v, type: 'str' };
  if (typeof v === 'boolean') return { text: v ? 'True' : 'False', type: 'bool' };
  if (Number.isInteger(v)) return { text: String(v), type: 'int' };
  if (!Number.isFinite(v)) throw new Error(`sops cannot encrypt the number ${v}`);
  return { text: formatFloat(v), type: 'float' };
}

function aadFor(keyPath: string[]): string {
  return `${keyPath.join(':')}:`;
}

function encryptValue(text: string, type: SopsType, key: Buffer, aad: string): string {
  const iv = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString('base64')},tag:${tag.toString('base64')},type:${type}]`;
}

const ENC_RE = /^ENC\[AES256_GCM,data:(.*),iv:(.+),tag:(.+),type:(str|int|float|bool|comment)\]$/;

function decryptValue(value: string, key: Buffer, aad: string): { text: string; type: string } {
  const m = ENC_RE.exec(value);
  if (!m) throw new Error(`not a sops-encrypted value: ${value.slice(0, 40)}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2], 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(m[3], 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(m[1], 'base64')), decipher.final()]).toString('utf8');
  return { text, type: m[4] };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Walk the tree the way sops does (maps in key order, lists in order, list indices not in the path), encrypting every
 * leaf and feeding the MAC hash. `encrypt` is false below a key with the unencrypted suffix.
 */
function encryptTree(node: unknown, keyPath: string[], key: Buffer, hash: ReturnType<typeof createHash>, encrypt: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => encryptTree(item, keyPath, key, hash, encrypt));
  if (isPlainObject(node)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (keyPath.length === 0 && k === 'sops') throw new Error('the data already has a top-level `sops` key');
      out[k] = encryptTree(v, [...keyPath, k], key, hash, encrypt && !k.endsWith(UNENCRYPTED_SUFFIX));
    }
    return out;
  }
  if (node === null || node === undefined) {
    throw new Error(`sops cannot encrypt a null value (at ${aadFor(keyPath)}); give it a value or remove it`);
  }
  if (typeof node !== 'string' && typeof node !== 'number' && typeof node !== 'boolean') {
    throw new Error(`unsupported value type ${typeof node} at ${aadFor(keyPath)}`);
  }
  const { text, type } = leafBytes(node);
  hash.update(text, 'utf8');
  if (!encrypt || text === '') return node;
  return encryptValue(text, type, key, aadFor(keyPath));
}

export interface EncryptOptions {
  /** `sops.lastmodified` (default: now, truncated to seconds). */
  lastModified?: Date;
  /** Replace the data key (default: 32 random bytes). */
  dataKey?: Buffer;
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function encryptDataKey(dataKey: Buffer, recipient: string): Promise<string> {
  const e = new age.Encrypter();
  e.addRecipient(recipient);
  return age.armor.encode(await e.encrypt(new Uint8Array(dataKey)));
}

/** Build the encrypted document (data keys first, then `sops`), as an object. */
export async function encryptSopsObject(data: unknown, recipients: string[] = [testAgeRecipient()], options: EncryptOptions = {}): Promise<Record<string, unknown>> {
  if (!isPlainObject(data)) throw new Error('sops YAML/JSON documents must be mappings at the top level');
  if (!recipients.length) throw new Error('at least one age recipient is needed');
  const dataKey = options.dataKey ?? randomBytes(32);
  const hash = createHash('sha512');
  const tree = encryptTree(data, [], dataKey, hash, true) as Record<string, unknown>;
  const lastmodified = rfc3339(options.lastModified ?? new Date());
  const mac = encryptValue(hash.digest('hex').toUpperCase(), 'str', dataKey, lastmodified);
  const ageEntries = [];
  for (const recipient of recipients) ageEntries.push({ recipient, enc: await encryptDataKey(dataKey, recipient) });
  return {
    ...tree,
    sops: {
      age: ageEntries,
      lastmodified,
      mac,
      unencrypted_suffix: UNENCRYPTED_SUFFIX,
      version: SOPS_VERSION,
    },
  };
}

/** Serialise like sops: YAML with 4-space indentation, JSON with tabs. */
export function emitDocument(doc: unknown, format: SopsFormat): string {
  if (format === 'json') return `${JSON.stringify(doc, null, '\t')}\n`;
  return YAML.stringify(doc, { indent: 4, lineWidth: 0, minContentWidth: 0 });
}

/** Encrypt `data` (a mapping) for the recipients (default: the test key) and return the file text. */
export async function encryptSops(data: unknown, format: SopsFormat, recipients?: string[], options: EncryptOptions = {}): Promise<string> {
  return emitDocument(await encryptSopsObject(data, recipients, options), format);
}

export function formatFromPath(p: string): SopsFormat {
  if (/\.ya?ml$/.test(p)) return 'yaml';
  if (p.endsWith('.json')) return 'json';
  throw new Error(`cannot tell the sops format of ${p}: use a .yaml, .yml or .json name`);
}

/** Encrypt `data` into `absPath` (format from the extension), mode 0644 like a committed file. */
export async function writeSopsFile(absPath: string, data: unknown, recipients?: string[], options: EncryptOptions = {}): Promise<void> {
  const text = await encryptSops(data, formatFromPath(absPath), recipients, options);
  await mkdir(path.dirname(absPath), { recursive: true });
  await writeFile(absPath, text);
}

/** Decrypt through the independent `sops-age` package (does not check the MAC). Default identity: the test key. */
export async function decryptSopsText(text: string, format: SopsFormat, identity: string = testAgeIdentity()): Promise<unknown> {
  const { decryptSops } = await import('sops-age');
  return decryptSops(text, { secretKey: identity, fileType: format });
}

function parseDocument(text: string, format: SopsFormat): Record<string, unknown> {
  const doc = format === 'json' ? JSON.parse(text) : YAML.parse(text);
  if (!isPlainObject(doc)) throw new Error('not a mapping');
  return doc;
}

/**
 * This harness's own decryption with the MAC check of `sops --decrypt` (the data key from the first recipient entry
 * the identity opens). Returns the plaintext tree; throws on a wrong key, a tampered value or a MAC mismatch.
 */
export async function decryptSopsVerified(text: string, format: SopsFormat, identity: string = testAgeIdentity()): Promise<Record<string, unknown>> {
  const doc = parseDocument(text, format);
  const meta = doc.sops as { age?: { recipient: string; enc: string }[]; lastmodified?: string; mac?: string; unencrypted_suffix?: string } | undefined;
  if (!isPlainObject(meta)) throw new Error('sops metadata not found');
  const recipient = await age.identityToRecipient(identity);
  const entry = (meta.age ?? []).find((a) => a.recipient === recipient);
  if (!entry) throw new Error(`the identity (${recipient}) is not a recipient of this file`);
  const d = new age.Decrypter();
  d.addIdentity(identity);
  const dataKey = Buffer.from(await d.decrypt(age.armor.decode(entry.enc)));
  const suffix = meta.unencrypted_suffix ?? UNENCRYPTED_SUFFIX;
  const hash = createHash('sha512');
  const walk = (node: unknown, keyPath: string[], encrypted: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, keyPath, encrypted));
    if (isPlainObject(node)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, [...keyPath, k], encrypted && !k.endsWith(suffix));
      return out;
    }
    if (encrypted && typeof node === 'string' && node.startsWith('ENC[')) {
      const { text: plain, type } = decryptValue(node, dataKey, aadFor(keyPath));
      hash.update(plain, 'utf8');
      if (type === 'int') return Number.parseInt(plain, 10);
      if (type === 'float') return Number.parseFloat(plain);
      if (type === 'bool') return plain === 'True';
      return plain;
    }
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') hash.update(leafBytes(node).text, 'utf8');
    return node;
  };
  const { sops: _meta, ...data } = doc;
  const plain = walk(data, [], true) as Record<string, unknown>;
  const computed = hash.digest('hex').toUpperCase();
  if (!meta.mac || !meta.lastmodified) throw new Error('MAC not found');
  const fileMac = decryptValue(meta.mac, dataKey, meta.lastmodified).text;
  if (fileMac !== computed) throw new Error(`MAC mismatch. File has ${fileMac}, computed ${computed}`);
  return plain;
}

/**
 * Environment for running code that spawns `sops`: PATH with the test-only sops first, SOPS_AGE_KEY_FILE = the test
 * key. `extra` is applied last (pass `SOPS_AGE_KEY_FILE: '/elsewhere'` to test a wrong key).
 */
export function sopsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${SOPS_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    SOPS_AGE_KEY_FILE: TEST_AGE_KEY_FILE,
    ...extra,
  };
}

/** A sops "binary" file (what `sops --encrypt` makes of a file that is not YAML/JSON/dotenv/ini): `{data, sops}` JSON. */
export async function encryptSopsBinary(content: string, recipients?: string[], options: EncryptOptions = {}): Promise<string> {
  return emitDocument(await encryptSopsObject({ data: content }, recipients, options), 'json');
}
