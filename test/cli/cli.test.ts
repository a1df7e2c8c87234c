// The bundled CLI (dist/cli/index.js), run as users run it. `npm test` checks dist/ is fresh before jest runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/index.js');
const example = path.join(root, 'examples/infrastructure');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build`');
});

describe('deployer --help', () => {
  it('lists every seed command', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['deploy', 'deploy-support', 'use-cluster-credentials', 'run-hub-health-check', 'decrypt-age', 'generate', 'grafana', 'validate', 'cilogon-client', 'exec']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });
  it.each([
    [['generate', '--help'], ['helm-upgrade-jobs', 'dedicated-cluster', 'cost-table']],
    [['generate', 'dedicated-cluster', '--help'], ['aws', 'gcp']],
    [['grafana', '--help'], ['deploy-dashboards', 'new-token', 'update-central-datasources']],
    [['validate', '--help'], ['all', 'cluster-config', 'hub-config', 'support-config', 'authenticator-config']],
    [['cilogon-client', '--help'], ['create', 'update', 'get', 'get-all', 'delete']],
    [['exec', 'debug', '--help'], ['component-logs', 'user-logs', 'start-docker-proxy']],
    [['exec', 'shell', '--help'], ['hub', 'homes', 'aws']],
  ])('%j lists its subcommands', (args, subs) => {
    const r = run(args);
    expect(r.code).toBe(0);
    for (const s of subs) expect(r.stdout).toMatch(new RegExp(`^  ${s}\\b`, 'm'));
  });
  it('every leaf command has --help with --config-root where it reads the repo', () => {
    const r = run(['validate', 'cluster-config', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--config-root <dir>/);
    expect(r.stdout).toMatch(/--json/);
  });
  it('an unknown command is a usage error, exit 2', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
  it('a missing argument is a usage error, exit 2', () => {
    const r = run(['deploy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'cluster'/);
  });
});

describe('validate cluster-config on the example repo', () => {
  const clusters = ['gcp-demo', 'aws-demo', 'kubeconfig-demo'];
  it.each(clusters)('%s: prints [] and exits 0', (c) => {
    const r = run(['validate', 'cluster-config', c, '--config-root', example, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('bad input: located error, exit 1, no stack trace', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
    cpSync(example, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const clusterFile = () => path.join(dir, 'config/clusters/kubeconfig-demo/cluster.yaml');
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

  it('a YAML syntax error is a finding at its line with --json', () => {
    writeFileSync(clusterFile(), 'name: kubeconfig-demo\nprovider: [kubeconfig\n');
    const r = run(['validate', 'cluster-config', 'kubeconfig-demo', '--config-root', dir, '--json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings[0]).toMatchObject({ file: 'config/clusters/kubeconfig-demo/cluster.yaml', severity: 'error' });
    expect(findings[0].line).toBeGreaterThanOrEqual(2);
    expect(findings[0].message).toMatch(/YAML syntax error/);
    noStack(r.stderr);
  });

  it('schema errors are printed as file:line:col lines without --json', () => {
    writeFileSync(clusterFile(), 'name: kubeconfig-demo\nprovider: openstack\n');
    const r = run(['validate', 'cluster-config', 'kubeconfig-demo', '--config-root', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^config\/clusters\/kubeconfig-demo\/cluster.yaml:2:11: error: provider is "openstack"/m);
    noStack(r.stderr);
  });

  const findingsFor = (text: string) => {
    writeFileSync(clusterFile(), text);
    const r = run(['validate', 'cluster-config', 'kubeconfig-demo', '--config-root', dir, '--json']);
    expect(r.code).toBe(1);
    noStack(r.stderr);
    return JSON.parse(r.stdout) as Array<{ file: string; line: number; col: number; message: string }>;
  };
  const original = () => readFileSync(path.join(example, 'config/clusters/kubeconfig-demo/cluster.yaml'), 'utf8');

  it.each([
    ['wrong type', (t: string) => t.replace(/^name: kubeconfig-demo$/m, 'name: [kubeconfig-demo]'), /name must be string, but it is a list/],
    ['missing required key', (t: string) => t.replace(/^provider: kubeconfig\n/m, ''), /missing required key `provider`/],
    ['a values file that does not exist', (t: string) => t.replace('- prod.values.yaml', '- no-such.values.yaml'), /no-such.values.yaml.*(does not exist|not found)/],
    ['a values path with .. that escapes the cluster directory', (t: string) => t.replace('- prod.values.yaml', '- ../aws-demo/staging.values.yaml'), /escapes the cluster directory/],
    ['an empty file', () => '', /cluster.yaml is empty/],
    ['a file that is not a mapping', () => '- a\n- b\n', /must be a mapping/],
  ])('%s: a located finding', (_name, mutate, message) => {
    const text = original();
    const findings = findingsFor(mutate(text));
    const f = findings.find((x) => message.test(x.message));
    expect(f).toBeDefined();
    expect(f!.file).toBe('config/clusters/kubeconfig-demo/cluster.yaml');
    expect(f!.line).toBeGreaterThanOrEqual(1);
    expect(f!.col).toBeGreaterThanOrEqual(1);
  });

  it('an unknown cluster names the clusters that exist', () => {
    const r = run(['validate', 'cluster-config', 'nope', '--config-root', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown cluster `nope`/);
    expect(r.stderr).toMatch(/known clusters: aws-demo, gcp-demo, kubeconfig-demo/);
    noStack(r.stderr);
  });

  it('a wrong --config-root says what to do', () => {
    const r = run(['validate', 'cluster-config', 'x', '--config-root', path.join(dir, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/clusters directory .* does not exist/);
    expect(r.stderr).toMatch(/hint: pass --config-root/);
  });
});
