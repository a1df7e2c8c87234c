/**
 * Server-side apply, simplified: per object and field manager, the set of field paths the manager last applied.
 * Applying again removes the fields that manager applied before and no longer sends, keeps fields set by anyone
 * else (another manager, kubectl's client-side apply annotation, the server), and merges the applied fields in.
 * Maps merge key by key; lists and scalars are atomic (real SSA merges associative lists by key, which helm's
 * whole-manifest applies never need).
 */

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf paths of an applied config (maps recurse; lists and scalars are leaves). */
export function leafPaths(v: any, prefix: string[] = [], out: string[][] = []): string[][] {
  if (isObj(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...prefix, k], out);
  } else if (prefix.length > 0) out.push(prefix);
  return out;
}

const SERVER_META = new Set(['uid', 'creationTimestamp', 'resourceVersion', 'generation', 'managedFields', 'selfLink']);

function removePath(obj: any, path: string[]): void {
  if (path[0] === 'metadata' && SERVER_META.has(path[1] ?? '')) return;
  const parents: any[] = [obj];
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    if (!isObj(cur?.[p])) return;
    cur = cur[p];
    parents.push(cur);
  }
  delete cur[path[path.length - 1]];
  // drop maps left empty by the removal
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i];
    const child = parent[path[i]];
    if (isObj(child) && Object.keys(child).length === 0) delete parent[path[i]];
    else break;
  }
}

function deepMerge(base: any, applied: any): any {
  if (!isObj(applied)) return structuredClone(applied);
  const out: Record<string, any> = isObj(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(applied)) out[k] = v === null ? null : deepMerge(out[k], v);
  return out;
}

const key = (p: string[]) => JSON.stringify(p);

/**
 * The object after `manager` applies `applied` to `existing`; `owned` is what this manager applied last time
 * (undefined: nothing). Returns the new object and the manager's new field set.
 */
export function serverSideApply(existing: any, applied: any, owned: string[][] | undefined): { result: any; owned: string[][] } {
  const nowOwned = leafPaths(applied).filter((p) => !(p[0] === 'status') && !(p[0] === 'metadata' && SERVER_META.has(p[1] ?? '')));
  const keep = new Set(nowOwned.map(key));
  const result = structuredClone(existing);
  for (const p of owned ?? []) if (!keep.has(key(p))) removePath(result, p);
  const { status: _s, ...rest } = applied;
  return { result: deepMerge(result, rest), owned: nowOwned };
}
