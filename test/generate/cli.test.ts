/**
 * `deployer generate dedicated-cluster gcp|aws` run from source as a process: no prompt ever (stdin closed), the
 * files table and next steps, --json, exit 2 for bad values and 1 for an existing cluster with nothing written, and
 * no generated credential in anything printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { NODE_ARGS, REPO } from '../harness/run-source.js';
import { decryptSopsVerified, SOPS_BIN_DIR } from '../harness/sops.js';
import { copyTree, hashTree } from '../validate/helpers.js';

const copies: string[] = [];
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});
function repo(): string {
  const c = copyTree(path.join(REPO, 'examples/infrastructure'));
  copies.push(c);
  return c;
}

/** The CLI with stdin closed: a prompt would read EOF and fail, never hang. */
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), 'generate', 'dedicated-cluster', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', PATH: [SOPS_BIN_DIR, process.env.PATH].join(path.delimiter) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('deployer generate dedicated-cluster', () => {
  test('gcp: writes the files, prints them and the next steps; a second run exits 1 and changes nothing', async () => {
    const r = repo();
    const run = cli(['gcp', '--cluster-name', 'lab', '--project-id', 'lab-project', '--hub-name', 'research', '--hubs', 'staging'], r);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^terraform\/gcp\/projects\/lab\.tfvars +created +no /m);
    expect(run.stdout).toMatch(/^config\/clusters\/lab\/enc-support\.secret\.values\.yaml +created +yes \(sops\) /m);
    expect(run.stderr).toMatch(/cluster lab: 4 file\(s\) written in the working tree/);
    expect(run.stderr).toMatch(/deployer validate cluster-config lab && deployer deploy-support lab/);
    const clusterYaml = readFileSync(path.join(r, 'config/clusters/lab/cluster.yaml'), 'utf8');
    expect(clusterYaml).toMatch(/# - name: staging\n[\s\S]*# - name: research\n/);
    const secret = (await decryptSopsVerified(readFileSync(path.join(r, 'config/clusters/lab/enc-support.secret.values.yaml'), 'utf8'), 'yaml')) as any;
    for (const v of Object.values(secret.prometheusIngressAuthSecret) as string[]) {
      expect(run.stdout + run.stderr).not.toContain(v);
    }

    const before = hashTree(r);
    const again = cli(['gcp', '--cluster-name', 'lab', '--project-id', 'lab-project'], r);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: cluster lab already has files here: config\/clusters\/lab, terraform\/gcp\/projects\/lab\.tfvars\n {2}hint: nothing was written/);
    expect(hashTree(r)).toEqual(before);
  });

  test('bad values: exit 2, every fault named by its flag, nothing written', () => {
    const r = repo();
    const before = hashTree(r);
    const run = cli(['aws', '--cluster-name', 'My_Cluster', '--cluster-region', 'us-west-2a', '--account-id', '123'], r);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot generate the cluster: 3 problems:\n {2}- --cluster-name: `My_Cluster` is not a valid cluster name/);
    expect(run.stderr).toContain('- --cluster-region: `us-west-2a` is not an AWS region');
    expect(run.stderr).toContain('- --account-id: `123` is not an AWS account id (12 digits)');
    expect(hashTree(r)).toEqual(before);
  });

  test('missing required flags and flags of the other provider are usage errors (exit 2), never prompts', () => {
    const r = repo();
    const before = hashTree(r);
    const missing = cli(['aws', '--cluster-name', 'ocean'], r);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--cluster-region <region>' not specified/);
    const other = cli(['aws', '--cluster-name', 'ocean', '--cluster-region', 'us-west-2', '--account-id', '123456789012', '--project-id', 'p'], r);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/unknown option '--project-id'/);
    expect(hashTree(r)).toEqual(before);
  });

  test('--dry-run --json: the plan as JSON, nothing written', () => {
    const r = repo();
    const before = hashTree(r);
    const run = cli(['aws', '--cluster-name', 'ocean', '--cluster-region', 'eu-west-1', '--account-id', '123456789012', '--dry-run', '--json'], r);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ cluster: 'ocean', provider: 'aws', clusterDir: 'config/clusters/ocean', dryRun: true });
    expect(out.files.map((f: { path: string; action: string }) => `${f.action} ${f.path}`)).toContain('create eksctl/ocean.jsonnet');
    expect(hashTree(r)).toEqual(before);
  });

  test('--help lists every flag of the provider', () => {
    const r = cli(['aws', '--help'], REPO);
    expect(r.code).toBe(0);
    for (const f of ['--cluster-name', '--cluster-region', '--account-id', '--hubs', '--dask-nodes', '--paid-by-us', '--force', '--rotate-credentials', '--dry-run', '--eks-version']) {
      expect(r.stdout).toContain(f);
    }
    const g = cli(['gcp', '--help'], REPO);
    for (const f of ['--project-id', '--cluster-zone', '--billing-id', '--hub-name']) expect(g.stdout).toContain(f);
  });
});
