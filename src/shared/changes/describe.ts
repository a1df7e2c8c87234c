/** How changes are shown to people: a table for the terminal and the summary, a markdown list for a PR body. */
import type { RepoChange } from './changeset.js';

export function changesTable(changes: RepoChange[]): { header: string[]; rows: string[][] } {
  return {
    header: ['file', 'change', 'encrypted', 'keys'],
    rows: changes.map((c) => [c.path, c.action, c.encrypted ? 'yes (sops)' : 'no', (c.keys ?? []).join(', ')]),
  };
}

/** Markdown bullet list: one line per file, with the key paths (never values) of encrypted files. */
export function describeChanges(changes: RepoChange[]): string {
  if (!changes.length) return '_No file changed._';
  return changes
    .map((c) => {
      const keys = c.keys?.length ? ` (keys: ${c.keys.map((k) => `\`${k}\``).join(', ')})` : '';
      return `- \`${c.path}\`: ${c.action}${c.encrypted ? ', sops-encrypted' : ''}${keys}`;
    })
    .join('\n');
}
