import { runAction } from '../../src/action/adapter.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { OPERATIONS, runOperation } from '../../src/shared/cilogon/index.js';
import { changesTable } from '../../src/shared/changes/index.js';
import { DeployerError } from '../../src/shared/errors.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('cilogon-client', async (ctx) => {
  const { inputs, reporter } = ctx;
  inputs.string('operation', { required: true });
  const operation = inputs.choice('operation', OPERATIONS, 'get');
  const token = inputs.optional('github-token');
  if (token) reporter.mask(token);
  // Where a change goes is checked before CILogon is touched: a created client must not outlive a failed run.
  const propose = inputs.boolean('pull-request', true) && (operation === 'create' || operation === 'delete');
  const { pullRequestTargetFromEnv, openPullRequest, branchName } = propose ? await import('../../src/shared/changes/pull-request.js') : ({} as never);
  const target = propose ? pullRequestTargetFromEnv(process.env, inputs.optional('base-branch')) : undefined;
  if (propose && !token) throw new DeployerError('input `github-token` is empty, so the change cannot become a pull request', { hint: 'pass `github-token` (default `${{ github.token }}`), or set `pull-request: false`' });
  await ctx.ensureTools(['sops']);
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    let pr: { url: string; number: number; created: boolean } | undefined;
    const result = await runOperation(
      { paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') }), reporter, sopsEnv: key.env, apiUrl: inputs.optional('cilogon-url'), adminCredentialsFile: inputs.optional('admin-credentials-file') },
      operation,
      { cluster: inputs.optional('cluster'), hub: inputs.optional('hub'), hubDomain: inputs.optional('hub-domain'), clientId: inputs.optional('client-id'), callbackUrls: inputs.list('callback-urls'), remove: inputs.boolean('delete'), keep: inputs.lines('keep') },
      propose
        ? async ({ changes, title, body }) => {
            const branch = branchName('deployer', `cilogon-client-${operation}`, inputs.string('cluster'), inputs.string('hub'));
            pr = await openPullRequest({ token: token!, ...target!, branch, title, body, root: ctx.configRoot(), changes, reporter });
          }
        : undefined,
    );
    reporter.info(result.message);
    ctx.setOutput('changed-files', result.changes);
    if (result.client) ctx.setOutput('client', result.client);
    if (result.clients) ctx.setOutput('clients', result.clients);
    if (result.used !== undefined) ctx.setOutput('clients-used', String(result.used));
    if (result.cleanup) ctx.setOutput('cleanup', result.cleanup.findings);
    ctx.summary.addHeading(`cilogon-client ${operation}`, 3).addRaw(`\n${result.message}\n\n`);
    if (result.changes.length) {
      const t = changesTable(result.changes);
      ctx.summary.addTable([t.header.map((h) => ({ data: h, header: true })), ...t.rows]);
    }
    if (pr) {
      ctx.setOutput('pull-request-url', pr.url);
      ctx.setOutput('pull-request-number', String(pr.number));
      ctx.summary.addRaw(`\n${pr.created ? 'Opened' : 'Updated'} pull request [#${pr.number}](${pr.url}).\n`);
    } else if (result.changes.length) reporter.info(`left in the workspace for a later step: ${result.changes.map((c) => c.path).join(', ')}`);
  } finally {
    await key.dispose();
  }
});
