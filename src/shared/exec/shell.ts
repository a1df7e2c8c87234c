/**
 * Command lines a person can paste into bash: every argument quoted as needed (POSIX single quotes), and parts that
 * are shell on purpose (a process substitution that decrypts a secret file on the fly, `<(sops --decrypt f)`) kept
 * as they are. Everything is redacted: no registered secret can be printed this way.
 */
import { redact } from '../redact.js';

/** An argument: a literal string (quoted as needed) or shell text used as is (`{ raw }`, built from quoted parts). */
export type ShellPart = string | { raw: string };

/** Quote one argument for a POSIX shell; safe characters stay unquoted. */
export function shellQuote(s: string): string {
  if (s !== '' && /^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Join parts into one paste-able line (redacted). */
export function shellLine(parts: ShellPart[]): string {
  return redact(parts.map((p) => (typeof p === 'string' ? shellQuote(p) : p.raw)).join(' '));
}

/** `--flag=<(command ...)`: the output of a command as a file argument (bash process substitution). */
export function processSubstitution(prefix: string, command: ShellPart[]): { raw: string } {
  return { raw: `${prefix ? shellQuote(prefix) : ''}<(${shellLine(command)})` };
}
