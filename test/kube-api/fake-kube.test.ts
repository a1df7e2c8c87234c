/**
 * The fake Kubernetes API server against the real tools: helm 3.18, helm 4.1 and kubectl 1.33 from .tools/bin
 * (`npm run tools`), and @kubernetes/client-node. Each describe block starts its own server and stops it in afterAll.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { runTool, type RunResult } from '../../src/shared/exec/run.js';
import { readRelease, setReleaseStatus, startFakeKube, type FakeKube } from '../harness/kube-api/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (n: string) => path.join(root, '.tools', 'bin', n);
const HELM3 = bin('helm');
const HELM4 = bin('helm4');
const KUBECTL = bin('kubectl');
const CHART = path.join(root, 'test/fixtures/kube-api/chart');

for (const tool of [HELM3, HELM4, KUBECTL]) {
  if (!fs.existsSync(tool)) {
    throw new Error(`${tool} is missing: install the test tools with \`npm run tools\` (what .ci/run does)`);
  }
}

let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kube-test-'));
});
afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

/** Run a real tool against a fake; helm/kubectl caches and config stay in a temp dir. */
async function tool(cmd: string, args: string[], fake: FakeKube, timeoutMs = 60000): Promise<RunResult> {
  return runTool(cmd, [...args, '--kubeconfig', fake.kubeconfigPath], {
    allowFailure: true,
    timeoutMs,
    extraEnv: {
      HOME: home,
      KUBECACHEDIR: path.join(home, 'kube-cache'),
      HELM_CACHE_HOME: path.join(home, 'helm-cache'),
      HELM_CONFIG_HOME: path.join(home, 'helm-config'),
      HELM_DATA_HOME: path.join(home, 'helm-data'),
    },
  });
}

