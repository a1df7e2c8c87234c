#!/usr/bin/env node
// bench/health: a whole health check (`deployer run-hub-health-check --hub-url ... --json`, the bundled CLI as users
// run it) against a real local JupyterHub 3.0 (test/harness/jupyterhub.ts), RUNS times (default 5, after one
// warm-up), and the suite's own overhead beyond what the hub and the notebook take:
//
//   hub & server work  = spawn + kernel start + cleanup (the hub starting/stopping the server, the kernel starting)
//   notebook execution = time the kernel itself spent executing cells (execute_reply metadata `started` -> reply date)
//   suite overhead     = process wall time - hub & server work - notebook execution
//                        = node start-up and module loading + hub API calls (version, token, user) + per-cell message
//                          round trips through proxy, jupyter_server and ZMQ + process exit.
//   round-trip floor   = what the same cells' messages take with a bare client (the `ws` package, no suite code):
//                        the hub stack's own latency (~40 ms a cell here: a small-write stall between the kernel's
//                        busy and execute_input messages that any client sees).
//   own overhead       = suite overhead - round-trip floor.   Target: < 0.5 s.
//
// Plain JS; imports the harness through Node 24's type stripping. Build first (`npm run build`); without
// dist/cli/index.js it runs the CLI from the TypeScript sources and says so (start-up is then slower).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { jupyterhubMissing, startJupyterHub } from '../test/harness/jupyterhub.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);
const bundled = path.join(root, 'dist/cli/index.js');
const useBundle = existsSync(bundled);
const cliArgs = useBundle
  ? [bundled]
  : ['--experimental-transform-types', '--no-warnings', '--import', path.join(root, 'test/harness/ts-hooks.mjs'), path.join(root, 'src/cli.ts')];

const missing = jupyterhubMissing();
if (missing) {
  console.error(`bench/health: ${missing}`);
  process.exit(1);
}

function runCheck(hub) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...cliArgs, 'run-hub-health-check', '--hub-url', hub.url, '--api-token-env', 'BENCH_HUB_TOKEN', '--attempts', '1', '--json'], {
      env: { ...process.env, BENCH_HUB_TOKEN: hub.token, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0) return reject(new Error(`health check failed (exit ${code}):\n${out}\n${err}`));
      resolve({ wall, result: JSON.parse(out) });
    });
  });
}

/**
 * The bare-client floor: a server for another user, a kernel, the same cells sent one by one over a raw websocket;
 * returns the sum over cells of (round trip - kernel-side execution time).
 */
