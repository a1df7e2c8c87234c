// deploy-dashboards end to end through the library: real jsonnet renders of the fixture checkout (vendor/ through
// -J vendor, one top-level-function dashboard), real sops decryption (test sops) of the token files, a fake Grafana.
import { createHash } from 'node:crypto';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { deployDashboards, type DeployDashboardsOptions } from '../../src/shared/grafana/dashboards.js';
import { DEFAULT_FOLDER_UID } from '../../src/shared/grafana/render.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { startFakeGrafana, type FakeGrafana } from '../harness/grafana-api.js';
import { dashboardsCopy, env, FAST_CLIENT, instancesFor, makeInfra, tokenOf } from './setup.js';

const NAMES = ['alpha', 'beta'];
let fake: FakeGrafana;
let root: string;
let dashboards: string;
const cleanup: string[] = [];

beforeAll(async () => {
  fake = await startFakeGrafana();
  root = await makeInfra(NAMES.map((name) => ({ name })));
  dashboards = dashboardsCopy();
  cleanup.push(root, dashboards);
});
afterAll(async () => {
  await fake.stop();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

function opts(reporter: MemoryReporter, extra: Partial<DeployDashboardsOptions> = {}): DeployDashboardsOptions {
  return {
    paths: repoPaths({ configRoot: root }),
    reporter,
    clusters: NAMES,
    dashboardsRoot: dashboards,
    grafanaUrlTemplate: `${fake.url}/{cluster}`,
    env: env(),
    client: FAST_CLIENT,
    ...extra,
  };
}

const FILES = ['cluster', 'jupyterhub', 'support', 'usage-report', 'user'];

describe('deploy-dashboards', () => {
  beforeAll(() => {
    instancesFor(fake, NAMES);
    fake.get('alpha')!.addDatasource({ name: 'prometheus', type: 'prometheus', url: 'http://support-prometheus-server' });
    fake.get('beta')!.addDatasource({ name: 'prometheus', type: 'prometheus', url: 'http://support-prometheus-server' });
    fake.get('beta')!.addDatasource({ name: 'thanos', type: 'prometheus', url: 'http://thanos' });
  });

  it('first run creates the folder and every dashboard, with upstream uids, rendered once per file', async () => {
    const reporter = new MemoryReporter();
    const r = await deployDashboards(opts(reporter));
    expect(r.failed).toEqual([]);
    for (const name of NAMES) {
      const inst = fake.get(name)!;
      expect(inst.folders.get(DEFAULT_FOLDER_UID)?.title).toBe('JupyterHub Default Dashboards');
      expect(inst.dashboards.size).toBe(FILES.length);
      for (const f of FILES) {
        const uid = createHash('sha256').update(`dashboards/${f}.jsonnet${DEFAULT_FOLDER_UID}`).digest('hex').slice(0, 16);
        const d = inst.dashboards.get(uid);
        expect(d).toBeDefined();
        expect(d!.folderUid).toBe(DEFAULT_FOLDER_UID);
      }
      const rows = r.rows.filter((x) => x.cluster === name);
      expect(rows.map((x) => x.action)).toEqual(['created', ...FILES.map(() => 'created')]);
      expect(rows.find((x) => x.source === 'dashboards/cluster.jsonnet')!.link).toMatch(new RegExp(`^${fake.url}/${name}/d/[0-9a-f]{16}/cluster-information$`));
    }
    // the top-level function got this Grafana's datasource names
    const usage = (n: string) => [...fake.get(n)!.dashboards.values()].find((d) => d.dashboard.title === 'Usage Report')!.dashboard;
    expect((usage('alpha').panels as { title: string }[]).map((p) => p.title)).toEqual(['Users on prometheus']);
    expect((usage('beta').panels as { title: string }[]).map((p) => p.title)).toEqual(['Users on prometheus', 'Users on thanos']);
    // datasource variables filled from the datasources (default: the first)
    const cluster = [...fake.get('beta')!.dashboards.values()].find((d) => d.dashboard.title === 'Cluster Information')!.dashboard;
    const dsVar = (cluster.templating as { list: any[] }).list.find((v) => v.type === 'datasource');
    expect(dsVar.options.map((o: any) => o.value)).toEqual(['prometheus', 'thanos']);
    expect(dsVar.current.value).toBe('prometheus');
    // 4 object dashboards once + usage-report once per distinct datasource list (2) + 1 probe
    expect(r.renders).toBe(4 + 2 + 1);
    expect(fake.writes().every((w) => w.auth === 'bearer')).toBe(true);
  });

  it('a second run writes nothing and says unchanged', async () => {
    fake.reset();
    const r = await deployDashboards(opts(new MemoryReporter()));
    expect(r.failed).toEqual([]);
    expect(fake.writes()).toEqual([]);
    expect(r.writes).toBe(0);
    expect(new Set(r.rows.map((x) => x.action))).toEqual(new Set(['unchanged']));
  });

  it('a third run after changing one dashboard writes only that one (on each cluster)', async () => {
    const file = path.join(dashboards, 'dashboards/support.jsonnet');
    appendFileSync(file, "+ { description: 'changed' }\n");
    fake.reset();
    const r = await deployDashboards(opts(new MemoryReporter()));
    expect(r.failed).toEqual([]);
    const writes = fake.writes();
    expect(writes.map((w) => `${w.instance} ${w.method} ${w.path}`)).toEqual(expect.arrayContaining(['alpha POST /api/dashboards/db', 'beta POST /api/dashboards/db']));
    expect(writes).toHaveLength(2);
    expect(writes.every((w) => (w.body as any).dashboard.title === 'NFS and Support Information' && (w.body as any).overwrite === true)).toBe(true);
    expect(r.rows.filter((x) => x.action === 'updated').map((x) => `${x.cluster}:${x.source}`)).toEqual(['alpha:dashboards/support.jsonnet', 'beta:dashboards/support.jsonnet']);
  });

  it('--dry-run writes nothing and lists created / updated / unchanged', async () => {
    writeFileSync(path.join(dashboards, 'dashboards/new-one.jsonnet'), "local g = import 'minigraf/main.libsonnet';\ng.dashboard.new('Brand New')\n");
    appendFileSync(path.join(dashboards, 'dashboards/user.jsonnet'), "+ { description: 'dry' }\n");
    fake.reset();
    const r = await deployDashboards(opts(new MemoryReporter(), { dryRun: true, clusters: ['alpha'] }));
    expect(fake.writes()).toEqual([]);
    const byFile = Object.fromEntries(r.rows.map((x) => [x.source, x.action]));
    expect(byFile['dashboards/new-one.jsonnet']).toBe('created');
    expect(byFile['dashboards/user.jsonnet']).toBe('updated');
    expect(byFile['dashboards/cluster.jsonnet']).toBe('unchanged');
    expect(r.dryRun).toBe(true);
    rmSync(path.join(dashboards, 'dashboards/new-one.jsonnet'));
  });

  it('renames the folder when its title differs, and extra directories go to their own folders', async () => {
    fake.reset();
    const r = await deployDashboards(
      opts(new MemoryReporter(), {
        clusters: ['alpha'],
        folderName: 'Hub dashboards',
        extraSets: [{ dir: path.join(dashboards, 'dashboards'), folderUid: 'custom-dashboards', folderName: '2i2c dashboards' }],
      }),
    );
    expect(r.failed).toEqual([]);
    const inst = fake.get('alpha')!;
    expect(inst.folders.get(DEFAULT_FOLDER_UID)!.title).toBe('Hub dashboards');
    expect(inst.folders.get('custom-dashboards')!.title).toBe('2i2c dashboards');
    expect(r.rows.find((x) => x.source === DEFAULT_FOLDER_UID)!.action).toBe('renamed');
    expect(fake.writes().filter((w) => w.method === 'PUT')).toHaveLength(1);
    // same files, other folder: other uids (upstream's folder-uid salt), no clash
    expect([...inst.dashboards.values()].filter((d) => d.folderUid === 'custom-dashboards')).toHaveLength(FILES.length);
  });

  it('a 500 is retried; a 401 names method, path and status, never the token', async () => {
    fake.reset();
    fake.failNext({ status: 500, instance: 'alpha', method: 'GET', pathPrefix: '/api/folders/' });
    const ok = await deployDashboards(opts(new MemoryReporter(), { clusters: ['alpha'], folderName: 'Hub dashboards' }));
    expect(ok.failed).toEqual([]);
    fake.failNext({ status: 401, instance: 'alpha', count: 10 });
    const reporter = new MemoryReporter();
    const bad = await deployDashboards(opts(reporter, { clusters: ['alpha'] }));
    expect(bad.failed).toEqual(['alpha']);
    const err = bad.clusters[0].error!;
    expect(err).toMatch(/Grafana API GET \/api\/folders\/70E5EE84-1217-4021-A89E-1E3DE0566D93 \(alpha\) answered 401/);
    expect(err).toMatch(/new-token/);
    expect(JSON.stringify(bad) + reporter.text()).not.toContain(tokenOf('alpha'));
  });

  it('GRAFANA_TOKEN (one cluster) is used instead of the token file, and refused for many clusters', async () => {
    fake.reset();
    const inst = fake.instance('gamma', { token: 'CANARY-env-token-9999' });
    await (await import('./setup.js')).addCluster(root, { name: 'gamma', tokenFile: false });
    const r = await deployDashboards(opts(new MemoryReporter(), { clusters: ['gamma'], token: 'CANARY-env-token-9999' }));
    expect(r.failed).toEqual([]);
    expect(inst.dashboards.size).toBe(FILES.length);
    await expect(deployDashboards(opts(new MemoryReporter(), { clusters: [], token: 'CANARY-env-token-9999' }))).rejects.toThrow(/GRAFANA_TOKEN applies to one cluster/);
  });

  it('missing pieces are located findings naming the key or file', async () => {
    const { addCluster } = await import('./setup.js');
    await addCluster(root, { name: 'no-token', tokenFile: false });
    await addCluster(root, { name: 'no-grafana', grafana: false });
    fake.instance('no-token');
    const r = await deployDashboards(opts(new MemoryReporter(), { clusters: ['no-token', 'no-grafana'], grafanaUrlTemplate: undefined }));
    expect(r.failed.sort()).toEqual(['no-grafana', 'no-token']);
    const err = (c: string) => r.clusters.find((x) => x.cluster === c)!.error!;
    expect(err('no-token')).toMatch(/config\/clusters\/no-token\/enc-grafana-token\.secret\.yaml: the Grafana token file of no-token does not exist/);
    expect(err('no-grafana')).toMatch(/config\/clusters\/no-grafana\/support\.values\.yaml:1:1: cannot tell the Grafana URL: `grafana\.ingress\.tls\[0\]\.hosts\[0\]` is not set/);
    // with no cluster named, a cluster without a Grafana ingress is skipped, not failed
    const all = await deployDashboards(opts(new MemoryReporter(), { clusters: [], dryRun: true }));
    expect(all.skipped).toContain('no-grafana');
    expect(all.failed).toEqual(['gamma', 'no-token']); // gamma has no token file (it used GRAFANA_TOKEN)
  });

  it('a support values file listed in cluster.yaml is where the Grafana host comes from', async () => {
    const { addCluster } = await import('./setup.js');
    await addCluster(root, { name: 'split' });
    const dir = path.join(root, 'config/clusters/split');
    writeFileSync(path.join(dir, 'support.values.yaml'), YAML.stringify({ prometheusIngressAuthSecret: { enabled: true } }));
    writeFileSync(path.join(dir, 'grafana.values.yaml'), YAML.stringify({ grafana: { ingress: { tls: [{ hosts: ['grafana.split.example.org'] }] } } }));
    writeFileSync(path.join(dir, 'cluster.yaml'), YAML.stringify({ name: 'split', provider: 'kubeconfig', kubeconfig: { file: 'x.secret.yaml' }, support: { helm_chart_values_files: ['support.values.yaml', 'grafana.values.yaml', 'enc-support.secret.values.yaml'] }, hubs: [] }));
    fake.instance('split', { token: tokenOf('split') });
    const r = await deployDashboards(opts(new MemoryReporter(), { clusters: ['split'], grafanaUrlTemplate: `${fake.url}/{cluster}?host={host}` }));
    expect(r.clusters[0].url).toBe(`${fake.url}/split?host=grafana.split.example.org`);
  });
});

describe('a fleet: 30 clusters, 2 failing', () => {
  it('deploys 28, names the 2 that failed', async () => {
    const fleet = await startFakeGrafana();
    const names = Array.from({ length: 30 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
    const fleetRoot = await makeInfra(names.map((name) => ({ name })));
    cleanup.push(fleetRoot);
    try {
      instancesFor(fleet, names.filter((n) => n !== 'c07'));
      // c07's Grafana is gone (404 for everything), c19 answers 500 on every write
      fleet.failNext({ status: 500, instance: 'c19', method: 'POST', count: 100 });
      const reporter = new MemoryReporter();
      const r = await deployDashboards({
        paths: repoPaths({ configRoot: fleetRoot }),
        reporter,
        clusters: [],
        dashboardsRoot: dashboards,
        grafanaUrlTemplate: `${fleet.url}/{cluster}`,
        env: env(),
        client: FAST_CLIENT,
        parallelism: 6,
      });
      expect(r.failed).toEqual(['c07', 'c19']);
      const deployed = names.filter((n) => fleet.get(n) && fleet.get(n)!.dashboards.size > 0);
      expect(deployed).toHaveLength(28);
      expect(r.rows.filter((x) => x.action === 'failed').map((x) => x.cluster)).toEqual(expect.arrayContaining(['c07', 'c19']));
      expect(reporter.text()).not.toMatch(/CANARY-token/);
    } finally {
      await fleet.stop();
    }
  }, 600_000);
});
