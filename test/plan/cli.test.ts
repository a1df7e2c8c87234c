/** `deployer generate helm-upgrade-jobs` end to end on the example infrastructure repository. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { REPO, runCli } from './run.js';

const EXAMPLE = path.join(REPO, 'examples/infrastructure');
const V = 'Following helm chart values files were modified: ';

describe('deployer generate helm-upgrade-jobs on examples/infrastructure', () => {
  test('--json: one object with the five matrices', () => {
    const r = runCli(['generate', 'helm-upgrade-jobs', 'config/clusters/gcp-demo/daskhub-common.values.yaml,config/clusters/kubeconfig-demo/workshop.values.yaml,config/clusters/aws-demo/support.values.yaml', '--json', '--config-root', EXAMPLE], REPO);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      'support-and-staging-matrix-jobs': [
        { cluster_name: 'aws-demo', provider: 'aws', upgrade_support: true, reason_for_support_redeploy: `${V}support.values.yaml`, upgrade_staging: false, reason_for_staging_redeploy: '' },
        { cluster_name: 'gcp-demo', provider: 'gcp', upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: true, reason_for_staging_redeploy: `${V}daskhub-common.values.yaml` },
        { cluster_name: 'kubeconfig-demo', provider: 'kubeconfig', upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: true, reason_for_staging_redeploy: 'Following prod hubs require redeploy: workshop' },
      ],
      'prod-hub-matrix-jobs': [
        { cluster_name: 'gcp-demo', provider: 'gcp', reason_for_redeploy: `${V}daskhub-common.values.yaml`, hub_name: 'dask-prod' },
        { cluster_name: 'kubeconfig-demo', provider: 'kubeconfig', reason_for_redeploy: `${V}workshop.values.yaml`, hub_name: 'workshop' },
      ],
      'support-jobs': [{ cluster_name: 'aws-demo', provider: 'aws', choice_reason: `${V}support.values.yaml` }],
      'staging-jobs': [
        { cluster_name: 'gcp-demo', provider: 'gcp', choice_reason: `${V}daskhub-common.values.yaml`, hub_name: 'dask-staging' },
        { cluster_name: 'kubeconfig-demo', provider: 'kubeconfig', choice_reason: 'Following prod hubs require redeploy: workshop', hub_name: 'staging' },
      ],
      'prod-jobs': [
        { cluster_name: 'gcp-demo', provider: 'gcp', choice_reason: `${V}daskhub-common.values.yaml`, hub_name: 'dask-prod' },
        { cluster_name: 'kubeconfig-demo', provider: 'kubeconfig', choice_reason: `${V}workshop.values.yaml`, hub_name: 'workshop' },
      ],
    });
    expect(r.stderr).toBe('3 changed file(s), 3 cluster.yaml file(s) read\n');
  });

  test('tables by default; the support chart redeploys every support (run from inside the repo)', () => {
    const r = runCli(['generate', 'helm-upgrade-jobs', 'helm-charts/support/templates/x.yaml'], EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Support chart upgrades',
        '┌────────────────┬─────────────────┬──────────────────────────────────────┐',
        '│ Cloud Provider │ Cluster Name    │ Reason for Redeploy                  │',
        '├────────────────┼─────────────────┼──────────────────────────────────────┤',
        '│ aws            │ aws-demo        │ Support helm chart has been modified │',
        '│ gcp            │ gcp-demo        │ Support helm chart has been modified │',
        '│ kubeconfig     │ kubeconfig-demo │ Support helm chart has been modified │',
        '└────────────────┴─────────────────┴──────────────────────────────────────┘',
        '',
        'Staging hub upgrades',
        '└ No staging hub upgrades will be triggered',
        '',
        'Prod hub upgrades',
        '└ No production hub upgrades will be triggered',
        '',
      ].join('\n'),
    );
  });

  test('--markdown prints the PR comment; --trigger-paths the on.paths list', () => {
    const md = runCli(['generate', 'helm-upgrade-jobs', 'config/clusters/aws-demo/cluster.yaml', '--markdown', '--config-root', EXAMPLE], REPO);
    expect(md.stdout).toContain('|      aws     |  aws-demo  |research|cluster.yaml file was modified|');
    expect(md.stdout.startsWith('<!-- deployment-plan -->\n')).toBe(true);
    const tp = runCli(['generate', 'helm-upgrade-jobs', '--trigger-paths', '--json', '--config-root', EXAMPLE], REPO);
    expect(JSON.parse(tp.stdout)[0]).toBe('config/clusters/**');
  });

  test('--charts-dir: the plan and --trigger-paths follow it (issue 10 item 2)', () => {
    const plan = runCli(['generate', 'helm-upgrade-jobs', 'charts/basehub/values.yaml', '--charts-dir', 'charts', '--json', '--config-root', EXAMPLE], REPO);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)['prod-jobs'].length + JSON.parse(plan.stdout)['staging-jobs'].length).toBe(9);
    const tp = runCli(['generate', 'helm-upgrade-jobs', '--trigger-paths', '--charts-dir', 'charts', '--json', '--config-root', EXAMPLE], REPO);
    const list: string[] = JSON.parse(tp.stdout);
    expect(list).toContain('charts/basehub/**');
    expect(list).toContain('charts/support/**');
    expect(list.filter((p) => p.includes('helm-charts'))).toEqual([]);
  });

  test('bad input: exit 2 for usage, 1 for a bad repo, one line, no stack', () => {
    const abs = runCli(['generate', 'helm-upgrade-jobs', '/etc/passwd', '--config-root', EXAMPLE], REPO);
    expect([abs.code, abs.stdout, abs.stderr]).toEqual([2, '', 'error: FILES: path "/etc/passwd" is absolute\n  hint: changed paths are relative to the config root, e.g. config/clusters/c1/hub.values.yaml\n']);
    const labels = runCli(['generate', 'helm-upgrade-jobs', 'x', '--labels', '["a", 2]', '--config-root', EXAMPLE], REPO);
    expect(labels.code).toBe(2);
    expect(labels.stderr).toMatch(/^error: --labels must be a JSON list of strings, but item 1 is a number\n/);
    const missing = runCli(['generate', 'helm-upgrade-jobs', '--config-root', EXAMPLE], REPO);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: missing argument FILES/);
    const norepo = runCli(['generate', 'helm-upgrade-jobs', 'x', '--config-root', '/nonexistent'], REPO);
    expect(norepo.code).toBe(1);
    expect(norepo.stderr).toMatch(/^error: clusters directory config\/clusters does not exist\n  hint: pass --config-root/);
  });
});

test('the plan path loads neither ajv nor the Kubernetes or GitHub clients (start-up cost)', () => {
  const trace = path.join(REPO, 'test/plan/trace-heavy-modules.mjs');
  const cli = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', path.join(REPO, 'test/harness/ts-hooks.mjs'), '--import', trace, path.join(REPO, 'src/cli.ts'), 'generate', 'helm-upgrade-jobs', 'helm-charts/basehub/x', '--json', '--config-root', EXAMPLE], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(cli.stderr).not.toContain('LOADED');
  expect(JSON.parse(cli.stdout)['prod-jobs']).toHaveLength(5);
  // and the tracer does see them when they are loaded
  const probe = spawnSync(process.execPath, ['--import', trace, '-e', "import('ajv')"], { encoding: 'utf8', cwd: REPO });
  expect(probe.stderr).toContain('LOADED ajv');
});
