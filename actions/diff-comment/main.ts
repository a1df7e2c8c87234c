import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../../src/action/adapter.js';
import { ARTIFACT_FILE, readArtifact } from '../../src/shared/diff/artifact.js';
import { COMMENT_MARKER, diffMarkdown } from '../../src/shared/diff/comment.js';
import { DeployerError } from '../../src/shared/errors.js';
import { upsertStickyComment } from '../../src/shared/github/pr-comment.js';

// Runs in a `workflow_run` workflow (write token, no checkout of the pull request's code). The artifact is untrusted:
// it is rebuilt field by field and only shown as escaped text; which pull request to comment on comes from the
// event GitHub sent (the run's head commit), never from the artifact.
await runAction('diff-comment', async (ctx) => {
  const { inputs } = ctx;
  const artifact = await readArtifact(path.join(inputs.string('artifact-dir', { required: true }), ARTIFACT_FILE));
  const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { workflow_run?: { head_sha?: string; head_repository?: { full_name?: string } } };
  const run = event.workflow_run;
  if (!run?.head_sha) throw new DeployerError('this action runs on a workflow_run event (the event has no workflow_run.head_sha)', { hint: 'call it from a workflow with `on: workflow_run`' });
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  const body = diffMarkdown(artifact.result, { dropped: artifact.deploy?.dropped, matrices: artifact.deploy?.matrices });
  const posted = await upsertStickyComment({
    token: inputs.string('github-token', { required: true }),
    baseUrl: process.env.GITHUB_API_URL,
    owner,
    repo,
    marker: COMMENT_MARKER,
    body,
    headSha: run.head_sha,
    headRepository: run.head_repository?.full_name,
  });
  ctx.setOutput('pull-request', String(posted.pullNumber));
  ctx.setOutput('comment-url', posted.url);
  ctx.reporter.info(`${posted.created ? 'created' : 'updated'} the diff comment on #${posted.pullNumber}`);
});
