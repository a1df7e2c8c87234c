/** `--since` values as kubectl takes them: `90s`, `10m`, `2h`, `1h30m`, or a bare number of seconds. */
import { UsageError } from '../errors.js';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseDuration(text: string, what = '--since'): number {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number(t) > 0) return Number(t);
  const parts = [...t.matchAll(/(\d+)([smhd])/g)];
  if (!parts.length || parts.map((m) => m[0]).join('') !== t) {
    throw new UsageError(`${what} must be a duration like 30s, 10m, 2h or 1h30m, got \`${text}\``);
  }
  const seconds = parts.reduce((n, m) => n + Number(m[1]) * UNIT[m[2]], 0);
  if (seconds <= 0) throw new UsageError(`${what} must be longer than 0 seconds, got \`${text}\``);
  return seconds;
}
