/**
 * The exec action as the runner runs it (main.ts as a process): each interactive tool prints kubectl-ready
 * instructions: the exact command lines (context, namespace, the pod it selected, the homes pod manifest, the
 * port-forward line), and never a credential: the fake API server's token (in the sops-encrypted kubeconfig) and the
 * aws-demo cloud key are canaries that must appear nowhere the runner shows (log, output, summary).
 */
import path from 'node:path';
import { runActionSourceAsync, type ActionRun } from '../harness/run-source.js';
import { CLOUD_CLI_BIN } from '../harness/cloud-cli/index.js';
import { AWS_KEY_CANARIES, jobEnv, KUBE_CANARY, opsWorld, visible, type OpsWorld } from './setup.js';

let w: OpsWorld;
beforeAll(async () => {
  w = await opsWorld();
});
afterAll(() => w?.dispose());

async function exec(inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  return runActionSourceAsync('exec', w.root, inputs, jobEnv(w.tmp, extraEnv));
}

function noSecret(r: ActionRun, canaries: string[]): void {
  const shown = [visible(r.stdout), visible(r.stderr), r.summary, r.rawOutputs].join('\n');
  for (const c of canaries) expect(shown).not.toContain(c);
}

/** Every command must be a line of the printed instructions, of the output and of the summary. */
function holdsCommands(r: ActionRun, commands: string[]): void {
  const listed = JSON.parse(r.outputs.commands) as string[];
  expect(listed).toEqual(expect.arrayContaining(commands));
  const lines = (t: string) => t.split('\n').map((l) => l.trim());
  for (const c of commands) {
    expect(lines(r.outputs.output)).toContain(c);
    expect(lines(r.summary)).toContain(c);
    expect(lines(visible(r.stdout))).toContain(c);
  }
}

const K = 'kubeconfig-demo';
const ctx = '--context=fake';

