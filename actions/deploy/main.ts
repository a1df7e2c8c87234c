import { runAction } from '../../src/action/adapter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { splitArgs } from '../../src/shared/helm/args.js';
import { ageKeyEnv, type AgeKeyEnv } from '../../src/shared/deploy/agekey.js';
import { deployHubs, hubResultRows, RESULT_HEADER, type HubResult } from '../../src/shared/deploy/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('deploy', async (ctx) => {
  const { inputs, reporter } = ctx;
  // Both outputs are always set: empty lists when the run fails before any hub (bad input, tools, key, cluster).
  let results: HubResult[] = [];
  let failed: string[] = [];
  let key: AgeKeyEnv | undefined;
  try {
    const hub = inputs.optional('hub');
    const hubs = [...(hub ? [hub] : []), ...inputs.list('hubs')];
    await ctx.ensureTools(['helm', 'kubectl', 'sops', 'jsonnet']);
    key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
    const result = await deployHubs({
      paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir'), chartsDir: inputs.optional('charts-dir') }),
      cluster: inputs.string('cluster', { required: true }),
      hubs,
      reporter,
      dryRun: inputs.boolean('dry-run'),
      debug: inputs.boolean('debug'),
      atomic: inputs.boolean('atomic'),
      recoverPending: inputs.boolean('recover-pending'),
      parallelism: inputs.integer('parallelism', { default: 1, min: 1, max: 32 }),
      timeoutS: inputs.integer('timeout', { default: 600, min: 1 }),
      helmExtraArgs: splitArgs(inputs.optional('helm-extra-args')),
      kubectlExtraArgs: splitArgs(inputs.optional('kubectl-extra-args')),
      daskGatewayVersion: inputs.optional('dask-gateway-version'),
      daskGatewayCrds: inputs.optional('dask-gateway-crds'),
      ambient: inputs.boolean('ambient-credentials'),
      env: key.env,
    });
    results = result.results.map(({ hub, status, revision, chart_version, duration_s, error }) => ({ hub, status, revision, chart_version, duration_s, error }));
    failed = result.failed;
    ctx.summary.addHeading(`deploy ${result.cluster}${result.dryRun ? ' (dry run)' : ''}`, 3);
    ctx.summary.addTable([RESULT_HEADER.map((h) => ({ data: h, header: true })), ...hubResultRows(result.results)]);
    if (result.failed.length) throw new DeployerError(`${result.failed.length} of ${result.results.length} hub(s) failed: ${result.failed.join(', ')}`);
  } finally {
    ctx.setOutput('results', results);
    ctx.setOutput('failed-hubs', failed);
    await key?.dispose();
  }
});
