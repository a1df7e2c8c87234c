import { runAction } from '../../src/action/adapter.js';
import { DeployerError, describeError } from '../../src/shared/errors.js';
import { splitArgs } from '../../src/shared/helm/args.js';
import { ageKeyEnv, type AgeKeyEnv } from '../../src/shared/deploy/agekey.js';
import { deploySupport, releaseResultRows, SUPPORT_HEADER, type DeploySupportResult } from '../../src/shared/deploy/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('deploy-support', async (ctx) => {
  const { inputs, reporter } = ctx;
  // The output is always set: a failed result with no release when the run fails before any (bad input, tools, key).
  let result: DeploySupportResult | undefined;
  let key: AgeKeyEnv | undefined;
  try {
    await ctx.ensureTools(['helm', 'kubectl', 'sops', 'jsonnet']);
    key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
    result = await deploySupport({
      paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir'), chartsDir: inputs.optional('charts-dir') }),
      cluster: inputs.string('cluster', { required: true }),
      reporter,
      certManagerVersion: inputs.optional('cert-manager-version'),
      certManagerChart: inputs.optional('cert-manager-chart'),
      certManagerCrds: inputs.optional('cert-manager-crds'),
      skipCertManager: inputs.boolean('skip-cert-manager'),
      dryRun: inputs.boolean('dry-run'),
      debug: inputs.boolean('debug'),
      atomic: inputs.boolean('atomic'),
      recoverPending: inputs.boolean('recover-pending'),
      timeoutS: inputs.integer('timeout', { default: 600, min: 1 }),
      helmExtraArgs: splitArgs(inputs.optional('helm-extra-args')),
      kubectlExtraArgs: splitArgs(inputs.optional('kubectl-extra-args')),
      ambient: inputs.boolean('ambient-credentials'),
      env: key.env,
    });
    ctx.summary.addHeading(`deploy-support ${result.cluster}${result.dryRun ? ' (dry run)' : ''}`, 3);
    if (result.message) ctx.summary.addRaw(result.message + '\n');
    else ctx.summary.addTable([SUPPORT_HEADER.map((h) => ({ data: h, header: true })), ...releaseResultRows(result.releases)]);
    if (result.status === 'failed') throw new DeployerError(`support deployment of ${result.cluster} failed`);
  } catch (e) {
    result ??= { cluster: inputs.optional('cluster') ?? '', status: 'failed', dryRun: /^(true|yes|1|on)$/i.test(inputs.optional('dry-run') ?? ''), message: describeError(e).split('\n')[0], releases: [] };
    throw e;
  } finally {
    ctx.setOutput('result', result);
    await key?.dispose();
  }
});
