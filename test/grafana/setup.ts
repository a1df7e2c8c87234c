/**
 * Shared set-up of the Grafana tests: a temporary infra repo with N clusters whose support values configure Grafana
 * and Prometheus ingresses, sops-encrypted token files and Prometheus credentials (test age key), the shared admin
 * password, and a fake Grafana instance per cluster; plus a copy of the dashboards fixture.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { sopsEnv, testAgeRecipient, writeSopsFile } from '../harness/sops.js';
import type { FakeGrafana } from '../harness/grafana-api.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const DASHBOARDS_FIXTURE = path.join(REPO, 'test/fixtures/grafana-dashboards');
export const ADMIN_PASSWORD = 'CANARY-grafana-admin-password-7f3a';

export const tokenOf = (cluster: string) => `CANARY-token-${cluster}-a1b2c3d4`;
export const promPassword = (cluster: string) => `CANARY-prom-${cluster}-pw99`;

export interface ClusterSpec {
  name: string;
  /** Default true. */
  grafana?: boolean;
  /** Default true. */
  prometheus?: boolean;
  /** Write the token file (default true). */
  tokenFile?: boolean;
  /** 2023 `prometheusIngressAuthSecret` (default) or 2026 `prometheusAuthSecret`. */
  authKey?: 'prometheusIngressAuthSecret' | 'prometheusAuthSecret';
}

export async function makeInfra(clusters: ClusterSpec[]): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'grafana-test-repo-'));
  writeFileSync(path.join(root, '.sops.yaml'), YAML.stringify({ creation_rules: [{ path_regex: '.*secret.*', age: testAgeRecipient() }] }));
  await writeSopsFile(path.join(root, 'helm-charts/support/enc-support.secret.values.yaml'), { grafana: { adminPassword: ADMIN_PASSWORD } });
  for (const c of clusters) await addCluster(root, c);
  return root;
}

export async function addCluster(root: string, c: ClusterSpec): Promise<void> {
  const dir = path.join(root, 'config/clusters', c.name);
  mkdirSync(dir, { recursive: true });
  const authKey = c.authKey ?? 'prometheusIngressAuthSecret';
  writeFileSync(
    path.join(dir, 'cluster.yaml'),
    YAML.stringify({
      name: c.name,
      provider: 'kubeconfig',
      kubeconfig: { file: 'enc-deployer-credentials.secret.yaml' },
      support: { helm_chart_values_files: ['support.values.yaml', 'enc-support.secret.values.yaml'] },
      hubs: [],
    }),
  );
  const support: Record<string, unknown> = {};
  if (c.prometheus !== false) {
    support[authKey] = { enabled: true };
    support.prometheus = { server: { ingress: { enabled: true, hosts: [`prometheus.${c.name}.example.org`], tls: [{ hosts: [`prometheus.${c.name}.example.org`], secretName: 'prometheus-tls' }] } } };
  }
  if (c.grafana !== false) {
    support.grafana = { ingress: { enabled: true, hosts: [`grafana.${c.name}.example.org`], tls: [{ hosts: [`grafana.${c.name}.example.org`], secretName: 'grafana-tls' }] } };
  }
  writeFileSync(path.join(dir, 'support.values.yaml'), YAML.stringify(support));
  await writeSopsFile(path.join(dir, 'enc-support.secret.values.yaml'), c.prometheus !== false ? { [authKey]: { username: `prom-${c.name}`, password: promPassword(c.name) } } : { unused: 'CANARY-unused-1234' });
  if (c.tokenFile !== false) await writeSopsFile(path.join(dir, 'enc-grafana-token.secret.yaml'), { grafana_token: tokenOf(c.name) });
}

/** Fake Grafana instances for the clusters, each knowing its cluster's token and the shared admin password. */
export function instancesFor(fake: FakeGrafana, names: string[]): void {
  for (const n of names) fake.instance(n, { token: tokenOf(n), adminPassword: ADMIN_PASSWORD });
}

/** A copy of the dashboards checkout fixture (so a test can change a dashboard). */
export function dashboardsCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'grafana-dashboards-'));
  cpSync(DASHBOARDS_FIXTURE, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

export function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e = sopsEnv(extra);
  delete e.GRAFANA_TOKEN;
  return e;
}

/** Fast retries for tests (a told-to-fail fake must not make a test wait seconds). */
export const FAST_CLIENT = { backoffMs: 5, attempts: 3, timeoutMs: 20_000 };
