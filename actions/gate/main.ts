import { runAction } from '../../src/action/adapter.js';
import { apiJobLister, gateSummary, gateTableRows, parseMatrix, parsePlanned, parseStages, runGate } from '../../src/shared/gate/index.js';

await runAction('gate', async (ctx) => {
  const { inputs } = ctx;
  const token = inputs.string('github-token');
  if (token) ctx.reporter.mask(token);
  const stages = parseStages(inputs.string('stages', { default: 'support,staging' }));
  const rows = parseMatrix(inputs.json<unknown>('matrix', undefined));
  const plannedText = inputs.optional('planned');
  const planned = plannedText ? parsePlanned(inputs.json<unknown>('planned', {}), stages) : undefined;
  const results = inputs.json<unknown>('results', undefined);

  const result = await runGate({ rows, results, stages, planned, listJobs: apiJobLister(token) });

  ctx.setOutput('matrix', result.kept);
  ctx.setOutput('skipped', result.skipped);

  if (result.failClosed) ctx.reporter.warn(`nothing of the next stage deploys (fail closed): ${result.failClosed}`, { title: 'gate: everything dropped' });
  for (const row of result.skipped) if (!result.failClosed) ctx.reporter.warn(`dropped ${row.cluster_name}${typeof row.hub_name === 'string' ? `/${row.hub_name}` : ''}: ${row.reason}`);
  ctx.reporter.info(`${result.kept.length} row(s) kept, ${result.skipped.length} dropped`);
  if (rows.length) ctx.reporter.info(gateTableRows(result).map((r) => r.join('  ')).join('\n'));

  ctx.summary.addHeading('Gate', 2).addRaw('\n').addRaw(gateSummary(result, stages));
});
