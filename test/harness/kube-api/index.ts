/**
 * A fake Kubernetes API server good enough for real helm 3, helm 4 and kubectl (and @kubernetes/client-node):
 * version and discovery, GET/LIST (label and field selectors)/POST/PUT/PATCH (strategic merge, merge, JSON patch,
 * server-side apply)/DELETE on namespaced and cluster-scoped objects, watch streams, helm's protobuf release Secrets,
 * and controller-like status for workloads (ready or not, see `setAutoReady`). Bound to 127.0.0.1 only.
 *
 * The tools need no special flags against it (see README.md beside this file); pass `--kubeconfig` with
 * `kubeconfigPath`. Namespaces must exist before objects are created in them, as on a real cluster.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { jsonPatch, mergePatch, PatchError, strategicMerge } from './patch.js';
import { decodeKubeProtobuf, ProtobufError } from './protobuf.js';
import { groupVersionOf, ResourceRegistry, type ResourceType } from './resources.js';
import { LogRequestError, PodLogs, type LogInput } from './logs.js';
import { leafPaths, serverSideApply } from './ssa.js';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors.js';
import { applyDefaults, STATUS_KINDS, templateHash, workloadStatus } from './workloads.js';

export { setReleaseStatus, readRelease, releaseSecretName } from './helm-release.js';

export interface FakeKubeRequest {
  method: string;
  /** URL path without the query. */
  path: string;
  contentType?: string;
  /** The raw query string (without '?'), '' when none. */
  query: string;
}

export interface FakeKube {
  url: string;
  /** A 0600 kubeconfig file for this server (token auth), in a temp dir removed by stop(). */
  kubeconfigPath: string;
  kubeconfigYaml: string;
  token: string;
  requests: FakeKubeRequest[];
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): any | undefined;
  list(apiVersion: string, kind: string, namespace?: string): any[];
  /** Seed or overwrite an object (defaults, uid, resourceVersion and status are filled in as for an API write). */
  put(obj: any): void;
  /** Remove an object as a DELETE would (owned objects too); returns whether it existed. */
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean;
  /** Make Deployments/DaemonSets/StatefulSets (and Jobs, Pods, PVCs) report ready (default true); false keeps them unready. */
  setAutoReady(ready: boolean): void;
  /**
   * Set a container's log (the pod `log` subresource serves it): lines as text or `{text, time}` (time decides
   * `sinceSeconds`). `previous: true` sets the log of the previous, terminated instance (`?previous=true`).
   */
  setPodLog(namespace: string, pod: string, container: string, lines: Array<string | LogInput>, options?: { previous?: boolean }): void;
  /** Append a line to a running container's log; every follow stream gets it at once. */
  appendPodLog(namespace: string, pod: string, container: string, text: string, time?: Date): void;
  /** The container terminated: follow streams of it end. */
  endPodLog(namespace: string, pod: string, container: string): void;
  /** Follow streams open right now (a test waits for a client to be following before appending). */
  logFollowers(): number;
  stop(): Promise<void>;
}

export interface FakeKubeOptions {
  /**
   * Serve https with a self-signed certificate made by `openssl` (its CA goes into the kubeconfig). Default true:
   * client-go (helm, kubectl) sends a kubeconfig token only over TLS. With false the server speaks http and
   * accepts requests without credentials (a wrong token still gets 401).
   */
  tls?: boolean;
  token?: string;
  autoReady?: boolean;
  /** Namespaces that exist from the start. Default ['default', 'kube-system', 'kube-public']. */
  namespaces?: string[];
}

const KUBE_VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.0', gitCommit: 'fake', gitTreeState: 'clean', buildDate: '2025-04-23T00:00:00Z', goVersion: 'go1.24.2', compiler: 'gc', platform: 'linux/amd64' };

const clone = <T>(v: T): T => structuredClone(v);
const nowStamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

function notFound(t: ResourceType, name: string): HttpError {
  const res = t.group ? `${t.plural}.${t.group}` : t.plural;
  return new HttpError(404, 'NotFound', `${res} "${name}" not found`, { name, group: t.group || undefined, kind: t.plural });
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  rv: number;
  t: ResourceType;
  ns: string;
  object: any;
}

interface Watcher {
  t: ResourceType;
  ns?: string;
  match: (obj: any) => boolean;
  res: http.ServerResponse;
  timer?: NodeJS.Timeout;
}

