#!/usr/bin/env node
// Writes docs/cluster-yaml.md from the descriptions of src/shared/repo/cluster.schema.json (the generator is
// src/shared/repo/schema-docs.ts, loaded with Node's type stripping). `--check` only compares and exits 1 when stale.
// test/repo/docs.test.ts runs the same comparison.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { clusterYamlReference } = await import(path.join(root, 'src/shared/repo/schema-docs.ts'));
const schema = JSON.parse(readFileSync(path.join(root, 'src/shared/repo/cluster.schema.json'), 'utf8'));
const page = clusterYamlReference(schema);
const target = path.join(root, 'docs/cluster-yaml.md');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    /* missing: stale */
  }
  if (current !== page) {
    console.error('docs/cluster-yaml.md is stale: run `node scripts/cluster-yaml-docs.mjs`');
    process.exit(1);
  }
  console.log('docs/cluster-yaml.md is up to date');
} else {
  writeFileSync(target, page);
  console.log('wrote docs/cluster-yaml.md');
}
