/**
 * The whole planner (`planDeployments`) on fixture trees: the acceptance cases a port should add (reference B.3.7),
 * differential cases from the reference's real outputs (A.9.8, B.3.2) under the upstream rules, our documented
 * decisions, labels, and bad input. Every case compares complete outputs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DeployerError } from '../../src/shared/errors.js';
import {
  commentBody,
  commentBody2023,
  decidePlan,
  DEFAULT_RULES,
  markdownTable,
  matrixOutputs,
  parseLabels,
  parseRules,
  planDeployments,
  pyJsonDumps,
  splitChangedFiles,
  triggerPaths,
  UPSTREAM_2023_RULES,
  UPSTREAM_2026_RULES,
  type Matrices,
  type PlanRules,
} from '../../src/shared/plan/index.js';
import { loadClustersForPlan } from '../../src/shared/repo/read.js';
import { makeTree, type Tree } from './tree.js';

const V = 'Following helm chart values files were modified: ';
const P = 'Following prod hubs require redeploy: ';
const job = (cluster_name: string, provider: string, hub_name: string, choice_reason: string) => ({ cluster_name, provider, choice_reason, hub_name });
const sup = (cluster_name: string, provider: string, choice_reason: string) => ({ cluster_name, provider, choice_reason });
const row23 = (cluster_name: string, provider: string, us: boolean, rs: string, ust: boolean, rst: string) => ({
  cluster_name,
  provider,
  upgrade_support: us,
  reason_for_support_redeploy: rs,
  upgrade_staging: ust,
  reason_for_staging_redeploy: rst,
});
const prod23 = (cluster_name: string, provider: string, hub_name: string, reason_for_redeploy: string) => ({ cluster_name, provider, reason_for_redeploy, hub_name });
const EMPTY: Matrices = { 'support-and-staging-matrix-jobs': [], 'prod-hub-matrix-jobs': [], 'support-jobs': [], 'staging-jobs': [], 'prod-jobs': [] };

/** A corpus shaped like the reference's examples (2i2c, leap, nasa-cryo) plus edge clusters. */
let tree: Tree;
beforeAll(() => {
  tree = makeTree({
    '2i2c': {
      provider: 'gcp',
      support: ['support.values.yaml', 'enc-support.secret.values.yaml'],
      hubs: [
        { name: 'staging', files: ['common.values.yaml', 'staging.values.yaml'] },
        { name: 'dask-staging', files: ['daskhub-common.values.yaml', 'dask-staging.values.yaml'] },
        { name: 'ohw', files: ['common.values.yaml', 'ohw.values.yaml', 'enc-ohw.secret.values.yaml'] },
        { name: 'aup', files: ['aup.values.yaml'] },
      ],
    },
    leap: { provider: 'gcp', support: ['support.values.yaml'], hubs: [{ name: 'staging' }, { name: 'prod' }] },
    'nasa-cryo': { provider: 'aws', support: ['support.values.yaml'], hubs: [{ name: 'staging' }, { name: 'prod' }] },
    dubois: { provider: 'kubeconfig', hubs: [{ name: 'dubois', files: ['./dubois.values.yaml'] }] },
  });
});
afterAll(() => tree.cleanup());

const plan = async (changed: string, labels: string[] = [], rules: PlanRules = DEFAULT_RULES) =>
  planDeployments({ paths: tree.paths, changed: splitChangedFiles(changed), labels, rules });

