// The `deployer grafana ...` commands and the grafana-dashboards / grafana-token actions, run from source as
// processes (as users run them) against the fake Grafana: tables and JSON on stdout, exit codes, failures named,
// outputs and summaries, and no token in any of it.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runActionSourceAsync, runCliSourceAsync, type Run } from '../harness/run-source.js';
import { startFakeGrafana, type FakeGrafana } from '../harness/grafana-api.js';
import { decryptSopsVerified, testAgeIdentity } from '../harness/sops.js';
import { ADMIN_PASSWORD, dashboardsCopy, env, instancesFor, makeInfra, promPassword, tokenOf } from './setup.js';

function cli(args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runCliSourceAsync(args, cwd, { ...env(), ...extraEnv });
}

let fake: FakeGrafana;
let root: string;
let dashboards: string;
const NAMES = ['one', 'two', 'three'];

beforeAll(async () => {
  fake = await startFakeGrafana();
  root = await makeInfra([...NAMES.map((name) => ({ name })), { name: 'tok' }, { name: '2i2c' }]);
  dashboards = dashboardsCopy();
  instancesFor(fake, [...NAMES, '2i2c']);
  fake.instance('tok', { adminPassword: ADMIN_PASSWORD });
});
afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(dashboards, { recursive: true, force: true });
});

const secrets = () => [...NAMES, 'tok', '2i2c'].flatMap((n) => [tokenOf(n), promPassword(n), ...(fake.get(n)?.tokens.map((t) => t.key) ?? [])]).concat(ADMIN_PASSWORD);
/** Every text a user or a log can see; `::add-mask::` lines are the runner's masking commands (not shown). */
const noSecrets = (...texts: string[]) => {
  const all = texts
    .join('\n')
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const s of secrets()) expect(all).not.toContain(s);
};

describe('deployer grafana deploy-dashboards', () => {
  it('every cluster when none is named; a failing one exits 1 naming it, the others deployed; then zero writes', async () => {
    fake.failNext({ status: 403, instance: 'two', count: 1000 });
    const common = ['grafana', 'deploy-dashboards', '--config-root', root, '--dashboards-dir', dashboards, '--grafana-url-template', `${fake.url}/{cluster}`];
    const r = await cli(common, root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: dashboards failed on 2 of 5 cluster\(s\): tok, two/);
    expect(r.stderr).toMatch(/two: Grafana API GET \/api\/folders\/70E5EE84-1217-4021-A89E-1E3DE0566D93 \(two\) answered 403/);
    expect(r.stdout).toMatch(/^cluster\s+dashboard\s+action\s+link/m);
    expect(r.stdout).toMatch(/^one\s+Cluster Information\s+created\s+http:\/\/127\.0\.0\.1:\d+\/one\/d\/[0-9a-f]{16}\/cluster-information$/m);
    expect(fake.get('one')!.dashboards.size).toBe(5);
    expect(fake.get('three')!.dashboards.size).toBe(5);
    noSecrets(r.stdout, r.stderr);
    fake.reset();
    const again = await cli([...common.slice(0, 2), 'one', ...common.slice(2), '--json'], root);
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout) as { rows: { action: string }[] };
    expect(new Set(out.rows.map((x) => x.action))).toEqual(new Set(['unchanged']));
    expect(fake.writes()).toEqual([]);
  }, 600_000);

  it('GRAFANA_TOKEN and --grafana-url for one named cluster; --dry-run writes nothing', async () => {
    fake.instance('elsewhere', { token: 'CANARY-env-token-4242' });
    const r = await cli(['grafana', 'deploy-dashboards', 'tok', '--config-root', root, '--dashboards-dir', dashboards, '--grafana-url', `${fake.url}/elsewhere`, '--dry-run'], root, { GRAFANA_TOKEN: 'CANARY-env-token-4242' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tok\s+folder: JupyterHub Default Dashboards\s+created/m);
    expect(fake.writes('elsewhere')).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain('CANARY-env-token-4242');
    const usage = await cli(['grafana', 'deploy-dashboards', '--config-root', root], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--dashboards-dir is required/);
  }, 300_000);
});

