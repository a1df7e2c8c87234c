/**
 * Issue 10 (items 1, 3, 10) and issue 16 section 2 for validation: a name/directory mismatch is an error; empty is
 * never a silent success; bad input in one file (an alias bomb, an odd directory name) is one located finding and the
 * run goes on for every other cluster; a jsonnet render that fails on a std function the installed jsonnet lacks
 * says so and how to fix it; renders of the same file with the same variables it reads happen once per run.
 * Real helm is not needed here (render: false); jsonnet is the real binary on PATH (or $DEPLOYER_JSONNET).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectJsonnet } from '../../src/shared/helm/jsonnet.js';
import { toolPath } from '../../src/shared/exec/tools.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { clustersTouchedBy, runValidation } from '../../src/shared/validate/index.js';
import { copyTree } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.resolve(here, '../../examples/infrastructure');
const fixture = path.join(here, '..', 'fixtures', 'validate', 'infra');
const copies: string[] = [];
function copy(src = example): string {
  const c = copyTree(src);
  copies.push(c);
  return c;
}
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`))
  .join('\n');

describe('bad input in one file is one located finding; the run goes on (issue 10 item 10)', () => {
  it('an alias bomb in one values file: one finding at the alias, every other cluster still validated', async () => {
    const repo = copy();
    writeFileSync(path.join(repo, 'config/clusters/gcp-demo/staging.values.yaml'), BOMB + '\n');
    const r = await runValidation(repoPaths({ configRoot: repo }), { checks: ['hub-config'] }, { render: false });
    expect(r.clusters).toEqual(['aws-demo', 'gcp-demo', 'kubeconfig-demo']);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.message.split(' (')[0]}`)).toEqual(['config/clusters/gcp-demo/staging.values.yaml:2:8: YAML aliases expand too far']);
  });

  it.each(['my cluster', 'clüster'])('an odd cluster directory name (%j): one finding naming it, the others validated', async (odd) => {
    const repo = copy();
    const dir = path.join(repo, 'config/clusters', odd);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'cluster.yaml'), readFileSync(path.join(repo, 'config/clusters/kubeconfig-demo/cluster.yaml'), 'utf8'));
    const r = await runValidation(repoPaths({ configRoot: repo }), {}, { render: false });
    expect(r.findings).toEqual([
      {
        file: `config/clusters/${odd}/cluster.yaml`,
        line: 1,
        col: 1,
        path: '',
        message: `cluster directory ${JSON.stringify(odd)} is not a valid cluster name (ASCII letters, digits, \`.\`, \`_\`, \`-\`, starting with a letter or digit)`,
        severity: 'error',
      },
    ]);
    expect(r.clusters).toHaveLength(4);
  });
});

describe('empty is not success (issue 10 item 3)', () => {
  it('a clusters directory with no cluster is an error', async () => {
    const repo = copy(fixture);
    rmSync(path.join(repo, 'config/clusters'), { recursive: true });
    mkdirSync(path.join(repo, 'config/clusters/empty'), { recursive: true });
    await expect(runValidation(repoPaths({ configRoot: repo }), {}, { render: false })).rejects.toThrow('clusters directory config/clusters holds no cluster: no directory in it has a cluster.yaml');
  });

  it('changed files that touch no cluster: the result says nothing was validated and why; a typo directory is named', async () => {
    const paths = repoPaths({ configRoot: fixture });
    const touched = clustersTouchedBy(paths, ['config/clusters/alpah/prod.values.yaml', 'README.md']);
    expect(touched.clusters).toEqual([]);
    expect(touched.notClusters).toEqual(['config/clusters/alpah/prod.values.yaml']);
    const r = await runValidation(paths, { clusters: touched.clusters, clustersReason: 'the changed files touch no cluster' }, { render: false });
    expect(r.nothingValidated).toBe('no cluster was validated: the changed files touch no cluster');
    expect(r.findings).toEqual([]);
    const some = await runValidation(paths, { clusters: ['beta'] }, { render: false });
    expect(some.nothingValidated).toBeUndefined();
  });
});

describe('jsonnet (issue 16 section 2)', () => {
  it('a std function the installed jsonnet lacks: the finding says which jsonnet and how to fix it', async () => {
    const repo = copy(fixture);
    writeFileSync(path.join(repo, 'config/clusters/beta/split.jsonnet'), '{\n  jupyterhub: { custom: { parts: std.splitLimitR("a.b.c", ".", 1) } },\n}\n');
    const cy = path.join(repo, 'config/clusters/beta/cluster.yaml');
    writeFileSync(cy, readFileSync(cy, 'utf8').replace('      - workshop.values.yaml', '      - workshop.values.yaml\n      - split.jsonnet'));
    const info = await detectJsonnet(toolPath('jsonnet'));
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['hub-config'] }, { render: false });
    const msgs = r.findings.filter((f) => f.file.endsWith('split.jsonnet')).map((f) => f.message);
    if (info.implementation === 'cpp' && info.version < '0.20') {
      // Debian's C++ jsonnet 0.18 (what this machine has on PATH): the real failure, explained
      expect(msgs).toEqual([expect.stringContaining(`std.splitLimitR does not exist in the C++ jsonnet ${info.version}: the charts need go-jsonnet 0.20.0 or newer`)]);
      expect(msgs[0]).toContain('DEPLOYER_JSONNET');
    } else {
      // go-jsonnet has it: the file renders (any finding is about the rendered values, not the function)
      expect(msgs.filter((m) => m.includes('does not exist in'))).toEqual([]);
    }
  });

  it('renders once per file content and the ext vars the file reads; the count is reported', async () => {
    const repo = copy(fixture);
    const dir = path.join(repo, 'config/clusters/beta');
    // reads only the cluster's name: one render for both hubs
    writeFileSync(path.join(dir, 'cluster-only.jsonnet'), '{ jupyterhub: { custom: { cluster: std.extVar("VARS_2I2C_CLUSTER_NAME") } } }\n');
    // reads the hub's name: one render per hub
    writeFileSync(path.join(dir, 'per-hub.jsonnet'), '{ jupyterhub: { custom: { hub: std.extVar("VARS_2I2C_HUB_NAME") } } }\n');
    const text = readFileSync(path.join(dir, 'cluster.yaml'), 'utf8');
    const hub = (name: string) => `  - name: ${name}\n    domain: ${name}.beta.example.org\n    helm_chart: basehub\n    helm_chart_values_files:\n      - workshop.values.yaml\n      - cluster-only.jsonnet\n      - per-hub.jsonnet\n`;
    writeFileSync(path.join(dir, 'cluster.yaml'), text.slice(0, text.indexOf('hubs:')) + 'hubs:\n' + hub('workshop') + hub('workshop2'));
    const r = await runValidation(repoPaths({ configRoot: repo }), { cluster: 'beta', checks: ['hub-config', 'authenticator-config'] }, { render: false });
    expect(r.findings).toEqual([]);
    expect(r.stats.jsonnetStarts).toBe(3);
  });
});
