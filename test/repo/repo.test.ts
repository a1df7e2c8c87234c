import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeployerError } from '../../src/shared/errors.js';
import {
  chartOverridePath,
  findHub,
  hubValuesFiles,
  listClusterNames,
  loadCluster,
  repoPaths,
  supportValuesFiles,
  type RepoPaths,
} from '../../src/shared/repo/index.js';

let root: string;
let paths: RepoPaths;

const GOOD = `name: c1
provider: kubeconfig
kubeconfig:
  file: enc-deployer-credentials.secret.yaml
support:
  helm_chart_values_files:
    - support.values.yaml
hubs:
  - name: staging
    domain: staging.example.org
    helm_chart: basehub
    helm_chart_values_files:
      - common.values.yaml
      - staging.values.yaml
  - name: prod
    domain: prod.example.org
    helm_chart: daskhub
    helm_chart_values_files:
      - common.values.yaml
      - enc-prod.secret.values.yaml
`;

function writeCluster(name: string, text: string) {
  const dir = path.join(root, 'config/clusters', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'cluster.yaml'), text);
  return dir;
}

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<DeployerError> {
  try {
    if (typeof p === 'function') p();
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeployerError);
    return e as DeployerError;
  }
  throw new Error('expected a DeployerError');
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'repo-test-'));
  paths = repoPaths({ configRoot: root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loading clusters', () => {
  it('loads a cluster into typed hubs with values files in order', async () => {
    writeCluster('c1', GOOD);
    const c = await loadCluster(paths, 'c1');
    expect(c.name).toBe('c1');
    expect(c.provider).toBe('kubeconfig');
    expect(c.hubs.map((h) => [h.name, h.helmChart, h.index])).toEqual([
      ['staging', 'basehub', 0],
      ['prod', 'daskhub', 1],
    ]);
    const files = hubValuesFiles(c, c.hubs[1]);
    expect(files.map((f) => [f.display, f.secret])).toEqual([
      ['config/clusters/c1/common.values.yaml', false],
      ['config/clusters/c1/enc-prod.secret.values.yaml', true],
    ]);
    expect(supportValuesFiles(c).map((f) => f.ref)).toEqual(['support.values.yaml']);
  });

  it('lists clusters sorted, skipping directories without cluster.yaml and templates', () => {
    writeCluster('zeta', GOOD.replace('name: c1', 'name: zeta'));
    writeCluster('alpha', GOOD.replace('name: c1', 'name: alpha'));
    writeCluster('templates', GOOD);
    mkdirSync(path.join(root, 'config/clusters/empty-dir'));
    expect(listClusterNames(paths)).toEqual(['alpha', 'zeta']);
  });

  it('honours clusters-dir relative to config-root', async () => {
    const dir = path.join(root, 'elsewhere/c1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cluster.yaml'), GOOD);
    const c = await loadCluster(repoPaths({ configRoot: root, clustersDir: 'elsewhere' }), 'c1');
    expect(c.displayFile).toBe('elsewhere/c1/cluster.yaml');
  });
});

