/**
 * The guard over `kubectl-extra-args` (appended to `kubectl apply` of CRDs): flags that would change the namespace,
 * the cluster or the credentials are refused, parsed as kubectl (pflag) parses them. A test checks the table against
 * `kubectl apply --help` and `kubectl options`.
 */
import { flagTable, type FlagTable } from '../exec/flags.js';
import { checkToolArgs } from '../helm/args.js';

export const KUBECTL_APPLY_FLAGS: FlagTable = flagTable({
  bool: [
    'all', 'allow-missing-template-keys', 'force', 'force-conflicts', 'openapi-patch', 'overwrite', 'prune', 'recursive', 'server-side',
    'show-managed-fields', 'wait', 'disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors', 'help',
  ],
  value: [
    'field-manager', 'filename', 'grace-period', 'kustomize', 'output', 'prune-allowlist', 'selector', 'subresource', 'template', 'timeout',
    'as', 'as-group', 'as-uid', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'cluster', 'context', 'kubeconfig',
    'log-flush-frequency', 'namespace', 'password', 'profile', 'profile-output', 'request-timeout', 'server', 'tls-server-name', 'token', 'user',
    'username', 'v', 'vmodule',
  ],
  // pflag NoOptDefVal: `--validate` alone means strict, `--cascade` background, `--dry-run` client.
  optional: ['cascade', 'dry-run', 'validate'],
  short: { f: 'filename', k: 'kustomize', o: 'output', R: 'recursive', l: 'selector', n: 'namespace', s: 'server', v: 'v', h: 'help' },
});

const CLUSTER = 'which cluster deployer talks to comes from cluster.yaml, through the credentials deployer sets up for that cluster';
const CREDENTIALS = 'cluster credentials come from the cluster\'s encrypted key file (or ambient credentials), never from the command line, where they would show in logs';

export const KUBECTL_REFUSED: Record<string, string> = {
  namespace: 'the CRDs deployer applies are cluster-wide; the namespace of every release is fixed by deployer',
  server: CLUSTER,
  kubeconfig: CLUSTER,
  context: CLUSTER,
  cluster: CLUSTER,
  'certificate-authority': CLUSTER,
  'tls-server-name': CLUSTER,
  'insecure-skip-tls-verify': CLUSTER,
  user: CREDENTIALS,
  token: CREDENTIALS,
  username: CREDENTIALS,
  password: CREDENTIALS,
  'client-certificate': CREDENTIALS,
  'client-key': CREDENTIALS,
  as: CREDENTIALS,
  'as-group': CREDENTIALS,
  'as-uid': CREDENTIALS,
  'dry-run': 'use the dry-run input / --dry-run option',
  help: 'kubectl would print its help and exit 0, and the CRDs would be reported applied without being applied',
};

/** Throws a UsageError naming the first refused flag, a flag missing its value, or a stray argument. */
export function checkKubectlExtraArgs(args: string[], option = 'kubectl-extra-args'): void {
  checkToolArgs('kubectl', args, KUBECTL_APPLY_FLAGS, KUBECTL_REFUSED, option);
}
