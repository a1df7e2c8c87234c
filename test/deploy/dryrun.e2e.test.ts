/**
 * `deploy --dry-run` shows what would happen (issue 10 §17): every step (namespace, CRDs, recovery, upgrade, rollout)
 * as a bash line that works when pasted (run here, from the config root, against the fake API server: the release it
 * makes holds the secret value sops decrypted on the fly), no temp path and no secret in the output, the rendered
 * objects, and a render failure as one located line at the chart template, where validate puts it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from '@jest/globals';
import type { FakeKube } from '../harness/kube-api/index.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { deployHubs } from '../../src/shared/deploy/index.js';
import { runValidation } from '../../src/shared/validate/index.js';
import { CANARY, editYaml, HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, leftovers, toolEnv } from './setup.js';
import { fakeInfraSuite } from './suite.js';

const exec = promisify(execFile);
let fake: FakeKube;
let root: string;
let tmp: string;
const options = (reporter: MemoryReporter, extra: Record<string, unknown> = {}) => ({
  paths: repoPaths({ configRoot: root }),
  cluster: 'kubeconfig-demo',
  reporter,
  env: toolEnv(HELM3, { TMPDIR: tmp, RUNNER_TEMP: tmp }),
  timeoutS: 60,
  dryRun: true,
  helmExtraArgs: HELM_TEST_ARGS,
  kubectlExtraArgs: KUBECTL_TEST_ARGS,
  ...extra,
});

const suite = fakeInfraSuite();
beforeAll(() => void ({ fake, root, tmp } = suite));

test('every step as a paste-able bash line, the rendered objects, nothing sent, no secret and no temp path', async () => {
  const before = fake.requests.length;
  const reporter = new MemoryReporter();
  const result = await deployHubs(options(reporter, { hubs: ['staging'] }));
  expect(result.results.map((r) => [r.hub, r.status])).toEqual([['staging', 'rendered']]);
  expect(fake.requests.length).toBe(before);
  const text = reporter.text();
  const lines = text.split('\n').map((l) => l.trim());
  const dir = 'config/clusters/kubeconfig-demo';
  expect(text).toContain(`from the config root (cd ${root})`);
  expect(lines).toContain('# 1. namespace (created unless it exists)');
  expect(lines).toContain('kubectl create namespace staging');
  expect(lines.some((l) => l.startsWith('# 2. CRDs: none'))).toBe(true);
  expect(lines.some((l) => l.startsWith('# 3. recovery check: stop if release staging is stuck'))).toBe(true);
  expect(lines).toContain('helm history staging --namespace=staging --max=20 --output=json');
  const upgrade = lines.find((l) => l.startsWith('helm upgrade'))!;
  expect(upgrade).toBe(
    `helm upgrade --install --wait --timeout=60s --namespace=staging staging helm-charts/basehub --values=${dir}/common.values.yaml --values=${dir}/staging.values.yaml ` +
      `--values=<(sops --decrypt ${dir}/enc-staging.secret.values.yaml) --disable-openapi-validation`,
  );
  expect(lines).toContain('kubectl rollout status --namespace=staging --timeout=60s --watch deployment/hub');
  expect(lines.some((l) => /^chart basehub 0\.1\.0 renders \d+ object\(s\):$/.test(l))).toBe(true);
  expect(lines).toContain('Deployment/hub');
  // (debug lines show the commands as run, temp paths included; what a person reads shows none)
  const shown = reporter.lines.filter((l) => !l.startsWith('debug:')).join('\n').split(`cd ${root}`).join('');
  expect(shown).not.toMatch(/deployer-(sops|charts|jsonnet)-|\/tmp\//);
  expect(text).not.toContain(CANARY);
  expect(leftovers(tmp)).toEqual([]);

  // Pasted into bash from the config root with the cluster's credentials, the lines do what deploy would do.
  const env = { ...toolEnv(HELM3), KUBECONFIG: fake.kubeconfigPath, HELM_CACHE_HOME: path.join(tmp, 'cache') };
  const script = ['set -euo pipefail', 'kubectl create namespace staging', upgrade].join('\n');
  await exec('bash', ['-c', script], { cwd: root, env });
  const values = JSON.parse((await exec(HELM3, ['get', 'values', 'staging', '--namespace=staging', '--output=json'], { env })).stdout);
  expect(values.jupyterhub.proxy.secretToken).toMatch(/^CANARY-/);
});

test('a render failure is one located line at the chart template, where validate locates it', async () => {
  editYaml(path.join(root, 'config/clusters/kubeconfig-demo/prod.values.yaml'), (doc) => {
    doc.jupyterhub.ingress = { enabled: true, hosts: [] };
  });
  const reporter = new MemoryReporter();
  const result = await deployHubs(options(reporter));
  const prod = result.results.find((r) => r.hub === 'prod')!;
  expect(prod.status).toBe('failed');
  expect(result.results.filter((r) => r.status === 'rendered').map((r) => r.hub)).toEqual(['staging', 'workshop']);
  const m = /^(helm-charts\/basehub\/templates\/[\w./-]+):(\d+):(\d+): helm template failed: .*jupyterhub\.ingress\.hosts is empty/.exec(prod.error!);
  expect(m).not.toBeNull();
  const errors = reporter.lines.filter((l) => l.startsWith('error:'));
  expect(errors).toEqual([expect.stringMatching(new RegExp(`^error: ${m![1]}:${m![2]}:${m![3]}: hub prod: helm template failed: [^\\n]*jupyterhub\\.ingress\\.hosts is empty[^\\n]*$`))]);

  const validation = await runValidation(repoPaths({ configRoot: root }), { checks: ['hub-config'], cluster: 'kubeconfig-demo', hub: 'prod' }, { env: toolEnv(HELM3) } as never);
  const finding = validation.findings.find((f) => f.severity === 'error' && /ingress\.hosts is empty/.test(f.message));
  expect(finding).toBeDefined();
  expect([finding!.file, finding!.line, finding!.col]).toEqual([m![1], Number(m![2]), Number(m![3])]);
});

test('deploy-support --dry-run: cert-manager and support plans, the shared secret values decrypted on the fly', async () => {
  const { deploySupport } = await import('../../src/shared/deploy/index.js');
  const { FIXTURES } = await import('./setup.js');
  const before = fake.requests.length;
  const reporter = new MemoryReporter();
  const result = await deploySupport(options(reporter, { certManagerChart: path.join(FIXTURES, 'cert-manager'), certManagerCrds: path.join(FIXTURES, 'cert-manager-crds') }));
  expect(result.releases.map((r) => [r.release, r.status])).toEqual([
    ['cert-manager', 'rendered'],
    ['support', 'rendered'],
  ]);
  expect(fake.requests.length).toBe(before);
  const lines = reporter.text().split('\n').map((l) => l.trim());
  expect(lines).toContain(`kubectl apply -f ${path.join(FIXTURES, 'cert-manager-crds')} --validate=false`);
  expect(lines).toContain('kubectl create namespace support');
  const upgrade = lines.find((l) => l.startsWith('helm upgrade --install --wait --timeout=60s --namespace=support support helm-charts/support '))!;
  expect(upgrade).toContain('--values=<(sops --decrypt helm-charts/support/enc-support.secret.values.yaml) --values=config/clusters/kubeconfig-demo/support.values.yaml');
  expect(reporter.text()).not.toContain(CANARY);
});

test('a daskhub hub: the dask-gateway CRD step with the URLs of the chart\'s version, and what pasting needs first', async () => {
  const { copyFileSync } = await import('node:fs');
  const dir = path.join(root, 'config/clusters/kubeconfig-demo');
  const gcp = path.join(root, 'config/clusters/gcp-demo');
  copyFileSync(path.join(gcp, 'common.values.yaml'), path.join(dir, 'gcp-common.values.yaml'));
  for (const f of ['daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml']) copyFileSync(path.join(gcp, f), path.join(dir, f));
  editYaml(path.join(dir, 'cluster.yaml'), (doc) => {
    doc.hubs.push({
      name: 'dask',
      domain: 'dask.kubeconfig-demo.example.org',
      helm_chart: 'daskhub',
      helm_chart_values_files: ['gcp-common.values.yaml', 'daskhub-common.values.yaml', 'dask-staging.values.yaml', 'enc-dask-staging.secret.values.yaml'],
    });
  });
  const reporter = new MemoryReporter();
  const result = await deployHubs(options(reporter, { hubs: ['dask'] }));
  expect(result.results.map((r) => [r.hub, r.status])).toEqual([['dask', 'rendered']]);
  const lines = reporter.text().split('\n').map((l) => l.trim());
  expect(lines.some((l) => /^# 2\. dask-gateway \S+ CRDs \(once per run\)$/.test(l))).toBe(true);
  expect(lines.some((l) => /^kubectl apply -f https:\/\/raw\.githubusercontent\.com\/dask\/dask-gateway\/\S+\/resources\/helm\/dask-gateway\/crds\/daskclusters\.yaml --validate=false$/.test(l))).toBe(true);
  expect(lines).toContain(
    '# 4. upgrade (helm-charts/daskhub depends on helm-charts/basehub: deployer builds that in a private copy; to paste this line, run `helm dependency build helm-charts/daskhub` first (it writes into helm-charts/daskhub/charts))',
  );
  expect(lines.some((l) => l.startsWith('helm upgrade --install --wait --timeout=60s --namespace=dask dask helm-charts/daskhub '))).toBe(true);
  expect(reporter.text()).not.toContain(CANARY);
});
