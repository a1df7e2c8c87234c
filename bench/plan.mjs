#!/usr/bin/env node
// bench/plan: `deployer generate helm-upgrade-jobs` as a whole process (start-up included), on the example repo and
// on generated fleets shaped like a real 2026 one (issue 16: 30 cluster.yaml files, ~54 KB, 171 hubs: several hubs
// per file with display names, domains, 3-5 values files each, comments, metadata, billing), plus 20,000 hubs for the
// growth. Three kinds of change: one hub's values file, a cluster's shared values file, a hub chart file (every hub:
// every cluster.yaml is read). Prints the median wall time and the peak RSS of the CLI process, beside `node -e 0`.
// Measures, asserts nothing (a run that fails or plans the wrong number of jobs is reported as an error).
//
// Runs the bundled CLI (dist/cli/index.js; build it first: `node scripts/build.mjs --no-typecheck cli`), or the file
// named by $DEPLOYER_CLI. Targets (issue 16): a chart change on 171 hubs <= 0.15 s, 20,000 hubs < 2 s.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const PROVIDERS = ['gcp', 'aws', 'aws', 'gcp', 'azure', 'kubeconfig', 'gcp', 'aws'];

/** One cluster.yaml shaped like the real 2026 fleet's. */
function clusterYaml(cname, c, hubNames) {
  const provider = PROVIDERS[c % PROVIDERS.length];
  const lines = [
    `# ${cname}: a ${provider} cluster run for a community partner`,
    `name: ${cname}`,
    `provider: ${provider}`,
    'metadata:',
    '  2i2c:',
    `    hubspot_deal_id: ${10_000_000_000 + c}`,
    `provider_url: https://console.example.com/${provider}/${cname}`,
  ];
  if (provider === 'gcp') {
    lines.push('gcp:', '  key: enc-deployer-credentials.secret.json', `  project: ${cname}-project`, `  cluster: ${cname}-cluster`, '  zone: us-central1', '  billing:');
    if (c % 2) lines.push('    paid_by_us: true', '    bigquery:', '      project: two-eye-two-see', '      dataset: cloud_costs', '      billing_id: 0157F7-E3EA8C-25AC3C');
    else lines.push('    paid_by_us: false');
  } else if (provider === 'aws') {
    lines.push('aws:', '  key: enc-deployer-credentials.secret.json', '  clusterType: eks', `  clusterName: ${cname}`, '  region: us-west-2', `  account: ${100_000_000_000 + c}`, '  billing:', `    paid_by_us: ${c % 2 ? 'true' : 'false'}`);
  } else if (provider === 'azure') {
    lines.push('azure:', '  key: enc-deployer-credentials.secret.json', `  resource_group: ${cname}-rg`, `  cluster: ${cname}-aks`);
  } else {
    lines.push('kubeconfig:', '  file: enc-deployer-credentials.secret.yaml');
  }
  lines.push('support:', '  helm_chart_values_files:', '    - support.values.yaml', '    - enc-support.secret.values.yaml', 'hubs:');
  hubNames.forEach((hub, h) => {
    lines.push(
      `  - name: ${hub}`,
      `    display_name: "${cname.replace(/-/g, ' ')} ${hub} (community hub)"`,
      `    domain: ${hub}.${cname}.2i2c.cloud`,
      `    helm_chart: ${h % 7 === 3 ? 'daskhub' : 'basehub'}`,
    );
    if (h % 5 === 2) lines.push('    # this hub needs more capacity during term time');
    lines.push('    helm_chart_values_files:', '      - common.values.yaml', `      - ${hub}.values.yaml`, `      - enc-${hub}.secret.values.yaml`);
    if (h % 2) lines.push(`      - ${hub}.jsonnet`);
    if (h % 3 === 1) lines.push('      - shared-profiles.values.yaml');
  });
  return lines.join('\n') + '\n';
}

/** A fleet of `files` cluster.yaml files with `hubsOf(i)` hubs each (the first two staging-named). */
function makeFleet(name, files, hubsOf) {
  const dir = path.join(tmp, name);
  let hubs = 0;
  let bytes = 0;
  for (let c = 0; c < files; c++) {
    const cname = `cluster-${String(c).padStart(4, '0')}`;
    const cdir = path.join(dir, 'config/clusters', cname);
    mkdirSync(cdir, { recursive: true });
    const n = hubsOf(c);
    const names = Array.from({ length: n }, (_, h) => (h === 0 ? 'staging' : h === 1 ? 'dask-staging' : `hub-${h}`));
    const text = clusterYaml(cname, c, names);
    writeFileSync(path.join(cdir, 'cluster.yaml'), text);
    hubs += n;
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, hubs, bytes };
}

