/**
 * A fast reader for the plain subset of YAML that config files are written in: block mappings and sequences, plain
 * and quoted one-line scalars, `[a, b]` lists of plain scalars, empty `[]`/`{}`, comments. It builds the plain value
 * directly, without the document model and positions the `yaml` package composes (which dominated a plan: issue 16).
 *
 * It is exact or it declines: `fastParse` returns `undefined` for anything outside the subset (anchors, aliases,
 * tags, block scalars, multi-line or escaped scalars, flow mappings, duplicate or non-string keys, tabs, CR, document
 * markers, unexpected indentation, a key the YAML 1.2 core schema would not read as a string...), and the caller then
 * parses with the `yaml` package, which reports any error with its position. On what it accepts, it returns exactly
 * the value the `yaml` package returns (YAML 1.2 core schema): test/repo/fast-yaml.test.ts checks that differentially.
 */

const DECLINE = Symbol('decline');
type Decline = typeof DECLINE;

interface Line {
  indent: number;
  /** The line without its indentation (comment-only and blank lines are dropped). */
  text: string;
}

/** Plain keys the fast reader accepts (a superset of what config files use); anything else declines. */
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** The core schema's other non-string forms (octal, hexadecimal, infinities, NaN): declined, left to the full parser. */
const OTHER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters that may not start a plain scalar here (YAML indicators), or that we leave to the full parser. */
const BAD_START = new Set(['&', '*', '!', '|', '>', '%', '@', '`', '{', '}', ']', ',', '#', '?', ':']);

/** Resolve a plain scalar as the YAML 1.2 core schema does. */
function plainScalar(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s) || FLOAT_EXP.test(s)) return parseFloat(s);
  if (OTHER.test(s)) return DECLINE;
  return s;
}

/** A key is a plain scalar that the core schema reads as a string (and not one that is special to JavaScript). */
function keyOk(k: string): boolean {
  return k.length <= 1024 && KEY.test(k) && typeof plainScalar(k) === 'string' && k !== '__proto__';
}

