import { describe, expect, it } from '@jest/globals';
import { combineLines, monthlySums, normalise, splitCosts, utilisation, type MonthlyTable, type NamespaceSeries } from '../../src/shared/billing/tenancy.js';

/** One month of usage per namespace, as the reference's unit tests give it. */
function month(values: Record<string, number>): MonthlyTable {
  return new Map([['2023-01', new Map(Object.entries(values))]]);
}
const fractions = (values: Record<string, number>) => Object.fromEntries(combineLines(normalise(month(values))).get('2023-01')!);

describe('shared tenancy: the reference unit cases (tests/test_billing.py)', () => {
  it('a single hub gives 1.0', () => {
    expect(fractions({ hub1: 5 })).toEqual({ hub1: 1, support_combined: 0 });
  });

  it('hub1 1 and hub2 9 give 0.1 and 0.9', () => {
    const f = fractions({ hub1: 1, hub2: 9 });
    expect(f.hub1).toBeCloseTo(0.1, 12);
    expect(f.hub2).toBeCloseTo(0.9, 12);
  });

  it('hub1 9.9 and kube-system 0.1 give 0.99 and 0.01', () => {
    const f = fractions({ hub1: 9.9, 'kube-system': 0.1 });
    expect(f.hub1).toBeCloseTo(0.99, 12);
    expect(f.support_combined).toBeCloseTo(0.01, 12);
    expect(f).not.toHaveProperty('kube-system');
  });

  it('support 9.9 and kube-system 0.1 give support_combined 1.0, with no support or kube-system left', () => {
    const f = fractions({ support: 9.9, 'kube-system': 0.1 });
    expect(f.support_combined).toBeCloseTo(1, 12);
    expect(Object.keys(f).sort()).toEqual(['support_combined']);
  });

  it('staging 75 and kube-system 25 give 2i2c_costs 0.75 (the internal namespaces line)', () => {
    const f = fractions({ staging: 75, 'kube-system': 25 });
    expect(f['2i2c_costs']).toBeCloseTo(0.75, 12);
    expect(f.support_combined).toBeCloseTo(0.25, 12);
    expect(f).not.toHaveProperty('staging');
  });

  it('every internal namespace lands on the one line; a different list and line name can be given', () => {
    const all = { 'utexas-demo': 1, staging: 1, demo: 1, 'dask-staging': 1, 'configconnector-operator-system': 1, 'cnrm-system': 1, 'binder-staging': 1, hub: 3 };
    const f = fractions(all);
    expect(f['2i2c_costs']).toBeCloseTo(0.7, 12);
    expect(f.hub).toBeCloseTo(0.3, 12);
    const custom = Object.fromEntries(combineLines(normalise(month({ ops: 1, hub: 1 })), { internalNamespaces: ['ops'], internalLine: 'operator' }).get('2023-01')!);
    expect(custom).toEqual({ hub: 0.5, operator: 0.5, support_combined: 0 });
  });
});

describe('monthly sums from daily samples', () => {
  const day = (iso: string) => Date.parse(iso) / 1000;
  const series: NamespaceSeries[] = [
    { namespace: 'a', values: [[day('2025-12-30T00:00:00Z'), '10'], [day('2025-12-31T00:00:00Z'), '10'], [day('2026-01-01T00:00:00Z'), '30']] },
    { namespace: 'b', values: [[day('2025-12-31T00:00:00Z'), 'NaN'], [day('2026-01-01T00:00:00Z'), '10']] },
  ];

  it('samples count in their UTC month (December to January), NaN counts 0', () => {
    const sums = monthlySums(series);
    expect(Object.fromEntries(sums.get('2025-12')!)).toEqual({ a: 20, b: 0 });
    expect(Object.fromEntries(sums.get('2026-01')!)).toEqual({ a: 30, b: 10 });
    const u = utilisation(series);
    expect(u.get('2025-12')!.get('a')).toBe(1);
    expect(u.get('2026-01')!.get('a')).toBeCloseTo(0.75, 12);
  });

  it('a month whose total is zero has nothing to split by', () => {
    expect(normalise(month({ a: 0 })).size).toBe(0);
  });
});

describe('splitting the cost', () => {
  const u = combineLines(normalise(new Map([['2026-01', new Map([['hub1', 1], ['hub2', 3]])]])));

  it('multiplies each month\'s cost by each line\'s share; the lines add up to the cost', () => {
    const { rows, unsplit } = splitCosts('shared', 'gcp', [{ period: '2026-01', project: 'proj', cost: 100 }], u);
    expect(unsplit).toEqual([]);
    expect(rows.map((r) => [r.project, r.cost])).toEqual([['hub1', 25], ['hub2', 75], ['support_combined', 0]]);
    expect(rows.reduce((a, r) => a + r.cost, 0)).toBeCloseTo(100, 9);
    expect(rows.every((r) => r.cluster === 'shared' && r.period === '2026-01')).toBe(true);
  });

  it('a month without usage data keeps its whole cost on the project line (upstream silently dropped it)', () => {
    const { rows, unsplit } = splitCosts('shared', 'gcp', [{ period: '2025-12', project: 'proj', cost: 40 }, { period: '2026-01', project: 'proj', cost: 100 }], u);
    expect(unsplit).toEqual(['2025-12']);
    expect(rows[0]).toEqual({ period: '2025-12', cluster: 'shared', provider: 'gcp', project: 'proj', cost: 40 });
    expect(rows.reduce((a, r) => a + r.cost, 0)).toBeCloseTo(140, 9);
  });
});
