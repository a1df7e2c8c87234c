// The central Grafana's datasources through the library against the fake Grafana: created, updated when the URL or
// user changed, clusters without a Prometheus ingress skipped, a broken cluster failing alone, candidates both ways.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { centralCandidates, removeCentralDatasource, syncCentralDatasources } from '../../src/shared/grafana/datasources.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { startFakeGrafana, type FakeGrafana } from '../harness/grafana-api.js';
import { writeSopsFile } from '../harness/sops.js';
import { env, FAST_CLIENT, makeInfra, promPassword, tokenOf } from './setup.js';

let fake: FakeGrafana;
let root: string;

beforeAll(async () => {
  fake = await startFakeGrafana();
  root = await makeInfra([
    { name: '2i2c' },
    { name: 'a' },
    { name: 'b', authKey: 'prometheusAuthSecret' },
    { name: 'c', prometheus: false },
    { name: 'd' },
  ]);
  // d: Prometheus exposed, but its credentials are missing from the secret values
  await writeSopsFile(path.join(root, 'config/clusters/d/enc-support.secret.values.yaml'), { other: 'CANARY-other-value' });
  const central = fake.instance('2i2c', { token: tokenOf('2i2c') });
  central.addDatasource({ name: 'a', url: 'https://prometheus.old-a.example.org', basicAuth: true, basicAuthUser: 'prom-a' });
  central.addDatasource({ name: 'gone', url: 'https://prometheus.gone.example.org' });
  central.addDatasource({ name: 'bigquery', type: 'grafana-bigquery-datasource' });
});
afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

const opts = (reporter = new MemoryReporter()) => ({ paths: repoPaths({ configRoot: root }), reporter, grafanaUrlTemplate: `${fake.url}/{cluster}`, env: env(), client: FAST_CLIENT });

describe('central datasources', () => {
  it('candidates: clusters to add (with a Prometheus ingress), prometheus datasources naming no cluster', async () => {
    const c = await centralCandidates(opts());
    expect(c.add).toEqual(['2i2c', 'b', 'd']);
    expect(c.remove).toEqual(['gone']);
  });

  it('dry run writes nothing', async () => {
    fake.reset();
    const r = await syncCentralDatasources({ ...opts(), dryRun: true });
    expect(fake.writes()).toEqual([]);
    expect(Object.fromEntries(r.rows.map((x) => [x.cluster, x.action]))).toEqual({ '2i2c': 'created', a: 'updated', b: 'created', c: 'skipped', d: 'failed' });
  });

  it('creates, updates a changed URL, skips no-ingress clusters, fails one without stopping the others', async () => {
    fake.reset();
    const reporter = new MemoryReporter();
    const r = await syncCentralDatasources(opts(reporter));
    const byCluster = Object.fromEntries(r.rows.map((x) => [x.cluster, x]));
    expect(byCluster.a.action).toBe('updated');
    expect(byCluster.a.detail).toMatch(/url https:\/\/prometheus\.old-a\.example\.org -> https:\/\/prometheus\.a\.example\.org/);
    expect(byCluster.b.action).toBe('created');
    expect(byCluster.c.action).toBe('skipped');
    expect(byCluster.d.action).toBe('failed');
    expect(byCluster.d.detail).toMatch(/config\/clusters\/d\/enc-support\.secret\.values\.yaml:1:1: `prometheusIngressAuthSecret\.username` and `prometheusIngressAuthSecret\.password` are not set/);
    expect(r.failed).toEqual(['d']);
    expect(r.removeCandidates).toEqual(['gone']);
    const central = fake.get('2i2c')!;
    const b = central.datasources.find((d) => d.name === 'b')!;
    expect(b).toMatchObject({ type: 'prometheus', access: 'proxy', url: 'https://prometheus.b.example.org', basicAuth: true, basicAuthUser: 'prom-b' });
    expect(b.secureJsonData).toEqual({ basicAuthPassword: promPassword('b') });
    expect(central.datasources.find((d) => d.name === 'a')!.url).toBe('https://prometheus.a.example.org');
    expect(central.datasources.map((d) => d.name)).toContain('gone'); // never removed unless asked
    const text = reporter.text() + JSON.stringify(r);
    for (const s of [promPassword('a'), promPassword('b'), tokenOf('2i2c')]) expect(text).not.toContain(s);
    expect(fake.writes().every((w) => w.auth === 'bearer')).toBe(true);
  });

  it('a second run changes nothing', async () => {
    fake.reset();
    const r = await syncCentralDatasources(opts());
    expect(fake.writes()).toEqual([]);
    expect(r.rows.filter((x) => x.action !== 'failed' && x.action !== 'skipped').every((x) => x.action === 'unchanged')).toBe(true);
  });

  it('a changed user is updated; remove deletes only what is asked', async () => {
    await writeSopsFile(path.join(root, 'config/clusters/a/enc-support.secret.values.yaml'), { prometheusIngressAuthSecret: { username: 'new-user', password: promPassword('a') } });
    const r = await syncCentralDatasources({ ...opts(), clusters: ['a'] });
    expect(r.rows[0]).toMatchObject({ action: 'updated', detail: 'basic-auth user' });
    await removeCentralDatasource({ ...opts(), name: 'gone' });
    expect(fake.get('2i2c')!.datasources.map((d) => d.name).sort()).toEqual(['2i2c', 'a', 'b', 'bigquery']);
    await expect(removeCentralDatasource({ ...opts(), name: 'nope' })).rejects.toThrow(/no datasource named `nope`/);
  });

  it('the central cluster without a token file is a located error', async () => {
    rmSync(path.join(root, 'config/clusters/c/enc-grafana-token.secret.yaml'));
    await expect(syncCentralDatasources({ ...opts(), centralCluster: 'c' })).rejects.toThrow(/the Grafana token file of c does not exist/);
  });
});