/** The text after a value on the same line must be empty or a comment. */
function restIsComment(rest: string): boolean {
  return rest === '' || /^\s+(#.*)?$/.test(rest);
}

/** An inline value: a quoted or plain scalar, or a simple flow sequence. */
function inlineValue(v: string): unknown {
  const c = v[0];
  if (c === '"') {
    const end = v.indexOf('"', 1);
    if (end < 0) return DECLINE;
    const body = v.slice(1, end);
    if (body.includes('\\')) return DECLINE;
    return restIsComment(v.slice(end + 1)) ? body : DECLINE;
  }
  if (c === "'") {
    let out = '';
    let i = 1;
    for (;;) {
      const q = v.indexOf("'", i);
      if (q < 0) return DECLINE;
      out += v.slice(i, q);
      if (v[q + 1] === "'") {
        out += "'";
        i = q + 2;
        continue;
      }
      return restIsComment(v.slice(q + 1)) ? out : DECLINE;
    }
  }
  // strip a trailing comment (`#` after whitespace)
  const hash = v.search(/\s#/);
  const s = (hash >= 0 ? v.slice(0, hash) : v).trimEnd();
  if (c === '[') {
    if (!s.endsWith(']')) return DECLINE;
    const inner = s.slice(1, -1);
    if (inner.trim() === '') return [];
    if (/[[\]{}"'#&*!|>:`@%]/.test(inner)) return DECLINE;
    const items: unknown[] = [];
    for (const raw of inner.split(',')) {
      const item = raw.trim();
      if (item === '' || BAD_START.has(item[0]) || (item[0] === '-' && (item.length === 1 || item[1] === ' '))) return DECLINE;
      const val = plainScalar(item);
      if (val === DECLINE) return DECLINE;
      items.push(val);
    }
    return items;
  }
  if (c === '{') return /^\{\s*\}$/.test(s) ? {} : DECLINE;
  if (BAD_START.has(c) || (c === '-' && (s.length === 1 || s[1] === ' '))) return DECLINE;
  if (s.includes(': ') || s.endsWith(':')) return DECLINE;
  return plainScalar(s);
}

/** Split `key: rest` (rest may be empty); undefined when the line is not a mapping entry we accept. */
function splitKey(text: string): { key: string; rest: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ') return undefined;
  const key = text.slice(0, colon);
  if (!keyOk(key)) return undefined;
  return { key, rest: text.slice(colon + 1).trimStart() };
}

function isSeqItem(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ');
}

/** An empty rest or a rest that is only a comment: the value is on the following lines (or null). */
function noInlineValue(rest: string): boolean {
  return rest === '' || rest[0] === '#';
}

class Reader {
  i = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  block(indent: number): unknown {
    const line = this.lines[this.i];
    return isSeqItem(line.text) ? this.seq(indent) : this.map(indent);
  }

  /** The value of a key or item whose inline part was empty: a deeper block, a same-indent sequence, or null. */
  nested(parentIndent: number, allowSameIndentSeq: boolean): unknown {
    const next = this.lines[this.i];
    if (!next || next.indent < parentIndent) return null;
    if (next.indent > parentIndent) return this.block(next.indent);
    if (allowSameIndentSeq && isSeqItem(next.text)) return this.seq(parentIndent);
    return null;
  }

  /** After an inline value, the next line must not be deeper (that would be a multi-line scalar or an error). */
  noDeeper(indent: number): boolean {
    const next = this.lines[this.i];
    return !next || next.indent <= indent;
  }

  map(indent: number): unknown {
    const obj: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || isSeqItem(line.text)) return DECLINE;
      const kv = splitKey(line.text);
      if (!kv || Object.prototype.hasOwnProperty.call(obj, kv.key)) return DECLINE;
      this.i++;
      let value: unknown;
      if (noInlineValue(kv.rest)) value = this.nested(indent, true);
      else {
        value = inlineValue(kv.rest);
        if (!this.noDeeper(indent)) return DECLINE;
      }
      if (value === DECLINE) return DECLINE;
      obj[kv.key] = value;
    }
    return obj;
  }

  seq(indent: number): unknown {
    const arr: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent) return DECLINE;
      if (!isSeqItem(line.text)) break; // a key after a same-indent sequence: the enclosing mapping goes on
      const after = line.text.slice(1);
      const rest = after.trimStart();
      let value: unknown;
      if (noInlineValue(rest)) {
        this.i++;
        value = this.nested(indent, false);
        // a nested block of an item must be deeper than the dash
      } else if (isSeqItem(rest)) {
        return DECLINE;
      } else if (splitKey(rest)) {
        // `- key: value`: a mapping whose first line starts at the column after the dash
        const col = indent + 1 + (after.length - rest.length);
        this.lines[this.i] = { indent: col, text: rest };
        value = this.map(col);
      } else {
        this.i++;
        value = inlineValue(rest);
        if (!this.noDeeper(indent)) return DECLINE;
      }
      if (value === DECLINE) return DECLINE;
      arr.push(value);
    }
    return arr;
  }
}

/**
 * The value of `text`, or undefined when the text is outside the subset this reader handles exactly (the caller
 * then parses it with the `yaml` package). An empty document also returns undefined.
 */
export function fastParse(text: string): unknown {
  if (/[\t\r\0\uFEFF]/.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw[indent] === '#') continue;
    const t = raw.slice(indent).trimEnd();
    if (indent === 0 && (t.startsWith('---') || t.startsWith('...') || t[0] === '%')) return undefined;
    lines.push({ indent, text: t });
  }
  if (!lines.length) return undefined;
  const r = new Reader(lines);
  const value = r.block(lines[0].indent);
  if (value === DECLINE || r.i !== lines.length) return undefined;
  return value;
}