async function ok(cmd: string, args: string[], fake: FakeKube): Promise<string> {
  const r = await tool(cmd, args, fake);
  if (r.code !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

async function createNamespace(fake: FakeKube, ns: string): Promise<void> {
  await ok(KUBECTL, ['create', 'namespace', ns], fake);
}

// The fake serves enough of /openapi/v3 for helm and kubectl to leave field validation to the server, so no
// --disable-openapi-validation is needed; one test passes it anyway, as the product's extra-args may.
const HELM_FLAGS = ['--timeout', '30s'];

function deployment(fake: FakeKube, ns: string, name = 'hub'): any {
  return fake.get('apps/v1', 'Deployment', ns, name);
}

describe('helm 3 (v3.18) lifecycle', () => {
  let fake: FakeKube;
  beforeAll(async () => {
    fake = await startFakeKube();
    await createNamespace(fake, 'h3');
  });
  afterAll(async () => {
    await fake?.stop();
  });

  test('upgrade --install --wait, list, values, upgrade, history, rollback, uninstall', async () => {
    const install = await ok(HELM3, ['upgrade', '--install', 'demo', CHART, '-n', 'h3', '--wait', ...HELM_FLAGS], fake);
    expect(install).toMatch(/STATUS: deployed/);
    // the release record went through helm's protobuf encoding and was decoded by the fake
    expect(
      fake.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/namespaces/h3/secrets' && r.contentType === 'application/vnd.kubernetes.protobuf'),
    ).toBe(true);
    const rel1 = fake.get('v1', 'Secret', 'h3', 'sh.helm.release.v1.demo.v1');
    expect(rel1.metadata.labels).toMatchObject({ owner: 'helm', name: 'demo', status: 'deployed', version: '1' });
    expect(readRelease(fake, 'h3', 'demo', 1).info.status).toBe('deployed');

    // the chart's objects, with controller-made state
    const dep = deployment(fake, 'h3');
    expect(dep.status).toMatchObject({ readyReplicas: 1, observedGeneration: dep.metadata.generation });
    const rs = fake.list('apps/v1', 'ReplicaSet', 'h3');
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', name: 'hub', uid: dep.metadata.uid, controller: true });
    expect(fake.get('v1', 'Service', 'h3', 'hub').spec.clusterIP).toMatch(/^10\.96\./);
    expect(fake.get('apps/v1', 'DaemonSet', 'h3', 'image-puller').status.numberReady).toBe(1);
    expect(fake.list('v1', 'Pod', 'h3').map((p) => p.metadata.labels.app).sort()).toEqual(['hub', 'image-puller']);
    expect(Buffer.from(fake.get('v1', 'Secret', 'h3', 'hub').data['hub.config.token'], 'base64').toString()).toBe('s3cr3t');

    const list = JSON.parse(await ok(HELM3, ['list', '-n', 'h3', '-o', 'json'], fake));
    expect(list).toEqual([expect.objectContaining({ name: 'demo', revision: '1', status: 'deployed', chart: 'fake-kube-demo-0.1.0' })]);

    // upgrade with new values: a three-way strategic merge patch
    await ok(HELM3, ['upgrade', '--install', 'demo', CHART, '-n', 'h3', '--wait', '--set', 'greeting=bye', '--set', 'replicas=3', ...HELM_FLAGS], fake);
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.contentType === 'application/strategic-merge-patch+json')).toBe(true);
    expect(fake.get('v1', 'ConfigMap', 'h3', 'hub-config').data.greeting).toBe('bye');
    const dep2 = deployment(fake, 'h3');
    expect(dep2.spec.replicas).toBe(3);
    expect(dep2.metadata.generation).toBe(dep.metadata.generation + 1);
    expect(dep2.spec.template.spec.containers).toHaveLength(1); // merged by name, not appended
    const values = await ok(HELM3, ['get', 'values', 'demo', '-n', 'h3', '-o', 'json'], fake);
    expect(JSON.parse(values)).toEqual({ greeting: 'bye', replicas: 3 });
    // the pod template changed (config checksum): a new ReplicaSet, the old one scaled to 0
    const sets = fake.list('apps/v1', 'ReplicaSet', 'h3');
    expect(sets.map((s) => s.spec.replicas).sort()).toEqual([0, 3]);

    const history = JSON.parse(await ok(HELM3, ['history', 'demo', '-n', 'h3', '-o', 'json'], fake));
    expect(history.map((h: any) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);

    await ok(HELM3, ['rollback', 'demo', '1', '-n', 'h3', '--wait', '--timeout', '30s'], fake);
    expect(fake.get('v1', 'ConfigMap', 'h3', 'hub-config').data.greeting).toBe('hello');
    expect(deployment(fake, 'h3').spec.replicas).toBe(1);
    const history2 = JSON.parse(await ok(HELM3, ['history', 'demo', '-n', 'h3', '-o', 'json'], fake));
    expect(history2.map((h: any) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);

    // a key the chart stops rendering is removed (three-way merge: null in the patch)
    await ok(HELM3, ['upgrade', 'demo', CHART, '-n', 'h3', '--set', 'extraData.tmp=1', ...HELM_FLAGS], fake);
    expect(fake.get('v1', 'ConfigMap', 'h3', 'hub-config').data).toEqual({ greeting: 'hello', tmp: '1' });
    // (--reset-values: without any values flag helm reuses the last release's values)
    await ok(HELM3, ['upgrade', 'demo', CHART, '-n', 'h3', '--reset-values', ...HELM_FLAGS], fake);
    expect(fake.get('v1', 'ConfigMap', 'h3', 'hub-config').data).toEqual({ greeting: 'hello' });

    await ok(HELM3, ['uninstall', 'demo', '-n', 'h3'], fake);
    expect(fake.list('apps/v1', 'Deployment', 'h3')).toEqual([]);
    expect(fake.list('apps/v1', 'ReplicaSet', 'h3')).toEqual([]); // garbage-collected with their owner
    expect(fake.list('v1', 'Pod', 'h3')).toEqual([]);
    expect(fake.list('v1', 'Secret', 'h3')).toEqual([]);
    expect(await ok(HELM3, ['list', '-n', 'h3', '-q'], fake)).toBe('');
  });

  test('--create-namespace and --disable-openapi-validation work too', async () => {
    await ok(HELM3, ['install', 'made', CHART, '-n', 'made-by-helm', '--create-namespace', '--disable-openapi-validation', '--wait', '--timeout', '30s'], fake);
    expect(fake.get('v1', 'Namespace', undefined, 'made-by-helm')?.status.phase).toBe('Active');
    expect(deployment(fake, 'made-by-helm')).toBeDefined();
  });

  test('--wait times out while workloads are unready', async () => {
    await createNamespace(fake, 'h3-unready');
    fake.setAutoReady(false);
    try {
      const r = await tool(HELM3, ['upgrade', '--install', 'slow', CHART, '-n', 'h3-unready', '--wait', '--disable-openapi-validation', '--timeout', '3s'], fake);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/context deadline exceeded|timed out/);
      expect(deployment(fake, 'h3-unready').status.readyReplicas).toBe(0);
    } finally {
      fake.setAutoReady(true);
    }
    expect(deployment(fake, 'h3-unready').status.readyReplicas).toBe(1);
  });

  test('installing into a namespace that does not exist fails as on a real cluster', async () => {
    const r = await tool(HELM3, ['install', 'nowhere', CHART, '-n', 'missing-ns', ...HELM_FLAGS], fake);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/namespaces "missing-ns" not found/);
  });
});

