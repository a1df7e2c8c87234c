/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never.
 * Keys are not masked: they are structure, not secrets.
 */
import { registerSecret } from '../redact.js';
import type { Reporter } from '../log.js';

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
export const MIN_SECRET_NUMBER_LENGTH = 6;

/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
export function maskValue(value: string, reporter: Reporter): void {
  const forms = new Set<string>([value]);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) forms.add(json);
  if (value.length >= 8) forms.add(Buffer.from(value, 'utf8').toString('base64'));
  for (const f of forms) {
    registerSecret(f);
    reporter.mask(f);
  }
}

/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
export function maskLeaves(node: unknown, reporter: Reporter, key?: string): number {
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + maskLeaves(item, reporter, key), 0);
  if (node !== null && typeof node === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) n += maskLeaves(v, reporter, k);
    return n;
  }
  if (key !== undefined && STRUCTURAL_KEYS.has(key)) return 0;
  if (typeof node === 'string') {
    if (NOT_SECRET_WORDS.has(node.trim().toLowerCase())) return 0;
    maskValue(node, reporter);
    return 1;
  }
  if (typeof node === 'number' || typeof node === 'bigint') {
    const text = String(node);
    if (text.length < MIN_SECRET_NUMBER_LENGTH) return 0;
    maskValue(text, reporter);
    return 1;
  }
  return 0;
}

/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
export function maskText(text: string, reporter: Reporter): void {
  registerSecret(text);
  reporter.mask(text);
}
