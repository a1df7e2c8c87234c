/** The helm argument lists, pure: 2023 reference order and every new option, helm 3 and helm 4. */
import { describe, expect, test } from '@jest/globals';
import { checkExtraArgs, splitArgs, templateArgs, upgradeArgs, type ReleaseSpec } from '../../src/shared/helm/args.js';
import { planRecovery } from '../../src/shared/helm/recover.js';
import { helmStatusSummary, manifestObjects } from '../../src/shared/helm/client.js';
import { jsonnetArgs } from '../../src/shared/helm/jsonnet.js';
import { daskGatewayCrdUrls } from '../../src/shared/deploy/hubs.js';
import { certManagerCrdsUrl } from '../../src/shared/deploy/support.js';

const spec: ReleaseSpec = { release: 'staging', namespace: 'staging', chart: '/ws/charts/basehub', valuesFiles: ['/r/a.yaml', '/t/enc-b.secret.values.yaml'], timeoutS: 600 };

describe('upgradeArgs', () => {
  test('2023 reference order on helm 3: flags, namespace, release, chart, then --values in order', () => {
    expect(upgradeArgs(spec, { major: 3 })).toEqual([
      'upgrade', '--install', '--wait', '--timeout=600s', '--namespace=staging', 'staging', '/ws/charts/basehub',
      '--values=/r/a.yaml', '--values=/t/enc-b.secret.values.yaml',
    ]);
  });
  test('helm 4: --wait takes a strategy (watcher by default, configurable)', () => {
    expect(upgradeArgs(spec, { major: 4 })[2]).toBe('--wait=watcher');
    expect(upgradeArgs(spec, { major: 4, waitStrategy: 'legacy' })[2]).toBe('--wait=legacy');
  });
  test('atomic and debug come before the values (as upstream --dry-run/--debug); atomic is renamed on helm 4', () => {
    const a3 = upgradeArgs({ ...spec, atomic: true, debug: true }, { major: 3 });
    expect(a3.slice(7, 9)).toEqual(['--atomic', '--debug']);
    expect(a3[9]).toBe('--values=/r/a.yaml');
    expect(upgradeArgs({ ...spec, atomic: true }, { major: 4 })).toContain('--rollback-on-failure');
    expect(upgradeArgs({ ...spec, atomic: true }, { major: 4 })).not.toContain('--atomic');
  });
  test('extra args go last, verbatim; an explicit --wait in them replaces ours', () => {
    const a = upgradeArgs({ ...spec, extraArgs: ['--disable-openapi-validation', '--wait=legacy'] }, { major: 4 });
    expect(a.slice(-2)).toEqual(['--disable-openapi-validation', '--wait=legacy']);
    expect(a.filter((x) => x.startsWith('--wait'))).toEqual(['--wait=legacy']);
  });
  test('a repo chart at a pinned version (cert-manager)', () => {
    const a = upgradeArgs({ release: 'cert-manager', namespace: 'cert-manager', chart: 'cert-manager', repo: 'https://charts.jetstack.io', version: 'v1.12.1', valuesFiles: [], timeoutS: 300 }, { major: 3 });
    expect(a).toEqual(['upgrade', '--install', '--wait', '--timeout=300s', '--namespace=cert-manager', 'cert-manager', 'cert-manager', '--repo=https://charts.jetstack.io', '--version=v1.12.1']);
  });
  test('no wait when asked', () => {
    expect(upgradeArgs({ ...spec, wait: false }, { major: 3 })).not.toContain('--wait');
  });
});

test('templateArgs (dry run) never contacts the cluster and drops upgrade-only extra flags', () => {
  expect(templateArgs({ ...spec, extraArgs: ['--disable-openapi-validation', '--wait=legacy', '--timeout=5s'] })).toEqual([
    'template', 'staging', '/ws/charts/basehub', '--namespace=staging', '--values=/r/a.yaml', '--values=/t/enc-b.secret.values.yaml', '--disable-openapi-validation',
  ]);
});