function run(configRoot, args) {
  const argv = args ? [cli, 'generate', 'helm-upgrade-jobs', args, '--json', '--config-root', configRoot] : ['-e', '0'];
  const t0 = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-f', '%M %U %S', process.execPath, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  const [peak, user, sys] = TIME ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  const peakKb = peak;
  const cpuMs = (user + sys) * 1000;
  if (!args) return { ms, peakKb, cpuMs, jobs: 0 };
  const plan = JSON.parse(r.stdout);
  return { ms, peakKb, cpuMs, jobs: plan['staging-jobs'].length + plan['prod-jobs'].length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 30 files / 171 hubs: 21 files of 6 hubs and 9 of 5 (the real fleet's size).
const real = makeFleet('real-size', 30, (c) => (c < 21 ? 6 : 5));
// 20,000 hubs: 3,500 files of 5-6 hubs (the same shape, 117 times). `--no-large` leaves it out.
const large = !process.argv.includes('--no-large');
const big = large ? makeFleet('20000-hubs', 3500, (c) => (c < 2500 ? 6 : 5)) : undefined;
const trees = [
  { label: 'examples/infrastructure', dir: path.join(root, 'examples/infrastructure'), files: 3, hubs: 9, bytes: 0, one: 'config/clusters/gcp-demo/prod.values.yaml', shared: 'config/clusters/gcp-demo/common.values.yaml', expect: { one: 3, shared: 4, all: 9 } },
  { label: `real-size fleet`, ...real, one: 'config/clusters/cluster-0003/hub-2.values.yaml', shared: 'config/clusters/cluster-0003/common.values.yaml', expect: { one: 3, shared: 6, all: real.hubs } },
  ...(big ? [{ label: `20,000-hub fleet`, ...big, one: 'config/clusters/cluster-0003/hub-2.values.yaml', shared: 'config/clusters/cluster-0003/common.values.yaml', expect: { one: 3, shared: 6, all: big.hubs } }] : []),
];
const targets = { 'real-size fleet': 150, '20,000-hub fleet': 2000 };

const rows = [];
let errors = 0;
const baseline = Array.from({ length: 9 }, () => run(tmp));
const cpu = (rs) => (Number.isNaN(rs[0].cpuMs) ? 'n/a' : `${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms`);
rows.push(['node -e 0', '', '', '', '', `${median(baseline.map((r) => r.ms)).toFixed(0)} ms`, cpu(baseline), '', '']);
for (const t of trees) {
  const cases = [
    ['one values file', t.one, t.expect.one],
    ['a shared file', t.shared, t.expect.shared],
    ['a chart file', 'helm-charts/basehub/values.yaml', t.expect.all],
  ];
  const reps = t.hubs > 5000 ? 5 : 11;
  const size = t.bytes ? `${(t.bytes / 1024).toFixed(0)} KB` : '';
  for (const [kind, file, expected] of cases) {
    try {
      run(t.dir, file); // warm the file cache
      const results = Array.from({ length: reps }, () => run(t.dir, file));
      const jobs = results[0].jobs;
      if (jobs !== expected) {
        errors++;
        console.error(`bench/plan: ${t.label} / ${kind}: planned ${jobs} hub jobs, expected ${expected}`);
      }
      const ms = median(results.map((r) => r.ms));
      const target = kind === 'a chart file' ? targets[t.label] : undefined;
      rows.push([
        t.label,
        `${t.files} / ${t.hubs}`,
        size,
        kind,
        String(jobs),
        `${ms.toFixed(0)} ms`,
        cpu(results),
        Number.isNaN(results[0].peakKb) ? 'n/a' : `${(Math.max(...results.map((r) => r.peakKb)) / 1024).toFixed(0)} MiB`,
        target ? `<= ${target} ms: ${ms <= target ? 'met' : 'NOT met'}` : '',
      ]);
    } catch (e) {
      errors++;
      rows.push([t.label, `${t.files} / ${t.hubs}`, size, kind, 'error', String(e.message).split('\n')[0], '', '', '']);
    }
  }
}
rmSync(tmp, { recursive: true, force: true });

const header = ['tree', 'files / hubs', 'cluster.yaml', 'change', 'hub jobs', 'median wall', 'median CPU', 'peak RSS', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`deployer generate helm-upgrade-jobs --json, whole process (${path.relative(root, cli) || cli}, node ${process.version}, ${os.availableParallelism()} CPUs, load ${os.loadavg()[0].toFixed(1)})\n`);
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
console.log('\nCPU = user + system time of the process (steadier than wall time on a loaded machine). Compare with `node -e 0`.');
process.exit(errors ? 1 : 0);
