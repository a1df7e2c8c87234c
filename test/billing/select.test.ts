import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { billingOf, selectClusters } from '../../src/shared/billing/select.js';
import { buildCostTable } from '../../src/shared/billing/index.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { clusterFromYaml, repoPaths } from '../../src/shared/repo/index.js';
import { parseYaml } from '../../src/shared/yaml/index.js';

const paths = repoPaths({ configRoot: '/repo' });
const cluster = (text: string) => clusterFromYaml(paths, 'c', parseYaml(text, 'config/clusters/c/cluster.yaml'));

describe('which clusters are billed', () => {
  it.each([
    ['a gcp cluster without billing (upstream: KeyError)', 'name: c\nprovider: gcp\ngcp: {project: p, cluster: c, zone: z}\n', 'no gcp.billing in cluster.yaml'],
    ['billed to the community', 'name: c\nprovider: gcp\ngcp: {project: p, cluster: c, zone: z, billing: {paid_by_us: false}}\n', 'gcp.billing.paid_by_us is false (not billed to the operator)'],
    ['an aws cluster without billing', 'name: c\nprovider: aws\naws: {clusterType: eks, clusterName: c, region: r}\n', 'no aws.billing in cluster.yaml'],
    ['azure', 'name: c\nprovider: azure\nazure: {resource_group: g, cluster: c}\n', 'provider azure: no billing source for it (the table reads GCP billing exports and AWS Cost Explorer)'],
  ])('%s is skipped with the reason', (_what, text, reason) => {
    expect(billingOf(cluster(text))).toEqual({ skip: reason });
  });

  it('gcp billed: the cluster project and the export location; shared tenancy noted', () => {
    expect(billingOf(cluster('name: c\nprovider: gcp\ntenancy: shared\ngcp:\n  project: p\n  cluster: c\n  zone: z\n  billing:\n    paid_by_us: true\n    bigquery: {project: bp, dataset: ds, billing_id: 0157F7-E3EA8C-25AC3C}\n'))).toEqual({
      name: 'c', provider: 'gcp', shared: true, file: 'config/clusters/c/cluster.yaml', project: 'p', bigquery: { project: 'bp', dataset: 'ds', billingId: '0157F7-E3EA8C-25AC3C' },
    });
  });

  it('gcp billed without the export location is that cluster\'s located error', () => {
    expect(() => billingOf(cluster('name: c\nprovider: gcp\ngcp:\n  project: p\n  cluster: c\n  zone: z\n  billing:\n    paid_by_us: true\n'))).toThrow(/gcp\.billing\.bigquery \{project, dataset, billing_id\} is missing/);
    try {
      billingOf(cluster('name: c\nprovider: gcp\ngcp:\n  project: p\n  cluster: c\n  zone: z\n  billing:\n    paid_by_us: true\n'));
    } catch (e) {
      expect(e).toMatchObject({ file: 'config/clusters/c/cluster.yaml', line: 8 }); // the billing mapping
    }
  });

  it('aws billed: a numeric account keeps its leading zeros; a malformed one is refused', () => {
    const b = billingOf(cluster('name: c\nprovider: aws\naws: {clusterType: eks, clusterName: c, region: r, account: 11112222333, billing: {paid_by_us: true}}\n'));
    expect(b).toMatchObject({ provider: 'aws', account: '011112222333' });
    expect(() => billingOf(cluster('name: c\nprovider: aws\naws: {clusterType: eks, clusterName: c, region: r, account: "12-34", billing: {paid_by_us: true}}\n'))).toThrow(/not a 12-digit AWS account id/);
  });
});

describe('selection over a repo', () => {
  it('an unknown --cluster and an unreadable cluster.yaml fail alone; with ambient AWS credentials a cluster without aws.account fails, naming what to set', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'billing-select-'));
    try {
      const c = (name: string, text: string) => {
        mkdirSync(path.join(root, 'config/clusters', name), { recursive: true });
        writeFileSync(path.join(root, 'config/clusters', name, 'cluster.yaml'), text);
      };
      c('aws-noaccount', 'name: aws-noaccount\nprovider: aws\naws: {clusterType: eks, clusterName: c, region: r, billing: {paid_by_us: true}}\n');
      c('broken', 'name: broken\nprovider: [\n');
      c('free', 'name: free\nprovider: kubeconfig\nkubeconfig: {file: k.yaml}\n');
      const sel = await selectClusters(repoPaths({ configRoot: root }), ['broken', 'free', 'nope', 'aws-noaccount']);
      expect(sel.skipped.map((s) => s.cluster)).toEqual(['free']);
      expect(sel.failed.map((f) => f.cluster)).toEqual(['broken', 'nope']);
      expect(sel.failed[1].error).toMatch(/unknown cluster `nope`/);
      const table = await buildCostTable({ paths: repoPaths({ configRoot: root }), reporter: new MemoryReporter(), range: { start: '2025-01', end: '2025-01' }, clusters: ['aws-noaccount', 'free'] });
      expect(table.failed).toEqual([{ cluster: 'aws-noaccount', error: expect.stringMatching(/^config\/clusters\/aws-noaccount\/cluster\.yaml: cluster aws-noaccount: aws\.account is needed[\s\S]*hint: set aws\.account/) }]);
      expect(table.skipped).toEqual([{ cluster: 'free', reason: expect.stringMatching(/^provider kubeconfig/) }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
