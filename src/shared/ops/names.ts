/** Pod names and user input that end up in kubectl arguments: checked, never passed to a shell. */
import { UsageError } from '../errors.js';

/** A DNS-1123 label made from parts (lower case, `-` for anything else, at most 63 characters). */
export function podName(...parts: string[]): string {
  const raw = parts.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return raw.slice(0, 63).replace(/-$/, '');
}

/** A home directory name under /home: one path segment, no `..`, no leading dash. */
export function homedirName(value: string, what: string): string {
  if (!value || value.includes('/') || value === '.' || value === '..' || value.startsWith('-') || /[\0\n\r]/.test(value)) {
    throw new UsageError(`${what} must be one directory name under /home (no \`/\`, not \`..\`, not starting with \`-\`), got \`${value}\``);
  }
  return value;
}
