/**
 * The gate's decision, a pure function: which rows of the next stage's matrix may deploy, given what the previous
 * stages did. A row is dropped when a job of a previous stage for the SAME cluster (exact name, never a substring)
 * did not pass, or when a job planned for its cluster never ran. When a previous stage failed and the failure cannot
 * be pinned on a cluster, everything is dropped (fail closed): production is never deployed blind.
 *
 * The naming contract (see actions/gate/README.md): a previous stage's matrix jobs are named `<stage> <cluster>` or
 * `<stage> <cluster>/<hub>` (`support 2i2c`, `staging 2i2c/staging`), with `<stage>` one of the `stages` prefixes.
 * In a reusable workflow the API reports them prefixed by the caller's job name (`deploy / staging 2i2c/staging`):
 * only the part after the last ` / ` counts.
 */
import { UsageError } from '../errors.js';
import type { RunJob } from '../github/jobs.js';

/** One row of a matrix: `cluster_name` always, `hub_name` for hub rows, anything else passed through untouched. */
export type MatrixRow = Record<string, unknown> & { cluster_name: string; hub_name?: string };

/** `toJSON(needs)`: job id -> {result, outputs}. */
export type Needs = Record<string, { result?: unknown; outputs?: unknown } | null | undefined>;

/** A row of the explicit form of `results`: one previous-stage job each. */
export interface ResultRow {
  cluster: string;
  hub?: string;
  stage?: string;
  result: string;
}

/** A job of a previous stage, attributed to a cluster. */
export interface StageJob {
  /** The job's name as reported (for reasons). */
  name: string;
  stage?: string;
  cluster: string;
  hub?: string;
  /** `success`, `failure`, ..., or `<status>` when the job had not completed. */
  conclusion: string;
  attempt?: number;
}

export interface GateInput {
  /** The next stage's matrix rows. */
  rows: MatrixRow[];
  /** `toJSON(needs)` of the gating job, when `results` was that (undefined for the explicit row form). */
  needs?: Needs;
  /** The previous stages' jobs: parsed from the run's jobs, or the explicit rows. Undefined when not read. */
  jobs?: StageJob[];
  /** Jobs whose name starts with a stage prefix but names no cluster (`staging ${{ matrix.cluster_name }}/...`). */
  unparsed?: Array<{ name: string; conclusion: string }>;
  /** Stage prefix -> that stage's planned matrix rows: each must have a job that passed, or its cluster is dropped. */
  planned?: Record<string, MatrixRow[]>;
}

export interface SkippedRow extends Record<string, unknown> {
  cluster_name: string;
  reason: string;
}

export interface GateDecision {
  kept: MatrixRow[];
  skipped: SkippedRow[];
  /** Set when everything was dropped because a failure could not be attributed: the reason. */
  failClosed?: string;
  /** cluster -> why it is blocked (the failed jobs). */
  blocked: Map<string, string[]>;
}

/** Conclusions that let the next stage go on. `skipped`: a job that had nothing to do (a planned job never skipped
 * silently: see `planned`). */
const PASSING = new Set(['success', 'skipped', 'neutral']);
/** `needs.<id>.result` values that need no explanation. */
const NEEDS_OK = new Set(['success', 'skipped']);

/** Cluster and hub names as the repository allows them (no spaces, no expression leftovers). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parse `stages` (`support,staging`): prefixes, trimmed, non-empty, each a single word. */
export function parseStages(text: string): string[] {
  const stages = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!stages.length) throw new UsageError('input `stages` lists no stage', 'the default is `support,staging` (the job name prefixes of the previous stages)');
  for (const s of stages) {
    if (/\s|\//.test(s)) throw new UsageError(`input \`stages\`: \`${s}\` is not a job name prefix (no spaces or slashes)`, 'list the first word of each previous stage\'s job names, e.g. `support,staging`');
  }
  return stages;
}

export type ParsedName = { stage: string; cluster: string; hub?: string } | { stage: string; unparsed: true } | undefined;

/**
 * Attribute a job name to a stage and a cluster: `[caller / ]<stage> <cluster>[/<hub>]`. `undefined` when the job
 * belongs to no stage; `{unparsed}` when it starts with a stage prefix but names no valid cluster.
 */
export function parseJobName(name: string, stages: readonly string[]): ParsedName {
  const i = name.lastIndexOf(' / ');
  const own = (i >= 0 ? name.slice(i + 3) : name).trim();
  for (const stage of stages) {
    if (!own.startsWith(`${stage} `)) continue;
    const rest = own.slice(stage.length + 1).trim();
    const slash = rest.indexOf('/');
    const cluster = slash >= 0 ? rest.slice(0, slash) : rest;
    const hub = slash >= 0 ? rest.slice(slash + 1) : undefined;
    if (!NAME.test(cluster) || (hub !== undefined && !NAME.test(hub))) return { stage, unparsed: true };
    return hub === undefined ? { stage, cluster } : { stage, cluster, hub };
  }
  return undefined;
}