async function roundTripFloor(hub, cells) {
  const user = `floor-${randomUUID().slice(0, 8)}`;
  const H = { Authorization: `token ${hub.token}`, 'Content-Type': 'application/json' };
  const api = (method, p, body) => fetch(`${hub.url}/hub/api${p}`, { method, headers: H, body: body && JSON.stringify(body) });
  await api('POST', `/users/${user}`);
  await api('POST', `/users/${user}/server`, {});
  for (let i = 0; i < 300; i++) {
    const u = await (await api('GET', `/users/${user}`)).json();
    if (u.servers?.['']?.ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const base = `${hub.url}/user/${user}/`;
  const k = await (await fetch(`${base}api/kernels`, { method: 'POST', headers: H, body: '{}' })).json();
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}api/kernels/${k.id}/channels`, { headers: H });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const session = randomUUID();
  let waiting;
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString());
    if (!waiting || m.parent_header?.msg_id !== waiting.id) return;
    if (m.header.msg_type === 'execute_reply' || m.header.msg_type === 'kernel_info_reply') waiting.reply = m;
    if (m.content?.execution_state === 'idle') waiting.idle = true;
    if (waiting.reply && (waiting.idle || m.header.msg_type === 'kernel_info_reply')) waiting.done();
  });
  const send = (type, content) =>
    new Promise((done) => {
      const id = randomUUID();
      waiting = { id, t0: performance.now(), done: () => done({ ms: performance.now() - waiting.t0, reply: waiting.reply }) };
      ws.send(JSON.stringify({ header: { msg_id: id, msg_type: type, username: 'bench', session, date: new Date().toISOString(), version: '5.3' }, parent_header: {}, metadata: {}, content, channel: 'shell' }));
    });
  await send('kernel_info_request', {});
  let floor = 0;
  for (const code of cells) {
    const { ms, reply } = await send('execute_request', { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    const kernelMs = Date.parse(reply.header.date) - Date.parse(reply.metadata.started);
    floor += ms - kernelMs;
  }
  ws.close();
  await api('DELETE', `/users/${user}/server`);
  for (let i = 0; i < 300; i++) {
    if ((await api('DELETE', `/users/${user}`)).status === 204) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return floor;
}

const simpleCells = JSON.parse(readFileSync(path.join(root, 'src/shared/health/notebooks/simple.ipynb'), 'utf8'))
  .cells.filter((c) => c.cell_type === 'code')
  .map((c) => c.source.join(''))
  .filter((c) => c.trim());

const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (ms) => `${(ms / 1000).toFixed(3)} s`;

const hub = await startJupyterHub();
const rows = [];
try {
  await runCheck(hub); // warm-up: page cache, python imports
  for (let i = 0; i < RUNS; i++) {
    const { wall, result } = await runCheck(hub);
    const t = result.timings;
    const hubWork = t.spawn_ms + t.kernel_start_ms + t.cleanup_ms;
    const kernel = sum(t.notebooks_kernel_ms);
    const notebookWall = sum(t.notebooks);
    const floor = await roundTripFloor(hub, simpleCells);
    rows.push({
      floor,
      own: wall - hubWork - kernel - floor,
      wall,
      total: t.total_ms,
      hubResponse: t.hub_response_ms,
      spawn: t.spawn_ms,
      kernelStart: t.kernel_start_ms,
      cleanup: t.cleanup_ms,
      notebookWall,
      kernel,
      startup: wall - t.total_ms,
      roundTrips: notebookWall - kernel,
      hubApi: t.total_ms - hubWork - notebookWall,
      overhead: wall - hubWork - kernel,
    });
  }
} finally {
  await hub.stop();
}

const metrics = [
  ['whole check (process wall time)', 'wall'],
  ['  check inside the process (total_ms)', 'total'],
  ['  hub response (version + token)', 'hubResponse'],
  ['  spawn (hub starts the server)', 'spawn'],
  ['  kernel start', 'kernelStart'],
  ['  notebooks (wall, as seen by the check)', 'notebookWall'],
  ['  cleanup (stop server, delete user)', 'cleanup'],
  ['notebook execution (inside the kernel)', 'kernel'],
  ['hub & server work (spawn + kernel start + cleanup)', null],
  ['suite overhead (wall - hub & server work - notebook execution)', 'overhead'],
  ['  of which: node start-up, module load, exit', 'startup'],
  ['  of which: hub API calls (version, token, user create)', 'hubApi'],
  ['  of which: cell message round trips (proxy, jupyter_server, ZMQ)', 'roundTrips'],
  ['round-trip floor of the same cells with a bare ws client', 'floor'],
  ['own overhead (suite overhead - round-trip floor)', 'own'],
];
const table = [['measure', 'median', 'min', 'max']];
for (const [label, key] of metrics) {
  const xs = rows.map((r) => (key ? r[key] : r.spawn + r.kernelStart + r.cleanup));
  table.push([label, f(median(xs)), f(Math.min(...xs)), f(Math.max(...xs))]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log(`bench/health: ${RUNS} runs of \`deployer run-hub-health-check --hub-url ... --json\` (${useBundle ? 'bundled dist/cli' : 'CLI from TypeScript sources: no dist/cli, start-up is slower'}) against a local JupyterHub 3.0, simple.ipynb (basehub)\n`);
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const m = median(rows.map((r) => r.own));
const all = median(rows.map((r) => r.overhead));
console.log(`\ntarget: own overhead < 0.5 s per check: ${m < 500 ? 'met' : 'NOT met'} (median ${f(m)}; ${f(all)} with the hub stack's message latency counted too)`);
