/**
 * Cluster access per provider: the exact cloud CLI commands and environments (test doubles first on PATH, recording
 * every call), kubeconfig access end to end with real kubectl against the fake API server, isolation of two clusters
 * open at once, masking of every credential, and removal of every temp file on dispose and on failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { authenticate, withClusterAccess } from '../../src/shared/auth/index.js';
import { DeployerError } from '../../src/shared/errors.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { redact } from '../../src/shared/redact.js';
import { loadCluster, repoPaths, type RepoPaths } from '../../src/shared/repo/index.js';
import { liveTempDirs } from '../../src/shared/secrets/index.js';
import { toolPath } from '../../src/shared/exec/tools.js';
import { runTool } from '../../src/shared/exec/run.js';
import { CLOUD_CLI_BIN, credentialEnv, readCalls } from '../harness/cloud-cli/index.js';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { sopsEnv, writeSopsFile } from '../harness/sops.js';
import { canaries, makeInfraRepo, type Canaries } from './fixtures.js';

let root: string;
let paths: RepoPaths;
let record: string;
let kube: FakeKube;
let kube2: FakeKube;
let c: Canaries;

// This machine's own cloud variables (e.g. AWS_CA_BUNDLE) are unset so exact assertions do not depend on it.
const machineCloudVarsUnset = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => /^(AWS_|GOOGLE_|CLOUDSDK_|GCLOUD_|AZURE_|ARM_)/.test(k))
    .map((k) => [k, undefined]),
);

/** Run kubectl without blocking the event loop (the fake API server lives in this process). */
async function kubectlNamespaces(env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await runTool(toolPath('kubectl'), ['get', 'namespaces', '-o', 'name'], { env, timeoutMs: 30_000 });
  return r.stdout.split('\n').filter(Boolean).sort();
}

/** The caller's environment: sops harness, cloud CLI doubles first, and ambient credentials that must not leak in. */
function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = sopsEnv({
    ...machineCloudVarsUnset,
    KUBECONFIG: '/ambient/kubeconfig',
    AWS_ACCESS_KEY_ID: 'AKIAAMBIENTAMBIENT',
    AWS_SECRET_ACCESS_KEY: 'ambient-aws-secret',
    AWS_SESSION_TOKEN: 'ambient-session',
    AWS_PROFILE: 'ambient-profile',
    GOOGLE_APPLICATION_CREDENTIALS: '/ambient/gac.json',
    CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/ambient/gac.json',
    CLOUDSDK_CORE_PROJECT: 'ambient-project',
    GOOGLE_GHA_CREDS_PATH: '/ambient/gha.json',
    AZURE_CONFIG_DIR: '/ambient/azure',
    ARM_CLIENT_SECRET: 'ambient-arm-secret',
    CLOUD_CLI_RECORD: record,
    ...extra,
  });
  env.PATH = `${CLOUD_CLI_BIN}${path.delimiter}${env.PATH}`;
  return env;
}

const reporter = () => new MemoryReporter();
const cluster = (name: string) => loadCluster(paths, name);
// Private temp dirs go to RUNNER_TEMP, set to a directory of this test (other suites use the OS temp dir meanwhile).
let runnerTemp: string;
const deployerDirs = () => readdirSync(runnerTemp).filter((d) => d.startsWith('deployer-'));

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'auth-test-'));
  runnerTemp = mkdtempSync(path.join(root, 'runner-temp-'));
  process.env.RUNNER_TEMP = runnerTemp;
  c = canaries();
  kube = await startFakeKube({ token: c.kubeToken });
  kube2 = await startFakeKube({ namespaces: ['default', 'only-on-second'] });
  await makeInfraRepo(root, c, kube.kubeconfigYaml);
  const dir2 = path.join(root, 'config', 'clusters', 'kube-second');
  mkdirSync(dir2, { recursive: true });
  writeFileSync(path.join(dir2, 'cluster.yaml'), 'name: kube-second\nprovider: kubeconfig\nkubeconfig:\n  file: enc-kube.secret.yaml\nhubs: []\n');
  await writeSopsFile(path.join(dir2, 'enc-kube.secret.yaml'), parseYaml(kube2.kubeconfigYaml));
  paths = repoPaths({ configRoot: root });
});

afterAll(async () => {
  delete process.env.RUNNER_TEMP;
  await kube?.stop();
  await kube2?.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  record = path.join(mkdtempSync(path.join(root, 'rec-')), 'calls.jsonl');
});

