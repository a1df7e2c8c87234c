/**
 * Precise plans for a changed cluster.yaml when the base is known (git): only the hubs whose entry changed, the
 * support chart only when its section changed, removed hubs reported, a rename is a removal plus an addition.
 */
import { planDeployments, type PlanResult } from '../../src/shared/plan/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { exampleGitRepo, type GitRepo } from '../diff/repo.js';

let repo: GitRepo;
let base: string;
const FILE = 'config/clusters/gcp-demo/cluster.yaml';
beforeAll(() => {
  repo = exampleGitRepo();
  base = repo.git('rev-parse', 'HEAD');
});
afterAll(() => repo?.cleanup());

async function planAfter(edit: (text: string) => string, withBase = true): Promise<PlanResult> {
  repo.git('checkout', '-q', '-B', 'work', base);
  repo.write(FILE, edit(repo.read(FILE)));
  repo.commit('edit cluster.yaml');
  try {
    return await planDeployments({ paths: repoPaths({ configRoot: repo.root }), changed: [FILE], baseRef: withBase ? base : undefined });
  } finally {
    repo.git('checkout', '-q', 'main');
  }
}
const hubs = (r: PlanResult) => [...r.matrices['staging-jobs'], ...r.matrices['prod-jobs']].map((j) => j.hub_name).sort();

describe('a changed cluster.yaml with a known base', () => {
  it("editing one hub's entry plans that hub only (and staging before prod, as always)", async () => {
    const r = await planAfter((t) => t.replace('display_name: "Demo Research Lab"\n', 'display_name: "Demo Research Lab, renamed"\n'));
    expect(r.matrices['prod-jobs'].map((j) => j.hub_name)).toEqual(['prod']);
    expect(r.matrices['support-jobs']).toEqual([]);
    expect(r.notes.join('\n')).toContain('only the hub(s) whose entry changed (prod) are upgraded');
  });

  it('editing support: plans the support chart only', async () => {
    const r = await planAfter((t) => t.replace('    - support.values.yaml\n', '    - support.values.yaml\n    - common.values.yaml\n'));
    expect(r.matrices['support-jobs'].map((j) => j.cluster_name)).toEqual(['gcp-demo']);
    expect(hubs(r)).toEqual([]);
  });

  it('removing a hub reports it: its release stays on the cluster', async () => {
    const r = await planAfter((t) => t.slice(0, t.indexOf('  - name: dask-prod')));
    expect(r.removedHubs).toEqual([{ cluster: 'gcp-demo', hub: 'dask-prod' }]);
    expect(r.warnings.join('\n')).toMatch(/hub "dask-prod" was removed from the cluster\.yaml of "gcp-demo": its release stays on the cluster .*helm uninstall dask-prod --namespace dask-prod/);
    expect(hubs(r)).toEqual([]);
  });

  it('a renamed hub is a removal plus an addition', async () => {
    const r = await planAfter((t) => t.replace('  - name: dask-prod', '  - name: dask-research').replace(/dask-prod\.gcp-demo/g, 'dask-research.gcp-demo'));
    expect(r.removedHubs).toEqual([{ cluster: 'gcp-demo', hub: 'dask-prod' }]);
    expect(r.matrices['prod-jobs'].map((j) => j.hub_name)).toEqual(['dask-research']);
  });

  it('a change outside hubs and support (the provider block) plans the whole cluster', async () => {
    const r = await planAfter((t) => t.replace('zone: us-central1', 'zone: us-east1'));
    expect(hubs(r)).toEqual(['dask-prod', 'dask-staging', 'prod', 'staging']);
    expect(r.matrices['support-jobs']).toHaveLength(1);
  });

  it('without a base the whole cluster is planned, as before', async () => {
    const r = await planAfter((t) => t.replace('display_name: "Demo Research Lab"\n', 'display_name: "Demo Research Lab, renamed"\n'), false);
    expect(hubs(r)).toEqual(['dask-prod', 'dask-staging', 'prod', 'staging']);
    expect(r.removedHubs).toEqual([]);
  });
});
