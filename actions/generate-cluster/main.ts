import { runAction } from '../../src/action/adapter.js';
import { UsageError } from '../../src/shared/errors.js';
import { actionInput, filesTable } from '../../src/shared/generate/index.js';
import { proposeCluster } from '../../src/shared/generate/propose.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('generate-cluster', async (ctx) => {
  const { inputs, reporter } = ctx;
  const dryRun = inputs.boolean('dry-run');
  const openPr = inputs.boolean('pull-request', true) && !dryRun;
  let pullRequest;
  if (openPr) {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    const base = inputs.optional('base-branch') ?? (process.env.GITHUB_REF?.startsWith('refs/heads/') ? process.env.GITHUB_REF_NAME : undefined);
    if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set: cannot open the pull request', 'run inside GitHub Actions, or set `pull-request: false`');
    if (!base) throw new UsageError('no base branch for the pull request', 'set the `base-branch` input (the run is not on a branch)');
    pullRequest = { token: inputs.string('github-token', { required: true }), baseUrl: process.env.GITHUB_API_URL, owner, repo, base };
  }
  if (!dryRun) await ctx.ensureTools(['sops']);
  const { result, pullRequest: pr } = await proposeCluster({
    paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') }),
    reporter,
    force: inputs.boolean('force'),
    rotateCredentials: inputs.boolean('rotate-credentials'),
    dryRun,
    flag: actionInput,
    pullRequest,
    input: {
      provider: inputs.string('provider', { required: true }),
      clusterName: inputs.string('cluster-name', { required: true }),
      region: inputs.optional('cluster-region'),
      zone: inputs.optional('cluster-zone'),
      projectId: inputs.optional('project-id'),
      accountId: inputs.optional('account-id'),
      hubs: inputs.list('hubs'),
      hubType: inputs.optional('hub-type'),
      daskNodes: inputs.boolean('dask-nodes'),
      paidByUs: inputs.boolean('paid-by-us'),
      billingId: inputs.optional('billing-id'),
      billingProject: inputs.optional('billing-project'),
      billingDataset: inputs.optional('billing-dataset'),
      hubspotDealId: inputs.optional('hubspot-deal-id'),
      dnsZone: inputs.optional('dns-zone'),
      grafanaGithubOrg: inputs.optional('grafana-github-org'),
      eksVersion: inputs.optional('eks-version'),
    },
  });
  ctx.setOutput('cluster-dir', result.clusterDir);
  ctx.setOutput('files', result.changes.map((c) => c.path));
  ctx.setOutput('pull-request-number', pr ? String(pr.number) : '');
  ctx.setOutput('pull-request-url', pr?.url ?? '');
  const t = filesTable(result);
  ctx.summary.addHeading(`generate-cluster ${result.provider} ${result.cluster}${result.dryRun ? ' (dry run)' : ''}`, 3);
  ctx.summary.addTable([t.header.map((h) => ({ data: h, header: true })), ...t.rows]);
  if (pr) ctx.summary.addRaw(`Pull request: <a href="${pr.url}">#${pr.number}</a> (${pr.created ? 'opened' : 'updated'})\n`);
  const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  ctx.summary.addHeading('Next steps', 4).addList(result.nextSteps.map(html));
});
