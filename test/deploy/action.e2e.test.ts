/**
 * The deploy and deploy-support actions as the runner runs them (main.ts as a process, INPUT_* variables,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), with the age key given through the `sops-age-key` input, real helm 3 and
 * kubectl, against the fake Kubernetes API server.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { runActionSourceAsync as runActionSource, type ActionRun } from '../harness/run-source.js';
import { TEST_AGE_KEY_FILE } from '../harness/sops.js';
import { CANARY, FIXTURES, HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, toolEnv } from './setup.js';

/** What the runner would show: stdout without the `::add-mask::` commands it consumes. */
function visible(r: ActionRun): string {
  return (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

describe('deploy actions as processes', () => {
  let fake: FakeKube;
  let root: string;
  let tmp: string;
  const ageKey = readFileSync(TEST_AGE_KEY_FILE, 'utf8');
  const ageSecretLine = ageKey.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;

  /** The job environment: tools on PATH, no SOPS_AGE_KEY_FILE (the key comes only from the input). */
  const jobEnv = () => {
    const env = toolEnv(HELM3, { RUNNER_TEMP: tmp, TMPDIR: tmp });
    delete env.SOPS_AGE_KEY_FILE;
    delete env.SOPS_AGE_KEY;
    return env;
  };
  const common = {
    'helm-extra-args': HELM_TEST_ARGS.join(' '),
    'kubectl-extra-args': KUBECTL_TEST_ARGS.join(' '),
    timeout: '60',
    'sops-age-key': ageKey,
  };

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-action-tmp-'));
    fake = await startFakeKube({});
    root = await infraFor(fake);
  });
  afterAll(async () => {
    await fake?.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  test('deploy: two hubs deployed, results and failed-hubs outputs, a summary row each, no secret shown', async () => {
    const r = await runActionSource('deploy', root, { ...common, cluster: 'kubeconfig-demo', hubs: 'staging, prod' }, jobEnv());
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.outputs.results);
    expect(results.map((x: { hub: string; status: string; revision: number }) => [x.hub, x.status, x.revision])).toEqual([
      ['staging', 'deployed', 1],
      ['prod', 'deployed', 1],
    ]);
    expect(JSON.parse(r.outputs['failed-hubs'])).toEqual([]);
    expect(r.summary).toMatch(/<td>staging<\/td><td>deployed<\/td><td>1<\/td>/);
    // Each hub's lines in a collapsible group of its own (issue 10 §16).
    expect(r.stdout).toMatch(/^::group::1\/2 hub staging\n(?:(?!::group::).*\n)*?Running helm upgrade [^\n]*\n(?:.*\n)*?::endgroup::\n/m);
    expect(r.stdout).toContain('::group::2/2 hub prod\n');
    expect(fake.get('v1', 'Secret', 'prod', 'sh.helm.release.v1.prod.v1')).toBeDefined();
    // The key input was masked before anything else ran, and no decrypted value is visible.
    expect(r.stdout).toContain(`::add-mask::${ageSecretLine}`);
    expect(visible(r)).not.toContain(ageSecretLine);
    expect(visible(r)).not.toContain(CANARY);
    expect(r.summary + r.rawOutputs).not.toContain(CANARY);
    expect(readdirSync(tmp).filter((n) => n.startsWith('deployer-'))).toEqual([]);
  });

  test('deploy: an unknown hub fails the step in one line naming the hubs that exist, nothing deployed', async () => {
    const before = fake.list('v1', 'Secret').length;
    const r = await runActionSource('deploy', root, { ...common, cluster: 'kubeconfig-demo', hub: 'nope' }, jobEnv());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::deploy: config\/clusters\/kubeconfig-demo\/cluster.yaml: cluster kubeconfig-demo has no hub named `nope`%0A  hint: hubs of kubeconfig-demo: staging, prod, workshop$/m);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(fake.list('v1', 'Secret').length).toBe(before);
    // Failed before any hub: both outputs are still set, to empty lists (issue 10 §19).
    expect(JSON.parse(r.outputs.results)).toEqual([]);
    expect(JSON.parse(r.outputs['failed-hubs'])).toEqual([]);
  });

  test('deploy: a refused helm extra argument fails the step as a usage error, outputs still set', async () => {
    const before = fake.list('v1', 'Secret').length;
    const r = await runActionSource('deploy', root, { ...common, 'helm-extra-args': '--disable-openapi-validation -nkube-system', cluster: 'kubeconfig-demo' }, jobEnv());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::deploy: helm extra argument `-n` \(in `-nkube-system`\) \(--namespace\) is not allowed/m);
    expect(JSON.parse(r.outputs.results)).toEqual([]);
    expect(JSON.parse(r.outputs['failed-hubs'])).toEqual([]);
    expect(fake.list('v1', 'Secret').length).toBe(before);
  });

  test('deploy-support: an unknown cluster fails the step, and `result` says so with no release', async () => {
    const r = await runActionSource('deploy-support', root, { ...common, cluster: 'nope' }, jobEnv());
    expect(r.code).toBe(1);
    const result = JSON.parse(r.outputs.result);
    expect(result).toMatchObject({ cluster: 'nope', status: 'failed', releases: [] });
    expect(result.message).toContain('unknown cluster `nope`');
  });

  test('deploy: a key that cannot decrypt fails every hub, names the file, and shows no value', async () => {
    const wrong = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ9K7D3F';
    const r = await runActionSource('deploy', root, { ...common, 'sops-age-key': wrong, cluster: 'kubeconfig-demo', hub: 'workshop' }, jobEnv());
    expect(r.code).toBe(1);
    const results = JSON.parse(r.outputs.results);
    expect(results).toEqual([expect.objectContaining({ hub: 'workshop', status: 'failed' })]);
    expect(results[0].error).toMatch(/enc-deployer-credentials\.secret\.yaml/);
    // The reason is kept (one line, not cut off after a colon) and said once; the summary row points at it.
    expect(results[0].error).toMatch(/^not attempted: could not authenticate to cluster kubeconfig-demo: sops could not decrypt config\/clusters\/kubeconfig-demo\/enc-deployer-credentials\.secret\.yaml: no key available to this job could open its data key \(age1\w+: [^\n]+\)$/);
    expect(visible(r).split('no key available to this job could open its data key').length - 1).toBe(1);
    expect(r.summary).toContain('not attempted: could not authenticate to cluster kubeconfig-demo (see the error above)');
    expect(JSON.parse(r.outputs['failed-hubs'])).toEqual(['workshop']);
    expect(visible(r)).not.toContain(CANARY);
  });

  test('deploy-support: cert-manager then the support chart, result output', async () => {
    const r = await runActionSource(
      'deploy-support',
      root,
      {
        ...common,
        cluster: 'kubeconfig-demo',
        'cert-manager-chart': path.join(FIXTURES, 'cert-manager'),
        'cert-manager-crds': path.join(FIXTURES, 'cert-manager-crds'),
      },
      jobEnv(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.outputs.result);
    expect(result.status).toBe('deployed');
    expect(result.releases.map((x: { release: string; status: string }) => [x.release, x.status])).toEqual([
      ['cert-manager', 'deployed'],
      ['support', 'deployed'],
    ]);
    expect(visible(r)).not.toContain(CANARY);
  });
});
