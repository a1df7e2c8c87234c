/**
 * Errors keep their cause and are said once (issue 10 §15), end to end with real helm 3 and kubectl against the fake
 * API server: secret files that do not decrypt are reported once with sops' reason (not once per hub, not cut off);
 * an unreachable cluster, a name that does not resolve, an untrusted certificate and rejected credentials are each
 * told apart, once per run, with what to do, and never get the "may create namespaces" hint.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import YAML from 'yaml';
import type { FakeKube } from '../harness/kube-api/index.js';
import { generateAgeIdentity, writeSopsFile } from '../harness/sops.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { deployHubs, deploySupport, hubResultRows } from '../../src/shared/deploy/index.js';
import { classifyClusterError } from '../../src/shared/kube/errors.js';
import { CANARY, FIXTURES, HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, leftovers, toolEnv } from './setup.js';
import { fakeInfraSuite } from './suite.js';

let fake: FakeKube;
let root: string;
let tmp: string;
const dir = () => path.join(root, 'config/clusters/kubeconfig-demo');
const credentials = () => path.join(dir(), 'enc-deployer-credentials.secret.yaml');
const options = (reporter: MemoryReporter, extra: Record<string, unknown> = {}) => ({
  paths: repoPaths({ configRoot: root }),
  cluster: 'kubeconfig-demo',
  reporter,
  env: toolEnv(HELM3, { TMPDIR: tmp, RUNNER_TEMP: tmp }),
  timeoutS: 60,
  helmExtraArgs: HELM_TEST_ARGS,
  kubectlExtraArgs: KUBECTL_TEST_ARGS,
  ...extra,
});
const count = (text: string, needle: string) => text.split(needle).length - 1;

const suite = fakeInfraSuite();
beforeAll(() => void ({ fake, root, tmp } = suite));

describe('secret files encrypted for another key', () => {
  beforeAll(async () => {
    const other = await generateAgeIdentity();
    for (const hub of ['staging', 'prod', 'workshop']) {
      await writeSopsFile(path.join(dir(), `enc-${hub}.secret.values.yaml`), { jupyterhub: { proxy: { secretToken: `${CANARY}${hub}` } } }, [other.recipient]);
    }
  });

  test.each([
    ['a deploy', false],
    ['a dry run', true],
  ])('%s: decrypted once up front, the reason said once, each hub fails with one line', async (_what, dryRun) => {
    const reporter = new MemoryReporter();
    const before = fake.list('v1', 'Secret').filter((s) => s.metadata?.labels?.owner === 'helm').length;
    const result = await deployHubs(options(reporter, { dryRun }));
    const text = reporter.text();
    expect(result.failed).toEqual(['staging', 'prod', 'workshop']);
    // One report for the three files (same reason), with sops' reason on the line and the fix in the hint.
    expect(count(text, 'no key available to this job could open its data key')).toBe(1);
    expect(text).toMatch(/sops could not decrypt 3 files \(config\/clusters\/kubeconfig-demo\/enc-staging\.secret\.values\.yaml, .*\): no key available to this job could open its data key \(age1\w+: .+\)/);
    expect(text).toContain('hint: the file is encrypted for age1');
    expect(text).toContain('hub staging not deployed: config/clusters/kubeconfig-demo/enc-staging.secret.values.yaml could not be decrypted (reported above)');
    for (const r of result.results) {
      expect(r.error).toMatch(new RegExp(`^sops could not decrypt config/clusters/kubeconfig-demo/enc-${r.hub}\\.secret\\.values\\.yaml: no key available to this job could open its data key \\(age1`));
      expect(r.error).not.toContain('\n');
    }
    expect(fake.list('v1', 'Secret').filter((s) => s.metadata?.labels?.owner === 'helm').length).toBe(before);
    expect(text).not.toContain(CANARY);
    expect(leftovers(tmp)).toEqual([]);
  });
});

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('a cluster that cannot be reached or refuses the credentials: one error per run, told apart', () => {
  const cases: Array<[string, (k: any) => Promise<void> | void, RegExp, RegExp]> = [
    ['connection refused', async (k) => void (k.clusters[0].cluster.server = `https://127.0.0.1:${await closedPort()}`), /API server at .* refused the connection/, /check that the cluster is running/],
    ['a name that does not resolve', (k) => void (k.clusters[0].cluster.server = 'https://no-such-host.invalid:6443'), /API server name .*does not resolve \(DNS\)/, /resolve it/],
    ['an untrusted certificate', (k) => void delete k.clusters[0].cluster['certificate-authority-data'], /presented a certificate that is not trusted \(TLS\)/, /certificate authority/],
    ['rejected credentials', (k) => void (k.users[0].user.token = 'wrong-token'), /rejected the credentials \(401 Unauthorized\)/, /wrong or expired/],
  ];
  afterAll(async () => {
    await writeSopsFile(credentials(), YAML.parse(fake.kubeconfigYaml));
  });

  test.each(cases)('%s', async (_what, edit, message, hint) => {
    const kubeconfig = YAML.parse(fake.kubeconfigYaml);
    await edit(kubeconfig);
    await writeSopsFile(credentials(), kubeconfig);
    const reporter = new MemoryReporter();
    const result = await deployHubs(options(reporter));
    const text = reporter.text();
    expect(result.failed).toEqual(['staging', 'prod', 'workshop']);
    for (const r of result.results) expect(r.error).toMatch(new RegExp(`^not attempted: could not reach cluster kubeconfig-demo: the cluster.s .*${message.source}`));
    expect(hubResultRows(result.results)[0][5]).toBe('not attempted: could not reach cluster kubeconfig-demo (see the error above)');
    expect(text).toMatch(message);
    expect(text).toMatch(hint);
    expect(count(text, 'could not reach cluster kubeconfig-demo')).toBe(1); // once per run, not once per hub
    expect(text).not.toContain('may create namespaces');
    expect(leftovers(tmp)).toEqual([]);

    const support = await deploySupport(options(new MemoryReporter(), { certManagerChart: path.join(FIXTURES, 'cert-manager') }));
    expect(support.status).toBe('failed');
    expect(support.releases.map((r) => r.error)).toEqual([expect.stringMatching(message), expect.stringMatching(message)]);
  });
});

test('classifyClusterError: kubectl and helm messages of each kind (403 from a real RBAC denial)', () => {
  expect(classifyClusterError('Error from server (Forbidden): namespaces is forbidden: User "system:serviceaccount:default:deployer" cannot create resource "namespaces" in API group "" at the cluster scope')).toMatchObject({
    kind: 'forbidden',
    what: 'the cluster refused: system:serviceaccount:default:deployer may not create namespaces (403 Forbidden)',
  });
  expect(classifyClusterError('Error: UPGRADE FAILED: pods "x" is forbidden: violates PodSecurity "restricted:latest"')).toBeUndefined();
  expect(classifyClusterError('Error: Kubernetes cluster unreachable: Get "https://10.0.0.1:443/version": dial tcp 10.0.0.1:443: i/o timeout')?.kind).toBe('timeout');
  expect(classifyClusterError('Unable to connect to the server: net/http: TLS handshake timeout')?.kind).toBe('timeout');
  expect(classifyClusterError('Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials')?.kind).toBe('unauthorized');
  expect(classifyClusterError('Error: INSTALLATION FAILED: execution error at (basehub/templates/x.yaml:3:4): jupyterhub.ingress.hosts is empty')).toBeUndefined();
});

test('a helm command that cannot reach the cluster says so with the hint of its kind (not helm\'s raw last line only)', async () => {
  const { HelmClient } = await import('../../src/shared/helm/client.js');
  const stderr = 'Error: Kubernetes cluster unreachable: Get "https://10.1.2.3:443/version": dial tcp 10.1.2.3:443: connect: connection refused\n';
  const helm = new HelmClient({
    info: { path: '/bin/helm', version: 'v3.18.0', major: 3 },
    env: {},
    runner: async (command, args) => {
      const result = { command, args, stdout: '', stderr, code: 1, signal: null, durationMs: 1, timedOut: false };
      const { ToolError } = await import('../../src/shared/exec/run.js');
      throw new ToolError(`helm ${args[0]} failed with exit code 1:\n${stderr}`, result);
    },
  });
  const err = await helm.upgrade({ release: 'staging', namespace: 'staging', chart: '/c', valuesFiles: [], timeoutS: 60 }).catch((e) => e);
  expect(err.message).toMatch(/^helm upgrade staging: the cluster's API server at https:\/\/10\.1\.2\.3:443 refused the connection \(helm: Error: Kubernetes cluster unreachable: .*connection refused\)$/);
  expect(err.hint).toContain('check that the cluster is running');
  const history = await helm.history('staging', 'staging').catch((e) => e);
  expect(history.message).toContain('refused the connection');
});
