/**
 * deploy and deploy-support end to end: real helm 3 and real helm 4, real kubectl, the test-only sops, against the fake
 * Kubernetes API server; the example infra repo's kubeconfig-demo cluster through the real kubeconfig auth path.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeKube, setReleaseStatus, type FakeKube } from '../harness/kube-api/index.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { deployHubs, deploySupport } from '../../src/shared/deploy/index.js';
import { liveTempDirs } from '../../src/shared/secrets/tempdir.js';
import { CANARY, editYaml, FIXTURES, HELM3, HELM4, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, leftovers, toolEnv } from './setup.js';

const exec = promisify(execFile);

describe.each([
  ['helm 3', HELM3, '--wait'],
  ['helm 4', HELM4, '--wait=watcher'],
])('deploy kubeconfig-demo with %s', (_label, helm, waitFlag) => {
  let fake: FakeKube;
  let root: string;
  let tmp: string;
  const saved = { TMPDIR: process.env.TMPDIR, RUNNER_TEMP: process.env.RUNNER_TEMP };
  const commands: Array<{ tool: string; args: string[] }> = [];
  const env = () => toolEnv(helm, { TMPDIR: tmp, RUNNER_TEMP: tmp });
  const paths = () => repoPaths({ configRoot: root });
  const clusterDir = () => path.join(root, 'config/clusters/kubeconfig-demo');
  const helmCli = async (...args: string[]) => (await exec(helm, [...args, `--kubeconfig=${fake.kubeconfigPath}`], { env: toolEnv(helm) })).stdout;

  const hubOptions = (reporter: MemoryReporter, extra: Record<string, unknown> = {}) => ({
    paths: paths(),
    cluster: 'kubeconfig-demo',
    reporter,
    env: env(),
    timeoutS: 60,
    helmExtraArgs: HELM_TEST_ARGS,
    kubectlExtraArgs: KUBECTL_TEST_ARGS,
    onCommand: (tool: string, args: string[]) => commands.push({ tool, args }),
    ...extra,
  });
  const upgrades = (release: string) => commands.filter((c) => c.tool === 'helm' && c.args[0] === 'upgrade' && c.args.includes(`--namespace=${release}`));

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-tmp-'));
    process.env.TMPDIR = tmp;
    process.env.RUNNER_TEMP = tmp;
    fake = await startFakeKube({});
    root = await infraFor(fake);
  });
  afterAll(async () => {
    await fake?.stop();
    process.env.TMPDIR = saved.TMPDIR;
    process.env.RUNNER_TEMP = saved.RUNNER_TEMP;
    if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
    if (saved.RUNNER_TEMP === undefined) delete process.env.RUNNER_TEMP;
    rmSync(root, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  test('deploys every hub (revision 1), with the 2023 argument list, namespaces first and no secret in the log', async () => {
    const reporter = new MemoryReporter();
    const result = await deployHubs(hubOptions(reporter));
    expect(result.results.map((r) => [r.hub, r.status, r.revision, r.chart_version, r.error])).toEqual([
      ['staging', 'deployed', 1, '0.1.0', null],
      ['prod', 'deployed', 1, '0.1.0', null],
      ['workshop', 'deployed', 1, '0.1.0', null],
    ]);
    expect(result.failed).toEqual([]);
    expect(result.dependencyBuilds).toBe(0); // basehub has no dependencies
    for (const ns of ['staging', 'prod', 'workshop']) expect(fake.get('v1', 'Namespace', undefined, ns)).toBeDefined();

    // upgrade --install, wait, timeout, namespace = release = hub, the workspace copy of the chart, values in
    // cluster.yaml order (plain files by their repo path, the secret one decrypted to a private temp file), extra args last.
    const [args] = upgrades('staging').map((c) => c.args);
    const dir = clusterDir();
    expect(args.slice(0, 6)).toEqual(['upgrade', '--install', waitFlag, '--timeout=60s', '--namespace=staging', 'staging']);
    expect(args[6]).toMatch(/deployer-charts-[^/]+\/charts\/basehub$/);
    expect(args.slice(7, 9)).toEqual([`--values=${dir}/common.values.yaml`, `--values=${dir}/staging.values.yaml`]);
    expect(args[9]).toMatch(/^--values=.*\/deployer-sops-[^/]+\/enc-staging\.secret\.values\.yaml$/);
    expect(args[9].startsWith(`--values=${root}`)).toBe(false);
    expect(args.slice(10)).toEqual(HELM_TEST_ARGS);

    // The namespace was created before helm ran; the rollout check ran after it.
    const kinds = commands.filter((c) => c.args.includes('staging') || c.args.includes('--namespace=staging')).map((c) => `${c.tool} ${c.args[0]}`);
    expect(kinds.indexOf('kubectl create')).toBeLessThan(kinds.indexOf('helm upgrade'));
    expect(kinds.indexOf('helm upgrade')).toBeLessThan(kinds.indexOf('kubectl rollout'));

    const text = reporter.text();
    expect(text).toContain('1 / 3: Deploying hub staging...');
    expect(text).toContain('--values=<(sops --decrypt config/clusters/kubeconfig-demo/enc-staging.secret.values.yaml)');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('workshop-2026'); // the secret domain override
    expect(liveTempDirs()).toEqual([]);
    expect(leftovers(tmp)).toEqual([]);
  });

  test('deploys again as revision 2, and a values change shows in helm get values', async () => {
    editYaml(path.join(clusterDir(), 'staging.values.yaml'), (doc) => doc.jupyterhub.hub.config.Authenticator.allowed_users.push('new-ta'));
    const reporter = new MemoryReporter();
    const result = await deployHubs(hubOptions(reporter, { hubs: ['staging'] }));
    expect(result.results.map((r) => [r.hub, r.status, r.revision])).toEqual([['staging', 'deployed', 2]]);
    const values = JSON.parse(await helmCli('get', 'values', 'staging', '--namespace=staging', '--output=json'));
    expect(values.jupyterhub.hub.config.Authenticator.allowed_users).toContain('new-ta');
    expect(values.jupyterhub.proxy.secretToken).toMatch(/^CANARY-/); // the decrypted secret file was deployed
    expect(reporter.text()).not.toContain(CANARY);
  });

  test('a hub whose template fails fails alone; the others deploy', async () => {
    editYaml(path.join(clusterDir(), 'prod.values.yaml'), (doc) => {
      doc.jupyterhub.ingress = { enabled: true, hosts: [] };
    });
    const reporter = new MemoryReporter();
    const result = await deployHubs(hubOptions(reporter, { parallelism: 3 }));
    const byHub = Object.fromEntries(result.results.map((r) => [r.hub, r]));
    expect(result.failed).toEqual(['prod']);
    expect(byHub.prod.status).toBe('failed');
    expect(byHub.prod.error).toContain('jupyterhub.ingress.hosts is empty');
    expect(byHub.prod.revision).toBeNull();
    expect(byHub.staging).toMatchObject({ status: 'deployed', revision: 3 });
    expect(byHub.workshop).toMatchObject({ status: 'deployed', revision: 2 });
    expect(reporter.text()).not.toContain(CANARY);
    expect(leftovers(tmp)).toEqual([]);
    editYaml(path.join(clusterDir(), 'prod.values.yaml'), (doc) => {
      doc.jupyterhub.ingress = { enabled: true, hosts: ['hub.kubeconfig-demo.example.org'] };
    });
  });

  test('a release left in pending-upgrade is refused without recover-pending and recovered with it', async () => {
    setReleaseStatus(fake, 'workshop', 'workshop', 2, 'pending-upgrade');
    const refused = await deployHubs(hubOptions(new MemoryReporter(), { hubs: ['workshop'] }));
    expect(refused.results[0].status).toBe('failed');
    expect(refused.results[0].error).toContain('stuck in pending-upgrade at revision 2');
    expect(refused.results[0].error).toContain('recover-pending');
    expect(refused.results[0].error).toContain('helm rollback workshop 1 --namespace=workshop');

    const reporter = new MemoryReporter();
    const result = await deployHubs(hubOptions(reporter, { hubs: ['workshop'], recoverPending: true }));
    expect(result.results[0]).toMatchObject({ status: 'deployed', revision: 4, error: null });
    expect(commands.some((c) => c.tool === 'helm' && c.args.join(' ') === 'rollback workshop 1 --namespace=workshop --timeout=60s')).toBe(true);
    const history = JSON.parse(await helmCli('history', 'workshop', '--namespace=workshop', '--output=json'));
    expect(history.map((h: { revision: number; status: string }) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'pending-upgrade'],
      [3, 'superseded'],
      [4, 'deployed'],
    ]);
  });

  test('deploy-support: cert-manager (local chart and CRDs), then support with the shared secret values first', async () => {
    const reporter = new MemoryReporter();
    const result = await deploySupport({
      ...hubOptions(reporter),
      certManagerChart: path.join(FIXTURES, 'cert-manager'),
      certManagerCrds: path.join(FIXTURES, 'cert-manager-crds'),
    });
    expect(result.releases.map((r) => [r.release, r.namespace, r.status, r.revision, r.chart_version, r.error])).toEqual([
      ['cert-manager', 'cert-manager', 'deployed', 1, 'v1.12.1', null],
      ['support', 'support', 'deployed', 1, '0.1.0', null],
    ]);
    expect(result.status).toBe('deployed');
    expect(fake.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'certificates.cert-manager.io')).toBeDefined();
    const [cm] = upgrades('cert-manager').map((c) => c.args);
    expect(cm).toEqual(['upgrade', '--install', waitFlag, '--timeout=60s', '--namespace=cert-manager', 'cert-manager', path.join(FIXTURES, 'cert-manager'), ...HELM_TEST_ARGS]);
    const [support] = upgrades('support').map((c) => c.args);
    expect(support.slice(0, 6)).toEqual(['upgrade', '--install', waitFlag, '--timeout=60s', '--namespace=support', 'support']);
    expect(support[6]).toMatch(/\/charts\/support$/);
    const values = support.filter((a) => a.startsWith('--values='));
    expect(values).toHaveLength(3);
    expect(values[0]).toMatch(/deployer-sops-[^/]+\/enc-support\.secret\.values\.yaml$/); // helm-charts/support's, first
    expect(values[1]).toBe(`--values=${clusterDir()}/support.values.yaml`);
    expect(values[2]).toMatch(/deployer-sops-[^/]+\/enc-support\.secret\.values\.yaml$/);
    const supportValues = JSON.parse(await helmCli('get', 'values', 'support', '--namespace=support', '--output=json'));
    expect(supportValues.grafana.adminPassword).toMatch(/^CANARY-support-grafana/);
    expect(reporter.text()).not.toContain(CANARY);
    expect(reporter.text().indexOf('Provisioning cert-manager...')).toBeLessThan(reporter.text().indexOf('Provisioning support charts...'));
    expect(leftovers(tmp)).toEqual([]);
  });

  test('dry run renders every hub without authenticating or sending anything to the cluster', async () => {
    const before = fake.requests.length;
    const reporter = new MemoryReporter();
    const result = await deployHubs(hubOptions(reporter, { dryRun: true, debug: true }));
    expect(result.results.map((r) => [r.hub, r.status, r.revision])).toEqual([
      ['staging', 'rendered', null],
      ['prod', 'rendered', null],
      ['workshop', 'rendered', null],
    ]);
    expect(fake.requests.length).toBe(before);
    const text = reporter.text();
    expect(text).toContain('Dry run of hub staging (nothing sent to the cluster).');
    expect(text).toMatch(/\n\s+helm upgrade --install /);
    expect(text).toMatch(/renders \d+ object\(s\):\n(\s+\S+\n)*\s+Deployment\/hub/);
    expect(text).not.toContain(CANARY);
    expect(text).not.toMatch(/USER-SUPPLIED VALUES|COMPUTED VALUES|secretToken/);
    expect(leftovers(tmp)).toEqual([]);
  });
});
