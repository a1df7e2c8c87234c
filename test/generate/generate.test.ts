/**
 * `generate dedicated-cluster` on copies of the example infra repo, with the real validate core (schema, cross-checks,
 * helm template of the support chart), the real jsonnet binary and the test sops:
 * - every generated cluster passes validation as it is, for both providers and every option;
 * - the support secret is sops-encrypted for the repo's .sops.yaml recipient, holds 64-character CSPRNG credentials,
 *   and those are masked;
 * - the eksctl jsonnet renders to the ClusterConfig it promises;
 * - an existing cluster is refused without force and nothing changes; bad names and failures write nothing;
 * - force replaces the generated files, keeps the secret (unless rotating) and every other file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { DeployerError, UsageError } from '../../src/shared/errors.js';
import { generateCluster, type GenerateInput, type GenerateOptions } from '../../src/shared/generate/index.js';
import { TOKEN_ALPHABET } from '../../src/shared/generate/credentials.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { containsSecret } from '../../src/shared/redact.js';
import { liveTempDirs } from '../../src/shared/secrets/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { runValidation } from '../../src/shared/validate/index.js';
import { decryptSopsVerified, sopsEnv, testAgeRecipient } from '../harness/sops.js';
import { copyTree, hashTree } from '../validate/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = path.join(root, 'examples/infrastructure');
const JSONNET = process.env.DEPLOYER_JSONNET ?? 'jsonnet';

const copies: string[] = [];
function repo(): string {
  const c = copyTree(example);
  copies.push(c);
  return c;
}
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

function options(configRoot: string, input: GenerateInput, extra: Partial<GenerateOptions> = {}): GenerateOptions {
  return { paths: repoPaths({ configRoot }), input, reporter: new MemoryReporter(), sopsEnv: sopsEnv(), ...extra };
}

async function validate(configRoot: string, cluster: string) {
  const r = await runValidation(repoPaths({ configRoot }), { cluster }, { render: true });
  return r.findings.map((f) => `${f.file}:${f.line}: ${f.severity}: ${f.message}`);
}

const GCP: GenerateInput = { provider: 'gcp', clusterName: 'lab', projectId: 'lab-project' };
const AWS: GenerateInput = { provider: 'aws', clusterName: 'ocean', region: 'us-west-2', accountId: '123456789012' };

describe('every generated cluster passes validate (schema, cross-checks, support chart render)', () => {
  test.each<[string, GenerateInput]>([
    ['gcp defaults', GCP],
    ['gcp daskhub, paid by us, deal id, own zone, other dns zone', { ...GCP, hubType: 'daskhub', paidByUs: true, billingId: '0157F7-E3EA8C-25AC3C', hubspotDealId: '123456', region: 'europe-west4', zone: 'europe-west4-a', dnsZone: 'hubs.example.org', hubs: ['staging', 'prod', 'workshop'] }],
    ['aws defaults', AWS],
    ['aws dask nodes, paid by us, account with a leading zero, one hub', { ...AWS, daskNodes: true, paidByUs: true, accountId: '012345678901', hubs: ['research'], hubspotDealId: '7' }],
  ])('%s', async (_name, input) => {
    const r = repo();
    const result = await generateCluster(options(r, input));
    expect(result.changes.map((c) => c.path).sort()).toEqual(result.files.map((f) => f.path).sort());
    expect(result.files.every((f) => f.action === 'create')).toBe(true);
    expect(await validate(r, input.clusterName!)).toEqual([]);
  });
});

describe('the files', () => {
  test('gcp: tfvars, cluster.yaml in the 2026 shape, support values, the encrypted secret', async () => {
    const r = repo();
    const result = await generateCluster(options(r, { ...GCP, hubspotDealId: '42', paidByUs: true, billingId: '0157F7-E3EA8C-25AC3C' }));
    expect(result.clusterDir).toBe('config/clusters/lab');
    expect(result.changes).toEqual([
      { path: 'config/clusters/lab/cluster.yaml', action: 'created', encrypted: false },
      { path: 'config/clusters/lab/enc-support.secret.values.yaml', action: 'created', encrypted: true, keys: ['prometheusIngressAuthSecret.password', 'prometheusIngressAuthSecret.username'] },
      { path: 'config/clusters/lab/support.values.yaml', action: 'created', encrypted: false },
      { path: 'terraform/gcp/projects/lab.tfvars', action: 'created', encrypted: false },
    ]);
    const clusterYaml = readFileSync(path.join(r, 'config/clusters/lab/cluster.yaml'), 'utf8');
    expect(clusterYaml).toMatch(/^metadata:\n {2}2i2c:\n {4}hubspot_deal_id: 42$/m);
    expect(clusterYaml).toContain('provider_url: "https://console.cloud.google.com/kubernetes/clusters/details/us-central1/lab-cluster/observability?project=lab-project"');
    expect(clusterYaml).toMatch(/^ {2}cluster: lab-cluster$/m);
    expect(clusterYaml).toMatch(/^ {2}# key: enc-deployer-credentials.secret.json$/m);
    expect(clusterYaml).toMatch(/^ {6}billing_id: 0157F7-E3EA8C-25AC3C$/m);
    expect(clusterYaml).toMatch(/^hubs: \[\]$/m);
    expect(clusterYaml).toMatch(/^ {2}# {3}domain: prod\.lab\.2i2c\.cloud$/m);
    const tfvars = readFileSync(path.join(r, 'terraform/gcp/projects/lab.tfvars'), 'utf8');
    expect(tfvars).toMatch(/^prefix {17}= "lab"$/m);
    expect(tfvars).toMatch(/^zone {19}= "us-central1-b"$/m);
    expect(tfvars).toMatch(/^dask_nodes = \{\}$/m);
    expect(tfvars).toContain('bucket_admin_access : ["scratch-staging"]');
    const support = readFileSync(path.join(r, 'config/clusters/lab/support.values.yaml'), 'utf8');
    expect(support).toContain('root_url: https://grafana.lab.2i2c.cloud/');
    expect(support).toContain('- prometheus.lab.2i2c.cloud');
    expect(support).toContain('allowed_organizations: 2i2c-org');
    // The validation that passes these files does look at them: without the support values it fails.
    expect(await validate(r, 'lab')).toEqual([]);
    rmSync(path.join(r, 'config/clusters/lab/support.values.yaml'));
    expect((await validate(r, 'lab')).join('\n')).toMatch(/values file `support.values.yaml` of the support chart does not exist/);
  });

  test('the support secret: sops-encrypted for the .sops.yaml recipient, two distinct 64-character CSPRNG tokens, masked, never plaintext in the tree', async () => {
    const r = repo();
    const reporter = new MemoryReporter();
    // Every file that appears or changes in the repo while generating is read at once: none may hold the plaintext.
    const snapshots: string[] = [];
    let sawSecretFile: () => void = () => undefined;
    const secretSeen = new Promise<void>((resolve) => (sawSecretFile = resolve));
    const watcher = watch(r, { recursive: true }, (_event, name) => {
      if (!name) return;
      try {
        const text = readFileSync(path.join(r, name.toString()), 'utf8');
        snapshots.push(text);
        if (text.includes('prometheusIngressAuthSecret:\n    username: ENC[')) sawSecretFile();
      } catch {
        /* a directory, or already renamed away */
      }
    });
    try {
      await generateCluster(options(r, GCP, { reporter }));
      await secretSeen; // the event of the final file (waits for the event, not for a clock)
    } finally {
      watcher.close();
    }
    expect(liveTempDirs()).toEqual([]);
    const text = readFileSync(path.join(r, 'config/clusters/lab/enc-support.secret.values.yaml'), 'utf8');
    expect(text).toContain(`recipient: ${testAgeRecipient()}`);
    const plain = (await decryptSopsVerified(text, 'yaml')) as { prometheusIngressAuthSecret: { username: string; password: string } };
    const { username, password } = plain.prometheusIngressAuthSecret;
    const token = new RegExp(`^[${TOKEN_ALPHABET}]{64}$`);
    expect(username).toMatch(token);
    expect(password).toMatch(token);
    expect(username).not.toBe(password);
    expect(text).not.toContain(username);
    expect(text).not.toContain(password);
    expect(containsSecret(`${username} ${password}`)).toBe(true);
    expect(reporter.text()).not.toContain(password);
    for (const t of snapshots) {
      expect(t).not.toContain(username);
      expect(t).not.toContain(password);
    }
    // A second cluster gets other credentials.
    await generateCluster(options(r, { ...GCP, clusterName: 'lab2' }));
    const other = (await decryptSopsVerified(readFileSync(path.join(r, 'config/clusters/lab2/enc-support.secret.values.yaml'), 'utf8'), 'yaml')) as typeof plain;
    expect(other.prometheusIngressAuthSecret.password).not.toBe(password);
  });

  test('aws: the eksctl jsonnet renders with the real jsonnet to the ClusterConfig of the cluster', async () => {
    const which = spawnSync(JSONNET, ['--version'], { encoding: 'utf8' });
    if (which.error) throw new Error(`the jsonnet binary is needed (apt-get install -y jsonnet): ${which.error.message}`);
    const r = repo();
    await generateCluster(options(r, { ...AWS, daskNodes: true, eksVersion: '1.31' }));
    const render = (file: string) => {
      const out = spawnSync(JSONNET, [file], { encoding: 'utf8' });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      return JSON.parse(out.stdout);
    };
    const config = render(path.join(r, 'eksctl/ocean.jsonnet'));
    expect(config).toMatchObject({ apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', metadata: { name: 'ocean', region: 'us-west-2', version: '1.31' } });
    expect(config.availabilityZones).toEqual(['us-west-2a', 'us-west-2b', 'us-west-2c']);
    expect(config.addons.map((a: { name: string }) => a.name)).toEqual(['aws-ebs-csi-driver']);
    const groups = config.nodeGroups as Array<Record<string, any>>;
    expect(groups.map((g) => g.name)).toEqual(['core-a', 'nb-r5-xlarge', 'nb-r5-4xlarge', 'nb-r5-16xlarge', 'dask-r5-4xlarge']);
    for (const g of groups) expect(g.availabilityZones).toEqual(['us-west-2a']);
    expect(groups[0]).toMatchObject({ instanceType: 'r5.xlarge', minSize: 1, maxSize: 6 });
    expect(groups[1]).toMatchObject({ minSize: 0, maxSize: 500, taints: [{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' }] });
    expect(groups[1].tags['k8s.io/cluster-autoscaler/node-template/taint/hub.jupyter.org/dedicated']).toBe('user:NoSchedule');
    expect(groups[1].tags['k8s.io/cluster-autoscaler/node-template/label/hub.jupyter.org/node-purpose']).toBe('user');
    expect(groups[4].instancesDistribution).toMatchObject({ instanceTypes: ['r5.4xlarge'], onDemandPercentageAboveBaseCapacity: 0 });
    // Without dask nodes, no dask group.
    await generateCluster(options(r, { ...AWS, clusterName: 'plain' }));
    expect(render(path.join(r, 'eksctl/plain.jsonnet')).nodeGroups.map((g: { name: string }) => g.name)).toEqual(['core-a', 'nb-r5-xlarge', 'nb-r5-4xlarge', 'nb-r5-16xlarge']);
    const tfvars = readFileSync(path.join(r, 'terraform/aws/projects/ocean.tfvars'), 'utf8');
    expect(tfvars).toMatch(/^cluster_nodes_location = "us-west-2a"$/m);
    const clusterYaml = readFileSync(path.join(r, 'config/clusters/ocean/cluster.yaml'), 'utf8');
    expect(clusterYaml).toMatch(/^ {2}account: 123456789012$/m);
    expect(clusterYaml).toMatch(/^ {4}paid_by_us: false$/m);
  });
});

describe('nothing is touched that should not be', () => {
  test('running twice without force fails and changes nothing', async () => {
    const r = repo();
    await generateCluster(options(r, AWS));
    const before = hashTree(r);
    const e = await generateCluster(options(r, AWS)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeployerError);
    expect((e as DeployerError).exitCode).toBe(1);
    expect((e as DeployerError).message).toBe('cluster ocean already has files here: config/clusters/ocean, eksctl/ocean.jsonnet, terraform/aws/projects/ocean.tfvars');
    expect((e as DeployerError).hint).toMatch(/nothing was written.*--force/);
    expect(hashTree(r)).toEqual(before);
  });

  test('an existing tfvars alone (the cluster directory not yet there) is refused too', async () => {
    const r = repo();
    mkdirSync(path.join(r, 'terraform/gcp/projects'), { recursive: true });
    writeFileSync(path.join(r, 'terraform/gcp/projects/lab.tfvars'), 'prefix = "lab"\n');
    const before = hashTree(r);
    await expect(generateCluster(options(r, GCP))).rejects.toThrow('cluster lab already has files here: terraform/gcp/projects/lab.tfvars');
    expect(hashTree(r)).toEqual(before);
  });

  test('bad names are refused before anything is written', async () => {
    const r = repo();
    const before = hashTree(r);
    for (const input of [
      { ...GCP, clusterName: '../../escape' },
      { ...GCP, projectId: 'P' },
      { ...AWS, region: 'mars-1' },
      { ...AWS, hubs: ['ok', 'NOT OK'] },
    ]) {
      await expect(generateCluster(options(r, input))).rejects.toBeInstanceOf(UsageError);
    }
    expect(hashTree(r)).toEqual(before);
  });

  test('a failure while encrypting (no .sops.yaml rule for the secret) writes nothing at all', async () => {
    const r = repo();
    writeFileSync(path.join(r, '.sops.yaml'), 'creation_rules:\n  - path_regex: nothing-matches-this\n    age: ' + testAgeRecipient() + '\n');
    const before = hashTree(r);
    await expect(generateCluster(options(r, AWS))).rejects.toThrow();
    expect(hashTree(r)).toEqual(before);
    expect(existsSync(path.join(r, 'eksctl'))).toBe(false);
  });

  test('no infra repo here (no clusters directory): refused, nothing written', async () => {
    const r = repo();
    rmSync(path.join(r, 'config'), { recursive: true });
    const before = hashTree(r);
    await expect(generateCluster(options(r, GCP))).rejects.toThrow(/clusters directory config\/clusters does not exist/);
    expect(hashTree(r)).toEqual(before);
  });

  test('a dry run checks and lists, and writes nothing', async () => {
    const r = repo();
    const before = hashTree(r);
    const result = await generateCluster(options(r, AWS, { dryRun: true }));
    expect(result.dryRun).toBe(true);
    expect(result.changes).toEqual([]);
    expect(result.files.map((f) => `${f.action} ${f.path}`)).toEqual([
      'create eksctl/ocean.jsonnet',
      'create terraform/aws/projects/ocean.tfvars',
      'create config/clusters/ocean/cluster.yaml',
      'create config/clusters/ocean/support.values.yaml',
      'create config/clusters/ocean/enc-support.secret.values.yaml',
    ]);
    expect(hashTree(r)).toEqual(before);
  });

  test('force replaces the generated files, keeps the support secret and every other file; rotate-credentials replaces the secret', async () => {
    const r = repo();
    await generateCluster(options(r, GCP));
    const dir = path.join(r, 'config/clusters/lab');
    const secret = readFileSync(path.join(dir, 'enc-support.secret.values.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'staging.values.yaml'), 'jupyterhub: {}\n'); // written by hand since
    const handEdited = readFileSync(path.join(r, 'terraform/gcp/projects/lab.tfvars'), 'utf8') + '# hand edit\n';
    writeFileSync(path.join(r, 'terraform/gcp/projects/lab.tfvars'), handEdited);

    const again = await generateCluster(options(r, { ...GCP, region: 'europe-west4' }, { force: true }));
    expect(Object.fromEntries(again.files.map((f) => [f.path, f.action]))).toEqual({
      'terraform/gcp/projects/lab.tfvars': 'replace',
      'config/clusters/lab/cluster.yaml': 'replace',
      'config/clusters/lab/support.values.yaml': 'unchanged',
      'config/clusters/lab/enc-support.secret.values.yaml': 'keep',
    });
    expect(readFileSync(path.join(r, 'terraform/gcp/projects/lab.tfvars'), 'utf8')).toContain('region                 = "europe-west4"');
    expect(readFileSync(path.join(dir, 'enc-support.secret.values.yaml'), 'utf8')).toBe(secret);
    expect(readFileSync(path.join(dir, 'staging.values.yaml'), 'utf8')).toBe('jupyterhub: {}\n');
    expect(await validate(r, 'lab')).toEqual([]);

    const rotated = await generateCluster(options(r, { ...GCP, region: 'europe-west4' }, { force: true, rotateCredentials: true }));
    expect(rotated.changes).toEqual([{ path: 'config/clusters/lab/enc-support.secret.values.yaml', action: 'updated', encrypted: true, keys: ['prometheusIngressAuthSecret.password', 'prometheusIngressAuthSecret.username'] }]);
    const after = readFileSync(path.join(dir, 'enc-support.secret.values.yaml'), 'utf8');
    expect(after).not.toBe(secret);
    const [a, b] = await Promise.all([decryptSopsVerified(secret, 'yaml'), decryptSopsVerified(after, 'yaml')]);
    expect((a as any).prometheusIngressAuthSecret.password).not.toBe((b as any).prometheusIngressAuthSecret.password);
  });
});
