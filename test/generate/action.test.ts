/**
 * The generate-cluster action run as a process (actions/generate-cluster/main.ts from source) against the fake GitHub
 * API: one branch and one pull request with the new cluster's files (the secret as sops ciphertext), no generated
 * credential in the title, body, commit, any request, the log, the outputs or the summary; run again with force it
 * updates the same pull request; bad inputs and an existing cluster fail before any file or request.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGithubApi, type FakeGithubApi } from '../harness/github-api.js';
import { runActionSourceAsync, type ActionRun } from '../harness/run-source.js';
import { decryptSopsVerified, SOPS_BIN_DIR } from '../harness/sops.js';
import { copyTree, hashTree } from '../validate/helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'ghs_generateClusterTest0123456789abcdEF';
const REPO = 'org/infra';
let api: FakeGithubApi;
const copies: string[] = [];

beforeAll(async () => {
  api = await startFakeGithubApi({ token: TOKEN });
});
afterAll(async () => {
  await api.stop();
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

function workspace(): string {
  const w = copyTree(path.join(root, 'examples/infrastructure'));
  copies.push(w);
  return w;
}

function env(): NodeJS.ProcessEnv {
  return {
    PATH: [SOPS_BIN_DIR, path.join(root, '.tools/bin'), process.env.PATH].join(path.delimiter),
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: api.url,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    RUNNER_TEMP: '',
  };
}

const AWS_INPUTS = { provider: 'aws', 'cluster-name': 'ocean', 'cluster-region': 'us-west-2', 'account-id': '123456789012', 'dask-nodes': 'true', 'github-token': TOKEN };

/** What the runner shows or sends: the log (minus the `::add-mask::` commands, which the runner consumes), outputs, summary, API requests. */
function everythingSeen(run: ActionRun): string {
  const log = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  return [log, run.stderr, run.rawOutputs, run.summary, JSON.stringify(api.requests)].join('\n');
}

describe('generate-cluster action', () => {
  test('one branch and one pull request with the files; no credential anywhere; again with force updates the same pull request', async () => {
    const w = workspace();
    api.setBranch(REPO, 'main', { '.sops.yaml': readFileSync(path.join(w, '.sops.yaml'), 'utf8'), 'README.md': '# infra\n' });
    const requestsBefore = api.requests.length;
    const run = await runActionSourceAsync('generate-cluster', w, AWS_INPUTS, env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs['cluster-dir']).toBe('config/clusters/ocean');
    const files = JSON.parse(run.outputs.files) as string[];
    expect(files.sort()).toEqual([
      'config/clusters/ocean/cluster.yaml',
      'config/clusters/ocean/enc-support.secret.values.yaml',
      'config/clusters/ocean/support.values.yaml',
      'eksctl/ocean.jsonnet',
      'terraform/aws/projects/ocean.tfvars',
    ]);

    // One branch, one pull request, files exactly as in the workspace.
    expect(api.branches(REPO).sort()).toEqual(['generate-cluster/ocean', 'main']);
    const pulls = api.pulls(REPO);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ title: 'New AWS (EKS) cluster ocean', head: 'generate-cluster/ocean', base: 'main', state: 'open' });
    expect(run.outputs['pull-request-number']).toBe(String(pulls[0].number));
    expect(run.outputs['pull-request-url']).toMatch(/^http/);
    const branch = api.branchFiles(REPO, 'generate-cluster/ocean')!;
    for (const f of files) expect(branch[f]).toBe(readFileSync(path.join(w, f), 'utf8'));
    expect(branch['README.md']).toBe('# infra\n');
    expect(pulls[0].body).toContain('`config/clusters/ocean/enc-support.secret.values.yaml`: created, sops-encrypted (keys: `prometheusIngressAuthSecret.password`, `prometheusIngressAuthSecret.username`)');

    // The credentials: only ever as ciphertext.
    const secret = (await decryptSopsVerified(branch['config/clusters/ocean/enc-support.secret.values.yaml'], 'yaml')) as { prometheusIngressAuthSecret: { username: string; password: string } };
    const { username, password } = secret.prometheusIngressAuthSecret;
    expect(password).toMatch(/^[A-Za-z0-9]{64}$/);
    // Masked in the runner the moment they existed.
    expect(run.stdout).toContain(`::add-mask::${username}\n`);
    expect(run.stdout).toContain(`::add-mask::${password}\n`);
    const seen = everythingSeen(run) + pulls[0].title + pulls[0].body + api.headCommit(REPO, 'generate-cluster/ocean')!.message;
    expect(seen).not.toContain(username);
    expect(seen).not.toContain(password);
    expect(api.requests.slice(requestsBefore).every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(run.summary).toContain('generate-cluster aws ocean');

    // Again without force: refused, nothing written, no request.
    const before = hashTree(w);
    const n = api.requests.length;
    const refused = await runActionSourceAsync('generate-cluster', w, AWS_INPUTS, env());
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(/::error::generate-cluster: cluster ocean already has files here: config\/clusters\/ocean, eksctl\/ocean.jsonnet, terraform\/aws\/projects\/ocean.tfvars/);
    expect(hashTree(w)).toEqual(before);
    expect(api.requests.length).toBe(n);

    // With force and a change: the same branch and pull request are updated; the secret is kept.
    const updated = await runActionSourceAsync('generate-cluster', w, { ...AWS_INPUTS, 'cluster-region': 'eu-central-1', force: 'true' }, env());
    expect(updated.code).toBe(0);
    expect(api.pulls(REPO)).toHaveLength(1);
    expect(updated.outputs['pull-request-number']).toBe(String(pulls[0].number));
    expect(api.branchFiles(REPO, 'generate-cluster/ocean')!['terraform/aws/projects/ocean.tfvars']).toContain('region                 = "eu-central-1"');
    expect(JSON.parse(updated.outputs.files)).not.toContain('config/clusters/ocean/enc-support.secret.values.yaml');
    expect(everythingSeen(updated)).not.toContain(password);
  });

  test('bad inputs fail the step naming every input, before any file or request', async () => {
    const w = workspace();
    const before = hashTree(w);
    const n = api.requests.length;
    const run = await runActionSourceAsync('generate-cluster', w, { ...AWS_INPUTS, 'cluster-name': 'Ocean_1', 'account-id': '42', hubs: 'staging,Prod' }, env());
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::generate-cluster: cannot generate the cluster: 3 problems:');
    for (const input of ['cluster-name', 'account-id', 'hubs']) expect(run.stdout).toContain(`- input \`${input}\`:`);
    expect(hashTree(w)).toEqual(before);
    expect(api.requests.length).toBe(n);
  });

  test('pull-request false leaves the files in the workspace; dry-run writes nothing', async () => {
    const w = workspace();
    const n = api.requests.length;
    const gcp = { provider: 'gcp', 'cluster-name': 'lab', 'project-id': 'lab-project', 'pull-request': 'false' };
    const before = hashTree(w);
    const dry = await runActionSourceAsync('generate-cluster', w, { ...gcp, 'dry-run': 'true' }, env());
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.outputs.files)).toEqual([]);
    expect(dry.summary).toContain('would create');
    expect(hashTree(w)).toEqual(before);
    const run = await runActionSourceAsync('generate-cluster', w, gcp, env());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.files)).toHaveLength(4);
    expect(run.outputs['pull-request-url']).toBe('');
    expect(readFileSync(path.join(w, 'config/clusters/lab/cluster.yaml'), 'utf8')).toMatch(/^name: lab$/m);
    expect(api.requests.length).toBe(n);
  });
});
