/**
 * The example infra repo (examples/infrastructure) is what demos and most tests stand on: every cluster must load and
 * pass the schema, every referenced file must exist, every secret must be encrypted and decrypt with the test key to
 * the content defined in test/harness/make-example-secrets.ts, and every hub and support chart must render with real
 * helm 3 and helm 4, with and without the decrypted secrets.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import { loadAllClusters, hubValuesFiles, isSecretFile, repoPaths, resolveInCluster, supportValuesFiles, type Cluster } from '../../src/shared/repo/index.js';
import { EXAMPLE_ROOT, EXAMPLE_SECRETS, decryptExampleFile, exampleCanaries } from '../harness/make-example-secrets.js';
import { TEST_SOPS_BIN, decryptSopsText, sopsEnv } from '../harness/sops.js';

const execFileP = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const paths = repoPaths({ configRoot: EXAMPLE_ROOT });

const EXPECTED: Record<string, { provider: string; hubs: Record<string, string> }> = {
  'aws-demo': { provider: 'aws', hubs: { staging: 'basehub', research: 'daskhub' } },
  'gcp-demo': { provider: 'gcp', hubs: { staging: 'basehub', prod: 'basehub', 'dask-staging': 'daskhub', 'dask-prod': 'daskhub' } },
  'kubeconfig-demo': { provider: 'kubeconfig', hubs: { staging: 'basehub', prod: 'basehub', workshop: 'basehub' } },
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** The helm binaries to render with: .tools/bin/helm (v3) and .tools/bin/helm4. Missing ones fail the test. */
function helmBinaries(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of ['helm', 'helm4']) {
    const p = path.join(repoRoot, '.tools', 'bin', name);
    if (!existsSync(p)) {
      throw new Error(`${p} is missing: install the test tools with \`npm run tools\` (.ci/run does it) to render the example charts`);
    }
    found[name] = p;
  }
  return found;
}

let clusters: Cluster[];
beforeAll(async () => {
  clusters = await loadAllClusters(paths, { schema: true });
});

describe('clusters', () => {
  test('the three example clusters load with the schema check, with the expected providers and hubs', () => {
    expect(clusters.map((c) => c.name)).toEqual(Object.keys(EXPECTED).sort());
    for (const c of clusters) {
      expect(c.provider).toBe(EXPECTED[c.name].provider);
      expect(Object.fromEntries(c.hubs.map((h) => [h.name, h.helmChart]))).toEqual(EXPECTED[c.name].hubs);
      expect(c.support?.valuesFiles).toEqual(['support.values.yaml', 'enc-support.secret.values.yaml']);
      // Every hub lists the cluster's common.values.yaml first, and its own encrypted values last.
      for (const h of c.hubs) {
        expect(h.valuesFiles[0]).toBe('common.values.yaml');
        expect(h.valuesFiles.at(-1)).toBe(`enc-${h.name}.secret.values.yaml`);
      }
    }
  });

  test('cluster.yaml shapes: gcp with BigQuery billing, aws in the 2026 shape, kubeconfig in the 2023 shape', () => {
    const byName = Object.fromEntries(clusters.map((c) => [c.name, c.spec]));
    expect(byName['gcp-demo'].gcp).toMatchObject({ key: 'enc-deployer-credentials.secret.json', project: 'demo-project', cluster: 'demo-cluster', zone: 'us-central1', billing: { paid_by_us: true, bigquery: { billing_id: 'ABCDEF-123456-7890AB' } } });
    expect(byName['aws-demo']).toMatchObject({ provider_url: expect.any(String), metadata: expect.any(Object), aws: { key: 'enc-deployer-credentials.secret.json', clusterType: 'eks', clusterName: 'aws-demo-eks', region: 'us-west-2', account: 123456789012, billing: { paid_by_us: false } } });
    expect(byName['kubeconfig-demo']).toMatchObject({ account: expect.any(String), kubeconfig: { file: 'enc-deployer-credentials.secret.yaml' } });
    const workshop = clusters.find((c) => c.name === 'kubeconfig-demo')!.hubs.find((h) => h.name === 'workshop')!;
    expect(workshop.domainOverrideFile).toBe('enc-workshop.domain-override.secret.yaml');
  });

  test('every file a cluster refers to exists inside its directory', () => {
    for (const c of clusters) {
      const refs = [...c.hubs.flatMap((h) => hubValuesFiles(c, h)), ...supportValuesFiles(c)].map((v) => v.abs);
      const provider = c.spec[c.provider] as { key?: string; file?: string };
      const cred = provider.key ?? provider.file;
      expect(cred).toBeDefined();
      refs.push(resolveInCluster(c, cred!, [c.provider, provider.key ? 'key' : 'file']));
      for (const h of c.hubs) if (h.domainOverrideFile) refs.push(resolveInCluster(c, h.domainOverrideFile, ['hubs', h.index, 'domain_override_file']));
      for (const f of refs) expect({ file: f, exists: existsSync(f) && statSync(f).isFile() }).toEqual({ file: f, exists: true });
    }
  });

  test('a GitHub-organisation hub does not also set allowed_users (the upstream authenticator rule)', () => {
    const staging = YAML.parse(readFileSync(path.join(EXAMPLE_ROOT, 'config/clusters/gcp-demo/staging.values.yaml'), 'utf8'));
    expect(staging.jupyterhub.hub.config.JupyterHub.authenticator_class).toBe('github');
    expect(staging.jupyterhub.hub.config.GitHubOAuthenticator.allowed_organizations.length).toBeGreaterThan(0);
    expect(staging.jupyterhub.hub.config.Authenticator.allowed_users).toBeUndefined();
  });
});

