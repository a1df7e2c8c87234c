#!/usr/bin/env node
// bench/cost-table: the cost table of 30 billed clusters (20 GCP, 10 AWS) x 12 months against the local fakes of
// BigQuery (5 rows a page, so 3 sequential calls per cluster) and Cost Explorer (one call per cluster), every answer
// delayed 40 ms like a real network. Runs the core (src/shared/billing) in-process from the TypeScript sources and
// prints the median wall time per concurrency bound (the default is 8). Target: < 3 s at the default bound.
// Measures, asserts nothing (a run with failed clusters or missing rows is reported as an error).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
if (!process.execArgv.includes('--experimental-transform-types')) {
  // Re-run with the TypeScript hooks the tests use (the core and the fakes are .ts sources).
  const r = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', path.join(root, 'test/harness/ts-hooks.mjs'), fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { buildCostTable, DEFAULT_CONCURRENCY } = await import(path.join(root, 'src/shared/billing/index.ts'));
const { silentReporter } = await import(path.join(root, 'src/shared/log.ts'));
const { repoPaths } = await import(path.join(root, 'src/shared/repo/index.ts'));
const { GoogleAuthCheck, makeServiceAccountKey, startFakeBigQuery } = await import(path.join(root, 'test/harness/bigquery-api.ts'));
const { startFakeCostExplorer } = await import(path.join(root, 'test/harness/cost-explorer-api.ts'));
const { sopsEnv, writeSopsFile } = await import(path.join(root, 'test/harness/sops.ts'));

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 40);
const GCP = 20;
const AWS = 10;
const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-cost-table-'));
const TABLE = 'billing-proj.cloud_costs.gcp_billing_export_resource_v1_0157F7_E3EA8C_25AC3C';
const auth = new GoogleAuthCheck();
const key = makeServiceAccountKey();
auth.trustKey(key);
const payer = { accessKeyId: 'AKIABENCHPAYER000001', secretAccessKey: 'benchSecret/000000000000000000000000000', account: '999900000000', canSee: [] };
const rows = [];
const costs = {};
for (let c = 0; c < GCP; c++) for (const m of months) rows.push({ month: m.replace('-', ''), project: `project-${c}`, total: (100 + c + Number(m.slice(5)) / 100).toFixed(2) });
for (let c = 0; c < AWS; c++) {
  const account = String(111100000000 + c);
  payer.canSee.push(account);
  costs[account] = Object.fromEntries(months.map((m) => [m, (50 + c).toFixed(2)]));
}
let bq;
let ce;
try {
  for (let c = 0; c < GCP; c++) {
    const dir = path.join(tmp, 'config/clusters', `gcp-${c}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cluster.yaml'), `name: gcp-${c}\nprovider: gcp\ngcp:\n  project: project-${c}\n  cluster: c\n  zone: z\n  billing:\n    paid_by_us: true\n    bigquery:\n      project: billing-proj\n      dataset: cloud_costs\n      billing_id: 0157F7-E3EA8C-25AC3C\nhubs: []\n`);
  }
  for (let c = 0; c < AWS; c++) {
    const dir = path.join(tmp, 'config/clusters', `aws-${c}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cluster.yaml'), `name: aws-${c}\nprovider: aws\naws:\n  clusterType: eks\n  clusterName: aws-${c}\n  region: us-west-2\n  account: "${111100000000 + c}"\n  billing:\n    paid_by_us: true\nhubs: []\n`);
  }
  await writeSopsFile(path.join(tmp, 'key.secret.json'), key);
  bq = await startFakeBigQuery({ auth, tables: { [TABLE]: rows }, pageSize: 5, latencyMs: LATENCY });
  ce = await startFakeCostExplorer({ keys: [payer], costs, latencyMs: LATENCY });
  // The AWS SDK's default chain reads the job's credentials from the environment (ambient mode).
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: payer.accessKeyId, AWS_SECRET_ACCESS_KEY: payer.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true' });
  const run = async (concurrency) => {
    const before = { q: bq.calls.query + bq.calls.getQueryResults, ce: ce.requests.length };
    const t0 = performance.now();
    const table = await buildCostTable({
      paths: repoPaths({ configRoot: tmp }),
      reporter: silentReporter,
      range: { start: months[0], end: months.at(-1) },
      concurrency,
      env: sopsEnv(),
      gcp: { keyFile: path.join(tmp, 'key.secret.json'), apiEndpoint: bq.url },
      aws: { credentials: 'ambient', endpoint: ce.url },
    });
    const ms = performance.now() - t0;
    const requests = bq.calls.query + bq.calls.getQueryResults - before.q + ce.requests.length - before.ce;
    const ok = table.failed.length === 0 && table.rows.length === (GCP + AWS) * months.length;
    return { ms, requests, ok, failed: table.failed };
  };
  await run(DEFAULT_CONCURRENCY); // warm-up: module loading, key decryption
  console.log(`30 clusters (${GCP} GCP, ${AWS} AWS) x 12 months, ${LATENCY} ms per answer; median of 3 runs\n`);
  console.log('| concurrency | wall (ms) | API requests | rows ok | target |');
  console.log('| ---: | ---: | ---: | --- | --- |');
  let bad = false;
  for (const c of [1, 4, DEFAULT_CONCURRENCY, 16]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await run(c));
    runs.sort((a, b) => a.ms - b.ms);
    const med = runs[1];
    if (!runs.every((r) => r.ok)) {
      bad = true;
      console.error(`concurrency ${c}: failed clusters or missing rows: ${JSON.stringify(runs.find((r) => !r.ok)?.failed)}`);
    }
    console.log(`| ${c}${c === DEFAULT_CONCURRENCY ? ' (default)' : ''} | ${med.ms.toFixed(0)} | ${med.requests} | ${runs.every((r) => r.ok) ? 'yes' : 'NO'} | ${c === DEFAULT_CONCURRENCY ? (med.ms < 3000 ? '< 3 s: met' : '< 3 s: MISSED') : ''} |`);
  }
  process.exitCode = bad ? 1 : 0;
} finally {
  await bq?.stop();
  await ce?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
