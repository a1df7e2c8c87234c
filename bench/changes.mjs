#!/usr/bin/env node
// bench/changes: the infra-repo-changes component (src/shared/changes) and cilogon-client cleanup.
// - merge: a deep merge into FILES (default 20) existing sops files, then one all-or-nothing apply (each file is
//   decrypted once and encrypted once); against the sops floor: the same number of decryptions and encryptions
//   alone (the test-only sops here is a Node script, many times slower to start than the real Go sops);
// - preflight: what proving sops can store a secret costs before an irreversible step (one encryption);
// - cleanup: `cilogon-client cleanup` over the example repo with CLIENTS (default 100, CILogon's limit) clients in
//   the fake CILogon, half of them duplicates of a hub's name (each such hub's file decrypted once).
// Plain JS; imports the sources and the test harness through Node 24's type stripping (re-running itself with
// test/harness/ts-hooks.mjs). Measures, asserts nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(root, 'test/harness/ts-hooks.mjs')];
if (!process.env.CHANGES_BENCH_CHILD) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHANGES_BENCH_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

const { ChangeSet } = await import('../src/shared/changes/index.ts');
const { silentReporter } = await import('../src/shared/log.ts');
const { readDecrypted } = await import('../src/shared/secrets/index.ts');
const { cleanupClients } = await import('../src/shared/cilogon/index.ts');
const { repoPaths } = await import('../src/shared/repo/index.ts');
const { writeSopsFile, sopsEnv, testAgeRecipient } = await import('../test/harness/sops.ts');
const { startFakeCilogon } = await import('../test/harness/cilogon-api.ts');

const FILES = Number(process.env.FILES ?? 20);
const CLIENTS = Number(process.env.CLIENTS ?? 100);
const env = sopsEnv();
const rows = [];
const time = async (name, what, fn) => {
  const t0 = performance.now();
  const extra = await fn();
  rows.push([name, what, `${((performance.now() - t0) / 1000).toFixed(2)} s`, extra ?? '']);
};

const repo = mkdtempSync(path.join(os.tmpdir(), 'bench-changes-'));
try {
  writeFileSync(path.join(repo, '.sops.yaml'), `creation_rules:\n  - path_regex: .*secret.*\n    age: ${testAgeRecipient()}\n`);
  mkdirSync(path.join(repo, 'config/clusters/c'), { recursive: true });
  const files = Array.from({ length: FILES }, (_, i) => `config/clusters/c/enc-hub${i}.secret.values.yaml`);
  for (const f of files) {
    await writeSopsFile(path.join(repo, f), { jupyterhub: { hub: { config: { GitHubOAuthenticator: { client_id: `id-${f}`, client_secret: `secret-${f}` } }, services: { a: { apiToken: 'x'.repeat(32) } } }, proxy: { secretToken: 'y'.repeat(64) } } });
  }
  await time('sops floor', `${FILES} decryptions`, async () => {
    for (const f of files) await readDecrypted(path.join(repo, f), { reporter: silentReporter, env });
  });
  await time('merge', `${FILES} files: decrypt, deep merge, encrypt, apply`, async () => {
    const cs = new ChangeSet({ root: repo, reporter: silentReporter, sopsEnv: env });
    for (const f of files) await cs.mergeEncrypted(f, { jupyterhub: { hub: { config: { CILogonOAuthenticator: { client_id: 'cid', client_secret: 'csecret' } } } } });
    const changes = await cs.apply();
    return `${changes.length} files changed`;
  });
  await time('preflight', '1 file: encryption without writing', async () => {
    const cs = new ChangeSet({ root: repo, reporter: silentReporter, sopsEnv: env });
    await cs.mergeEncrypted(files[0], { extra: { k: 'v-value' } });
    await cs.preflight();
  });
} finally {
  rmSync(repo, { recursive: true, force: true });
}

const infra = mkdtempSync(path.join(os.tmpdir(), 'bench-cilogon-'));
const fake = await startFakeCilogon({ adminId: 'cilogon:/client_id/CANARY-cilogon-admin-client-id', adminSecret: 'CANARY-cilogon-admin-client-secret', limit: CLIENTS });
try {
  cpSync(path.join(root, 'examples/infrastructure'), infra, { recursive: true });
  const hubs = ['gcp-demo-staging', 'gcp-demo-prod', 'gcp-demo-dask-staging', 'gcp-demo-dask-prod', 'aws-demo-staging', 'aws-demo-research', 'kubeconfig-demo-staging', 'kubeconfig-demo-prod', 'kubeconfig-demo-workshop'];
  for (let i = 0; i < CLIENTS; i++) fake.addClient(i % 2 ? hubs[i % hubs.length] : `gone-${i}`);
  await time('cleanup', `${CLIENTS} clients, ${hubs.length} hubs, listing only`, async () => {
    const r = await cleanupClients({ paths: repoPaths({ configRoot: infra }), reporter: silentReporter, sopsEnv: env, apiUrl: fake.url }, { remove: false });
    return `${r.findings.length} findings, ${fake.requests.length} requests`;
  });
} finally {
  await fake.stop();
  rmSync(infra, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['step', 'what', 'wall', 'result'], ...rows].map((r) => String(r[i]).length)));
for (const r of [['step', 'what', 'wall', 'result'], ...rows]) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
