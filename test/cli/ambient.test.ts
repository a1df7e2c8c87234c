/**
 * `deployer deploy --ambient-credentials` uses the caller's KUBECONFIG (the action always did; the CLI dropped it with
 * the tool environment before authenticating). End to end: the CLI from source, real helm 3 and kubectl, the fake
 * API server reached only through the caller's KUBECONFIG (the cluster's encrypted kubeconfig points nowhere).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { NODE_ARGS, REPO } from '../harness/run-source.js';
import { EXAMPLES, HELM3, toolEnv } from '../deploy/setup.js';
import { cpSync } from 'node:fs';

let fake: FakeKube;
let root: string;
let tmp: string;

/** The CLI as a child process without blocking this one (the fake API server answers from here). */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd: root, env: { ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  fake = await startFakeKube({});
  root = mkdtempSync(path.join(os.tmpdir(), 'cli-ambient-'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-ambient-tmp-'));
  cpSync(EXAMPLES, root, { recursive: true, verbatimSymlinks: true });
});
afterAll(async () => {
  await fake?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

test('deploy --ambient-credentials reaches the cluster through the caller\'s KUBECONFIG', async () => {
  const env: NodeJS.ProcessEnv = { ...toolEnv(HELM3, { TMPDIR: tmp }), KUBECONFIG: fake.kubeconfigPath };
  delete env.DEPLOYER_CONFIG_ROOT;
  delete env.GITHUB_ACTIONS;
  const r = await cli(
    ['deploy', 'kubeconfig-demo', 'staging', '--ambient-credentials', '--helm-extra-args=--disable-openapi-validation', '--kubectl-extra-args=--validate=false', '--timeout', '120', '--json'],
    env,
  );
  expect(r.stderr).not.toMatch(/KUBECONFIG is not set/);
  if (r.code !== 0) throw new Error(`deploy failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ hub: 'staging', status: 'deployed' })]);
  expect(r.code).toBe(0);
  // the release is on the server the caller's KUBECONFIG names
  expect(fake.list('v1', 'Secret', 'staging').some((s) => s.metadata?.labels?.owner === 'helm')).toBe(true);
}, 300_000);
