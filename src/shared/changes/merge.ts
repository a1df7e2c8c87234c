/**
 * Deep merge of a patch into a document that keeps every unrelated key at every depth, and refuses a merge that
 * would lose content. Messages name key paths, never values (the values are secrets).
 *
 * Rules, per key of the patch:
 * - absent in the document: added;
 * - both mappings: merged recursively;
 * - deep-equal: nothing changes;
 * - both scalars (string, number, boolean): the value is updated (the caller asked for it), unless `keepValues`;
 * - a list replaced by a list that keeps every old item: updated; one that drops an item loses content: refused;
 * - anything else (a mapping replaced by a scalar or a list, a scalar by a mapping, a value by null): refused.
 */
import { DeployerError } from '../errors.js';

export type KeyPath = string[];

export interface MergeResult {
  merged: Record<string, unknown>;
  added: KeyPath[];
  updated: KeyPath[];
}

export interface MergeOptions {
  /** Refuse to change an existing scalar value (default false: scalar values are updated). */
  keepValues?: boolean;
  /** How messages name the file. */
  display?: string;
}

/**
 * Structural equality of parsed documents (mappings by keys, lists by items, scalars by value). Unlike
 * util.isDeepStrictEqual it ignores prototypes, so documents made by different parsers (or realms) compare by content.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (isMapping(a) && isMapping(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function formatKeyPath(p: KeyPath): string {
  return p.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isMapping(v)) return 'a mapping';
  return 'a value';
}

/** Leaf key paths of a document (for "what changed" lists: keys only). */
export function leafPaths(doc: unknown, prefix: KeyPath = []): KeyPath[] {
  if (isMapping(doc)) {
    const keys = Object.keys(doc);
    if (keys.length === 0) return prefix.length ? [prefix] : [];
    return keys.flatMap((k) => leafPaths(doc[k], [...prefix, k]));
  }
  return [prefix];
}

export function deepMerge(doc: Record<string, unknown>, patch: Record<string, unknown>, options: MergeOptions = {}): MergeResult {
  const added: KeyPath[] = [];
  const updated: KeyPath[] = [];
  const refused: string[] = [];
  const walk = (base: Record<string, unknown>, p: Record<string, unknown>, at: KeyPath): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(p)) {
      const here = [...at, k];
      if (v === undefined) continue;
      if (!(k in base) || base[k] === undefined) {
        out[k] = structuredClone(v);
        added.push(...leafPaths(v, here));
        continue;
      }
      const old = base[k];
      if (sameData(old, v)) continue;
      if (isMapping(old) && isMapping(v)) {
        out[k] = walk(old, v, here);
      } else if (isScalar(old) && isScalar(v)) {
        if (options.keepValues) refused.push(`${formatKeyPath(here)} already has a different value`);
        else {
          out[k] = v;
          updated.push(here);
        }
      } else if (Array.isArray(old) && Array.isArray(v)) {
        const lost = old.filter((item) => !v.some((n) => sameData(n, item)));
        if (lost.length) refused.push(`${formatKeyPath(here)}: the new list drops ${lost.length} item(s) of the existing one`);
        else {
          out[k] = structuredClone(v);
          updated.push(here);
        }
      } else {
        refused.push(`${formatKeyPath(here)} is ${kind(old)} in the file and ${kind(v)} in the change`);
      }
    }
    return out;
  };
  if (!isMapping(patch)) throw new DeployerError(`a merge into ${options.display ?? 'an encrypted file'} needs a mapping, got ${kind(patch)}`);
  const merged = walk(doc, patch, []);
  if (refused.length) {
    throw new DeployerError(`refusing to merge into ${options.display ?? 'the encrypted file'}: the change would lose content:\n  - ${refused.join('\n  - ')}`, {
      file: options.display,
      hint: 'nothing was written; remove or rename the conflicting keys by hand (sops edit), or change a different key',
    });
  }
  return { merged, added, updated };
}

/**
 * Remove the key at `keyPath`; ancestors that become empty mappings because of it are removed too (nothing else is
 * pruned). Returns the new document and whether the key was there.
 */
export function deleteKeyPath(doc: Record<string, unknown>, keyPath: KeyPath): { doc: Record<string, unknown>; removed: boolean } {
  if (!keyPath.length) throw new DeployerError('deleting a key needs a non-empty key path');
  const copy = structuredClone(doc);
  const chain: Record<string, unknown>[] = [copy];
  let node: unknown = copy;
  for (const k of keyPath.slice(0, -1)) {
    if (!isMapping(node) || !isMapping(node[k])) return { doc, removed: false };
    node = node[k];
    chain.push(node as Record<string, unknown>);
  }
  const last = keyPath[keyPath.length - 1];
  if (!isMapping(node) || !(last in node)) return { doc, removed: false };
  delete node[last];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]).length) break;
    delete chain[i - 1][keyPath[i - 1]];
  }
  return { doc: copy, removed: true };
}

/** The value at `keyPath`, or undefined. */
export function getKeyPath(doc: unknown, keyPath: KeyPath): unknown {
  let node = doc;
  for (const k of keyPath) {
    if (!isMapping(node)) return undefined;
    node = node[k];
  }
  return node;
}
