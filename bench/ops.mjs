#!/usr/bin/env node
// bench/ops: the operator tools' hot paths.
// - logs: `component-logs` of PODS (default 4) hub pods holding LINES (default 50000) lines in all, through
//   client-node's Log API against the fake API server (one pod after the other, each line prefixed);
// - follow: the delay from a line appended on the server to the sink, over FOLLOW (default 200) lines;
// - age: decrypting SIZE_MIB (default 4) MiB with age-encryption (in process) against the age CLI.
// Plain JS; imports the sources and the test harness through Node 24's type stripping (re-running itself with
// test/harness/ts-hooks.mjs). Measures, asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(root, 'test/harness/ts-hooks.mjs')];
if (!process.env.OPS_BENCH_CHILD) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, OPS_BENCH_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

const { KubeConfig } = await import('@kubernetes/client-node');
const { startFakeKube } = await import('../test/harness/kube-api/index.ts');
const { componentLogs, prefixer } = await import('../src/shared/ops/logs.ts');
const { decryptAgeContent } = await import('../src/shared/ops/age.ts');
const { formatTextTable } = await import('../src/shared/log.ts');

const PODS = Number(process.env.PODS ?? 4);
const LINES = Number(process.env.LINES ?? 50000);
const FOLLOW = Number(process.env.FOLLOW ?? 200);
const SIZE_MIB = Number(process.env.SIZE_MIB ?? 4);
const rows = [];
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

const fake = await startFakeKube({ namespaces: ['default', 'hub'] });
try {
  const kc = new KubeConfig();
  kc.loadFromFile(fake.kubeconfigPath);
  const line = '[I 2026-12-01 05:00:00.000 JupyterHub log:191] 200 GET /hub/api/users (service@10.0.0.1) 12.34ms';
  for (let p = 0; p < PODS; p++) {
    const name = `hub-${p}`;
    fake.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'hub', labels: { component: 'hub' } }, spec: { containers: [{ name: 'hub', image: 'x' }] } });
    fake.setPodLog('hub', name, 'hub', Array.from({ length: Math.ceil(LINES / PODS) }, (_, i) => `${line} #${i}`));
  }
  let n = 0;
  let bytes = 0;
  const fmt = prefixer();
  const t0 = performance.now();
  await componentLogs(kc, 'hub', 'hub', {}, (pod, l) => {
    n++;
    bytes += fmt(pod, l).length + 1;
  });
  const ms = performance.now() - t0;
  rows.push(['logs', `${PODS} pods, ${n} lines, ${(bytes / 2 ** 20).toFixed(1)} MiB`, secs(ms), `${Math.round(n / (ms / 1000))} lines/s`]);

  const ac = new AbortController();
  const delays = [];
  let sent = 0;
  let resolveLine;
  const follow = componentLogs(kc, 'hub', 'hub', { follow: true, tailLines: 0, signal: ac.signal }, (_pod, l) => {
    if (!l.startsWith('live ')) return;
    delays.push(performance.now() - sent);
    resolveLine?.();
  });
  while (fake.logFollowers() < PODS) await new Promise((r) => setTimeout(r, 10));
  for (let i = 0; i < FOLLOW; i++) {
    const got = new Promise((r) => (resolveLine = r));
    sent = performance.now();
    fake.appendPodLog('hub', `hub-${i % PODS}`, 'hub', `live ${i}`);
    await got;
  }
  ac.abort();
  await follow;
  delays.sort((a, b) => a - b);
  rows.push(['follow', `${FOLLOW} appended lines over ${PODS} streams`, `median ${delays[delays.length >> 1].toFixed(2)} ms`, `p95 ${delays[Math.floor(delays.length * 0.95)].toFixed(2)} ms`]);
} finally {
  await fake.stop();
}

if (existsSync('/usr/bin/age') && existsSync('/usr/bin/age-keygen')) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-ops-age-'));
  try {
    const key = path.join(tmp, 'key.txt');
    execFileSync('/usr/bin/age-keygen', ['-o', key], { stdio: 'ignore' });
    const text = readFileSync(key, 'utf8');
    const identity = text.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'));
    const recipient = /# public key: (age1\S+)/.exec(text)[1];
    const plain = path.join(tmp, 'plain');
    writeFileSync(plain, Buffer.alloc(SIZE_MIB * 2 ** 20, 'x'));
    const enc = execFileSync('/usr/bin/age', ['-r', recipient, plain], { maxBuffer: 2 ** 30 });
    let t0 = performance.now();
    await decryptAgeContent(enc, [identity]);
    rows.push(['age', `${SIZE_MIB} MiB, age-encryption in process`, secs(performance.now() - t0), '']);
    t0 = performance.now();
    execFileSync('/usr/bin/age', ['--decrypt', '-i', key], { input: enc, maxBuffer: 2 ** 30 });
    rows.push(['age', `${SIZE_MIB} MiB, age CLI (process start included)`, secs(performance.now() - t0), '']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  rows.push(['age', 'skipped: the age CLI is not installed (apt-get install age)', '', '']);
}

console.log(formatTextTable(['bench', 'what', 'time', 'rate'], rows));
