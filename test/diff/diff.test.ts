/**
 * deployer diff on a git repository made from examples/infrastructure with real commits, rendered with real helm:
 * exactly the changed lines of the right objects, chart changes on every hub of the chart, no-op changes unchanged
 * (and skipped), secret files by key only, Secret data never shown, failed renders located without hiding the rest,
 * removed hubs reported.
 */
import path from 'node:path';
import { diffChange, diffMarkdown, diffText, skipUnchanged, type DiffResult } from '../../src/shared/diff/api.js';
import { writeSopsFile } from '../harness/sops.js';
import { exampleGitRepo, type GitRepo } from './repo.js';

let repo: GitRepo;
let base: string;
beforeAll(() => {
  repo = exampleGitRepo();
  base = repo.git('rev-parse', 'HEAD');
});
afterAll(() => repo?.cleanup());

/** Run the diff from the base commit to a new commit holding the edits `change` makes (then go back). */
async function diffOf(change: () => void | Promise<void>, only?: { cluster: string; hubs: string[] }, labels: string[] = []): Promise<DiffResult> {
  repo.git('checkout', '-q', '-B', 'work', base);
  await change();
  const head = repo.commit('change');
  try {
    return await diffChange({ configRoot: repo.root, base, head, only, labels });
  } finally {
    repo.git('checkout', '-q', 'main');
  }
}

const release = (r: DiffResult, name: string) => {
  const found = r.releases.find((x) => `${x.cluster}/${x.release}` === name);
  if (!found) throw new Error(`no release ${name} in ${r.releases.map((x) => `${x.cluster}/${x.release}`).join(', ')}`);
  return found;
};