describe('deployer grafana new-token and central-ds', () => {
  it('new-token writes the encrypted file and prints which file changed, never the token', async () => {
    const r = await cli(['grafana', 'new-token', 'tok', '--config-root', root, '--grafana-url-template', `${fake.url}/{cluster}`], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tok\s+http:\/\/127\.0\.0\.1:\d+\/tok\s+created\s+config\/clusters\/tok\/enc-grafana-token\.secret\.yaml$/m);
    expect(r.stdout).toMatch(/changed in the working tree \(commit it\): config\/clusters\/tok\/enc-grafana-token\.secret\.yaml \(updated, encrypted\)/);
    const text = readFileSync(path.join(root, 'config/clusters/tok/enc-grafana-token.secret.yaml'), 'utf8');
    expect((await decryptSopsVerified(text, 'yaml', testAgeIdentity())).grafana_token).toBe(fake.get('tok')!.tokens[0].key);
    noSecrets(r.stdout, r.stderr);
    const kept = await cli(['grafana', 'new-token', 'tok', '--config-root', root, '--grafana-url-template', `${fake.url}/{cluster}`, '--json'], root);
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.stdout).action).toBe('kept');
  }, 300_000);

  it('update-central-datasources and the central-ds commands', async () => {
    const args = ['--config-root', root, '--grafana-url-template', `${fake.url}/{cluster}`];
    fake.get('2i2c')!.addDatasource({ name: 'old-cluster', url: 'https://prometheus.old.example.org' });
    const add = await cli(['grafana', 'central-ds', 'get-add-candidates', ...args, '--json'], root);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toEqual(['2i2c', 'one', 'three', 'tok', 'two']);
    const rm = await cli(['grafana', 'central-ds', 'get-rm-candidates', ...args], root);
    expect(rm.stdout.trim()).toBe('old-cluster');
    const one = await cli(['grafana', 'central-ds', 'add', 'one', ...args], root);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^one\s+one\s+created\s+https:\/\/prometheus\.one\.example\.org/m);
    const sync = await cli(['grafana', 'update-central-datasources', ...args, '--central-grafana-cluster', '2i2c'], root);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^one\s+one\s+unchanged/m);
    expect(sync.stdout).toMatch(/^two\s+two\s+created/m);
    expect(sync.stdout).toMatch(/datasources that name no cluster .*: old-cluster/);
    const del = await cli(['grafana', 'central-ds', 'remove', 'old-cluster', ...args], root);
    expect(del.code).toBe(0);
    expect(fake.get('2i2c')!.datasources.map((d) => d.name)).not.toContain('old-cluster');
    noSecrets(add.stdout, add.stderr, sync.stdout, sync.stderr, one.stdout, one.stderr);
  }, 300_000);
});

describe('actions', () => {
  it('grafana-dashboards: outputs, summary table, failure named', async () => {
    fake.reset();
    fake.failNext({ status: 500, instance: 'three', count: 1000 });
    const files = readFileSync(path.join(dashboards, 'dashboards/cluster.jsonnet'), 'utf8');
    expect(files).toContain('Cluster Information');
    const r = await runActionSourceAsync(
      'grafana-dashboards',
      root,
      { 'dashboards-dir': dashboards, 'grafana-url-template': `${fake.url}/{cluster}`, 'folder-name': 'Renamed by the action', 'config-root': '.' },
      { ...env(), RUNNER_TEMP: path.join(root, '..') },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::grafana-dashboards: dashboards failed on \d+ of 5 cluster\(s\): .*three/);
    const results = JSON.parse(r.outputs.results) as { cluster: string; action: string; dashboard: string }[];
    expect(results.filter((x) => x.cluster === 'one' && (x.action === 'renamed' || x.action === 'created') && x.dashboard === 'folder: Renamed by the action')).toHaveLength(1);
    expect(fake.get('one')!.folders.get('70E5EE84-1217-4021-A89E-1E3DE0566D93')!.title).toBe('Renamed by the action');
    expect(JSON.parse(r.outputs['failed-clusters'])).toEqual(expect.arrayContaining(['three']));
    expect(r.summary).toMatch(/<th>cluster<\/th><th>dashboard<\/th><th>action<\/th><th>link<\/th>/);
    noSecrets(r.stdout, r.stderr, r.summary, r.rawOutputs);
  }, 600_000);

  it('grafana-token: replace input, outputs, no token anywhere', async () => {
    const inst = fake.get('tok')!;
    const sa = inst.serviceAccounts.find((x) => x.name === 'deployer') ?? inst.addServiceAccount('deployer', 'Admin');
    if (!inst.tokens.some((t) => t.serviceAccountId === sa.id)) inst.addToken(sa.id, 'deployer');
    const r = await runActionSourceAsync('grafana-token', root, { cluster: 'tok', replace: 'true', 'grafana-url': `${fake.url}/tok` }, env());
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ 'token-file': 'config/clusters/tok/enc-grafana-token.secret.yaml', action: 'replaced', created: 'true' });
    expect(r.summary).toMatch(/Grafana token of tok: replaced/);
    noSecrets(r.stdout, r.stderr, r.summary, r.rawOutputs);
  }, 300_000);

  it('grafana-token with central-datasources: every cluster a datasource of the central Grafana, outputs, no secret', async () => {
    const r = await runActionSourceAsync('grafana-token', root, { cluster: '2i2c', 'central-datasources': 'true', 'grafana-url': `${fake.url}/2i2c` }, env());
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.outputs.datasources) as { cluster: string; action: string }[];
    expect(rows.map((x) => x.cluster).sort()).toEqual(['2i2c', 'one', 'three', 'tok', 'two']);
    expect(rows.every((x) => x.action === 'created' || x.action === 'unchanged')).toBe(true);
    expect(JSON.parse(r.outputs['failed-clusters'])).toEqual([]);
    expect(fake.get('2i2c')!.datasources.map((d) => d.name)).toEqual(expect.arrayContaining(['one', 'two', 'three', 'tok', '2i2c']));
    expect(r.summary).toMatch(/Central Grafana datasources: 5 of 5 cluster\(s\) done/);
    noSecrets(r.stdout, r.stderr, r.summary, r.rawOutputs);
  }, 300_000);
});
