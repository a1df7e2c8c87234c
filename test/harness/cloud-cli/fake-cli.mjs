// Test double for the cloud CLIs (gcloud, aws, az): records every call (argv and the whole environment) as one JSON
// line in $CLOUD_CLI_RECORD, and writes a kubeconfig where the real CLI would:
//   gcloud container clusters ... get-credentials NAME  -> $KUBECONFIG
//   aws eks update-kubeconfig --kubeconfig=FILE ...     -> FILE (else $KUBECONFIG)
//   az aks get-credentials --file=FILE ...              -> FILE (needs a prior `az login` in the same AZURE_CONFIG_DIR),
//                                                          with the token read from $CLOUD_CLI_TOKEN_FILE
// The kubeconfig's server is $CLOUD_CLI_SERVER (default https://203.0.113.10). CLOUD_CLI_FAIL=<tool> makes that
// tool fail, printing its whole command line to stderr (as real CLIs sometimes do) so redaction can be tested.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [tool, ...argv] = process.argv.slice(2);
const env = process.env;
if (env.CLOUD_CLI_RECORD) {
  appendFileSync(env.CLOUD_CLI_RECORD, JSON.stringify({ tool, argv, env }) + '\n');
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

if (env.CLOUD_CLI_FAIL === tool) fail(`ERROR: (${tool}) simulated failure running: ${tool} ${argv.join(' ')}`);

function flag(name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

function kubeconfig(name, user) {
  const server = env.CLOUD_CLI_SERVER || 'https://203.0.113.10';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${name}`,
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'contexts:',
    `- name: ${name}`,
    '  context:',
    `    cluster: ${name}`,
    `    user: ${name}`,
    `current-context: ${name}`,
    'users:',
    `- name: ${name}`,
    '  user:',
    ...user.map((l) => `    ${l}`),
    '',
  ].join('\n');
}

function write(file, text) {
  if (!file) fail(`${tool}: no kubeconfig destination (KUBECONFIG unset and no flag)`, 2);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
}

const cmd = argv.filter((a) => !a.startsWith('--'));
if (tool === 'gcloud') {
  if (cmd[0] === 'container' && cmd[1] === 'clusters' && cmd[2] === 'get-credentials') {
    const name = `gke_${flag('project')}_${flag('zone')}_${cmd[3]}`;
    write(env.KUBECONFIG, kubeconfig(name, ['exec:', '  apiVersion: client.authentication.k8s.io/v1beta1', '  command: gke-gcloud-auth-plugin', '  provideClusterInfo: true']));
    process.stderr.write(`Fetching cluster endpoint and auth data.\nkubeconfig entry generated for ${cmd[3]}.\n`);
    process.exit(0);
  }
  fail(`gcloud (test double): unsupported command ${argv.join(' ')}`, 2);
} else if (tool === 'aws') {
  if (cmd[0] === 'eks' && cmd[1] === 'update-kubeconfig') {
    const name = `arn:aws:eks:${flag('region')}:123456789012:cluster/${flag('name')}`;
    write(flag('kubeconfig') || env.KUBECONFIG, kubeconfig(name, ['exec:', '  apiVersion: client.authentication.k8s.io/v1beta1', '  command: aws', `  args: [--region, ${flag('region')}, eks, get-token, --cluster-name, ${flag('name')}, --output, json]`]));
    process.stdout.write(`Added new context ${name} to ${flag('kubeconfig') || env.KUBECONFIG}\n`);
    process.exit(0);
  }
  fail(`aws (test double): unsupported command ${argv.join(' ')}`, 2);
} else if (tool === 'az') {
  const configDir = env.AZURE_CONFIG_DIR || path.join(os.homedir(), '.azure');
  const profile = path.join(configDir, 'azureProfile.json');
  if (cmd[0] === 'login') {
    if (!existsSync(configDir)) fail(`az (test double): AZURE_CONFIG_DIR ${configDir} does not exist`, 2);
    writeFileSync(profile, JSON.stringify({ user: flag('username'), tenant: flag('tenant'), subscription: null }));
    process.exit(0);
  }
  if (!existsSync(profile)) fail("ERROR: Please run 'az login' to setup account.");
  if (cmd[0] === 'account' && cmd[1] === 'set') {
    const p = JSON.parse(readFileSync(profile, 'utf8'));
    p.subscription = flag('subscription');
    writeFileSync(profile, JSON.stringify(p));
    process.exit(0);
  }
  if (cmd[0] === 'aks' && cmd[1] === 'get-credentials') {
    const name = flag('name');
    const token = env.CLOUD_CLI_TOKEN_FILE ? readFileSync(env.CLOUD_CLI_TOKEN_FILE, 'utf8').trim() : 'fake-aks-token-0123456789abcdef';
    write(flag('file'), kubeconfig(name, [`token: ${token}`]));
    process.exit(0);
  }
  fail(`az (test double): unsupported command ${argv.join(' ')}`, 2);
} else {
  fail(`unknown tool ${tool}`, 2);
}