describe('secrets', () => {
  const allFiles = () => walk(EXAMPLE_ROOT).map((f) => path.relative(EXAMPLE_ROOT, f).split(path.sep).join('/'));

  test('every secret-named file is sops-encrypted, and is one the regeneration script defines', () => {
    const secretFiles = allFiles().filter((f) => isSecretFile(f));
    expect(secretFiles.sort()).toEqual(Object.keys(EXAMPLE_SECRETS).sort());
    for (const rel of secretFiles) {
      const text = readFileSync(path.join(EXAMPLE_ROOT, rel), 'utf8');
      const doc = rel.endsWith('.yaml') ? YAML.parse(text) : JSON.parse(text);
      expect({ rel, hasSops: typeof doc?.sops === 'object' && Array.isArray(doc.sops.age) }).toEqual({ rel, hasSops: true });
    }
  });

  test('no file of the example repo is git-ignored (its .gitignore hides plaintext *secret* files only)', () => {
    const r = spawnSync('git', ['-C', repoRoot, 'ls-files', '--others', '--ignored', '--exclude-standard', '--', path.relative(repoRoot, EXAMPLE_ROOT)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([]);
  });

  test('no committed file holds a secret in plaintext', () => {
    const canaries = exampleCanaries();
    expect(canaries.length).toBeGreaterThan(20);
    for (const rel of allFiles()) {
      const text = readFileSync(path.join(EXAMPLE_ROOT, rel), 'utf8');
      expect({ rel, leaked: canaries.filter((c) => text.includes(c)) }).toEqual({ rel, leaked: [] });
      if (rel !== 'README.md') expect({ rel, hasCanary: text.includes('CANARY') }).toEqual({ rel, hasCanary: false });
    }
  });

  test('every secret decrypts with the test key (MAC checked) to the content the script defines', async () => {
    for (const [rel, content] of Object.entries(EXAMPLE_SECRETS)) {
      expect({ rel, plain: await decryptExampleFile(rel) }).toEqual({ rel, plain: content });
    }
  });

  test('the YAML/JSON secrets also decrypt through sops-age and through the test sops executable', async () => {
    for (const rel of Object.keys(EXAMPLE_SECRETS).filter((r) => /\.(yaml|json)$/.test(r))) {
      const format = rel.endsWith('.json') ? 'json' : 'yaml';
      const text = readFileSync(path.join(EXAMPLE_ROOT, rel), 'utf8');
      expect(await decryptSopsText(text, format)).toEqual(EXAMPLE_SECRETS[rel]);
      const r = spawnSync(TEST_SOPS_BIN, ['--decrypt', path.join(EXAMPLE_ROOT, rel)], { env: sopsEnv(), encoding: 'utf8' });
      expect({ rel, code: r.status, stderr: r.stderr }).toEqual({ rel, code: 0, stderr: '' });
      expect(format === 'json' ? JSON.parse(r.stdout) : YAML.parse(r.stdout)).toEqual(EXAMPLE_SECRETS[rel]);
    }
  });

  test('the credentials files have the shapes the auth code reads', async () => {
    const aws = (await decryptExampleFile('config/clusters/aws-demo/enc-deployer-credentials.secret.json')) as { AccessKey: Record<string, string> };
    expect(aws.AccessKey).toMatchObject({ AccessKeyId: expect.stringContaining('CANARY'), SecretAccessKey: expect.stringContaining('CANARY') });
    const gcp = (await decryptExampleFile('config/clusters/gcp-demo/enc-deployer-credentials.secret.json')) as Record<string, string>;
    expect(gcp).toMatchObject({ type: 'service_account', project_id: 'demo-project', private_key: expect.stringContaining('CANARY') });
    const kube = (await decryptExampleFile('config/clusters/kubeconfig-demo/enc-deployer-credentials.secret.yaml')) as { clusters: { cluster: { server: string } }[]; users: { user: { token: string } }[] };
    expect(kube.clusters[0].cluster.server).toBe('https://127.0.0.1:6443');
    expect(kube.users[0].user.token).toContain('CANARY');
  });

  test('the deployer age key (decrypt-age) matches its published public key', async () => {
    const age = await import('age-encryption');
    const keyFile = (await decryptExampleFile('shared/deployer/enc-age-secret-private.key')) as string;
    const identity = keyFile.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const published = readFileSync(path.join(EXAMPLE_ROOT, 'shared/deployer/age-public-key.txt'), 'utf8').split('\n').find((l) => l.startsWith('age1'));
    expect(await age.identityToRecipient(identity)).toBe(published);
  });
});

describe('charts', () => {
  const CHARTS = ['basehub', 'daskhub', 'support'];

  test('values.schema.yaml of every chart is a valid draft-07 schema once converted to JSON; no generated files committed', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const c of CHARTS) {
      const dir = path.join(paths.chartsDir, c);
      const schema = YAML.parse(readFileSync(path.join(dir, 'values.schema.yaml'), 'utf8'));
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.additionalProperties).toBe(false);
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema)));
      // The chart's own defaults satisfy its schema.
      const defaults = YAML.parse(readFileSync(path.join(dir, 'values.yaml'), 'utf8'));
      expect({ chart: c, valid: validate(defaults), errors: validate.errors ?? null }).toEqual({ chart: c, valid: true, errors: null });
      for (const generated of ['values.schema.json', 'charts', 'Chart.lock']) expect(existsSync(path.join(dir, generated))).toBe(false);
    }
    const daskhub = YAML.parse(readFileSync(path.join(paths.chartsDir, 'daskhub', 'Chart.yaml'), 'utf8'));
    expect(daskhub.dependencies).toEqual([{ name: 'basehub', version: '0.1.0', repository: 'file://../basehub' }]);
  });

  describe.each(Object.keys({ helm: 1, helm4: 1 }))('rendering with %s', (helmName) => {
    let helm: string;
    let work: string;
    let chartsCopy: string;
    let decrypted: string;
    let n = 0;

    beforeAll(async () => {
      helm = helmBinaries()[helmName];
      work = mkdtempSync(path.join(os.tmpdir(), `example-charts-${helmName}-`));
      chartsCopy = path.join(work, 'helm-charts');
      decrypted = path.join(work, 'decrypted');
      cpSync(paths.chartsDir, chartsCopy, { recursive: true });
      cpSync(paths.chartsDir, decrypted, { recursive: true, filter: () => false });
      for (const c of CHARTS) {
        const schema = YAML.parse(readFileSync(path.join(chartsCopy, c, 'values.schema.yaml'), 'utf8'));
        writeFileSync(path.join(chartsCopy, c, 'values.schema.json'), JSON.stringify(schema, null, 2));
      }
      // Once per chart with dependencies (daskhub -> file://../basehub), after basehub's schema JSON exists.
      await execFileP(helm, ['dependency', 'build', path.join(chartsCopy, 'daskhub')], { timeout: 120_000 });
    });
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    async function decrypt(abs: string): Promise<string> {
      const out = path.join(work, `secret-${n++}.yaml`);
      await execFileP(TEST_SOPS_BIN, ['--output', out, '--decrypt', abs], { env: sopsEnv() });
      return out;
    }

    async function template(release: string, chart: string, valuesFiles: string[], extra: string[] = []) {
      const args = ['template', release, path.join(chartsCopy, chart), '--namespace', release, ...valuesFiles.flatMap((f) => ['--values', f]), ...extra];
      try {
        const { stdout } = await execFileP(helm, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr: '' };
      } catch (e) {
        const err = e as { code?: number; stdout?: string; stderr?: string };
        return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
      }
    }

    function objects(stdout: string): { kind: string; metadata: { name: string }; data?: Record<string, string>; spec?: unknown }[] {
      return YAML.parseAllDocuments(stdout).map((d) => d.toJSON()).filter(Boolean);
    }

    test('every hub renders: non-secret files only (as validation does) and with the decrypted secrets (as deploy does)', async () => {
      const results = await Promise.all(
        clusters.flatMap((c) =>
          c.hubs.map(async (h) => {
            const files = hubValuesFiles(c, h);
            const plainOnly = files.filter((f) => !f.secret).map((f) => f.abs);
            const dummy = h.helmChart === 'daskhub' ? ['--set=dask-gateway.gateway.auth.jupyterhub.apiToken=dummy'] : [];
            const validation = await template(h.name, h.helmChart, plainOnly, dummy);
            const withSecrets = await template(h.name, h.helmChart, await Promise.all(files.map((f) => (f.secret ? decrypt(f.abs) : f.abs))));
            return { hub: `${c.name}/${h.name}`, chart: h.helmChart, validation, withSecrets };
          }),
        ),
      );
      expect(results).toHaveLength(9);
      for (const r of results) {
        expect({ hub: r.hub, code: r.validation.code, stderr: r.validation.stderr }).toEqual({ hub: r.hub, code: 0, stderr: '' });
        expect({ hub: r.hub, code: r.withSecrets.code, stderr: r.withSecrets.stderr }).toEqual({ hub: r.hub, code: 0, stderr: '' });
        const objs = objects(r.withSecrets.stdout);
        const names = objs.map((o) => `${o.kind}/${o.metadata.name}`);
        expect(names).toEqual(expect.arrayContaining(['Deployment/hub', 'Deployment/proxy', 'Secret/hub', 'ConfigMap/hub', 'Service/proxy-public', 'Ingress/jupyterhub']));
        const [cluster, hub] = r.hub.split('/');
        // The health check's token lands where upstream's health check reads it.
        const hubSecret = objs.find((o) => o.kind === 'Secret' && o.metadata.name === 'hub')!;
        const token = Buffer.from(hubSecret.data!['hub.services.hub-health.apiToken'], 'base64').toString();
        expect(token).toBe(`CANARY-${cluster}-${hub}-hub-health-token`);
        if (r.chart === 'daskhub') {
          expect(names).toContain(`Deployment/api-${hub}-dask-gateway`);
          const gw = objs.find((o) => o.kind === 'Secret' && o.metadata.name === `${hub}-dask-gateway`)!;
          const gwToken = Buffer.from(gw.data!['jupyterhub-api-token'], 'base64').toString();
          expect(gwToken).toBe(`CANARY-${cluster}-${hub}-dask-gateway-token`);
          expect(Buffer.from(hubSecret.data!['hub.services.dask-gateway.apiToken'], 'base64').toString()).toBe(gwToken);
        }
      }
    });

    test('every cluster\'s support chart renders, with the shared support secret first', async () => {
      const shared = await decrypt(path.join(paths.chartsDir, 'support', 'enc-support.secret.values.yaml'));
      for (const c of clusters) {
        const files = supportValuesFiles(c);
        const validation = await template('support', 'support', files.filter((f) => !f.secret).map((f) => f.abs));
        expect({ cluster: c.name, code: validation.code, stderr: validation.stderr }).toEqual({ cluster: c.name, code: 0, stderr: '' });
        const full = await template('support', 'support', [shared, ...(await Promise.all(files.map((f) => (f.secret ? decrypt(f.abs) : f.abs))))]);
        expect({ cluster: c.name, code: full.code, stderr: full.stderr }).toEqual({ cluster: c.name, code: 0, stderr: '' });
        const objs = objects(full.stdout);
        const names = objs.map((o) => `${o.kind}/${o.metadata.name}`);
        expect(names).toEqual(expect.arrayContaining(['Deployment/support-prometheus-server', 'Deployment/support-grafana', 'ConfigMap/support-grafana', 'Ingress/support-grafana']));
        expect(names.includes('DaemonSet/support-prometheus-node-exporter')).toBe(c.name !== 'kubeconfig-demo');
        const grafana = objs.find((o) => o.kind === 'Secret' && o.metadata.name === 'support-grafana')!;
        expect(Buffer.from(grafana.data!['admin-password'], 'base64').toString()).toBe('CANARY-support-grafana-admin-password');
      }
    });

    test('missing required values fail the render with a clear message', async () => {
      const noAuth = await template('x', 'basehub', [], []);
      expect(noAuth.code).not.toBe(0);
      expect(noAuth.stderr).toContain('jupyterhub.hub.config.JupyterHub.authenticator_class is required');
      const auth = ['--set', 'basehub.jupyterhub.hub.config.JupyterHub.authenticator_class=github'];
      const noToken = await template('x', 'daskhub', [], auth);
      expect(noToken.code).not.toBe(0);
      expect(noToken.stderr).toContain('dask-gateway.gateway.auth.jupyterhub.apiToken is required');
      const noHosts = await template('x', 'basehub', [], ['--set', 'jupyterhub.hub.config.JupyterHub.authenticator_class=github', '--set', 'jupyterhub.ingress.enabled=true']);
      expect(noHosts.stderr).toContain('jupyterhub.ingress.hosts is empty');
      const both = await template('x', 'basehub', [], [
        '--set', 'jupyterhub.hub.config.JupyterHub.authenticator_class=github',
        '--set', 'jupyterhub.hub.config.GitHubOAuthenticator.allowed_organizations={org}',
        '--set', 'jupyterhub.hub.config.Authenticator.allowed_users={alice}',
      ]);
      expect(both.stderr).toContain('allowed_users must be unset');
      const supportNoHosts = await template('support', 'support', [], ['--set', 'grafana.ingress.enabled=true']);
      expect(supportNoHosts.stderr).toContain('grafana.ingress.enabled is true but grafana.ingress.hosts is empty');
    });

    test('the schemas catch unknown keys and wrong types, in basehub directly and as daskhub\'s subchart', async () => {
      const base = ['--set', 'jupyterhub.hub.config.JupyterHub.authenticator_class=github'];
      const cases: [string, string[], RegExp][] = [
        ['basehub', [...base, '--set', 'jupyterhubb.x=1'], /jupyterhubb/],
        ['basehub', [...base, '--set', 'jupyterhub.custom.unknownKey=1'], /unknownKey/],
        ['basehub', [...base, '--set', 'jupyterhub.singleusr.image.name=x'], /singleusr/],
        ['basehub', [...base, '--set-string', 'jupyterhub.cull.timeout=soon'], /timeout/],
        ['daskhub', ['--set', 'basehub.jupyterhub.hub.config.JupyterHub.authenticator_class=github', '--set', 'dask-gateway.gateway.auth.jupyterhub.apiToken=t', '--set', 'basehub.jupyterhub.custom.typo=1'], /typo/],
        ['daskhub', ['--set', 'basehub.jupyterhub.hub.config.JupyterHub.authenticator_class=github', '--set', 'dask-gateway.gateway.auth.jupyterhub.apiToken=t', '--set', 'dask-gateway.gatway.x=1'], /gatway/],
        ['support', ['--set', 'grafana.adminPasword=x'], /adminPasword/],
      ];
      for (const [chart, args, pattern] of cases) {
        const r = await template('x', chart, [], args);
        expect({ chart, args, code: r.code === 0 ? 0 : 1 }).toEqual({ chart, args, code: 1 });
        expect(r.stderr).toMatch(/schema/i);
        expect(r.stderr).toMatch(pattern);
      }
    });
  });
});