describe('gcp', () => {
  test('decrypts the key for the session, runs gcloud get-credentials with a private config and kubeconfig', async () => {
    const before = new Set(deployerDirs());
    const access = await authenticate(await cluster('gcp-test'), { reporter: reporter(), env: baseEnv() });
    const calls = readCalls(record);
    expect(calls.map((x) => [x.tool, ...x.argv])).toEqual([
      ['gcloud', 'container', 'clusters', '--zone=us-central1', '--project=proj-one', 'get-credentials', 'gke-one'],
    ]);
    const keyPath = access.env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE as string;
    const dir = path.dirname(access.kubeconfigPath);
    expect(credentialEnv(calls[0].env)).toEqual({
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: keyPath,
      CLOUDSDK_CONFIG: path.join(dir, 'gcloud'),
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      GOOGLE_APPLICATION_CREDENTIALS: keyPath,
      KUBECONFIG: access.kubeconfigPath,
      USE_GKE_GCLOUD_AUTH_PLUGIN: 'True',
    });
    expect(credentialEnv(access.env)).toEqual(credentialEnv(calls[0].env));
    // The key stays on disk (0600, private dir) for the gke auth plugin, with the decrypted content.
    expect(JSON.parse(readFileSync(keyPath, 'utf8')).private_key).toBe(c.gcpPrivateKey);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyPath)).mode & 0o777).toBe(0o700);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(access.kubeconfigPath, 'utf8')).toContain('gke_proj-one_us-central1_gke-one');
    // Every line of the private key is masked.
    for (const line of c.gcpPrivateKey.split('\n').filter((l) => l.length > 4)) expect(redact(`x ${line} y`)).toBe('x *** y');
    await access.dispose();
    await access.dispose();
    expect(existsSync(keyPath)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(deployerDirs().filter((d) => !before.has(d))).toEqual([]);
  });

  test('ambient: inherits the workflow\'s google credentials and gcloud config, still a private kubeconfig', async () => {
    await withClusterAccess(await cluster('gcp-ambient'), { reporter: reporter(), env: baseEnv() }, async (access) => {
      const [call] = readCalls(record);
      expect(call.argv).toEqual(['container', 'clusters', '--zone=europe-west1-b', '--project=proj-two', 'get-credentials', 'gke-two']);
      expect(credentialEnv(call.env)).toEqual({
        CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/ambient/gac.json',
        CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
        CLOUDSDK_CORE_PROJECT: 'ambient-project',
        GOOGLE_APPLICATION_CREDENTIALS: '/ambient/gac.json',
        GOOGLE_GHA_CREDS_PATH: '/ambient/gha.json',
        KUBECONFIG: access.kubeconfigPath,
        USE_GKE_GCLOUD_AUTH_PLUGIN: 'True',
      });
      expect(access.kubeconfigPath).not.toBe('/ambient/kubeconfig');
    });
  });

  test('a gcloud failure is a located error naming the cluster; nothing is left behind', async () => {
    const before = new Set(deployerDirs());
    const err = await authenticate(await cluster('gcp-test'), { reporter: reporter(), env: baseEnv({ CLOUD_CLI_FAIL: 'gcloud' }) }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('could not get credentials for cluster gcp-test');
    expect(err.file).toBe('config/clusters/gcp-test/cluster.yaml');
    expect(deployerDirs().filter((d) => !before.has(d))).toEqual([]);
  });
});

