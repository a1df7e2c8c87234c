import { runAction } from '../../src/action/adapter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { runHubHealthCheck, summaryMarkdown, verdict, type HubType } from '../../src/shared/health/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('health-check', async (ctx) => {
  const { inputs, reporter } = ctx;
  const token = inputs.optional('api-token');
  if (token) reporter.mask(token);
  const cluster = inputs.optional('cluster');
  // The cluster path decrypts the cluster's credentials (and a secret domain override) with sops.
  if (cluster) await ctx.ensureTools(['sops']);
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  // A cancelled job sends SIGINT/SIGTERM: stop the check, still remove the health-check user.
  const ac = new AbortController();
  const cancel = () => ac.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    const result = await runHubHealthCheck({
      paths: cluster ? repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') }) : undefined,
      cluster,
      hub: inputs.optional('hub'),
      hubUrl: inputs.optional('hub-url'),
      token,
      hubType: inputs.choice<HubType>('hub-type', ['basehub', 'daskhub'], 'basehub'),
      checkDaskScaling: inputs.boolean('check-dask-scaling'),
      notebookFiles: inputs.list('notebooks'),
      notebookBase: ctx.configRoot(),
      ambient: inputs.boolean('ambient-credentials'),
      env: key.env,
      reporter,
      check: {
        attempts: inputs.integer('attempts', { default: 3, min: 1, max: 20 }),
        attemptTimeoutMs: inputs.integer('attempt-timeout', { default: 600, min: 1 }) * 1000,
        signal: ac.signal,
      },
    });
    ctx.setOutput('result', result);
    ctx.setOutput('status', result.status);
    ctx.setOutput('classification', result.classification ?? '');
    ctx.summary.addRaw(summaryMarkdown(result), true);
    if (result.status === 'failed') throw new DeployerError(verdict(result));
    reporter.info(verdict(result));
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
    await key.dispose();
  }
});