describe('differential: upstream outputs from the reference', () => {
  test('A.9.8: the real 2023 comment for a four-file change (minus the cluster.yaml bug)', async () => {
    const r = await plan('config/clusters/2i2c/staging.values.yaml,config/clusters/2i2c/ohw.values.yaml,config/clusters/leap/support.values.yaml', [], UPSTREAM_2023_RULES);
    // upstream printed leap before 2i2c (set order); we sort by cluster: same table, rows in our order
    const t1 = [
      '|Cloud Provider|Cluster Name|Upgrade Support?|                     Reason for Support Redeploy                    |Upgrade Staging?|                     Reason for Staging Redeploy                    |',
      '|--------------|------------|----------------|--------------------------------------------------------------------|----------------|--------------------------------------------------------------------|',
      '|      gcp     |    2i2c    |       No       |                                                                    |       Yes      |Following helm chart values files were modified: staging.values.yaml|',
      '|      gcp     |    leap    |       Yes      |Following helm chart values files were modified: support.values.yaml|       No       |                                                                    |',
    ].join('\n');
    const body = commentBody2023(r.matrices);
    expect(body.split('### Production deployments')[0]).toBe(
      `<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n\n### Support and Staging deployments\n\n${t1}\n\n`,
    );
    expect(r.matrices['prod-hub-matrix-jobs']).toEqual([prod23('2i2c', 'gcp', 'ohw', `${V}ohw.values.yaml`)]);
    expect(body.endsWith('|\n')).toBe(true);
  });

  test('B.3.2: the 2026 JSON shapes', async () => {
    const r = await plan('config/clusters/leap/support.values.yaml,config/clusters/2i2c/staging.values.yaml,config/clusters/nasa-cryo/prod.values.yaml', [], UPSTREAM_2026_RULES);
    expect(r.matrices['support-jobs']).toEqual([sup('leap', 'gcp', `${V}support.values.yaml`)]);
    expect(r.matrices['staging-jobs']).toEqual([job('2i2c', 'gcp', 'staging', `${V}staging.values.yaml`), job('nasa-cryo', 'aws', 'staging', `${P}prod`)]);
    expect(r.matrices['prod-jobs']).toEqual([job('nasa-cryo', 'aws', 'prod', `${V}prod.values.yaml`)]);
    expect(matrixOutputs(r.matrices)['support-jobs']).toBe(
      '[{"cluster_name": "leap", "provider": "gcp", "choice_reason": "Following helm chart values files were modified: support.values.yaml"}]',
    );
  });

  test('2026 rules: a chart change outside support redeploys every hub; deployer/README.md does not', async () => {
    const r = await plan('helm-charts/images/hub/Dockerfile', [], UPSTREAM_2026_RULES);
    expect(r.matrices['prod-jobs'].map((j) => `${j.cluster_name}/${j.hub_name}`)).toEqual(['2i2c/aup', '2i2c/ohw', 'dubois/dubois', 'leap/prod', 'nasa-cryo/prod']);
    expect(new Set(r.matrices['prod-jobs'].map((j) => j.choice_reason))).toEqual(new Set(['Core infrastructure has been modified']));
    expect((await plan('deployer/README.md,deployer/health_check_tests/t.py', [], UPSTREAM_2026_RULES)).matrices).toEqual(EMPTY);
    expect((await plan('deployer/commands/deploy.py', [], UPSTREAM_2026_RULES)).matrices['prod-jobs']).toHaveLength(5);
  });

  test('2023 rules: helm-charts/images and chartpress.yaml trigger nothing; deployer/tests does', async () => {
    expect((await plan('helm-charts/images/x,helm-charts/chartpress.yaml', [], UPSTREAM_2023_RULES)).matrices).toEqual(EMPTY);
    expect((await plan('deployer/tests/test_x.py', [], UPSTREAM_2023_RULES)).matrices['prod-jobs']).toHaveLength(5);
  });
});

