import { runAction } from '../../src/action/adapter.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { parseDuration } from '../../src/shared/ops/duration.js';
import { runWorkflowTool, WORKFLOW_TOOLS } from '../../src/shared/ops/workflow.js';
import { repoPaths } from '../../src/shared/repo/index.js';

await runAction('exec', async (ctx) => {
  const { inputs, reporter } = ctx;
  inputs.string('command', { required: true });
  const tool = inputs.choice('command', WORKFLOW_TOOLS, 'component-logs');
  const since = inputs.optional('since');
  const followFor = inputs.optional('follow-for');
  if (tool !== 'aws-shell') await ctx.ensureTools(['sops']);
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    const result = await runWorkflowTool({
      tool,
      paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') }),
      cluster: inputs.optional('cluster'),
      hub: inputs.optional('hub'),
      component: inputs.optional('component'),
      username: inputs.optional('username'),
      previous: inputs.boolean('previous'),
      sinceSeconds: since ? parseDuration(since, 'input `since`') : undefined,
      tailLines: inputs.integer('tail', { default: 500, min: 0 }),
      followSeconds: followFor ? parseDuration(followFor, 'input `follow-for`') : undefined,
      sourceHomedir: inputs.optional('source-homedir'),
      destinationHomedir: inputs.optional('destination-homedir'),
      awsProfile: inputs.optional('aws-profile'),
      mfaDeviceId: inputs.optional('mfa-device-id'),
      ambient: inputs.boolean('ambient-credentials'),
      env: key.env,
      reporter,
    });
    // The log shows the text (untrusted lines cannot act as workflow commands); the summary the markdown.
    if (!result.streamed) reporter.info(result.text);
    ctx.setOutput('output', result.text);
    ctx.setOutput('commands', result.commands);
    ctx.summary.addRaw(result.markdown, true);
  } finally {
    await key.dispose();
  }
});