class FakeKubeServer {
  readonly registry = new ResourceRegistry();
  readonly store = new Map<string, any>();
  readonly requests: FakeKubeRequest[] = [];
  readonly history: WatchEvent[] = [];
  readonly watchers = new Set<Watcher>();
  /** Server-side apply: `${store key}|${manager}` -> the field paths that manager last applied. */
  readonly applied = new Map<string, string[][]>();
  /** Pods made by syncPods: store key -> the owner's pod template (JSON) they were made from. */
  readonly podTemplates = new Map<string, string>();
  rv = 1;
  autoReady: boolean;
  readonly logs = new PodLogs();

  constructor(readonly token: string, autoReady: boolean, readonly tls: boolean) {
    this.autoReady = autoReady;
  }

  key(t: ResourceType, ns: string | undefined, name: string): string {
    return `${t.group}|${t.plural}|${t.namespaced ? ns ?? '' : ''}|${name}`;
  }

  find(t: ResourceType, ns: string | undefined, name: string): any | undefined {
    return this.store.get(this.key(t, ns, name));
  }

  all(t: ResourceType, ns?: string): any[] {
    const prefix = `${t.group}|${t.plural}|`;
    const out: any[] = [];
    for (const [k, v] of this.store) {
      if (!k.startsWith(prefix)) continue;
      if (t.namespaced && ns !== undefined && v.metadata?.namespace !== ns) continue;
      out.push(v);
    }
    return out.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`),
    );
  }

  /** An object as served: apiVersion/kind of the requested type. */
  present(t: ResourceType, obj: any): any {
    return { ...clone(obj), apiVersion: groupVersionOf(t), kind: t.kind };
  }

  emit(type: WatchEvent['type'], t: ResourceType, obj: any): void {
    const ev: WatchEvent = { type, rv: Number(obj.metadata.resourceVersion), t, ns: obj.metadata.namespace ?? '', object: clone(obj) };
    this.history.push(ev);
    if (this.history.length > 20000) this.history.splice(0, 5000);
    for (const w of this.watchers) {
      if (w.t.group !== t.group || w.t.plural !== t.plural) continue;
      if (w.ns !== undefined && t.namespaced && ev.ns !== w.ns) continue;
      if (!w.match(obj)) continue;
      this.writeEvent(w, type, this.present(w.t, obj));
    }
  }

  writeEvent(w: Watcher, type: string, object: any): void {
    if (!w.res.writableEnded) w.res.write(JSON.stringify({ type, object }) + '\n');
  }

  namespaceExists(ns: string): boolean {
    const nsType = this.registry.byPlural('', 'v1', 'namespaces')!;
    return this.find(nsType, undefined, ns) !== undefined;
  }

  /**
   * Store an object (create or replace), as the apiserver plus controllers would: metadata, defaults, generation,
   * status, owned ReplicaSets, CRD registration; then a watch event. `statusWrite`: a /status subresource write.
   */
  commit(t: ResourceType, input: any, opts: { dryRun?: boolean; statusWrite?: boolean } = {}): any {
    const obj = clone(input);
    obj.apiVersion = groupVersionOf(t);
    obj.kind = t.kind;
    obj.metadata ??= {};
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomBytes(4).toString('hex').slice(0, 5);
    if (!meta.name) throw new HttpError(422, 'Invalid', `${t.kind} is invalid: metadata.name: Required value: name or generateName is required`);
    if (!t.namespaced) delete meta.namespace;
    const existing = this.find(t, meta.namespace, meta.name);
    if (existing) {
      meta.uid = existing.metadata.uid;
      meta.creationTimestamp = existing.metadata.creationTimestamp;
      const strip = (o: any) => {
        const { metadata: _m, status: _s, ...rest } = o;
        return JSON.stringify(rest);
      };
      meta.generation = (existing.metadata.generation ?? 1) + (strip(existing) !== strip(obj) ? 1 : 0);
      if (opts.statusWrite) {
        const status = obj.status;
        Object.assign(obj, clone(existing), { status });
        obj.metadata = { ...clone(existing.metadata) };
      } else if (STATUS_KINDS.has(t.kind) || t.subresources?.includes('status')) {
        if (existing.status !== undefined) obj.status = clone(existing.status);
        else delete obj.status;
      }
    } else {
      meta.uid = randomUUID();
      meta.creationTimestamp = nowStamp();
      meta.generation = 1;
      if (t.subresources?.includes('status') && !STATUS_KINDS.has(t.kind)) delete obj.status;
    }
    delete obj.metadata.managedFields;
    delete obj.metadata.selfLink;
    applyDefaults(obj, existing);
    if (opts.statusWrite && existing) obj.metadata.generation = existing.metadata.generation;
    let rsName: string | undefined;
    if (t.kind === 'Deployment' && !opts.statusWrite) rsName = this.prepareDeployment(obj);
    if (STATUS_KINDS.has(t.kind) && !opts.statusWrite) {
      const st = workloadStatus(obj, this.autoReady, { replicaSetName: rsName });
      if (st !== undefined) obj.status = st;
    }
    if (opts.dryRun) {
      obj.metadata.resourceVersion = existing?.metadata.resourceVersion ?? '';
      return obj;
    }
    obj.metadata.resourceVersion = String(++this.rv);
    this.store.set(this.key(t, meta.namespace, meta.name), obj);
    if (t.kind === 'CustomResourceDefinition') this.registry.addCrd(obj);
    this.emit(existing ? 'MODIFIED' : 'ADDED', t, obj);
    if (t.kind === 'Deployment' && rsName && !opts.statusWrite) this.syncReplicaSets(obj, rsName);
    if (!opts.statusWrite && t.group === 'apps' && (t.kind === 'ReplicaSet' || t.kind === 'StatefulSet' || t.kind === 'DaemonSet')) this.syncPods(obj);
    return obj;
  }

  /** The Pods a workload controller would run: replicas of the template (one per DaemonSet: a one-node cluster). */
  syncPods(owner: any): void {
    const podType = this.registry.byPlural('', 'v1', 'pods')!;
    const ns = owner.metadata.namespace;
    const count = owner.kind === 'DaemonSet' ? 1 : Number(owner.spec?.replicas ?? 1);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      names.push(owner.kind === 'StatefulSet' ? `${owner.metadata.name}-${i}` : `${owner.metadata.name}-${templateHash([owner.metadata.uid, i]).slice(0, 5)}`);
    }
    const template = owner.spec?.template ?? {};
    const hashLabel = owner.kind === 'ReplicaSet' ? {} : { 'controller-revision-hash': templateHash(template) };
    const desiredTemplate = JSON.stringify(template);
    for (const pod of this.all(podType, ns)) {
      if (!(pod.metadata.ownerReferences ?? []).some((o: any) => o.uid === owner.metadata.uid)) continue;
      // pods of another template (StatefulSet/DaemonSet rollout) or beyond the count go away
      if (!names.includes(pod.metadata.name) || this.podTemplates.get(this.key(podType, ns, pod.metadata.name)) !== desiredTemplate) {
        this.delete(podType, ns, pod.metadata.name);
      }
    }
    for (const name of names) {
      if (this.find(podType, ns, name)) continue;
      this.podTemplates.set(this.key(podType, ns, name), desiredTemplate);
      this.commit(podType, {
        metadata: {
          name,
          namespace: ns,
          labels: { ...(template.metadata?.labels ?? {}), ...hashLabel },
          annotations: { ...(template.metadata?.annotations ?? {}) },
          ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: { ...clone(template.spec ?? {}), nodeName: 'fake-node' },
      });
    }
  }

  /** Name the Deployment's current ReplicaSet and set its revision annotation. */
  prepareDeployment(dep: any): string {
    const rsType = this.registry.byPlural('apps', 'v1', 'replicasets')!;
    const hash = templateHash(dep.spec?.template);
    const rsName = `${dep.metadata.name}-${hash}`;
    const owned = this.all(rsType, dep.metadata.namespace).filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some((o: any) => o.uid === dep.metadata.uid),
    );
    const current = owned.find((rs) => rs.metadata.name === rsName);
    let revision = Number(current?.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    if (!current) {
      revision = 1 + Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    }
    dep.metadata.annotations = { ...(dep.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(revision) };
    return rsName;
  }

  syncReplicaSets(dep: any, rsName: string): void {
    const rsType = this.registry.byPlural('apps', 'v1', 'replicasets')!;
    const ns = dep.metadata.namespace;
    const hash = rsName.slice(dep.metadata.name.length + 1);
    const revision = dep.metadata.annotations['deployment.kubernetes.io/revision'];
    for (const rs of this.all(rsType, ns)) {
      if (!(rs.metadata.ownerReferences ?? []).some((o: any) => o.uid === dep.metadata.uid)) continue;
      if (rs.metadata.name !== rsName && rs.spec?.replicas !== 0) this.commit(rsType, { ...rs, spec: { ...rs.spec, replicas: 0 } });
    }
    const template = clone(dep.spec?.template ?? {});
    template.metadata ??= {};
    template.metadata.labels = { ...(template.metadata.labels ?? {}), 'pod-template-hash': hash };
    const selector = clone(dep.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
    const desired = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: ns,
        labels: template.metadata.labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(dep.spec?.replicas ?? 1),
          'deployment.kubernetes.io/max-replicas': String(dep.spec?.replicas ?? 1),
          'deployment.kubernetes.io/revision': revision,
        },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: dep.metadata.name, uid: dep.metadata.uid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: { replicas: dep.spec?.replicas ?? 1, selector, template },
    };
    const current = this.find(rsType, ns, rsName);
    const strip = (o: any) => JSON.stringify({ m: { ...o.metadata, uid: 0, creationTimestamp: 0, resourceVersion: 0, generation: 0 }, s: o.spec, st: o.status?.readyReplicas });
    const next = this.commit(rsType, desired, { dryRun: true });
    if (!current || strip(current) !== strip(next)) this.commit(rsType, desired);
  }

  /** Recompute the status of every object whose status follows autoReady. */
  refreshStatuses(): void {
    for (const obj of [...this.store.values()]) {
      if (!STATUS_KINDS.has(obj.kind)) continue;
      const t = this.registry.byApiVersionKind(obj.apiVersion, obj.kind);
      if (!t) continue;
      const rsName = obj.kind === 'Deployment' ? `${obj.metadata.name}-${templateHash(obj.spec?.template)}` : undefined;
      const st = workloadStatus(obj, this.autoReady, { replicaSetName: rsName });
      const norm = (s: any) => JSON.stringify(s, (k, v) => (k === 'lastUpdateTime' || k === 'lastTransitionTime' || k === 'startTime' || k === 'completionTime' || k === 'lastProbeTime' || k === 'startedAt' ? undefined : v));
      if (norm(st) === norm(obj.status)) continue;
      const next = clone(obj);
      next.status = st;
      next.metadata.resourceVersion = String(++this.rv);
      this.store.set(this.key(t, next.metadata.namespace, next.metadata.name), next);
      this.emit('MODIFIED', t, next);
    }
  }

  delete(t: ResourceType, ns: string | undefined, name: string, opts: { dryRun?: boolean } = {}): any {
    const obj = this.find(t, ns, name);
    if (!obj) throw notFound(t, name);
    if (opts.dryRun) return obj;
    this.store.delete(this.key(t, ns, name));
    for (const k of [...this.applied.keys()]) if (k.startsWith(this.key(t, ns, name) + '|')) this.applied.delete(k);
    const gone = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv), deletionTimestamp: nowStamp() } };
    this.emit('DELETED', t, gone);
    if (t.kind === 'CustomResourceDefinition') this.registry.removeCrd(obj);
    if (t.kind === 'Pod' && t.group === '') this.logs.dropPod(obj.metadata.namespace, obj.metadata.name);
    // garbage collection: owned objects, and everything in a deleted namespace
    for (const other of [...this.store.values()]) {
      const owned = (other.metadata.ownerReferences ?? []).some((o: any) => o.uid === obj.metadata.uid);
      const inNs = t.kind === 'Namespace' && t.group === '' && other.metadata.namespace === name;
      if (!owned && !inNs) continue;
      const ot = this.registry.byApiVersionKind(other.apiVersion, other.kind);
      if (ot && this.find(ot, other.metadata.namespace, other.metadata.name)) this.delete(ot, other.metadata.namespace, other.metadata.name);
    }
    return gone;
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface Route {
  t: ResourceType;
  ns?: string;
  name?: string;
  sub?: string;
}

function parsePath(server: FakeKubeServer, parts: string[]): Route | { discovery: any } | undefined {
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api') {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
    if (!version) return undefined;
  } else {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
    if (!group) return undefined;
    if (!version) {
      const g = server.registry.groups().find((x) => x.group === group);
      if (!g) return undefined;
      return { discovery: apiGroup(g.group, g.versions) };
    }
  }
  const types = server.registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  if (rest.length === 0) return { discovery: resourceList(group, version, types) };
  let ns: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const t = types.find((x) => x.plural === rest[2] && x.namespaced);
    if (t) {
      ns = rest[1];
      rest = rest.slice(2);
    }
  }
  const t = types.find((x) => x.plural === rest[0]);
  if (!t) return undefined;
  if (t.namespaced === false && ns !== undefined) return undefined;
  if (rest.length > 3) return undefined;
  return { t, ns, name: rest[1], sub: rest[2] };
}

function apiGroup(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: vs, preferredVersion: vs[0] };
}

function resourceList(group: string, version: string, types: ResourceType[]) {
  const resources: any[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames?.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories?.length ? { categories: t.categories } : {}),
    });
    for (const s of t.subresources ?? []) {
      resources.push({
        name: `${t.plural}/${s}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(s === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: t.kind }),
        verbs: s === 'finalize' ? ['update'] : s === 'log' ? ['get'] : ['get', 'patch', 'update'],
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/**
 * A minimal OpenAPI v3 surface: the index and, per group-version, one PATCH operation per kind that declares the
 * `fieldValidation` query parameter. That is what client-go's query-param verifier looks for: kubectl (and helm)
 * then leave field validation to the server instead of downloading schemas. No schemas are served, so kubectl's
 * client-side apply falls back to its built-in types for strategic merge patches.
 */
function openApiIndex(server: FakeKubeServer) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const gvs = new Set(server.registry.types.map((t) => (t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`)));
  for (const gv of gvs) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${server.registry.types.length}` };
  return { paths };
}

function openApiGroupVersion(server: FakeKubeServer, gvPath: string) {
  const parts = gvPath.split('/');
  let group: string;
  let version: string;
  if (parts[0] === 'api' && parts.length === 2) [group, version] = ['', parts[1]];
  else if (parts[0] === 'apis' && parts.length === 3) [group, version] = [parts[1], parts[2]];
  else return undefined;
  const types = server.registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const paths: Record<string, unknown> = {};
  for (const t of types) {
    const p = t.namespaced ? `${prefix}/namespaces/{namespace}/${t.plural}/{name}` : `${prefix}/${t.plural}/{name}`;
    paths[p] = {
      patch: {
        operationId: `patch${t.namespaced ? 'Namespaced' : ''}${t.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: KUBE_VERSION.gitVersion }, paths, components: { schemas: {} } };
}

function send(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(body: Buffer, contentType: string, expected: { apiVersion: string; kind: string }): any {
  const ct = contentType.split(';')[0].trim().toLowerCase();
  if (ct === 'application/vnd.kubernetes.protobuf') {
    try {
      return decodeKubeProtobuf(body, expected);
    } catch (e) {
      if (e instanceof ProtobufError) throw new HttpError(415, 'UnsupportedMediaType', e.message);
      throw e;
    }
  }
  const text = body.toString('utf8');
  try {
    if (ct.endsWith('yaml')) return parseYamlText(text);
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'BadRequest', `the request body could not be decoded: ${(e as Error).message}`);
  }
}

async function handle(server: FakeKubeServer, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const contentType = req.headers['content-type'];
  server.requests.push({ method, path: url.pathname, query: url.search.replace(/^\?/, ''), ...(contentType ? { contentType } : {}) });
  const p = url.pathname.replace(/\/+$/, '') || '/';
  if (p === '/healthz' || p === '/livez' || p === '/readyz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  // client-go never sends a kubeconfig token over plain http (clientcmd loads auth info only for TLS transports),
  // so over http a request without credentials is anonymous and allowed; a wrong token is refused in both modes.
  const auth = req.headers.authorization;
  if (auth !== `Bearer ${server.token}` && !(auth === undefined && !server.tls)) {
    await readBody(req);
    send(res, 401, statusBody(401, 'Unauthorized', 'Unauthorized'));
    return;
  }
  if (p === '/version') return send(res, 200, KUBE_VERSION);
  if (p === '/api') {
    const addr = req.socket.localAddress + ':' + req.socket.localPort;
    return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: addr }] });
  }
  if (p === '/apis') {
    return send(res, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: server.registry.groups().map((g) => apiGroup(g.group, g.versions)),
    });
  }
  if (p === '/openapi/v3') return send(res, 200, openApiIndex(server));
  if (p.startsWith('/openapi/v3/')) {
    const doc = openApiGroupVersion(server, p.slice('/openapi/v3/'.length));
    if (doc) return send(res, 200, doc);
  }
  const parts = p.split('/').filter(Boolean);
  if (parts[0] !== 'api' && parts[0] !== 'apis') {
    await readBody(req);
    return send(res, 404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
  }
  const route = parsePath(server, parts);
  if (!route) {
    await readBody(req);
    return send(res, 404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
  }
  if ('discovery' in route) return send(res, 200, route.discovery);
  const body = await readBody(req);
  const q = url.searchParams;
  const dryRun = q.getAll('dryRun').includes('All');
  const { t, ns, name, sub } = route;
  const expected = { apiVersion: groupVersionOf(t), kind: t.kind };
  if (sub === 'log' && t.kind === 'Pod' && t.group === '' && name) {
    if (method !== 'GET') throw new HttpError(405, 'MethodNotAllowed', `method ${method} is not allowed on pods/log`);
    const pod = server.find(t, ns, name);
    if (!pod) throw notFound(t, name);
    try {
      return server.logs.serve(pod, q, req, res);
    } catch (e) {
      if (e instanceof LogRequestError) throw new HttpError(e.code, e.reason, e.message);
      throw e;
    }
  }
  if (sub && sub !== 'status' && !(sub === 'finalize' && t.kind === 'Namespace')) {
    return send(res, 404, statusBody(404, 'NotFound', `the fake does not serve the ${sub} subresource`));
  }

  const checkNamespace = () => {
    if (t.namespaced && ns !== undefined && !server.namespaceExists(ns)) {
      throw new HttpError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });
    }
  };
  const checkBodyMeta = (obj: any, wantName?: string) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new HttpError(400, 'BadRequest', 'the request body is not an object');
    obj.metadata ??= {};
    if (t.namespaced) {
      if (obj.metadata.namespace && ns && obj.metadata.namespace !== ns) {
        throw new HttpError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = ns ?? obj.metadata.namespace;
    }
    if (wantName !== undefined) {
      if (obj.metadata.name && obj.metadata.name !== wantName) {
        throw new HttpError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
      }
      obj.metadata.name = wantName;
    }
    return obj;
  };

  switch (method) {
    case 'GET': {
      const watch = q.get('watch');
      if (watch === '1' || watch === 'true') return startWatch(server, req, res, route, q);
      if (name) {
        const obj = server.find(t, ns, name);
        if (!obj) throw notFound(t, name);
        return send(res, 200, server.present(t, obj));
      }
      const items = filterList(server, t, ns, q);
      return send(res, 200, {
        kind: `${t.kind}List`,
        apiVersion: groupVersionOf(t),
        metadata: { resourceVersion: String(server.rv) },
        items: items.map((o) => server.present(t, o)),
      });
    }
    case 'POST': {
      if (name) throw new HttpError(405, 'MethodNotAllowed', 'POST to a named object is not allowed');
      const obj = checkBodyMeta(parseBody(body, contentType ?? 'application/json', expected));
      checkNamespace();
      if (obj.metadata.name && server.find(t, ns, obj.metadata.name)) {
        const resName = t.group ? `${t.plural}.${t.group}` : t.plural;
        throw new HttpError(409, 'AlreadyExists', `${resName} "${obj.metadata.name}" already exists`, { name: obj.metadata.name, group: t.group || undefined, kind: t.plural });
      }
      const created = server.commit(t, obj, { dryRun });
      return send(res, 201, server.present(t, created));
    }
    case 'PUT': {
      if (!name) throw new HttpError(405, 'MethodNotAllowed', 'PUT needs an object name');
      const obj = checkBodyMeta(parseBody(body, contentType ?? 'application/json', expected), name);
      const existing = server.find(t, ns, name);
      if (!existing) throw notFound(t, name);
      const rvIn = obj.metadata.resourceVersion;
      if (rvIn && rvIn !== existing.metadata.resourceVersion) {
        throw new HttpError(409, 'Conflict', `Operation cannot be fulfilled on ${t.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, kind: t.plural });
      }
      const updated = server.commit(t, obj, { dryRun, statusWrite: sub === 'status' });
      return send(res, 200, server.present(t, updated));
    }
    case 'PATCH': {
      if (!name) throw new HttpError(405, 'MethodNotAllowed', 'PATCH needs an object name');
      const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
      const existing = server.find(t, ns, name);
      let next: any;
      if (ct === 'application/apply-patch+yaml' || ct === 'application/apply-patch+json') {
        const applied = checkBodyMeta(parseBody(body, 'application/yaml', expected), name);
        if (!existing) {
          checkNamespace();
          if (!dryRun) server.applied.set(`${server.key(t, ns, name)}|${q.get('fieldManager') ?? 'unknown'}`, leafPaths(applied));
          const created = server.commit(t, applied, { dryRun });
          return send(res, 201, server.present(t, created));
        }
        const manager = q.get('fieldManager') ?? 'unknown';
        const ownedKey = `${server.key(t, ns, name)}|${manager}`;
        const { result, owned } = serverSideApply(server.present(t, existing), applied, server.applied.get(ownedKey));
        next = result;
        if (!dryRun) server.applied.set(ownedKey, owned);
        if (sub === 'status') next = { ...clone(existing), status: applied.status };
      } else {
        if (!existing) throw notFound(t, name);
        const doc = server.present(t, existing);
        let patch: any;
        try {
          patch = JSON.parse(body.toString('utf8'));
        } catch (e) {
          throw new HttpError(400, 'BadRequest', `the patch could not be decoded: ${(e as Error).message}`);
        }
        try {
          if (ct === 'application/json-patch+json') next = jsonPatch(doc, patch);
          else if (ct === 'application/merge-patch+json') next = mergePatch(doc, patch);
          else if (ct === 'application/strategic-merge-patch+json') next = strategicMerge(doc, patch);
          else throw new HttpError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${ct || 'none'})`);
        } catch (e) {
          if (e instanceof PatchError) throw new HttpError(422, 'Invalid', e.message);
          throw e;
        }
        const rvIn = next?.metadata?.resourceVersion;
        if (rvIn && rvIn !== existing.metadata.resourceVersion) {
          throw new HttpError(409, 'Conflict', `Operation cannot be fulfilled on ${t.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, kind: t.plural });
        }
        checkBodyMeta(next, name);
      }
      const updated = server.commit(t, next, { dryRun, statusWrite: sub === 'status' });
      return send(res, 200, server.present(t, updated));
    }
    case 'DELETE': {
      if (!name) {
        const items = filterList(server, t, ns, q);
        const gone = items.map((o) => server.delete(t, o.metadata.namespace, o.metadata.name, { dryRun }));
        return send(res, 200, { kind: `${t.kind}List`, apiVersion: groupVersionOf(t), metadata: { resourceVersion: String(server.rv) }, items: gone.map((o) => server.present(t, o)) });
      }
      const gone = server.delete(t, ns, name, { dryRun });
      return send(res, 200, server.present(t, gone));
    }
    default:
      throw new HttpError(405, 'MethodNotAllowed', `method ${method} is not allowed`);
  }
}