describe('acceptance cases a port should add', () => {
  test('decision: a changed cluster.yaml redeploys all hubs and the support chart of that cluster', async () => {
    const r = await plan('config/clusters/nasa-cryo/cluster.yaml');
    const R = 'cluster.yaml file was modified';
    expect(r.matrices).toEqual({
      'support-and-staging-matrix-jobs': [row23('nasa-cryo', 'aws', true, R, true, R)],
      'prod-hub-matrix-jobs': [prod23('nasa-cryo', 'aws', 'prod', R)],
      'support-jobs': [sup('nasa-cryo', 'aws', R)],
      'staging-jobs': [job('nasa-cryo', 'aws', 'staging', R)],
      'prod-jobs': [job('nasa-cryo', 'aws', 'prod', R)],
    });
    expect(r.clustersRead).toBe(1);
  });

  test('a shared values file triggers every hub listing it, and only those', async () => {
    const r = await plan('config/clusters/2i2c/common.values.yaml');
    const R = `${V}common.values.yaml`;
    expect(r.matrices).toEqual({
      'support-and-staging-matrix-jobs': [row23('2i2c', 'gcp', false, '', true, R)],
      'prod-hub-matrix-jobs': [prod23('2i2c', 'gcp', 'ohw', R)],
      'support-jobs': [],
      'staging-jobs': [job('2i2c', 'gcp', 'staging', R)],
      'prod-jobs': [job('2i2c', 'gcp', 'ohw', R)],
    });
  });

  test('several staging hubs: 2023 one row (last staging hub in cluster.yaml order wins), 2026 one row per hub', async () => {
    const r = await plan('config/clusters/2i2c/staging.values.yaml,config/clusters/2i2c/dask-staging.values.yaml');
    expect(r.matrices).toEqual({
      'support-and-staging-matrix-jobs': [row23('2i2c', 'gcp', false, '', true, `${V}dask-staging.values.yaml`)],
      'prod-hub-matrix-jobs': [],
      'support-jobs': [],
      'staging-jobs': [job('2i2c', 'gcp', 'dask-staging', `${V}dask-staging.values.yaml`), job('2i2c', 'gcp', 'staging', `${V}staging.values.yaml`)],
      'prod-jobs': [],
    });
    // prod only: every staging-named hub is deployed first
    const p = await plan('config/clusters/2i2c/aup.values.yaml');
    expect(p.matrices['staging-jobs']).toEqual([job('2i2c', 'gcp', 'dask-staging', `${P}aup`), job('2i2c', 'gcp', 'staging', `${P}aup`)]);
  });

  test('a cluster without support: no support job even when its cluster.yaml changes or support is forced', async () => {
    const r = await plan('config/clusters/dubois/cluster.yaml');
    const R = 'cluster.yaml file was modified';
    expect(r.matrices).toEqual({
      // decision: no staging hub to deploy, so upgrade_staging stays false (upstream asked for a `staging` hub)
      'support-and-staging-matrix-jobs': [row23('dubois', 'kubeconfig', false, '', false, '')],
      'prod-hub-matrix-jobs': [prod23('dubois', 'kubeconfig', 'dubois', R)],
      'support-jobs': [],
      'staging-jobs': [],
      'prod-jobs': [job('dubois', 'kubeconfig', 'dubois', R)],
    });
    const s = await plan('', ['deployer:deploy-support']);
    expect(s.matrices['support-jobs'].map((j) => j.cluster_name)).toEqual(['2i2c', 'leap', 'nasa-cryo']);
  });

  test('the empty input "": an empty plan and a warning', async () => {
    const r = await plan('');
    expect(r.matrices).toEqual(EMPTY);
    expect(r.warnings).toEqual(['no changed files were given: the plan reflects the labels only']);
    expect(r.clustersRead).toBe(0);
    expect(commentBody(r.matrices)).toBe(
      '<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n\n### Support deployments\n\nNo support upgrades will be triggered\n\n### Staging deployments\n\nNo staging hub upgrades will be triggered\n\n### Production deployments\n\nNo production hub upgrades will be triggered\n',
    );
  });

  test('markdown padding: centred, the odd space on the left, no spaces around pipes', () => {
    expect(markdownTable(['ab', 'Hub'], [['abcdef', 'x'], ['abc', 'xy']])).toBe(['|  ab  |Hub|', '|------|---|', '|abcdef| x |', '|  abc | xy|'].join('\n'));
  });

  test('./ in cluster.yaml references and in changed paths is normalised', async () => {
    const r = await plan('./config/clusters/dubois//dubois.values.yaml');
    expect(r.matrices['prod-jobs']).toEqual([job('dubois', 'kubeconfig', 'dubois', `${V}dubois.values.yaml`)]);
  });
});