describe('exec action: instructions, never a credential', () => {
  test('shell-hub: the hub pods and the exec line into the running pod, with context and namespace', async () => {
    const r = await exec({ command: 'shell-hub', cluster: K, hub: 'staging' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    holdsCommands(r, [
      'deployer use-cluster-credentials kubeconfig-demo',
      `kubectl ${ctx} --namespace=staging get pods --selector=component=hub`,
      `kubectl ${ctx} --namespace=staging exec -it pod/hub-7d9f-abcde -c hub -- /bin/bash -l`,
    ]);
    noSecret(r, [KUBE_CANARY]);
  });

  test('shell-homes: kubectl run with the override manifest (home-nfs on /home), and the manifest itself', async () => {
    const r = await exec({ command: 'shell-homes', cluster: K, hub: 'staging' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        terminationGracePeriodSeconds: 1,
        automountServiceAccountToken: false,
        volumes: [{ name: 'home', persistentVolumeClaim: { claimName: 'home-nfs' } }],
        containers: [{ name: 'kubeconfig-demo-staging-shell', image: 'ubuntu:22.04', stdin: true, stdinOnce: true, tty: true, volumeMounts: [{ name: 'home', mountPath: '/home' }] }],
      },
    };
    holdsCommands(r, [`kubectl ${ctx} --namespace=staging run --rm -it '--overrides=${JSON.stringify(manifest)}' --image=ubuntu:22.04 kubeconfig-demo-staging-shell -- /bin/bash -l`]);
    expect(r.outputs.output).toContain(JSON.stringify(manifest, null, 2));
    noSecret(r, [KUBE_CANARY]);
  });

  test('shell-root-homes: the NFS share root of the home-nfs volume on /root-homes', async () => {
    const r = await exec({ command: 'shell-root-homes', cluster: K, hub: 'staging' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const manifest = JSON.parse(r.outputs.output.slice(r.outputs.output.indexOf('{\n'), r.outputs.output.lastIndexOf('\n}') + 2));
    expect(manifest.spec.volumes).toEqual([{ name: 'home', nfs: { server: '10.0.0.5', path: '/homes' } }]);
    const line = JSON.parse(r.outputs.commands).find((c: string) => c.includes(' run --rm -it '));
    expect(line).toMatch(/^kubectl --context=fake --namespace=staging run --rm -it '--overrides=.*"mountPath":"\/root-homes".*' --image=ubuntu:22.04 kubeconfig-demo-staging-root-shell -- \/bin\/bash -l$/);
    noSecret(r, [KUBE_CANARY]);
  });

  test('copy-homedir-into-another: every step, and a trap that deletes the transfer pod however it ends', async () => {
    const r = await exec({ command: 'copy-homedir-into-another', cluster: K, hub: 'staging', 'source-homedir': 'alice', 'destination-homedir': 'bob' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const pod = 'kubeconfig-demo-staging-transfer-shell';
    holdsCommands(r, [
      `kubectl ${ctx} --namespace=staging wait pod/${pod} --for=condition=Ready --timeout=90s`,
      `kubectl ${ctx} --namespace=staging exec ${pod} -- ls -lath /home/alice /home/bob`,
      `kubectl ${ctx} --namespace=staging exec ${pod} -- cp --archive --no-clobber --recursive /home/alice /home/bob/alice-homedir`,
    ]);
    expect(r.outputs.output).toContain(`trap 'kubectl ${ctx} --namespace=staging delete pod ${pod} --ignore-not-found --wait=false' EXIT`);
    expect(r.outputs.output).toContain('"runAsUser": 1000');
    noSecret(r, [KUBE_CANARY]);
  });

  test('copy-homedir-into-another refuses a path instead of a directory name', async () => {
    const r = await exec({ command: 'copy-homedir-into-another', cluster: K, hub: 'staging', 'source-homedir': '../etc', 'destination-homedir': 'bob' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/--source-homedir must be one directory name under \/home/);
  });

  test('docker-proxy: the port-forward line and the DOCKER_HOST to use', async () => {
    const r = await exec({ command: 'docker-proxy', cluster: K });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    holdsCommands(r, [`kubectl ${ctx} --namespace=default port-forward deployment/dind 23760:2376`]);
    expect(r.outputs.output).toContain('export DOCKER_HOST=tcp://localhost:23760');
    noSecret(r, [KUBE_CANARY]);
  });

  test('aws-shell: the deployer and aws CLI lines with a placeholder for the MFA code (no cluster, no code input)', async () => {
    const r = await exec({ command: 'aws-shell', 'aws-profile': 'ops', 'mfa-device-id': 'arn:aws:iam::123456789012:mfa/alice' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    holdsCommands(r, [
      'deployer exec shell aws ops arn:aws:iam::123456789012:mfa/alice <MFA-CODE>',
      'aws sts get-session-token --serial-number arn:aws:iam::123456789012:mfa/alice --token-code <MFA-CODE> --profile ops --output json',
    ]);
  });

  test('an aws cluster: credential lines for the workstation, the cloud key never shown', async () => {
    const record = path.join(w.tmp, 'aws-calls.jsonl');
    const env = { PATH: `${CLOUD_CLI_BIN}${path.delimiter}${jobEnv(w.tmp).PATH}`, CLOUD_CLI_RECORD: record };
    const runs: Array<Record<string, string>> = [
      { command: 'cluster-credentials', cluster: 'aws-demo' },
      { command: 'copy-homedir-into-another', cluster: 'aws-demo', hub: 'staging', 'source-homedir': 'alice', 'destination-homedir': 'bob' },
    ];
    for (const inputs of runs) {
      const r = await exec(inputs, env);
      if (r.code !== 0) throw new Error(r.stdout + r.stderr);
      const context = 'arn:aws:eks:us-west-2:123456789012:cluster/aws-demo-eks';
      holdsCommands(r, ['deployer use-cluster-credentials aws-demo', `aws eks update-kubeconfig --name=aws-demo-eks --region=us-west-2 --alias=${context}`]);
      if (inputs.command !== 'cluster-credentials') expect(r.outputs.output).toContain(`kubectl --context=${context} --namespace=staging exec aws-demo-staging-transfer-shell --`);
      noSecret(r, AWS_KEY_CANARIES);
    }
  });

  test('a tool that needs a hub says so; an unknown tool lists the tools', async () => {
    let r = await exec({ command: 'shell-hub', cluster: K });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/`hub` is required for shell-hub/);
    r = await exec({ command: 'shell', cluster: K });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/input `command` must be one of component-logs, user-logs, shell-hub/);
  });

  test('a hub with no hub pod: the selector and namespace are named', async () => {
    const r = await exec({ command: 'shell-hub', cluster: K, hub: 'prod' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no pod matches the selector `component=hub` in namespace prod/);
  });
});

describe('exec action: logs', () => {
  beforeAll(() => {
    w.fake.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hub-7d9f-zzzzz', namespace: 'staging', labels: { component: 'hub' } }, spec: { containers: [{ name: 'hub', image: 'hub' }] } });
    w.fake.setPodLog('staging', 'hub-7d9f-abcde', 'hub', ['[I] JupyterHub starting', '::add-mask::x injected', 'token was ' + KUBE_CANARY]);
    w.fake.setPodLog('staging', 'hub-7d9f-zzzzz', 'hub', ['[I] second replica']);
  });

  test('component-logs: every pod prefixed, in the output and the summary; log text cannot act as a workflow command', async () => {
    const r = await exec({ command: 'component-logs', cluster: K, hub: 'staging', component: 'hub', tail: '10' });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const out = r.outputs.output.split('\n');
    expect(out[0]).toBe('hub-7d9f-abcde | [I] JupyterHub starting');
    expect(out).toContain('hub-7d9f-zzzzz | [I] second replica');
    expect(r.summary).toContain('hub-7d9f-zzzzz | [I] second replica');
    expect(r.summary).toMatch(/2 pod\(s\) \(hub-7d9f-abcde, hub-7d9f-zzzzz\), selector `component=hub`, container hub/);
    // The pod prefix keeps a log line from starting a workflow command; the API token is masked even in a log line.
    expect(r.stdout).toContain('hub-7d9f-abcde | ::add-mask::x injected');
    expect(r.stdout.split('\n').some((l) => l.startsWith('::add-mask::x'))).toBe(false);
    expect(r.outputs.output).toContain('hub-7d9f-abcde | token was ***');
    noSecret(r, [KUBE_CANARY]);
    expect(JSON.parse(r.outputs.commands)).toEqual([]);
  });

  test('follow-for: lines written while the action follows are printed and kept; it stops by itself', async () => {
    const run = exec({ command: 'component-logs', cluster: K, hub: 'staging', component: 'hub', tail: '0', 'follow-for': '15s' });
    for (let i = 0; i < 3000 && w.fake.logFollowers() < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(w.fake.logFollowers()).toBe(2);
    w.fake.appendPodLog('staging', 'hub-7d9f-zzzzz', 'hub', 'appended while following');
    const r = await run;
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    expect(r.outputs.output).toBe('hub-7d9f-zzzzz | appended while following');
    expect(r.stdout).toMatch(/following for 15 s[\s\S]*hub-7d9f-zzzzz \| appended while following/);
    expect(r.stdout.split('appended while following').length).toBe(2);
    for (let i = 0; i < 3000 && w.fake.logFollowers() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(w.fake.logFollowers()).toBe(0);
  });

  test('user-logs with no server: the escaped selector and the namespace, exit 1', async () => {
    const r = await exec({ command: 'user-logs', cluster: K, hub: 'staging', username: 'user@2i2c.org' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no pod matches the selector `hub.jupyter.org/username=user-402i2c-2eorg` in namespace staging');
  });
});
