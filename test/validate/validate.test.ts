/**
 * `validate` on real files with real helm: the example infra repo passes every check; mutated copies of it produce
 * findings at the file, line and column of each fault, all of them in one run; the repo is byte-identical afterwards.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/shared/findings.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { clustersTouchedBy, parseChecks, runValidation } from '../../src/shared/validate/index.js';
import { copyTree, hashTree } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const example = path.join(root, 'examples', 'infrastructure');
const fixture = path.join(here, '..', 'fixtures', 'validate', 'infra');
const helm4 = path.join(root, '.tools', 'bin', 'helm4');

if (!existsSync(path.join(example, 'config', 'clusters'))) {
  throw new Error(`examples/infrastructure is missing (${example}): these tests validate it`);
}

const copies: string[] = [];
function copy(src = example): string {
  const c = copyTree(src);
  copies.push(c);
  return c;
}
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

/** Replace `from` by `to` in a file of the copy; the text must be there (a test that edits nothing cannot pass). */
function edit(repo: string, file: string, from: string, to: string): void {
  const abs = path.join(repo, file);
  const text = readFileSync(abs, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(abs, text.replace(from, to));
}

/** 1-based line of the first line of `file` containing `text`. */
function lineOf(repo: string, file: string, text: string, after = 0): number {
  const lines = readFileSync(path.join(repo, file), 'utf8').split('\n');
  const i = lines.findIndex((l, n) => n >= after && l.includes(text));
  if (i < 0) throw new Error(`test setup: ${text} not in ${file}`);
  return i + 1;
}

function colOf(repo: string, file: string, line: number, text: string): number {
  return readFileSync(path.join(repo, file), 'utf8').split('\n')[line - 1].indexOf(text) + 1;
}

function only(findings: Finding[], file: string): Finding[] {
  return findings.filter((f) => f.file === file);
}

const GCP = 'config/clusters/gcp-demo';
const KUBE = 'config/clusters/kubeconfig-demo';
const AWS = 'config/clusters/aws-demo';

describe('validate on examples/infrastructure', () => {
  it('passes every check for every cluster, one dependency build, one render per release, tree byte-identical', async () => {
    const before = hashTree(example);
    const r = await runValidation(repoPaths({ configRoot: example }));
    expect(r.findings).toEqual([]);
    expect(r.clusters).toEqual(['aws-demo', 'gcp-demo', 'kubeconfig-demo']);
    // 9 hubs + 3 support charts, each rendered once; daskhub is the only chart with a dependency (basehub).
    expect(r.stats.renders).toBe(12);
    expect(r.stats.dependencyBuilds).toBe(1);
    expect(r.stats.helmStarts).toBe(13);
    expect(hashTree(example)).toEqual(before);
    for (const leftover of ['values.schema.json', 'Chart.lock', 'charts']) {
      for (const chart of ['basehub', 'daskhub', 'support']) expect(existsSync(path.join(example, 'helm-charts', chart, leftover))).toBe(false);
    }
  });

  it('passes with helm 4 too', async () => {
    const r = await runValidation(repoPaths({ configRoot: example }), { cluster: 'aws-demo' }, { helm: helm4 });
    expect(r.findings).toEqual([]);
    expect(r.stats.renders).toBe(3);
  });

  it('passes on the small fixture repo (2023-shaped cluster without metadata)', async () => {
    const r = await runValidation(repoPaths({ configRoot: fixture }));
    expect(r.findings).toEqual([]);
  });
});

describe('validate finds every fault, located', () => {
  it('reports many faults of different kinds in one run, each at its file, line and column', async () => {
    const repo = copy();
    // 1. Wrong type deep inside a hub values file.
    edit(repo, `${GCP}/staging.values.yaml`, 'tag: "2024-12-09"', 'tag: 20241209');
    // 2. Unknown key where the chart schema forbids it (deep in a daskhub file, under basehub:).
    edit(repo, `${AWS}/research.values.yaml`, '        scratchBucket:\n          enabled: true', '        scratchBucket:\n          enabled: true\n          bucketName: oops');
    // 3. A values file that does not exist.
    edit(repo, `${KUBE}/cluster.yaml`, '      - prod.values.yaml', '      - prod.values.yaml\n      - prod-extra.values.yaml');
    // 4. A path escaping the cluster directory.
    edit(repo, `${KUBE}/cluster.yaml`, '      - workshop.values.yaml', '      - ../gcp-demo/common.values.yaml\n      - workshop.values.yaml');
    // 5. A duplicate hub name.
    edit(repo, `${AWS}/cluster.yaml`, '  - name: research', '  - name: staging');
    // 6. A plaintext secret file.
    writeFileSync(path.join(repo, GCP, 'enc-staging.secret.values.yaml'), 'jupyterhub:\n  hub:\n    config:\n      GitHubOAuthenticator:\n        client_secret: not-encrypted-at-all\n');
    // 7. A GitHub-org authenticator with allowed_users.
    edit(repo, `${GCP}/staging.values.yaml`, '      Authenticator:\n        admin_users:', '      Authenticator:\n        allowed_users:\n          - carol\n        admin_users:');
    // 8. A YAML syntax error in a values file.
    edit(repo, `${GCP}/prod.values.yaml`, 'jupyterhub:', 'jupyterhub:\n  bad: [unclosed');

    const before = hashTree(repo);
    const r = await runValidation(repoPaths({ configRoot: repo }));
    const expectAt = (file: string, line: number, col: number, message: RegExp) => {
      const hit = r.findings.find((f) => f.file === file && f.line === line && message.test(f.message));
      if (!hit) throw new Error(`no finding at ${file}:${line} matching ${message}; got:\n${r.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.message}`).join('\n')}`);
      expect(hit.col).toBe(col);
      expect(hit.severity).toBe('error');
      return hit;
    };

    let line = lineOf(repo, `${GCP}/staging.values.yaml`, 'tag: 20241209');
    const typeErr = expectAt(`${GCP}/staging.values.yaml`, line, colOf(repo, `${GCP}/staging.values.yaml`, line, '2024'), /`jupyterhub\.singleuser\.image\.tag` must be string, but it is a number \(20241209\)/);
    expect(typeErr.path).toBe('/jupyterhub/singleuser/image/tag');

    line = lineOf(repo, `${AWS}/research.values.yaml`, 'bucketName: oops');
    expectAt(`${AWS}/research.values.yaml`, line, 11, /unknown key `bucketName` in `basehub\.jupyterhub\.custom\.cloudResources\.scratchBucket`/);

    line = lineOf(repo, `${KUBE}/cluster.yaml`, 'prod-extra.values.yaml');
    expectAt(`${KUBE}/cluster.yaml`, line, 9, /values file `prod-extra\.values\.yaml` of hub prod does not exist/);

    line = lineOf(repo, `${KUBE}/cluster.yaml`, '../gcp-demo/common.values.yaml');
    expectAt(`${KUBE}/cluster.yaml`, line, 9, /path `\.\.\/gcp-demo\/common\.values\.yaml` escapes the cluster directory/);

    const first = lineOf(repo, `${AWS}/cluster.yaml`, '- name: staging');
    line = lineOf(repo, `${AWS}/cluster.yaml`, '- name: staging', first);
    expectAt(`${AWS}/cluster.yaml`, line, 11, new RegExp(`duplicate hub name \`staging\`: hubs\\[0\\] \\(line ${first}\\) already uses it`));

    const leak = expectAt(`${GCP}/enc-staging.secret.values.yaml`, 1, 1, /plaintext secret: .*not sops-encrypted.*rotate/);
    expect(leak.message).not.toContain('not-encrypted-at-all');

    line = lineOf(repo, `${GCP}/staging.values.yaml`, 'allowed_users:');
    expectAt(`${GCP}/staging.values.yaml`, line, 9, /hub staging: unset `Authenticator\.allowed_users`: GitHub organizations\/teams decide who may log in/);

    line = lineOf(repo, `${GCP}/prod.values.yaml`, 'bad: [unclosed');
    const syntax = r.findings.find((f) => f.file === `${GCP}/prod.values.yaml`)!;
    expect(syntax.message).toMatch(/^YAML syntax error/);
    expect(syntax.line).toBeGreaterThanOrEqual(line);

    // The example chart refuses allowed_users next to organizations in a template too: helm's failure is reported at
    // that template, marked as a possible consequence of the values error above.
    const guard = r.findings.find((f) => f.file.startsWith('helm-charts/'))!;
    expect(guard.file).toBe('helm-charts/basehub/templates/hub/deployment.yaml');
    expect(guard.message).toMatch(/^cannot render gcp-demo\/staging: .*allowed_users must be unset.*\(this may follow from the values errors reported for it\)$/);

    // Nothing else: the unaffected clusters and hubs stay clean, and no fault is reported twice.
    expect(r.findings).toHaveLength(9);
    expect(r.errors).toBe(9);
    // The run itself wrote nothing into the repo.
    expect(hashTree(repo)).toEqual(before);
  });

  it('leaves the repo byte-identical even when renders fail', async () => {
    const repo = copy();
    edit(repo, `${GCP}/staging.values.yaml`, 'tag: "2024-12-09"', 'tag: 20241209');
    const before = hashTree(repo);
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'gcp-demo' });
    expect(r.errors).toBe(1);
    expect(hashTree(repo)).toEqual(before);
  });

  it('points a template that fails to render at the template line, once for every release it breaks', async () => {
    const repo = copy();
    const tpl = 'helm-charts/basehub/templates/hub/configmap.yaml';
    // configmap.yaml is also `include`d by deployment.yaml: helm names both; the fault is in the innermost.
    edit(repo, tpl, '  cluster: {{ include', '  broken: {{ .Values.jupyterhub.nosuch.deeper }}\n  cluster: {{ include');
    const line = lineOf(repo, tpl, 'nosuch.deeper');
    const r = await runValidation(repoPaths({ configRoot: repo }), { checks: ['hub-config'] });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    // (the column is helm's own, go-template's node offset)
    expect([f.file, f.line]).toEqual([tpl, line]);
    // basehub hubs render it directly, daskhub hubs through the packaged subchart: the same template, one finding.
    expect(f.message).toMatch(/^cannot render 9 releases \(aws-demo\/research, aws-demo\/staging, gcp-demo\/dask-prod, gcp-demo\/dask-staging, gcp-demo\/prod and 4 more\): .*nil pointer evaluating interface \{\}\.deeper/);
    expect(f.message).toContain(`${tpl}:${line}`);
    expect(f.message).not.toContain('daskhub/charts/');
  });

  it('locates a value the template requires but the hub did not set in the template (helm names no values file)', async () => {
    const repo = copy(fixture);
    edit(repo, 'config/clusters/alpha/prod.values.yaml', '      serverIP: 10.0.0.2', '      serverIP: ""');
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'alpha', hub: 'prod', checks: ['hub-config'] });
    expect(r.findings).toEqual([
      {
        file: 'helm-charts/basehub/templates/configmap.yaml',
        line: 11,
        col: 17,
        path: '',
        message: expect.stringMatching(/^cannot render alpha\/prod: .*nfs\.pv\.serverIP is required when nfs\.enabled is true/),
        severity: 'error',
      },
    ]);
  });

  it.each([
    ['helm 3', undefined],
    ['helm 4', helm4],
  ])('locates what only helm checks (the schema of a vendored subchart) in the values file, with %s', async (_name, helm) => {
    const repo = copy(fixture);
    const extra = path.join(repo, 'helm-charts/basehub/charts/extra');
    mkdirSync(extra, { recursive: true });
    writeFileSync(path.join(extra, 'Chart.yaml'), 'apiVersion: v2\nname: extra\nversion: 0.1.0\n');
    writeFileSync(path.join(extra, 'values.yaml'), 'level: 1\n');
    writeFileSync(path.join(extra, 'values.schema.json'), '{"type": "object", "properties": {"level": {"type": "integer"}}}');
    edit(repo, 'helm-charts/basehub/values.schema.yaml', '  global:\n    type: object\n', '  global:\n    type: object\n  extra:\n    type: object\n');
    appendFileSync(path.join(repo, 'config/clusters/beta/workshop.values.yaml'), 'extra:\n  level: high\n');
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['hub-config'] }, helm ? { helm } : {});
    expect(r.findings).toEqual([
      {
        file: 'config/clusters/beta/workshop.values.yaml',
        line: lineOf(repo, 'config/clusters/beta/workshop.values.yaml', 'level: high'),
        col: 10,
        path: '/extra/level',
        message: expect.stringMatching(/^the extra chart's values schema rejects `extra\.level` of hub workshop: .*(integer|Invalid type)/),
        severity: 'error',
      },
    ]);
  });

  it('renders a *.jsonnet values file with the hub context; its faults are located in the jsonnet file', async () => {
    const repo = copy(fixture);
    const cdir = path.join(repo, 'config/clusters/beta');
    writeFileSync(
      path.join(cdir, 'generated.jsonnet'),
      'local hub = std.extVar("VARS_2I2C_HUB_NAME");\n{\n  jupyterhub: {\n    custom: { homepage: { templateVars: { org: { name: hub + "@" + std.extVar("VARS_2I2C_CLUSTER_NAME") } } } },\n  },\n}\n',
    );
    edit(repo, 'config/clusters/beta/cluster.yaml', '      - workshop.values.yaml', '      - workshop.values.yaml\n      - generated.jsonnet');
    let r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta' });
    expect(r.findings).toEqual([]);
    expect(r.stats.jsonnetStarts).toBe(1); // rendered once, shared by hub-config and authenticator-config

    // A schema error in what the jsonnet produced: located in the jsonnet file (line 1: its output has no positions).
    edit(repo, 'config/clusters/beta/generated.jsonnet', 'name: hub + "@"', 'name: 42, url: hub + "@"');
    r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['hub-config'] }, { render: false });
    expect(r.findings).toEqual([
      expect.objectContaining({ file: 'config/clusters/beta/generated.jsonnet', line: 1, path: '/jupyterhub/custom/homepage/templateVars/org/name', message: '`jupyterhub.custom.homepage.templateVars.org.name` must be string, but it is a number (42)' }),
    ]);

    // A jsonnet error: at its line and column.
    writeFileSync(path.join(cdir, 'generated.jsonnet'), '{\n  jupyterhub: ,\n}\n');
    r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['hub-config'] });
    expect(r.findings).toEqual([
      expect.objectContaining({ file: 'config/clusters/beta/generated.jsonnet', line: 2, col: 15, message: expect.stringMatching(/^jsonnet could not render this values file: STATIC ERROR: unexpected: "," while parsing terminal/) }),
    ]);
  });

  it('finds the GitHub-org allowed_users rule in a daskhub (under basehub:) and does not crash on malformed values', async () => {
    const repo = copy();
    edit(repo, `${AWS}/research.values.yaml`, '        Authenticator:\n          admin_users:', '        Authenticator:\n          allowed_users: [someone]\n          admin_users:');
    edit(repo, `${GCP}/dask-staging.values.yaml`, 'authenticator_class: github', 'authenticator_class: oauthenticator.github.GitHubOAuthenticator');
    edit(repo, `${GCP}/dask-staging.values.yaml`, '        GitHubOAuthenticator:\n', '        GitHubOAuthenticator:\n          allowed_organizations: "an-org"\n');
    const r = await runValidation(repoPaths({ configRoot: repo }), { checks: ['authenticator-config'], clusters: ['aws-demo', 'gcp-demo'] });
    const files = r.findings.map((f) => `${f.file}:${f.line}:${f.col}`);
    expect(files).toEqual([
      `${AWS}/research.values.yaml:${lineOf(repo, `${AWS}/research.values.yaml`, 'allowed_users: [someone]')}:11`,
      `${GCP}/dask-staging.values.yaml:${lineOf(repo, `${GCP}/dask-staging.values.yaml`, 'allowed_users:')}:11`,
    ]);
    expect(r.findings[0].message).toMatch(/^hub research: unset `Authenticator\.allowed_users`/);
    expect(r.findings[0].path).toBe('/basehub/jupyterhub/hub/config/Authenticator/allowed_users');
  });

  it('applies the 2026 rule: no admin_users with the dummy authenticator, wherever the class is set', async () => {
    const repo = copy(fixture);
    // The class comes from the chart default (dummy); the hub only names an admin.
    edit(repo, 'config/clusters/beta/workshop.values.yaml', '      JupyterHub:\n        authenticator_class: dummy\n', '');
    edit(repo, 'config/clusters/beta/workshop.values.yaml', 'admin_users: []', 'admin_users: [instructor]');
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['authenticator-config'] });
    expect(r.findings).toEqual([
      {
        file: 'config/clusters/beta/workshop.values.yaml',
        line: lineOf(repo, 'config/clusters/beta/workshop.values.yaml', 'admin_users'),
        col: 9,
        path: '/jupyterhub/hub/config/Authenticator/admin_users',
        message: expect.stringMatching(/^hub workshop: for security reasons, unset `Authenticator\.admin_users` when the dummy authenticator is used \(`JupyterHub\.authenticator_class` at helm-charts\/basehub\/values\.yaml:15\)/),
        severity: 'error',
      },
    ]);
  });

  it('reports a YAML syntax error in cluster.yaml at its line and still checks the other clusters', async () => {
    const repo = copy();
    edit(repo, `${AWS}/cluster.yaml`, 'region: us-west-2\n', 'region: us-west-2\n  bad: : :\n');
    edit(repo, `${GCP}/cluster.yaml`, '  - name: dask-prod', '  - name: dask-staging');
    const r = await runValidation(repoPaths({ configRoot: repo }), { checks: ['cluster-config'] });
    expect(r.findings.map((f) => [f.file, f.message.split(':')[0]])).toEqual([
      [`${AWS}/cluster.yaml`, 'YAML syntax error'],
      [`${GCP}/cluster.yaml`, 'duplicate hub name `dask-staging`'],
    ]);
    expect(r.findings[0].line).toBe(lineOf(repo, `${AWS}/cluster.yaml`, 'bad: : :'));
  });

  it('reports a directory name that differs from `name` as an error (issue 10: it planned another cluster), and flags unreferenced plaintext secrets', async () => {
    const repo = copy();
    edit(repo, `${KUBE}/cluster.yaml`, 'name: kubeconfig-demo', 'name: kubeconfig-dem0');
    writeFileSync(path.join(repo, KUBE, 'old-backup.secret.yaml'), 'token: abc\n');
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'kubeconfig-demo', checks: ['cluster-config'] });
    expect(r.findings.map((f) => [f.file, f.line, f.severity])).toEqual([
      [`${KUBE}/cluster.yaml`, lineOf(repo, `${KUBE}/cluster.yaml`, 'name: kubeconfig-dem0'), 'error'],
      [`${KUBE}/old-backup.secret.yaml`, 1, 'error'],
    ]);
  });

  it('refuses a sops-encrypted file whose name lacks "secret" (deploy would hand ciphertext to helm)', async () => {
    const repo = copy();
    appendFileSync(path.join(repo, GCP, 'prod.values.yaml'), 'sops:\n  version: 3.8.1\n');
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'gcp-demo', hub: 'prod', checks: ['hub-config'] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ file: `${GCP}/prod.values.yaml`, line: lineOf(repo, `${GCP}/prod.values.yaml`, 'sops:'), col: 1 });
    expect(r.findings[0].message).toMatch(/sops-encrypted .* name does not contain `secret`/);
  });

  it('checks the support chart values against the support schema', async () => {
    const repo = copy();
    const file = `${AWS}/support.values.yaml`;
    const text = readFileSync(path.join(repo, file), 'utf8');
    const firstKey = text.split('\n').find((l) => /^[a-zA-Z]/.test(l))!;
    writeFileSync(path.join(repo, file), `${text}\nnotASupportKey: true\n`);
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'aws-demo', checks: ['support-config'] });
    expect(firstKey).toBeTruthy();
    expect(r.findings).toEqual([
      expect.objectContaining({ file, line: lineOf(repo, file, 'notASupportKey'), col: 1, message: expect.stringMatching(/unknown key `notASupportKey` in the top level: the support chart's schema/) }),
    ]);
    expect(r.stats.renders).toBe(1);
  });

  it('renders nothing with render: false, and an unknown hub or cluster is an error naming the known ones', async () => {
    const r = await runValidation(repoPaths({ configRoot: example }), { cluster: 'gcp-demo' }, { render: false });
    expect(r.findings).toEqual([]);
    expect(r.stats.helmStarts).toBe(0);
    await expect(runValidation(repoPaths({ configRoot: example }), { cluster: 'gcp-demo', hub: 'nope' })).rejects.toThrow(/no hub named `nope`/);
    await expect(runValidation(repoPaths({ configRoot: example }), { cluster: 'mars' })).rejects.toThrow(/unknown cluster `mars`/);
  });
});

describe('check selection and changed files', () => {
  it('parses check lists', () => {
    expect(parseChecks('all')).toEqual(['cluster-config', 'support-config', 'hub-config', 'authenticator-config']);
    expect(parseChecks('hub-config, cluster-config')).toEqual(['cluster-config', 'hub-config']);
    expect(() => parseChecks('hub')).toThrow(/unknown check `hub`/);
  });

  it('maps changed files to the clusters they touch; a chart change touches every cluster', () => {
    const paths = repoPaths({ configRoot: example });
    expect(clustersTouchedBy(paths, ['config/clusters/gcp-demo/prod.values.yaml', 'README.md']).clusters).toEqual(['gcp-demo']);
    expect(clustersTouchedBy(paths, ['config/clusters/aws-demo/cluster.yaml', 'config/clusters/gcp-demo/x']).clusters).toEqual(['aws-demo', 'gcp-demo']);
    const all = clustersTouchedBy(paths, ['helm-charts/basehub/values.schema.yaml']);
    expect(all.all).toBe(true);
    expect(all.clusters).toEqual(['aws-demo', 'gcp-demo', 'kubeconfig-demo']);
    expect(clustersTouchedBy(paths, ['docs/index.md']).clusters).toEqual([]);
  });
});
