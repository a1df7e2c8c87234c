/**
 * The usage data of a shared cluster: its Prometheus (the support chart's), asked for daily memory requests per
 * namespace with `query_range` (step 24h). Where it is (upstream A.15): `https://<prometheus.server.ingress.tls[0].hosts[0]>`
 * from the support values files, or a per-cluster URL override (a port-forward); basic auth when the support values
 * enable `prometheusIngressAuthSecret` (2023) or `prometheusAuthSecret` (2026), with the username and password read
 * from the cluster's sops-encrypted support values (masked as they are decrypted).
 */
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import { supportValuesFiles, type Cluster } from '../repo/index.js';
import { readDecrypted } from '../secrets/index.js';
import { CloudApiError, withTimeout } from './errors.js';
import type { NamespaceSeries } from './tenancy.js';

export const MEMORY_REQUESTS_QUERY = 'sum(kube_pod_container_resource_requests{resource="memory",unit="byte"}) by (namespace)';
const AUTH_KEYS = ['prometheusAuthSecret', 'prometheusIngressAuthSecret'];

export interface PrometheusTarget {
  url: string;
  /** `Basic <base64>`, registered as a secret. */
  authorization?: string;
}

function dig(doc: unknown, path: Array<string | number>): unknown {
  let node = doc;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node;
}

/** Where the cluster's Prometheus is and how to log in, from its support values (or `overrideUrl`). */
export async function locatePrometheus(cluster: Cluster, opts: { reporter: Reporter; env?: NodeJS.ProcessEnv; overrideUrl?: string }): Promise<PrometheusTarget> {
  const files = cluster.support ? supportValuesFiles(cluster) : [];
  const plain: unknown[] = [];
  for (const f of files.filter((f) => !f.secret)) {
    try {
      plain.push(YAML.parse(await readFile(f.abs, 'utf8')));
    } catch (e) {
      throw new DeployerError(`cannot read ${f.display}: ${(e as Error).message.split('\n')[0]}`, { file: f.display, hint: 'the support values files must exist and be valid YAML' });
    }
  }
  const last = (path: Array<string | number>) => plain.map((d) => dig(d, path)).filter((v) => v !== undefined).pop();
  let url = opts.overrideUrl;
  if (!url) {
    const host = last(['prometheus', 'server', 'ingress', 'tls', 0, 'hosts', 0]);
    if (typeof host !== 'string' || !host) {
      throw new DeployerError(`cluster ${cluster.name} is shared (tenancy: shared) but no Prometheus address was found: no prometheus.server.ingress.tls[0].hosts[0] in its support values`, {
        file: cluster.displayFile,
        ...cluster.yaml.locate(['tenancy']),
        hint: 'enable the support chart\'s Prometheus ingress with TLS, or give the URL (--prometheus-url <cluster>=<url>, input prometheus-urls)',
      });
    }
    url = `https://${host}`;
  }
  const authKey = AUTH_KEYS.find((k) => last([k, 'enabled']) === true);
  if (!authKey) return { url: url.replace(/\/+$/, '') };
  for (const f of files.filter((f) => f.secret)) {
    const doc = await readDecrypted(f.abs, { reporter: opts.reporter, display: f.display, env: opts.env });
    for (const k of AUTH_KEYS) {
      const user = dig(doc, [k, 'username']);
      const pass = dig(doc, [k, 'password']);
      if (typeof user === 'string' && typeof pass === 'string') {
        const authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        registerSecret(authorization.slice(6));
        return { url: url.replace(/\/+$/, ''), authorization };
      }
    }
  }
  throw new DeployerError(`cluster ${cluster.name}: ${authKey}.enabled is true but no ${authKey}.username/password was found in its encrypted support values`, {
    file: cluster.displayFile,
    hint: `add ${authKey}: {username, password} to the cluster's enc-support.secret.values.yaml (sops-encrypted)`,
  });
}

/** `query_range` of the memory requests per namespace, one sample per day from `start` to `end` (unix seconds). */
export async function memoryRequests(cluster: string, target: PrometheusTarget, start: number, end: number, timeoutMs: number): Promise<NamespaceSeries[]> {
  const u = new URL(`${target.url}/api/v1/query_range`);
  u.searchParams.set('query', MEMORY_REQUESTS_QUERY);
  u.searchParams.set('start', String(start));
  u.searchParams.set('end', String(end));
  u.searchParams.set('step', '24h');
  const api = 'Prometheus query_range';
  let res: Response;
  try {
    res = await fetch(u, { headers: { accept: 'application/json', ...(target.authorization ? { authorization: target.authorization } : {}) }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    throw new CloudApiError(cluster, api, undefined, `${target.url} unreachable: ${err.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (err.cause?.code ?? err.message)}`);
  }
  const text = await res.text();
  let body: { status?: string; error?: string; data?: { resultType?: string; result?: Array<{ metric?: Record<string, string>; values?: Array<[number, string]> }> } } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok || body?.status !== 'success') {
    throw new CloudApiError(cluster, api, res.status, body?.error ?? text.slice(0, 200),
      res.status === 401 ? 'check the Prometheus basic-auth credentials in the cluster\'s encrypted support values' : undefined);
  }
  if (body.data?.resultType !== 'matrix') throw new CloudApiError(cluster, api, res.status, `expected a matrix, got ${body.data?.resultType}`);
  return (body.data.result ?? []).map((s) => ({ namespace: s.metric?.namespace ?? '', values: s.values ?? [] }));
}
