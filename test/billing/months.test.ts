import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/shared/errors.js';
import { addMonths, defaultRange, invoiceMonth, monthsOf, rangeInstants, resolveRange } from '../../src/shared/billing/months.js';

describe('month arithmetic (UTC)', () => {
  it('defaults to three months back through last month, as upstream', () => {
    expect(defaultRange(new Date('2026-12-01T05:00:00Z'))).toEqual({ start: '2026-09', end: '2026-11' });
    expect(defaultRange(new Date('2024-03-31T23:59:59Z'))).toEqual({ start: '2023-12', end: '2024-02' });
  });

  it('crosses the year boundary: in January the default range is October to December of the year before', () => {
    expect(defaultRange(new Date('2026-01-15T12:00:00Z'))).toEqual({ start: '2025-10', end: '2025-12' });
    expect(addMonths(2025, 12, 1)).toEqual([2026, 1]);
    expect(addMonths(2026, 1, -1)).toEqual([2025, 12]);
    expect(monthsOf({ start: '2025-11', end: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('is UTC: just before midnight UTC on the last day of a month is still that month', () => {
    expect(defaultRange(new Date('2026-01-31T23:59:59.999Z')).end).toBe('2025-12');
    expect(defaultRange(new Date('2026-02-01T00:00:00.000Z')).end).toBe('2026-01');
  });

  it('takes --start-month/--end-month as YYYY-MM, each defaulting on its own', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(resolveRange({ startMonth: '2025-12', endMonth: '2026-01', now })).toEqual({ start: '2025-12', end: '2026-01' });
    expect(resolveRange({ startMonth: '2026-05', now })).toEqual({ start: '2026-05', end: '2026-11' });
    expect(resolveRange({ endMonth: '2026-10', now })).toEqual({ start: '2026-09', end: '2026-10' });
  });

  it('a single month is a range of one', () => {
    const r = resolveRange({ startMonth: '2024-02', endMonth: '2024-02' });
    expect(monthsOf(r)).toEqual(['2024-02']);
    expect(invoiceMonth(r.start)).toBe('202402');
    const { start, endExclusive } = rangeInstants(r);
    expect(start.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(endExclusive.toISOString()).toBe('2024-03-01T00:00:00.000Z'); // leap February counted whole
  });

  it('December to January: the instants span both months and end on 1 February', () => {
    const { start, endExclusive } = rangeInstants({ start: '2025-12', end: '2026-01' });
    expect(start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(endExclusive.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it.each([['2024-13'], ['2024-1'], ['24-01'], ['2024/01'], ['2024-00'], ['January'], ['2024-01-01']])('a malformed month %s is a usage error (exit 2)', (m) => {
    let err: unknown;
    try {
      resolveRange({ startMonth: m });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/--start-month must be a month written YYYY-MM/);
  });

  it('start after end is a usage error naming both', () => {
    expect(() => resolveRange({ startMonth: '2026-02', endMonth: '2026-01' })).toThrow(/--start-month 2026-02 is after --end-month 2026-01/);
    try {
      resolveRange({ startMonth: '2026-02', endMonth: '2025-12' });
    } catch (e) {
      expect((e as UsageError).exitCode).toBe(2);
    }
  });
});
