/** Result tables: one row per release with status, revision, chart version and duration (job summary, terminal). */
import type { HubResult, ReleaseResult } from './types.js';

export const RESULT_HEADER = ['hub', 'status', 'revision', 'chart version', 'duration (s)', 'error'];
export const SUPPORT_HEADER = ['release', 'namespace', 'status', 'revision', 'chart version', 'duration (s)', 'error'];

function firstLine(error: string | null): string {
  if (!error) return '';
  // A run-level failure (authentication, an unreachable cluster) is the same for every row and is printed in full
  // above the table: the row says what, not the whole reason again.
  const notAttempted = /^not attempted: ([^:]+): /.exec(error);
  if (notAttempted) return `not attempted: ${notAttempted[1]} (see the error above)`;
  const line = error.split('\n')[0];
  return line.length > 200 ? line.slice(0, 197) + '...' : line;
}

export function hubResultRows(results: HubResult[]): string[][] {
  return results.map((r) => [r.hub, r.status, r.revision === null ? '' : String(r.revision), r.chart_version ?? '', r.duration_s.toFixed(1), firstLine(r.error)]);
}

export function releaseResultRows(results: ReleaseResult[]): string[][] {
  return results.map((r) => [r.release, r.namespace, r.status, r.revision === null ? '' : String(r.revision), r.chart_version ?? '', r.duration_s.toFixed(1), firstLine(r.error)]);
}
