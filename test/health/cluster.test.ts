// The cluster path: the API token read from the hub's Secret through the Kubernetes API (a fake API server), with the
// cluster's sops-encrypted kubeconfig (a copy of examples/infrastructure, cluster kubeconfig-demo), then the check run
// against a real JupyterHub whose URL overrides the hub's domain.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError } from '../../src/shared/errors.js';
import { runHubHealthCheck } from '../../src/shared/health/index.js';
import { hubDomain, hubTypeOf } from '../../src/shared/health/target.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { findHub, loadCluster, repoPaths } from '../../src/shared/repo/index.js';
import { readSecretKey } from '../../src/shared/kube/secrets.js';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { jupyterhubMissing, startJupyterHub, type LocalHub } from '../harness/jupyterhub.js';
import { decryptSopsText, sopsEnv, writeSopsFile } from '../harness/sops.js';
import { expectNothingLeft, FAST } from './helpers.js';
import { readFileSync } from 'node:fs';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = path.join(REPO, 'examples/infrastructure');
const missing = jupyterhubMissing();
if (missing) throw new Error(`the health-check tests need a real JupyterHub: ${missing}`);

let hub: LocalHub;
let fake: FakeKube;
let root: string;

const secret = (namespace: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'hub', namespace },
  type: 'Opaque',
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
});

beforeAll(async () => {
  [hub, fake] = await Promise.all([startJupyterHub(), startFakeKube({ namespaces: ['default', 'staging', 'prod'] })]);
  root = mkdtempSync(path.join(os.tmpdir(), 'health-test-repo-'));
  cpSync(EXAMPLES, root, { recursive: true, verbatimSymlinks: true });
  await writeSopsFile(path.join(root, 'config/clusters/kubeconfig-demo/enc-deployer-credentials.secret.yaml'), YAML.parse(fake.kubeconfigYaml));
  // What z2jh writes: the hub Secret with the hub-health service token, among other keys.
  fake.put(secret('staging', { 'hub.services.hub-health.apiToken': hub.token, 'hub.config.JupyterHub.cookie_secret': 'c0ffee' }));
  fake.put(secret('prod', { 'hub.config.JupyterHub.cookie_secret': 'c0ffee' }));
});
afterAll(async () => {
  await Promise.all([hub?.stop(), fake?.stop()]);
  if (root) rmSync(root, { recursive: true, force: true });
});

const paths = () => repoPaths({ configRoot: root });

describe('the token from the cluster', () => {
  it('reads the hub-health token from Secret hub in the hub namespace and passes against the hub URL given', async () => {
    const reporter = new MemoryReporter();
    const r = await runHubHealthCheck({ paths: paths(), cluster: 'kubeconfig-demo', hub: 'staging', hubUrl: hub.url, env: sopsEnv(), reporter, check: FAST });
    expect(r).toMatchObject({ status: 'passed', hub: 'staging', hub_url: hub.url, hub_type: 'basehub', notebooks: ['simple.ipynb'] });
    expect(fake.requests.some((q) => q.method === 'GET' && q.path === '/api/v1/namespaces/staging/secrets/hub')).toBe(true);
    expect(reporter.text()).toContain('reading the hub-health API token of staging from cluster kubeconfig-demo (Secret staging/hub)');
    expect(reporter.text()).not.toContain(hub.token);
    expect(JSON.stringify(r)).not.toContain(hub.token);
    await expectNothingLeft(hub);
  });

  it('a Secret without the key: a DeployerError naming the Secret and key (never a value), before any check', async () => {
    const err = await runHubHealthCheck({ paths: paths(), cluster: 'kubeconfig-demo', hub: 'prod', hubUrl: hub.url, env: sopsEnv(), reporter: new MemoryReporter(), check: FAST }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toBe('cannot get the hub-health API token of hub prod: cannot read key `hub.services.hub-health.apiToken` of Secret prod/hub: the Secret has no such key');
    expect(err.hint).toBe('its keys: hub.config.JupyterHub.cookie_secret');
    expect(err.message + err.hint).not.toContain('c0ffee');
  });

  it('no Secret at all (hub not deployed): says so', async () => {
    const err = await runHubHealthCheck({ paths: paths(), cluster: 'kubeconfig-demo', hub: 'workshop', hubUrl: hub.url, env: sopsEnv(), reporter: new MemoryReporter(), check: FAST }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toMatch(/^cannot get the hub-health API token of hub workshop: cannot read key `hub\.services\.hub-health\.apiToken` of Secret workshop\/hub: the Secret does not exist/);
  });

  it('an unknown hub lists the hubs of the cluster', async () => {
    const err = await runHubHealthCheck({ paths: paths(), cluster: 'kubeconfig-demo', hub: 'nope', env: sopsEnv(), reporter: new MemoryReporter() }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toBe('cluster kubeconfig-demo has no hub named `nope`');
    expect(err.hint).toBe('hubs of kubeconfig-demo: staging, prod, workshop');
  });

  it('readSecretKey decodes base64 and registers the value as a secret', async () => {
    const { authenticate } = await import('../../src/shared/auth/index.js');
    const cluster = await loadCluster(paths(), 'kubeconfig-demo');
    const access = await authenticate(cluster, { reporter: new MemoryReporter(), env: sopsEnv() });
    try {
      const v = await readSecretKey(access, 'staging', 'hub', 'hub.config.JupyterHub.cookie_secret');
      expect(v).toBe('c0ffee');
      const { redact } = await import('../../src/shared/redact.js');
      expect(redact('cookie c0ffee')).toBe('cookie ***');
    } finally {
      await access.dispose();
    }
  });
});

describe('URL and type from the config', () => {
  it('the domain comes from domain_override_file (sops-decrypted), else `domain`', async () => {
    const cluster = await loadCluster(paths(), 'kubeconfig-demo');
    const overrideFile = path.join(root, 'config/clusters/kubeconfig-demo/enc-workshop.domain-override.secret.yaml');
    const expected = ((await decryptSopsText(readFileSync(overrideFile, 'utf8'), 'yaml')) as { domain: string }).domain;
    expect(await hubDomain(cluster, findHub(cluster, 'workshop'), new MemoryReporter(), sopsEnv())).toBe(expected);
    expect(await hubDomain(cluster, findHub(cluster, 'staging'), new MemoryReporter(), sopsEnv())).toBe('staging.kubeconfig-demo.example.org');
  });

  it('a basehub with dask-gateway and daskhubSetup enabled runs the daskhub notebooks', async () => {
    const cluster = await loadCluster(paths(), 'kubeconfig-demo');
    const staging = findHub(cluster, 'staging');
    expect(await hubTypeOf(cluster, staging)).toBe('basehub');
    const file = path.join(root, 'config/clusters/kubeconfig-demo/staging.values.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      const doc = YAML.parse(original);
      doc['dask-gateway'] = { enabled: true };
      doc.jupyterhub.custom = { ...(doc.jupyterhub.custom ?? {}), daskhubSetup: { enabled: true } };
      writeFileSync(file, YAML.stringify(doc));
      expect(await hubTypeOf(cluster, staging)).toBe('daskhub');
    } finally {
      writeFileSync(file, original);
    }
  });
});