/** The run's jobs that belong to a previous stage, attributed; the latest attempt of each job name wins. */
export function stageJobs(jobs: readonly RunJob[], stages: readonly string[]): { jobs: StageJob[]; unparsed: Array<{ name: string; conclusion: string }> } {
  const out: StageJob[] = [];
  const unparsed: Array<{ name: string; conclusion: string }> = [];
  for (const job of jobs) {
    const parsed = parseJobName(job.name, stages);
    if (!parsed) continue;
    const conclusion = job.status === 'completed' ? (job.conclusion ?? 'unknown') : job.status || 'unknown';
    if ('unparsed' in parsed) unparsed.push({ name: job.name, conclusion });
    else out.push({ name: job.name, stage: parsed.stage, cluster: parsed.cluster, hub: parsed.hub, conclusion, attempt: job.run_attempt });
  }
  // A job re-run in a later attempt replaces its earlier runs; within one attempt, same-named jobs all count.
  const latest = new Map<string, number>();
  for (const j of out) latest.set(j.name, Math.max(latest.get(j.name) ?? 0, j.attempt ?? 0));
  return { jobs: out.filter((j) => (j.attempt ?? 0) === latest.get(j.name)), unparsed };
}

/** `needs` entries whose result is neither success nor skipped: `[job id, result]`. */
export function failedNeeds(needs: Needs | undefined): Array<[string, string]> {
  return Object.entries(needs ?? {})
    .map(([id, v]): [string, string] => [id, typeof v?.result === 'string' ? v.result : 'unknown'])
    .filter(([, result]) => !NEEDS_OK.has(result));
}

/**
 * Whether the run's jobs must be read. Not when `needs` shows every previous job succeeded (every matrix leg passed)
 * or was skipped, unless planned rows exist and a stage was skipped: then only the jobs tell whether the skipped
 * stage was one with planned work.
 */
export function jobsNeeded(needs: Needs | undefined, planned: Record<string, MatrixRow[]> | undefined): boolean {
  if (failedNeeds(needs).length) return true;
  const anySkipped = Object.values(needs ?? {}).some((v) => v?.result === 'skipped');
  const anyPlanned = Object.values(planned ?? {}).some((rows) => rows.length > 0);
  return anySkipped && anyPlanned;
}

const NOT_DONE = new Set(['queued', 'in_progress', 'waiting', 'requested', 'pending']);
const PLAIN = new Set(['failure', 'cancelled', 'timed_out', 'skipped']);

function describeJob(j: { name: string; conclusion: string }): string {
  const c = j.conclusion;
  return `\`${j.name}\` ${PLAIN.has(c) ? c : NOT_DONE.has(c) ? `was still ${c}` : `ended ${c}`}`;
}

function rowLabel(row: { cluster_name: string; hub_name?: unknown }): string {
  return typeof row.hub_name === 'string' && row.hub_name ? `${row.cluster_name}/${row.hub_name}` : row.cluster_name;
}

/** Decide. Throws only on contradictory input (jobs needed but not given). */
export function decideGate(input: GateInput): GateDecision {
  const { rows, needs, planned } = input;
  const failed = failedNeeds(needs);
  const blocked = new Map<string, string[]>();
  const block = (cluster: string, reason: string) => {
    const list = blocked.get(cluster) ?? [];
    if (!list.includes(reason)) list.push(reason);
    blocked.set(cluster, list);
  };
  let failClosed: string | undefined;

  if (input.jobs === undefined) {
    if (jobsNeeded(needs, planned)) throw new Error('decideGate: the previous stages need explaining but no jobs were given');
  } else {
    // Jobs that did not pass, each pinned on its cluster: these are what can explain a failed `needs` entry.
    const attributed = input.jobs.filter((j) => !PASSING.has(j.conclusion));
    for (const j of attributed) block(j.cluster, describeJob(j));
    for (const [stage, stageRows] of Object.entries(planned ?? {})) {
      for (const row of stageRows) {
        const hub = typeof row.hub_name === 'string' && row.hub_name ? row.hub_name : undefined;
        const expected = `${stage} ${rowLabel(row)}`;
        const match = input.jobs.filter((j) => (j.stage === undefined || j.stage === stage) && j.cluster === row.cluster_name && j.hub === hub);
        if (!match.length) block(row.cluster_name, `\`${expected}\` was planned but did not run`);
        else if (match.every((j) => j.conclusion === 'skipped')) block(row.cluster_name, `\`${expected}\` was planned but skipped`);
      }
    }
    const unattributed = (input.unparsed ?? []).filter((j) => !PASSING.has(j.conclusion));
    if (unattributed.length) {
      failClosed = `${unattributed.map(describeJob).join(', ')}, and its name does not say which cluster it deployed (expected \`<stage> <cluster>\` or \`<stage> <cluster>/<hub>\`)`;
    } else if (failed.length && !attributed.length) {
      // A previous job failed as a whole, yet no job of any stage failed for a cluster: we cannot tell what failed.
      failClosed =
        `${failed.map(([id, r]) => `\`${id}\` ${r === 'failure' || r === 'cancelled' ? r : `ended ${r}`}`).join(', ')}, ` +
        `but no job of the stages (${[...new Set((input.jobs ?? []).map((j) => j.stage).filter(Boolean))].join(', ') || 'none found'}) in this run failed for a particular cluster`;
    }
  }

  const kept: MatrixRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    if (failClosed) skipped.push({ ...row, reason: `fail closed: ${failClosed}` });
    else if (blocked.has(row.cluster_name)) skipped.push({ ...row, reason: blocked.get(row.cluster_name)!.join('; ') });
    else kept.push(row);
  }
  return { kept, skipped, failClosed, blocked };
}

/** Validate the `matrix` input: a JSON list of objects with a string `cluster_name`. */
export function parseMatrix(value: unknown, input = 'matrix'): MatrixRow[] {
  if (!Array.isArray(value)) throw new UsageError(`input \`${input}\` must be a JSON list of matrix rows, got ${value === null ? 'null' : typeof value}`, 'pass the planned next-stage jobs, e.g. `${{ needs.plan.outputs.prod-jobs }}`');
  return value.map((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`input \`${input}\`: row ${i + 1} is not an object`);
    const r = row as Record<string, unknown>;
    if (typeof r.cluster_name !== 'string' || !NAME.test(r.cluster_name)) {
      throw new UsageError(`input \`${input}\`: row ${i + 1} has no valid \`cluster_name\` (got ${JSON.stringify(r.cluster_name)})`, 'every matrix row names its cluster in `cluster_name`');
    }
    if (r.hub_name !== undefined && r.hub_name !== null && typeof r.hub_name !== 'string') throw new UsageError(`input \`${input}\`: row ${i + 1} has a \`hub_name\` that is not a string`);
    return r as MatrixRow;
  });
}

