/**
 * The read-only leak check of validation: a file whose basename contains `secret` must be sops-encrypted, i.e. carry
 * sops metadata (a top-level `sops` key in YAML/JSON, `sops_*` entries in dotenv, a `[sops]` section in INI). Nothing
 * is decrypted and no content is ever quoted in a message.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYamlValue } from 'yaml';
import type { Finding } from '../findings.js';

const LEAK_HINT =
  'encrypt it (`sops --encrypt --in-place <file>`) before committing; if a plaintext version was ever pushed, treat every credential in it as leaked and rotate it';

function leak(display: string, what: string): Finding {
  return {
    file: display,
    line: 1,
    col: 1,
    path: '',
    message: `plaintext secret: ${display} is named as a secret (its name contains "secret") but ${what}, so it is not sops-encrypted; ${LEAK_HINT}`,
    severity: 'error',
  };
}

/** Check one secret-named file. Undefined when it is sops-encrypted. */
export async function checkSecretFile(abs: string, display: string): Promise<Finding | undefined> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    return { file: display, line: 1, col: 1, path: '', message: `cannot read secret file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, severity: 'error' };
  }
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.env') return /^sops_version=/m.test(text) && /^sops_mac=/m.test(text) ? undefined : leak(display, 'it has no sops_version/sops_mac entries');
  if (ext === '.ini') return /^\[sops\]\s*$/m.test(text) ? undefined : leak(display, 'it has no [sops] section');
  let value: unknown;
  try {
    value = ext === '.json' ? JSON.parse(text) : parseYamlValue(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    // sops binary format is JSON; anything unparsable cannot be sops output.
    return leak(display, 'it cannot be parsed as YAML or JSON (sops output always can)');
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'sops' in value) {
    const sops = (value as { sops: unknown }).sops;
    if (typeof sops === 'object' && sops !== null) return undefined;
  }
  return leak(display, 'it has no top-level `sops` key');
}

/** Every secret-named file under `dir` (recursively; dot-directories skipped), sorted. */
export async function secretFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name.includes('secret')) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}
