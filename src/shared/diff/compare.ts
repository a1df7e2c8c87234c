/** Object-by-object comparison of two renders of a release: added, removed and changed objects with unified diffs. */
import { structuredPatch } from 'diff';
import type { ManifestObject } from './objects.js';

export interface ObjectChange {
  /** `Kind/namespace/name`. */
  key: string;
  change: 'added' | 'removed' | 'changed';
  /** The template it comes from, when helm said. */
  source?: string;
  /** Unified diff of the object's YAML (`---`/`+++` header, hunks with 3 lines of context). */
  patch: string;
  added: number;
  removed: number;
}

function unified(key: string, before: string, after: string): { patch: string; added: number; removed: number } {
  const p = structuredPatch(`a/${key}`, `b/${key}`, before, after, '', '', { context: 3 });
  let added = 0;
  let removed = 0;
  const lines = [`--- a/${key}`, `+++ b/${key}`];
  for (const h of p.hunks) {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const l of h.lines) {
      if (l.startsWith('+')) added++;
      else if (l.startsWith('-')) removed++;
      if (l.startsWith('\\')) continue; // "\ No newline at end of file": noise here
      lines.push(l);
    }
  }
  return { patch: lines.join('\n'), added, removed };
}

/** Compare two object lists (base, head), sorted by key. */
export function compareObjects(base: ManifestObject[], head: ManifestObject[]): ObjectChange[] {
  const a = new Map(base.map((o) => [o.key, o]));
  const b = new Map(head.map((o) => [o.key, o]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: ObjectChange[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.text === y.text) continue;
    const u = unified(key, x?.text ?? '', y?.text ?? '');
    out.push({ key, change: !x ? 'added' : !y ? 'removed' : 'changed', source: (y ?? x)!.source, ...u });
  }
  return out;
}
