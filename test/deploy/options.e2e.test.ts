/**
 * deploy end to end (helm 3, real kubectl, the fake API server) for the 2026 additions and for bad input:
 * daskhub with local dask-gateway CRDs, jsonnet values, chart_override, a cluster without support, and hubs whose
 * chart, values or secret are broken (clear error naming the file, nothing deployed for that hub, no temp file left).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from '@jest/globals';
import type { FakeKube } from '../harness/kube-api/index.js';
import { generateAgeIdentity, writeSopsFile } from '../harness/sops.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { deployHubs, deploySupport } from '../../src/shared/deploy/index.js';
import { liveTempDirs } from '../../src/shared/secrets/tempdir.js';
import { CANARY, editYaml, FIXTURES, HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, leftovers, toolEnv } from './setup.js';
import { fakeInfraSuite } from './suite.js';

const exec = promisify(execFile);
let fake: FakeKube;
let root: string;
let tmp: string;
const commands: Array<{ tool: string; args: string[] }> = [];
const dir = () => path.join(root, 'config/clusters/kubeconfig-demo');
const options = (reporter: MemoryReporter, extra: Record<string, unknown> = {}) => ({
  paths: repoPaths({ configRoot: root }),
  cluster: 'kubeconfig-demo',
  reporter,
  env: toolEnv(HELM3, { TMPDIR: tmp, RUNNER_TEMP: tmp }),
  timeoutS: 60,
  helmExtraArgs: HELM_TEST_ARGS,
  kubectlExtraArgs: KUBECTL_TEST_ARGS,
  onCommand: (tool: string, args: string[]) => commands.push({ tool, args }),
  ...extra,
});
const helmReleases = (ns: string) => fake.list('v1', 'Secret', ns).filter((s) => s.metadata?.labels?.owner === 'helm');

const suite = fakeInfraSuite();
beforeAll(() => void ({ fake, root, tmp } = suite));

test('unknown cluster and unknown hub fail before anything is done, naming what exists', async () => {
  await expect(deployHubs(options(new MemoryReporter(), { cluster: 'nope' }))).rejects.toMatchObject({
    message: expect.stringContaining('unknown cluster `nope`'),
    hint: expect.stringContaining('kubeconfig-demo'),
  });
  const before = fake.requests.length;
  await expect(deployHubs(options(new MemoryReporter(), { hubs: ['staging', 'nope'] }))).rejects.toMatchObject({
    message: expect.stringContaining('no hub named `nope`'),
    hint: expect.stringContaining('staging, prod, workshop'),
  });
  expect(fake.requests.length).toBe(before);
  expect(helmReleases('staging')).toEqual([]);
});

test('daskhub with local dask-gateway CRDs, jsonnet values and a chart_override hub', async () => {
  const gcp = path.join(root, 'config/clusters/gcp-demo');
  copyFileSync(path.join(gcp, 'common.values.yaml'), path.join(dir(), 'gcp-common.values.yaml'));
  for (const f of ['daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml']) copyFileSync(path.join(gcp, f), path.join(dir(), f));
  writeFileSync(
    path.join(dir(), 'dask.jsonnet'),
    "{ basehub: { jupyterhub: { ingress: { hosts: [std.extVar('VARS_2I2C_HUB_DOMAIN')] }, custom: { cloudResources: { provider: std.extVar('VARS_2I2C_PROVIDER') } } } } }\n",
  );
  writeFileSync(path.join(dir(), 'custom.Chart.yaml'), 'apiVersion: v2\nname: basehub\nversion: 0.2.0-custom\n');
  editYaml(path.join(dir(), 'cluster.yaml'), (doc) => {
    doc.hubs.push({
      name: 'dask',
      domain: 'dask.kubeconfig-demo.example.org',
      helm_chart: 'daskhub',
      helm_chart_values_files: ['gcp-common.values.yaml', 'daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml', 'dask.jsonnet'],
    });
    doc.hubs.push({ ...doc.hubs[0], name: 'custom', chart_override: 'custom.Chart.yaml' });
  });
  const reporter = new MemoryReporter();
  const result = await deployHubs(options(reporter, { hubs: ['dask', 'custom'], daskGatewayCrds: path.join(FIXTURES, 'dask-gateway-crds'), parallelism: 2 }));
  expect(result.results.map((r) => [r.hub, r.status, r.revision, r.chart_version, r.error])).toEqual([
    ['dask', 'deployed', 1, '0.1.0', null],
    ['custom', 'deployed', 1, '0.2.0-custom', null],
  ]);
  expect(result.dependencyBuilds).toBe(1); // daskhub's file://../basehub, once
  expect(fake.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'daskclusters.gateway.dask.org')).toBeDefined();
  expect(commands.filter((c) => c.tool === 'kubectl' && c.args[0] === 'apply').map((c) => c.args)).toEqual([
    ['apply', '-f', path.join(FIXTURES, 'dask-gateway-crds'), ...KUBECTL_TEST_ARGS],
  ]);
  const dask = commands.find((c) => c.tool === 'helm' && c.args[0] === 'upgrade' && c.args.includes('--namespace=dask'))!.args;
  expect(dask[6]).toMatch(/\/charts\/daskhub$/);
  expect(dask.filter((a) => a.startsWith('--values=')).at(-1)).toMatch(/deployer-jsonnet-[^/]+\/dask\.json$/);
  const custom = commands.find((c) => c.tool === 'helm' && c.args[0] === 'upgrade' && c.args.includes('--namespace=custom'))!.args;
  expect(custom[6]).toMatch(/override-\d+\/basehub$/);
  const values = JSON.parse((await exec(HELM3, ['get', 'values', 'dask', '--namespace=dask', '--output=json', `--kubeconfig=${fake.kubeconfigPath}`], { env: toolEnv(HELM3) })).stdout);
  expect(values.basehub.jupyterhub.ingress.hosts).toEqual(['dask.kubeconfig-demo.example.org']);
  expect(values.basehub.jupyterhub.custom.cloudResources.provider).toBe('kubeconfig');
  expect(reporter.text()).not.toContain(CANARY);
  expect(leftovers(tmp)).toEqual([]);
});

test('broken chart, values YAML and secret: each hub fails alone naming the file, nothing deployed for it, no temp file left', async () => {
  // staging: a chart that does not exist; prod: values that are not YAML; workshop: a secret for another age key.
  editYaml(path.join(dir(), 'cluster.yaml'), (doc) => {
    doc.hubs = doc.hubs.filter((h: { name: string }) => ['staging', 'prod', 'workshop', 'custom'].includes(h.name));
    doc.hubs[0].name = 'staging2';
    doc.hubs[0].helm_chart = 'daskhub';
  });
  rmSync(path.join(root, 'helm-charts/daskhub'), { recursive: true });
  writeFileSync(path.join(dir(), 'prod.values.yaml'), 'jupyterhub:\n  hub: [unclosed\n');
  const other = await generateAgeIdentity();
  await writeSopsFile(path.join(dir(), 'enc-workshop.secret.values.yaml'), { jupyterhub: { proxy: { secretToken: 'CANARY-not-for-us' } } }, [other.recipient]);
  const reporter = new MemoryReporter();
  const result = await deployHubs(options(reporter, { parallelism: 2 }));
  const byHub = Object.fromEntries(result.results.map((r) => [r.hub, r]));
  expect(result.failed.sort()).toEqual(['prod', 'staging2', 'workshop']);
  expect(byHub.staging2.error).toContain('helm-charts/daskhub/Chart.yaml does not exist');
  expect(byHub.staging2.error).toMatch(/config\/clusters\/kubeconfig-demo\/cluster\.yaml:\d+:\d+/);
  expect(byHub.prod.error).toMatch(/config\/clusters\/kubeconfig-demo\/prod\.values\.yaml:\d+/);
  expect(byHub.workshop.error).toContain('config/clusters/kubeconfig-demo/enc-workshop.secret.values.yaml');
  expect(byHub.custom).toMatchObject({ status: 'deployed', revision: 2 });
  for (const ns of ['staging2', 'prod', 'workshop']) expect(helmReleases(ns)).toEqual([]);
  expect(reporter.text()).not.toContain(CANARY);
  expect(liveTempDirs()).toEqual([]);
  expect(leftovers(tmp)).toEqual([]);
});

test('a values file listed in cluster.yaml that does not exist is named with its place in cluster.yaml', async () => {
  editYaml(path.join(dir(), 'cluster.yaml'), (doc) => {
    doc.hubs = [doc.hubs.find((h: { name: string }) => h.name === 'custom')];
    doc.hubs[0].helm_chart_values_files.push('missing.values.yaml');
  });
  const result = await deployHubs(options(new MemoryReporter()));
  expect(result.results[0].status).toBe('failed');
  expect(result.results[0].error).toMatch(/cluster\.yaml:\d+:\d+: values file config\/clusters\/kubeconfig-demo\/missing\.values\.yaml does not exist/);
});

test('deploy-support does nothing at all for a cluster without a support section, and says so', async () => {
  editYaml(path.join(dir(), 'cluster.yaml'), (doc) => delete doc.support);
  const before = fake.requests.length;
  const reporter = new MemoryReporter();
  const result = await deploySupport(options(reporter, { certManagerChart: path.join(FIXTURES, 'cert-manager') }));
  expect(result).toMatchObject({ status: 'skipped', releases: [] });
  expect(result.message).toContain('has no `support` section');
  expect(reporter.text()).toContain('nothing to deploy');
  expect(fake.requests.length).toBe(before);
});