describe('documented decisions', () => {
  test('rows sorted by cluster then hub; file lists in reasons sorted; deterministic', async () => {
    const r = await plan('config/clusters/2i2c/ohw.values.yaml,config/clusters/leap/prod.values.yaml,config/clusters/2i2c/common.values.yaml,config/clusters/2i2c/aup.values.yaml');
    expect(r.matrices['prod-jobs']).toEqual([
      job('2i2c', 'gcp', 'aup', `${V}aup.values.yaml`),
      job('2i2c', 'gcp', 'ohw', `${V}common.values.yaml, ohw.values.yaml`),
      job('leap', 'gcp', 'prod', `${V}prod.values.yaml`),
    ]);
    expect(r.matrices['support-and-staging-matrix-jobs']).toEqual([
      row23('2i2c', 'gcp', false, '', true, `${V}common.values.yaml`),
      row23('leap', 'gcp', false, '', true, `${P}prod`),
    ]);
  });

  test('default rules: hub charts -> all hubs, support chart -> all support, generated files -> nothing', async () => {
    const hubs = await plan('helm-charts/basehub/templates/deep/x.yaml');
    expect(hubs.matrices['prod-jobs']).toHaveLength(5);
    expect(hubs.matrices['staging-jobs'].map((j) => `${j.cluster_name}/${j.hub_name}`)).toEqual(['2i2c/dask-staging', '2i2c/staging', 'leap/staging', 'nasa-cryo/staging']);
    expect(hubs.matrices['support-jobs']).toEqual([]);
    expect(hubs.notes[0]).toBe('every hub on every cluster is upgraded: changed file "helm-charts/basehub/templates/deep/x.yaml" matches the all-hubs rule');
    const support = await plan('helm-charts/support/values.yaml');
    expect(support.matrices['support-jobs']).toEqual([
      sup('2i2c', 'gcp', 'Support helm chart has been modified'),
      sup('leap', 'gcp', 'Support helm chart has been modified'),
      sup('nasa-cryo', 'aws', 'Support helm chart has been modified'),
    ]);
    expect(support.matrices['prod-jobs']).toEqual([]);
    expect((await plan('helm-charts/basehub/values.schema.json,helm-charts/support/charts/x-1.0.tgz,README.md,.github/workflows/x.yaml')).matrices).toEqual(EMPTY);
  });

  test('only the clusters the plan can touch are read, with the same result as reading all', async () => {
    for (const changed of ['config/clusters/leap/prod.values.yaml', 'config/clusters/2i2c/cluster.yaml,config/clusters/nope/x.yaml', 'helm-charts/daskhub/Chart.yaml']) {
      const r = await plan(changed);
      const all = decidePlan({ changed: splitChangedFiles(changed), labels: [], rules: DEFAULT_RULES, clusters: (await loadClustersForPlan(tree.paths, 'all')).clusters });
      expect(r.matrices).toEqual(all.matrices);
    }
    expect((await plan('config/clusters/leap/prod.values.yaml')).clustersRead).toBe(1);
    expect((await plan('helm-charts/daskhub/Chart.yaml')).clustersRead).toBe(4);
  });
});

