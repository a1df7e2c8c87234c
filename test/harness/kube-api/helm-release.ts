/**
 * Helm's release records as the fake stores them: Secret `sh.helm.release.v1.<release>.v<revision>` whose
 * `data.release` holds base64(gzip(JSON release)) (then base64 again as Secret data), labelled
 * name/owner=helm/status/version. Helpers to read a record and to rewrite its status (a stuck `pending-upgrade`).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FakeKube } from './index.js';

export function releaseSecretName(release: string, revision: number): string {
  return `sh.helm.release.v1.${release}.v${revision}`;
}

function decode(secret: any): any {
  const field = secret?.data?.release;
  if (typeof field !== 'string') throw new Error(`fake kube API: ${secret?.metadata?.name} has no data.release`);
  const helmEncoded = Buffer.from(field, 'base64').toString('utf8');
  const raw = Buffer.from(helmEncoded, 'base64');
  const json = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return JSON.parse(json.toString('utf8'));
}

/** The decoded release record (name, version, info.status, config = user values, manifest, chart...). */
export function readRelease(fake: FakeKube, namespace: string, release: string, revision: number): any {
  const secret = fake.get('v1', 'Secret', namespace, releaseSecretName(release, revision));
  if (!secret) throw new Error(`fake kube API: no release secret ${releaseSecretName(release, revision)} in ${namespace}`);
  return decode(secret);
}

/**
 * Rewrite a stored release revision's status (e.g. 'pending-upgrade', 'failed', 'deployed', 'superseded'):
 * both the Secret's `status` label and the encoded release's info.status, as helm itself would leave them.
 */
export function setReleaseStatus(fake: FakeKube, namespace: string, release: string, revision: number, status: string): void {
  const name = releaseSecretName(release, revision);
  const secret = fake.get('v1', 'Secret', namespace, name);
  if (!secret) throw new Error(`fake kube API: no release secret ${name} in ${namespace}`);
  const rel = decode(secret);
  rel.info = { ...(rel.info ?? {}), status, description: rel.info?.description ?? '' };
  if (status.startsWith('pending')) rel.info.description = `Preparing ${status.slice('pending-'.length)}`;
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(rel), 'utf8')).toString('base64');
  secret.data = { ...secret.data, release: Buffer.from(helmEncoded, 'utf8').toString('base64') };
  secret.metadata.labels = { ...(secret.metadata.labels ?? {}), status };
  delete secret.metadata.resourceVersion;
  fake.put(secret);
}
