/**
 * Renderers of a plan: the matrices as output values (Python `json.dumps` format, as upstream wrote them), the PR
 * comment (`<!-- deployment-plan -->`, py-markdown-table layout), and box-drawn tables for terminals and logs.
 *
 * Names in a plan come from the PR under review (file names, cluster.yaml contents), so every renderer neutralises
 * them: JSON escapes everything; markdown cells escape `|`, `<`, `>`, `&` and flatten line breaks; text cells escape
 * control characters, and every text-table line starts with a box character, so no line of ours can be read as a
 * GitHub workflow command (`::...`).
 */
import type { HubJob, Matrices, SupportJob } from './decide.js';
import { MATRIX_NAMES } from './decide.js';

/** GitHub Actions refuses a matrix of more than 256 jobs. */
export const MATRIX_LIMIT = 256;

/** Python's `json.dumps(value)` with default arguments: `", "` / `": "` separators, non-ASCII escaped as `\uXXXX`. */
export function pyJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${pyJsonDumps(k)}: ${pyJsonDumps(v)}`)
      .join(', ')}}`;
  }
  throw new TypeError(`cannot serialise ${typeof value}`);
}

/** The five matrix outputs, each as its JSON text. */
export function matrixOutputs(m: Matrices): Record<(typeof MATRIX_NAMES)[number], string> {
  const out = {} as Record<(typeof MATRIX_NAMES)[number], string>;
  for (const name of MATRIX_NAMES) out[name] = pyJsonDumps(m[name]);
  return out;
}

export function hasJobs(m: Matrices): boolean {
  return MATRIX_NAMES.some((n) => m[n].length > 0);
}

/** Matrices over GitHub's 256-job limit, as messages. */
export function oversizeMatrices(m: Matrices): string[] {
  return MATRIX_NAMES.filter((n) => m[n].length > MATRIX_LIMIT).map(
    (n) => `matrix \`${n}\` has ${m[n].length} jobs, more than the ${MATRIX_LIMIT} GitHub Actions allows in one matrix: the job using it will fail to start; split the deploy (e.g. per provider) or deploy in batches`,
  );
}

// ---- markdown (the PR comment) ------------------------------------------------------------------------------------

const len = (s: string) => [...s].length;

