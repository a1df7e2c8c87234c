/** Reading one key of a Kubernetes Secret through the cluster access (the value is registered as a secret at once). */
import { DeployerError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { KubeAccess } from '../auth/types.js';
import { kubeClient, kubeModule } from './client.js';

/** The HTTP status of a client-node error, if it carries one. */
export function apiStatus(e: unknown): number | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** The `message` of a Kubernetes Status body, if the error carries one. */
function apiMessage(e: unknown): string {
  const body = (e as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      return body.slice(0, 300);
    }
  } else if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.message ?? (e as Error)?.message ?? String(e);
}

/**
 * `data[key]` of Secret `namespace/name`, base64-decoded. Every failure is a DeployerError saying what was looked up
 * (never the value): no such Secret, no such key, no permission, cluster unreachable.
 */
export async function readSecretKey(access: KubeAccess, namespace: string, name: string, key: string): Promise<string> {
  const [kc, k8s] = await Promise.all([kubeClient(access), kubeModule()]);
  const api = kc.makeApiClient(k8s.CoreV1Api);
  const what = `key \`${key}\` of Secret ${namespace}/${name}`;
  let secret: Awaited<ReturnType<typeof api.readNamespacedSecret>>;
  try {
    secret = await api.readNamespacedSecret({ name, namespace });
  } catch (e) {
    const status = apiStatus(e);
    if (status === 404) {
      throw new DeployerError(`cannot read ${what}: the Secret does not exist (${apiMessage(e)})`, {
        hint: `check that the hub is deployed in namespace \`${namespace}\` of this cluster`,
      });
    }
    if (status === 401 || status === 403) {
      throw new DeployerError(`cannot read ${what}: the cluster refused access (HTTP ${status}: ${apiMessage(e)})`, {
        hint: 'the credentials used for this cluster need `get` on secrets in the hub namespace',
      });
    }
    throw new DeployerError(`cannot read ${what}: ${status ? `HTTP ${status}: ` : ''}${apiMessage(e)}`, {
      hint: 'check that the cluster API server is reachable with these credentials',
    });
  }
  const encoded = secret.data?.[key];
  if (encoded === undefined) {
    const keys = Object.keys(secret.data ?? {}).sort();
    throw new DeployerError(`cannot read ${what}: the Secret has no such key`, {
      hint: keys.length ? `its keys: ${keys.join(', ')}` : 'the Secret has no data',
    });
  }
  const value = Buffer.from(encoded, 'base64').toString('utf8');
  registerSecret(value);
  return value;
}