describe('aws', () => {
  test('the access key lives only in the environment; every inherited AWS_* is dropped', async () => {
    const access = await authenticate(await cluster('aws-test'), { reporter: reporter(), env: baseEnv() });
    const calls = readCalls(record);
    expect(calls.map((x) => [x.tool, ...x.argv])).toEqual([
      ['aws', 'eks', 'update-kubeconfig', '--name=eks-real-name', '--region=us-west-2', `--kubeconfig=${access.kubeconfigPath}`],
    ]);
    const dir = path.dirname(access.kubeconfigPath);
    const expected = {
      AWS_ACCESS_KEY_ID: c.awsKeyId,
      AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      AWS_SECRET_ACCESS_KEY: c.awsSecret,
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-credentials'),
      KUBECONFIG: access.kubeconfigPath,
    };
    expect(credentialEnv(calls[0].env)).toEqual(expected);
    expect(credentialEnv(access.env)).toEqual(expected);
    // No decrypted file remains: only the private auth dir (kubeconfig only) is alive.
    expect(readdirSync(dir)).toEqual(['kubeconfig']);
    expect(liveTempDirs()).toEqual([dir]);
    expect(redact(`${c.awsKeyId} ${c.awsSecret}`)).toBe('*** ***');
    await access.dispose();
    expect(existsSync(dir)).toBe(false);
  });

  test('ambient: credentials a tool environment dropped (the CLI\'s) come from the caller\'s own environment', async () => {
    // The exec runner's base environment has no KUBECONFIG, AWS_* or GOOGLE_APPLICATION_CREDENTIALS on purpose.
    const toolEnv = Object.fromEntries(Object.entries(baseEnv()).filter(([k]) => !/^(KUBECONFIG|AWS_.*|GOOGLE_APPLICATION_CREDENTIALS|CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE)$/.test(k)));
    await withClusterAccess(await cluster('aws-ambient'), { reporter: reporter(), env: toolEnv, ambient: true, ambientEnv: baseEnv() }, async (access) => {
      const [call] = readCalls(record);
      expect(credentialEnv(call.env)).toMatchObject({ AWS_ACCESS_KEY_ID: 'AKIAAMBIENTAMBIENT', AWS_SECRET_ACCESS_KEY: 'ambient-aws-secret', AWS_SESSION_TOKEN: 'ambient-session' });
      expect(access.env.AWS_SECRET_ACCESS_KEY).toBe('ambient-aws-secret');
    });
  });

  test('ambient: the workflow\'s AWS_* are used as given', async () => {
    await withClusterAccess(await cluster('aws-ambient'), { reporter: reporter(), env: baseEnv() }, async (access) => {
      const [call] = readCalls(record);
      expect(call.argv).toEqual(['eks', 'update-kubeconfig', '--name=eks-amb', '--region=eu-north-1', `--kubeconfig=${access.kubeconfigPath}`]);
      expect(credentialEnv(call.env)).toEqual({
        AWS_ACCESS_KEY_ID: 'AKIAAMBIENTAMBIENT',
        AWS_PAGER: '',
        AWS_PROFILE: 'ambient-profile',
        AWS_SECRET_ACCESS_KEY: 'ambient-aws-secret',
        AWS_SESSION_TOKEN: 'ambient-session',
        KUBECONFIG: access.kubeconfigPath,
      });
    });
  });

  test('ambient asked for explicitly wins over a key in cluster.yaml', async () => {
    await withClusterAccess(await cluster('aws-test'), { reporter: reporter(), env: baseEnv(), ambient: true }, async (access) => {
      expect(access.env.AWS_ACCESS_KEY_ID).toBe('AKIAAMBIENTAMBIENT');
    });
  });
});