describe('helm 4 (v4.1) lifecycle', () => {
  let fake: FakeKube;
  beforeAll(async () => {
    fake = await startFakeKube();
    await createNamespace(fake, 'h4');
  });
  afterAll(async () => {
    await fake?.stop();
  });

  test('install with the default watcher wait, upgrade with --wait=legacy, rollback, uninstall', async () => {
    await ok(HELM4, ['upgrade', '--install', 'demo', CHART, '-n', 'h4', '--wait', ...HELM_FLAGS], fake);
    // helm 4 applies server-side and its watcher waits on watch streams
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.contentType === 'application/apply-patch+yaml')).toBe(true);
    expect(fake.requests.some((r) => r.method === 'GET' && /(^|&)watch=(true|1)/.test(r.query))).toBe(true);
    expect(deployment(fake, 'h4').metadata.labels['app.kubernetes.io/managed-by']).toBe('Helm');

    await ok(HELM4, ['upgrade', 'demo', CHART, '-n', 'h4', '--wait=legacy', '--set', 'greeting=bye', '--set', 'replicas=2', ...HELM_FLAGS], fake);
    expect(fake.get('v1', 'ConfigMap', 'h4', 'hub-config').data.greeting).toBe('bye');
    expect(deployment(fake, 'h4').spec.replicas).toBe(2);
    expect(JSON.parse(await ok(HELM4, ['get', 'values', 'demo', '-n', 'h4', '-o', 'json'], fake))).toEqual({ greeting: 'bye', replicas: 2 });

    await ok(HELM4, ['rollback', 'demo', '1', '-n', 'h4', '--wait=watcher', '--timeout', '30s'], fake);
    expect(fake.get('v1', 'ConfigMap', 'h4', 'hub-config').data.greeting).toBe('hello');
    const history = JSON.parse(await ok(HELM4, ['history', 'demo', '-n', 'h4', '-o', 'json'], fake));
    expect(history.map((h: any) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);
    const list = JSON.parse(await ok(HELM4, ['list', '-n', 'h4', '-o', 'json'], fake));
    expect(list).toEqual([expect.objectContaining({ name: 'demo', revision: '3', status: 'deployed' })]);

    // server-side apply: a key helm stops sending is removed, a label someone else added stays
    await ok(KUBECTL, ['label', 'configmap', 'hub-config', '-n', 'h4', 'team=data'], fake);
    await ok(HELM4, ['upgrade', 'demo', CHART, '-n', 'h4', '--set', 'extraData.tmp=1', ...HELM_FLAGS], fake);
    expect(fake.get('v1', 'ConfigMap', 'h4', 'hub-config').data).toEqual({ greeting: 'hello', tmp: '1' });
    await ok(HELM4, ['upgrade', 'demo', CHART, '-n', 'h4', '--reset-values', ...HELM_FLAGS], fake);
    const cm = fake.get('v1', 'ConfigMap', 'h4', 'hub-config');
    expect(cm.data).toEqual({ greeting: 'hello' });
    expect(cm.metadata.labels.team).toBe('data');

    await ok(HELM4, ['uninstall', 'demo', '-n', 'h4'], fake);
    expect(fake.list('apps/v1', 'Deployment', 'h4')).toEqual([]);
    expect(fake.list('v1', 'Secret', 'h4')).toEqual([]);
  });

  test('both wait modes time out while workloads are unready', async () => {
    await createNamespace(fake, 'h4-unready');
    fake.setAutoReady(false);
    try {
      for (const wait of ['--wait=watcher', '--wait=legacy']) {
        const r = await tool(HELM4, ['upgrade', '--install', 'slow', CHART, '-n', 'h4-unready', wait, '--disable-openapi-validation', '--timeout', '3s'], fake);
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(/context deadline exceeded|timed out|not ready/i);
      }
    } finally {
      fake.setAutoReady(true);
    }
  });
});

