/**
 * Precise plans for a changed cluster.yaml (when the base of the change is known): compare the file at the base and
 * at the head and plan only what changed. A hub whose entry changed (or that is new) is planned; the support chart
 * when its section changed; the whole cluster (support and every hub, as without a base) when anything else changed
 * (name, provider, the provider's access settings...). A hub the head no longer lists is reported: its release stays
 * on the cluster until someone removes it. A renamed hub is a removal plus an addition.
 */
import path from 'node:path';
import { parse } from 'yaml';
import { runTool } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';

export interface ClusterYamlDiff {
  /** Something outside `hubs` and `support` changed: plan the whole cluster. */
  whole: boolean;
  /** The `support` section changed. */
  support: boolean;
  /** Hubs whose entry changed, or that are new. */
  hubs: Set<string>;
  /** Hubs the base lists and the head does not. */
  removed: string[];
}

/** Plain-data equality (YAML values: maps, lists, scalars), key order ignored. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isMap(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
const isDeepStrictEqual = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hubsByName(doc: Record<string, unknown>): Map<string, unknown> | undefined {
  const hubs = doc.hubs ?? [];
  if (!Array.isArray(hubs)) return undefined;
  const out = new Map<string, unknown>();
  for (const h of hubs) {
    if (!isMap(h) || typeof h.name !== 'string' || out.has(h.name)) return undefined; // not comparable: plan it all
    out.set(h.name, h);
  }
  return out;
}

/**
 * Compare two parsed cluster.yaml documents. Anything not comparable (not a mapping, hubs not a list of named
 * entries, duplicate names) plans the whole cluster: a precise plan is never less than the safe one when in doubt.
 */
export function compareClusterYaml(base: unknown, head: unknown): ClusterYamlDiff {
  const all: ClusterYamlDiff = { whole: true, support: true, hubs: new Set(), removed: [] };
  if (!isMap(base) || !isMap(head)) return all;
  const before = hubsByName(base);
  const after = hubsByName(head);
  if (!before || !after) return all;
  const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
  keys.delete('hubs');
  keys.delete('support');
  const whole = [...keys].some((k) => !isDeepStrictEqual(base[k], head[k]));
  const hubs = new Set([...after].filter(([name, entry]) => !isDeepStrictEqual(before.get(name), entry)).map(([name]) => name));
  const removed = [...before.keys()].filter((n) => !after.has(n)).sort();
  return { whole, support: whole || !isDeepStrictEqual(base.support, head.support), hubs, removed };
}

/** `git show <base>:<file>` of a config-root-relative path; undefined when the file did not exist at the base. */
export async function fileAtRef(configRoot: string, ref: string, rel: string): Promise<string | undefined> {
  const git = toolPath('git');
  const top = (await runTool(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000 })).stdout.trim();
  const inRepo = path.relative(top, path.resolve(configRoot, rel)).split(path.sep).join('/');
  const r = await runTool(git, ['show', `${ref}:${inRepo}`], { cwd: top, timeoutMs: 60_000, allowFailure: true, maxBuffer: 64 * 1024 * 1024 });
  return r.code === 0 ? r.stdout : undefined;
}

/** Reads a config-root-relative file as it was at the base; undefined when it did not exist there. */
export type BaseReader = (rel: string) => Promise<string | undefined>;

/** A reader of the base through git (`git show <ref>:<file>`). */
export function gitBaseReader(configRoot: string, ref: string): BaseReader {
  return (rel) => fileAtRef(configRoot, ref, rel);
}

/**
 * The precise diff of a changed cluster.yaml: its base version against the head's parsed value. Undefined when the
 * base cannot be read or parsed (a new cluster, a broken base file, no git): plan the whole cluster.
 */
export async function clusterYamlDiff(readBase: BaseReader, rel: string, head: unknown): Promise<ClusterYamlDiff | undefined> {
  let text: string | undefined;
  try {
    text = await readBase(rel);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  let base: unknown;
  try {
    base = parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  return compareClusterYaml(base, head);
}
