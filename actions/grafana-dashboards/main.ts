import path from 'node:path';
import { runAction } from '../../src/action/adapter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { DASHBOARD_HEADER, dashboardRows, deployDashboards } from '../../src/shared/grafana/dashboards.js';
import { parseDashboardSet } from '../../src/shared/grafana/render.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('grafana-dashboards', async (ctx) => {
  const { inputs, reporter } = ctx;
  await ctx.ensureTools(['sops', 'jsonnet']);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const root = path.resolve(workspace, inputs.string('dashboards-dir', { required: true }));
  const cluster = inputs.optional('cluster');
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    const result = await deployDashboards({
      paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir'), chartsDir: inputs.optional('charts-dir') }),
      reporter,
      clusters: cluster ? [cluster] : [],
      dashboardsRoot: root,
      folderUid: inputs.optional('folder-uid'),
      folderName: inputs.optional('folder-name'),
      extraSets: inputs.lines('extra-dashboards').map((s) => parseDashboardSet(s, root)),
      grafanaUrl: inputs.optional('grafana-url'),
      grafanaUrlTemplate: inputs.optional('grafana-url-template'),
      token: cluster ? process.env.GRAFANA_TOKEN || undefined : undefined,
      dryRun: inputs.boolean('dry-run'),
      parallelism: inputs.integer('parallelism', { default: 8, min: 1, max: 64 }),
      env: key.env,
    });
    ctx.setOutput('results', result.rows.map(({ cluster: c, dashboard, source, uid, action, link, error }) => ({ cluster: c, dashboard, source, uid, action, link, error })));
    ctx.setOutput('failed-clusters', result.failed);
    ctx.setOutput('writes', String(result.writes));
    ctx.summary.addHeading(`Grafana dashboards${result.dryRun ? ' (dry run)' : ''}: ${result.clusters.length - result.failed.length} of ${result.clusters.length} cluster(s) done, ${result.writes} write(s)`, 3);
    ctx.summary.addTable([DASHBOARD_HEADER.map((h) => ({ data: h, header: true })), ...dashboardRows(result.rows)]);
    if (result.skipped.length) ctx.summary.addRaw(`Skipped (no Grafana ingress in the support values): ${result.skipped.join(', ')}\n`);
    if (result.failed.length) throw new DeployerError(`dashboards failed on ${result.failed.length} of ${result.clusters.length} cluster(s): ${result.failed.join(', ')}`);
  } finally {
    await key.dispose();
  }
});
