import path from 'node:path';
import { runAction } from '../../src/action/adapter.js';
import { untrustedBlock } from '../../src/action/reporter.js';
import { commentBody, hasJobs, removedHubsMarkdown, markdownCell, matrixOutputs, planDeployments, planRequestFromInputs, textTables } from '../../src/shared/plan/index.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('helm-upgrade-jobs', async (ctx) => {
  const { inputs } = ctx;
  const paths = repoPaths({
    configRoot: ctx.configRoot(),
    clustersDir: inputs.string('clusters-dir', { default: 'config/clusters' }),
    chartsDir: inputs.string('charts-dir', { default: 'helm-charts' }),
  });
  const request = await planRequestFromInputs({
    paths,
    changedFiles: inputs.string('changed-files'),
    baseRef: inputs.optional('base-ref'),
    headRef: inputs.optional('head-ref'),
    labels: inputs.string('labels'),
    rules: inputs.string('rules'),
    eventName: process.env.GITHUB_EVENT_NAME,
    eventPath: process.env.GITHUB_EVENT_PATH,
  });
  const result = await planDeployments(request);
  const comment = commentBody(result.matrices) + removedHubsMarkdown(result.removedHubs);

  for (const [name, value] of Object.entries(matrixOutputs(result.matrices))) ctx.setOutput(name, value);
  ctx.setOutput('comment-body', comment);
  ctx.setOutput('has-jobs', String(hasJobs(result.matrices)));

  untrustedBlock(() => {
    ctx.reporter.info(`changed files (${request.source}): ${JSON.stringify(result.changed)}`);
    ctx.reporter.info(`labels (${request.labelsSource}): ${JSON.stringify(request.labels)}`);
    for (const note of result.notes) ctx.reporter.info(note);
    ctx.reporter.info(textTables(result.matrices));
  });
  for (const w of result.warnings) ctx.reporter.warn(w);

  ctx.summary.addHeading('Deployment plan', 2).addRaw('\n');
  if (result.warnings.length) ctx.summary.addRaw(result.warnings.map((w) => `> [!WARNING]\n> ${markdownCell(w)}\n`).join('\n') + '\n');
  ctx.summary.addRaw(comment.replace(/^<!-- deployment-plan -->\n/, ''));

  const commentFile = inputs.optional('comment-file');
  if (commentFile) await ctx.writeInputFile('comment-file', commentFile, comment);
});
