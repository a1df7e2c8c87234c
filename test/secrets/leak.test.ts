/**
 * The leak suite. Canary secrets in sops files go through decryption, cluster auth and a failing tool call, through
 * the action adapter (a test action run as a child process, like the runner runs an action) and through the CLI.
 * The canaries must appear nowhere in stdout, stderr, the job summary or the output file; `::add-mask::` lines are
 * the runner's masking commands (the runner consumes them, they are never shown) and are the one allowed place.
 * Temp files: after success, after a thrown error, after an uncaught crash, after process.exit and after
 * SIGTERM/SIGINT mid-run, no decrypted file remains.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CLOUD_CLI_BIN } from '../harness/cloud-cli/index.js';
import { decryptSopsVerified, sopsEnv, writeSopsFile } from '../harness/sops.js';
import { canaries, makeInfraRepo, type Canaries } from '../auth/fixtures.js';

const NODE = process.execPath;
const FIXTURES = path.resolve('test/secrets/fixtures');
const TS = ['--no-warnings', '--experimental-transform-types', '--import', path.resolve('test/harness/ts-hooks.mjs')];
const EXAMPLE = path.resolve('examples/infrastructure');

let root: string;
let c: Canaries;
let hubValues: string;
let hubCanary: string;
let fakeHelm: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  summary: string;
  output: string;
  runnerTemp: string;
}

/** Run a child (TypeScript through Node's type transform) and collect everything it could leak into. */
function runChild(args: string[], env: NodeJS.ProcessEnv, options: { onStdout?: (s: string, kill: (sig: NodeJS.Signals) => void) => void } = {}): Promise<Run> {
  const dir = mkdtempSync(path.join(root, 'run-'));
  const runnerTemp = path.join(dir, 'runner-temp');
  const summaryFile = path.join(dir, 'summary.md');
  const outputFile = path.join(dir, 'output.txt');
  for (const f of [summaryFile, outputFile]) writeFileSync(f, '');
  mkdirSync(runnerTemp, { mode: 0o700 });
  const childEnv: NodeJS.ProcessEnv = {
    ...sopsEnv(),
    ...env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_ACTIONS: 'true',
  };
  childEnv.PATH = `${CLOUD_CLI_BIN}${path.delimiter}${childEnv.PATH}`;
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [...TS, ...args], { cwd: path.resolve('.'), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      options.onStdout?.(stdout, (sig) => child.kill(sig));
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), output: readFileSync(outputFile, 'utf8'), runnerTemp });
    });
  });
}

