#!/usr/bin/env node
// npm run bench: runs every bench/<area>.mjs (or only those named: `npm run bench -- plan deploy`) one after the
// other and prints their tables. Benchmarks measure; they assert nothing. Build first (`npm run build`): the
// benchmarks time the bundled CLI as users run it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((n) => !only.length || only.includes(n))
  .sort();
const env = { ...process.env, PATH: `${path.join(root, '.tools', 'bin')}${path.delimiter}${process.env.PATH}` };
let failed = 0;
for (const b of benches) {
  console.log(`\n### bench/${b}\n`);
  const r = spawnSync(process.execPath, [path.join(here, `${b}.mjs`)], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${b} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