describe('azure', () => {
  test('service principal login into a private config dir, subscription, then aks get-credentials into the private kubeconfig', async () => {
    const token = `aksTokenCanary${Date.now()}`;
    const tokenFile = path.join(root, 'aks-token');
    writeFileSync(tokenFile, token);
    const access = await authenticate(await cluster('azure-test'), { reporter: reporter(), env: baseEnv({ CLOUD_CLI_TOKEN_FILE: tokenFile }) });
    const calls = readCalls(record);
    const cfg = path.join(path.dirname(access.kubeconfigPath), 'azure');
    expect(calls.map((x) => [x.tool, ...x.argv])).toEqual([
      ['az', 'login', '--service-principal', '--username=11111111-2222-3333-4444-555555555555', `--password=${c.azurePassword}`, '--tenant=99999999-8888-7777-6666-555555555555', '--output=none'],
      ['az', 'account', 'set', '--subscription=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
      ['az', 'aks', 'get-credentials', '--name=aks-one', '--resource-group=rg-one', `--file=${access.kubeconfigPath}`, '--overwrite-existing'],
    ]);
    for (const call of calls) {
      expect(credentialEnv(call.env)).toEqual({ AZURE_CONFIG_DIR: cfg, AZURE_CORE_COLLECT_TELEMETRY: 'false', KUBECONFIG: access.kubeconfigPath });
    }
    expect(JSON.parse(readFileSync(path.join(cfg, 'azureProfile.json'), 'utf8')).subscription).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    // The password and the token az wrote into the kubeconfig are masked.
    expect(redact(c.azurePassword)).toBe('***');
    expect(redact(`token: ${token}`)).toBe('token: ***');
    await access.dispose();
    expect(existsSync(cfg)).toBe(false);
  });

  test('a failing az call never shows the password (the CLI echoes its command line)', async () => {
    const before = new Set(deployerDirs());
    const err = await authenticate(await cluster('azure-test'), { reporter: reporter(), env: baseEnv({ CLOUD_CLI_FAIL: 'az' }) }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.message).toContain('simulated failure running: az login --service-principal');
    expect(err.message).toContain('--password=***');
    expect(err.message).not.toContain(c.azurePassword);
    expect(deployerDirs().filter((d) => !before.has(d))).toEqual([]);
  });
});

describe('kubeconfig', () => {
  test('end to end: real kubectl lists namespaces of the fake API server with the returned environment', async () => {
    await withClusterAccess(await cluster('kube-test'), { reporter: reporter(), env: baseEnv() }, async (access) => {
      expect(access.env.KUBECONFIG).toBe(access.kubeconfigPath);
      expect(statSync(access.kubeconfigPath).mode & 0o777).toBe(0o600);
      expect(credentialEnv(access.env)).toEqual({ KUBECONFIG: access.kubeconfigPath });
      expect(await kubectlNamespaces(access.env)).toEqual(['namespace/default', 'namespace/kube-public', 'namespace/kube-system']);
      // The token in the kubeconfig is masked.
      expect(redact(c.kubeToken)).toBe('***');
    });
    expect(readCalls(record)).toEqual([]);
  });

  test('ambient: $KUBECONFIG is used as given and never removed', async () => {
    const given = path.join(root, 'given-kubeconfig');
    writeFileSync(given, kube2.kubeconfigYaml, { mode: 0o600 });
    const access = await authenticate(await cluster('kube-test'), { reporter: reporter(), env: baseEnv({ KUBECONFIG: given }), ambient: true });
    expect(access.kubeconfigPath).toBe(given);
    expect(access.env.KUBECONFIG).toBe(given);
    expect(access.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    await access.dispose();
    expect(existsSync(given)).toBe(true);
  });

  test('a missing key file is a located error pointing at cluster.yaml', async () => {
    const dir = path.join(root, 'config', 'clusters', 'kube-missing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cluster.yaml'), 'name: kube-missing\nprovider: kubeconfig\nkubeconfig:\n  file: enc-nope.secret.yaml\nhubs: []\n');
    const err = await authenticate(await cluster('kube-missing'), { reporter: reporter(), env: baseEnv() }).catch((e) => e);
    expect(err).toBeInstanceOf(DeployerError);
    expect(err.format()).toMatch(/^config\/clusters\/kube-missing\/cluster\.yaml:4:9: `kubeconfig\.file` names config\/clusters\/kube-missing\/enc-nope\.secret\.yaml, which does not exist/);
  });
});

describe('isolation', () => {
  test('CA bundle settings (network, not credentials) are kept for every provider', async () => {
    const env = baseEnv({ AWS_CA_BUNDLE: '/etc/ca.pem', CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE: '/etc/ca.pem' });
    await withClusterAccess(await cluster('gcp-test'), { reporter: reporter(), env }, async (access) => {
      expect(access.env.AWS_CA_BUNDLE).toBe('/etc/ca.pem');
      expect(access.env.CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE).toBe('/etc/ca.pem');
      expect(access.env.AWS_SESSION_TOKEN).toBeUndefined();
    });
  });

  test('two clusters open at once do not see each other\'s KUBECONFIG or credentials, and process.env is untouched', async () => {
    const envBefore = { ...process.env };
    const env = baseEnv();
    const [a, b, k1, k2] = await Promise.all([
      authenticate(await cluster('gcp-test'), { reporter: reporter(), env }),
      authenticate(await cluster('aws-test'), { reporter: reporter(), env }),
      authenticate(await cluster('kube-test'), { reporter: reporter(), env }),
      authenticate(await cluster('kube-second'), { reporter: reporter(), env }),
    ]);
    try {
      const kubeconfigs = [a, b, k1, k2].map((x) => x.kubeconfigPath);
      expect(new Set(kubeconfigs).size).toBe(4);
      expect(a.env.AWS_ACCESS_KEY_ID).toBeUndefined();
      expect(a.env.AWS_SECRET_ACCESS_KEY).toBeUndefined();
      expect(b.env.GOOGLE_APPLICATION_CREDENTIALS).toBeUndefined();
      expect(b.env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE).toBeUndefined();
      for (const x of [k1, k2]) expect(credentialEnv(x.env)).toEqual({ KUBECONFIG: x.kubeconfigPath });
      // Each CLI call saw only its own cluster's files.
      const calls = readCalls(record);
      const gcloud = calls.find((x) => x.tool === 'gcloud');
      const aws = calls.find((x) => x.tool === 'aws');
      expect(gcloud?.env.KUBECONFIG).toBe(a.kubeconfigPath);
      expect(aws?.env.KUBECONFIG).toBe(b.kubeconfigPath);
      expect(JSON.stringify(gcloud?.env)).not.toContain(c.awsSecret);
      expect(JSON.stringify(aws?.env)).not.toContain(a.env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE as string);
      // kubectl with each environment reaches its own API server.
      expect(await kubectlNamespaces(k1.env)).not.toContain('namespace/only-on-second');
      expect(await kubectlNamespaces(k2.env)).toContain('namespace/only-on-second');
      expect(process.env).toEqual(envBefore);
    } finally {
      await Promise.all([a, b, k1, k2].map((x) => x.dispose()));
    }
    for (const x of [a, b, k1, k2]) expect(existsSync(x.kubeconfigPath)).toBe(false);
    expect(deployerDirs()).toEqual([]);
  });
});