describe('labels (2026 semantics, B.3.3)', () => {
  const change = 'config/clusters/leap/support.values.yaml,config/clusters/leap/prod.values.yaml';
  test('deployer:skip-deploy: everything empty', async () => {
    expect((await plan(change, ['deployer:skip-deploy', 'deployer:deploy-hubs'])).matrices).toEqual(EMPTY);
  });
  test('deployer:skip-deploy-hubs: support only (also from deploy-support)', async () => {
    const r = await plan(change, ['deployer:skip-deploy-hubs']);
    expect(r.matrices).toEqual({ ...EMPTY, 'support-jobs': [sup('leap', 'gcp', `${V}support.values.yaml`)], 'support-and-staging-matrix-jobs': [row23('leap', 'gcp', true, `${V}support.values.yaml`, false, '')] });
    const f = await plan(change, ['deployer:skip-deploy-hubs', 'deployer:deploy-support', 'deployer:deploy-hubs']);
    expect(f.matrices['support-jobs'].map((j) => j.choice_reason)).toEqual(Array(3).fill('deployer:deploy-support label detected'));
    expect(f.matrices['prod-jobs']).toEqual([]);
  });
  test('deployer:deploy-hubs: every hub, the label as reason (also over a core change)', async () => {
    const r = await plan('helm-charts/basehub/Chart.yaml', ['deployer:deploy-hubs']);
    expect(r.matrices['prod-jobs'].map((j) => j.choice_reason)).toEqual(Array(5).fill('deployer:deploy-hubs label detected'));
    expect(r.matrices['staging-jobs']).toHaveLength(4);
  });
  test('an unknown deployer: label is warned about', async () => {
    const r = await plan(change, ['deployer:skip-deploys', 'documentation']);
    expect(r.warnings).toEqual([expect.stringContaining('label "deployer:skip-deploys" is not a deployer label')]);
    expect(r.matrices['prod-jobs']).toHaveLength(1);
  });
});

describe('bad input', () => {
  const fails = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(DeployerError);
      return e as DeployerError;
    }
    throw new Error('expected a DeployerError');
  };
  test('absolute paths and .. segments are refused', async () => {
    expect((await fails(plan('/etc/passwd'))).message).toBe('changed files: path "/etc/passwd" is absolute');
    expect((await fails(plan('config/clusters/leap/../2i2c/x.yaml'))).message).toBe('changed files: path "config/clusters/leap/../2i2c/x.yaml" contains a `..` segment');
  });
  test('labels: not JSON, not a list, not strings', () => {
    expect(() => parseLabels('deployer:skip-deploy')).toThrow(/--labels is not valid JSON/);
    expect(() => parseLabels('{"a": 1}')).toThrow('--labels must be a JSON list of strings, but it is an object');
    expect(() => parseLabels('["a", 1]')).toThrow('--labels must be a JSON list of strings, but item 1 is a number');
    expect(parseLabels('')).toEqual([]);
  });
  test('rules: unknown keys are located errors; a named rule replaces the default, others stay', () => {
    const e = (() => {
      try {
        parseRules('all-hubs:\n  include: [a/*]\nall-suport:\n  include: []\n', 'rules.yaml');
      } catch (err) {
        return err as DeployerError;
      }
    })();
    // the key is not quoted: a rules path pointed at another file must not leak its content (issue 10 item 7)
    expect(e?.format()).toBe('rules.yaml:3:1: unknown key in the rules file (allowed: all-hubs, all-support)\n  hint: check the spelling; a rules file holds only `all-hubs` and `all-support`');
    expect(() => parseRules('all-hubs:\n  includes: [a/*]\n', 'r.yaml')).toThrow('unknown key in `all-hubs` (allowed: include, exclude)');
    expect(() => parseRules('root:$6$HASH:1:2\nx: [SECRET\n', 'r.yaml')).toThrow(/^the rules file is not valid YAML or JSON$/);
    expect(() => parseRules('all-hubs:\n  include: a/*\n', 'r.yaml')).toThrow('`all-hubs.include` must be a list of patterns, but it is a string');
    expect(() => parseRules('{"all-hubs": {"include": [1]}}', 'r.json')).toThrow('`all-hubs.include[0]` must be a non-empty string pattern, but it is a number');
    expect(parseRules('{"all-hubs": {"include": ["x/*"]}}', 'r.json')).toEqual({ allHubs: { include: ['x/*'], exclude: [] }, allSupport: DEFAULT_RULES.allSupport });
  });
  test('an unparsable cluster.yaml is a located error naming the file, when the plan reads it', async () => {
    const t = makeTree({ good: { hubs: [{ name: 'a' }] } }, { 'config/clusters/broken/cluster.yaml': 'name: broken\nprovider: gcp\nhubs:\n  - name: [x\n' });
    try {
      const p = (changed: string) => planDeployments({ paths: t.paths, changed: [changed] });
      // a change elsewhere never reads it
      expect((await p('config/clusters/good/a.values.yaml')).matrices['prod-jobs']).toHaveLength(1);
      for (const changed of ['config/clusters/broken/a.values.yaml', 'helm-charts/basehub/values.yaml']) {
        const e = await fails(p(changed));
        expect(e.file).toBe('config/clusters/broken/cluster.yaml');
        expect(e.line).toBe(5);
        expect(e.message).toMatch(/^YAML syntax error/);
      }
    } finally {
      t.cleanup();
    }
  });
  test('keys the plan reads, with the wrong shape: located errors; other schema problems are not the plan\'s business', async () => {
    const cases: [string, string, number][] = [
      ['name: c\nhubs: []\n', 'cluster.yaml has no `provider`', 1],
      ['name: c\nprovider: gcp\nhubs: {a: 1}\n', 'hubs must be a list, but it is a mapping', 3],
      ['name: c\nprovider: gcp\nhubs:\n  - domain: x\n', 'hubs[0] has no `name`', 4],
      ['name: c\nprovider: gcp\nhubs:\n  - name: a\n    helm_chart_values_files: a.yaml\n', 'hubs[0].helm_chart_values_files must be a list of file names, but it is a string', 5],
      ['name: c\nprovider: gcp\nhubs:\n  - name: a\n  - name: a\n', 'hub name `a` is used twice (hubs[0] and hubs[1])', 5],
      ['name: c\nprovider: gcp\nhubs:\n  - name: a\n    helm_chart_values_files: [../other/x.yaml]\n', 'values file `../other/x.yaml` escapes the cluster directory (config/clusters/c)', 5],
    ];
    for (const [text, message, line] of cases) {
      const t = makeTree({}, { 'config/clusters/c/cluster.yaml': text });
      try {
        const e = await fails(planDeployments({ paths: t.paths, changed: ['config/clusters/c/x.yaml'] }));
        expect([e.file, e.line, e.message]).toEqual(['config/clusters/c/cluster.yaml', line, message]);
      } finally {
        t.cleanup();
      }
    }
    // an unknown key and a bad domain are schema issues for `validate`, not for the plan
    const t = makeTree({}, { 'config/clusters/c/cluster.yaml': 'name: c\nprovider: gcp\nnot_a_key: 1\nhubs:\n  - name: a\n    domain: 42\n    helm_chart_values_files: [a.yaml]\n' });
    try {
      expect((await planDeployments({ paths: t.paths, changed: ['config/clusters/c/a.yaml'] })).matrices['prod-jobs']).toEqual([job('c', 'gcp', 'a', `${V}a.yaml`)]);
    } finally {
      t.cleanup();
    }
  });
});