describe('deployer diff', () => {
  it('a values change shows exactly the changed lines of the right object', async () => {
    const r = await diffOf(() => repo.setYaml('config/clusters/gcp-demo/prod.values.yaml', ['jupyterhub', 'hub', 'image', 'tag'], '9.9.9-test'), { cluster: 'gcp-demo', hubs: ['prod'] });
    const prod = release(r, 'gcp-demo/prod');
    expect(prod.status).toBe('changed');
    expect(prod.objects.map((o) => [o.key, o.change])).toEqual([['Deployment/prod/hub', 'changed']]);
    const patch = prod.objects[0].patch;
    expect(patch).toMatch(/^\+ +image: "?[^ ]*:9\.9\.9-test"?$/m);
    expect(patch).toMatch(/^- +image: "?[^ ]*:4\.1\.0"?$/m);
    // the image line and the values checksum: nothing else
    expect(prod.linesAdded).toBe(2);
    expect(prod.linesRemoved).toBe(2);
  });

  it('a chart template change shows every hub of that chart (and of charts built on it) changed', async () => {
    const file = 'helm-charts/basehub/templates/hub/service.yaml';
    const r = await diffOf(() => repo.write(file, repo.read(file).replace(/^metadata:\n/m, 'metadata:\n  annotations:\n    example.org/changed-by-test: "yes"\n')), { cluster: 'gcp-demo', hubs: [] });
    expect(r.releases.map((x) => x.release).sort()).toEqual(['dask-prod', 'dask-staging', 'prod', 'staging']);
    for (const x of r.releases) {
      expect(x.status).toBe('changed');
      expect(x.objects.map((o) => o.key)).toContain(`Service/${x.release}/hub`);
      expect(x.objects.find((o) => o.key === `Service/${x.release}/hub`)!.patch).toContain('+    example.org/changed-by-test: "yes"');
    }
  });

  it('a change that renders nothing new is unchanged for every planned hub, and skip-unchanged empties the deploy matrices', async () => {
    const file = 'config/clusters/gcp-demo/prod.values.yaml';
    const r = await diffOf(() => repo.write(file, `# a comment only: renders nothing new\n${repo.read(file)}`));
    expect(r.matrices!['prod-jobs'].map((j) => j.hub_name)).toEqual(['prod']);
    expect(r.releases.length).toBeGreaterThan(0);
    for (const x of r.releases) expect([x.release, x.status]).toEqual([x.release, 'unchanged']);
    const s = skipUnchanged(r.matrices!, r.releases);
    expect(s.matrices['prod-jobs']).toEqual([]);
    expect(s.matrices['staging-jobs']).toEqual([]);
    expect(s.matrices['prod-hub-matrix-jobs']).toEqual([]);
    expect(s.dropped.map((d) => `${d.cluster}/${d.release}`)).toContain('gcp-demo/prod');
    expect(diffMarkdown(r, { dropped: s.dropped, matrices: s.matrices })).toContain('Not deployed (skip-unchanged)');
  });

  it('a changed secret file is reported by key ("encrypted values changed"), never by value, and is not skipped', async () => {
    const canary = 'canary-plaintext-7f3a91';
    const file = 'config/clusters/gcp-demo/enc-prod.secret.values.yaml';
    const r = await diffOf(() => writeSopsFile(path.join(repo.root, file), { jupyterhub: { hub: { config: { GitHubOAuthenticator: { client_secret: canary, client_id: canary } } } } }), { cluster: 'gcp-demo', hubs: ['prod'] });
    const prod = release(r, 'gcp-demo/prod');
    expect(prod.secretChanges).toHaveLength(1);
    expect(prod.secretChanges[0]).toMatch(/^encrypted values changed in config\/clusters\/gcp-demo\/enc-prod\.secret\.values\.yaml \(/);
    expect(prod.secretChanges[0]).toContain('jupyterhub.hub.config.GitHubOAuthenticator.client_secret');
    expect(prod.status).toBe('changed');
    const everything = JSON.stringify(r) + diffText(r) + diffMarkdown(r);
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(Buffer.from(canary).toString('base64').slice(0, 12));
    expect(everything).not.toMatch(/ENC\[AES256_GCM/);
  });

  it("a Secret object's data never appears, even when a plain values file feeds it", async () => {
    const canary = 'plain-canary-token-5d2e';
    const r = await diffOf(() => repo.setYaml('config/clusters/gcp-demo/prod.values.yaml', ['jupyterhub', 'proxy', 'secretToken'], canary), { cluster: 'gcp-demo', hubs: ['prod'] });
    const prod = release(r, 'gcp-demo/prod');
    const secret = prod.objects.find((o) => o.key === 'Secret/prod/hub');
    const everything = JSON.stringify(r) + diffText(r) + diffMarkdown(r);
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(Buffer.from(canary).toString('base64').slice(0, 12));
    if (secret) expect(secret.patch).not.toMatch(/^[+-] +hub\.config\.ConfigurableHTTPProxy\.auth_token: (?!<redacted>)/m);
  });

  it('a render that fails at the head is reported, located, and does not hide the other hubs', async () => {
    const file = 'helm-charts/basehub/templates/hub/service.yaml';
    const r = await diffOf(() => repo.write(file, repo.read(file).replace(/^metadata:\n/m, 'metadata:\n  annotations:\n    broken: {{ .Values.nothing.here.at.all }}\n')), { cluster: 'gcp-demo', hubs: [] });
    const failed = r.releases.filter((x) => x.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.failure!.ref).toBe('head');
      expect(f.failure!.message).toMatch(/helm-charts\/basehub\/templates\/hub\/service\.yaml:\d+:\d+: /);
    }
    expect(r.releases).toHaveLength(4);
    expect(diffMarkdown(r)).toContain('failed to render at the head');
  });

  it('a hub removed from cluster.yaml is reported: its release stays on the cluster', async () => {
    const file = 'config/clusters/gcp-demo/cluster.yaml';
    const r = await diffOf(() => {
      const text = repo.read(file);
      // drop the `dask-prod` hub entry (the last one)
      const cut = text.indexOf('  - name: dask-prod');
      expect(cut).toBeGreaterThan(0);
      repo.write(file, text.slice(0, cut));
    });
    const gone = release(r, 'gcp-demo/dask-prod');
    expect(gone.status).toBe('removed');
    expect(gone.note).toContain('stays on cluster gcp-demo');
    expect(gone.note).toContain('helm uninstall dask-prod --namespace dask-prod');
    expect(gone.objects.every((o) => o.change === 'removed')).toBe(true);
  });
});
