#!/usr/bin/env node
// bench/validate: `deployer validate` as users run it (the bundled CLI, dist/cli/index.js), over the example infra repo
// and over a generated fleet of 30 clusters x 6 hubs (4 basehub + 2 daskhub each, plus a support chart). Prints, per
// run: wall time of the whole process, helm processes started (the CLI's own count of the processes it spawned; with
// BENCH_HELM_WRAPPER=1 also counted by a `helm` wrapper script first on PATH, which costs a shell per start), helm
// template renders, dependency builds, and the CLI process's peak memory (VmHWM).
// Also measures one `helm template` of a hub to give the floor a render-bound run cannot beat: renders x that / cores.
//
// Build first: `node scripts/build.mjs --no-typecheck cli` (dist/ is not committed by helpers). Plain JS, Linux only
// (peak memory from /proc). FLEET_CLUSTERS / FLEET_HUBS change the fleet size; FLEET_DIR keeps the generated fleet.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli', 'index.js');
const example = path.join(root, 'examples', 'infrastructure');
const CLUSTERS = Number(process.env.FLEET_CLUSTERS ?? 30);
const HUBS = Number(process.env.FLEET_HUBS ?? 6);
const cores = os.availableParallelism();

if (!existsSync(cli)) {
  console.error(`bench/validate: ${path.relative(root, cli)} is missing: run \`node scripts/build.mjs --no-typecheck cli\` first`);
  process.exit(1);
}

function which(tool) {
  for (const dir of [path.join(root, '.tools', 'bin'), ...(process.env.PATH ?? '').split(path.delimiter)]) {
    const p = path.join(dir, tool);
    if (dir && existsSync(p)) return p;
  }
  throw new Error(`${tool} not found`);
}
const realHelm = process.env.DEPLOYER_HELM || which('helm');
const WRAP = process.env.BENCH_HELM_WRAPPER === '1';

const work = mkdtempSync(path.join(os.tmpdir(), 'deployer-bench-validate-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// A `helm` wrapper that counts its starts (one line per process) and runs the real helm.
const wrapperDir = path.join(work, 'bin');
const countFile = path.join(work, 'helm-starts');
mkdirSync(wrapperDir);
writeFileSync(path.join(wrapperDir, 'helm'), `#!/bin/sh\necho x >> '${countFile}'\nexec '${realHelm}' "$@"\n`);
chmodSync(path.join(wrapperDir, 'helm'), 0o755);

// ---- the generated fleet --------------------------------------------------------------------------------------
function generateFleet(dir) {
  cpSync(path.join(example, 'helm-charts'), path.join(dir, 'helm-charts'), { recursive: true, verbatimSymlinks: true });
  const src = path.join(example, 'config', 'clusters', 'gcp-demo');
  const read = (f) => readFileSync(path.join(src, f), 'utf8');
  for (let c = 0; c < CLUSTERS; c++) {
    const name = `fleet-${String(c).padStart(2, '0')}`;
    const cdir = path.join(dir, 'config', 'clusters', name);
    mkdirSync(cdir, { recursive: true });
    for (const f of ['enc-deployer-credentials.secret.json', 'enc-support.secret.values.yaml', 'support.values.yaml', 'daskhub-common.values.yaml']) {
      writeFileSync(path.join(cdir, f), read(f).replaceAll('gcp-demo', name));
    }
    writeFileSync(path.join(cdir, 'common.values.yaml'), read('common.values.yaml').replaceAll('gcp-demo', name));
    const hubs = [];
    for (let h = 0; h < HUBS; h++) {
      const dask = h >= HUBS - 2;
      const hub = dask ? `dask-${h}` : `hub-${h}`;
      const base = dask ? read('dask-staging.values.yaml').replaceAll('dask-staging', hub) : read('staging.values.yaml').replaceAll('staging', hub);
      writeFileSync(path.join(cdir, `${hub}.values.yaml`), base.replaceAll('gcp-demo', name));
      writeFileSync(path.join(cdir, `enc-${hub}.secret.values.yaml`), read(dask ? 'enc-dask-staging.secret.values.yaml' : 'enc-staging.secret.values.yaml'));
      hubs.push(
        [
          `  - name: ${hub}`,
          `    display_name: "${name} ${hub}"`,
          `    domain: ${hub}.${name}.example.org`,
          `    helm_chart: ${dask ? 'daskhub' : 'basehub'}`,
          '    helm_chart_values_files:',
          '      - common.values.yaml',
          ...(dask ? ['      - daskhub-common.values.yaml'] : []),
          `      - ${hub}.values.yaml`,
          `      - enc-${hub}.secret.values.yaml`,
        ].join('\n'),
      );
    }
    writeFileSync(
      path.join(cdir, 'cluster.yaml'),
      [
        `name: ${name}`,
        'provider: gcp',
        'gcp:',
        '  key: enc-deployer-credentials.secret.json',
        `  project: ${name}-project`,
        `  cluster: ${name}-cluster`,
        '  zone: us-central1',
        '  billing:',
        '    paid_by_us: false',
        'support:',
        '  helm_chart_values_files:',
        '    - support.values.yaml',
        '    - enc-support.secret.values.yaml',
        'hubs:',
        ...hubs,
        '',
      ].join('\n'),
    );
  }
}

// ---- running and measuring ------------------------------------------------------------------------------------
function run(args, cwd) {
  writeFileSync(countFile, '');
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: WRAP
        ? { ...process.env, PATH: `${wrapperDir}${path.delimiter}${process.env.PATH}`, DEPLOYER_HELM: '', NO_COLOR: '1' }
        : { ...process.env, DEPLOYER_HELM: realHelm, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 5);
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const wrapped = readFileSync(countFile, 'utf8').split('\n').filter(Boolean).length;
      const summary = /\[(.*)\]\s*$/m.exec(stderr)?.[1] ?? '';
      const num = (re) => Number(re.exec(summary)?.[1] ?? 0);
      const cliHelmStarts = num(/(\d+) helm process/);
      resolve({
        code,
        ms,
        helmStarts: WRAP ? wrapped : cliHelmStarts,
        cliHelmStarts,
        renders: num(/(\d+) helm template render/),
        depBuilds: num(/(\d+) dependency build/),
        peakMb: peakKb / 1024,
        findings: stdout.trim() ? stdout.trim().split('\n').length : 0,
        stderr,
      });
    });
  });
}