function filterList(server: FakeKubeServer, t: ResourceType, ns: string | undefined, q: URLSearchParams): any[] {
  let labelMatch: (l: Record<string, string>) => boolean;
  let fieldMatch: (o: any) => boolean;
  try {
    labelMatch = parseLabelSelector(q.get('labelSelector'));
    fieldMatch = parseFieldSelector(q.get('fieldSelector'));
  } catch (e) {
    if (e instanceof SelectorError) throw new HttpError(400, 'BadRequest', e.message);
    throw e;
  }
  return server.all(t, ns).filter((o) => labelMatch(o.metadata.labels ?? {}) && fieldMatch(o));
}

function startWatch(server: FakeKubeServer, req: http.IncomingMessage, res: http.ServerResponse, route: Route, q: URLSearchParams): void {
  const { t, ns, name } = route;
  let labelMatch: (l: Record<string, string>) => boolean;
  let fieldMatch: (o: any) => boolean;
  try {
    labelMatch = parseLabelSelector(q.get('labelSelector'));
    fieldMatch = parseFieldSelector(q.get('fieldSelector'));
  } catch (e) {
    if (e instanceof SelectorError) throw new HttpError(400, 'BadRequest', e.message);
    throw e;
  }
  const match = (o: any) => labelMatch(o.metadata?.labels ?? {}) && fieldMatch(o) && (!name || o.metadata?.name === name);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  const w: Watcher = { t, ns, match, res };
  const rvParam = q.get('resourceVersion');
  const fromRv = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
  const sendInitial = q.get('sendInitialEvents') === 'true';
  if (fromRv !== undefined && !Number.isNaN(fromRv) && !sendInitial) {
    for (const ev of server.history) {
      if (ev.rv <= fromRv) continue;
      if (ev.t.group !== t.group || ev.t.plural !== t.plural) continue;
      if (ns !== undefined && t.namespaced && ev.ns !== ns) continue;
      if (!match(ev.object)) continue;
      server.writeEvent(w, ev.type, server.present(t, ev.object));
    }
  } else {
    for (const o of server.all(t, ns)) if (match(o)) server.writeEvent(w, 'ADDED', server.present(t, o));
    if (sendInitial) {
      server.writeEvent(w, 'BOOKMARK', {
        apiVersion: groupVersionOf(t),
        kind: t.kind,
        metadata: { resourceVersion: String(server.rv), annotations: { 'k8s.io/initial-events-end': 'true' } },
      });
    }
  }
  server.watchers.add(w);
  const timeout = Number(q.get('timeoutSeconds') ?? 0);
  const end = () => {
    server.watchers.delete(w);
    if (w.timer) clearTimeout(w.timer);
    if (!res.writableEnded) res.end();
  };
  w.timer = setTimeout(end, (timeout > 0 ? Math.min(timeout, 1800) : 1800) * 1000);
  req.on('close', end);
  res.on('close', end);
}

