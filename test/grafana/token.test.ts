// grafana new-token through the library against the fake Grafana: the service account is found across every page
// (or created), an expired token replaced, a valid one only with replace; the new token lands sops-encrypted in
// enc-grafana-token.secret.yaml (through src/shared/changes) and its plaintext never exists under the repo tree,
// checked by a watcher that reads every file the run touches.
import { readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { MemoryReporter } from '../../src/shared/log.js';
import { newGrafanaToken } from '../../src/shared/grafana/token.js';
import { storeTokenFile } from '../../src/shared/grafana/token-file.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { startFakeGrafana, type FakeGrafana } from '../harness/grafana-api.js';
import { decryptSopsVerified, writeSopsFile } from '../harness/sops.js';
import { ADMIN_PASSWORD, env, FAST_CLIENT, makeInfra } from './setup.js';

let fake: FakeGrafana;
let root: string;
const NAMES = ['none', 'paged', 'notoken', 'expired', 'valid', 'valid2', 'badpw'];

beforeAll(async () => {
  fake = await startFakeGrafana();
  root = await makeInfra(NAMES.map((name) => ({ name, tokenFile: false })));
  for (const n of NAMES) fake.instance(n, { adminPassword: n === 'badpw' ? 'CANARY-other-password' : ADMIN_PASSWORD });
});
afterAll(async () => {
  await fake.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Watch the repo tree; every file created or changed during `fn` is read and checked for any of the fake's keys. */
async function watched<T>(fn: () => Promise<T>): Promise<{ value: T; leaks: string[] }> {
  const leaks: string[] = [];
  const secrets = () => NAMES.flatMap((n) => fake.get(n)!.tokens.map((t) => t.key));
  const check = (file: string) => {
    try {
      if (!statSync(file).isFile()) return;
      const text = readFileSync(file, 'utf8');
      for (const s of secrets()) if (text.includes(s)) leaks.push(path.relative(root, file));
    } catch {
      /* gone already: a rename source */
    }
  };
  const scan = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) scan(p);
      else check(p);
    }
  };
  const w: FSWatcher = watch(root, { recursive: true }, (_ev, name) => name && check(path.join(root, name.toString())));
  const poll = setInterval(() => scan(root), 2);
  try {
    const value = await fn();
    scan(root);
    return { value, leaks };
  } finally {
    clearInterval(poll);
    w.close();
  }
}

function run(cluster: string, reporter = new MemoryReporter(), replace = false) {
  const paths = repoPaths({ configRoot: root });
  return newGrafanaToken({
    paths,
    reporter,
    cluster,
    replace,
    grafanaUrlTemplate: `${fake.url}/{cluster}`,
    env: env(),
    client: FAST_CLIENT,
    store: (c, token) => storeTokenFile({ paths, cluster: c, token, reporter, env: env() }),
  });
}

async function tokenInFile(cluster: string): Promise<string> {
  const text = readFileSync(path.join(root, 'config/clusters', cluster, 'enc-grafana-token.secret.yaml'), 'utf8');
  expect(text).toMatch(/^sops:/m);
  return (await decryptSopsVerified(text, 'yaml')).grafana_token as string;
}

