// One entry for both phases: the main step authenticates and exports KUBECONFIG for the job's later steps; the post
// step (action.yml `post:` with `post-if: always()`, so after success, failure and cancellation) removes it.
import * as core from '@actions/core';
import { runAction } from '../../src/action/adapter.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { exportClusterCredentials, removeExported } from '../../src/shared/ops/credentials.js';
import { repoPaths } from '../../src/shared/repo/index.js';

const STATE_DIR = 'credentials-dir';

if (core.getState('phase') === 'main') {
  await runAction('cluster-credentials (post)', async () => {
    const dir = core.getState(STATE_DIR);
    if (!dir) return core.info('no credentials were exported; nothing to remove');
    core.info(removeExported(dir) ? `removed the cluster credentials (${dir})` : `the cluster credentials (${dir}) were already gone`);
  });
} else {
  core.saveState('phase', 'main');
  await runAction('cluster-credentials', async (ctx) => {
    const { inputs, reporter } = ctx;
    await ctx.ensureTools(['sops', 'kubectl']);
    const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
    try {
      const exported = await exportClusterCredentials({
        paths: repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') }),
        cluster: inputs.string('cluster', { required: true }),
        ambient: inputs.boolean('ambient-credentials'),
        env: key.env,
        reporter,
        // Saved before anything else can fail, so the post step removes even a half-written directory.
        onDirectory: (dir) => core.saveState(STATE_DIR, dir),
      });
      core.exportVariable('KUBECONFIG', exported.kubeconfig);
      ctx.setOutput('kubeconfig', exported.kubeconfig);
      ctx.setOutput('context', exported.context);
      ctx.summary.addRaw(`cluster-credentials: KUBECONFIG set for the later steps of this job (context \`${exported.context || 'default'}\`); removed when the job ends.\n`, true);
    } finally {
      await key.dispose();
    }
  });
}
