// The Grafana HTTP client against the fake: auth headers, every page of the service-account search, retries (429
// with Retry-After, 5xx on idempotent requests only), and errors that name method, path and status with a hint and
// never carry the credential.
import { GrafanaClient } from '../../src/shared/grafana/client.js';
import { redact } from '../../src/shared/redact.js';
import { startFakeGrafana, type FakeGrafana } from '../harness/grafana-api.js';

let fake: FakeGrafana;
const TOKEN = 'CANARY-client-token-5678';
const PASSWORD = 'CANARY-client-admin-pw';

beforeAll(async () => {
  fake = await startFakeGrafana();
  fake.instance('g', { token: TOKEN, adminPassword: PASSWORD });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const bearer = (token = TOKEN) => new GrafanaClient({ url: `${fake.url}/g`, auth: { kind: 'bearer', token }, backoffMs: 5, label: 'g' });
const basic = (password = PASSWORD) => new GrafanaClient({ url: `${fake.url}/g/`, auth: { kind: 'basic', user: 'admin', password }, backoffMs: 5 });

describe('GrafanaClient', () => {
  it('sends Bearer and Basic credentials the fake accepts, and JSON bodies', async () => {
    await bearer().createFolder('f1', 'Folder one');
    expect((await basic().getFolder('f1'))?.title).toBe('Folder one');
    expect(await bearer().getFolder('nope')).toBeUndefined();
    expect(fake.requests.map((r) => r.auth)).toEqual(['bearer', 'basic', 'bearer']);
  });

  it('reads every page of the service-account search', async () => {
    const inst = fake.get('g')!;
    for (let i = 0; i < 27; i++) inst.addServiceAccount(`sa-${i}`);
    const all = await basic().searchServiceAccounts();
    expect(all).toHaveLength(27);
    expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
  });

  it('retries 500 on a GET and 429 on a create, but never a 500 on a create', async () => {
    fake.failNext({ status: 500, method: 'GET', count: 2 });
    expect(await bearer().listDatasources()).toEqual([]);
    fake.failNext({ status: 429, method: 'POST' });
    await bearer().createFolder('f2', 'Two');
    fake.failNext({ status: 500, method: 'POST', pathPrefix: '/api/folders' });
    const e = (await bearer()
      .createFolder('f3', 'Three')
      .catch((x) => x)) as Error & { hint?: string };
    expect(e.message).toBe('Grafana API POST /api/folders (g) answered 500: Internal Server Error');
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/folders')).toHaveLength(3); // f2 twice, f3 once
  });

  it('a persistent failure gives up after the attempts, naming method, path and status', async () => {
    fake.failNext({ status: 503, count: 10 });
    const e = (await bearer()
      .getDashboard('abc')
      .catch((x) => x)) as Error & { hint?: string };
    expect(e.message).toMatch(/^Grafana API GET \/api\/dashboards\/uid\/abc \(g\) answered 503/);
    expect(fake.requests).toHaveLength(4);
  });

  it.each([
    [401, /new-token/],
    [403, /Admin role/],
    [404, /does not exist/],
    [412, /version mismatch/],
  ])('a told-to %d has a hint', async (status, hint) => {
    fake.failNext({ status, method: 'POST' });
    const e = (await bearer()
      .saveDashboard({ title: 't', uid: 'u' }, 'f1', 'm')
      .catch((x) => x)) as Error & { hint?: string };
    expect(e.message).toMatch(new RegExp(`^Grafana API POST /api/dashboards/db \\(g\\) answered ${status}`));
    expect(e.hint).toMatch(hint);
  });

  it('a refused credential never appears in the error, and is registered as a secret', async () => {
    const e = (await bearer('CANARY-wrong-token-0000')
      .listDatasources()
      .catch((x) => x)) as Error;
    expect(e.message).toMatch(/answered 401: Invalid API key/);
    expect(e.message).not.toContain('CANARY-wrong-token-0000');
    expect(redact('x CANARY-wrong-token-0000 y')).toBe('x *** y');
    basic('CANARY-some-password');
    expect(redact(Buffer.from('admin:CANARY-some-password').toString('base64'))).toBe('***');
  });

  it('an unreachable Grafana is a clear error after retries', async () => {
    const c = new GrafanaClient({ url: 'http://127.0.0.1:9', auth: { kind: 'bearer', token: TOKEN }, backoffMs: 1, attempts: 2 });
    await expect(c.listDatasources()).rejects.toThrow(/^Grafana API GET \/api\/datasources failed: /);
  });
});
