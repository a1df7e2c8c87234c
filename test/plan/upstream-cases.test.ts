/**
 * Every decision test case of the upstream deployer (reference B.3.7: the 2023 file, its 2024-05 additions, the 2026
 * file), on the same fixture clusters, through our building blocks. Upstream compared unordered (assertCountEqual);
 * we compare complete outputs in our documented order (cluster, then hub).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Cluster } from '../../src/shared/repo/index.js';
import { listClusterNames } from '../../src/shared/repo/index.js';
import {
  assignStagingJobsForMissingClusters,
  decidePlan,
  discoverModifiedCommonFiles,
  fold2023,
  generateHubJobs,
  generateSupportJobs,
  splitStaging,
  UPSTREAM_2023_RULES,
  UPSTREAM_2026_RULES,
  type HubJob,
} from '../../src/shared/plan/index.js';
import { loadClusterForPlan } from '../../src/shared/repo/read.js';
import { makeTree, UPSTREAM_FIXTURE, type Tree } from './tree.js';

let tree: Tree;
let c1: Cluster;
let c3: Cluster;
const V = 'Following helm chart values files were modified: ';
const none = { thisCluster: false, allClusters: false, labels: [] as string[] };
const set = (...p: string[]) => new Set(p.map((x) => `config/clusters/${x}`));

beforeAll(async () => {
  tree = makeTree(UPSTREAM_FIXTURE, { 'config/clusters/templates/cluster.yaml': 'name: template\nprovider: gcp\n' });
  c1 = await loadClusterForPlan(tree.paths, 'cluster1');
  c3 = await loadClusterForPlan(tree.paths, 'cluster3');
});
afterAll(() => tree.cleanup());

const hub = (cluster: string, provider: string, hub_name: string, choice_reason: string): HubJob => ({ cluster_name: cluster, provider, choice_reason, hub_name });

describe('2026 test file (16 tests)', () => {
  test('1 get_all_cluster_yaml_files: the fixture clusters, templates excluded', () => {
    expect(listClusterNames(tree.paths)).toEqual(['cluster1', 'cluster2', 'cluster3']);
  });
  test('2 one staging hub', () => {
    expect(generateHubJobs(c1, set('cluster1/staging.values.yaml'), none)).toEqual({
      staging: [hub('cluster1', 'gcp', 'staging', `${V}staging.values.yaml`)],
      prod: [],
    });
  });
  test('3 one prod hub', () => {
    expect(generateHubJobs(c1, set('cluster1/hub1.values.yaml'), none)).toEqual({ staging: [], prod: [hub('cluster1', 'gcp', 'hub1', `${V}hub1.values.yaml`)] });
  });
  test('4 many hubs', () => {
    expect(generateHubJobs(c1, set('cluster1/hub1.values.yaml', 'cluster1/hub2.values.yaml'), none)).toEqual({
      staging: [],
      prod: [hub('cluster1', 'gcp', 'hub1', `${V}hub1.values.yaml`), hub('cluster1', 'gcp', 'hub2', `${V}hub2.values.yaml`)],
    });
  });
  test.each([
    [true, false, 'cluster.yaml file was modified'],
    [false, true, 'Core infrastructure has been modified'],
    [true, true, 'Core infrastructure has been modified'],
  ])('5 all hubs (this cluster %s, all clusters %s): %s', (thisCluster, allClusters, reason) => {
    expect(generateHubJobs(c1, new Set(), { thisCluster, allClusters, labels: [] })).toEqual({
      staging: [hub('cluster1', 'gcp', 'staging', reason)],
      prod: ['hub1', 'hub2', 'hub3'].map((h) => hub('cluster1', 'gcp', h, reason)),
    });
  });
  test('6 skip-deploy label', () => {
    expect(generateHubJobs(c1, set('cluster1/hub1.values.yaml'), { ...none, labels: ['unrelated1', 'deployer:skip-deploy', 'unrelated2'] })).toEqual({ staging: [], prod: [] });
  });
  test('7 support, one cluster: no upgrade_support key', () => {
    expect(generateSupportJobs(c1, set('cluster1/support.values.yaml'), none)).toEqual([
      { cluster_name: 'cluster1', provider: 'gcp', choice_reason: `${V}support.values.yaml` },
    ]);
  });
  test.each([
    [true, false, 'cluster.yaml file was modified'],
    [false, true, 'Support helm chart has been modified'],
    [true, true, 'Support helm chart has been modified'],
  ])('8 support, all clusters (this %s, all %s): %s', (thisCluster, allClusters, reason) => {
    expect(generateSupportJobs(c1, new Set(), { thisCluster, allClusters, labels: [] })).toEqual([{ cluster_name: 'cluster1', provider: 'gcp', choice_reason: reason }]);
  });
  test('9 support skip-deploy label', () => {
    expect(generateSupportJobs(c1, set('cluster1/support.values.yaml'), { ...none, labels: ['unrelated1', 'deployer:skip-deploy', 'unrelated2'] })).toEqual([]);
  });
  test('10 common files: basehub and daskhub charts fire all hubs (a path), not support', () => {
    for (const p of ['helm-charts/basehub/Chart.yaml', 'helm-charts/daskhub/Chart.yaml']) {
      expect(discoverModifiedCommonFiles([p], UPSTREAM_2026_RULES)).toEqual({ allHubs: p, allSupport: undefined });
    }
  });
  test('11 common files: support chart fires support only', () => {
    expect(discoverModifiedCommonFiles(['helm-charts/support/Chart.yaml'], UPSTREAM_2026_RULES)).toEqual({ allSupport: 'helm-charts/support/Chart.yaml', allHubs: undefined });
  });
  test('12/13 filter_out_staging_hubs', () => {
    const jobs = [hub('cluster1', 'gcp', 'staging', 'r'), hub('cluster1', 'gcp', 'hub1', 'r')];
    expect(splitStaging(jobs)).toEqual({ staging: [jobs[0]], prod: [jobs[1]] });
  });
  test('14 assign staging for a missing cluster: reads the cluster, one job for its staging hub', () => {
    expect(assignStagingJobsForMissingClusters([], [hub('cluster1', 'gcp', 'hub1', 'x')], [c1])).toEqual([
      hub('cluster1', 'gcp', 'staging', 'Following prod hubs require redeploy: hub1'),
    ]);
  });
  test('15 assign staging: an existing staging job leaves the input unchanged', () => {
    const staging = [hub('cluster1', 'gcp', 'staging', 'r')];
    expect(assignStagingJobsForMissingClusters(staging, [hub('cluster1', 'gcp', 'hub1', 'x')], [c1])).toEqual(staging);
  });
  test('16 assign staging: several staging hubs get one job each', () => {
    expect(assignStagingJobsForMissingClusters([], [hub('cluster3', 'gcp', 'prod', 'x')], [c3])).toEqual([
      hub('cluster3', 'gcp', 'staging1', 'Following prod hubs require redeploy: prod'),
      hub('cluster3', 'gcp', 'staging2', 'Following prod hubs require redeploy: prod'),
    ]);
  });
});

describe('2023 test file (14 tests + 2024-05 label tests), 2023 shape', () => {
  const fold = (hubs: { staging: HubJob[]; prod: HubJob[] }, support: { cluster_name: string; provider: string; choice_reason: string }[]) =>
    fold2023([c1], support, new Map(hubs.staging.length || hubs.prod.length ? [['cluster1', hubs]] : []));
  const row = (o: Partial<Record<string, unknown>>) => ({
    cluster_name: 'cluster1',
    provider: 'gcp',
    upgrade_support: false,
    reason_for_support_redeploy: '',
    upgrade_staging: false,
    reason_for_staging_redeploy: '',
    ...o,
  });

  test('2 one hub / 3 many hubs (reason_for_redeploy)', () => {
    const one = fold(generateHubJobs(c1, set('cluster1/hub1.values.yaml'), none), []);
    expect(one.prodHubs).toEqual([{ cluster_name: 'cluster1', provider: 'gcp', reason_for_redeploy: `${V}hub1.values.yaml`, hub_name: 'hub1' }]);
    const many = fold(generateHubJobs(c1, set('cluster1/hub1.values.yaml', 'cluster1/hub2.values.yaml'), none), []);
    expect(many.prodHubs.map((j) => [j.hub_name, j.reason_for_redeploy])).toEqual([
      ['hub1', `${V}hub1.values.yaml`],
      ['hub2', `${V}hub2.values.yaml`],
    ]);
  });
  test('4 all hubs: all-clusters overrides this-cluster', () => {
    for (const [t, a, reason] of [
      [true, false, 'cluster.yaml file was modified'],
      [false, true, 'Core infrastructure has been modified'],
      [true, true, 'Core infrastructure has been modified'],
    ] as const) {
      const jobs = generateHubJobs(c1, new Set(), { thisCluster: t, allClusters: a, labels: [] });
      expect([...jobs.staging, ...jobs.prod].map((j) => [j.hub_name, j.choice_reason])).toEqual(['staging', 'hub1', 'hub2', 'hub3'].map((h) => [h, reason]));
    }
  });
  test('5 support, one cluster: reason_for_support_redeploy, upgrade_support true', () => {
    const r = fold({ staging: [], prod: [] }, generateSupportJobs(c1, set('cluster1/support.values.yaml'), none));
    expect(r.supportAndStaging).toEqual([row({ upgrade_support: true, reason_for_support_redeploy: `${V}support.values.yaml` })]);
  });
  test('6 support, all clusters', () => {
    for (const [t, a, reason] of [
      [true, false, 'cluster.yaml file was modified'],
      [false, true, 'Support helm chart has been modified'],
      [true, true, 'Support helm chart has been modified'],
    ] as const) {
      const r = fold({ staging: [], prod: [] }, generateSupportJobs(c1, new Set(), { thisCluster: t, allClusters: a, labels: [] }));
      expect(r.supportAndStaging).toEqual([row({ upgrade_support: true, reason_for_support_redeploy: reason })]);
    }
  });
  test('7/8 common files under the 2023 rules', () => {
    expect(discoverModifiedCommonFiles(['helm-charts/basehub/Chart.yaml'], UPSTREAM_2023_RULES).allHubs).toBe('helm-charts/basehub/Chart.yaml');
    expect(discoverModifiedCommonFiles(['helm-charts/daskhub/Chart.yaml'], UPSTREAM_2023_RULES)).toEqual({ allHubs: 'helm-charts/daskhub/Chart.yaml', allSupport: undefined });
    expect(discoverModifiedCommonFiles(['helm-charts/support/Chart.yaml'], UPSTREAM_2023_RULES)).toEqual({ allSupport: 'helm-charts/support/Chart.yaml', allHubs: undefined });
  });
  const stagingAndHub1 = { staging: [hub('cluster1', 'gcp', 'staging', 'cluster.yaml file was modified')], prod: [hub('cluster1', 'gcp', 'hub1', 'cluster.yaml file was modified')] };
  test('9 move staging: the support job gets upgrade_staging', () => {
    const r = fold(stagingAndHub1, [{ cluster_name: 'cluster1', provider: 'gcp', choice_reason: 'cluster.yaml file was modified' }]);
    expect(r.prodHubs.map((j) => j.hub_name)).toEqual(['hub1']);
    expect(r.supportAndStaging).toEqual([
      row({ upgrade_support: true, reason_for_support_redeploy: 'cluster.yaml file was modified', upgrade_staging: true, reason_for_staging_redeploy: 'cluster.yaml file was modified' }),
    ]);
  });
  test('10 move staging without a support job: a new row', () => {
    const r = fold(stagingAndHub1, []);
    expect(r.supportAndStaging).toEqual([row({ upgrade_staging: true, reason_for_staging_redeploy: 'cluster.yaml file was modified' })]);
  });
  test('11 ensure keys, prod hubs exist: upgrade_staging true', () => {
    const r = fold({ staging: [], prod: [hub('cluster1', 'gcp', 'hub1', 'r')] }, [{ cluster_name: 'cluster1', provider: 'gcp', choice_reason: 'x' }]);
    expect(r.supportAndStaging).toEqual([
      row({ upgrade_support: true, reason_for_support_redeploy: 'x', upgrade_staging: true, reason_for_staging_redeploy: 'Following prod hubs require redeploy: hub1' }),
    ]);
  });
  test('12 ensure keys, no prod hubs: upgrade_staging false', () => {
    const r = fold({ staging: [], prod: [] }, [{ cluster_name: 'cluster1', provider: 'gcp', choice_reason: 'x' }]);
    expect(r.supportAndStaging).toEqual([row({ upgrade_support: true, reason_for_support_redeploy: 'x' })]);
  });
  test('13 assign staging for a missing cluster', () => {
    const r = fold({ staging: [], prod: [hub('cluster1', 'gcp', 'hub1', 'r')] }, []);
    expect(r.supportAndStaging).toEqual([row({ upgrade_staging: true, reason_for_staging_redeploy: 'Following prod hubs require redeploy: hub1' })]);
  });
  test('14 assign staging when present: no duplicate', () => {
    const r = fold({ staging: [hub('cluster1', 'gcp', 'staging', 's')], prod: [hub('cluster1', 'gcp', 'hub1', 'r')] }, []);
    expect(r.supportAndStaging).toEqual([row({ upgrade_staging: true, reason_for_staging_redeploy: 's' })]);
  });
  test('2024-05: skip-deploy label gives no hub and no support jobs', () => {
    const labels = ['unrelated1', 'deployer:skip-deploy', 'unrelated2'];
    expect(generateHubJobs(c1, set('cluster1/hub1.values.yaml'), { ...none, labels })).toEqual({ staging: [], prod: [] });
    expect(generateSupportJobs(c1, set('cluster1/support.values.yaml'), { ...none, labels })).toEqual([]);
  });
});

describe('the whole plan on the upstream fixtures (decidePlan)', () => {
  test('a cluster3 prod change: both staging hubs (2026), one row (2023)', async () => {
    const clusters = await Promise.all(['cluster1', 'cluster2', 'cluster3'].map((n) => loadClusterForPlan(tree.paths, n)));
    const plan = decidePlan({ changed: ['config/clusters/cluster3/prod.values.yaml'], labels: [], rules: UPSTREAM_2026_RULES, clusters });
    expect(plan.matrices).toEqual({
      'support-and-staging-matrix-jobs': [
        { cluster_name: 'cluster3', provider: 'gcp', upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: true, reason_for_staging_redeploy: 'Following prod hubs require redeploy: prod' },
      ],
      'prod-hub-matrix-jobs': [{ cluster_name: 'cluster3', provider: 'gcp', reason_for_redeploy: `${V}prod.values.yaml`, hub_name: 'prod' }],
      'support-jobs': [],
      'staging-jobs': [hub('cluster3', 'gcp', 'staging1', 'Following prod hubs require redeploy: prod'), hub('cluster3', 'gcp', 'staging2', 'Following prod hubs require redeploy: prod')],
      'prod-jobs': [hub('cluster3', 'gcp', 'prod', `${V}prod.values.yaml`)],
    });
  });
});
