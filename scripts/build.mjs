#!/usr/bin/env node
// npm run build: type-check once, then bundle every action (actions/<name>/main.ts -> dist/<name>/index.js) and the
// CLI (src/cli.ts -> dist/cli/index.js) with @vercel/ncc as ES modules. `--check` rebuilds into a temp dir and fails
// if the committed dist/ differs (stale bundles).
//
// Speed: the type check runs once (tsc, with tsconfig.typecheck.json), so ncc runs in transpile-only mode (the sources
// are written for it: `isolatedModules` and `verbatimModuleSyntax` are on), and the bundles are built in parallel, as
// many at once as the machine has CPUs. ncc transpiles with tsconfig.json, whose `module: ESNext` keeps ES module
// output in that mode; the type check overrides it back to NodeNext (see tsconfig.typecheck.json).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, renameSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const skipTypecheck = process.argv.includes('--no-typecheck');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);
const jobsArg = process.argv.find((a) => a.startsWith('--jobs='));
const jobs = Math.max(1, jobsArg ? Number(jobsArg.slice('--jobs='.length)) || 1 : os.availableParallelism());
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (!skipTypecheck) {
  console.log('build: type-checking');
  const t = Date.now();
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.typecheck.json'], { cwd: root, stdio: 'inherit' });
  console.log(`build: type check took ${secs(Date.now() - t)}`);
}

const targets = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'main.ts')))
  .map((d) => ({ name: d.name, entry: `actions/${d.name}/main.ts` }))
  .sort((a, b) => a.name.localeCompare(b.name));
targets.push({ name: 'cli', entry: 'src/cli.ts' });

const outRoot = check ? mkdtempSync(path.join(os.tmpdir(), 'deployer-dist-')) : path.join(root, 'dist');
const selected = only.length ? targets.filter((t) => only.includes(t.name)) : targets;
const unknown = only.filter((n) => !targets.some((t) => t.name === n));
if (unknown.length) {
  console.error(`build: no such bundle: ${unknown.join(', ')} (known: ${targets.map((t) => t.name).join(', ')})`);
  process.exit(2);
}

/** Bundle one target beside its final place and swap on success, so a failed build never leaves dist/ half-deleted. */
function build(t) {
  const final = path.join(outRoot, t.name);
  const out = `${final}.building`;
  rmSync(out, { recursive: true, force: true });
  const args = [ncc, 'build', t.entry, '-o', out, '--transpile-only', '--target', 'es2023', '--no-source-map-register', '--quiet', '--license', 'licenses.txt'];
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        rmSync(out, { recursive: true, force: true });
        reject(new Error(`ncc failed for ${t.entry} (exit ${code}):\n${stderr}`));
        return;
      }
      if (stderr.trim()) process.stderr.write(stderr);
      const built = path.join(out, 'index.js');
      if (t.name === 'cli') {
        const text = readFileSync(built, 'utf8');
        if (!text.startsWith('#!')) writeFileSync(built, '#!/usr/bin/env node\n' + text);
        chmodSync(built, 0o755);
      }
      rmSync(final, { recursive: true, force: true });
      renameSync(out, final);
      resolve({ name: t.name, entry: t.entry, ms: Date.now() - t0 });
    });
  });
}

/** Run the builds, at most `jobs` at once; the first failure is reported after the running ones finish. */
async function buildAll(list) {
  const results = [];
  const errors = [];
  let next = 0;
  async function worker() {
    while (next < list.length) {
      const t = list[next++];
      try {
        const r = await build(t);
        results.push(r);
        console.log(`build: ${r.entry} -> ${path.relative(root, path.join(outRoot, r.name, 'index.js'))} (${secs(r.ms)})`);
      } catch (e) {
        errors.push(e);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, list.length) }, worker));
  if (errors.length) {
    for (const e of errors) console.error(`build: ${e.message}`);
    if (check) rmSync(outRoot, { recursive: true, force: true });
    process.exit(1);
  }
  return results;
}

const bundleStart = Date.now();
await buildAll(selected);
console.log(`build: ${selected.length} bundle(s) in ${secs(Date.now() - bundleStart)} (${jobs} at a time, transpile-only); whole build ${secs(Date.now() - started)}`);

if (check) {
  const stale = [];
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
  // A dist/<name> whose action is gone is stale too (a removed action must not keep a committed bundle).
  if (!only.length) {
    for (const d of readdirSync(path.join(root, 'dist'), { withFileTypes: true })) {
      if (d.isDirectory() && !targets.some((t) => t.name === d.name)) stale.push(`${d.name} (no such action any more)`);
    }
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length) {
    console.error(`build: dist/ is stale for: ${stale.join(', ')}. Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`build: dist/ is up to date (checked in ${secs(Date.now() - started)})`);
}
