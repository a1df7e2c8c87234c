/**
 * Helm values as layers: each values file (chart defaults first, then the hub's files in order) parsed once per run
 * with positions, merged the way helm merges them (maps deep-merge, anything else is replaced by the later file, a
 * null deletes), and the question validation needs answered: which file set the value at this path, and where.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { isSecretFile, type ValuesFile } from '../repo/index.js';
import { readYamlFile, type PathSegment, type Position, type YamlFile } from '../yaml/index.js';
import type { ValidationContext } from './context.js';
import { jsonnetSource } from '../helm/jsonnet.js';
import { isJsonnetFile, jsonnetRenderKey, renderJsonnetValues, type JsonnetVars } from './jsonnet.js';

export interface ValuesLayer {
  /** The file as findings name it (config-root relative). */
  display: string;
  value: Record<string, unknown>;
  /** Positions (YAML/JSON files); absent for rendered jsonnet, which is located at line 1 of the jsonnet file. */
  yaml?: YamlFile;
  /** The file helm gets (`--values`); absent for chart defaults (helm reads them from the chart). */
  helmFile?: string;
  /**
   * Where the file's content sits in the combined values (a subchart's own values.yaml sits under its key): `value`
   * is already wrapped under it; positions in `yaml` are relative to the file.
   */
  mount?: PathSegment[];
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse a YAML/JSON file once per run. */
export function parsedFile(ctx: ValidationContext, abs: string, display: string): Promise<YamlFile> {
  return ctx.memo(`yaml:${abs}`, () => readYamlFile(abs, display));
}

function asMapping(y: YamlFile): Record<string, unknown> {
  if (y.value === undefined || y.value === null) return {};
  if (!isPlainObject(y.value)) {
    throw new DeployerError(`a values file must be a mapping of keys to values, but this one is ${Array.isArray(y.value) ? 'a list' : `a ${typeof y.value}`}`, {
      file: y.file,
      ...y.locate([]),
    });
  }
  return y.value;
}

/** The chart's own values.yaml as the first layer (absent when the chart has none). */
export async function chartDefaultsLayer(ctx: ValidationContext, chartDir: string, display: string): Promise<ValuesLayer | undefined> {
  const abs = path.join(chartDir, 'values.yaml');
  if (!existsSync(abs)) return undefined;
  const y = await parsedFile(ctx, abs, display);
  return { display, value: asMapping(y), yaml: y };
}

/**
 * Load one non-secret values file of a hub or the support chart. YAML and JSON are parsed with positions; `*.jsonnet`
 * is rendered with the hub's context (`vars`). Faults are located DeployerErrors.
 */
export async function loadValuesLayer(ctx: ValidationContext, vf: ValuesFile, vars: JsonnetVars): Promise<ValuesLayer> {
  if (vf.secret) throw new Error(`internal: secret file ${vf.display} must not be loaded by validation`);
  if (isJsonnetFile(vf.abs)) {
    // once per run per file content and the ext vars it reads
    const key = jsonnetRenderKey(vf.abs, jsonnetSource(vf.abs), vars);
    return ctx.memo(key, async () => {
      const dir = await ctx.tmpDir();
      const out = path.join(dir, `${ctx.stats.renders + Math.random().toString(36).slice(2)}-${path.basename(vf.abs, '.jsonnet')}.json`);
      const value = await renderJsonnetValues(ctx.jsonnet(), vf.abs, vf.display, vars, out, ctx.options.env);
      if (!isPlainObject(value)) {
        throw new DeployerError('the jsonnet values file must evaluate to an object', { file: vf.display, line: 1, col: 1 });
      }
      return { display: vf.display, value, helmFile: out };
    });
  }
  const y = await parsedFile(ctx, vf.abs, vf.display);
  const value = asMapping(y);
  if ('sops' in value && isPlainObject(value.sops)) {
    throw new DeployerError(
      'this file is sops-encrypted (it has a top-level `sops` key) but its name does not contain `secret`, so deploy would pass the encrypted text to helm',
      { file: vf.display, ...y.locateKey(['sops']), hint: `rename it so its basename contains "secret" (e.g. enc-${path.basename(vf.abs)}) and update cluster.yaml` },
    );
  }
  return { display: vf.display, value, yaml: y, helmFile: vf.abs };
}

/** Merge values as helm does: maps deep-merge, other values are replaced, null deletes the key. */
export function mergeValues(layers: unknown[]): Record<string, unknown> {
  const merge = (base: unknown, over: unknown): unknown => {
    if (isPlainObject(base) && isPlainObject(over)) {
      const out: Record<string, unknown> = { ...base };
      for (const [k, v] of Object.entries(over)) {
        if (v === null) delete out[k];
        else out[k] = merge(base[k], v);
      }
      return out;
    }
    return over === undefined ? base : over;
  };
  let acc: unknown = {};
  for (const l of layers) acc = merge(acc, l);
  return isPlainObject(acc) ? acc : {};
}

/** The value at `p` inside `v`, or undefined. */
export function getPath(v: unknown, p: PathSegment[]): unknown {
  let node = v;
  for (const seg of p) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isPlainObject(node) && Object.hasOwn(node, String(seg))) node = node[String(seg)];
    else return undefined;
  }
  return node;
}

/** Does `v` hold something at `p`? (null counts: it is set, to null.) */
export function hasPath(v: unknown, p: PathSegment[]): boolean {
  let node = v;
  for (const seg of p) {
    if (Array.isArray(node) && typeof seg === 'number' && seg < node.length) node = node[seg];
    else if (isPlainObject(node) && Object.hasOwn(node, String(seg))) node = node[String(seg)];
    else return false;
  }
  return true;
}

/**
 * Which layer the merged value at `p` comes from: the last layer that sets `p` (or that replaces an ancestor of `p`
 * with a non-mapping, e.g. a list); when no layer sets `p` itself (a missing required key, say), the last layer that
 * sets the deepest ancestor.
 */
export function ownerOf(layers: ValuesLayer[], p: PathSegment[]): { layer: ValuesLayer; depth: number } | undefined {
  let best: { layer: ValuesLayer; depth: number } | undefined;
  for (const layer of layers) {
    let node: unknown = layer.value;
    let depth = 0;
    let replaces = false;
    for (const seg of p) {
      if (isPlainObject(node) && Object.hasOwn(node, String(seg))) node = node[String(seg)];
      else if (Array.isArray(node) && typeof seg === 'number' && seg < node.length) {
        // A list is never merged: the layer that holds it owns everything inside it.
        replaces = true;
        node = node[seg];
      } else break;
      depth++;
    }
    if (depth === 0 && p.length > 0) continue;
    // Stopped at a list or a scalar above the path: this layer replaced the subtree that holds the path.
    if (depth < p.length && !isPlainObject(node)) replaces = true;
    if (depth === p.length || replaces) best = { layer, depth };
    else if (!best || depth >= best.depth) best = { layer, depth };
  }
  return best;
}

/** Where to point for the value at `p`, in the layer that set it. `atKey`: the key rather than the value. */
export function locateInLayers(
  layers: ValuesLayer[],
  p: PathSegment[],
  atKey = false,
): { file: string; pos: Position } | undefined {
  const owner = ownerOf(layers, p);
  if (!owner) return undefined;
  const { layer } = owner;
  if (!layer.yaml) return { file: layer.display, pos: { line: 1, col: 1 } };
  const m = layer.mount?.length ?? 0;
  const pos = atKey && owner.depth === p.length ? layer.yaml.locateKey(p.slice(m)) : layer.yaml.locate(p.slice(m, owner.depth));
  return { file: layer.display, pos };
}

export { isSecretFile };
