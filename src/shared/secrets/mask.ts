/**
 * Which decrypted values get masked, and in which forms.
 *
 * Every leaf of a decrypted document is masked the moment it is read, with these rules:
 * - strings: masked whole and line by line (registerSecret skips pieces shorter than 4 characters and lines made only
 *   of punctuation such as `{`), plus their JSON-escaped form (how helm and kubectl print them in JSON) and their
 *   base64 form (how a Kubernetes Secret carries them) when 8 characters or longer;
 * - numbers: masked when they are 6 characters or longer (account numbers, PINs, IDs); shorter numbers (ports, replica
 *   counts, uids) would garble every log line that mentions them and protect nothing;
 * - booleans, null, and the strings `true`/`false`/`null`/`yes`/`no`/`on`/`off`: never (they are not secrets);
 * - the values of `apiVersion` and `kind` (Kubernetes/kubeconfig structure, e.g. `Config`): never;
 * - in a kubeconfig, the names that tie it together (`name`, `namespace`, `cluster`, `user`, `current-context`,
 *   `command` string values): never, or every log line saying `namespace/default` would read `namespace/***`; its
 *   server, certificates, keys, tokens, passwords and exec arguments are masked;
 * - in a Google service-account key, the public constants and identifiers (`type`, `project_id`, `client_email`,
 *   `client_id`, `auth_uri`, `token_uri`, `auth_provider_x509_cert_url`, `client_x509_cert_url`, `universe_domain`):
 *   never (`project_id` is in cluster.yaml anyway); `private_key` and `private_key_id` are masked;
 * - in an AWS access key (`aws iam create-access-key` output), `UserName`, `Status` and `CreateDate`: never (a
 *   user named `deployer` would otherwise turn every `deployer` in the logs into `***`); both key parts are masked.
 * Keys are not masked: they are structure, not secrets.
 */
import { registerSecret } from '../redact.js';
import type { Reporter } from '../log.js';

const NOT_SECRET_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'none', '~']);
const STRUCTURAL_KEYS = new Set(['apiVersion', 'kind']);
const KUBECONFIG_NAME_KEYS = new Set([...STRUCTURAL_KEYS, 'name', 'namespace', 'cluster', 'user', 'current-context', 'command']);
const GCP_KEY_CONSTANTS = new Set([
  ...STRUCTURAL_KEYS,
  'type',
  'project_id',
  'client_email',
  'client_id',
  'auth_uri',
  'token_uri',
  'auth_provider_x509_cert_url',
  'client_x509_cert_url',
  'universe_domain',
]);
const AWS_KEY_PUBLIC = new Set([...STRUCTURAL_KEYS, 'UserName', 'Status', 'CreateDate']);

/** Which keys' string values are structure rather than secrets, for this document. */
function exemptKeysFor(doc: unknown): Set<string> {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    if (d.kind === 'Config' || (Array.isArray(d.clusters) && (Array.isArray(d.contexts) || Array.isArray(d.users)))) return KUBECONFIG_NAME_KEYS;
    if (d.type === 'service_account' && typeof d.private_key === 'string') return GCP_KEY_CONSTANTS;
    if (d.AccessKey && typeof d.AccessKey === 'object' && 'SecretAccessKey' in (d.AccessKey as object)) return AWS_KEY_PUBLIC;
  }
  return STRUCTURAL_KEYS;
}
export const MIN_SECRET_NUMBER_LENGTH = 6;

/** Mask one value (and its JSON and base64 forms) through the reporter and the process-wide register. */
export function maskValue(value: string, reporter: Reporter): void {
  const forms = new Set<string>([value]);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) forms.add(json);
  if (value.length >= 8) forms.add(Buffer.from(value, 'utf8').toString('base64'));
  for (const f of forms) {
    registerSecret(f);
    reporter.mask(f);
  }
}

/** Mask every leaf of a parsed document. Returns how many leaves were masked. */
export function maskLeaves(doc: unknown, reporter: Reporter): number {
  return walk(doc, reporter, undefined, exemptKeysFor(doc));
}

function walk(node: unknown, reporter: Reporter, key: string | undefined, exempt: Set<string>): number {
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + walk(item, reporter, key, exempt), 0);
  if (node !== null && typeof node === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) n += walk(v, reporter, k, exempt);
    return n;
  }
  if (key !== undefined && exempt.has(key)) return 0;
  if (typeof node === 'string') {
    if (NOT_SECRET_WORDS.has(node.trim().toLowerCase())) return 0;
    maskValue(node, reporter);
    return 1;
  }
  if (typeof node === 'number' || typeof node === 'bigint') {
    const text = String(node);
    if (text.length < MIN_SECRET_NUMBER_LENGTH) return 0;
    maskValue(text, reporter);
    return 1;
  }
  return 0;
}

/** Mask every non-trivial line of a text that could not be parsed (a binary secret, a broken document). */
export function maskText(text: string, reporter: Reporter): void {
  registerSecret(text);
  reporter.mask(text);
}
