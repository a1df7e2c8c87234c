#!/usr/bin/env node
// npm run build: type-check, then bundle every action (actions/<name>/main.ts -> dist/<name>/index.js) and the CLI
// (src/cli.ts -> dist/cli/index.js) with @vercel/ncc as ES modules. `--check` rebuilds into a temp dir and fails if
// the committed dist/ differs (stale bundles).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, renameSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const skipTypecheck = process.argv.includes('--no-typecheck');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

if (!skipTypecheck) {
  console.log('build: type-checking');
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.typecheck.json'], { cwd: root, stdio: 'inherit' });
}

const targets = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'main.ts')))
  .map((d) => ({ name: d.name, entry: `actions/${d.name}/main.ts` }));
targets.push({ name: 'cli', entry: 'src/cli.ts' });

const outRoot = check ? mkdtempSync(path.join(os.tmpdir(), 'deployer-dist-')) : path.join(root, 'dist');
const selected = only.length ? targets.filter((t) => only.includes(t.name)) : targets;

function build(t) {
  // Build beside the target and swap on success, so a failed build never leaves dist/ half-deleted.
  const final = path.join(outRoot, t.name);
  const out = `${final}.building`;
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [ncc, 'build', t.entry, '-o', out, '--target', 'es2023', '--no-source-map-register', '--quiet', '--license', 'licenses.txt'], {
    cwd: root,
    stdio: 'inherit',
  });
  const built = path.join(out, 'index.js');
  if (t.name === 'cli') {
    const text = readFileSync(built, 'utf8');
    if (!text.startsWith('#!')) writeFileSync(built, '#!/usr/bin/env node\n' + text);
    chmodSync(built, 0o755);
  }
  rmSync(final, { recursive: true, force: true });
  renameSync(out, final);
  console.log(`build: ${t.entry} -> ${path.relative(root, path.join(final, 'index.js'))}`);
}

for (const t of selected) build(t);

if (check) {
  let stale = [];
  for (const t of selected) {
    const fresh = path.join(outRoot, t.name);
    const committed = path.join(root, 'dist', t.name);
    const list = (d) => (existsSync(d) ? readdirSync(d, { recursive: true }).map(String).sort() : []);
    const a = list(fresh);
    const b = list(committed);
    if (a.join('\n') !== b.join('\n')) stale.push(`${t.name} (files differ)`);
    else if (a.some((f) => { const p = path.join(fresh, f); try { return !readFileSync(p).equals(readFileSync(path.join(committed, f))); } catch { return false; } }))
      stale.push(t.name);
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length) {
    console.error(`build: dist/ is stale for: ${stale.join(', ')}. Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log('build: dist/ is up to date');
}
