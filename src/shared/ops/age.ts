/**
 * `decrypt-age` (upstream A.10): decrypt what a community sent to the support address with the team's age identity,
 * which the infra repo keeps sops-encrypted (a sops binary-store file). Through `age-encryption` (no age binary
 * needed); armored (`-----BEGIN AGE ENCRYPTED FILE-----`) and binary (`age-encryption.org/v1`) content both work.
 * The identity is masked the moment it is decrypted; the plaintext is returned to the caller, who decides where it
 * may go (the terminal, a sops-encrypted file, a masked output), never a log.
 */
import path from 'node:path';
import * as age from 'age-encryption';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { isFile } from '../repo/index.js';
import { readDecrypted } from '../secrets/index.js';
import { parseIdentities } from '../secrets/age.js';

/** Where the team's identity lives, relative to the infra repo root (2026 layout first, then 2023's). */
export const IDENTITY_FILES = ['shared/deployer/enc-age-secret-private.key', 'deployer/keys/enc-age-secret-private.key'];

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const BINARY_MAGIC = 'age-encryption.org/v1';

/** Resolve the identity file (given, relative to the config root, or the first default that exists). */
export function identityFilePath(configRoot: string, given?: string): { abs: string; display: string } {
  const candidates = given ? [given] : IDENTITY_FILES;
  for (const c of candidates) {
    const abs = path.resolve(configRoot, c);
    const rel = path.relative(configRoot, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new DeployerError(`the identity file ${c} is outside the infrastructure repository (${configRoot})`, { hint: 'give a path relative to the repository root' });
    }
    if (isFile(abs)) return { abs, display: rel.split(path.sep).join('/') };
  }
  throw new DeployerError(`no age identity file: ${candidates.join(' or ')} does not exist under ${configRoot}`, {
    hint: given ? 'check the path (relative to the repository root)' : 'pass the sops-encrypted identity file (--identity-file / identity-file), or run from the repository root (--config-root)',
  });
}

/** Decrypt the team's identity file with sops; returns the AGE-SECRET-KEY lines (already masked). */
export async function teamIdentities(configRoot: string, opts: { reporter: Reporter; env?: NodeJS.ProcessEnv; identityFile?: string }): Promise<string[]> {
  const { abs, display } = identityFilePath(configRoot, opts.identityFile);
  const text = await readDecrypted(abs, { reporter: opts.reporter, display, env: opts.env });
  if (typeof text !== 'string') {
    throw new DeployerError(`${display} does not decrypt to an age key file`, { file: display, hint: 'it must be a sops binary-store file holding the output of age-keygen' });
  }
  try {
    return parseIdentities(text);
  } catch (e) {
    throw new DeployerError(`${display} decrypts to something that is not an age identity: ${(e as Error).message}`, { file: display, hint: 'it must hold the output of age-keygen (AGE-SECRET-KEY-1... lines)' });
  }
}

/** The age file inside `data`: the armored block (anything around it, e.g. an e-mail's text, is ignored) or binary. */
function ageBytes(data: Uint8Array): Uint8Array {
  const head = Buffer.from(data.subarray(0, 64)).toString('latin1');
  if (head.startsWith(BINARY_MAGIC)) return data;
  const text = Buffer.from(data).toString('utf8');
  const begin = text.indexOf(ARMOR_BEGIN);
  const end = text.indexOf(ARMOR_END, begin);
  if (begin < 0 || end < 0) {
    throw new DeployerError('this is not age-encrypted content: neither an armored block (-----BEGIN AGE ENCRYPTED FILE-----) nor a binary age file (age-encryption.org/v1)', {
      hint: 'ask the sender for the output of `age --encrypt --armor -r <the team\'s public key>`, and pass it whole',
    });
  }
  const block = text
    .slice(begin, end + ARMOR_END.length)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('\n');
  try {
    return age.armor.decode(block + '\n');
  } catch (e) {
    throw new DeployerError(`the armored age block is damaged: ${(e as Error).message}`, { hint: 'copy the encrypted block again, BEGIN and END lines included, without changing it' });
  }
}

/** Decrypt age content (armored or binary) with the identities. One clear error for a wrong key or a corrupt file. */
export async function decryptAgeContent(data: Uint8Array, identities: string[]): Promise<Uint8Array> {
  const bytes = ageBytes(data);
  const d = new age.Decrypter();
  for (const id of identities) d.addIdentity(id);
  try {
    return await d.decrypt(bytes);
  } catch (e) {
    const msg = (e as Error)?.message || String(e);
    if (/no identity matched/i.test(msg)) {
      throw new DeployerError('the team\'s age identity cannot decrypt this: it was encrypted for another key', {
        hint: 'check the public key (age1...) the sender used; it must be the one in the repository (e.g. shared/deployer/age-public-key.txt)',
      });
    }
    throw new DeployerError(`the age content is corrupt or truncated (${msg})`, { hint: 'ask the sender to encrypt it again, and copy it whole' });
  }
}
