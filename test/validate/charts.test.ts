import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChartWorkspace } from '../../src/shared/helm/charts.js';
import { helmTemplate, HelmTemplateError } from '../../src/shared/helm/template.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { copyTree, hashTree } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '..', 'fixtures', 'validate', 'infra');

describe('ChartWorkspace', () => {
  it('builds each chart once, in dependency order, in a temp copy that leaves the repo untouched', async () => {
    const repo = copyTree(fixture);
    const before = hashTree(repo);
    const ws = await createChartWorkspace(repoPaths({ configRoot: repo }));
    try {
      const [a, b, c] = await Promise.all([ws.chartDir('daskhub'), ws.chartDir('daskhub'), ws.chartDir('basehub')]);
      expect(a).toBe(b);
      expect(a.startsWith(ws.root)).toBe(true);
      // basehub has no dependencies (no helm call), daskhub one: one dependency build in all.
      expect(ws.dependencyBuilds).toBe(1);
      expect(existsSync(path.join(a, 'charts', 'basehub-0.1.0.tgz'))).toBe(true);
      expect(JSON.parse(readFileSync(path.join(c, 'values.schema.json'), 'utf8')).additionalProperties).toBe(false);
      await ws.chartDir('daskhub');
      expect(ws.dependencyBuilds).toBe(1);
      const out = await helmTemplate({
        chartDir: a,
        release: 'prod',
        namespace: 'prod',
        valuesFiles: [path.join(repo, 'config/clusters/alpha/prod.values.yaml')],
        set: ['dask-gateway.gateway.auth.jupyterhub.apiToken=dummy'],
      });
      expect(out.manifest).toContain('name: prod-gateway');
      expect(out.manifest).toContain('nfs-server: "10.0.0.2"');
    } finally {
      await ws.dispose();
    }
    expect(existsSync(ws.root)).toBe(false);
    expect(hashTree(repo)).toEqual(before);
  });

  it('locates a template error in the repo chart', async () => {
    const repo = copyTree(fixture);
    const ws = await createChartWorkspace(repoPaths({ configRoot: repo }));
    try {
      const dir = await ws.chartDir('daskhub');
      const err = await helmTemplate({
        chartDir: dir,
        release: 'prod',
        namespace: 'prod',
        valuesFiles: [path.join(repo, 'config/clusters/alpha/prod.values.yaml')],
        sources: { top: 'helm-charts/daskhub', subcharts: { basehub: 'helm-charts/basehub' } },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(HelmTemplateError);
      expect(err.file).toBe('helm-charts/daskhub/templates/gateway.yaml');
      expect(err.line).toBe(6);
      expect(err.message).toMatch(/apiToken must be set/);
    } finally {
      await ws.dispose();
    }
  });
});
