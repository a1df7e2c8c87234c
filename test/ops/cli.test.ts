/**
 * The operator tools from the command line (src/cli.ts run as a process), with test doubles of kubectl, aws and the
 * login shell on PATH that record their argv and environment (test/ops/bin). Checked: the exact kubectl argv; the
 * cluster's private kubeconfig is in the child's environment (and exists while it runs, and is gone afterwards), the
 * parent's KUBECONFIG is not; the transfer pod is deleted even when the copy fails; use-cluster-credentials takes the
 * command as separate words and `--`; logs through the API; decrypt-age prints the plaintext only to the terminal.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_ARGS, REPO } from '../harness/run-source.js';
import { jobEnv, KUBE_CANARY, opsWorld, type OpsWorld } from './setup.js';

const BIN = path.join(REPO, 'test/ops/bin');
let w: OpsWorld;
let record: string;
let home: string;

interface Call {
  tool: string;
  argv: string[];
  env: Record<string, string>;
  kubeconfigExisted: boolean;
  kubeconfigSize: number;
}

const calls = (): Call[] => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call) : []);

interface Started {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** What the terminal does on Ctrl-C: the signal to the whole foreground process group. */
  interrupt(): void;
  stdout(): string;
}

function cliEnv(extraEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(jobEnv(w.tmp)).filter(([k]) => !k.startsWith('GITHUB_')));
  return { ...base, PATH: `${BIN}${path.delimiter}${jobEnv(w.tmp).PATH}`, HOME: home, OPS_RECORD: record, KUBECONFIG: '/parent/kubeconfig-of-the-operator', SHELL: path.join(BIN, 'shell'), NO_COLOR: '1', ...extraEnv };
}

/** Start the CLI in a process group of its own, as a shell starts a foreground job. */
function startCli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
  rmSync(record, { force: true });
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd: w.root, env: cliEnv(extraEnv), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
    stdout: () => stdout,
  };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

const leftovers = () => readdirSync(w.tmp).filter((n) => n.startsWith('deployer-'));

async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  rmSync(record, { force: true });
  const env = cliEnv(extraEnv);
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd: w.root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, stdout, stderr };
}

beforeAll(async () => {
  w = await opsWorld();
  record = path.join(w.tmp, 'calls.jsonl');
  home = path.join(w.tmp, 'home');
  mkdirSync(home);
});
afterAll(() => w?.dispose());

/** The private kubeconfig was there for the child, is not the parent's, and is gone now. */
function isolated(c: Call): void {
  expect(c.env.KUBECONFIG).toBeDefined();
  expect(c.env.KUBECONFIG).not.toBe('/parent/kubeconfig-of-the-operator');
  expect(Object.values(c.env)).not.toContain('/parent/kubeconfig-of-the-operator');
  expect(c.kubeconfigExisted).toBe(true);
  expect(c.kubeconfigSize).toBeGreaterThan(0);
  expect(existsSync(c.env.KUBECONFIG)).toBe(false);
}

