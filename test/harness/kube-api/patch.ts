/**
 * The three PATCH flavours the API server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
 * Kubernetes strategic merge patch (lists merged by their merge key, `$patch`, `$retainKeys`,
 * `$setElementOrder/…`, `$deleteFromPrimitiveList/…`). Merge keys are those of the built-in types that helm's
 * three-way patches touch.
 */

export class PatchError extends Error {}

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

// ---------- JSON merge patch ----------
export function mergePatch(target: any, patch: any): any {
  if (!isObj(patch)) return clone(patch);
  const out: Record<string, any> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// ---------- JSON patch ----------
function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, parts: string[]): [any, string] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : cur?.[p];
    if (cur === undefined || cur === null || typeof cur !== 'object') throw new PatchError(`path not found: /${parts.join('/')}`);
  }
  return [cur, parts[parts.length - 1]];
}

function getAt(doc: any, parts: string[]): any {
  let cur = doc;
  for (const p of parts) {
    if (cur === undefined || cur === null) return undefined;
    cur = Array.isArray(cur) ? cur[Number(p)] : cur[p];
  }
  return cur;
}

export function jsonPatch(doc: any, ops: any[]): any {
  if (!Array.isArray(ops)) throw new PatchError('a JSON patch must be an array of operations');
  let root = clone(doc);
  for (const op of ops) {
    const parts = pointer(op.path ?? '');
    const add = (value: any) => {
      if (parts.length === 0) {
        root = clone(value);
        return;
      }
      const [parent, key] = parentOf(root, parts);
      if (Array.isArray(parent)) {
        const i = key === '-' ? parent.length : Number(key);
        if (!(i >= 0 && i <= parent.length)) throw new PatchError(`index out of range: ${op.path}`);
        parent.splice(i, 0, clone(value));
      } else parent[key] = clone(value);
    };
    const remove = (): any => {
      const [parent, key] = parentOf(root, parts);
      if (Array.isArray(parent)) {
        const i = Number(key);
        if (!(i >= 0 && i < parent.length)) throw new PatchError(`index out of range: ${op.path}`);
        return parent.splice(i, 1)[0];
      }
      if (!(key in parent)) throw new PatchError(`path not found: ${op.path}`);
      const v = parent[key];
      delete parent[key];
      return v;
    };
    switch (op.op) {
      case 'add':
        add(op.value);
        break;
      case 'remove':
        remove();
        break;
      case 'replace':
        if (parts.length === 0) root = clone(op.value);
        else {
          remove();
          add(op.value);
        }
        break;
      case 'move': {
        const from = pointer(op.from);
        const [fp, fk] = parentOf(root, from);
        const v = Array.isArray(fp) ? fp.splice(Number(fk), 1)[0] : fp[fk];
        if (!Array.isArray(fp)) delete fp[fk];
        add(v);
        break;
      }
      case 'copy':
        add(getAt(root, pointer(op.from)));
        break;
      case 'test':
        if (JSON.stringify(getAt(root, parts)) !== JSON.stringify(op.value)) throw new PatchError(`test failed at ${op.path}`);
        break;
      default:
        throw new PatchError(`unknown JSON patch op ${JSON.stringify(op.op)}`);
    }
  }
  return root;
}

// ---------- strategic merge patch ----------
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  secrets: 'name',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};
/** Primitive lists with patchStrategy merge. */
const PRIMITIVE_MERGE = new Set(['finalizers']);

function mergeKeyFor(field: string, items: any[]): string | undefined {
  if (field === 'ports') {
    // container ports merge on containerPort, service ports on port
    return items.some((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}

function stripDirectives(v: any): any {
  if (Array.isArray(v)) return v.filter((i) => !(isObj(i) && '$patch' in i && Object.keys(i).length === 1)).map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Record<string, any> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}

function mergeList(field: string, orig: any, patch: any[]): any[] {
  const original: any[] = Array.isArray(orig) ? orig : [];
  const replaceDirective = patch.some((i) => isObj(i) && i.$patch === 'replace');
  if (replaceDirective) return stripDirectives(patch.filter((i) => !(isObj(i) && i.$patch === 'replace')));
  if (patch.every((i) => !isObj(i))) {
    if (!PRIMITIVE_MERGE.has(field)) return clone(patch);
    const out = [...original];
    for (const i of patch) if (!out.includes(i)) out.push(i);
    return out;
  }
  const key = mergeKeyFor(field, [...original, ...patch]);
  if (!key) return stripDirectives(patch);
  const out = original.map((i) => clone(i));
  for (const item of patch) {
    if (!isObj(item)) continue;
    const idx = out.findIndex((o) => isObj(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], item);
    else out.push(stripDirectives(item));
  }
  return out;
}

function orderBy(list: any[], order: any[], key: string | undefined): any[] {
  const keyOf = (i: any) => (key && isObj(i) ? i[key] : i);
  const orderKeys = order.map((o) => keyOf(o));
  const ranked = list.map((item, pos) => {
    const r = orderKeys.findIndex((k) => JSON.stringify(k) === JSON.stringify(keyOf(item)));
    return { item, rank: r < 0 ? Number.MAX_SAFE_INTEGER : r, pos };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.pos - b.pos);
  return ranked.map((r) => r.item);
}

export function strategicMerge(orig: any, patch: any): any {
  if (!isObj(patch)) return clone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, any> = isObj(orig) ? { ...orig } : {};
  const orders: Array<[string, any[]]> = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v]);
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(v)) out[f] = out[f].filter((x: any) => !v.includes(x));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isObj(v)) {
      const m = strategicMerge(out[k], v);
      if (m === undefined) delete out[k];
      else out[k] = m;
    } else out[k] = v;
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const k of Object.keys(out)) if (!patch.$retainKeys.includes(k)) delete out[k];
  }
  for (const [field, order] of orders) {
    if (Array.isArray(out[field])) out[field] = orderBy(out[field], order, mergeKeyFor(field, out[field]));
  }
  return out;
}