/** Validate the `planned` input: `{stage: rows}` with stages among `stages`. */
export function parsePlanned(value: unknown, stages: readonly string[]): Record<string, MatrixRow[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError('input `planned` must be a JSON object mapping a stage to its planned matrix rows', 'e.g. `{"support": [...], "staging": [...]}`');
  }
  const out: Record<string, MatrixRow[]> = {};
  for (const [stage, rows] of Object.entries(value)) {
    if (!stages.includes(stage)) throw new UsageError(`input \`planned\`: \`${stage}\` is not one of the stages (${stages.join(', ')})`, 'add it to `stages` or fix the key');
    out[stage] = rows === null || rows === '' ? [] : parseMatrix(rows, `planned.${stage}`);
  }
  return out;
}

/**
 * Read `results`: `toJSON(needs)` (an object of `{result, outputs}`) or an explicit list of
 * `{cluster, hub?, stage?, result}` rows.
 */
export function parseResults(value: unknown): { needs: Needs } | { rows: ResultRow[] } {
  if (Array.isArray(value)) {
    return {
      rows: value.map((row, i) => {
        const r = (row ?? {}) as Record<string, unknown>;
        if (typeof r.cluster !== 'string' || !NAME.test(r.cluster)) throw new UsageError(`input \`results\`: row ${i + 1} has no valid \`cluster\``);
        if (typeof r.result !== 'string' || !r.result) throw new UsageError(`input \`results\`: row ${i + 1} (${r.cluster}) has no \`result\``);
        if (r.hub !== undefined && typeof r.hub !== 'string') throw new UsageError(`input \`results\`: row ${i + 1} has a \`hub\` that is not a string`);
        if (r.stage !== undefined && typeof r.stage !== 'string') throw new UsageError(`input \`results\`: row ${i + 1} has a \`stage\` that is not a string`);
        return { cluster: r.cluster, hub: (r.hub as string | undefined) || undefined, stage: r.stage as string | undefined, result: r.result };
      }),
    };
  }
  if (value && typeof value === 'object') {
    for (const [id, v] of Object.entries(value)) {
      if (!v || typeof v !== 'object' || typeof (v as { result?: unknown }).result !== 'string') {
        throw new UsageError(`input \`results\`: \`${id}\` has no \`result\``, 'pass `${{ toJSON(needs) }}` or a list of `{cluster, hub, result}` rows');
      }
    }
    return { needs: value as Needs };
  }
  throw new UsageError('input `results` must be `${{ toJSON(needs) }}` (an object) or a JSON list of `{cluster, hub, result}` rows');
}

/** Explicit result rows as stage jobs. */
export function resultRowJobs(rows: readonly ResultRow[]): StageJob[] {
  return rows.map((r) => ({
    name: `${r.stage ? `${r.stage} ` : ''}${r.cluster}${r.hub ? `/${r.hub}` : ''}`,
    stage: r.stage,
    cluster: r.cluster,
    hub: r.hub,
    conclusion: r.result,
  }));
}
