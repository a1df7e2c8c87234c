/** Label selectors (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`) and field selectors (`path=v`, `path!=v`). */

export class SelectorError extends Error {}

type Req = (labels: Record<string, string>) => boolean;

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

export function parseLabelSelector(sel: string | null | undefined): Req {
  if (!sel) return () => true;
  const reqs: Req[] = [];
  for (const part of splitTopLevel(sel)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=,()]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const [, key, op, vals] = m;
      const set = vals.split(',').map((v) => v.trim());
      reqs.push(op === 'in' ? (l) => key in l && set.includes(l[key]) : (l) => !(key in l) || !set.includes(l[key]));
    } else if ((m = part.match(/^([^\s!=]+)\s*!=\s*(\S*)$/))) {
      const [, key, val] = m;
      reqs.push((l) => l[key] !== val);
    } else if ((m = part.match(/^([^\s!=]+)\s*==?\s*(\S*)$/))) {
      const [, key, val] = m;
      reqs.push((l) => l[key] === val);
    } else if ((m = part.match(/^!\s*([^\s!=]+)$/))) {
      const key = m[1];
      reqs.push((l) => !(key in l));
    } else if ((m = part.match(/^([^\s!=()]+)$/))) {
      const key = m[1];
      reqs.push((l) => key in l);
    } else {
      throw new SelectorError(`unable to parse requirement: ${JSON.stringify(part)}`);
    }
  }
  return (labels) => reqs.every((r) => r(labels ?? {}));
}

function pathValue(obj: any, path: string): string {
  let cur = obj;
  for (const p of path.split('.')) cur = cur?.[p];
  return cur === undefined || cur === null ? '' : String(cur);
}

export function parseFieldSelector(sel: string | null | undefined): (obj: any) => boolean {
  if (!sel) return () => true;
  const reqs: Array<(o: any) => boolean> = [];
  for (const part of sel.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = part.match(/^([A-Za-z0-9_.]+)\s*(!=|==|=)\s*(.*)$/);
    if (!m) throw new SelectorError(`invalid field selector ${JSON.stringify(part)}`);
    const [, path, op, val] = m;
    reqs.push(op === '!=' ? (o) => pathValue(o, path) !== val : (o) => pathValue(o, path) === val);
  }
  return (o) => reqs.every((r) => r(o));
}
