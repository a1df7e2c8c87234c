/**
 * Month arithmetic, all in UTC. A range is whole invoice months, first to last inclusive, written `YYYY-MM`.
 * Defaults as upstream: from the first day of the month three months before now to the end of last month.
 */
import { UsageError } from '../errors.js';

export interface MonthRange {
  /** `YYYY-MM`, first month (inclusive). */
  start: string;
  /** `YYYY-MM`, last month (inclusive). */
  end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` -> [year, month 1..12], or a usage error naming the option. */
export function parseMonth(text: string, option: string): [number, number] {
  const m = MONTH.exec(text.trim());
  if (!m) throw new UsageError(`${option} must be a month written YYYY-MM (e.g. 2024-01), got \`${text}\``);
  return [Number(m[1]), Number(m[2])];
}

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `delta` months after `year-month` (negative goes back), across year ends. */
export function addMonths(year: number, month: number, delta: number): [number, number] {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The default range at `now`: three months back to last month (upstream's defaults). */
export function defaultRange(now: Date = new Date()): MonthRange {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  return { start: formatMonth(...addMonths(y, m, -3)), end: formatMonth(...addMonths(y, m, -1)) };
}

/** The range from the options (each may be missing: its default applies). Start after end is a usage error. */
export function resolveRange(options: { startMonth?: string; endMonth?: string; now?: Date }): MonthRange {
  const d = defaultRange(options.now);
  const start = options.startMonth ? formatMonth(...parseMonth(options.startMonth, '--start-month')) : d.start;
  const end = options.endMonth ? formatMonth(...parseMonth(options.endMonth, '--end-month')) : d.end;
  if (start > end) {
    throw new UsageError(`--start-month ${start} is after --end-month ${end}`, 'the start month must be the same as or before the end month');
  }
  return { start, end };
}

/** Every month of the range, in order. */
export function monthsOf(range: MonthRange): string[] {
  let [y, m] = parseMonth(range.start, 'start month');
  const out: string[] = [];
  for (;;) {
    const s = formatMonth(y, m);
    if (s > range.end) return out;
    out.push(s);
    [y, m] = addMonths(y, m, 1);
  }
}

/** `YYYY-MM` -> `YYYYMM` (BigQuery's invoice.month). */
export const invoiceMonth = (month: string): string => month.replace('-', '');

/** The first instant of the range and the first instant after it (exclusive), as Dates (UTC). */
export function rangeInstants(range: MonthRange): { start: Date; endExclusive: Date } {
  const [sy, sm] = parseMonth(range.start, 'start month');
  const [ey, em] = addMonths(...parseMonth(range.end, 'end month'), 1);
  return { start: new Date(Date.UTC(sy, sm - 1, 1)), endExclusive: new Date(Date.UTC(ey, em - 1, 1)) };
}

/** `YYYY-MM-DD` of a Date (UTC). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The `YYYY-MM` a UTC instant falls in. */
export const monthOfInstant = (d: Date): string => d.toISOString().slice(0, 7);
