import * as core from '@actions/core';
import { runAction } from '../../src/action/adapter.js';
import { UsageError } from '../../src/shared/errors.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { decryptAgeForWorkflow } from '../../src/shared/ops/decrypt-age.js';
import { changesTable, describeChanges } from '../../src/shared/changes/index.js';

await runAction('decrypt-age', async (ctx) => {
  const { inputs, reporter } = ctx;
  const outputFile = inputs.optional('output-file');
  const maskedOutput = inputs.boolean('masked-output');
  const pullRequest = inputs.boolean('pull-request');
  if (!outputFile && !maskedOutput) throw new UsageError('say where the plaintext goes: `output-file` (re-encrypted with sops into the repository) or `masked-output: true`', 'the plaintext is never printed');
  if (pullRequest && !outputFile) throw new UsageError('`pull-request: true` needs `output-file`');
  await ctx.ensureTools(['sops']);
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    const r = await decryptAgeForWorkflow({
      configRoot: ctx.configRoot(),
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      encryptedFile: inputs.optional('encrypted-file'),
      encryptedContent: inputs.optional('encrypted-content'),
      identityFile: inputs.optional('identity-file'),
      outputFile,
      overwrite: inputs.boolean('overwrite'),
      reporter,
      env: key.env,
    });
    if (r.plaintext !== undefined) {
      // Masked first (core.setSecret for the whole value and each line), then set as is: the adapter's setOutput
      // would replace the registered secret by *** and hand the next step nothing.
      core.setSecret(r.plaintext);
      for (const line of r.plaintext.split(/\r?\n/)) if (line.trim().length >= 4) core.setSecret(line);
      core.setOutput('plaintext', r.plaintext);
      reporter.info('decrypted; the plaintext is in the masked `plaintext` output (never printed)');
      ctx.summary.addRaw('decrypt-age: decrypted into the masked `plaintext` output.\n', true);
    }
    if (r.changes.length) {
      const t = changesTable(r.changes);
      reporter.table('changed files', t.header, t.rows);
      ctx.setOutput('changed-files', r.changes.map((c) => c.path));
      ctx.summary.addRaw(`decrypt-age: re-encrypted with sops into the repository:\n\n${describeChanges(r.changes)}\n`, true);
      if (pullRequest) {
        const { openPullRequest, branchName } = await import('../../src/shared/changes/pull-request.js');
        const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
        const base = inputs.optional('base') || process.env.GITHUB_REF_NAME || 'main';
        const pr = await openPullRequest({
          token: inputs.string('github-token', { required: true }),
          baseUrl: process.env.GITHUB_API_URL,
          owner,
          repo,
          base,
          branch: branchName('deployer', 'decrypt-age', outputFile!),
          title: `decrypt-age: add ${outputFile}`,
          body: `Re-encrypted with sops by the decrypt-age action.\n\n${describeChanges(r.changes)}`,
          root: ctx.configRoot(),
          changes: r.changes,
          reporter,
        });
        ctx.setOutput('pull-request-url', pr.url);
        ctx.summary.addRaw(`\nPull request: ${pr.url}\n`, true);
      }
    }
  } finally {
    await key.dispose();
  }
});
