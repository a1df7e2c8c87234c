#!/usr/bin/env node
// bench/diff: `deployer diff` as users run it (the bundled CLI, dist/cli/index.js) on a git repository made from
// examples/infrastructure with 20 hubs (the example's 9 plus 11 more basehub hubs on gcp-demo), for a change to a
// basehub template (every hub is planned: 20 releases, each rendered at the base and at the head). Prints the wall
// time, helm processes, renders and dependency builds, next to the floor: the same 40 releases rendered bare with
// `helm template`, two at a time, charts prepared beforehand (not timed). Target: diff < 1.5x the bare renders.
//
// Build first: `node scripts/build.mjs --no-typecheck cli`. Plain JS.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument, stringify } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli', 'index.js');
if (!existsSync(cli)) {
  console.error(`bench/diff: ${path.relative(root, cli)} is missing: run \`node scripts/build.mjs --no-typecheck cli\` first`);
  process.exit(1);
}
const helm = process.env.DEPLOYER_HELM || path.join(root, '.tools', 'bin', 'helm');
const work = mkdtempSync(path.join(os.tmpdir(), 'deployer-bench-diff-'));
const repo = path.join(work, 'repo');
const git = (...a) => execFileSync('git', ['-c', 'user.email=b@example.org', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', ...a], { cwd: repo, encoding: 'utf8' }).trim();

function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.slice(0, 3).join(' ')}: ${err.trim()}`))));
  });
}

async function pool(tasks, n) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
}

try {
  cpSync(path.join(root, 'examples', 'infrastructure'), repo, { recursive: true, verbatimSymlinks: true });
  const cy = path.join(repo, 'config/clusters/gcp-demo/cluster.yaml');
  const doc = parseDocument(readFileSync(cy, 'utf8'));
  for (let i = 1; i <= 11; i++) {
    const name = `bench-${String(i).padStart(2, '0')}`;
    doc.addIn(['hubs'], { name, display_name: `Bench ${i}`, domain: `${name}.gcp-demo.example.org`, helm_chart: 'basehub', helm_chart_values_files: ['common.values.yaml', 'prod.values.yaml'] });
  }
  writeFileSync(cy, doc.toString());
  mkdirSync(repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  const svc = path.join(repo, 'helm-charts/basehub/templates/hub/service.yaml');
  writeFileSync(svc, readFileSync(svc, 'utf8').replace(/^metadata:\n/m, 'metadata:\n  annotations:\n    example.org/bench: "1"\n'));
  git('commit', '-q', '-am', 'head');
  const head = git('rev-parse', 'HEAD');

  // 1. deployer diff, the whole process.
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [cli, 'diff', '--base', base, '--head', head, '--json', '--config-root', repo], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, PATH: `${path.dirname(helm)}${path.delimiter}${process.env.PATH}` },
  });
  const diffMs = performance.now() - t0;
  const result = JSON.parse(out);
  const hubs = result.releases.filter((r) => r.release !== 'support');

  // 2. The floor: the same releases with bare `helm template`, two at a time; charts prepared first (not timed).
  const tasks = [];
  for (const [label, ref] of [['base', base], ['head', head]]) {
    const tree = path.join(work, label);
    mkdirSync(tree);
    execFileSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', ref, tree], { cwd: repo });
    for (const chart of ['basehub', 'daskhub']) {
      const dir = path.join(tree, 'helm-charts', chart);
      const schema = path.join(dir, 'values.schema.yaml');
      if (existsSync(schema)) writeFileSync(path.join(dir, 'values.schema.json'), JSON.stringify(parse(readFileSync(schema, 'utf8'))));
    }
    execFileSync(helm, ['dependency', 'build', path.join(tree, 'helm-charts', 'daskhub')], { stdio: 'ignore' });
    for (const h of hubs) {
      const cluster = parse(readFileSync(path.join(tree, 'config/clusters', h.cluster, 'cluster.yaml'), 'utf8'));
      const hub = cluster.hubs.find((x) => x.name === h.release);
      const files = hub.helm_chart_values_files.filter((f) => !f.includes('secret')).map((f) => `--values=${path.join(tree, 'config/clusters', h.cluster, f)}`);
      const set = hub.helm_chart === 'daskhub' ? ['--set=dask-gateway.gateway.auth.jupyterhub.apiToken=dummy'] : [];
      tasks.push(() => run(helm, ['template', h.release, path.join(tree, 'helm-charts', hub.helm_chart), '--namespace', h.release, ...files, ...set], tree));
    }
  }
  const t1 = performance.now();
  await pool(tasks, 2);
  const bareMs = performance.now() - t1;

  const s = result.stats;
  const rows = [
    ['deployer diff (whole process)', `${hubs.length} hubs`, String(s.renders), String(s.helmProcesses), String(s.dependencyBuilds), `${(diffMs / 1000).toFixed(2)} s`],
    ['bare helm template, 2 at a time', `${tasks.length} renders`, String(tasks.length), String(tasks.length), '(before)', `${(bareMs / 1000).toFixed(2)} s`],
  ];
  const header = ['run', 'releases', 'renders', 'helm processes', 'dependency builds', 'wall'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  console.log(`\ndiff / bare = ${(diffMs / bareMs).toFixed(2)}x (target < 1.5x); statuses: ${[...new Set(hubs.map((h) => h.status))].join(', ')}; ${os.availableParallelism()} CPU(s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