/** A markdown table cell: no line breaks, no table or HTML syntax from the content. */
export function markdownCell(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

/**
 * py-markdown-table 0.4/1.3 with `row_sep="markdown", quote=False` (padding 0, "centerleft"): each cell centred in
 * its column width, the odd space on the left, no spaces around pipes, no trailing newline.
 */
export function markdownTable(header: string[], rows: string[][]): string {
  const h = header.map(markdownCell);
  const body = rows.map((r) => r.map(markdownCell));
  const widths = h.map((x, i) => Math.max(len(x), ...body.map((r) => len(r[i] ?? ''))));
  const center = (s: string, w: number) => {
    const spare = w - len(s);
    const right = Math.floor(spare / 2);
    return ' '.repeat(spare - right) + s + ' '.repeat(right);
  };
  const line = (cells: string[]) => `|${cells.map((c, i) => center(c, widths[i])).join('|')}|`;
  return [line(h), `|${widths.map((w) => '-'.repeat(w)).join('|')}|`, ...body.map(line)].join('\n');
}

export const SUPPORT_HEADER = ['Cloud Provider', 'Cluster Name', 'Reason for Redeploy'];
export const HUB_HEADER = ['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy'];
export const SUPPORT_STAGING_HEADER = ['Cloud Provider', 'Cluster Name', 'Upgrade Support?', 'Reason for Support Redeploy', 'Upgrade Staging?', 'Reason for Staging Redeploy'];
export const PROD_2023_HEADER = ['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy'];

const supportRows = (jobs: SupportJob[]) => jobs.map((j) => [j.provider, j.cluster_name, j.choice_reason]);
const hubRows = (jobs: HubJob[]) => jobs.map((j) => [j.provider, j.cluster_name, j.hub_name, j.choice_reason]);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export const EMPTY = {
  support: 'No support upgrades will be triggered',
  staging: 'No staging hub upgrades will be triggered',
  prod: 'No production hub upgrades will be triggered',
  supportAndStaging2023: 'No support or staging upgrades will be triggered',
} as const;

/** The PR comment (upstream 2026 `comment-body.txt`): marker, three sections, a single trailing newline. */
export function commentBody(m: Matrices): string {
  const section = (title: string, table: string | undefined, empty: string) => `### ${title}\n\n${table ?? empty}\n`;
  const support = m['support-jobs'].length ? markdownTable(SUPPORT_HEADER, supportRows(m['support-jobs'])) : undefined;
  const staging = m['staging-jobs'].length ? markdownTable(HUB_HEADER, hubRows(m['staging-jobs'])) : undefined;
  const prod = m['prod-jobs'].length ? markdownTable(HUB_HEADER, hubRows(m['prod-jobs'])) : undefined;
  return [
    '<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n',
    section('Support deployments', support, EMPTY.support),
    section('Staging deployments', staging, EMPTY.staging),
    section('Production deployments', prod, EMPTY.prod),
  ].join('\n');
}

/** A note under the plan for hubs a changed cluster.yaml no longer lists (their releases stay on the cluster). */
export function removedHubsMarkdown(removed: ReadonlyArray<{ cluster: string; hub: string }>): string {
  if (!removed.length) return '';
  const rows = removed.map(({ cluster, hub }) => `- \`${markdownCell(cluster)}/${markdownCell(hub)}\`: removed from cluster.yaml; its release stays on the cluster until removed (\`deployer use-cluster-credentials ${markdownCell(cluster)} helm uninstall ${markdownCell(hub)} --namespace ${markdownCell(hub)}\`)`);
  return `\n### Hubs removed from the configuration\n\n${rows.join('\n')}\n`;
}

/** The 2023 comment (reference A.9.8): two sections over the seed's matrices. */
export function commentBody2023(m: Matrices): string {
  const ss = m['support-and-staging-matrix-jobs'];
  const prod = m['prod-hub-matrix-jobs'];
  const t1 = ss.length
    ? markdownTable(
        SUPPORT_STAGING_HEADER,
        ss.map((j) => [j.provider, j.cluster_name, yesNo(j.upgrade_support), j.reason_for_support_redeploy, yesNo(j.upgrade_staging), j.reason_for_staging_redeploy]),
      )
    : EMPTY.supportAndStaging2023;
  const t2 = prod.length ? markdownTable(PROD_2023_HEADER, prod.map((j) => [j.provider, j.cluster_name, j.hub_name, j.reason_for_redeploy])) : EMPTY.prod;
  return `<!-- deployment-plan -->\nMerging this PR will trigger the following deployment actions.\n\n### Support and Staging deployments\n\n${t1}\n\n### Production deployments\n\n${t2}\n`;
}

// ---- text tables (terminal and log) ---------------------------------------------------------------------------------

/** A text cell: control characters (line breaks, escape sequences) shown escaped, never acted on. */
export function textCell(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A box-drawn table; every line starts with a box character. */
export function boxTable(header: string[], rows: string[][]): string {
  const h = header.map(textCell);
  const body = rows.map((r) => r.map(textCell));
  const widths = h.map((x, i) => Math.max(len(x), ...body.map((r) => len(r[i] ?? ''))));
  const pad = (s: string, w: number) => s + ' '.repeat(w - len(s));
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const line = (cells: string[]) => `│ ${cells.map((c, i) => pad(c, widths[i])).join(' │ ')} │`;
  return [rule('┌', '┬', '┐'), line(h), rule('├', '┼', '┤'), ...body.map(line), rule('└', '┴', '┘')].join('\n');
}

/** The three tables of the 2026 shape, titled as upstream's rich tables, with "No ... will be triggered" when empty. */
export function textTables(m: Matrices): string {
  const block = (title: string, header: string[], rows: string[][], empty: string) => `${title}\n${rows.length ? boxTable(header, rows) : `└ ${empty}`}`;
  return [
    block('Support chart upgrades', SUPPORT_HEADER, supportRows(m['support-jobs']), EMPTY.support),
    block('Staging hub upgrades', HUB_HEADER, hubRows(m['staging-jobs']), EMPTY.staging),
    block('Prod hub upgrades', HUB_HEADER, hubRows(m['prod-jobs']), EMPTY.prod),
  ].join('\n\n');
}
