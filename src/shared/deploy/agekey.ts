/**
 * An age identity given as an input (`sops-age-key`): masked at once, written to a 0600 file in a private 0700 temp
 * dir, and handed to sops as SOPS_AGE_KEY_FILE in the environment of this run only (process.env is not modified).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { privateTempDir } from '../secrets/tempdir.js';

export interface AgeKeyEnv {
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export async function ageKeyEnv(key: string | undefined, reporter: Reporter, base: NodeJS.ProcessEnv = process.env): Promise<AgeKeyEnv> {
  if (!key) return { env: { ...base }, dispose: async () => {} };
  // Mask the identities only: the rest of a key file is comments (`# public key: age1...`), and masking those
  // would garble every log line that quotes them.
  const identities = key.match(/AGE-SECRET-KEY-1[0-9A-Z]+/g) ?? [];
  for (const id of identities) reporter.mask(id);
  if (!identities.length) {
    throw new UsageError('input `sops-age-key` does not hold an age identity (AGE-SECRET-KEY-1...)', 'paste the whole private key file content, from a repository secret');
  }
  const tmp = await privateTempDir('age-key');
  const file = path.join(tmp.dir, 'keys.txt');
  await writeFile(file, key.endsWith('\n') ? key : key + '\n', { mode: 0o600 });
  return { env: { ...base, SOPS_AGE_KEY_FILE: file }, dispose: () => tmp.dispose() };
}
