/**
 * The fake API server's pod `log` subresource against the real kubectl 1.33 (.tools/bin): what kubectl sends for
 * `logs` (container, tailLines, previous, follow, label selectors with --prefix) is served as a real apiserver would,
 * so the fake is a fair stand-in for the client-node path the product uses.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '../../src/shared/exec/run.js';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { TOOLS } from '../deploy/setup.js';

const KUBECTL = path.join(TOOLS, 'kubectl');
if (!existsSync(KUBECTL)) throw new Error(`${KUBECTL} is missing: install the test tools with \`npm run tools\` (what .ci/run does)`);

let fake: FakeKube;
let home: string;
const env = () => ({ PATH: process.env.PATH, HOME: home, KUBECACHEDIR: path.join(home, 'cache') });
const kubectl = (args: string[]) => runTool(KUBECTL, [...args, '--kubeconfig', fake.kubeconfigPath], { env: env(), allowFailure: true, timeoutMs: 60_000 });

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'fake-kube-logs-'));
  fake = await startFakeKube({ namespaces: ['default', 'staging'] });
  for (const name of ['hub-aaa', 'hub-bbb']) {
    fake.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'staging', labels: { component: 'hub' } }, spec: { containers: [{ name: 'hub', image: 'x' }, { name: 'side', image: 'y' }] } });
    fake.setPodLog('staging', name, 'hub', [`${name} one`, `${name} two`]);
  }
  fake.setPodLog('staging', 'hub-bbb', 'hub', ['bbb before the crash'], { previous: true });
});
afterAll(async () => {
  await fake?.stop();
  rmSync(home, { recursive: true, force: true });
});

test('kubectl logs POD -c hub --tail=1', async () => {
  const r = await kubectl(['logs', '-n', 'staging', 'hub-aaa', '-c', 'hub', '--tail=1']);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('hub-aaa two\n');
});

test('kubectl logs -l component=hub --prefix reads every pod', async () => {
  const r = await kubectl(['logs', '-n', 'staging', '-l', 'component=hub', '-c', 'hub', '--prefix']);
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['[pod/hub-aaa/hub] hub-aaa one', '[pod/hub-aaa/hub] hub-aaa two', '[pod/hub-bbb/hub] hub-bbb one', '[pod/hub-bbb/hub] hub-bbb two']);
});

test('kubectl logs --previous: served when there is one, the apiserver\'s refusal when not', async () => {
  let r = await kubectl(['logs', '-n', 'staging', 'hub-bbb', '-c', 'hub', '--previous']);
  expect(r.stdout).toBe('bbb before the crash\n');
  r = await kubectl(['logs', '-n', 'staging', 'hub-aaa', '-c', 'hub', '--previous']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/previous terminated container "hub" in pod "hub-aaa" not found/);
});

test('kubectl logs -f streams appended lines and ends when the container terminates', async () => {
  const child = spawn(KUBECTL, ['logs', '-n', 'staging', 'hub-aaa', '-c', 'hub', '-f', '--tail=0', '--kubeconfig', fake.kubeconfigPath], { env: env() });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (let i = 0; i < 1500 && fake.logFollowers() === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(fake.logFollowers()).toBe(1);
  fake.appendPodLog('staging', 'hub-aaa', 'hub', 'live line');
  for (let i = 0; i < 1500 && !out.includes('live line'); i++) await new Promise((r) => setTimeout(r, 20));
  fake.endPodLog('staging', 'hub-aaa', 'hub');
  expect(await done).toBe(0);
  expect(out).toBe('live line\n');
});

test('no such pod, no such container: NotFound and BadRequest as the apiserver says them', async () => {
  let r = await kubectl(['logs', '-n', 'staging', 'nope']);
  expect(r.stderr).toMatch(/pods "nope" not found/);
  r = await kubectl(['logs', '-n', 'staging', 'hub-aaa', '-c', 'nope']);
  expect(r.stderr).toMatch(/container nope is not valid for pod hub-aaa/);
});
