import { runAction } from '../../src/action/adapter.js';
import { untrustedBlock } from '../../src/action/reporter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { formatFinding } from '../../src/shared/findings.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { clustersTouchedBy, parseChecks, runValidation } from '../../src/shared/validate/index.js';
import { findingsMarkdown } from '../../src/shared/validate/report.js';

await runAction('validate', async (ctx) => {
  const { inputs } = ctx;
  const paths = repoPaths({
    configRoot: ctx.configRoot(),
    clustersDir: inputs.string('clusters-dir', { default: 'config/clusters' }),
    chartsDir: inputs.string('charts-dir', { default: 'helm-charts' }),
  });
  const cluster = inputs.optional('cluster');
  const hub = inputs.optional('hub');
  const changed = inputs.list('changed-files');
  let clusters: string[] | undefined;
  if (!cluster && changed.length) {
    const touched = clustersTouchedBy(paths, changed);
    clusters = touched.clusters;
    untrustedBlock(() => ctx.reporter.info(`changed files touch: ${touched.all ? 'every cluster (a chart changed)' : clusters!.join(', ') || 'no cluster'}`));
  }
  const render = inputs.boolean('render', true);
  // jsonnet renders *.jsonnet values files; helm renders the charts (not needed with render: false).
  await ctx.ensureTools(render ? ['helm', 'jsonnet'] : ['jsonnet']);
  const result = await ctx.reporter.group('validate', () =>
    runValidation(paths, { checks: parseChecks(inputs.string('checks', { default: 'all' })), cluster, hub, clusters }, { reporter: ctx.reporter, render }),
  );

  ctx.setOutput('findings', result.findings);
  ctx.setOutput('error-count', String(result.errors));
  ctx.setOutput('warning-count', String(result.warnings));
  ctx.setOutput('clusters', result.clusters);

  untrustedBlock(() => {
    for (const f of result.findings) ctx.reporter.info(formatFinding(f));
  });
  ctx.annotateFindings(result.findings); // capped; the summary lists them all
  const server = process.env.GITHUB_SERVER_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  const sha = process.env.GITHUB_SHA;
  const root = inputs.string('config-root', { default: '.' }).replace(/^\.\/?$/, '').replace(/\/$/, '');
  ctx.summary.addRaw(
    findingsMarkdown(result.findings, {
      scope: cluster ? (hub ? `${cluster}/${hub}` : cluster) : `${result.clusters.length} cluster(s)${result.clusters.length ? ` (${result.clusters.join(', ')})` : ''}`,
      link: server && repo && sha ? (file, line) => `${server}/${repo}/blob/${sha}/${root ? `${root}/` : ''}${file}#L${line}` : undefined,
    }),
  );
  const s = result.stats;
  ctx.reporter.info(`${s.renders} helm template render(s), ${s.dependencyBuilds} dependency build(s), ${s.helmStarts} helm process(es) in ${(s.durationMs / 1000).toFixed(2)} s`);
  if (result.errors && inputs.boolean('fail-on-error', true)) {
    throw new DeployerError(`${result.errors} error(s) and ${result.warnings} warning(s) found: see the annotations and the job summary`);
  }
});
