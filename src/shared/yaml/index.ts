/**
 * YAML with source positions, computed only when asked for. `parseYaml` reads the plain value fast first (fast.ts, a
 * reader of the plain subset config files use, exact or declining); positions come from the `yaml` package (YAML 1.2
 * core schema, LineCounter), parsed lazily the first time an error must be located. Text outside the fast subset is
 * parsed by the `yaml` package at once, and every fault in it is a DeployerError at its line and column: a syntax
 * error, a duplicate key (as upstream's ruamel safe loader; checked in linear time, the package's own check is
 * quadratic), an alias bomb, a file over the size limit. Nothing is ever lost: the fast reader declines anything it
 * does not handle exactly.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { DeployerError } from '../errors.js';
import { fastParse } from './fast.js';

/** Largest YAML file read (bytes). Real cluster.yaml and values files are a few KB; a larger one is a mistake or an attack. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
/** Most aliases resolved in one document (the `yaml` package's guard against an alias bomb). */
export const MAX_YAML_ALIASES = 1000;

export type PathSegment = string | number;

export interface Position {
  line: number;
  col: number;
}

export interface YamlFile {
  /** The path as it should appear in messages (relative to config-root where known). */
  file: string;
  text: string;
  /** The plain JavaScript value of the document (undefined for an empty file). */
  value: unknown;
  /** Where the value at `path` starts; falls back to the nearest ancestor that exists; 1:1 for the root. */
  locate(path: PathSegment[] | string): Position;
  /** Where the *key* of the value at `path` starts (better for "unknown key" messages). */
  locateKey(path: PathSegment[] | string): Position;
}

/** Split a JSON pointer (`/hubs/0/name`) into segments, unescaping `~1` and `~0`. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export function pathToPointer(path: PathSegment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

interface Found {
  node: Node | null;
  keyNode: Node | null;
}

function walk(doc: Document, path: PathSegment[]): Found[] {
  const trail: Found[] = [{ node: doc.contents as Node | null, keyNode: null }];
  let node = doc.contents as Node | null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = (pair.value as Node | null) ?? null;
      trail.push({ node, keyNode: pair.key as Node });
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) break;
      node = item;
      trail.push({ node, keyNode: null });
    } else break;
  }
  return trail;
}

function tooLarge(file: string, bytes: number): DeployerError {
  return new DeployerError(`file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, larger than the ${MAX_YAML_BYTES / 1024 / 1024} MiB limit for YAML files`, {
    file,
    line: 1,
    col: 1,
    hint: 'config and values files are a few KB; split the file or remove what does not belong in it',
  });
}

interface Composed {
  doc: Document;
  lineCounter: LineCounter;
}

/** Compose the document with positions; any fault is a located DeployerError. */
function compose(text: string, file: string): Composed {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the package's check compares every key with every other (10k keys 1 s, 300k > 2 min); ours is linear
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2' });
  const locate = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = locate(err.pos[0]);
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new DeployerError(`YAML syntax error: ${reason}`, {
      file,
      line: pos.line,
      col: pos.col,
      hint: 'fix the YAML syntax at this position (check indentation, quoting and colons)',
    });
  }
  let duplicate: { key: string; at: number; first: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const k = `${typeof pair.key.value}:${String(pair.key.value)}`;
        const first = seen.get(k);
        if (first !== undefined) {
          duplicate = { key: String(pair.key.value), at: pair.key.range?.[0] ?? 0, first };
          return visit.BREAK;
        }
        seen.set(k, pair.key.range?.[0] ?? 0);
      }
      return undefined;
    },
  });
  if (duplicate) {
    const pos = locate(duplicate.at);
    const key = duplicate.key.length > 80 ? `${duplicate.key.slice(0, 80)}...` : duplicate.key;
    throw new DeployerError(`YAML syntax error: duplicate key \`${key}\` (first at line ${locate(duplicate.first).line})`, {
      file,
      line: pos.line,
      col: pos.col,
      hint: 'a mapping may hold each key once: remove or merge one of them',
    });
  }
  return { doc, lineCounter };
}

