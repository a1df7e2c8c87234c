/**
 * age decryption (for `decrypt-age`): content encrypted to the team's age key, e.g. a secret a community sent in.
 * Uses the `age-encryption` package (interoperates with the age CLI). The identity is registered as a secret;
 * the plaintext is returned unmasked, because showing it to the operator is the point; callers that print it in CI
 * must mask it first.
 */
import * as age from 'age-encryption';
import { DeployerError } from '../errors.js';
import { registerSecret } from '../redact.js';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';

/** The `AGE-SECRET-KEY-1...` identities in a key (a bare key or an age key file with comments). */
export function parseIdentities(identity: string): string[] {
  const keys = identity
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const k of keys) registerSecret(k);
  const bad = keys.filter((k) => !/^AGE-(PLUGIN-[A-Z0-9]+-)?SECRET-KEY-1[0-9A-Z]+$/.test(k) && !/^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$/.test(k));
  if (!keys.length || bad.length) {
    throw new DeployerError('the age identity is not valid: expected lines `AGE-SECRET-KEY-1...` (comments starting with # are ignored)', {
      hint: 'pass the private key that `age-keygen` wrote (the whole key file is fine)',
    });
  }
  return keys;
}

/** Decrypt ASCII-armored age content with one of the identities. */
export async function decryptAge(armored: string, identity: string): Promise<string> {
  const identities = parseIdentities(identity);
  const text = armored.trim();
  const begin = text.indexOf(ARMOR_BEGIN);
  const end = text.indexOf(ARMOR_END);
  if (begin < 0 || end < begin) {
    throw new DeployerError('the encrypted content is not ASCII-armored age (no `-----BEGIN AGE ENCRYPTED FILE-----` block)', {
      hint: 'ask for the content encrypted with `age --armor -r <recipient>`, and paste it whole, BEGIN and END lines included',
    });
  }
  const block = text.slice(begin, end + ARMOR_END.length) + '\n';
  let bytes: Uint8Array;
  try {
    bytes = age.armor.decode(block);
  } catch (e) {
    throw new DeployerError(`the age armor is damaged: ${(e as Error).message}`, { hint: 'copy the encrypted block again, without changing line breaks' });
  }
  const d = new age.Decrypter();
  for (const k of identities) d.addIdentity(k);
  try {
    return await d.decrypt(bytes, 'text');
  } catch (e) {
    const msg = (e as Error).message || String(e);
    if (/no identity matched/i.test(msg)) {
      throw new DeployerError('none of the given age identities can decrypt this content', {
        hint: 'it was encrypted for another recipient; check which public key (age1...) the sender used',
      });
    }
    throw new DeployerError(`age decryption failed: ${msg}`, { hint: 'the content may be truncated or tampered with' });
  }
}
