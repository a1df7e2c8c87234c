import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAction } from '../../src/action/adapter.js';
import { untrustedBlock } from '../../src/action/reporter.js';
import { ARTIFACT_FILE, artifactJson } from '../../src/shared/diff/artifact.js';
import { diffChange, diffMarkdown, diffText, SKIP_UNCHANGED_LABEL, skipUnchanged } from '../../src/shared/diff/api.js';
import { labelsFromEventFile, parseLabels } from '../../src/shared/plan/inputs.js';
import { matrixOutputs } from '../../src/shared/plan/render.js';

await runAction('diff', async (ctx) => {
  const { inputs } = ctx;
  await ctx.ensureTools(['helm', 'jsonnet']);
  const labelsInput = inputs.string('labels');
  const fromEvent = process.env.GITHUB_EVENT_NAME?.startsWith('pull_request') && process.env.GITHUB_EVENT_PATH ? labelsFromEventFile(process.env.GITHUB_EVENT_PATH) : undefined;
  const labels = labelsInput ? parseLabels(labelsInput, 'input labels') : (fromEvent ?? []);
  const result = await ctx.reporter.group('render the base and the head', () =>
    diffChange({
      configRoot: ctx.configRoot(),
      clustersDir: inputs.string('clusters-dir', { default: 'config/clusters' }),
      chartsDir: inputs.string('charts-dir', { default: 'helm-charts' }),
      base: inputs.string('base-ref', { required: true }),
      head: inputs.string('head-ref', { default: 'HEAD' }),
      labels,
      reporter: ctx.reporter,
    }),
  );
  const skip = (inputs.boolean('skip-unchanged') || labels.includes(SKIP_UNCHANGED_LABEL)) && result.matrices ? skipUnchanged(result.matrices, result.releases) : undefined;
  const deploy = skip?.matrices ?? result.matrices;
  if (deploy) for (const [name, value] of Object.entries(matrixOutputs(deploy))) ctx.setOutput(name, value);
  const names = (s: string) => result.releases.filter((r) => r.status === s).map((r) => `${r.cluster}/${r.release}`);
  ctx.setOutput('changed', [...names('changed'), ...names('added'), ...names('removed')]);
  ctx.setOutput('unchanged', names('unchanged'));
  ctx.setOutput('failed', names('failed'));
  ctx.setOutput('dropped', (skip?.dropped ?? []).map((d) => `${d.cluster}/${d.release}`));

  // The artifact the workflow_run poster reads, the comment (under GitHub's limit) and the full diff.
  const dir = path.resolve(inputs.string('artifact-dir', { default: path.join(process.env.RUNNER_TEMP || '.', 'deployer-diff') }));
  await ctx.writeInputFile('artifact-dir', path.join(dir, ARTIFACT_FILE), artifactJson(result, skip));
  const comment = diffMarkdown(result, { dropped: skip?.dropped, matrices: skip?.matrices });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'comment.md'), comment);
  await writeFile(path.join(dir, 'diff.txt'), diffText(result, skip?.dropped));
  ctx.setOutput('artifact-dir', dir);
  ctx.setOutput('comment-file', path.join(dir, 'comment.md'));
  ctx.summary.addRaw(diffMarkdown(result, { dropped: skip?.dropped, matrices: skip?.matrices, limit: 900_000, maxLinesPerRelease: 5_000 }));
  untrustedBlock(() => ctx.reporter.info(diffText(result, skip?.dropped)));

  if (inputs.boolean('post-comment')) {
    const { upsertStickyComment } = await import('../../src/shared/github/pr-comment.js');
    const { COMMENT_MARKER } = await import('../../src/shared/diff/comment.js');
    const pr = inputs.integer('pull-request', { default: 0, min: 0 });
    const repository = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
    const posted = await upsertStickyComment({
      token: inputs.string('github-token', { required: true }),
      baseUrl: process.env.GITHUB_API_URL,
      owner: repository[0],
      repo: repository[1],
      marker: COMMENT_MARKER,
      body: comment,
      pullNumber: pr || undefined,
      headSha: pr ? undefined : inputs.optional('head-sha'),
    });
    ctx.reporter.info(`${posted.created ? 'created' : 'updated'} the diff comment on #${posted.pullNumber}`);
  }
  const failed = names('failed');
  if (failed.length && inputs.boolean('fail-on-render-error', true)) {
    const { DeployerError } = await import('../../src/shared/errors.js');
    throw new DeployerError(`${failed.length} release(s) failed to render: ${failed.join(', ')}`, { hint: 'see the job summary for the located errors' });
  }
});