/** The text a user could see: everything but the runner's `::add-mask::` commands. */
function visible(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

function secretPieces(...values: string[]): string[] {
  // Each canary whole and each of its non-trivial lines.
  return values.flatMap((v) => [v, ...v.split('\n').filter((l) => l.trim().length >= 8 && !/^-----/.test(l))]);
}

function expectNoLeak(run: Run, secrets: string[]): void {
  const places = { stdout: visible(run.stdout), stderr: run.stderr, summary: run.summary, output: run.output };
  for (const [where, text] of Object.entries(places)) {
    for (const s of secretPieces(...secrets)) {
      if (text.includes(s)) throw new Error(`secret ${JSON.stringify(s.slice(0, 12))}... leaked into ${where}:\n${text}`);
    }
  }
  // No decrypted file (nor any private dir) survives in RUNNER_TEMP.
  expect(readdirSync(run.runnerTemp)).toEqual([]);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'leak-test-'));
  c = canaries();
  await makeInfraRepo(root, c, [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: leak',
    '  cluster:',
    '    server: https://203.0.113.7:6443',
    'contexts:',
    '- name: leak',
    '  context: {cluster: leak, user: leak}',
    'current-context: leak',
    'users:',
    '- name: leak',
    '  user:',
    `    token: ${c.kubeToken}`,
    '',
  ].join('\n'));
  hubCanary = `hubCanary-${Date.now()}-client-secret`;
  hubValues = path.join(root, 'config', 'clusters', 'kube-test', 'enc-hub.secret.values.yaml');
  await writeSopsFile(hubValues, { jupyterhub: { hub: { config: { GitHubOAuthenticator: { client_id: 'hubCanaryClientId-1234', client_secret: hubCanary } } } } });
  fakeHelm = path.join(root, 'helm');
  // A helm that fails and echoes its values files, as helm does in some template errors.
  writeFileSync(fakeHelm, '#!/bin/sh\nwhile [ $# -gt 0 ]; do if [ "$1" = "-f" ]; then echo "Error: values in $2:" >&2; cat "$2" >&2; fi; shift; done\nexit 1\n');
  chmodSync(fakeHelm, 0o755);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('through the action adapter', () => {
  const action = () => path.join(FIXTURES, 'leak-action.ts');
  const base = () => ({ LEAK_CONFIG_ROOT: root, LEAK_VALUES_FILE: hubValues, LEAK_HELM: fakeHelm });

  test('decrypted values logged, annotated, output, summarised and thrown: all masked', async () => {
    const run = await runChild([action()], { ...base(), LEAK_SCENARIO: 'decrypt' });
    expect(run.code).toBe(1);
    // It really tried: the values went everywhere, masked.
    expect(run.stdout).toContain('"client_secret": "***"');
    expect(run.stdout).toMatch(/::error::leak-test: failed with/);
    expect(run.output).toContain('values<<');
    expect(run.output).toContain('***');
    expect(run.summary).toContain('***');
    expect(run.stdout).toContain(`::add-mask::${hubCanary}`);
    expectNoLeak(run, [hubCanary, 'hubCanaryClientId-1234']);
  });

  test('a failing tool that echoes its values file: the error and the summary are masked', async () => {
    const run = await runChild([action()], { ...base(), LEAK_SCENARIO: 'helm' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::leak-test: helm upgrade hub chart -f .* failed with exit code 1:/);
    expect(run.stdout).toContain('client_secret: ***');
    expectNoLeak(run, [hubCanary]);
  });

  test.each(['kube-test', 'aws-test', 'gcp-test', 'azure-test'])('auth to %s: env, kubeconfig and errors masked', async (cluster) => {
    const tokenFile = path.join(root, `token-${cluster}`);
    writeFileSync(tokenFile, `cloudTokenCanary-${cluster}-0123456789`);
    const run = await runChild([action()], { ...base(), LEAK_SCENARIO: 'auth', LEAK_CLUSTER: cluster, CLOUD_CLI_TOKEN_FILE: tokenFile });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::leak-test: auth env was/);
    expectNoLeak(run, [c.kubeToken, c.awsKeyId, c.awsSecret, c.gcpPrivateKey, c.azurePassword, `cloudTokenCanary-${cluster}-0123456789`]);
  });

  test('a cloud CLI failure that prints the password is masked', async () => {
    const run = await runChild([action()], { ...base(), LEAK_SCENARIO: 'auth-fail', LEAK_CLUSTER: 'azure-test', CLOUD_CLI_FAIL: 'az' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('--password=***');
    expectNoLeak(run, [c.azurePassword]);
  });
});

describe('through the CLI', () => {
  const cli = path.resolve('src/cli.ts');

  test('use-cluster-credentials: `cat $KUBECONFIG; exit 3` prints the kubeconfig masked and exits 3', async () => {
    const run = await runChild([cli, 'use-cluster-credentials', 'kube-test', 'cat $KUBECONFIG; cat $KUBECONFIG >&2; exit 3', '--config-root', root], {});
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('token: ***');
    expect(run.stdout).toContain('server: ***');
    expect(run.stderr).toContain('token: ***');
    expectNoLeak(run, [c.kubeToken, 'https://203.0.113.7:6443']);
  });

  test('use-cluster-credentials on aws: the key in the environment is masked in the command output', async () => {
    const run = await runChild([cli, 'use-cluster-credentials', 'aws-test', 'echo "id=$AWS_ACCESS_KEY_ID secret=$AWS_SECRET_ACCESS_KEY"; env | grep ^AWS_ >&2', '--config-root', root], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('id=*** secret=***\n');
    expectNoLeak(run, [c.awsKeyId, c.awsSecret]);
  });

  const exampleCluster = path.join(EXAMPLE, 'config', 'clusters', 'kubeconfig-demo', 'cluster.yaml');
  (existsSync(exampleCluster) ? test : test.skip)('the example repo: use-cluster-credentials kubeconfig-demo \'cat $KUBECONFIG; exit 3\'', async () => {
    const y = readFileSync(exampleCluster, 'utf8');
    const ref = /file:\s*(\S+)/.exec(y)?.[1] as string;
    const encrypted = path.join(path.dirname(exampleCluster), ref);
    const plain = await decryptSopsVerified(readFileSync(encrypted, 'utf8'), ref.endsWith('.json') ? 'json' : 'yaml');
    const values: string[] = [];
    const walk = (n: unknown, k?: string): void => {
      if (Array.isArray(n)) n.forEach((x) => walk(x, k));
      else if (n && typeof n === 'object') Object.entries(n).forEach(([kk, v]) => walk(v, kk));
      else if (typeof n === 'string' && /token|data|password|server/.test(k ?? '') && n.length >= 8) values.push(n);
    };
    walk(plain);
    expect(values.length).toBeGreaterThan(0);
    const run = await runChild([cli, 'use-cluster-credentials', 'kubeconfig-demo', 'cat $KUBECONFIG; exit 3', '--config-root', EXAMPLE], {});
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('***');
    expectNoLeak(run, values);
    expect(visible(run.stdout)).not.toContain('CANARY');
  });
});

describe('temp files on every exit path', () => {
  const hold = () => path.join(FIXTURES, 'hold-decrypted.ts');

  test.each([
    ['SIGTERM', 'hold'],
    ['SIGINT', 'hold'],
  ] as const)('%s while a decrypted file exists: the process dies of the signal and the file is gone', async (sig, mode) => {
    let plainPath = '';
    const run = await runChild([hold(), hubValues, mode], {}, {
      onStdout: (out, kill) => {
        const m = /^(\{.*\})$/m.exec(out);
        if (m && !plainPath) {
          plainPath = JSON.parse(m[1]).path;
          expect(readFileSync(plainPath, 'utf8')).toContain(hubCanary);
          kill(sig);
        }
      },
    });
    expect(plainPath).not.toBe('');
    expect(run.signal).toBe(sig);
    expect(existsSync(plainPath)).toBe(false);
    expect(readdirSync(run.runnerTemp)).toEqual([]);
  });

  test.each([
    ['an uncaught error', 'throw', 1],
    ['process.exit', 'exit', 7],
  ] as const)('after %s the decrypted file is gone', async (_what, mode, code) => {
    const run = await runChild([hold(), hubValues, mode], {});
    expect(run.code).toBe(code);
    const plainPath = JSON.parse(/^(\{.*\})$/m.exec(run.stdout)![1]).path;
    expect(existsSync(plainPath)).toBe(false);
    expect(readdirSync(run.runnerTemp)).toEqual([]);
    expect(run.stderr).not.toContain(hubCanary);
  });
});

