/**
 * The fake API server's HTTP semantics (the parts helm/kubectl rely on) and its building blocks: patches,
 * selectors, the protobuf decoder, server-side apply. Plain http mode, so fetch needs no CA.
 */
import { gzipSync } from 'node:zlib';
import { jsonPatch, mergePatch, strategicMerge } from '../harness/kube-api/patch.js';
import { decodeKubeProtobuf, encodeSecretProtobuf } from '../harness/kube-api/protobuf.js';
import { parseFieldSelector, parseLabelSelector } from '../harness/kube-api/selectors.js';
import { serverSideApply } from '../harness/kube-api/ssa.js';
import { readRelease, setReleaseStatus, startFakeKube, type FakeKube } from '../harness/kube-api/index.js';

describe('building blocks', () => {
  test('label selectors as helm and kubectl send them', () => {
    const sel = parseLabelSelector('owner=helm,name=x,status!=superseded');
    expect(sel({ owner: 'helm', name: 'x', status: 'deployed' })).toBe(true);
    expect(sel({ owner: 'helm', name: 'x', status: 'superseded' })).toBe(false);
    expect(sel({ owner: 'helm', name: 'y', status: 'deployed' })).toBe(false);
    expect(parseLabelSelector('env in (a, b),!gone,tier')({ env: 'b', tier: '' })).toBe(true);
    expect(parseLabelSelector('env in (a, b)')({ env: 'c' })).toBe(false);
    expect(parseLabelSelector('env notin (a)')({})).toBe(true);
    expect(parseLabelSelector('a==1')({ a: '1' })).toBe(true);
    expect(() => parseLabelSelector('a in b')).toThrow(/unable to parse/);
    const f = parseFieldSelector('metadata.name=hub,status.phase!=Failed');
    expect(f({ metadata: { name: 'hub' }, status: { phase: 'Running' } })).toBe(true);
    expect(f({ metadata: { name: 'hub' }, status: { phase: 'Failed' } })).toBe(false);
  });

  test('strategic merge patch merges containers, env and ports by key and honours directives', () => {
    const orig = {
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80 }] },
              { name: 'b', image: 'b:1' },
            ],
            tolerations: [{ key: 'k1' }],
          },
        },
      },
      metadata: { labels: { keep: 'yes', drop: 'yes' }, finalizers: ['f1'] },
    };
    const out = strategicMerge(orig, {
      metadata: { labels: { drop: null }, finalizers: ['f2'] },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
            containers: [
              { name: 'a', image: 'a:2', env: [{ name: 'Y', $patch: 'delete' }, { name: 'Z', value: '3' }], ports: [{ containerPort: 8080 }] },
              { name: 'c', image: 'c:1' },
            ],
            tolerations: [{ key: 'k2' }],
          },
        },
      },
    });
    expect(out.metadata.labels).toEqual({ keep: 'yes' });
    expect(out.metadata.finalizers).toEqual(['f1', 'f2']);
    const cs = out.spec.template.spec.containers;
    expect(cs.map((c: any) => c.name)).toEqual(['b', 'a', 'c']);
    const a = cs.find((c: any) => c.name === 'a');
    expect(a.image).toBe('a:2');
    expect(a.env).toEqual([{ name: 'X', value: '1' }, { name: 'Z', value: '3' }]);
    expect(a.ports).toEqual([{ containerPort: 80 }, { containerPort: 8080 }]);
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'k2' }]); // no merge key: replaced
    expect(strategicMerge({ a: { b: 1, c: 2 } }, { a: { $patch: 'replace', d: 3 } })).toEqual({ a: { d: 3 } });
    expect(strategicMerge({ s: { type: 'X', rollingUpdate: { m: 1 } } }, { s: { $retainKeys: ['type'], type: 'Recreate' } })).toEqual({
      s: { type: 'Recreate' },
    });
    expect(strategicMerge({ l: ['a', 'b'] }, { '$deleteFromPrimitiveList/l': ['a'] })).toEqual({ l: ['b'] });
  });

  test('JSON merge patch and JSON patch', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: null, b: { c: 5 }, e: [1] })).toEqual({ b: { c: 5, d: 3 }, e: [1] });
    const doc = { metadata: { labels: { 'a/b': 'x' } }, list: [1, 2] };
    expect(
      jsonPatch(doc, [
        { op: 'replace', path: '/metadata/labels/a~1b', value: 'y' },
        { op: 'add', path: '/list/-', value: 3 },
        { op: 'remove', path: '/list/0' },
        { op: 'copy', from: '/list', path: '/copy' },
        { op: 'test', path: '/copy/0', value: 2 },
      ]),
    ).toEqual({ metadata: { labels: { 'a/b': 'y' } }, list: [2, 3], copy: [2, 3] });
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/list/0', value: 9 }])).toThrow(/test failed/);
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }])).toThrow(/not found/);
  });

  test('protobuf: decodes a Secret laid out like client-go sends it', () => {
    const body = encodeSecretProtobuf({
      metadata: { name: 'sh.helm.release.v1.x.v1', namespace: 'ns', labels: { owner: 'helm', status: 'deployed' } },
      data: { release: Buffer.from('H4sI-binary\u0000\u00ff') },
      type: 'helm.sh/release.v1',
    });
    const obj = decodeKubeProtobuf(body);
    expect(obj).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: expect.objectContaining({ name: 'sh.helm.release.v1.x.v1', namespace: 'ns', labels: { owner: 'helm', status: 'deployed' } }),
      data: { release: Buffer.from('H4sI-binary\u0000\u00ff').toString('base64') },
      type: 'helm.sh/release.v1',
    });
    expect(() => decodeKubeProtobuf(Buffer.from('{"kind":"Secret"}'))).toThrow(/k8s/);
  });

  test('server-side apply removes what the manager stopped sending and keeps what others set', () => {
    const first = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: '1', b: '2' } }, data: { x: '1', y: '2' } };
    const created = serverSideApply({}, first, undefined);
    const live = { ...created.result, metadata: { ...created.result.metadata, annotations: { other: 'kept' }, uid: 'u' } };
    const second = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: '1' } }, data: { x: '9' } };
    const { result } = serverSideApply(live, second, created.owned);
    expect(result.data).toEqual({ x: '9' });
    expect(result.metadata).toEqual({ name: 'c', labels: { a: '1' }, annotations: { other: 'kept' }, uid: 'u' });
  });
});

