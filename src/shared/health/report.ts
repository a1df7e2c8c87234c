/** Rendering a health-check result for people: rows of per-step timings, a one-line verdict, markdown for summaries. */
import type { AttemptResult, HealthResult, Timings } from './types.js';

const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** Header and rows of the per-step timings of each attempt. */
export function timingRows(result: HealthResult): { header: string[]; rows: string[][] } {
  const notebooks = [...new Set(result.attempts.flatMap((a) => Object.keys(a.timings.notebooks ?? {})))];
  const order = result.notebooks.filter((n) => notebooks.includes(n));
  const header = ['attempt', 'result', 'hub response', 'spawn', 'kernel start', ...order.map((n) => `notebook ${n}`), 'cleanup', 'total'];
  const rows = result.attempts.map((a) => [
    String(a.attempt),
    a.status === 'passed' ? 'passed' : `failed: ${a.classification}`,
    s(a.timings.hub_response_ms),
    s(a.timings.spawn_ms),
    s(a.timings.kernel_start_ms),
    ...order.map((n) => s(a.timings.notebooks?.[n])),
    s(a.timings.cleanup_ms),
    s(a.timings.total_ms),
  ]);
  return { header, rows };
}

export function verdict(result: HealthResult): string {
  const tries = result.attempts.length === 1 ? '1 attempt' : `${result.attempts.length} attempts`;
  if (result.status === 'passed') {
    const scope = result.scope === 'hub-api' ? ' (hub API, token and user management only: no server is started for this hub type)' : '';
    return `hub ${result.hub} is healthy: ${result.notebooks.length ? `${result.notebooks.join(', ')} ran without error` : 'checks passed'} (${tries}, ${s(result.timings.total_ms)})${scope}`;
  }
  return `hub ${result.hub} is NOT healthy after ${tries}: ${result.classification}: ${result.message}`;
}

function lastProgress(a: AttemptResult, n = 8): string[] {
  return a.progress.slice(-n);
}

const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (t: string) => '`' + t.replace(/`/g, "'") + '`';

/** The job summary: verdict, timings table, and on failure the classification, failing cell and last progress. */
export function summaryMarkdown(result: HealthResult): string {
  const out: string[] = [];
  const icon = result.status === 'passed' ? '✅' : '❌';
  out.push(`### ${icon} Health check of ${esc(result.hub)} (${result.hub_type})`, '');
  out.push(esc(verdict(result)), '');
  out.push(`Hub: ${result.hub_url}${result.notebooks.length ? ` · notebooks: ${result.notebooks.map(code).join(', ')}` : ''}`, '');
  const { header, rows } = timingRows(result);
  out.push(`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`), '');
  if (result.status === 'failed') {
    for (const a of result.attempts) {
      out.push(`**Attempt ${a.attempt}: ${a.classification}**: ${esc(a.message ?? '')}`, '');
      if (a.cell?.traceback?.length) {
        out.push('<details><summary>traceback</summary>', '', '```', ...a.cell.traceback.slice(-30), '```', '', '</details>', '');
      }
      if (a.cleanup_error) out.push(`Cleanup also failed: ${esc(a.cleanup_error)}`, '');
      const p = lastProgress(a);
      if (p.length) out.push('Last spawn progress messages:', '', ...p.map((m) => `- ${esc(m)}`), '');
    }
  }
  return out.join('\n');
}

/** Lines for a terminal after the check (the log already showed each step). */
export function failureDetails(result: HealthResult): string[] {
  if (result.status === 'passed') return [];
  const a = result.attempts[result.attempts.length - 1];
  const lines: string[] = [];
  if (a.cell?.traceback?.length) lines.push('traceback of the failing cell:', ...a.cell.traceback.slice(-20).map((l) => '  ' + l));
  // Spawn progress says why a server did not come (pod pending, image pull); after a notebook error it is noise.
  const p = ['spawn-failed', 'spawn-timeout', 'server-not-ready', 'kernel-failed'].includes(a.classification ?? '') ? lastProgress(a) : [];
  if (p.length) lines.push('last spawn progress messages:', ...p.map((m) => `  - ${m}`));
  return lines;
}

export type { Timings };
