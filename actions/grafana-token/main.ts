import { runAction } from '../../src/action/adapter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { describeChanges } from '../../src/shared/changes/index.js';
import { newGrafanaToken } from '../../src/shared/grafana/token.js';
import { storeTokenFile } from '../../src/shared/grafana/token-file.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('grafana-token', async (ctx) => {
  const { inputs, reporter } = ctx;
  await ctx.ensureTools(['sops']);
  const pullRequest = inputs.boolean('pull-request');
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    const paths = repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir'), chartsDir: inputs.optional('charts-dir') });
    if (inputs.boolean('central-datasources')) {
      // The other operator task on the deployer token: with it, make every cluster's Prometheus a datasource of the
      // central Grafana of `cluster` (created, or updated when its URL or user changed; stale ones only listed).
      const { syncCentralDatasources, DATASOURCE_HEADER, datasourceRows } = await import('../../src/shared/grafana/datasources.js');
      const r = await syncCentralDatasources({
        paths,
        reporter,
        centralCluster: inputs.string('cluster', { required: true }),
        grafanaUrl: inputs.optional('grafana-url'),
        token: process.env.GRAFANA_TOKEN || undefined,
        dryRun: inputs.boolean('dry-run'),
        env: key.env,
      });
      ctx.setOutput('datasources', r.rows);
      ctx.setOutput('failed-clusters', r.failed);
      ctx.setOutput('remove-candidates', r.removeCandidates);
      ctx.summary.addHeading(`Central Grafana datasources: ${r.rows.length - r.failed.length} of ${r.rows.length} cluster(s) done, ${r.writes} write(s)`, 3);
      ctx.summary.addTable([DATASOURCE_HEADER.map((h) => ({ data: h, header: true })), ...datasourceRows(r.rows)]);
      if (r.removeCandidates.length) ctx.summary.addRaw(`Datasources that name no cluster (not removed): ${r.removeCandidates.join(', ')}\n`, true);
      if (r.failed.length) throw new DeployerError(`${r.failed.length} cluster(s) could not be made datasources: ${r.failed.join(', ')}`);
      return;
    }
    const r = await newGrafanaToken({
      paths,
      reporter,
      cluster: inputs.string('cluster', { required: true }),
      replace: inputs.boolean('replace'),
      grafanaUrl: inputs.optional('grafana-url'),
      env: key.env,
      store: (cluster, token) => storeTokenFile({ paths, cluster, token, reporter, env: key.env }),
    });
    ctx.setOutput('token-file', r.tokenFile);
    ctx.setOutput('action', r.action);
    ctx.setOutput('created', r.action === 'kept' ? 'false' : 'true');
    ctx.summary.addHeading(`Grafana token of ${r.cluster}: ${r.action}`, 3);
    ctx.summary.addRaw(
      r.action === 'kept'
        ? 'A valid `deployer` token exists; nothing changed. Set `replace: true` to rotate it.\n'
        : `A new \`deployer\` token was written sops-encrypted:\n\n${describeChanges(r.changes)}\n`,
      true,
    );
    if (pullRequest && r.changes.length) {
      const { openPullRequest, branchName, pullRequestTargetFromEnv } = await import('../../src/shared/changes/pull-request.js');
      const target = pullRequestTargetFromEnv(process.env, inputs.optional('base'));
      const pr = await openPullRequest({
        ...target,
        token: inputs.string('github-token', { required: true }),
        branch: branchName('deployer', 'grafana-token', r.cluster),
        title: `Rotate the Grafana deployer token of ${r.cluster}`,
        body: `The grafana-token action created a new \`deployer\` service-account token for ${r.url} (${r.action}) and wrote it sops-encrypted.\n\n${describeChanges(r.changes)}`,
        root: ctx.configRoot(),
        changes: r.changes,
        reporter,
      });
      ctx.setOutput('pull-request-url', pr.url);
      ctx.summary.addRaw(`\nPull request: ${pr.url}\n`, true);
    }
  } finally {
    await key.dispose();
  }
});
