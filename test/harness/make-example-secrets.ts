/**
 * The plaintext of every sops-encrypted file of examples/infrastructure, and the script that (re)writes them,
 * encrypted for the test age key (test/fixtures/age/test-key.txt).
 *
 *   node test/harness/make-example-secrets.ts           # write missing files and files whose content changed
 *   node test/harness/make-example-secrets.ts --force   # re-encrypt every file (new data keys, new IVs)
 *   node test/harness/make-example-secrets.ts --check   # exit 1 unless every file decrypts to the content below
 *
 * (Node 24 runs this TypeScript directly.) Every secret value is an obvious fake containing `CANARY`, so a test can
 * assert that no decrypted value ever reaches a log, an error or an output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { decryptSopsVerified, encryptSopsBinary, formatFromPath, testAgeIdentity, writeSopsFile } from './sops.ts';
import { writeFile } from 'node:fs/promises';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Root of the example infra repo. */
export const EXAMPLE_ROOT = path.resolve(here, '../../examples/infrastructure');

/**
 * A second age identity, for `decrypt-age`: its private key is stored sops-encrypted (binary store) in
 * shared/deployer/enc-age-secret-private.key, its public key in shared/deployer/age-public-key.txt. TEST KEY ONLY.
 */
export const EXAMPLE_DEPLOYER_AGE_IDENTITY = 'AGE-SECRET-KEY-12W9WJ6A4WXANCNCEGVV7DZ5LNRNVXG5TE06ATGPPHHW6HPLLUN8SVAEAL3';

const hubSecrets = (cluster: string, hub: string, auth: 'github' | 'cilogon', extra: Record<string, unknown> = {}) => {
  const c = `CANARY-${cluster}-${hub}`;
  const authConfig =
    auth === 'github'
      ? { GitHubOAuthenticator: { client_id: `${c}-github-client-id`, client_secret: `${c}-github-client-secret` } }
      : { CILogonOAuthenticator: { client_id: `cilogon:/client_id/${c}-cilogon-client-id`, client_secret: `${c}-cilogon-client-secret` } };
  return {
    hub: {
      config: authConfig,
      services: { 'hub-health': { apiToken: `${c}-hub-health-token` }, ...extra },
    },
    proxy: { secretToken: `${c}-proxy-secret-token` },
  };
};

const daskhubSecrets = (cluster: string, hub: string, auth: 'github' | 'cilogon') => {
  const gatewayToken = `CANARY-${cluster}-${hub}-dask-gateway-token`;
  return {
    basehub: { jupyterhub: hubSecrets(cluster, hub, auth, { 'dask-gateway': { apiToken: gatewayToken } }) },
    'dask-gateway': { gateway: { auth: { jupyterhub: { apiToken: gatewayToken } } } },
  };
};

const supportSecrets = (cluster: string) => ({
  prometheusIngressAuthSecret: { username: `CANARY-${cluster}-prometheus-username`, password: `CANARY-${cluster}-prometheus-password` },
});

