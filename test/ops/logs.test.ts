/**
 * component-logs and user-logs through @kubernetes/client-node's Log API against the fake API server's pod `log`
 * subresource: selector table, KubeSpawner escaping, several pods prefixed by name, no pod, previous, tail, since,
 * and a follow that the test ends (and one the container ends).
 */
import { KubeConfig } from '@kubernetes/client-node';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { componentLogs, prefixer, userLogs } from '../../src/shared/ops/logs.js';
import { COMPONENTS, escapeUsername, userSelector } from '../../src/shared/ops/selectors.js';
import { parseDuration } from '../../src/shared/ops/duration.js';
import { MemoryReporter } from '../../src/shared/log.js';

let fake: FakeKube;
let kc: KubeConfig;

function pod(name: string, labels: Record<string, string>, containers: string[], ns = 'staging') {
  fake.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: containers.map((c) => ({ name: c, image: 'img' })) } });
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  fake = await startFakeKube({ namespaces: ['default', 'staging', 'prod'] });
  kc = new KubeConfig();
  kc.loadFromFile(fake.kubeconfigPath);
  pod('hub-aaa', { component: 'hub' }, ['hub', 'sidecar']);
  pod('hub-bbb', { component: 'hub' }, ['hub', 'sidecar']);
  pod('proxy-1', { component: 'proxy' }, ['chp']);
  pod('api-gw', { 'app.kubernetes.io/component': 'gateway' }, ['gateway']);
  pod('jupyter-user-402i2c-2eorg', { 'hub.jupyter.org/username': 'user-402i2c-2eorg', component: 'singleuser-server' }, ['notebook', 'block-cloud-metadata']);
  pod('hub-prod', { component: 'hub' }, ['hub'], 'prod');
  const old = new Date(Date.now() - 3600_000);
  fake.setPodLog('staging', 'hub-aaa', 'hub', [{ text: 'aaa old', time: old }, 'aaa one', 'aaa two', 'aaa three']);
  fake.setPodLog('staging', 'hub-aaa', 'sidecar', ['SIDECAR LINE']);
  fake.setPodLog('staging', 'hub-bbb', 'hub', ['bbb one']);
  fake.setPodLog('staging', 'hub-bbb', 'hub', ['bbb crashed: Traceback'], { previous: true });
  fake.setPodLog('staging', 'proxy-1', 'chp', ['proxy up']);
  fake.setPodLog('staging', 'jupyter-user-402i2c-2eorg', 'notebook', ['server started for user@2i2c.org']);
});
afterAll(async () => {
  await fake?.stop();
});

const collect = () => {
  const lines: string[] = [];
  return { lines, sink: (p: string, l: string) => lines.push(`${p} ${l}`) };
};

describe('selectors', () => {
  it.each([
    ['user@2i2c.org', 'user-402i2c-2eorg'],
    ['alice', 'alice'],
    ['Alice', '-41lice'],
    ['a.b-c_d', 'a-2eb-2dc-5fd'],
    ['jörg', 'j-c3-b6rg'],
    ['0000-0002-1825-0097', '0000-2d0002-2d1825-2d0097'],
  ])('escapes %s as KubeSpawner does: %s', (name, escaped) => {
    expect(escapeUsername(name)).toBe(escaped);
  });
  it('keeps the upstream selector table', () => {
    expect(COMPONENTS.hub).toEqual({ selector: 'component=hub', container: 'hub' });
    expect(COMPONENTS['dask-gateway-traefik'].selector).toBe('app.kubernetes.io/component=traefik');
    expect(userSelector('user@2i2c.org')).toEqual({ selector: 'hub.jupyter.org/username=user-402i2c-2eorg', container: 'notebook' });
  });
  it('parses --since durations and refuses nonsense', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('120')).toBe(120);
    for (const bad of ['10x', '', '0', '-5m', 'm5']) expect(() => parseDuration(bad)).toThrow(/duration like/);
  });
});

