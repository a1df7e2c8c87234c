/**
 * The process-wide register of secret values. Whatever is registered here is replaced by `***` in every line the
 * Reporter prints, every error message, every tool output the exec runner captures, and every action output.
 * Decryption registers each leaf value the moment it is read.
 */
const MASK = '***';
/** Values shorter than this are not worth masking (masking `1` or `{` would garble every log). */
export const MIN_SECRET_LENGTH = 4;

const secrets = new Set<string>();
let pattern: RegExp | undefined;
const listeners: Array<(value: string) => void> = [];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Register a secret. Multi-line values are registered whole and line by line (a tool may print one line of a key),
 * skipping trivial lines. Returns the pieces that were registered.
 */
export function registerSecret(value: string | number | boolean | null | undefined): string[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  const text = String(value);
  const pieces = new Set<string>();
  const consider = (s: string) => {
    const t = s.trim();
    if (t.length >= MIN_SECRET_LENGTH && !/^[\s{}[\](),:;"'`-]*$/.test(t)) pieces.add(t);
  };
  consider(text);
  if (/[\r\n]/.test(text)) for (const line of text.split(/\r?\n/)) consider(line);
  const added: string[] = [];
  for (const p of pieces) {
    if (!secrets.has(p)) {
      secrets.add(p);
      added.push(p);
    }
  }
  if (added.length) {
    pattern = undefined;
    for (const l of listeners) for (const a of added) l(a);
  }
  return added;
}

/** Called for every newly registered piece (the action reporter forwards them to `core.setSecret`). */
export function onSecretRegistered(listener: (value: string) => void): () => void {
  listeners.push(listener);
  for (const s of secrets) listener(s);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Replace every registered secret in `text` by `***`. Longest first, so a secret containing another is masked whole. */
export function redact(text: string): string {
  if (secrets.size === 0 || !text) return text;
  if (!pattern) {
    const sorted = [...secrets].sort((a, b) => b.length - a.length).map(escape);
    pattern = new RegExp(sorted.join('|'), 'g');
  }
  return text.replace(pattern, MASK);
}

export function containsSecret(text: string): boolean {
  return redact(text) !== text;
}

/** For tests only: forget every registered secret. */
export function clearSecretsForTests(): void {
  secrets.clear();
  pattern = undefined;
}
