/**
 * The cluster.yaml reference page (docs/cluster-yaml.md), generated from cluster.schema.json: every field with its
 * type, constraints, whether it is required (and when), and the schema's description. `node scripts/cluster-yaml-docs.mjs`
 * writes the page; test/repo/docs.test.ts fails when the committed page differs from what the schema gives.
 * Self-contained (no relative imports) so the script can load it with Node's type stripping alone.
 */

interface Schema {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  const?: unknown;
  definitions?: Record<string, Schema>;
}

/** Where the schema is published (documented in src/shared/repo/README.md). */
export const SCHEMA_PATH = 'src/shared/repo/cluster.schema.json';

function resolve(root: Schema, s: Schema): Schema {
  if (!s.$ref) return s;
  const name = s.$ref.replace('#/definitions/', '');
  const target = root.definitions?.[name];
  if (!target) throw new Error(`schema: unresolved $ref ${s.$ref}`);
  // a description beside the $ref describes this use of the definition
  return { ...resolve(root, target), ...(s.description ? { description: s.description } : {}) };
}

function code(v: unknown): string {
  return '`' + (typeof v === 'string' ? v : JSON.stringify(v)) + '`';
}

function typeOf(root: Schema, s: Schema): string {
  if (s.oneOf) return s.oneOf.map((o) => typeOf(root, resolve(root, o))).join(', or ');
  const parts: string[] = [];
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  if (t === 'array' && s.items) {
    const item = resolve(root, s.items);
    const itemType = item.type === 'object' ? 'mappings' : item.type === 'string' ? `${item.minLength ? 'non-empty ' : ''}strings` : typeOf(root, item);
    parts.push(`list of ${itemType}`);
  } else parts.push(t === 'object' ? 'mapping' : t);
  if (s.enum) parts.push(`one of ${s.enum.map(code).join(', ')}`);
  if (s.pattern) parts.push(`matching ${code(s.pattern)}`);
  if (s.minLength) parts.push('non-empty');
  if (s.maxLength) parts.push(`at most ${s.maxLength} characters`);
  if (s.minItems) parts.push(`at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
  if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  return parts.join(', ');
}

/** Conditional requirements (`if: {properties: {k: {const: v}}} then: {required: [...]}`) of an object schema. */
function conditions(s: Schema): Map<string, string> {
  const out = new Map<string, string>();
  const add = (c: Schema) => {
    const props = c.if?.properties ?? {};
    const [key, cond] = Object.entries(props)[0] ?? [];
    if (!key || cond?.const === undefined) return;
    for (const r of c.then?.required ?? []) out.set(r, `when ${code(key)} is ${code(cond.const)}`);
  };
  if (s.if) add(s);
  for (const c of s.allOf ?? []) add(c);
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

interface Row {
  field: string;
  type: string;
  required: string;
  description: string;
}

function walk(root: Schema, s: Schema, prefix: string, rows: Row[]): void {
  const required = new Set(s.required ?? []);
  const when = conditions(s);
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const p = resolve(root, raw);
    const field = prefix ? `${prefix}.${key}` : key;
    rows.push({ field: code(field), type: typeOf(root, p), required: required.has(key) ? 'yes' : when.has(key) ? `yes, ${when.get(key)}` : 'no', description: p.description ?? '' });
    if (p.type === 'object' && p.properties) walk(root, p, field, rows);
    if (p.type === 'array' && p.items) {
      const item = resolve(root, p.items);
      if (item.type === 'object' && item.properties) walk(root, item, `${field}[]`, rows);
    }
  }
}

/** The whole reference page, as markdown. */
export function clusterYamlReference(schema: object): string {
  const root = schema as Schema;
  const rows: Row[] = [];
  walk(root, root, '', rows);
  const lines = [
    '# cluster.yaml reference',
    '',
    '<!-- Generated from src/shared/repo/cluster.schema.json by `node scripts/cluster-yaml-docs.mjs`; do not edit by hand. -->',
    '',
    root.description ?? '',
    '',
    `The schema: \`${SCHEMA_PATH}\` (\`$id\`: \`${root.$id}\`). To have an editor check and complete a cluster.yaml, make`,
    'this its first line (yaml-language-server, used by the YAML extension of VS Code and others):',
    '',
    '```yaml',
    `# yaml-language-server: $schema=https://raw.githubusercontent.com/<owner>/deployer/v1/${SCHEMA_PATH}`,
    '```',
    '',
    'where `<owner>/deployer@v1` is the copy of the actions your workflows use (a vendored copy works with a relative',
    'path). `deployer validate cluster-config CLUSTER` checks the same schema, plus what a schema cannot say: hub names',
    'unique, every referenced file present inside the cluster directory, `name` equal to the directory, secret files',
    'encrypted. Unknown keys are errors everywhere except inside `metadata`.',
    '',
    '| Field | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.field} | ${cell(r.type)} | ${cell(r.required)} | ${cell(r.description)} |`),
    '',
  ];
  return lines.join('\n');
}
