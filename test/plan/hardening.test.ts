/**
 * Issue 10 items 1, 2 and 3 for the planner: a `name:` that differs from the directory is refused with a located
 * error (it planned rows for another cluster's directory); the default rules follow charts-dir; an empty fleet or a
 * changed file under a directory that is not a cluster is never a silent empty plan.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { DeployerError } from '../../src/shared/errors.js';
import { defaultRules, planDeployments, triggerPaths } from '../../src/shared/plan/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { makeTree, type Tree } from './tree.js';

let tree: Tree | undefined;
afterEach(() => tree?.cleanup());

async function errorOf(p: Promise<unknown>): Promise<DeployerError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DeployerError);
  return e as DeployerError;
}

describe('a cluster whose name differs from its directory is refused (issue 10 item 1)', () => {
  test('a change inside the directory: located error at `name`, no plan', async () => {
    tree = makeTree({ alpha: { name: 'beta', hubs: [{ name: 'hub1' }] }, beta: { hubs: [{ name: 'hub1' }] } });
    const e = await errorOf(planDeployments({ paths: tree.paths, changed: ['config/clusters/alpha/hub1.values.yaml'] }));
    expect(e.file).toBe('config/clusters/alpha/cluster.yaml');
    expect([e.line, e.col]).toEqual([1, 7]);
    expect(e.message).toBe('cluster name `beta` does not match its directory `alpha`: deploys address a cluster by its directory, so a plan would deploy the wrong cluster');
    expect(e.hint).toMatch(/set `name: alpha`/);
  });

  test('a chart change reads every cluster: the mismatch is refused too', async () => {
    tree = makeTree({ alpha: { name: 'beta', hubs: [{ name: 'hub1' }] } });
    const e = await errorOf(planDeployments({ paths: tree.paths, changed: ['helm-charts/basehub/values.yaml'] }));
    expect(e.file).toBe('config/clusters/alpha/cluster.yaml');
  });

  test('a cluster the plan does not read is not refused (validate reports it)', async () => {
    tree = makeTree({ alpha: { name: 'beta', hubs: [{ name: 'hub1' }] }, gamma: { hubs: [{ name: 'hub1' }] } });
    const r = await planDeployments({ paths: tree.paths, changed: ['config/clusters/gamma/hub1.values.yaml'] });
    expect(r.matrices['prod-jobs']).toEqual([{ cluster_name: 'gamma', provider: 'gcp', choice_reason: 'Following helm chart values files were modified: hub1.values.yaml', hub_name: 'hub1' }]);
  });
});

describe('the rules follow charts-dir (issue 10 item 2)', () => {
  test('a chart change under a non-default charts dir redeploys every hub; under helm-charts nothing', async () => {
    tree = makeTree({ alpha: { support: ['support.values.yaml'], hubs: [{ name: 'hub1' }, { name: 'staging' }] } });
    const paths = repoPaths({ configRoot: tree.root, chartsDir: 'charts' });
    const hubs = await planDeployments({ paths, changed: ['charts/basehub/values.yaml'] });
    expect(hubs.matrices['prod-jobs'].map((j) => j.hub_name)).toEqual(['hub1']);
    expect(hubs.matrices['staging-jobs'].map((j) => j.hub_name)).toEqual(['staging']);
    const support = await planDeployments({ paths, changed: ['charts/support/Chart.yaml'] });
    expect(support.matrices['support-jobs']).toHaveLength(1);
    const old = await planDeployments({ paths, changed: ['helm-charts/basehub/values.yaml'] });
    expect(old.matrices['prod-jobs']).toEqual([]);
  });

  test('defaultRules and the trigger list use the charts dir; special characters are literal', () => {
    expect(defaultRules('charts').allHubs.include).toEqual(['charts/basehub/*', 'charts/daskhub/*', 'charts/binderhub/*']);
    expect(defaultRules('deploy/ch[arts]').allSupport.include).toEqual(['deploy/ch[[]arts]/support/*']);
    expect(triggerPaths(defaultRules('charts'), 'clusters')).toEqual(expect.arrayContaining(['clusters/**', 'charts/basehub/**', 'charts/support/**']));
  });

  test('custom rules that match nothing under the charts dir get a warning', async () => {
    tree = makeTree({ alpha: { hubs: [{ name: 'hub1' }] } });
    const paths = repoPaths({ configRoot: tree.root, chartsDir: 'charts' });
    const r = await planDeployments({ paths, changed: ['x'], rules: defaultRules('helm-charts') });
    expect(r.warnings).toContain('the rules match nothing under the charts directory "charts": a chart change redeploys nothing (check charts-dir and the rules\' patterns)');
  });
});

describe('empty is not success (issue 10 item 3)', () => {
  test('a clusters directory that holds no cluster is an error', async () => {
    tree = makeTree({});
    mkdirSync(path.join(tree.root, 'config/clusters/notes'), { recursive: true });
    for (const changed of [['helm-charts/basehub/x'], ['config/clusters/notes/a.yaml'], ['README.md']]) {
      const e = await errorOf(planDeployments({ paths: tree.paths, changed }));
      expect(e.message).toBe('clusters directory config/clusters holds no cluster: no directory in it has a cluster.yaml');
    }
  });

  test('a changed file under a directory that is not a cluster (a typo) is named in a warning', async () => {
    tree = makeTree({ alpha: { hubs: [{ name: 'hub1' }] } });
    const r = await planDeployments({ paths: tree.paths, changed: ['config/clusters/alpah/hub1.values.yaml', 'config/clusters/alpha/hub1.values.yaml'] });
    expect(r.matrices['prod-jobs']).toHaveLength(1);
    expect(r.warnings).toContain(
      'changed file "config/clusters/alpah/hub1.values.yaml" is under "config/clusters/alpah", which is not a cluster (it has no cluster.yaml): nothing is planned for it; check the directory name',
    );
  });

  test('an odd cluster directory name the plan reads is one located error', async () => {
    tree = makeTree({ 'my cluster': { hubs: [{ name: 'hub1' }] } });
    const e = await errorOf(planDeployments({ paths: tree.paths, changed: ['config/clusters/my cluster/hub1.values.yaml'] }));
    expect(e.file).toBe('config/clusters/my cluster/cluster.yaml');
    expect(e.message).toMatch(/^cluster directory "my cluster" is not a valid cluster name/);
  });
});
