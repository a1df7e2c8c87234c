/**
 * Findings for people: a markdown report grouped by file (the job summary; annotations only show the first few), and
 * one-line text for logs.
 */
import type { Finding } from '../findings.js';

/** Make text safe inside a markdown table cell (no pipes, no HTML, no line breaks). */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Findings grouped by file, files in order, findings by line. */
export function groupByFile(findings: Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file) ?? [];
    list.push(f);
    groups.set(f.file, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, list]) => [file, list.sort((x, y) => x.line - y.line || x.col - y.col)]);
}

export interface ReportOptions {
  /** What was validated, e.g. "3 clusters (aws-demo, gcp-demo, kubeconfig-demo)". */
  scope: string;
  /** Link a file:line to the repository (e.g. a blob URL); plain text when absent. */
  link?: (file: string, line: number) => string | undefined;
  /** Set when nothing was validated (what was found nothing in): said instead of "every check passed". */
  nothingValidated?: string;
}

/** The markdown job summary: a headline, then one table per file. */
export function findingsMarkdown(findings: Finding[], options: ReportOptions): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const lines: string[] = [`## Validation of ${markdownCell(options.scope)}`, ''];
  if (options.nothingValidated) lines.push(`**Nothing was validated:** ${markdownCell(options.nothingValidated)}`, '');
  if (!findings.length) {
    if (!options.nothingValidated) lines.push('No findings: every check passed.', '');
    return lines.join('\n');
  }
  lines.push(`**${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}** in ${groupByFile(findings).length} file(s).`, '');
  for (const [file, list] of groupByFile(findings)) {
    lines.push(`### \`${file.replace(/`/g, "'")}\``, '', '| Line | Severity | Message | Key |', '| ---: | --- | --- | --- |');
    for (const f of list) {
      const url = options.link?.(f.file, f.line);
      const where = url ? `[${f.line}:${f.col}](${url})` : `${f.line}:${f.col}`;
      lines.push(`| ${where} | ${f.severity} | ${markdownCell(f.message)} | ${f.path ? `\`${markdownCell(f.path)}\`` : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
