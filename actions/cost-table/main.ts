import path from 'node:path';
import { runAction } from '../../src/action/adapter.js';
import { DeployerError } from '../../src/shared/errors.js';
import { ageKeyEnv } from '../../src/shared/deploy/agekey.js';
import { displayPath, repoPaths } from '../../src/shared/repo/index.js';
import { buildCostTable, checkSheetOptions, failureMessage, jsonRows, markdownSummary, parsePrometheusUrls, resolveRange, writeCostSheet } from '../../src/shared/billing/index.js';
import { csvText } from '../../src/shared/billing/render.js';

await runAction('cost-table', async (ctx) => {
  const { inputs, reporter } = ctx;
  const paths = repoPaths({ configRoot: ctx.configRoot(), clustersDir: inputs.optional('clusters-dir') });
  const range = resolveRange({ startMonth: inputs.optional('start-month'), endMonth: inputs.optional('end-month') });
  const sheetUrl = checkSheetOptions(undefined, inputs.optional('google-sheet-url'));
  const file = (name: string) => {
    const v = inputs.optional(name);
    return v ? { abs: path.resolve(paths.configRoot, v), display: displayPath(paths, path.resolve(paths.configRoot, v)) } : undefined;
  };
  const googleKey = file('google-key-file');
  const sheetKey = file('sheet-key-file') ?? googleKey;
  const csv = inputs.optional('csv-file');
  const internal = inputs.list('internal-namespaces');
  await ctx.ensureTools(['sops']);
  const key = await ageKeyEnv(inputs.optional('sops-age-key'), reporter);
  try {
    const table = await buildCostTable({
      paths,
      reporter,
      range,
      env: key.env,
      clusters: inputs.list('clusters'),
      concurrency: inputs.integer('concurrency', { default: 8, min: 1, max: 64 }),
      serviceId: inputs.optional('service-id'),
      gcp: { keyFile: googleKey?.abs, keyDisplay: googleKey?.display, apiEndpoint: inputs.optional('bigquery-endpoint') },
      aws: { credentials: inputs.choice('aws-credentials', ['ambient', 'cluster-key'] as const, 'ambient'), endpoint: inputs.optional('cost-explorer-endpoint') },
      prometheus: { urls: parsePrometheusUrls(inputs.list('prometheus-urls'), 'input `prometheus-urls`'), internalNamespaces: internal.length ? internal : undefined },
    });
    ctx.setOutput('rows', jsonRows(table.rows));
    ctx.setOutput('table', { range: table.range, rows: jsonRows(table.rows), skipped: table.skipped, failed: table.failed });
    ctx.setOutput('failed-clusters', table.failed.map((f) => f.cluster));
    ctx.summary.addRaw(markdownSummary(table));
    if (csv) {
      const abs = await ctx.writeInputFile('csv-file', csv, csvText(table.rows));
      ctx.setOutput('csv-file', abs);
    }
    if (sheetUrl && !table.failed.length) {
      await writeCostSheet(table, { url: sheetUrl, reporter, keyFile: sheetKey?.abs, keyDisplay: sheetKey?.display, env: key.env, endpoint: inputs.optional('sheets-endpoint') });
      ctx.setOutput('sheet-url', sheetUrl);
    } else if (sheetUrl) {
      reporter.warn(`not writing the Google Sheet: ${failureMessage(table)}; an incomplete table would replace the complete one there`);
    }
    if (table.failed.length) throw new DeployerError(failureMessage(table), { hint: 'every other cluster is in the table; see the errors above' });
  } finally {
    await key.dispose();
  }
});