// ---------------------------------------------------------------------------------------------------------------

let certCache: { key: string; cert: string } | undefined;

/** A self-signed certificate for 127.0.0.1 (also its own CA), made once per process with openssl. */
function makeCert(): { key: string; cert: string } {
  if (certCache) return certCache;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kube-cert-'));
  const keyPath = path.join(dir, 'server.key');
  const certPath = path.join(dir, 'server.crt');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,digitalSignature,keyCertSign',
        '-addext', 'extendedKeyUsage=serverAuth',
        '-keyout', keyPath, '-out', certPath,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 },
    );
  } catch (e) {
    throw new Error(`fake kube API: making a TLS certificate needs the openssl command (apt-get install -y openssl): ${(e as Error).message}`);
  }
  certCache = { key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8') };
  fs.rmSync(dir, { recursive: true, force: true });
  return certCache;
}

function kubeconfigText(url: string, token: string, caPem?: string): string {
  const ca = caPem ? `\n    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}` : '';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: fake',
    '  cluster:',
    `    server: ${url}${ca}`,
    'users:',
    '- name: fake',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: fake',
    '  context:',
    '    cluster: fake',
    '    user: fake',
    '    namespace: default',
    'current-context: fake',
    '',
  ].join('\n');
}

export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const token = options.token ?? `fake-${randomBytes(16).toString('hex')}`;
  const tls = options.tls ?? true;
  const server = new FakeKubeServer(token, options.autoReady ?? true, tls);
  const nsType = server.registry.byPlural('', 'v1', 'namespaces')!;
  for (const ns of options.namespaces ?? ['default', 'kube-system', 'kube-public']) server.commit(nsType, { metadata: { name: ns } });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kube-'));
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(server, req, res).catch((e) => {
      if (res.headersSent) {
        if (!res.writableEnded) res.end();
        return;
      }
      if (e instanceof HttpError) send(res, e.code, statusBody(e.code, e.reason, e.message, e.details));
      else send(res, 500, statusBody(500, 'InternalError', `fake kube API: ${(e as Error)?.stack ?? e}`));
    });
  };
  let httpServer: http.Server;
  let caPem: string | undefined;
  if (tls) {
    const { key, cert } = makeCert();
    caPem = cert;
    httpServer = https.createServer({ key, cert }, listener);
  } else {
    httpServer = http.createServer(listener);
  }
  httpServer.keepAliveTimeout = 30000;
  const sockets = new Set<Socket>();
  httpServer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const kubeconfigYaml = kubeconfigText(url, token, caPem);
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  fs.writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  fs.chmodSync(kubeconfigPath, 0o600);

  const typeOf = (apiVersion: string, kind: string): ResourceType => {
    const t = server.registry.byApiVersionKind(apiVersion, kind);
    if (!t) throw new Error(`fake kube API: unknown type ${apiVersion} ${kind}`);
    return t;
  };
  let stopped = false;
  return {
    url,
    kubeconfigPath,
    kubeconfigYaml,
    token,
    requests: server.requests,
    get(apiVersion, kind, namespace, name) {
      const t = typeOf(apiVersion, kind);
      const o = server.find(t, namespace, name);
      return o ? server.present(t, o) : undefined;
    },
    list(apiVersion, kind, namespace) {
      const t = typeOf(apiVersion, kind);
      return server.all(t, namespace).map((o) => server.present(t, o));
    },
    put(obj) {
      const t = typeOf(obj?.apiVersion ?? '', obj?.kind ?? '');
      server.commit(t, obj);
    },
    remove(apiVersion, kind, namespace, name) {
      const t = typeOf(apiVersion, kind);
      if (!server.find(t, namespace, name)) return false;
      server.delete(t, namespace, name);
      return true;
    },
    setAutoReady(ready) {
      server.autoReady = ready;
      server.refreshStatuses();
    },
    setPodLog(namespace, pod, container, lines, options = {}) {
      server.logs.set(namespace, pod, container, lines, options.previous ?? false);
    },
    appendPodLog(namespace, pod, container, text, time) {
      server.logs.append(namespace, pod, container, text, time);
    },
    endPodLog(namespace, pod, container) {
      server.logs.end(namespace, pod, container);
    },
    logFollowers() {
      return server.logs.followerCount();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const w of [...server.watchers]) {
        if (w.timer) clearTimeout(w.timer);
        if (!w.res.writableEnded) w.res.end();
      }
      server.watchers.clear();
      server.logs.stopAll();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        for (const s of sockets) s.destroy();
        httpServer.closeAllConnections?.();
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
