/**
 * Pod logs through @kubernetes/client-node's `Log` API (no kubectl): every pod matching a label selector in a
 * namespace, each line prefixed by its pod's name. Without `follow` the pods are read one after the other (each pod's
 * lines stay together); with `follow` all pods stream at once until they end or `signal` aborts.
 *
 * No matching pod is a DeployerError naming the selector and the namespace. A pod whose log cannot be read (no
 * previous instance, container not started) is a warning; only when no pod could be read is it an error.
 */
import { Writable } from 'node:stream';
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { kubeModule } from './client.js';

export interface PodLogRequest {
  namespace: string;
  /** A label selector, e.g. `component=hub`. */
  selector: string;
  /** The container to read; default the pod's `kubectl.kubernetes.io/default-container`, else its first container. */
  container?: string;
  follow?: boolean;
  previous?: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  /** Stops following (and any read in progress). */
  signal?: AbortSignal;
}

export interface PodLogResult {
  /** Names of the pods whose logs were read. */
  pods: string[];
  /** Pods whose log could not be read, with why. */
  failed: Array<{ pod: string; reason: string }>;
  lines: number;
}

/** Called once per log line (without its newline). */
export type LogLineSink = (pod: string, line: string) => void;

function podContainer(pod: V1Pod, wanted?: string): string | undefined {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  if (wanted) return names.includes(wanted) ? wanted : undefined;
  const preferred = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (preferred && names.includes(preferred)) return preferred;
  return names[0];
}

/** A writable that cuts its input into lines (a line split across chunks is joined) and hands each to `sink`. */
function lineWriter(pod: string, sink: LogLineSink, count: () => void): Writable {
  let pending = '';
  const decoder = new TextDecoder();
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      pending += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = pending.indexOf('\n')) >= 0) {
        sink(pod, pending.slice(0, cut).replace(/\r$/, ''));
        count();
        pending = pending.slice(cut + 1);
      }
      done();
    },
    final(done) {
      pending += decoder.decode();
      if (pending) {
        sink(pod, pending);
        count();
      }
      pending = '';
      done();
    },
  });
}

function apiReason(e: unknown): string {
  const err = e as { code?: number; body?: unknown; message?: string };
  const code = typeof err?.code === 'number' ? err.code : undefined;
  let detail = '';
  if (err?.body && typeof err.body === 'object' && typeof (err.body as { message?: unknown }).message === 'string') {
    detail = (err.body as { message: string }).message;
  } else if (typeof err?.body === 'string') {
    try {
      detail = (JSON.parse(err.body) as { message?: string }).message ?? '';
    } catch {
      detail = '';
    }
  }
  if (!detail) {
    const text = err?.message ?? String(e);
    detail = /^Message: (.*)$/m.exec(text)?.[1] ?? text.split('\n')[0];
  }
  return code ? `the API server answered ${code}: ${detail}` : detail;
}