/** Path (relative to EXAMPLE_ROOT) -> plaintext content. `.yaml`/`.json`: sops YAML/JSON; anything else: binary. */
export const EXAMPLE_SECRETS: Record<string, unknown> = {
  // The shared support secret, always passed first by deploy-support.
  'helm-charts/support/enc-support.secret.values.yaml': { grafana: { adminPassword: 'CANARY-support-grafana-admin-password' } },

  // gcp-demo
  'config/clusters/gcp-demo/enc-deployer-credentials.secret.json': {
    type: 'service_account',
    project_id: 'demo-project',
    private_key_id: 'CANARY-gcp-demo-private-key-id',
    private_key: '-----BEGIN PRIVATE KEY-----\nCANARY-gcp-demo-private-key-not-a-real-key\n-----END PRIVATE KEY-----\n',
    client_email: 'deployer@demo-project.iam.gserviceaccount.com',
    client_id: '100000000000000000001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/deployer%40demo-project.iam.gserviceaccount.com',
    universe_domain: 'googleapis.com',
  },
  'config/clusters/gcp-demo/enc-support.secret.values.yaml': supportSecrets('gcp-demo'),
  'config/clusters/gcp-demo/enc-grafana-token.secret.yaml': { grafana_token: 'CANARY-gcp-demo-grafana-token' },
  'config/clusters/gcp-demo/enc-staging.secret.values.yaml': { jupyterhub: hubSecrets('gcp-demo', 'staging', 'github') },
  'config/clusters/gcp-demo/enc-prod.secret.values.yaml': { jupyterhub: hubSecrets('gcp-demo', 'prod', 'cilogon') },
  'config/clusters/gcp-demo/enc-dask-staging.secret.values.yaml': daskhubSecrets('gcp-demo', 'dask-staging', 'github'),
  'config/clusters/gcp-demo/enc-dask-prod.secret.values.yaml': daskhubSecrets('gcp-demo', 'dask-prod', 'cilogon'),

  // aws-demo
  'config/clusters/aws-demo/enc-deployer-credentials.secret.json': {
    AccessKey: {
      UserName: 'deployer-aws-demo',
      AccessKeyId: 'AKIACANARYAWSDEMO0001',
      Status: 'Active',
      SecretAccessKey: 'CANARY-aws-demo-secret-access-key',
      CreateDate: '2026-01-01T00:00:00+00:00',
    },
  },
  'config/clusters/aws-demo/enc-support.secret.values.yaml': supportSecrets('aws-demo'),
  'config/clusters/aws-demo/enc-grafana-token.secret.yaml': { grafana_token: 'CANARY-aws-demo-grafana-token' },
  'config/clusters/aws-demo/enc-staging.secret.values.yaml': { jupyterhub: hubSecrets('aws-demo', 'staging', 'cilogon') },
  'config/clusters/aws-demo/enc-research.secret.values.yaml': daskhubSecrets('aws-demo', 'research', 'github'),

  // kubeconfig-demo
  'config/clusters/kubeconfig-demo/enc-deployer-credentials.secret.yaml': {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubeconfig-demo', cluster: { server: 'https://127.0.0.1:6443', 'insecure-skip-tls-verify': true } }],
    contexts: [{ name: 'kubeconfig-demo', context: { cluster: 'kubeconfig-demo', user: 'deployer', namespace: 'default' } }],
    'current-context': 'kubeconfig-demo',
    users: [{ name: 'deployer', user: { token: 'CANARY-kubeconfig-demo-token' } }],
    preferences: {},
  },
  'config/clusters/kubeconfig-demo/enc-support.secret.values.yaml': supportSecrets('kubeconfig-demo'),
  'config/clusters/kubeconfig-demo/enc-staging.secret.values.yaml': { jupyterhub: hubSecrets('kubeconfig-demo', 'staging', 'github') },
  'config/clusters/kubeconfig-demo/enc-prod.secret.values.yaml': { jupyterhub: hubSecrets('kubeconfig-demo', 'prod', 'cilogon') },
  'config/clusters/kubeconfig-demo/enc-workshop.secret.values.yaml': {
    jupyterhub: {
      hub: {
        config: { DummyAuthenticator: { password: 'CANARY-kubeconfig-demo-workshop-shared-password' } },
        services: { 'hub-health': { apiToken: 'CANARY-kubeconfig-demo-workshop-hub-health-token' } },
      },
      ingress: { hosts: ['workshop.kubeconfig-demo.example.org', 'workshop-2026.kubeconfig-demo.example.org'] },
    },
  },
  'config/clusters/kubeconfig-demo/enc-workshop.domain-override.secret.yaml': { domain: 'workshop-2026.kubeconfig-demo.example.org' },

  // Shared deployer secrets (upstream: shared/deployer/enc-auth-providers-credentials.secret.yaml, and the age key
  // decrypt-age uses, a sops binary-store file).
  'shared/deployer/enc-auth-providers-credentials.secret.yaml': {
    cilogon_admin: { client_id: 'cilogon:/client_id/CANARY-cilogon-admin-client-id', client_secret: 'CANARY-cilogon-admin-client-secret' },
  },
  'shared/deployer/enc-age-secret-private.key': `# TEST KEY of the example infra repo (decrypt-age)\n${EXAMPLE_DEPLOYER_AGE_IDENTITY}\n`,
};

/** Every string containing `CANARY` in the secret contents (what must never leak), sorted. */
export function exampleCanaries(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('CANARY')) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(EXAMPLE_SECRETS);
  return [...out].sort();
}

function isBinary(rel: string): boolean {
  return !/\.(ya?ml|json)$/.test(rel);
}

/** Decrypt a committed example file with this harness's own MAC-checking decryption. */
export async function decryptExampleFile(rel: string, identity: string = testAgeIdentity()): Promise<unknown> {
  const text = readFileSync(path.join(EXAMPLE_ROOT, rel), 'utf8');
  if (isBinary(rel)) return (await decryptSopsVerified(text, 'json', identity)).data;
  return decryptSopsVerified(text, formatFromPath(rel), identity);
}

async function upToDate(rel: string): Promise<boolean> {
  if (!existsSync(path.join(EXAMPLE_ROOT, rel))) return false;
  try {
    return isDeepStrictEqual(await decryptExampleFile(rel), EXAMPLE_SECRETS[rel]);
  } catch {
    return false;
  }
}

/** Write the files (all with `force`, else only missing or changed ones). Returns the paths written. */
export async function writeExampleSecrets(options: { force?: boolean; root?: string } = {}): Promise<string[]> {
  const root = options.root ?? EXAMPLE_ROOT;
  const written: string[] = [];
  for (const [rel, content] of Object.entries(EXAMPLE_SECRETS)) {
    if (!options.force && root === EXAMPLE_ROOT && (await upToDate(rel))) continue;
    const abs = path.join(root, rel);
    if (isBinary(rel)) await writeFile(abs, await encryptSopsBinary(String(content)));
    else await writeSopsFile(abs, content);
    written.push(rel);
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale: string[] = [];
    for (const rel of Object.keys(EXAMPLE_SECRETS)) if (!(await upToDate(rel))) stale.push(rel);
    for (const rel of stale) console.error(`stale or missing: examples/infrastructure/${rel}`);
    if (stale.length) console.error('run: node test/harness/make-example-secrets.ts');
    return stale.length ? 1 : 0;
  }
  const written = await writeExampleSecrets({ force: argv.includes('--force') });
  for (const rel of written) console.log(`wrote examples/infrastructure/${rel}`);
  if (!written.length) console.log('every example secret is up to date (use --force to re-encrypt them all)');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
