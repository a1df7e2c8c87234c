/**
 * A small infra repo in a temp dir with one cluster per provider, each with a sops-encrypted key made by the sops
 * harness (age test key). The secret values are unique per call so masking assertions cannot pass by accident.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeSopsFile } from '../harness/sops.js';

export interface Canaries {
  gcpPrivateKey: string;
  awsKeyId: string;
  awsSecret: string;
  azurePassword: string;
  kubeToken: string;
}

export function canaries(): Canaries {
  const r = () => randomBytes(12).toString('hex');
  return {
    gcpPrivateKey: `-----BEGIN PRIVATE KEY-----\nMIIcanaryGCP${r()}\nline2canary${r()}\n-----END PRIVATE KEY-----\n`,
    awsKeyId: `AKIACANARY${r().toUpperCase()}`,
    awsSecret: `awsSecretCanary/${r()}+${r()}`,
    azurePassword: `azPassCanary~${r()}`,
    kubeToken: `kubeTokenCanary${r()}`,
  };
}

function writeCluster(root: string, name: string, yaml: string): string {
  const dir = path.join(root, 'config', 'clusters', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'cluster.yaml'), yaml);
  return dir;
}

/** Clusters: gcp-test, gcp-ambient (no key), aws-test, aws-ambient, azure-test, kube-test (kubeconfig from `kubeconfigYaml`). */
export async function makeInfraRepo(root: string, c: Canaries, kubeconfigYaml?: string): Promise<void> {
  const gcp = writeCluster(
    root,
    'gcp-test',
    'name: gcp-test\nprovider: gcp\ngcp:\n  key: enc-deployer-credentials.secret.json\n  project: proj-one\n  cluster: gke-one\n  zone: us-central1\nhubs: []\n',
  );
  await writeSopsFile(path.join(gcp, 'enc-deployer-credentials.secret.json'), {
    type: 'service_account',
    project_id: 'proj-one',
    private_key_id: 'abcdef0123456789',
    private_key: c.gcpPrivateKey,
    client_email: 'deployer@proj-one.iam.gserviceaccount.com',
  });
  writeCluster(root, 'gcp-ambient', 'name: gcp-ambient\nprovider: gcp\ngcp:\n  project: proj-two\n  cluster: gke-two\n  zone: europe-west1-b\nhubs: []\n');

  const aws = writeCluster(
    root,
    'aws-test',
    'name: aws-test\nprovider: aws\naws:\n  key: enc-deployer-credentials.secret.json\n  clusterType: eks\n  clusterName: eks-real-name\n  region: us-west-2\nhubs: []\n',
  );
  await writeSopsFile(path.join(aws, 'enc-deployer-credentials.secret.json'), {
    AccessKey: { AccessKeyId: c.awsKeyId, SecretAccessKey: c.awsSecret, UserName: 'deployer' },
  });
  writeCluster(root, 'aws-ambient', 'name: aws-ambient\nprovider: aws\naws:\n  clusterType: eks\n  clusterName: eks-amb\n  region: eu-north-1\nhubs: []\n');

  const az = writeCluster(
    root,
    'azure-test',
    'name: azure-test\nprovider: azure\nazure:\n  key: enc-deployer-credentials.secret.json\n  resource_group: rg-one\n  cluster: aks-one\nhubs: []\n',
  );
  await writeSopsFile(path.join(az, 'enc-deployer-credentials.secret.json'), {
    service_principal_id: '11111111-2222-3333-4444-555555555555',
    service_principal_password: c.azurePassword,
    tenant_id: '99999999-8888-7777-6666-555555555555',
    subscription_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });

  const kube = writeCluster(root, 'kube-test', 'name: kube-test\nprovider: kubeconfig\nkubeconfig:\n  file: enc-deployer-credentials.secret.yaml\nhubs: []\n');
  if (kubeconfigYaml) {
    const { parse } = await import('yaml');
    await writeSopsFile(path.join(kube, 'enc-deployer-credentials.secret.yaml'), parse(kubeconfigYaml));
  }
}