describe('grafana new-token', () => {
  it('no service account: creates it and a token, written encrypted, never in plaintext under the tree', async () => {
    const reporter = new MemoryReporter();
    const { value: r, leaks } = await watched(() => run('none', reporter));
    const inst = fake.get('none')!;
    expect(r.serviceAccountCreated).toBe(true);
    expect(r.action).toBe('created');
    expect(inst.serviceAccounts.map((s) => [s.name, s.role])).toEqual([['deployer', 'Admin']]);
    const key = inst.tokens[0].key;
    expect(await tokenInFile('none')).toBe(key);
    expect(leaks).toEqual([]);
    expect(r.changes).toEqual([{ path: 'config/clusters/none/enc-grafana-token.secret.yaml', action: 'created', encrypted: true, keys: ['grafana_token'] }]);
    expect(JSON.stringify(r) + reporter.text()).not.toContain(key);
    expect(reporter.text()).not.toContain(ADMIN_PASSWORD);
    expect(fake.requests.filter((q) => q.instance === 'none').every((q) => q.auth === 'basic')).toBe(true);
  });

  it('finds the account on page 3 (10 per page) instead of creating a duplicate', async () => {
    const inst = fake.get('paged')!;
    for (let i = 0; i < 23; i++) inst.addServiceAccount(`other-${i}`);
    inst.addServiceAccount('deployer', 'Admin');
    inst.addServiceAccount('deployer-old', 'Admin');
    const r = await run('paged');
    expect(r.serviceAccountCreated).toBe(false);
    expect(inst.serviceAccounts.filter((s) => s.name === 'deployer')).toHaveLength(1);
    const pages = fake.requests.filter((q) => q.instance === 'paged' && q.path === '/api/serviceaccounts/search').map((q) => q.query.page);
    expect(pages).toEqual(['1', '2', '3']);
    expect(await tokenInFile('paged')).toBe(inst.tokens.find((t) => t.name === 'deployer')!.key);
  });

  it('an account without a token gets one', async () => {
    const inst = fake.get('notoken')!;
    inst.addServiceAccount('deployer', 'Admin');
    const r = await run('notoken');
    expect(r.action).toBe('created');
    expect(inst.tokens).toHaveLength(1);
  });

  it('an expired token is replaced without --replace', async () => {
    const inst = fake.get('expired')!;
    const sa = inst.addServiceAccount('deployer', 'Admin');
    const old = inst.addToken(sa.id, 'deployer', true);
    const reporter = new MemoryReporter();
    const r = await run('expired', reporter);
    expect(r.action).toBe('replaced-expired');
    expect(inst.tokens.map((t) => t.key)).not.toContain(old);
    expect(inst.tokens).toHaveLength(1);
    expect(await tokenInFile('expired')).toBe(inst.tokens[0].key);
    expect(reporter.text()).toMatch(/has expired/);
  });

  it('a valid token is kept without --replace (nothing written), replaced with it', async () => {
    const inst = fake.get('valid')!;
    const sa = inst.addServiceAccount('deployer', 'Admin');
    const old = inst.addToken(sa.id, 'deployer');
    await writeSopsFile(path.join(root, 'config/clusters/valid/enc-grafana-token.secret.yaml'), { grafana_token: old });
    fake.reset();
    const kept = await run('valid');
    expect(kept.action).toBe('kept');
    expect(kept.changes).toEqual([]);
    expect(fake.writes('valid')).toEqual([]);
    expect(inst.tokens.map((t) => t.key)).toEqual([old]);
    const { value: r, leaks } = await watched(() => run('valid', new MemoryReporter(), true));
    expect(r.action).toBe('replaced');
    expect(inst.tokens).toHaveLength(1);
    expect(inst.tokens[0].key).not.toBe(old);
    expect(await tokenInFile('valid')).toBe(inst.tokens[0].key);
    expect(leaks).toEqual([]);
    expect(fake.writes('valid').map((w) => `${w.method} ${w.path.replace(/\d+/g, 'N')}`)).toEqual(['DELETE /api/serviceaccounts/N/tokens/N', 'POST /api/serviceaccounts/N/tokens']);
  });

  it('a valid token whose token file is missing is replaced (its key cannot be read back from Grafana)', async () => {
    const inst = fake.get('notoken')!;
    const before = inst.tokens.map((t) => t.key);
    rmSync(path.join(root, 'config/clusters/notoken/enc-grafana-token.secret.yaml'));
    const reporter = new MemoryReporter();
    const r = await run('notoken', reporter);
    expect(r.action).toBe('replaced');
    expect(reporter.text()).toMatch(/does not: replacing the token/);
    expect(inst.tokens.map((t) => t.key)).not.toEqual(before);
    expect(await tokenInFile('notoken')).toBe(inst.tokens[0].key);
  });

  it('an existing token file is replaced in place (updated), and the new token works as a Bearer token', async () => {
    const inst = fake.get('valid2')!;
    await run('valid2');
    const r = await run('valid2', new MemoryReporter(), true);
    expect(r.changes.map((c) => c.action)).toEqual(['updated']);
    const key = await tokenInFile('valid2');
    const res = await fetch(`${inst.url}/api/datasources`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });

  it('the watcher is not blind: a store that leaves plaintext in the tree for a moment is caught', async () => {
    const paths = repoPaths({ configRoot: root });
    const reporter = new MemoryReporter();
    const { leaks } = await watched(() =>
      newGrafanaToken({
        paths,
        reporter,
        cluster: 'valid2',
        replace: true,
        grafanaUrlTemplate: `${fake.url}/{cluster}`,
        env: env(),
        client: FAST_CLIENT,
        store: async (c, token) => {
          // what upstream did: plaintext into the tree, then `sops --encrypt --in-place`
          const file = path.join(c.dir, 'enc-grafana-token.secret.yaml');
          writeFileSync(file, `grafana_token: ${token}`);
          await new Promise((r) => setTimeout(r, 50));
          return storeTokenFile({ paths, cluster: c, token, reporter, env: env() });
        },
      }),
    );
    expect(leaks).toContain('config/clusters/valid2/enc-grafana-token.secret.yaml');
  });

  it('a wrong admin password is a 401 naming the request, never the password', async () => {
    const reporter = new MemoryReporter();
    const e = await run('badpw', reporter).catch((x) => x as Error);
    expect((e as Error).message).toMatch(/Grafana API GET \/api\/serviceaccounts\/search\?perpage=10&page=1 \(badpw\) answered 401/);
    expect((e as Error).message + reporter.text()).not.toContain(ADMIN_PASSWORD);
  });
});