describe('interactive tools run kubectl here with the private kubeconfig', () => {
  test('exec shell hub: lists the hub pods, then exec -it into the running one', async () => {
    const r = await cli(['exec', 'shell', 'hub', 'kubeconfig-demo', 'staging']);
    expect(r.stderr).not.toContain(KUBE_CANARY);
    expect(r.code).toBe(0);
    const k = calls().filter((c) => c.tool === 'kubectl');
    expect(k.map((c) => c.argv)).toEqual([
      ['--namespace=staging', 'get', 'pods', '--selector=component=hub'],
      ['--namespace=staging', 'exec', '-it', 'pod/hub-7d9f-abcde', '-c', 'hub', '--', '/bin/bash', '-l'],
    ]);
    k.forEach(isolated);
  });

  test('exec shell homes and root-homes: kubectl run --rm -it with the override manifest', async () => {
    let r = await cli(['exec', 'shell', 'homes', 'kubeconfig-demo', 'staging']);
    expect(r.code).toBe(0);
    let [c] = calls();
    expect(c.argv.slice(0, 4)).toEqual(['--namespace=staging', 'run', '--rm', '-it']);
    expect(JSON.parse(c.argv[4].replace(/^--overrides=/, '')).spec.volumes).toEqual([{ name: 'home', persistentVolumeClaim: { claimName: 'home-nfs' } }]);
    expect(c.argv.slice(5)).toEqual(['--image=ubuntu:22.04', 'kubeconfig-demo-staging-shell', '--', '/bin/bash', '-l']);
    isolated(c);
    r = await cli(['exec', 'shell', 'root-homes', 'kubeconfig-demo', 'staging']);
    expect(r.code).toBe(0);
    [c] = calls();
    expect(JSON.parse(c.argv[4].replace(/^--overrides=/, '')).spec.volumes).toEqual([{ name: 'home', nfs: { server: '10.0.0.5', path: '/homes' } }]);
  });

  test('copy-homedir-into-another: every step; when cp fails the transfer pod is still deleted and the exit code says so', async () => {
    const args = ['exec', 'shell', 'copy-homedir-into-another', 'kubeconfig-demo', 'staging', '--source-homedir', 'alice', '--destination-homedir', 'bob', '--yes'];
    let r = await cli(args);
    expect(r.code).toBe(0);
    const pod = 'kubeconfig-demo-staging-transfer-shell';
    expect(calls().map((c) => c.argv.slice(1, 3))).toEqual([
      ['run', pod],
      ['wait', `pod/${pod}`],
      ['exec', pod],
      ['exec', pod],
      ['exec', pod],
      ['delete', 'pod'],
    ]);
    r = await cli(args, { OPS_FAIL_ON: 'cp' });
    expect(r.code).toBe(3);
    const argvs = calls().map((c) => c.argv);
    expect(argvs.some((a) => a.includes('cp'))).toBe(true);
    expect(argvs.some((a) => a.join(' ').includes(`/home/bob/alice-homedir`) && a.includes('ls'))).toBe(false);
    expect(argvs[argvs.length - 1]).toEqual(['--namespace=staging', 'delete', 'pod', pod, '--ignore-not-found', '--wait=false']);
    calls().forEach(isolated);
    expect(r.stderr).toMatch(/failed with exit code 3/);
  });

  test('Ctrl-C during the copy: the transfer pod is still deleted (with credentials that survived the signal), exit 130', async () => {
    const run = startCli(['exec', 'shell', 'copy-homedir-into-another', 'kubeconfig-demo', 'staging', '--source-homedir', 'alice', '--destination-homedir', 'bob', '--yes'], { OPS_HANG_ON: 'cp' });
    await until(() => calls().some((c) => c.argv.includes('cp')), 'the cp step');
    run.interrupt();
    const r = await run.done;
    expect(r.code).toBe(130);
    const last = calls()[calls().length - 1];
    expect(last.argv).toEqual(['--namespace=staging', 'delete', 'pod', 'kubeconfig-demo-staging-transfer-shell', '--ignore-not-found', '--wait=false']);
    expect(last.kubeconfigExisted).toBe(true);
    expect(existsSync(last.env.KUBECONFIG)).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(r.stderr).toMatch(/interrupted \(SIGINT\)/);
  });

  test('copy-homedir-into-another without a terminal and without --yes asks for it instead of copying', async () => {
    const r = await cli(['exec', 'shell', 'copy-homedir-into-another', 'kubeconfig-demo', 'staging', '--source-homedir', 'alice', '--destination-homedir', 'bob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs confirmation: pass --yes/);
    expect(calls()).toEqual([]);
  });

  test('start-docker-proxy: the port-forward, and where DOCKER_HOST must point', async () => {
    const r = await cli(['exec', 'debug', 'start-docker-proxy', 'kubeconfig-demo']);
    expect(r.code).toBe(0);
    expect(calls().map((c) => c.argv)).toEqual([['--namespace=default', 'port-forward', 'deployment/dind', '23760:2376']]);
    isolated(calls()[0]);
  });

  test('inside a GitHub Actions step the same tool prints instructions instead', async () => {
    const r = await cli(['exec', 'shell', 'hub', 'kubeconfig-demo', 'staging'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(0);
    expect(calls()).toEqual([]);
    expect(r.stdout).toContain('kubectl --context=fake --namespace=staging exec -it pod/hub-7d9f-abcde -c hub -- /bin/bash -l');
    expect(r.stdout + r.stderr).not.toContain(KUBE_CANARY);
  });

  test('exec shell aws: sts get-session-token with the MFA code, then a login shell holding the temporary credentials', async () => {
    const secret = 'CANARY-session-secret-key';
    const token = 'CANARY-session-token';
    const r = await cli(['exec', 'shell', 'aws', 'ops', 'arn:aws:iam::123456789012:mfa/alice', '123456'], { OPS_AWS_ID: 'ASIACANARY0001', OPS_AWS_SECRET: secret, OPS_AWS_TOKEN: token });
    expect(r.code).toBe(0);
    const [sts, shell] = calls();
    expect(sts.argv).toEqual(['sts', 'get-session-token', '--serial-number', 'arn:aws:iam::123456789012:mfa/alice', '--token-code', '123456', '--profile', 'ops', '--output', 'json']);
    expect(shell.tool).toBe('shell');
    expect(shell.argv).toEqual(['-l']);
    expect(shell.env).toMatchObject({ AWS_ACCESS_KEY_ID: 'ASIACANARY0001', AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token, AWS_PROFILE: 'ops' });
    expect(r.stdout + r.stderr).not.toMatch(/CANARY/);
  });
});

describe('use-cluster-credentials', () => {
  test('runs `kubectl get ns -o yaml` given as separate words (no quoting), with the private kubeconfig only', async () => {
    const r = await cli(['use-cluster-credentials', 'kubeconfig-demo', 'kubectl', 'get', 'ns', '-o', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('default   Active');
    const [c] = calls();
    expect(c.argv).toEqual(['get', 'ns', '-o', 'yaml']);
    isolated(c);
  });
  test('`--` ends deployer\'s options: -v goes to the command', async () => {
    const r = await cli(['use-cluster-credentials', 'kubeconfig-demo', '--', 'kubectl', 'get', 'ns', '-v', '6']);
    expect(r.code).toBe(0);
    expect(calls()[0].argv).toEqual(['get', 'ns', '-v', '6']);
  });
  test('one quoted command line still runs through a shell, and the exit code is the command\'s', async () => {
    const r = await cli(['use-cluster-credentials', 'kubeconfig-demo', 'kubectl get ns && exit 7']);
    expect(r.code).toBe(7);
    expect(calls()[0].argv).toEqual(['get', 'ns']);
  });
  test('with DEPLOYER_NO_NESTED_KUBECONFIG and a kubeconfig already active it refuses, running nothing', async () => {
    const r = await cli(['use-cluster-credentials', 'kubeconfig-demo', 'kubectl', 'get', 'ns'], { DEPLOYER_NO_NESTED_KUBECONFIG: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a kubeconfig is already active \(KUBECONFIG is set/);
    expect(calls()).toEqual([]);
    const ok = await cli(['use-cluster-credentials', 'kubeconfig-demo', 'kubectl', 'get', 'ns'], { DEPLOYER_NO_NESTED_KUBECONFIG: '1', KUBECONFIG: '' });
    expect(ok.code).toBe(0);
    const kubeDir = path.join(home, '.kube');
    mkdirSync(kubeDir, { recursive: true });
    writeFileSync(path.join(kubeDir, 'config'), 'apiVersion: v1\n');
    const nested = await cli(['use-cluster-credentials', 'kubeconfig-demo', 'kubectl', 'get', 'ns'], { DEPLOYER_NO_NESTED_KUBECONFIG: '1', KUBECONFIG: '' });
    rmSync(kubeDir, { recursive: true, force: true });
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/\.kube\/config is not empty/);
  });
  test('without a command: a shell with the credentials', async () => {
    const r = await cli(['use-cluster-credentials', 'kubeconfig-demo']);
    expect(r.code).toBe(0);
    const [c] = calls();
    expect(c.tool).toBe('shell');
    expect(c.env.DEPLOYER_CLUSTER).toBe('kubeconfig-demo');
    isolated(c);
  });
});

describe('logs from the command line', () => {
  beforeAll(() => {
    w.fake.setPodLog('staging', 'hub-7d9f-abcde', 'hub', ['line one', 'line two', 'line three']);
  });
  test('component-logs prints each line prefixed by its pod; --tail reaches the API', async () => {
    const r = await cli(['exec', 'debug', 'component-logs', 'kubeconfig-demo', 'staging', 'hub', '--tail', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hub-7d9f-abcde | line two\nhub-7d9f-abcde | line three\n');
  });
  test('no pod: one clear line naming selector and namespace, exit 1', async () => {
    const r = await cli(['exec', 'debug', 'user-logs', 'kubeconfig-demo', 'staging', 'user@2i2c.org']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no pod matches the selector `hub.jupyter.org\/username=user-402i2c-2eorg` in namespace staging/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  test('--follow streams until Ctrl-C, then the credentials are gone', async () => {
    const run = startCli(['exec', 'debug', 'component-logs', 'kubeconfig-demo', 'staging', 'hub', '--follow', '--tail', '1']);
    await until(() => w.fake.logFollowers() === 1, 'the follow stream');
    w.fake.appendPodLog('staging', 'hub-7d9f-abcde', 'hub', 'followed line');
    await until(() => run.stdout().includes('followed line'), 'the appended line');
    run.interrupt();
    const r = await run.done;
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
    expect(r.stdout).toBe('hub-7d9f-abcde | line three\nhub-7d9f-abcde | followed line\n');
    expect(leftovers()).toEqual([]);
    await until(() => w.fake.logFollowers() === 0, 'the stream to close');
  });

  test("upstream's 2026 names run the same tools: `debug component-logs`, `exec hub`", async () => {
    w.fake.setPodLog('staging', 'hub-7d9f-abcde', 'hub', ['2026 one', '2026 two']);
    const r = await cli(['debug', 'component-logs', 'kubeconfig-demo', 'staging', 'hub', '--tail', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hub-7d9f-abcde | 2026 two\n');
    const s = await cli(['exec', 'hub', 'kubeconfig-demo', 'staging']);
    expect(s.code).toBe(0);
    expect(calls().map((c) => c.argv)[1]).toEqual(['--namespace=staging', 'exec', '-it', 'pod/hub-7d9f-abcde', '-c', 'hub', '--', '/bin/bash', '-l']);
  });

  test('a bad --since is a usage error', async () => {
    const r = await cli(['exec', 'debug', 'component-logs', 'kubeconfig-demo', 'staging', 'hub', '--since', '10 minutes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--since must be a duration like 30s, 10m, 2h or 1h30m/);
  });
});