describe('over 256 jobs', () => {
  test('a warning names the matrix and the limit', async () => {
    const hubs = Array.from({ length: 130 }, (_, i) => ({ name: `h${i}`, files: ['common.values.yaml'] }));
    const t = makeTree({ a: { hubs }, b: { hubs } });
    try {
      const r = await planDeployments({ paths: t.paths, changed: ['helm-charts/basehub/x'] });
      expect(r.matrices['prod-jobs']).toHaveLength(260);
      expect(r.warnings).toEqual([
        'matrix `prod-hub-matrix-jobs` has 260 jobs, more than the 256 GitHub Actions allows in one matrix: the job using it will fail to start; split the deploy (e.g. per provider) or deploy in batches',
        'matrix `prod-jobs` has 260 jobs, more than the 256 GitHub Actions allows in one matrix: the job using it will fail to start; split the deploy (e.g. per provider) or deploy in batches',
      ]);
    } finally {
      t.cleanup();
    }
  });
});

describe('output formats', () => {
  test('Python json.dumps format, non-ASCII escaped', () => {
    expect(pyJsonDumps([{ a: 'ü', b: true, c: '\n"' }])).toBe('[{"a": "\\u00fc", "b": true, "c": "\\n\\""}]');
    expect(JSON.parse(pyJsonDumps([{ a: 'ü\u{1F600}' }]))).toEqual([{ a: 'ü\u{1F600}' }]);
  });
  test('markdown cells cannot break the table or inject HTML', () => {
    expect(markdownTable(['h'], [['a|b<img>\nc']])).toBe('|        h        |\n|-----------------|\n|a\\|b&lt;img&gt; c|');
  });
});