/** The plain value of a composed document; an alias bomb is a located DeployerError at the first alias. */
function toValue(c: Composed, file: string): unknown {
  try {
    return c.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    let at = 0;
    visit(c.doc, {
      Alias(_, node) {
        if (isAlias(node)) at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const pos = c.lineCounter.linePos(at);
    throw new DeployerError(`YAML aliases expand too far (${e.message.split('\n')[0].replace(/\.$/, '')})`, {
      file,
      line: pos.line,
      col: pos.col,
      hint: `a document may resolve at most ${MAX_YAML_ALIASES} aliases; write the values out instead of nesting aliases`,
    });
  }
}

export function parseYaml(text: string, file: string): YamlFile {
  if (text.length > MAX_YAML_BYTES / 4 && Buffer.byteLength(text) > MAX_YAML_BYTES) throw tooLarge(file, Buffer.byteLength(text));
  const fast = fastParse(text);
  let composed: Composed | undefined;
  let value: unknown;
  if (fast === undefined) {
    composed = compose(text, file);
    value = toValue(composed, file);
  } else value = fast;
  // positions are composed only when a message needs one (the fast reader accepted the text, so this cannot fail)
  const positions = () => (composed ??= compose(text, file));
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, col: 1 };
    const p = positions().lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const asPath = (p: PathSegment[] | string) => (typeof p === 'string' ? pointerToPath(p) : p);
  return {
    file,
    text,
    value,
    locate(path) {
      const trail = walk(positions().doc, asPath(path));
      for (let i = trail.length - 1; i >= 0; i--) {
        const { node, keyNode } = trail[i];
        if (node?.range) return at(node.range[0]);
        if (keyNode?.range) return at(keyNode.range[0]);
      }
      return { line: 1, col: 1 };
    },
    locateKey(path) {
      const segs = asPath(path);
      const trail = walk(positions().doc, segs);
      const last = trail[trail.length - 1];
      if (trail.length === segs.length + 1 && last.keyNode?.range) return at(last.keyNode.range[0]);
      return this.locate(segs);
    },
  };
}

/** Read and parse a YAML file. `displayPath` is what messages call it. Missing files are a located DeployerError. */
export async function readYamlFile(absPath: string, displayPath = absPath): Promise<YamlFile> {
  return parseYaml(readYamlText(absPath, displayPath), displayPath);
}

/**
 * The text of a YAML file, size-checked before it is read. Synchronous on purpose: config files are small and cached,
 * and one open/fstat/read/close per file is much cheaper than the promise machinery when a plan reads thousands.
 */
export function readYamlText(absPath: string, displayPath = absPath): string {
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_YAML_BYTES) throw tooLarge(displayPath, size);
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (e instanceof DeployerError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DeployerError(code === 'ENOENT' ? 'file does not exist' : `cannot read file (${code ?? String(e)})`, {
      file: displayPath,
      hint: code === 'ENOENT' ? 'create the file or correct the path that refers to it' : undefined,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The document must be a non-empty mapping (cluster.yaml, values files). */
export function expectMapping(y: YamlFile, what: string): Record<string, unknown> {
  if (y.value === undefined || y.value === null) {
    throw new DeployerError(`${what} is empty`, { file: y.file, line: 1, col: 1, hint: `write the ${what} as a YAML mapping` });
  }
  if (typeof y.value !== 'object' || Array.isArray(y.value)) {
    const kind = Array.isArray(y.value) ? 'a list' : `a ${typeof y.value}`;
    throw new DeployerError(`${what} must be a mapping of keys to values, but it is ${kind}`, {
      file: y.file,
      ...y.locate([]),
      hint: `write the ${what} as \`key: value\` lines at the top level`,
    });
  }
  return y.value as Record<string, unknown>;
}