describe('HTTP semantics', () => {
  let fake: FakeKube;
  let auth: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeKube({ tls: false, token: 'tok-123' });
    auth = { Authorization: 'Bearer tok-123' };
  });
  afterAll(async () => {
    await fake?.stop();
  });

  const call = async (method: string, p: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(fake.url + p, {
      method,
      headers: { ...auth, ...(body !== undefined ? { 'Content-Type': contentType } : {}) },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  test('version, discovery and auth', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call('GET', '/version')).body.gitVersion).toMatch(/^v1\.\d+/);
    const core = (await call('GET', '/api/v1')).body;
    expect(core.kind).toBe('APIResourceList');
    expect(core.resources.find((r: any) => r.name === 'namespaces')).toMatchObject({ namespaced: false, kind: 'Namespace' });
    expect(core.resources.find((r: any) => r.name === 'secrets')).toMatchObject({ namespaced: true, kind: 'Secret', verbs: expect.arrayContaining(['watch', 'patch']) });
    const groups = (await call('GET', '/apis')).body.groups.map((g: any) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'policy', 'apiextensions.k8s.io']));
    const apps = (await call('GET', '/apis/apps/v1')).body;
    expect(apps.resources.find((r: any) => r.name === 'deployments')).toMatchObject({ namespaced: true, kind: 'Deployment' });
    const bad = await fetch(fake.url + '/api/v1/namespaces', { headers: { Authorization: 'Bearer wrong' } });
    expect(bad.status).toBe(401);
    expect((await call('GET', '/apis/nope.example/v1')).status).toBe(404);
  });

  test('create, conflict, get, typed list with selectors, update with stale resourceVersion, delete', async () => {
    expect((await call('POST', '/api/v1/namespaces', { metadata: { name: 'web' } })).status).toBe(201);
    const missingNs = await call('POST', '/api/v1/namespaces/ghost/configmaps', { metadata: { name: 'c' } });
    expect(missingNs).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'namespaces "ghost" not found' } });

    const created = await call('POST', '/api/v1/namespaces/web/secrets', { metadata: { name: 's1', labels: { owner: 'helm', status: 'deployed' } }, stringData: { k: 'v' } });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ k: Buffer.from('v').toString('base64') });
    expect(created.body.metadata).toMatchObject({ namespace: 'web', uid: expect.any(String), resourceVersion: expect.any(String), creationTimestamp: expect.any(String) });
    await call('POST', '/api/v1/namespaces/web/secrets', { metadata: { name: 's2', labels: { owner: 'helm', status: 'superseded' } } });
    const dup = await call('POST', '/api/v1/namespaces/web/secrets', { metadata: { name: 's1' } });
    expect(dup).toMatchObject({ status: 409, body: { reason: 'AlreadyExists' } });

    const list = await call('GET', '/api/v1/namespaces/web/secrets?labelSelector=' + encodeURIComponent('owner=helm,status!=superseded'));
    expect(list.body.kind).toBe('SecretList');
    expect(list.body.items.map((i: any) => i.metadata.name)).toEqual(['s1']);
    const all = await call('GET', '/api/v1/secrets?fieldSelector=metadata.name%3Ds2');
    expect(all.body.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['web/s2']);

    const missing = await call('GET', '/api/v1/namespaces/web/secrets/none');
    expect(missing).toMatchObject({ status: 404, body: { kind: 'Status', reason: 'NotFound', message: 'secrets "none" not found', details: { name: 'none', kind: 'secrets' } } });

    const stale = { ...created.body, data: { k: 'eA==' } };
    expect((await call('PUT', '/api/v1/namespaces/web/secrets/s1', stale)).status).toBe(200);
    expect((await call('PUT', '/api/v1/namespaces/web/secrets/s1', stale)).body.reason).toBe('Conflict');

    expect((await call('DELETE', '/api/v1/namespaces/web/secrets/s1')).status).toBe(200);
    expect(fake.get('v1', 'Secret', 'web', 's1')).toBeUndefined();
    expect((await call('DELETE', '/api/v1/namespaces/web/secrets/s1')).status).toBe(404);
  });

  test('a protobuf Secret POST is stored as JSON', async () => {
    const body = encodeSecretProtobuf({ metadata: { name: 'pb', namespace: 'default', labels: { owner: 'helm' } }, data: { k: Buffer.from([0, 1, 2]) } });
    const r = await call('POST', '/api/v1/namespaces/default/secrets', body, 'application/vnd.kubernetes.protobuf');
    expect(r.status).toBe(201);
    expect(fake.get('v1', 'Secret', 'default', 'pb')).toMatchObject({ metadata: { labels: { owner: 'helm' } }, data: { k: 'AAEC' }, type: 'Opaque' });
  });

  test('patch flavours, cluster-scoped objects, generation and status of a Deployment', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } } },
    };
    const created = (await call('POST', '/apis/apps/v1/namespaces/default/deployments', dep)).body;
    expect(created.spec.replicas).toBe(1); // defaulted, as helm's readiness check dereferences it
    expect(created.metadata.generation).toBe(1);
    expect(created.status).toMatchObject({ observedGeneration: 1, readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 });
    expect(created.status.conditions.find((c: any) => c.type === 'Progressing').reason).toBe('NewReplicaSetAvailable');
    const [rs] = fake.list('apps/v1', 'ReplicaSet', 'default');
    expect(rs.metadata.labels['pod-template-hash']).toBeTruthy();
    expect(rs.metadata.ownerReferences[0].uid).toBe(created.metadata.uid);

    const smp = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/d', { spec: { template: { spec: { containers: [{ name: 'c', image: 'i:2' }] } } } }, 'application/strategic-merge-patch+json');
    expect(smp.body.spec.template.spec.containers).toEqual([{ name: 'c', image: 'i:2' }]);
    expect(smp.body.metadata.generation).toBe(2);
    expect(smp.body.status.observedGeneration).toBe(2);
    expect(fake.list('apps/v1', 'ReplicaSet', 'default').map((r) => r.spec.replicas).sort()).toEqual([0, 1]);
    // the pods follow the new ReplicaSet
    const current = fake.list('apps/v1', 'ReplicaSet', 'default').find((r) => r.spec.replicas === 1);
    const pods = fake.list('v1', 'Pod', 'default');
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.ownerReferences[0].uid).toBe(current.metadata.uid);
    expect(pods[0].spec.containers[0].image).toBe('i:2');
    expect(pods[0].status).toMatchObject({ phase: 'Running', conditions: expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'True' })]) });

    const labelOnly = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/d', { metadata: { labels: { x: 'y' } } }, 'application/merge-patch+json');
    expect(labelOnly.body.metadata.generation).toBe(2); // metadata changes do not bump generation
    const jp = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/d', [{ op: 'replace', path: '/spec/replicas', value: 4 }], 'application/json-patch+json');
    expect(jp.body.spec.replicas).toBe(4);
    expect(fake.list('v1', 'Pod', 'default')).toHaveLength(4);
    expect((await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/d', { a: 1 }, 'text/plain')).status).toBe(415);

    // server-side apply creates, then updates
    const cr = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] };
    const applied = await call('PATCH', '/apis/rbac.authorization.k8s.io/v1/clusterroles/reader?fieldManager=t&force=true', cr, 'application/apply-patch+yaml');
    expect(applied.status).toBe(201);
    expect(applied.body.metadata.namespace).toBeUndefined();
    const again = await call('PATCH', '/apis/rbac.authorization.k8s.io/v1/clusterroles/reader?fieldManager=t', { ...cr, rules: [] }, 'application/apply-patch+yaml');
    expect(again.body.rules).toEqual([]);
    expect(fake.get('rbac.authorization.k8s.io/v1', 'ClusterRole', undefined, 'reader').rules).toEqual([]);

    // dry run stores nothing
    await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', { metadata: { name: 'dry' } });
    expect(fake.get('v1', 'ConfigMap', 'default', 'dry')).toBeUndefined();

    // deleting a namespace deletes what is in it
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'gone' } });
    await call('POST', '/api/v1/namespaces/gone/configmaps', { metadata: { name: 'c' } });
    await call('DELETE', '/api/v1/namespaces/gone');
    expect(fake.list('v1', 'ConfigMap', 'gone')).toEqual([]);
  });

  test('a watch sends current objects, then changes, and ends at timeoutSeconds', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'w1', labels: { w: 'yes' } } });
    const res = await fetch(fake.url + '/api/v1/namespaces/default/configmaps?watch=1&labelSelector=w%3Dyes&timeoutSeconds=5', { headers: auth });
    const reader = res.body!.getReader();
    let buf = '';
    const events: any[] = [];
    const next = async () => {
      while (!buf.includes('\n')) {
        const { value, done } = await reader.read();
        if (done) return undefined;
        buf += Buffer.from(value).toString('utf8');
      }
      const i = buf.indexOf('\n');
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      events.push(JSON.parse(line));
      return events[events.length - 1];
    };
    expect(await next()).toMatchObject({ type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'w1' } } });
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'other' } }); // not selected
    await call('PATCH', '/api/v1/namespaces/default/configmaps/w1', { data: { a: 'b' } }, 'application/merge-patch+json');
    expect(await next()).toMatchObject({ type: 'MODIFIED', object: { data: { a: 'b' } } });
    await call('DELETE', '/api/v1/namespaces/default/configmaps/w1');
    expect(await next()).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'w1' } } });
    await reader.cancel();

    // resuming from a resourceVersion replays what happened after it
    const rv = (await call('GET', '/api/v1/namespaces/default/configmaps')).body.metadata.resourceVersion;
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'w2' } });
    const res2 = await fetch(`${fake.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}&timeoutSeconds=1`, { headers: auth });
    const text = await res2.text(); // the server ends the stream after timeoutSeconds
    expect(text.trim().split('\n').map((l) => JSON.parse(l)).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w2']);
  });

  test('setReleaseStatus rewrites label and encoded release', async () => {
    const rel = { name: 'r', version: 1, namespace: 'default', info: { status: 'deployed' }, config: { a: 1 } };
    const helmEncoded = gzipSync(Buffer.from(JSON.stringify(rel))).toString('base64');
    fake.put({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'sh.helm.release.v1.r.v1', namespace: 'default', labels: { owner: 'helm', name: 'r', status: 'deployed', version: '1' } },
      type: 'helm.sh/release.v1',
      data: { release: Buffer.from(helmEncoded).toString('base64') },
    });
    setReleaseStatus(fake, 'default', 'r', 1, 'pending-upgrade');
    expect(fake.get('v1', 'Secret', 'default', 'sh.helm.release.v1.r.v1').metadata.labels.status).toBe('pending-upgrade');
    expect(readRelease(fake, 'default', 'r', 1)).toMatchObject({ info: { status: 'pending-upgrade' }, config: { a: 1 } });
    expect(() => setReleaseStatus(fake, 'default', 'r', 7, 'failed')).toThrow(/no release secret/);
  });
});