/** The helm template command lines validate runs for every release of the fleet (non-secret files, dummy token). */
function fleetTemplateCommands(repo, charts) {
  const cmds = [];
  for (let c = 0; c < CLUSTERS; c++) {
    const name = `fleet-${String(c).padStart(2, '0')}`;
    const cdir = path.join(repo, 'config', 'clusters', name);
    const v = (f) => `--values=${path.join(cdir, f)}`;
    for (let h = 0; h < HUBS; h++) {
      const dask = h >= HUBS - 2;
      const hub = dask ? `dask-${h}` : `hub-${h}`;
      cmds.push(
        dask
          ? ['template', hub, path.join(charts, 'daskhub'), '--namespace', hub, v('common.values.yaml'), v('daskhub-common.values.yaml'), v(`${hub}.values.yaml`), '--set=dask-gateway.gateway.auth.jupyterhub.apiToken=dummy']
          : ['template', hub, path.join(charts, 'basehub'), '--namespace', hub, v('common.values.yaml'), v(`${hub}.values.yaml`)],
      );
    }
    cmds.push(['template', 'support', path.join(charts, 'support'), '--namespace', 'support', v('support.values.yaml')]);
  }
  return cmds;
}

function helmOnce(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(realHelm, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`helm ${args.join(' ')}: ${err}`))));
  });
}

/** Run commands with at most `n` helm processes at once; wall ms. */
async function pool(cmds, n) {
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < cmds.length) await helmOnce(cmds[next++]);
  }));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
// FLEET_DIR=<dir> keeps the generated fleet there (for profiling); default: a temp dir removed at exit.
const fleet = process.env.FLEET_DIR ? path.resolve(process.env.FLEET_DIR) : path.join(work, 'fleet');
rmSync(fleet, { recursive: true, force: true });
generateFleet(fleet);
const releases = CLUSTERS * (HUBS + 1);
const runs = [
  ['example repo: validate all (3 clusters, 9 hubs)', ['validate', 'all'], example, 'renders 12 releases'],
  [`fleet: validate cluster-config (${CLUSTERS} clusters: schema + cross-checks)`, ['validate', 'cluster-config'], fleet, 'target < 1 s'],
  [`fleet: validate all --no-render (${CLUSTERS * HUBS} hubs: + values schemas, authenticator)`, ['validate', 'all', '--no-render'], fleet, ''],
  [`fleet: validate all (${releases} releases rendered)`, ['validate', 'all'], fleet, ''],
];

// The floors: (1) the formula, one `helm template` of a hub (median of 5, alone) x releases / cores; (2) the
// same helm template commands validate runs, run bare from this script with `cores` at a time (what helm alone costs
// on this machine now, including helm's own use of several cores and any other load).
const charts = path.join(work, 'charts');
cpSync(path.join(fleet, 'helm-charts'), charts, { recursive: true, verbatimSymlinks: true });
spawnSync(realHelm, ['dependency', 'build', path.join(charts, 'daskhub')], { stdio: 'ignore' });
const cmds = fleetTemplateCommands(fleet, charts);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const templateMs = [];
for (let i = 0; i < 5; i++) templateMs.push(await helmOnce(cmds[0]));
const oneTemplate = median(templateMs);

// Other work on the machine changes timings from one second to the next: every run is repeated REPEAT times, the bare
// helm pool interleaved with the full validation, and medians reported.
const bare = [];
const rows = [];
for (const [label, args, cwd, note] of runs) {
  const results = [];
  const full = args.length === 2 && args[1] === 'all' && cwd === fleet;
  for (let i = 0; i < REPEAT; i++) {
    if (full) bare.push(await pool(cmds, cores));
    results.push(await run(args, cwd));
  }
  const r = results.sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
  if (r.code !== 0) console.error(`bench/validate: ${label} exited ${r.code} with ${r.findings} finding line(s):\n${r.stderr}`);
  let target = note;
  if (full) {
    const floor = (oneTemplate * releases) / cores;
    target = `${(r.ms / floor).toFixed(2)}x formula floor, ${(r.ms / median(bare)).toFixed(2)}x bare helm`;
  }
  rows.push([
    label,
    `${(r.ms / 1000).toFixed(2)} s`,
    String(r.helmStarts) + (r.helmStarts === r.cliHelmStarts ? '' : ` (cli says ${r.cliHelmStarts})`),
    String(r.renders),
    String(r.depBuilds),
    `${r.peakMb.toFixed(0)} MiB`,
    r.code === 0 ? 'ok' : `exit ${r.code}`,
    target,
  ]);
}

const header = ['run (median of ' + REPEAT + ')', 'wall', 'helm procs', 'renders', 'dep builds', 'peak RSS (cli)', 'result', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(`helm: ${spawnSync(realHelm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim()}, node ${process.version}, ${cores} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`one helm template of a hub: median ${oneTemplate.toFixed(0)} ms (of 5) -> formula floor for ${releases} releases: ${((oneTemplate * releases) / cores / 1000).toFixed(2)} s`);
console.log(`the same ${cmds.length} helm template commands run bare from this script, ${cores} at a time: median ${(median(bare) / 1000).toFixed(2)} s\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
