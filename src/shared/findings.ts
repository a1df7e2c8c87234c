/** A problem found in the infra repo, located in the file that holds it. Validation returns these instead of throwing. */
export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  col: number;
  /** JSON path of the offending value inside the file, e.g. `/hubs/1/domain` ('' for the whole document). */
  path: string;
  message: string;
  severity: Severity;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

export function countErrors(findings: Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}${f.path ? ` (at ${f.path})` : ''}`;
}
