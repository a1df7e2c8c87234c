#!/usr/bin/env node
// bench/plan: `deployer generate helm-upgrade-jobs` as a whole process (start-up included), on the example repo and on
// generated trees (the reference corpus size: 30 clusters / 170 hubs; 200, 1,000 and 2,000 clusters x 10 hubs for the
// growth), for three kinds of change: one hub's values file, a cluster's shared values file, a hub chart file (every
// hub). Prints the median wall time and the peak RSS of the CLI process. Measures, asserts nothing (but a run that
// fails or plans the wrong number of jobs is reported as an error).
//
// Runs the bundled CLI (dist/cli/index.js; build it first: `node scripts/build.mjs --no-typecheck cli`), or the file
// named by $DEPLOYER_CLI. Targets: 170 hubs < 150 ms, 20,000 hubs < 2 s, linear growth.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.DEPLOYER_CLI ? path.resolve(process.env.DEPLOYER_CLI) : path.join(root, 'dist/cli/index.js');
if (!existsSync(cli)) {
  console.error(`bench/plan: ${cli} does not exist; run \`node scripts/build.mjs --no-typecheck cli\` first`);
  process.exit(1);
}
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));

/** Write a tree of `clusters` clusters with `hubsOf(i)` hubs each (2 staging-named), realistic cluster.yaml files. */
function makeTree(name, clusters, hubsOf) {
  const dir = path.join(tmp, name);
  let hubs = 0;
  const providers = ['gcp', 'aws', 'azure', 'kubeconfig'];
  for (let c = 0; c < clusters; c++) {
    const cname = `cluster-${String(c).padStart(4, '0')}`;
    const cdir = path.join(dir, 'config/clusters', cname);
    mkdirSync(cdir, { recursive: true });
    const provider = providers[c % providers.length];
    const lines = [
      `name: ${cname}`,
      `provider: ${provider}`,
      provider === 'gcp' ? `gcp:\n  key: enc-deployer-credentials.secret.json\n  project: p-${c}\n  cluster: ${cname}\n  zone: us-central1\n  billing:\n    paid_by_us: true` : '',
      provider === 'aws' ? `aws:\n  key: enc-deployer-credentials.secret.json\n  clusterType: eks\n  clusterName: ${cname}\n  region: us-west-2` : '',
      'support:',
      '  helm_chart_values_files:',
      '    - support.values.yaml',
      '    - enc-support.secret.values.yaml',
      'hubs:',
    ];
    const n = hubsOf(c);
    for (let h = 0; h < n; h++) {
      const hub = h === 0 ? 'staging' : h === 1 && n > 5 ? 'dask-staging' : `hub-${h}`;
      lines.push(
        `  - name: ${hub}`,
        `    display_name: "Hub ${hub} of ${cname}"`,
        `    domain: ${hub}.${cname}.example.org`,
        `    helm_chart: ${h % 3 === 1 ? 'daskhub' : 'basehub'}`,
        '    helm_chart_values_files:',
        '      - common.values.yaml',
        `      - ${hub}.values.yaml`,
        `      - enc-${hub}.secret.values.yaml`,
      );
      hubs++;
    }
    writeFileSync(path.join(cdir, 'cluster.yaml'), lines.filter(Boolean).join('\n') + '\n');
  }
  return { dir, clusters, hubs };
}

function run(configRoot, file) {
  const args = [cli, 'generate', 'helm-upgrade-jobs', file, '--json', '--config-root', configRoot];
  const t0 = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  const peakKb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  const plan = JSON.parse(r.stdout);
  return { ms, peakKb, jobs: plan['staging-jobs'].length + plan['prod-jobs'].length, support: plan['support-jobs'].length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const trees = [
  { label: 'examples/infrastructure', dir: path.join(root, 'examples/infrastructure'), hubs: 9, one: 'config/clusters/gcp-demo/prod.values.yaml', shared: 'config/clusters/gcp-demo/common.values.yaml', expect: { one: 3, shared: 4, all: 9 } },
];
const corpus = makeTree('corpus', 30, (c) => (c < 20 ? 6 : 5));
const gen = (label, t, perCluster) => ({
  label,
  dir: t.dir,
  hubs: t.hubs,
  one: 'config/clusters/cluster-0003/hub-2.values.yaml',
  shared: 'config/clusters/cluster-0003/common.values.yaml',
  expect: { one: perCluster > 5 ? 3 : 2, shared: perCluster, all: t.hubs },
});
trees.push(gen('30 clusters / 170 hubs', corpus, 6)); // cluster-0003 has 6 hubs
for (const n of [200, 1000, 2000]) trees.push(gen(`${n} clusters x 10 hubs`, makeTree(`gen-${n}`, n, () => 10), 10));

const rows = [];
let errors = 0;
for (const t of trees) {
  const cases = [
    ['one values file', t.one, t.expect.one],
    ['a shared file', t.shared, t.expect.shared],
    ['all hubs', 'helm-charts/basehub/values.yaml', t.expect.all],
  ];
  const reps = t.hubs > 5000 ? 5 : 9;
  for (const [kind, file, expected] of cases) {
    try {
      run(t.dir, file); // warm the file cache
      const results = Array.from({ length: reps }, () => run(t.dir, file));
      const jobs = results[0].jobs;
      if (jobs !== expected) {
        errors++;
        console.error(`bench/plan: ${t.label} / ${kind}: planned ${jobs} hub jobs, expected ${expected}`);
      }
      rows.push([t.label, String(t.hubs), kind, String(jobs), `${median(results.map((r) => r.ms)).toFixed(0)} ms`, Number.isNaN(results[0].peakKb) ? 'n/a' : `${(Math.max(...results.map((r) => r.peakKb)) / 1024).toFixed(0)} MiB`]);
    } catch (e) {
      errors++;
      rows.push([t.label, String(t.hubs), kind, 'error', String(e.message).split('\n')[0], '']);
    }
  }
}
rmSync(tmp, { recursive: true, force: true });

const header = ['tree', 'hubs', 'change', 'hub jobs', 'median wall', 'peak RSS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`deployer generate helm-upgrade-jobs --json, whole process (${path.relative(root, cli) || cli}, node ${process.version})\n`);
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
console.log('\ntargets: 170 hubs < 150 ms; 20,000 hubs < 2 s; time linear in the clusters read');
process.exit(errors ? 1 : 0);
