import { runAction } from '../../src/action/adapter.js';
import { untrustedBlock } from '../../src/action/reporter.js';
import { DeployerError, UsageError } from '../../src/shared/errors.js';
import { formatFinding, type Finding } from '../../src/shared/findings.js';
import { displayPath, repoPaths } from '../../src/shared/repo/index.js';
import { clustersTouchedBy, parseChecks, runValidation, type ValidateResult } from '../../src/shared/validate/index.js';
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
  const render = inputs.boolean('render', true);
  const checks = parseChecks(inputs.string('checks', { default: 'all' }));
  const failOnError = inputs.boolean('fail-on-error', true);

  // Whatever happens below, the step writes findings, error-count and the summary: a fault of the repo that stops the
  // run (no clusters, an unknown cluster) becomes the one finding.
  let result: ValidateResult | undefined;
  let stopped: DeployerError | undefined;
  try {
    let clusters: string[] | undefined;
    let clustersReason: string | undefined;
    const changed = inputs.list('changed-files');
    if (!cluster && changed.length) {
      const touched = clustersTouchedBy(paths, changed);
      clusters = touched.clusters;
      clustersReason = 'the changed files touch no cluster (none is inside a cluster directory of clusters-dir, none under charts-dir)';
      untrustedBlock(() => ctx.reporter.info(`changed files touch: ${touched.all ? 'every cluster (a chart changed)' : clusters!.join(', ') || 'no cluster'}`));
      // an annotation's text is escaped by the toolkit; the name is JSON-quoted (no line breaks)
      for (const f of touched.notClusters) ctx.reporter.warn(`changed file ${JSON.stringify(f)} is under a directory of clusters-dir that has no cluster.yaml: it is not validated`);
    }
    // jsonnet renders *.jsonnet values files; helm renders the charts (not needed with render: false).
    await ctx.ensureTools(render ? ['helm', 'jsonnet'] : ['jsonnet']);
    result = await ctx.reporter.group('validate', () => runValidation(paths, { checks, cluster, hub, clusters, clustersReason }, { reporter: ctx.reporter, render }));
  } catch (e) {
    if (!(e instanceof DeployerError) || e instanceof UsageError) throw e;
    stopped = e;
  }

  const findings: Finding[] = result?.findings ?? [
    { file: stopped!.file ?? displayPath(paths, paths.clustersDir), line: stopped!.line ?? 0, col: stopped!.col ?? 0, path: '', message: stopped!.message, severity: 'error' },
  ];
  const errors = result?.errors ?? 1;
  const warnings = result?.warnings ?? 0;
  ctx.setOutput('findings', findings);
  ctx.setOutput('error-count', String(errors));
  ctx.setOutput('warning-count', String(warnings));
  ctx.setOutput('clusters', result?.clusters ?? []);

  untrustedBlock(() => {
    for (const f of findings) ctx.reporter.info(formatFinding(f));
  });
  if (result) ctx.annotateFindings(findings); // capped; the summary lists them all
  const server = process.env.GITHUB_SERVER_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  const sha = process.env.GITHUB_SHA;
  const root = inputs.string('config-root', { default: '.' }).replace(/^\.\/?$/, '').replace(/\/$/, '');
  const validated = result?.clusters ?? [];
  if (result?.nothingValidated) ctx.reporter.warn(result.nothingValidated);
  ctx.summary.addRaw(
    findingsMarkdown(findings, {
      scope: cluster ? (hub ? `${cluster}/${hub}` : cluster) : `${validated.length} cluster(s)${validated.length ? ` (${validated.join(', ')})` : ''}`,
      link: server && repo && sha ? (file, line) => `${server}/${repo}/blob/${sha}/${root ? `${root}/` : ''}${file}#L${line}` : undefined,
      nothingValidated: result?.nothingValidated,
    }),
  );
  if (stopped) throw stopped;
  const s = result!.stats;
  ctx.reporter.info(
    `${s.renders} helm template render(s), ${s.dependencyBuilds} dependency build(s), ${s.helmStarts} helm process(es), ${s.jsonnetStarts} jsonnet process(es) in ${(s.durationMs / 1000).toFixed(2)} s`,
  );
  if (errors && failOnError) {
    throw new DeployerError(`${errors} error(s) and ${warnings} warning(s) found: see the annotations and the job summary`);
  }
});