/** GitHub's path filter semantics (the cheat sheet): `**` any characters, `*` any but `/`, `\` escapes; last match wins. */
function githubFilterMatches(filters: string[], file: string): boolean {
  let matched = false;
  for (const f of filters) {
    const neg = f.startsWith('!');
    const body = neg ? f.slice(1) : f;
    let re = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c === '\\') re += body[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      else if (c === '*' && body[i + 1] === '*') {
        // `x/**/y` also matches `x/y`
        if (body[i + 2] === '/' && (i === 0 || body[i - 1] === '/')) {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i++;
        }
      } else if (c === '*') re += '[^/]*';
      else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    if (new RegExp(`^${re}$`).test(file)) matched = !neg;
  }
  return matched;
}

describe('trigger paths from the rules', () => {
  test('the default rules give this list', () => {
    expect(triggerPaths(DEFAULT_RULES)).toEqual([
      'config/clusters/**',
      'helm-charts/basehub/**',
      'helm-charts/daskhub/**',
      'helm-charts/binderhub/**',
      'helm-charts/support/**',
      '!helm-charts/basehub/values.schema.json',
      '!helm-charts/daskhub/values.schema.json',
      '!helm-charts/binderhub/values.schema.json',
      '!helm-charts/basehub/charts/**',
      '!helm-charts/daskhub/charts/**',
      '!helm-charts/binderhub/charts/**',
      '!helm-charts/support/values.schema.json',
      '!helm-charts/support/charts/**',
    ]);
    expect(triggerPaths(UPSTREAM_2026_RULES)).toEqual([
      'config/clusters/**',
      'deployer/**',
      'pyproject.toml',
      'requirements.txt',
      'helm-charts/**',
      'helm-charts/support/**',
      '!deployer/README.md',
      '!deployer/health_check_tests/**',
      '!deployer.dev.commands/**',
    ]);
  });

  test('every path the planner acts on triggers the workflow (no drift), for default, upstream and odd rules', async () => {
    const odd = parseRules('all-hubs:\n  include: ["a/*/b", "x?z", "[!q]+file", "lit+eral!", "*.md"]\n  exclude: ["a/*/b/c", "x/*"]\nall-support:\n  include: ["s/*"]\n  exclude: ["s/*/keep"]\n', 'odd.yaml');
    const files = [
      'config/clusters/c/x.yaml', 'config/clusters/templates/x', 'helm-charts/basehub/values.schema.json', 'helm-charts/basehub/charts/x.tgz',
      'helm-charts/support/values.yaml', 'helm-charts/README.md', 'helm-charts/images/x', 'deployer/README.md', 'deployer/a.py',
      'deployer/health_check_tests/t.py', 'pyproject.toml', 'a/b', 'a//b', 'a/q/b', 'a/q/b/c', 'xyz', 'x/z', 'x/y', 'qfile', '+file',
      'z+file', 'lit+eral!', 'docs/readme.md', 'README.md', 's/1/keep', 's/keep', 'other', 'helm-charts/daskhub/charts/dask.tgz',
    ];
    for (const rules of [DEFAULT_RULES, UPSTREAM_2023_RULES, UPSTREAM_2026_RULES, odd]) {
      const filters = triggerPaths(rules);
      for (const f of files) {
        const acts = f.startsWith('config/clusters/') || decidePlan({ changed: [f], labels: [], rules, clusters: [] }).triggers.allHubs !== undefined || decidePlan({ changed: [f], labels: [], rules, clusters: [] }).triggers.allSupport !== undefined;
        if (acts) expect([f, githubFilterMatches(filters, f)]).toEqual([f, true]);
      }
    }
    // and the negations do cut what nothing acts on
    expect(githubFilterMatches(triggerPaths(DEFAULT_RULES), 'helm-charts/basehub/values.schema.json')).toBe(false);
  });
});
