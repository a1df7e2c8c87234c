/**
 * The diff as a person reads it: the sticky PR comment (markdown, under GitHub's 65,536-character limit), the job
 * summary (the same, with a larger budget) and the terminal text.
 *
 * Everything shown comes from the change under review (file names, hub names, rendered YAML), so nothing is trusted:
 * outside code blocks every character markdown or HTML could act on is written as an entity (no mention pings, no
 * link, no tag, no closing `</details>`); inside, each diff sits in a fence longer than any backtick run it holds, and
 * control characters are dropped.
 */
import type { Matrices } from '../plan/decide.js';
import type { DiffResult, ReleaseDiff } from './index.js';
import type { Dropped } from './skip.js';

export const COMMENT_MARKER = '<!-- deployer-diff -->';
/** GitHub refuses issue comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Inline text from the change: shown literally, never interpreted. */
export function mdText(s: string): string {
  return stripControl(s)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[&<>`@*_[\]!|\\~#()]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function stripControl(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** A fenced code block that its content cannot close. */
export function fenced(body: string, lang = 'diff'): string {
  const clean = stripControl(body.replace(/\r\n?/g, '\n'));
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${clean}\n${fence}`;
}

const name = (r: { cluster: string; release: string }) => `${r.cluster}/${r.release}`;

function statusLine(r: ReleaseDiff): string {
  switch (r.status) {
    case 'changed':
    case 'added':
    case 'removed': {
      const n = r.objects.length;
      const objs = n ? `${n} object${n === 1 ? '' : 's'} (${r.objects.filter((o) => o.change === 'added').length} added, ${r.objects.filter((o) => o.change === 'removed').length} removed, ${r.objects.filter((o) => o.change === 'changed').length} changed), +${r.linesAdded} -${r.linesRemoved} lines` : 'no rendered object changes';
      return `${r.status === 'changed' ? 'changed' : r.status === 'added' ? 'new release' : 'removed from the config'}: ${objs}${r.secretChanges.length ? `; ${r.secretChanges.length} encrypted file(s) changed` : ''}`;
    }
    case 'failed':
      return `failed to render at the ${r.failure?.ref ?? 'head'}`;
    default:
      return 'unchanged';
  }
}

/** The unified diff of a release, cut to `maxLines` with a note. */
export function releasePatch(r: ReleaseDiff, maxLines = Infinity): { text: string; cut: boolean } {
  const lines = r.objects.flatMap((o) => o.patch.split('\n'));
  if (lines.length <= maxLines) return { text: lines.join('\n'), cut: false };
  return { text: [...lines.slice(0, maxLines), `... ${lines.length - maxLines} more line(s) cut`].join('\n'), cut: true };
}

function releaseBlock(r: ReleaseDiff, maxLines: number | 'none'): string {
  const parts = [`<details><summary><code>${mdText(name(r))}</code>: ${mdText(statusLine(r))}</summary>`, ''];
  for (const s of r.secretChanges) parts.push(`- ${mdText(s)}`);
  if (r.note) parts.push(`- ${mdText(r.note)}`);
  if (r.failure) parts.push(`- ${mdText(`failed at the ${r.failure.ref}:`)}`, '', fenced(r.failure.message, 'text'));
  if (r.objects.length) {
    if (maxLines === 'none') parts.push('', `_${mdText('diff left out to keep this comment under GitHub\'s size limit: see the job summary or the deployer-diff artifact')}_`);
    else {
      const p = releasePatch(r, maxLines);
      parts.push('', fenced(p.text));
      if (p.cut) parts.push('', `_${mdText('diff cut: the full diff is in the job summary and the deployer-diff artifact')}_`);
    }
  }
  parts.push('', '</details>');
  return parts.join('\n');
}

export interface MarkdownOptions {
  /** Characters at most (default: under GitHub's comment limit, with room to spare). */
  limit?: number;
  /** Lines of diff per release before it is cut (default 300). */
  maxLinesPerRelease?: number;
  /** Releases dropped by skip-unchanged. */
  dropped?: Dropped[];
  /** The deploy matrices after skip-unchanged (shown instead of the plan's own). */
  matrices?: Matrices;
}

/** A markdown table whose every cell is inert text. */
function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`)].join('\n');
}

/** The deployment plan (what merging deploys), cells escaped like everything else from the change. */
export function planTables(m: Matrices): string {
  const out: string[] = ['### Deployment plan', ''];
  const section = (title: string, rows: string[][], header: string[], empty: string) => out.push(`**${title}**`, '', rows.length ? table(header, rows) : `_${empty}_`, '');
  section('Support', m['support-jobs'].map((j) => [j.provider, j.cluster_name, j.choice_reason]), ['Cloud Provider', 'Cluster Name', 'Reason for Redeploy'], 'No support upgrades will be triggered');
  const hubs = (jobs: Matrices['staging-jobs']) => jobs.map((j) => [j.provider, j.cluster_name, j.hub_name, j.choice_reason]);
  const hubHeader = ['Cloud Provider', 'Cluster Name', 'Hub Name', 'Reason for Redeploy'];
  section('Staging hubs', hubs(m['staging-jobs']), hubHeader, 'No staging hub upgrades will be triggered');
  section('Production hubs', hubs(m['prod-jobs']), hubHeader, 'No production hub upgrades will be triggered');
  return out.join('\n').trimEnd();
}

/** The sticky comment / job summary. */
export function diffMarkdown(result: DiffResult, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT - 1_536;
  const maxLines = options.maxLinesPerRelease ?? 300;
  const short = (c?: string) => (c ? c.slice(0, 12) : '');
  const head: string[] = [COMMENT_MARKER, '## What this change deploys, rendered', ''];
  const matrices = options.matrices ?? result.matrices;
  if (matrices) head.push(planTables(matrices), '');
  const rs = result.releases;
  const count = (s: ReleaseDiff['status']) => rs.filter((r) => r.status === s).length;
  head.push(
    `### Rendered changes (${mdText(result.base.ref)} ${short(result.base.commit)} → ${mdText(result.head.ref === 'WORKTREE' ? 'working tree' : result.head.ref)} ${short(result.head.commit)})`,
    '',
    `${rs.length} release(s) rendered at both refs: ${count('changed')} changed, ${count('added')} new, ${count('removed')} removed from the config, ${count('unchanged')} unchanged, ${count('failed')} failed to render. Secret values are never decrypted: secret files render as placeholders and Secret objects' data is redacted.`,
    '',
  );
  const tail: string[] = [];
  const unchanged = rs.filter((r) => r.status === 'unchanged');
  if (unchanged.length) tail.push(`**Unchanged:** ${unchanged.map((r) => `<code>${mdText(name(r))}</code>`).join(', ')}`, '');
  if (options.dropped?.length) {
    tail.push(`**Not deployed (skip-unchanged):** ${options.dropped.map((d) => `<code>${mdText(`${d.cluster}/${d.release}`)}</code>`).join(', ')}: ${mdText(options.dropped[0].why)}.`, '');
  }
  const blocks = rs.filter((r) => r.status !== 'unchanged');
  let text = head.join('\n');
  const reserve = tail.join('\n').length + 400;
  let omitted = 0;
  for (const r of blocks) {
    const full = releaseBlock(r, maxLines);
    const room = limit - reserve - text.length;
    if (full.length + 2 <= room) {
      text += full + '\n\n';
      continue;
    }
    const bare = releaseBlock(r, 'none');
    if (bare.length + 2 <= room) {
      text += bare + '\n\n';
      continue;
    }
    omitted++;
  }
  if (omitted) text += `_${mdText(`${omitted} more release(s) not shown to stay under GitHub's comment size limit: see the job summary or the deployer-diff artifact`)}_\n\n`;
  return (text + tail.join('\n')).trimEnd() + '\n';
}

/** Terminal text: a status line per release, then the diffs. */
export function diffText(result: DiffResult, dropped: Dropped[] = []): string {
  const out: string[] = [];
  for (const r of result.releases) out.push(`${name(r).padEnd(32)} ${statusLine(r)}`);
  for (const d of dropped) out.push(`${`${d.cluster}/${d.release}`.padEnd(32)} not deployed (skip-unchanged): ${d.why}`);
  for (const r of result.releases) {
    if (r.status === 'unchanged') continue;
    out.push('', `=== ${name(r)}: ${statusLine(r)}`);
    for (const s of r.secretChanges) out.push(`  ${s}`);
    if (r.note) out.push(`  ${r.note}`);
    if (r.failure) out.push(`  failed at the ${r.failure.ref}: ${r.failure.message}`);
    if (r.objects.length) out.push(releasePatch(r).text);
  }
  const s = result.stats;
  out.push('', `${result.releases.length} release(s), ${s.renders} render(s), ${s.helmProcesses} helm process(es), ${s.dependencyBuilds} dependency build(s) in ${(s.durationMs / 1000).toFixed(2)} s`);
  return stripControl(out.join('\n')) + '\n';
}