/** List the pods of `selector` in `namespace`, sorted by name. */
export async function podsMatching(kc: KubeConfig, namespace: string, selector: string): Promise<V1Pod[]> {
  const k8s = await kubeModule();
  const core = kc.makeApiClient(k8s.CoreV1Api);
  let list;
  try {
    list = await core.listNamespacedPod({ namespace, labelSelector: selector });
  } catch (e) {
    throw new DeployerError(`could not list the pods of namespace ${namespace} (selector \`${selector}\`): ${apiReason(e)}`, {
      hint: 'check that the namespace exists (the hub name is its namespace) and that the credentials may list pods',
    });
  }
  return [...(list.items ?? [])].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

function readOne(log: InstanceType<KubeModuleLog>, pod: V1Pod, container: string, req: PodLogRequest, sink: LogLineSink, count: () => void): Promise<void> {
  const name = pod.metadata!.name!;
  return new Promise<void>((resolve, reject) => {
    const out = lineWriter(name, sink, count);
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      req.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    let controller: AbortController | undefined;
    const onAbort = () => {
      controller?.abort();
      // The aborted response body ends without 'finish': flush what was read and stop here.
      out.end();
      finish();
    };
    out.on('finish', () => finish());
    out.on('error', (e) => finish(e));
    // client-node pipes the response body into `out` without an error handler on the body: an aborted or broken
    // stream would be an uncaught 'error'. Catch it here: an abort is the end we asked for, anything else fails.
    out.on('pipe', (src: NodeJS.ReadableStream) => {
      src.on('error', (e: Error) => {
        if (req.signal?.aborted || e?.name === 'AbortError') {
          if (!out.writableEnded) out.end();
          finish();
        } else finish(new DeployerError(`the log stream of pod ${name} broke: ${e.message}`, { hint: 'run the command again' }));
      });
    });
    if (req.signal?.aborted) return finish();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    log
      .log(req.namespace, name, container, out, logOptions(req))
      .then((c) => {
        controller = c;
        if (req.signal?.aborted) c.abort();
      })
      .catch((e) => finish(e));
  });
}

/**
 * The Log API's options. client-node drops `tailLines: 0` (it only sends truthy values), which would print the
 * whole log: without follow, 0 lines means nothing to read (the caller skips the request); with follow, the API
 * server's own `tailLines=0` (only new lines) is sent as the string "0", which client-node passes on as it is. (A
 * `sinceTime` of now would not do: it has whole-second precision, so lines of the current second came through.)
 */
function logOptions(req: PodLogRequest): import('@kubernetes/client-node').LogOptions {
  const o: import('@kubernetes/client-node').LogOptions = { follow: req.follow ?? false, previous: req.previous ?? false };
  if (req.tailLines === 0) return { ...o, tailLines: '0' as unknown as number };
  if (req.sinceSeconds) o.sinceSeconds = req.sinceSeconds;
  if (req.tailLines !== undefined) o.tailLines = req.tailLines;
  return o;
}

type KubeModuleLog = Awaited<ReturnType<typeof kubeModule>>['Log'];

/** Read (or follow) the logs of every pod matching `req.selector`; see the file comment. */
export async function streamPodLogs(kc: KubeConfig, req: PodLogRequest, sink: LogLineSink, reporter?: Reporter): Promise<PodLogResult> {
  const k8s = await kubeModule();
  const pods = await podsMatching(kc, req.namespace, req.selector);
  if (!pods.length) {
    throw new DeployerError(`no pod matches the selector \`${req.selector}\` in namespace ${req.namespace}`, {
      hint: `check the hub name (it is the namespace) and that the pod is running: kubectl --namespace=${req.namespace} get pods --selector=${req.selector}`,
    });
  }
  const log = new k8s.Log(kc);
  const result: PodLogResult = { pods: [], failed: [], lines: 0 };
  const count = () => void result.lines++;
  const one = async (pod: V1Pod) => {
    const name = pod.metadata!.name!;
    const container = podContainer(pod, req.container);
    if (!container) {
      const have = (pod.spec?.containers ?? []).map((c) => c.name).join(', ');
      result.failed.push({ pod: name, reason: `it has no container named ${req.container} (it has: ${have || 'none'})` });
      return;
    }
    try {
      if (req.tailLines === 0 && !req.follow) {
        result.pods.push(name);
        return;
      }
      await readOne(log, pod, container, req, sink, count);
      result.pods.push(name);
    } catch (e) {
      const reason = apiReason(e);
      const why = req.previous && /\b400\b/.test(reason) ? `it has no previous (terminated) instance of container ${container} (${reason})` : reason;
      result.failed.push({ pod: name, reason: why });
    }
  };
  if (req.follow) await Promise.all(pods.map(one));
  else for (const pod of pods) await one(pod);
  for (const f of result.failed) reporter?.warn(`could not read the logs of pod ${f.pod}: ${f.reason}`);
  if (!result.pods.length) {
    throw new DeployerError(
      `could not read the logs of any pod matching \`${req.selector}\` in namespace ${req.namespace}: ${result.failed.map((f) => `${f.pod}: ${f.reason}`).join('; ')}`,
      { hint: req.previous ? 'drop --previous to read the running containers' : `look at the pods: kubectl --namespace=${req.namespace} describe pods --selector=${req.selector}` },
    );
  }
  return result;
}
