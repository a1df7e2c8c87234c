/**
 * The deploy CLI stopped by SIGTERM or Ctrl-C (SIGINT) while helm waits (issue 10 §18): the process dies of the
 * signal, no `deployer-*` temp dir is left (chart copies, decrypted values, credentials), and the helm it was running
 * is stopped too (the signal is passed on), not left orphaned. Real helm 3 and kubectl against the fake API server,
 * whose workloads never become ready here, so helm is caught waiting.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { NODE_ARGS, REPO } from '../harness/run-source.js';
import { HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, leftovers, toolEnv } from './setup.js';

const exec = promisify(execFile);
let fake: FakeKube;
let root: string;

beforeAll(async () => {
  fake = await startFakeKube({ autoReady: false });
  root = await infraFor(fake);
});
afterAll(async () => {
  await fake?.stop();
  rmSync(root, { recursive: true, force: true });
});

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.each(['SIGTERM', 'SIGINT'] as const)('%s while helm waits: the CLI dies of it, helm is stopped, no temp dir is left', async (sig) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-signal-tmp-'));
  const env: NodeJS.ProcessEnv = { ...toolEnv(HELM3, { TMPDIR: tmp }), NO_COLOR: '1' };
  delete env.RUNNER_TEMP;
  const args = [
    ...NODE_ARGS, path.join(REPO, 'src/cli.ts'), 'deploy', 'kubeconfig-demo', 'staging', '--config-root', root, '--timeout', '120',
    '--helm-extra-args', HELM_TEST_ARGS.join(' '), '--kubectl-extra-args', KUBECTL_TEST_ARGS.join(' '),
  ];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let helmPids: number[] = [];
  let seenDirs: string[] = [];
  const signalled = new Promise<void>((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!helmPids.length && /Running helm upgrade/.test(stderr)) {
        // helm is running (and will wait: nothing becomes ready). Find it, note the temp dirs, then signal the CLI.
        const poll = () => {
          // Wait until helm has written the release (pending-install) and is waiting for the workloads.
          const pids = childPids(child.pid!);
          if (!pids.length || !fake.get('v1', 'Secret', 'staging', 'sh.helm.release.v1.staging.v1')) return void setTimeout(poll, 100);
          helmPids = pids;
          seenDirs = leftovers(tmp);
          child.kill(sig);
          resolve();
        };
        poll();
      }
    });
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  try {
    await Promise.race([signalled, exited]);
    const result = await exited;
    if (!helmPids.length) throw new Error(`the CLI ended before helm ran:\n${stderr}`);
    expect(seenDirs.some((d) => d.startsWith('deployer-charts-'))).toBe(true); // there was something to remove
    expect(result.signal).toBe(sig);
    expect(stderr).toContain(`${sig} received: temporary files removed; stopping helm`);
    expect(leftovers(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    for (const pid of helmPids) expect(alive(pid)).toBe(false);
    // The signal reached helm while it waited, so helm ended the install itself and marked the release failed rather
    // than leaving it pending-install (which would block the next deploy). Should it still be pending (a signal
    // caught between helm's own steps), the log says what to do next.
    // (asynchronously: the fake API server answers from this process)
    const history = JSON.parse((await exec(HELM3, ['history', 'staging', '--namespace=staging', '--output=json', `--kubeconfig=${fake.kubeconfigPath}`], { env: toolEnv(HELM3) })).stdout);
    expect(['failed', 'pending-install', 'pending-upgrade']).toContain(history.at(-1).status);
    expect(stderr).toMatch(/release staging \(namespace staging\) was being upgraded when deployer was stopped: .*--recover-pending/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of helmPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
});
