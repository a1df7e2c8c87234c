/**
 * The Kubernetes client for a cluster access: a KubeConfig loaded from the access's private kubeconfig.
 * `@kubernetes/client-node` is imported lazily (it costs ~0.1 s and tens of MiB at start-up), so the paths that never
 * talk to a cluster (plan, validate, a health check given a URL and a token) never load it.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeAccess } from '../auth/types.js';

export type KubeModule = typeof import('@kubernetes/client-node');

let modulePromise: Promise<KubeModule> | undefined;

/** The client-node module, loaded once on first use. */
export function kubeModule(): Promise<KubeModule> {
  modulePromise ??= import('@kubernetes/client-node');
  return modulePromise;
}

/**
 * A KubeConfig for `access`. Credential plugins (`users[].exec`: gke-gcloud-auth-plugin, aws eks get-token) get the
 * access's environment through their `exec.env` entries, because client-node runs them with `process.env`, which the
 * auth layer never mutates.
 */
export async function kubeClient(access: KubeAccess): Promise<KubeConfig> {
  const k8s = await kubeModule();
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(access.kubeconfigPath);
  const extra = Object.entries(access.env).filter(([k, v]) => v !== undefined && process.env[k] !== v) as Array<[string, string]>;
  if (extra.length) {
    for (const user of kc.users as Array<{ exec?: { env?: Array<{ name: string; value: string }> | null } }>) {
      if (!user.exec) continue;
      const env = [...(user.exec.env ?? [])];
      for (const [name, value] of extra) if (!env.some((e) => e.name === name)) env.push({ name, value });
      user.exec.env = env;
    }
  }
  return kc;
}
