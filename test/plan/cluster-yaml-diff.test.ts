/** Precise plans for a changed cluster.yaml: what changed between the base and the head, entry by entry. */
import { compareClusterYaml } from '../../src/shared/plan/cluster-yaml-diff.js';

const base = {
  name: 'c1',
  provider: 'gcp',
  gcp: { project: 'p', cluster: 'k', zone: 'z', key: 'enc-deployer-credentials.secret.json' },
  support: { helm_chart_values_files: ['support.values.yaml'] },
  hubs: [
    { name: 'staging', domain: 's.example.org', helm_chart: 'basehub', helm_chart_values_files: ['staging.values.yaml'] },
    { name: 'prod', domain: 'p.example.org', helm_chart: 'basehub', helm_chart_values_files: ['prod.values.yaml'] },
    { name: 'workshop', domain: 'w.example.org', helm_chart: 'basehub', helm_chart_values_files: ['workshop.values.yaml'] },
  ],
};
const clone = () => structuredClone(base) as typeof base & Record<string, unknown>;

describe('compareClusterYaml', () => {
  it('editing one hub entry plans that hub only', () => {
    const head = clone();
    head.hubs[1].domain = 'new.example.org';
    expect(compareClusterYaml(base, head)).toEqual({ whole: false, support: false, hubs: new Set(['prod']), removed: [] });
  });

  it('editing support: plans the support chart only', () => {
    const head = clone();
    head.support.helm_chart_values_files.push('enc-support.secret.values.yaml');
    expect(compareClusterYaml(base, head)).toEqual({ whole: false, support: true, hubs: new Set(), removed: [] });
  });

  it('removing a hub reports it and plans nothing for it', () => {
    const head = clone();
    head.hubs.splice(2, 1);
    expect(compareClusterYaml(base, head)).toEqual({ whole: false, support: false, hubs: new Set(), removed: ['workshop'] });
  });

  it('a renamed hub is a removal plus an addition', () => {
    const head = clone();
    head.hubs[2].name = 'workshop-2026';
    expect(compareClusterYaml(base, head)).toEqual({ whole: false, support: false, hubs: new Set(['workshop-2026']), removed: ['workshop'] });
  });

  it('reordering hubs or editing comments plans nothing', () => {
    const head = clone();
    head.hubs.reverse();
    expect(compareClusterYaml(base, head)).toEqual({ whole: false, support: false, hubs: new Set(), removed: [] });
  });

  it('the provider or its access settings changing plans the whole cluster', () => {
    const head = clone();
    head.gcp.zone = 'other';
    expect(compareClusterYaml(base, head)).toMatchObject({ whole: true, support: true });
  });

  it('anything not comparable plans the whole cluster', () => {
    expect(compareClusterYaml(base, { ...clone(), hubs: 'oops' })).toMatchObject({ whole: true, support: true });
    expect(compareClusterYaml(base, { ...clone(), hubs: [{ name: 'a' }, { name: 'a' }] })).toMatchObject({ whole: true });
    expect(compareClusterYaml(null, clone())).toMatchObject({ whole: true });
  });
});
