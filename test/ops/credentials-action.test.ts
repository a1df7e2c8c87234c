/**
 * The cluster-credentials action as the runner runs it: main.ts as a process (GITHUB_STATE, GITHUB_ENV, outputs),
 * then the job's later steps using the exported KUBECONFIG (real kubectl against the fake API server), then the same
 * entry in the post phase (STATE_* variables, as the runner passes saved state), which must remove the kubeconfig
 * after a success, after a failed step and after a cancelled one. action.yml declares `post-if: always()`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { NODE_ARGS, parseOutputFile, REPO, runActionSourceAsync } from '../harness/run-source.js';
import { CLOUD_CLI_BIN } from '../harness/cloud-cli/index.js';
import { TOOLS } from '../deploy/setup.js';
import { AWS_KEY_CANARIES, jobEnv, KUBE_CANARY, opsWorld, visible, type OpsWorld } from './setup.js';

let w: OpsWorld;
beforeAll(async () => {
  w = await opsWorld();
});
afterAll(() => w?.dispose());

interface Job {
  state: Record<string, string>;
  exported: Record<string, string>;
  outputs: Record<string, string>;
  stdout: string;
  code: number | null;
}

let n = 0;
async function main(cluster: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Job> {
  const files = { state: path.join(w.tmp, `state-${++n}`), env: path.join(w.tmp, `env-${n}`) };
  writeFileSync(files.state, '');
  writeFileSync(files.env, '');
  const r = await runActionSourceAsync('cluster-credentials', w.root, { cluster }, jobEnv(w.tmp, { GITHUB_STATE: files.state, GITHUB_ENV: files.env, ...extraEnv }));
  return { state: parseOutputFile(readFileSync(files.state, 'utf8')), exported: parseOutputFile(readFileSync(files.env, 'utf8')), outputs: r.outputs, stdout: visible(r.stdout + r.stderr), code: r.code };
}

async function post(state: Record<string, string>) {
  const env = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  return runActionSourceAsync('cluster-credentials', w.root, { cluster: 'ignored-in-post' }, jobEnv(w.tmp, env));
}

/** A later step of the job: real kubectl with the exported KUBECONFIG (and nothing else). */
function kubectl(args: string[], kubeconfig: string, onStart?: (kill: () => void) => void): Promise<number | null> {
  const child = spawn(path.join(TOOLS, 'kubectl'), args, { env: { PATH: process.env.PATH, HOME: w.tmp, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(w.tmp, 'kcache') }, stdio: 'ignore' });
  onStart?.(() => child.kill('SIGINT'));
  return new Promise((resolve) => child.on('close', (c) => resolve(c)));
}

const ours = () => readdirSync(w.tmp).filter((d) => d.startsWith('deployer-credentials-'));

test('action.yml runs the same bundle as post step, always', () => {
  const meta = YAML.parse(readFileSync(path.join(REPO, 'actions/cluster-credentials/action.yml'), 'utf8'));
  expect(meta.runs).toEqual({ using: 'node24', main: '../../dist/cluster-credentials/index.js', post: '../../dist/cluster-credentials/index.js', 'post-if': 'always()' });
});

test('success: later steps reach the cluster through KUBECONFIG alone; the post step removes it', async () => {
  const job = await main('kubeconfig-demo');
  if (job.code !== 0) throw new Error(job.stdout);
  const kc = job.exported.KUBECONFIG;
  expect(kc).toBe(job.outputs.kubeconfig);
  expect(path.dirname(kc)).toBe(job.state['credentials-dir']);
  expect(job.outputs.context).toBe('fake');
  expect(await kubectl(['get', 'namespace', 'staging'], kc)).toBe(0);
  expect(job.stdout).not.toContain(KUBE_CANARY);
  const p = await post(job.state);
  expect(p.code).toBe(0);
  expect(p.stdout).toMatch(/removed the cluster credentials/);
  expect(existsSync(kc)).toBe(false);
  expect(ours()).toEqual([]);
});

