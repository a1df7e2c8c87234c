/**
 * YAML with source positions: parse a file with the `yaml` package (YAML 1.2 core schema, duplicate keys are errors,
 * as upstream's ruamel safe loader), keep the document and a LineCounter, and map a JSON pointer (or a path of keys)
 * to file:line:col. A syntax error becomes a DeployerError at the line and column of the fault.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { DeployerError } from '../errors.js';

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

export function parseYaml(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new DeployerError(`YAML syntax error: ${reason}`, {
      file,
      line: pos.line,
      col: pos.col,
      hint: 'fix the YAML syntax at this position (check indentation, quoting and colons)',
    });
  }
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, col: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const asPath = (p: PathSegment[] | string) => (typeof p === 'string' ? pointerToPath(p) : p);
  return {
    file,
    text,
    value: doc.toJS({ maxAliasCount: 1000 }),
    locate(path) {
      const trail = walk(doc, asPath(path));
      for (let i = trail.length - 1; i >= 0; i--) {
        const { node, keyNode } = trail[i];
        if (node?.range) return at(node.range[0]);
        if (keyNode?.range) return at(keyNode.range[0]);
      }
      return { line: 1, col: 1 };
    },
    locateKey(path) {
      const segs = asPath(path);
      const trail = walk(doc, segs);
      const last = trail[trail.length - 1];
      if (trail.length === segs.length + 1 && last.keyNode?.range) return at(last.keyNode.range[0]);
      return this.locate(segs);
    },
  };
}

/** Read and parse a YAML file. `displayPath` is what messages call it. Missing files are a located DeployerError. */
export async function readYamlFile(absPath: string, displayPath = absPath): Promise<YamlFile> {
  let text: string;
  try {
    text = await readFile(absPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DeployerError(code === 'ENOENT' ? 'file does not exist' : `cannot read file (${code ?? String(e)})`, {
      file: displayPath,
      hint: code === 'ENOENT' ? 'create the file or correct the path that refers to it' : undefined,
    });
  }
  return parseYaml(text, displayPath);
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
