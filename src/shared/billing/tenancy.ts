/**
 * Shared tenancy (upstream A.16): a shared cluster's monthly cost is split across its hubs by their share of memory
 * requests. Pure functions over what Prometheus answered:
 * 1. monthly sums of the daily samples per namespace (missing and NaN samples count 0);
 * 2. each month normalised to fractions of that month's total;
 * 3. `support` + `kube-system` combined into `support_combined` (always present, 0 when both are absent), and the
 *    operator's internal namespaces combined into one line (`2i2c_costs` by default, present when any of them is);
 * 4. each month's cost multiplied by each line's fraction.
 */
import type { CostRow, MonthTotal } from './types.js';
import { monthOfInstant } from './months.js';

/** The namespaces upstream counts as the operator's own (its demo, staging and controller namespaces). */
export const DEFAULT_INTERNAL_NAMESPACES = ['utexas-demo', 'staging', 'demo', 'dask-staging', 'configconnector-operator-system', 'cnrm-system', 'binder-staging'];
export const DEFAULT_INTERNAL_LINE = '2i2c_costs';
export const SUPPORT_LINE = 'support_combined';
const SUPPORT_NAMESPACES = ['support', 'kube-system'];

/** One series of a Prometheus matrix answer: its namespace and its `[unix seconds, "value"]` samples. */
export interface NamespaceSeries {
  namespace: string;
  values: Array<[number, string]>;
}

/** month -> line -> value (sums, or fractions after normalising). */
export type MonthlyTable = Map<string, Map<string, number>>;

/** Sum the samples of each namespace per UTC month. NaN and unparsable samples count 0 (upstream's fillna(0)). */
export function monthlySums(series: NamespaceSeries[]): MonthlyTable {
  const out: MonthlyTable = new Map();
  for (const s of series) {
    for (const [ts, raw] of s.values) {
      const month = monthOfInstant(new Date(ts * 1000));
      const v = Number(raw);
      const row = out.get(month) ?? new Map<string, number>();
      out.set(month, row);
      row.set(s.namespace, (row.get(s.namespace) ?? 0) + (Number.isFinite(v) ? v : 0));
    }
  }
  return out;
}

/** Each month's values as fractions of its total. A month whose total is 0 has no usage to split by: dropped. */
export function normalise(table: MonthlyTable): MonthlyTable {
  const out: MonthlyTable = new Map();
  for (const [month, row] of table) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    if (!(total > 0)) continue;
    out.set(month, new Map([...row].map(([k, v]) => [k, v / total])));
  }
  return out;
}

export interface CombineOptions {
  internalNamespaces?: string[];
  internalLine?: string;
}

/** Combine support + kube-system into `support_combined` and the internal namespaces into one line, per month. */
export function combineLines(table: MonthlyTable, options: CombineOptions = {}): MonthlyTable {
  const internal = options.internalNamespaces ?? DEFAULT_INTERNAL_NAMESPACES;
  const internalLine = options.internalLine ?? DEFAULT_INTERNAL_LINE;
  const out: MonthlyTable = new Map();
  for (const [month, row] of table) {
    const next = new Map<string, number>();
    let support = 0;
    let ops = 0;
    let hasOps = false;
    for (const [ns, v] of row) {
      if (SUPPORT_NAMESPACES.includes(ns)) support += v;
      else if (internal.includes(ns)) {
        ops += v;
        hasOps = true;
      } else next.set(ns, (next.get(ns) ?? 0) + v);
    }
    next.set(SUPPORT_LINE, (next.get(SUPPORT_LINE) ?? 0) + support);
    if (hasOps) next.set(internalLine, (next.get(internalLine) ?? 0) + ops);
    out.set(month, next);
  }
  return out;
}

/** Steps 1-3: the fraction of each line per month. */
export function utilisation(series: NamespaceSeries[], options: CombineOptions = {}): MonthlyTable {
  return combineLines(normalise(monthlySums(series)), options);
}

export interface SplitResult {
  rows: CostRow[];
  /** Months with a cost but no usage data: their cost stays on one unsplit line. */
  unsplit: string[];
}

/**
 * Step 4: each month's cost times each line's fraction. Unlike upstream's left join (which silently dropped a month
 * Prometheus had no data for), a month without usage keeps its whole cost on the cluster's own line and is reported.
 */
export function splitCosts(cluster: string, provider: CostRow['provider'], totals: MonthTotal[], fractions: MonthlyTable): SplitResult {
  const rows: CostRow[] = [];
  const unsplit: string[] = [];
  for (const t of totals) {
    const f = fractions.get(t.period);
    if (!f) {
      unsplit.push(t.period);
      rows.push({ period: t.period, cluster, provider, project: t.project, cost: t.cost, ...(t.currency ? { currency: t.currency } : {}) });
      continue;
    }
    for (const [line, share] of [...f].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push({ period: t.period, cluster, provider, project: line, cost: t.cost * share, share, ...(t.currency ? { currency: t.currency } : {}) });
    }
  }
  return { rows, unsplit };
}