test('failure: a later step fails; the post step (post-if: always()) still removes the kubeconfig', async () => {
  const job = await main('kubeconfig-demo');
  const kc = job.exported.KUBECONFIG;
  expect(await kubectl(['get', 'namespace', 'no-such-namespace'], kc)).not.toBe(0);
  expect((await post(job.state)).code).toBe(0);
  expect(existsSync(kc)).toBe(false);
  expect(ours()).toEqual([]);
});

test('cancel: a later step is interrupted; the post step removes the kubeconfig', async () => {
  const job = await main('kubeconfig-demo');
  const kc = job.exported.KUBECONFIG;
  const code = await kubectl(['get', 'namespaces', '--watch'], kc, (kill) => setTimeout(kill, 1500));
  expect(code).not.toBe(0);
  expect((await post(job.state)).code).toBe(0);
  expect(existsSync(kc)).toBe(false);
});

test('cancel during the main step: what it saved is enough for the post step to clean up', async () => {
  const state = path.join(w.tmp, 'state-cancelled');
  writeFileSync(state, '');
  const env = { ...jobEnv(w.tmp, { GITHUB_STATE: state, GITHUB_ENV: path.join(w.tmp, 'env-cancelled'), GITHUB_OUTPUT: path.join(w.tmp, 'out-cancelled'), GITHUB_WORKSPACE: w.root, INPUT_CLUSTER: 'kubeconfig-demo' }) };
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'actions/cluster-credentials/main.ts')], { cwd: w.root, env, stdio: 'ignore' });
  const done = new Promise((resolve) => child.on('close', resolve));
  for (let i = 0; i < 3000 && !readFileSync(state, 'utf8').includes('credentials-dir'); i++) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await done;
  const saved = parseOutputFile(readFileSync(state, 'utf8'));
  expect(saved['credentials-dir']).toBeDefined();
  expect((await post(saved)).code).toBe(0);
  expect(existsSync(saved['credentials-dir'])).toBe(false);
  expect(ours()).toEqual([]);
});

test('the post step removes nothing but its own directory (tampered state)', async () => {
  const victim = path.join(w.tmp, 'precious');
  writeFileSync(victim, 'keep me');
  const p = await post({ phase: 'main', 'credentials-dir': victim });
  expect(p.code).not.toBe(0);
  expect(p.stdout).toMatch(/refusing to remove/);
  expect(readFileSync(victim, 'utf8')).toBe('keep me');
});

test('an aws cluster: the kubeconfig carries the key for its exec plugin, no credential variable is exported, nothing is shown', async () => {
  const record = path.join(w.tmp, 'aws-calls.jsonl');
  const job = await main('aws-demo', { PATH: `${CLOUD_CLI_BIN}${path.delimiter}${jobEnv(w.tmp).PATH}`, CLOUD_CLI_RECORD: record });
  if (job.code !== 0) throw new Error(job.stdout);
  expect(Object.keys(job.exported)).toEqual(['KUBECONFIG']);
  const doc = YAML.parse(readFileSync(job.exported.KUBECONFIG, 'utf8'));
  const env = Object.fromEntries(doc.users[0].user.exec.env.map((e: { name: string; value: string }) => [e.name, e.value]));
  expect(env.AWS_ACCESS_KEY_ID).toBe(AWS_KEY_CANARIES[0]);
  expect(env.AWS_SECRET_ACCESS_KEY).toBe(AWS_KEY_CANARIES[1]);
  for (const c of AWS_KEY_CANARIES) expect(job.stdout + JSON.stringify(job.outputs)).not.toContain(c);
  expect(job.outputs.context).toBe('arn:aws:eks:us-west-2:123456789012:cluster/aws-demo-eks');
  expect((await post(job.state)).code).toBe(0);
  expect(existsSync(job.exported.KUBECONFIG)).toBe(false);
});