describe('component-logs', () => {
  it('reads every hub pod (container hub, not the sidecar), one pod after the other, prefixed by pod name', async () => {
    const c = collect();
    const r = await componentLogs(kc, 'staging', 'hub', {}, c.sink);
    expect(r.pods).toEqual(['hub-aaa', 'hub-bbb']);
    expect(c.lines).toEqual(['hub-aaa aaa old', 'hub-aaa aaa one', 'hub-aaa aaa two', 'hub-aaa aaa three', 'hub-bbb bbb one']);
    expect(c.lines.join('\n')).not.toContain('SIDECAR');
    expect(r.selector).toBe('component=hub');
  });
  it('passes tailLines and sinceSeconds to the API', async () => {
    let c = collect();
    await componentLogs(kc, 'staging', 'hub', { tailLines: 1 }, c.sink);
    expect(c.lines).toEqual(['hub-aaa aaa three', 'hub-bbb bbb one']);
    c = collect();
    await componentLogs(kc, 'staging', 'hub', { sinceSeconds: 600 }, c.sink);
    expect(c.lines).not.toContain('hub-aaa aaa old');
    expect(c.lines).toContain('hub-aaa aaa one');
    const q = fake.requests.filter((x) => x.path.endsWith('/pods/hub-aaa/log')).map((x) => new URLSearchParams(x.query));
    expect(q.some((p) => p.get('tailLines') === '1' && p.get('container') === 'hub')).toBe(true);
    expect(q.some((p) => p.get('sinceSeconds') === '600')).toBe(true);
  });
  it('reads single-container components without naming a container', async () => {
    const c = collect();
    await componentLogs(kc, 'staging', 'proxy', {}, c.sink);
    expect(c.lines).toEqual(['proxy-1 proxy up']);
  });
  it('previous: the pod with a previous instance is read, the other one is a warning, not a failure', async () => {
    const c = collect();
    const reporter = new MemoryReporter();
    const r = await componentLogs(kc, 'staging', 'hub', { previous: true }, c.sink, reporter);
    expect(c.lines).toEqual(['hub-bbb bbb crashed: Traceback']);
    expect(r.failed.map((f) => f.pod)).toEqual(['hub-aaa']);
    expect(reporter.text()).toMatch(/hub-aaa: .*no previous \(terminated\) instance of container hub/);
  });
  it('previous with no pod having one is one clear error', async () => {
    await expect(componentLogs(kc, 'staging', 'proxy', { previous: true }, () => undefined)).rejects.toThrow(/could not read the logs of any pod matching `component=proxy` in namespace staging: proxy-1: it has no previous/);
  });
  it('no matching pod names the selector and the namespace', async () => {
    await expect(componentLogs(kc, 'staging', 'dask-gateway-controller', {}, () => undefined)).rejects.toThrow(
      'no pod matches the selector `app.kubernetes.io/component=controller` in namespace staging',
    );
    await expect(componentLogs(kc, 'nope', 'hub', {}, () => undefined)).rejects.toThrow(/selector `component=hub` in namespace nope/);
  });
  it('an unknown component is a usage error listing the components', async () => {
    await expect(componentLogs(kc, 'staging', 'hubb', {}, () => undefined)).rejects.toThrow(/unknown component `hubb`/);
  });
});

describe('user-logs', () => {
  it('finds the server of user@2i2c.org through the escaped label, container notebook', async () => {
    const c = collect();
    const r = await userLogs(kc, 'staging', 'user@2i2c.org', {}, c.sink);
    expect(c.lines).toEqual(['jupyter-user-402i2c-2eorg server started for user@2i2c.org']);
    expect(r.selector).toBe('hub.jupyter.org/username=user-402i2c-2eorg');
  });
  it('a user without a server: the message names the escaped selector and the namespace', async () => {
    await expect(userLogs(kc, 'staging', 'Bob@x.org', {}, () => undefined)).rejects.toThrow(
      'no pod matches the selector `hub.jupyter.org/username=-42ob-40x-2eorg` in namespace staging',
    );
  });
});

describe('follow', () => {
  it('streams existing and new lines of several pods at once, until the test aborts', async () => {
    const c = collect();
    const ac = new AbortController();
    const run = componentLogs(kc, 'staging', 'hub', { follow: true, tailLines: 1, signal: ac.signal }, c.sink);
    await until(() => fake.logFollowers() === 2, 'two follow streams');
    fake.appendPodLog('staging', 'hub-bbb', 'hub', 'bbb new');
    fake.appendPodLog('staging', 'hub-aaa', 'hub', 'aaa new');
    await until(() => c.lines.length === 4, 'the appended lines');
    ac.abort();
    const r = await run;
    expect(r.pods).toEqual(['hub-aaa', 'hub-bbb']);
    // Pods stream concurrently: each pod's lines in order, the two pods interleaved as they arrive.
    expect(c.lines.filter((l) => l.startsWith('hub-aaa '))).toEqual(['hub-aaa aaa three', 'hub-aaa aaa new']);
    expect(c.lines.filter((l) => l.startsWith('hub-bbb '))).toEqual(['hub-bbb bbb one', 'hub-bbb bbb new']);
    await until(() => fake.logFollowers() === 0, 'the server to see the streams closed');
  });
  it('--tail 0: nothing without follow; with follow only the lines written from now on', async () => {
    let c = collect();
    await componentLogs(kc, 'staging', 'proxy', { tailLines: 0 }, c.sink);
    expect(c.lines).toEqual([]);
    c = collect();
    const ac = new AbortController();
    const run = componentLogs(kc, 'staging', 'proxy', { follow: true, tailLines: 0, signal: ac.signal }, c.sink);
    await until(() => fake.logFollowers() === 1, 'a follow stream');
    fake.appendPodLog('staging', 'proxy-1', 'chp', 'fresh line', new Date(Date.now() + 1000));
    await until(() => c.lines.length > 0, 'the fresh line');
    ac.abort();
    await run;
    expect(c.lines).toEqual(['proxy-1 fresh line']);
  });
  it('ends by itself when the container terminates', async () => {
    pod('prod-proxy', { component: 'proxy' }, ['chp'], 'prod');
    fake.setPodLog('prod', 'prod-proxy', 'chp', ['started']);
    const c = collect();
    const run = componentLogs(kc, 'prod', 'proxy', { follow: true }, c.sink);
    await until(() => fake.logFollowers() === 1, 'a follow stream');
    fake.appendPodLog('prod', 'prod-proxy', 'chp', 'last words');
    fake.endPodLog('prod', 'prod-proxy', 'chp');
    await run;
    expect(c.lines).toEqual(['prod-proxy started', 'prod-proxy last words']);
  });
});

describe('prefixer', () => {
  it('pads pod names to one column', () => {
    const f = prefixer();
    expect(f('hub-a', 'x')).toBe('hub-a | x');
    expect(f('hub-bbbbb', 'y')).toBe('hub-bbbbb | y');
  });
});
