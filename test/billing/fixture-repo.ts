/**
 * The infra repo of the cost-table end-to-end tests: clusters of every billing kind, written into a temp directory
 * (cluster.yaml files, support values, sops-encrypted secrets made with the test sops harness).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSopsFile } from '../harness/sops.js';
import type { FixtureRow } from '../harness/bigquery-api.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PROM_USER = 'prom-reader';
export const PROM_PASSWORD = 'prom-test-password-0f3a';
/** bcrypt of PROM_PASSWORD (see test/fixtures/billing/README.md). */
export const PROM_BCRYPT = '$2b$04$Zk3yX8b1fQv2Lp7TnR5wUeAATFAtbPAFY73k/1cULxTtflVQBWfMm';

export const PAYER_KEY = { accessKeyId: 'AKIAPAYERKEY00000001', secretAccessKey: 'payerSecretKey/0000+aaaaaaaaaaaaaaaaaaaa', account: '999988887777', canSee: ['111122223333'] };
export const MEMBER_KEY = { accessKeyId: 'AKIAMEMBERKEY0000001', secretAccessKey: 'memberSecretKey/0000+bbbbbbbbbbbbbbbbbb', account: '111122223333' };
export const AWS_COSTS = { '111122223333': { '2025-11': '10.10', '2025-12': '20.20', '2026-01': '30.30' } };

export function bigqueryFixture(): Record<string, FixtureRow[]> {
  return JSON.parse(readFileSync(path.join(here, '../fixtures/billing/bigquery-rows.json'), 'utf8'));
}

const BQ = (project = 'billing-proj', dataset = 'cloud_costs') => `    bigquery:\n      project: ${project}\n      dataset: ${JSON.stringify(dataset)}\n      billing_id: 0157F7-E3EA8C-25AC3C\n`;

function gcp(name: string, project: string, billing: string, extra = ''): string {
  return `name: ${name}\nprovider: gcp\n${extra}gcp:\n  key: enc-deployer-credentials.secret.json\n  project: ${project}\n  cluster: ${name}-cluster\n  zone: us-central1\n${billing}hubs: []\n`;
}

/** Write the repo under `root`; the service-account key (for --google-key-file) goes to shared/enc-billing-key.secret.json. */
export async function writeBillingRepo(root: string, serviceAccountKey: Record<string, string>): Promise<void> {
  const c = (name: string, files: Record<string, string>) => {
    const dir = path.join(root, 'config/clusters', name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
    return dir;
  };
  c('gcp-dedicated', { 'cluster.yaml': gcp('gcp-dedicated', 'dedicated-project', `  billing:\n    paid_by_us: true\n${BQ()}`) });
  const shared = c('gcp-shared', {
    'cluster.yaml': `${gcp('gcp-shared', 'shared-project', `  billing:\n    paid_by_us: true\n${BQ()}`, 'tenancy: shared\n').replace('hubs: []\n', '')}support:\n  helm_chart_values_files:\n    - support.values.yaml\n    - enc-support.secret.values.yaml\nhubs: []\n`,
    'support.values.yaml': 'prometheusIngressAuthSecret:\n  enabled: true\nprometheus:\n  server:\n    ingress:\n      enabled: true\n      tls:\n        - hosts:\n            - prometheus.gcp-shared.example.org\n          secretName: prometheus-tls\n',
  });
  await writeSopsFile(path.join(shared, 'enc-support.secret.values.yaml'), { prometheusIngressAuthSecret: { username: PROM_USER, password: PROM_PASSWORD } });
  const aws = c('aws-billed', {
    'cluster.yaml': 'name: aws-billed\nprovider: aws\naws:\n  key: enc-deployer-credentials.secret.json\n  clusterType: eks\n  clusterName: aws-billed\n  region: us-west-2\n  account: "111122223333"\n  billing:\n    paid_by_us: true\nhubs: []\n',
  });
  await writeSopsFile(path.join(aws, 'enc-deployer-credentials.secret.json'), { AccessKey: { AccessKeyId: MEMBER_KEY.accessKeyId, SecretAccessKey: MEMBER_KEY.secretAccessKey, UserName: 'deployer', Status: 'Active' } });
  c('aws-community', { 'cluster.yaml': 'name: aws-community\nprovider: aws\naws:\n  clusterType: eks\n  clusterName: aws-community\n  region: us-west-2\n  account: "222233334444"\n  billing:\n    paid_by_us: false\nhubs: []\n' });
  c('kube-only', { 'cluster.yaml': 'name: kube-only\nprovider: kubeconfig\nkubeconfig:\n  file: enc-deployer-credentials.secret.yaml\nhubs: []\n' });
  c('gcp-nobilling', { 'cluster.yaml': gcp('gcp-nobilling', 'nobilling-project', '') });
  c('gcp-evil', { 'cluster.yaml': gcp('gcp-evil', 'evil-project', `  billing:\n    paid_by_us: true\n${BQ('billing-proj', 'cloud_costs` WHERE 1=1 --')}`) });
  c('gcp-denied', { 'cluster.yaml': gcp('gcp-denied', 'denied-project', `  billing:\n    paid_by_us: true\n${BQ('denied-proj')}`) });
  mkdirSync(path.join(root, 'shared'), { recursive: true });
  await writeSopsFile(path.join(root, 'shared/enc-billing-key.secret.json'), serviceAccountKey);
}

/**
 * Memory requests per namespace (bytes) by month, designed for exact shares. Sampled at midnight UTC on the 1st, 10th,
 * 20th and last day of each month (the first and last days check that each sample lands in its own month).
 */
export function usageTimes(): number[] {
  const out: number[] = [];
  for (const m of Object.keys(USAGE)) {
    const [y, mo] = m.split('-').map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    for (const d of [1, 10, 20, last]) out.push(Date.UTC(y, mo - 1, d) / 1000);
  }
  return out;
}

export const USAGE: Record<string, Record<string, number>> = {
  '2025-11': { 'hub-a': 4e9, 'hub-b': 4e9, support: 1e9, 'kube-system': 1e9 },
  '2025-12': { 'hub-a': 6e9, 'hub-b': 2e9, staging: 1e9, 'kube-system': 1e9 },
  '2026-01': { 'hub-a': 9e9, support: 1e9 },
};