describe('bad input is a located DeployerError', () => {
  it('YAML syntax error: line and column of the fault', async () => {
    writeCluster('c1', 'name: c1\nprovider: kubeconfig\nhubs:\n  - name: a\n   domain: x\n');
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.file).toBe('config/clusters/c1/cluster.yaml');
    expect(e.line).toBe(5);
    expect(e.col).toBeGreaterThan(0);
    expect(e.message).toMatch(/YAML syntax error/);
  });

  it('wrong type', async () => {
    writeCluster('c1', GOOD.replace('domain: prod.example.org', 'domain: [a, b]'));
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.format()).toBe(
      'config/clusters/c1/cluster.yaml:16:13: hubs[1].domain must be string, but it is a list\n' +
        '  hint: fix it and run `deployer validate cluster-config c1` to see every finding',
    );
  });

  it('unknown provider', async () => {
    writeCluster('c1', GOOD.replace('provider: kubeconfig', 'provider: openstack'));
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.line).toBe(2);
    expect(e.col).toBe(11);
    expect(e.message).toMatch(/provider is "openstack", which is not one of: gcp, kubeconfig, aws, azure/);
  });

  it('missing required key (in the second hub: every hub is validated)', async () => {
    writeCluster('c1', GOOD.replace('    helm_chart: daskhub\n', ''));
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.message).toMatch(/missing required key `helm_chart` in hubs\[1\]/);
    expect(e.line).toBe(15);
  });

  it('unknown key is located at the key', async () => {
    writeCluster('c1', GOOD.replace('    domain: staging.example.org\n', '    domain: staging.example.org\n    domian: typo\n'));
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.message).toMatch(/unknown key `domian` in hubs\[0\]/);
    expect([e.line, e.col]).toEqual([11, 5]);
  });

  it('a values path with .. that escapes the cluster directory', async () => {
    writeCluster('c1', GOOD.replace('- staging.values.yaml', '- ../other/staging.values.yaml'));
    const c = await loadCluster(paths, 'c1');
    const e = await errorOf(() => hubValuesFiles(c, c.hubs[0]));
    expect(e.message).toMatch(/escapes the cluster directory/);
    expect([e.file, e.line, e.col]).toEqual(['config/clusters/c1/cluster.yaml', 14, 9]);
  });

  it('an absolute values path', async () => {
    writeCluster('c1', GOOD.replace('- staging.values.yaml', '- /etc/passwd'));
    const c = await loadCluster(paths, 'c1');
    expect((await errorOf(() => hubValuesFiles(c, c.hubs[0]))).message).toMatch(/is absolute/);
  });

  it('a symlink that leads outside the cluster directory', async () => {
    const dir = writeCluster('c1', GOOD);
    writeFileSync(path.join(root, 'outside.yaml'), 'a: 1\n');
    symlinkSync(path.join(root, 'outside.yaml'), path.join(dir, 'staging.values.yaml'));
    const c = await loadCluster(paths, 'c1');
    expect((await errorOf(() => hubValuesFiles(c, c.hubs[0]))).message).toMatch(/symlink that leads outside/);
  });

  it('chart_override with a slash stays inside config-root', async () => {
    writeCluster('c1', GOOD.replace('    helm_chart: basehub\n', '    helm_chart: basehub\n    chart_override: ../../../../x/Chart.yaml\n'));
    const c = await loadCluster(paths, 'c1');
    expect((await errorOf(() => chartOverridePath(c, c.hubs[0]))).message).toMatch(/escapes the config root/);
  });

  it('unknown cluster name lists the known clusters', async () => {
    writeCluster('c1', GOOD);
    const e = await errorOf(loadCluster(paths, 'nope'));
    expect(e.message).toBe('unknown cluster `nope`: there is no config/clusters/nope/cluster.yaml');
    expect(e.hint).toBe('known clusters: c1');
  });

  it('a cluster name that is a path is refused', async () => {
    expect((await errorOf(loadCluster(paths, '../etc'))).message).toMatch(/invalid cluster name/);
  });

  it('empty file', async () => {
    writeCluster('c1', '# nothing here\n');
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.message).toBe('cluster.yaml is empty');
    expect(e.line).toBe(1);
  });

  it('a file that is not a mapping', async () => {
    writeCluster('c1', '- name: c1\n- provider: gcp\n');
    const e = await errorOf(loadCluster(paths, 'c1'));
    expect(e.message).toMatch(/must be a mapping of keys to values, but it is a list/);
  });

  it('provider block required for the provider', async () => {
    writeCluster('c1', 'name: c1\nprovider: gcp\n');
    expect((await errorOf(loadCluster(paths, 'c1'))).message).toMatch(/missing required key `gcp`/);
  });

  it('unknown hub lists the hubs that exist', async () => {
    writeCluster('c1', GOOD);
    const c = await loadCluster(paths, 'c1');
    const e = await errorOf(() => findHub(c, 'nope'));
    expect(e.hint).toBe('hubs of c1: staging, prod');
  });

  it('a missing clusters directory says how to point at the repo', () => {
    expect(() => listClusterNames(paths)).toThrow(/clusters directory config\/clusters does not exist/);
  });
});

describe('the schema accepts both upstream shapes', () => {
  it('2023 shape (account, tuple hubs with binderhub)', async () => {
    writeCluster(
      'c1',
      `name: c1\nprovider: gcp\naccount: team@example.org\ngcp:\n  key: enc-key.secret.json\n  project: p\n  cluster: c\n  zone: us-central1-b\n  billing:\n    paid_by_us: true\n    bigquery:\n      project: bp\n      dataset: ds\n      billing_id: 00DEAD-BEEF00-123456\nhubs:\n  - name: binder\n    domain: b.example.org\n    helm_chart: binderhub\n    helm_chart_values_files: [binder.values.yaml]\n`,
    );
    await expect(loadCluster(paths, 'c1')).resolves.toBeDefined();
  });
  it('2026 shape (metadata, provider_url, aws.account, aws.billing, chart_override, uptime_check)', async () => {
    writeCluster(
      'c1',
      `name: c1\nprovider: aws\nprovider_url: https://console.aws.amazon.com\nmetadata:\n  2i2c:\n    hubspot_deal_id: 1234\naws:\n  key: enc-deployer-credentials.secret.json\n  clusterType: eks\n  clusterName: c1-eks\n  region: us-west-2\n  account: 123456789012\n  billing:\n    paid_by_us: false\nhubs:\n  - name: staging\n    display_name: Staging\n    domain: s.example.org\n    helm_chart: basehub\n    chart_override: custom-chart.yaml\n    uptime_check:\n      expected_status: 302\n    helm_chart_values_files: [staging.values.yaml]\n`,
    );
    await expect(loadCluster(paths, 'c1')).resolves.toBeDefined();
  });
  it('gcp billing paid_by_us true requires bigquery; aws billing does not', async () => {
    writeCluster('c1', `name: c1\nprovider: gcp\ngcp:\n  project: p\n  cluster: x\n  zone: z\n  billing:\n    paid_by_us: true\n`);
    expect((await errorOf(loadCluster(paths, 'c1'))).message).toMatch(/missing required key `bigquery` in gcp.billing/);
    writeCluster('c2', `name: c2\nprovider: aws\naws:\n  clusterType: eks\n  clusterName: x\n  region: r\n  billing:\n    paid_by_us: true\n`);
    await expect(loadCluster(paths, 'c2')).resolves.toBeDefined();
  });
});
