/**
 * A chart's `values.schema.yaml`, read from the infra repo, converted once and compiled once per run with ajv, and
 * applied to a hub's merged values. Every error becomes a Finding located in the values file that set the offending
 * key (the last file that sets it, as helm merges them), not in the merged document helm would complain about.
 *
 * Formats are not asserted (helm's own schema validation does not fail on them either); the draft is taken from
 * `$schema` (draft-07 by default, 2019-09 and 2020-12 supported).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DeployerError } from '../errors.js';
import type { Finding } from '../findings.js';
import { displayPath } from '../repo/index.js';
import { pathToPointer, pointerToPath, type PathSegment } from '../yaml/index.js';
import type { ValidationContext } from './context.js';
import { locateInLayers, parsedFile, type ValuesLayer } from './values.js';

export interface ChartSchema {
  /** values.schema.yaml as messages name it. */
  display: string;
  validate: ValidateFunction;
}

/** Compile `<chartDir>/values.schema.yaml` (or values.schema.json) once per run; undefined when the chart has none. */
export function chartSchema(ctx: ValidationContext, chartDir: string): Promise<ChartSchema | undefined> {
  return ctx.memo(`chart-schema:${chartDir}`, async () => {
    let abs = path.join(chartDir, 'values.schema.yaml');
    if (!existsSync(abs)) abs = path.join(chartDir, 'values.schema.json');
    if (!existsSync(abs)) return undefined;
    const display = displayPath(ctx.paths, abs);
    const y = await parsedFile(ctx, abs, display);
    if (typeof y.value !== 'object' || y.value === null || Array.isArray(y.value)) {
      throw new DeployerError('a values schema must be a mapping (a JSON schema object)', { file: display, line: 1, col: 1 });
    }
    const { $schema, ...schema } = y.value as Record<string, unknown>;
    const draft = String($schema ?? '');
    const opts = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false, validateSchema: false } as const;
    const ajv = draft.includes('2020-12') ? new Ajv2020(opts) : draft.includes('2019-09') ? new Ajv2019(opts) : new Ajv(opts);
    try {
      return { display, validate: ajv.compile(schema) };
    } catch (e) {
      throw new DeployerError(`the chart's values schema cannot be compiled: ${(e as Error).message}`, {
        file: display,
        line: 1,
        col: 1,
        hint: 'fix the JSON schema in this file',
      });
    }
  });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = JSON.stringify(v) ?? String(v);
  return `a ${typeof v} (${s.length > 60 ? s.slice(0, 57) + '...' : s})`;
}

function dotted(p: PathSegment[]): string {
  return p.length ? p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${s}`)).join('') : 'the top level';
}

/**
 * Validate `merged` (the values as helm will see them for this chart, already stripped of `prefix`) and locate each
 * error in `layers`, whose values hold this chart's section under `prefix` (e.g. ['basehub'] for daskhub's subchart).
 */
export function checkValuesSchema(schema: ChartSchema, merged: unknown, layers: ValuesLayer[], prefix: PathSegment[], chartLabel: string): Finding[] {
  if (schema.validate(merged)) return [];
  const errors = schema.validate.errors ?? [];
  const summarised = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (summarised.has(e.instancePath) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && /\/(oneOf|anyOf)\//.test(e.schemaPath)) continue;
    const f = toFinding(e, schema, layers, prefix, chartLabel);
    const k = `${f.file}:${f.line}:${f.col}:${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

function toFinding(e: ErrorObject, schema: ChartSchema, layers: ValuesLayer[], prefix: PathSegment[], chartLabel: string): Finding {
  const rel = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const shown = [...prefix, ...rel];
  const where = `\`${dotted(shown)}\``;
  let target = rel;
  let atKey = false;
  let message: string;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      target = [...rel, key];
      atKey = true;
      const allowed = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      message = `unknown key \`${key}\` in ${shown.length ? where : 'the top level'}: the ${chartLabel} chart's schema does not allow it${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`;
      break;
    }
    case 'required':
      message = `missing required key \`${String(p.missingProperty)}\` in ${shown.length ? where : 'the top level'}`;
      break;
    case 'type':
      message = `${where} must be ${String(p.type).replace(/,/g, ' or ')}, but it is ${describe(e.data)}`;
      break;
    case 'enum':
      message = `${where} is ${JSON.stringify(e.data)}, which is not one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message = `${where} must be ${JSON.stringify(p.allowedValue)}, but it is ${describe(e.data)}`;
      break;
    case 'pattern':
      message = `${where} is ${JSON.stringify(e.data)}, which does not match the pattern ${String(p.pattern)}`;
      break;
    case 'oneOf':
    case 'anyOf':
      message = `${where} is ${describe(e.data)}, which matches none of the forms the schema allows here`;
      break;
    default:
      message = `${where} ${e.message ?? 'is invalid'}`;
  }
  const fullTarget = [...prefix, ...target];
  const loc = locateInLayers(layers, fullTarget, atKey) ?? { file: schema.display, pos: { line: 1, col: 1 } };
  return { file: loc.file, line: loc.pos.line, col: loc.pos.col, path: pathToPointer(fullTarget), message, severity: 'error' };
}