test('splitArgs: whitespace, quotes, escapes; unterminated quotes are refused', () => {
  expect(splitArgs(' --a  --b=1 "--c=x y" \'--d=$e\' f\\ g ')).toEqual(['--a', '--b=1', '--c=x y', '--d=$e', 'f g']);
  expect(splitArgs('')).toEqual([]);
  expect(() => splitArgs('--a "b')).toThrow(/unterminated/);
});

test('checkExtraArgs refuses flags that would deploy elsewhere', () => {
  expect(() => checkExtraArgs(['--namespace=other'])).toThrow(/--namespace/);
  expect(() => checkExtraArgs(['--kubeconfig', '/x'])).toThrow(/--kubeconfig/);
  expect(() => checkExtraArgs(['--dry-run'])).toThrow(/dry-run/);
  expect(() => checkExtraArgs(['--disable-openapi-validation', '--wait=legacy'])).not.toThrow();
});

describe('planRecovery', () => {
  const h = (revision: number, status: string) => ({ revision, status, chart: 'basehub-0.1.0' });
  test('nothing to do for a missing or healthy release', () => {
    expect(planRecovery(undefined).action).toBe('none');
    expect(planRecovery([h(1, 'superseded'), h(2, 'deployed')]).action).toBe('none');
    expect(planRecovery([h(1, 'deployed'), h(2, 'failed')]).action).toBe('none');
  });
  test('pending-upgrade/pending-rollback roll back to the last deployed revision (else the last superseded)', () => {
    expect(planRecovery([h(1, 'superseded'), h(2, 'deployed'), h(3, 'pending-upgrade')])).toMatchObject({ action: 'rollback', to: { revision: 2 } });
    expect(planRecovery([h(1, 'superseded'), h(2, 'failed'), h(3, 'pending-rollback')])).toMatchObject({ action: 'rollback', to: { revision: 1 } });
  });
  test('pending-install with no deployed revision: uninstall', () => {
    expect(planRecovery([h(1, 'pending-install')])).toMatchObject({ action: 'uninstall', from: { revision: 1 } });
  });
});

test('helm output is reduced to the status header; rendered manifests to kind/name', () => {
  const out = 'Release "x" has been upgraded.\nNAME: x\nREVISION: 3\nUSER-SUPPLIED VALUES:\npw: s3cret\nCOMPUTED VALUES:\npw: s3cret\n';
  expect(helmStatusSummary(out)).toBe('Release "x" has been upgraded.\nNAME: x\nREVISION: 3');
  const manifest = '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: hub\n  labels: {}\ndata:\n  pw: czNjcmV0\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: b\n  name: hub\n';
  expect(manifestObjects(manifest)).toEqual(['Secret/hub', 'Deployment/hub']);
});

test('jsonnet arguments as 2026 upstream (B.6)', () => {
  expect(jsonnetArgs('/r/c/x.jsonnet', { clusterName: 'c', hubName: 'h', hubDomain: 'h.example.org', provider: 'aws', accountId: '123' }, '/t/x.json')).toEqual([
    '--jpath', '/r/c', '--ext-str', 'VARS_2I2C_CLUSTER_NAME=c', '--ext-str', 'VARS_2I2C_HUB_NAME=h', '--ext-str', 'VARS_2I2C_HUB_DOMAIN=h.example.org',
    '--ext-str', 'VARS_2I2C_PROVIDER=aws', '--ext-str', 'VARS_2I2C_ACCOUNT_ID=123', '/r/c/x.jsonnet', '--output-file', '/t/x.json',
  ]);
});

test('upstream CRD URLs (A.5, A.6)', () => {
  expect(daskGatewayCrdUrls('2023.9.0')).toEqual([
    'https://raw.githubusercontent.com/dask/dask-gateway/2023.9.0/resources/helm/dask-gateway/crds/daskclusters.yaml',
    'https://raw.githubusercontent.com/dask/dask-gateway/2023.9.0/resources/helm/dask-gateway/crds/traefik.yaml',
  ]);
  expect(certManagerCrdsUrl('v1.12.1')).toBe('https://github.com/cert-manager/cert-manager/releases/download/v1.12.1/cert-manager.crds.yaml');
});
