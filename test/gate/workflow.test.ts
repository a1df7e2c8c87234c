/**
 * The naming contract between deploy-hubs.yml and the gate: the support and staging job names, rendered for a matrix
 * row, parse back to that row's cluster (and hub) with the stages the gate step is given, and the gate step's
 * `planned` input, with the plan's outputs substituted, is JSON the action accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { parseJobName, parsePlanned, parseStages } from '../../src/shared/gate/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
interface Job {
  name?: string;
  needs?: string[];
  steps?: Array<{ id?: string; uses?: string; with?: Record<string, string> }>;
}
const wf = parse(readFileSync(path.join(root, '.github/workflows/deploy-hubs.yml'), 'utf8')) as { jobs: Record<string, Job> };
const gateStep = wf.jobs.gate.steps!.find((s) => s.uses === './.deployer/actions/gate')!;
const stages = parseStages(gateStep.with!.stages ?? 'support,staging');

/** Render `${{ matrix.x }}` and `${{ needs.plan.outputs.x || '[]' }}` the way the runner would. */
function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const [ref, fallback] = expr.split('||').map((s) => s.trim());
    if (!(ref in values) && fallback === undefined) throw new Error(`no value for ${ref}`);
    return values[ref] || (fallback ?? '').replace(/^'(.*)'$/, '$1');
  });
}

describe('deploy-hubs.yml and the gate', () => {
  test('the gate needs the support and staging jobs and reads `toJSON(needs)`', () => {
    expect(wf.jobs.gate.needs).toEqual(expect.arrayContaining(['deploy-support', 'deploy-staging']));
    expect(gateStep.with!.results).toBe('${{ toJSON(needs) }}');
    expect(stages).toEqual(['support', 'staging']);
  });

  test.each([
    ['2i2c', 'staging'],
    ['2i2c-aws-us', 'dask-staging'],
    ['nasa.veda', 'staging'],
  ])('support and staging job names of %s/%s parse back to the cluster (also under a caller prefix)', (cluster, hub) => {
    const values = { 'matrix.cluster_name': cluster, 'matrix.hub_name': hub };
    const support = render(wf.jobs['deploy-support'].name!, values);
    const staging = render(wf.jobs['deploy-staging'].name!, values);
    expect(parseJobName(support, stages)).toEqual({ stage: 'support', cluster });
    expect(parseJobName(`deploy / ${staging}`, stages)).toEqual({ stage: 'staging', cluster, hub });
    // production jobs are never mistaken for a previous stage
    expect(parseJobName(render(wf.jobs['deploy-prod'].name!, values), stages)).toBeUndefined();
  });

  test('`planned`, with the plan outputs substituted (or empty), is JSON the gate accepts', () => {
    const support = [{ cluster_name: 'c1', provider: 'gcp', choice_reason: 'x' }];
    const staging = [{ cluster_name: 'c1', provider: 'gcp', choice_reason: 'x', hub_name: 'staging' }];
    const filled = render(gateStep.with!.planned, {
      'needs.plan.outputs.support-jobs': JSON.stringify(support),
      'needs.plan.outputs.staging-jobs': JSON.stringify(staging),
    });
    expect(parsePlanned(JSON.parse(filled), stages)).toEqual({ support, staging });
    const empty = render(gateStep.with!.planned, { 'needs.plan.outputs.support-jobs': '', 'needs.plan.outputs.staging-jobs': '[]' });
    expect(parsePlanned(JSON.parse(empty), stages)).toEqual({ support: [], staging: [] });
  });
});