describe('kubectl (v1.33) and @kubernetes/client-node', () => {
  let fake: FakeKube;
  beforeAll(async () => {
    fake = await startFakeKube();
    await createNamespace(fake, 'ns');
    await ok(HELM3, ['install', 'demo', CHART, '-n', 'ns', '--wait', ...HELM_FLAGS], fake);
  });
  afterAll(async () => {
    await fake?.stop();
  });

  test('get -o name, rollout status, jsonpath on a secret', async () => {
    expect((await ok(KUBECTL, ['get', 'deployments', '-o', 'name', '-n', 'ns'], fake)).trim()).toBe('deployment.apps/hub');
    expect(await ok(KUBECTL, ['rollout', 'status', 'deployment/hub', '-n', 'ns', '--timeout=10s'], fake)).toMatch(/successfully rolled out/);
    expect(await ok(KUBECTL, ['rollout', 'status', 'daemonset/image-puller', '-n', 'ns', '--timeout=10s'], fake)).toMatch(/successfully rolled out/);
    const token = await ok(KUBECTL, ['get', 'secret', 'hub', '-n', 'ns', '-o', 'jsonpath={.data.hub\\.config\\.token}'], fake);
    expect(Buffer.from(token, 'base64').toString()).toBe('s3cr3t');
    // label selectors as helm uses them
    const names = await ok(KUBECTL, ['get', 'secrets', '-n', 'ns', '-l', 'owner=helm,status!=superseded', '-o', 'name'], fake);
    expect(names.trim()).toBe('secret/sh.helm.release.v1.demo.v1');
  });

  test('rollout status waits on a watch until the deployment becomes ready', async () => {
    fake.setAutoReady(false);
    try {
      const r = await tool(KUBECTL, ['rollout', 'status', 'deployment/hub', '-n', 'ns', '--timeout=2s'], fake);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(/0 of 1 updated replicas are available/);

      // start waiting, then make the workload ready once kubectl's watch is open: kubectl must see the MODIFIED event
      const before = fake.requests.length;
      const waiting = tool(KUBECTL, ['rollout', 'status', 'deployment/hub', '-n', 'ns', '--timeout=30s'], fake);
      const deadline = Date.now() + 20000;
      while (!fake.requests.slice(before).some((q) => q.path.endsWith('/deployments') && /watch=(true|1)/.test(q.query))) {
        if (Date.now() > deadline) throw new Error('kubectl never opened a watch');
        await new Promise((res) => setTimeout(res, 20));
      }
      fake.setAutoReady(true);
      const done = await waiting;
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/successfully rolled out/);
    } finally {
      fake.setAutoReady(true);
    }
  });

  test('apply of a CRD and a custom resource (client-side and server-side), wait for Established', async () => {
    const dir = fs.mkdtempSync(path.join(home, 'crd-'));
    const file = path.join(dir, 'crd.yaml');
    fs.writeFileSync(
      file,
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: certificates.cert-manager.io
spec:
  group: cert-manager.io
  names: {kind: Certificate, listKind: CertificateList, plural: certificates, singular: certificate, shortNames: [cert]}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
      subresources: {status: {}}
`,
    );
    expect(await ok(KUBECTL, ['apply', '-f', file], fake)).toMatch(/certificates.cert-manager.io created/);
    expect(await ok(KUBECTL, ['apply', '-f', file], fake)).toMatch(/unchanged/);
    expect(await ok(KUBECTL, ['apply', '--server-side', '-f', file], fake)).toMatch(/serverside-applied/);
    await ok(KUBECTL, ['wait', '--for=condition=Established', 'crd/certificates.cert-manager.io', '--timeout=10s'], fake);
    const cert = path.join(dir, 'cert.yaml');
    fs.writeFileSync(cert, 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c1, namespace: ns}\nspec: {secretName: tls}\n');
    await ok(KUBECTL, ['apply', '-f', cert], fake);
    expect(await ok(KUBECTL, ['get', 'cert', 'c1', '-n', 'ns', '-o', 'jsonpath={.spec.secretName}'], fake)).toBe('tls');
    expect(fake.get('cert-manager.io/v1', 'Certificate', 'ns', 'c1')?.spec).toEqual({ secretName: 'tls' });
  });

  test('a wrong token is refused with 401', async () => {
    const badDir = fs.mkdtempSync(path.join(home, 'bad-'));
    const badConfig = path.join(badDir, 'kubeconfig');
    fs.writeFileSync(badConfig, fake.kubeconfigYaml.replace(fake.token, 'not-the-token'), { mode: 0o600 });
    const r = await runTool(KUBECTL, ['get', 'namespaces', '--kubeconfig', badConfig], {
      allowFailure: true,
      extraEnv: { KUBECACHEDIR: path.join(badDir, 'cache') },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unauthorized|provide credentials/);
    expect(fs.statSync(fake.kubeconfigPath).mode & 0o777).toBe(0o600);
  });

  test('client-node reads a Secret and creates a Namespace', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(fake.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    const secret = await core.readNamespacedSecret({ name: 'hub', namespace: 'ns' });
    expect(Buffer.from(secret.data!['hub.config.token'], 'base64').toString()).toBe('s3cr3t');
    const created = await core.createNamespace({ body: { metadata: { name: 'from-client-node' } } });
    expect(created.metadata?.uid).toBeTruthy();
    expect(fake.get('v1', 'Namespace', undefined, 'from-client-node')?.status?.phase).toBe('Active');
    await expect(core.readNamespacedSecret({ name: 'absent', namespace: 'ns' })).rejects.toMatchObject({ code: 404 });
  });
});

describe('a release stuck in pending-upgrade', () => {
  let fake: FakeKube;
  beforeAll(async () => {
    fake = await startFakeKube();
    await createNamespace(fake, 'stuck');
  });
  afterAll(async () => {
    await fake?.stop();
  });

  test('setReleaseStatus makes helm 3 and helm 4 report it and refuse to upgrade', async () => {
    await ok(HELM3, ['upgrade', '--install', 'hub', CHART, '-n', 'stuck', ...HELM_FLAGS], fake);
    await ok(HELM3, ['upgrade', 'hub', CHART, '-n', 'stuck', '--set', 'greeting=two', ...HELM_FLAGS], fake);
    setReleaseStatus(fake, 'stuck', 'hub', 2, 'pending-upgrade');
    expect(fake.get('v1', 'Secret', 'stuck', 'sh.helm.release.v1.hub.v2').metadata.labels.status).toBe('pending-upgrade');
    expect(readRelease(fake, 'stuck', 'hub', 2).info.status).toBe('pending-upgrade');

    for (const helm of [HELM3, HELM4]) {
      expect(await ok(helm, ['status', 'hub', '-n', 'stuck'], fake)).toMatch(/STATUS: pending-upgrade/);
      const history = JSON.parse(await ok(helm, ['history', 'hub', '-n', 'stuck', '-o', 'json'], fake));
      expect(history.map((h: any) => [h.revision, h.status])).toEqual([
        [1, 'superseded'],
        [2, 'pending-upgrade'],
      ]);
      const r = await tool(helm, ['upgrade', 'hub', CHART, '-n', 'stuck', ...HELM_FLAGS], fake);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/another operation \(install\/upgrade\/rollback\) is in progress/);
    }

    // and back: a rollback to 1 clears it
    setReleaseStatus(fake, 'stuck', 'hub', 2, 'failed');
    await ok(HELM3, ['rollback', 'hub', '1', '-n', 'stuck'], fake);
    expect(await ok(HELM3, ['status', 'hub', '-n', 'stuck'], fake)).toMatch(/STATUS: deployed/);
  });
});
