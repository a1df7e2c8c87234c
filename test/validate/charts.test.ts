import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    rmSync(repo, { recursive: true, force: true });
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
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('ChartWorkspace chart_override variants', () => {
  it('builds a daskhub whose basehub has the override Chart.yaml, once per override content', async () => {
    const repo = copyTree(fixture);
    const override = path.join(repo, 'config/clusters/alpha/custom-chart.yaml');
    writeFileSync(override, 'apiVersion: v2\nname: basehub\ndescription: custom basehub for alpha\nversion: 0.1.0\n');
    const ws = await createChartWorkspace(repoPaths({ configRoot: repo }));
    try {
      const [dir, again] = await Promise.all([ws.overrideChartDir('daskhub', override), ws.overrideChartDir('daskhub', override)]);
      expect(dir).toBe(again);
      expect(path.basename(dir)).toBe('daskhub');
      expect(ws.dependencyBuilds).toBe(1);
      const packaged = execFileSync('tar', ['-xzOf', path.join(dir, 'charts', 'basehub-0.1.0.tgz'), 'basehub/Chart.yaml'], { encoding: 'utf8' });
      expect(packaged).toContain('custom basehub for alpha');
      // The shared copy is not affected.
      expect(readFileSync(path.join(await ws.chartDir('basehub'), 'Chart.yaml'), 'utf8')).not.toContain('custom');
      const base = await ws.overrideChartDir('basehub', override);
      expect(readFileSync(path.join(base, 'Chart.yaml'), 'utf8')).toContain('custom basehub for alpha');
    } finally {
      await ws.dispose();
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('reports a dependency that cannot be built at its Chart.yaml, naming the repo path, not the temp copy', async () => {
    const repo = copyTree(fixture);
    writeFileSync(path.join(repo, 'helm-charts/daskhub/Chart.yaml'), 'apiVersion: v2\nname: daskhub\nversion: 0.1.0\ndependencies:\n  - name: basehub\n    version: 9.9.9\n    repository: file://../basehub\n');
    const ws = await createChartWorkspace(repoPaths({ configRoot: repo }));
    try {
      const err = await ws.chartDir('daskhub').catch((e) => e);
      expect(err.file).toBe('helm-charts/daskhub/Chart.yaml');
      expect(err.message).toMatch(/helm dependency build` failed for chart helm-charts\/daskhub/);
      expect(err.message).not.toContain(ws.root);
    } finally {
      await ws.dispose();
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
