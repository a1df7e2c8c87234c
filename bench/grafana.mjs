#!/usr/bin/env node
// bench/grafana: `deployer grafana deploy-dashboards` for 30 clusters x 8 dashboards (no cluster named: every cluster
// with a Grafana ingress) against the fake Grafana (test/harness/grafana-api.ts) answering each request after
// LATENCY_MS (default 40 ms, a remote Grafana's round trip). Two runs: the first creates the folder and every
// dashboard, the second must find everything unchanged (0 writes). Reports wall time, requests and writes per run,
// and the sops floor: the time the same 30 token-file decryptions take alone (the test-only sops here is a Node
// script, ~10x slower to start than the real Go sops). Target: the second run < 3 s with 0 writes.
// GRAFANA_BENCH_SOURCES=1 runs the CLI from the TypeScript sources even when a bundle exists.
// GRAFANA_BENCH_PROFILE=<dir> writes a CPU profile of the stand-in run there (node --cpu-prof).
//
// Plain JS; it imports the test harness through Node 24's type stripping (re-running itself with
// test/harness/ts-hooks.mjs). It runs the bundled CLI when dist/cli/index.js has this command, else the sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(root, 'test/harness/ts-hooks.mjs')];

if (!process.env.GRAFANA_BENCH_CHILD) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GRAFANA_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const { startFakeGrafana } = await import('../test/harness/grafana-api.ts');
const { makeInfra, instancesFor, dashboardsCopy, env } = await import('../test/grafana/setup.ts');

const CLUSTERS = Number(process.env.CLUSTERS ?? 30);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 40);
const bundled = path.join(root, 'dist/cli/index.js');
const bundleHasIt = !process.env.GRAFANA_BENCH_SOURCES && existsSync(bundled) && readFileSync(bundled, 'utf8').includes('--grafana-url-template');
const cliArgs = bundleHasIt ? [bundled] : [...NODE_ARGS, path.join(root, 'src/cli.ts')];

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run the CLI; wall time, and (through /usr/bin/time) the CPU time of it and every child it waited for (sops,
 * jsonnet): a figure the load of a shared machine does not inflate the way it inflates wall time. */
function runCli(args, environment, nodeArgs = []) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const timeFile = path.join(os.tmpdir(), `grafana-bench-time-${process.pid}`);
    const cmd = TIME ? [TIME, '-f', '%U %S', '-o', timeFile, process.execPath] : [process.execPath];
    const child = spawn(cmd[0], [...cmd.slice(1), ...nodeArgs, ...cliArgs, ...args], { env: { ...environment, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      let cpu = '-';
      if (TIME && existsSync(timeFile)) {
        const [u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpu = (u + s).toFixed(2);
        rmSync(timeFile, { force: true });
      }
      resolve({ code, out, err, wall: (performance.now() - t0) / 1000, cpu });
    });
  });
}

const names = Array.from({ length: CLUSTERS }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
const infra = await makeInfra(names.map((name) => ({ name })));
const dashboards = dashboardsCopy();
// 8 dashboards: the fixture's 5 plus 3 more of the same shape
for (const [from, to, title] of [
  ['cluster', 'cluster-extra', 'Cluster Extra'],
  ['jupyterhub', 'hub-extra', 'Hub Extra'],
  ['user', 'user-extra', 'User Extra'],
]) {
  const text = readFileSync(path.join(dashboards, `dashboards/${from}.jsonnet`), 'utf8');
  writeFileSync(path.join(dashboards, `dashboards/${to}.jsonnet`), `${text.trimEnd()}\n+ { title: '${title}' }\n`);
}
const fake = await startFakeGrafana({ latencyMs: LATENCY_MS });
instancesFor(fake, names);
const environment = env();
const args = ['grafana', 'deploy-dashboards', '--config-root', infra, '--dashboards-dir', dashboards, '--grafana-url-template', `${fake.url}/{cluster}`, '--json'];

const rows = [];
try {
  for (const label of ['first (creates)', 'second (unchanged)']) {
    fake.reset();
    const r = await runCli(args, environment);
    if (r.code !== 0) throw new Error(`deploy-dashboards failed (exit ${r.code}):\n${r.err.slice(-3000)}`);
    const result = JSON.parse(r.out);
    const actions = {};
    for (const row of result.rows) actions[row.action] = (actions[row.action] ?? 0) + 1;
    rows.push([label, r.wall.toFixed(2), r.cpu, String(fake.requests.length), String(fake.writes().length), Object.entries(actions).map(([k, v]) => `${k} ${v}`).join(', ')]);
  }
  // The same second run with a Go-speed stand-in for sops (a shell script that writes the cluster's token where
  // `sops --decrypt --output` would): what the run costs where sops is the real Go binary.
  const standIn = path.join(infra, '..', `sops-standin-${process.pid}`);
  writeFileSync(
    standIn,
    `#!/bin/sh\nout=; file=\nwhile [ $# -gt 0 ]; do case "$1" in --output|--input-type|--output-type) [ "$1" = --output ] && out="$2"; shift 2;; -*) shift;; *) file="$1"; shift;; esac; done\nc=$(basename "$(dirname "$file")")\nprintf 'grafana_token: CANARY-token-%s-a1b2c3d4\\n' "$c" > "$out"\n`,
    { mode: 0o755 },
  );
  try {
    fake.reset();
    const r = await runCli(args, { ...environment, DEPLOYER_SOPS: standIn }, process.env.GRAFANA_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GRAFANA_BENCH_PROFILE}`] : []);
    if (r.code !== 0) throw new Error(`deploy-dashboards (sops stand-in) failed (exit ${r.code}):\n${r.err.slice(-3000)}`);
    rows.push(['second, Go-speed sops stand-in', r.wall.toFixed(2), r.cpu, String(fake.requests.length), String(fake.writes().length), 'bench-only shell script instead of sops']);
  } finally {
    rmSync(standIn, { force: true });
  }
  // The sops floor: the same decryptions alone, 8 at a time (what the CLI's parallelism allows).
  const sops = path.join(root, 'test/harness/bin/sops');
  const t0 = performance.now();
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        await new Promise((resolve) => {
          const c = spawn(process.execPath, [sops, '--decrypt', path.join(infra, 'config/clusters', n, 'enc-grafana-token.secret.yaml')], { env: environment, stdio: 'ignore' });
          c.on('close', resolve);
        });
      }
    }),
  );
  rows.push([`sops floor (${CLUSTERS} decryptions)`, ((performance.now() - t0) / 1000).toFixed(2), '-', '-', '-', 'test-only sops (Node); real sops is a Go binary']);
} finally {
  await fake.stop();
  rmSync(infra, { recursive: true, force: true });
  rmSync(dashboards, { recursive: true, force: true });
}

const header = ['run', 'wall s', 'cpu s', 'requests', 'writes', 'rows'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(`grafana deploy-dashboards: ${CLUSTERS} clusters x 8 dashboards, fake Grafana with ${LATENCY_MS} ms per request, ${bundleHasIt ? 'bundled CLI' : 'CLI from sources'}`);
console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
console.log(`target: second run < 3 s with 0 writes. Load average now: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (wall time grows with it; cpu s is the run's own work, children included)`);
