/**
 * The cluster.yaml schema check: ajv compiled once per process, every error translated into a Finding located in the
 * YAML file (line and column of the offending key or value) with a readable message.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Finding } from '../findings.js';
import { pathToPointer, pointerToPath, type YamlFile } from '../yaml/index.js';
import schema from './cluster.schema.json' with { type: 'json' };

let compiled: ValidateFunction | undefined;

export function clusterSchema(): object {
  return schema;
}

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

function humanPath(path: (string | number)[]): string {
  return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : 'the top level';
}

/** Translate one ajv error into a Finding. Returns undefined for errors that only restate others (if/then, oneOf). */
function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function toFinding(err: ErrorObject, y: YamlFile): Finding | undefined {
  const path = pointerToPath(err.instancePath);
  const data = valueAt(y.value, path);
  const where = humanPath(path);
  const p = err.params as Record<string, unknown>;
  let message: string;
  let locPath = path;
  let atKey = false;
  switch (err.keyword) {
    case 'required':
      message = `missing required key \`${String(p.missingProperty)}\` in ${where}`;
      break;
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      locPath = [...path, key];
      atKey = true;
      const parent = (err.parentSchema ?? {}) as { properties?: Record<string, unknown> };
      const allowed = Object.keys(parent.properties ?? {}).join(', ');
      message = `unknown key \`${key}\` in ${where}${allowed ? ` (allowed: ${allowed})` : ''}`;
      break;
    }
    case 'enum':
      message = `${where} is ${JSON.stringify(data)}, which is not one of: ${(p.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'type':
      message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describeType(data)}`;
      break;
    case 'pattern':
      message = `${where} is ${JSON.stringify(data)}, which does not match the pattern ${String(p.pattern)}`;
      break;
    case 'minItems':
      message = `${where} must list at least ${String(p.limit)} item(s)`;
      break;
    case 'minLength':
      message = `${where} must not be empty`;
      break;
    case 'maxLength':
      message = `${where} is longer than ${String(p.limit)} characters`;
      break;
    case 'oneOf':
      message = `${where} is ${describeType(data)}, which is not a valid value here`;
      break;
    case 'if':
      return undefined;
    default:
      message = `${where} ${err.message ?? 'is invalid'}`;
  }
  const pos = atKey ? y.locateKey(locPath) : y.locate(locPath);
  return { file: y.file, line: pos.line, col: pos.col, path: pathToPointer(locPath), message, severity: 'error' };
}

/** Validate a parsed cluster.yaml against the schema. Every error is reported, in file order. */
export function checkClusterSchema(y: YamlFile): Finding[] {
  const validate = validator();
  if (validate(y.value)) return [];
  const errors = validate.errors ?? [];
  // A oneOf failure also reports each branch's failure; keep only the oneOf summary for that path.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const e of errors) {
    if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/')) continue;
    const f = toFinding(e, y);
    if (!f) continue;
    const key = `${f.line}:${f.col}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  return findings.sort((a, b) => a.line - b.line || a.col - b.col);
}
