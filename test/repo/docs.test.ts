/**
 * The schema is published for editors (issue 10 item 21): a stable `$id`, a documented path, the yaml-language-server
 * line in the docs, and docs/cluster-yaml.md generated from the schema's descriptions (this test fails when stale).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterSchema } from '../../src/shared/repo/schema.js';
import { clusterYamlReference, SCHEMA_PATH } from '../../src/shared/repo/schema-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

describe('cluster.schema.json for editors', () => {
  it('has the stable $id and lives at the documented path', () => {
    const schema = clusterSchema() as { $id: string };
    expect(schema.$id).toBe('urn:deployer:schema:cluster.yaml:v1');
    expect(JSON.parse(read(SCHEMA_PATH))).toEqual(schema);
  });

  it('every property has a description (the reference page is built from them)', () => {
    const missing: string[] = [];
    const walk = (s: Record<string, unknown>, at: string) => {
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!v.description && !v.$ref) missing.push(`${at}${k}`); // a $ref takes its definition's description
        walk(v, `${at}${k}.`);
      }
    };
    const schema = clusterSchema() as Record<string, unknown>;
    walk(schema, '');
    for (const [name, def] of Object.entries(schema.definitions as Record<string, Record<string, unknown>>)) {
      if (!def.description) missing.push(`#${name}`);
      walk(def, `#${name}.`);
    }
    expect(missing).toEqual([]);
  });

  it('docs/cluster-yaml.md is what the schema gives (run `node scripts/cluster-yaml-docs.mjs` when this fails)', () => {
    expect(read('docs/cluster-yaml.md')).toBe(clusterYamlReference(clusterSchema()));
  });

  it('the page and the repo README show the yaml-language-server line with the documented path', () => {
    const line = `# yaml-language-server: $schema=https://raw.githubusercontent.com/<owner>/deployer/v1/${SCHEMA_PATH}`;
    expect(read('docs/cluster-yaml.md')).toContain(line);
    expect(read('src/shared/repo/README.md')).toContain(line);
  });

  it('the script regenerates the page and --check agrees with this test', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/cluster-yaml-docs.mjs'), '--check'], { encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, 'docs/cluster-yaml.md is up to date']);
  });
});
