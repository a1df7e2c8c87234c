/** The Reporter for GitHub Actions: @actions/core log lines, groups, masks and annotations, all text redacted. */
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { formatTextTable, mayBeWorkflowCommand, type Reporter } from '../shared/log.js';
import type { SourceLocation } from '../shared/errors.js';
import { onSecretRegistered, redact, registerSecret } from '../shared/redact.js';

/** At most this many annotations of one kind per step (GitHub shows 10); the rest go to the summary only. */
export const ANNOTATION_CAP = 10;

/**
 * Run `fn` between `::stop-commands::<random token>` and `::<token>::`, the runner's own mechanism for untrusted
 * text: nothing `fn` prints (an input echoed back, a file name from the change under review, a tool's output) can act
 * as a workflow command. It still shows verbatim in the log.
 */
export function untrustedBlock<T>(fn: () => T): T {
  const token = randomUUID().replace(/-/g, '');
  core.info(`::stop-commands::${token}`);
  try {
    return fn();
  } finally {
    core.info(`::${token}::`);
  }
}

/** Print text to the log so that none of its lines can act as a workflow command (see untrustedBlock). */
export function logUntrusted(text: string): void {
  if (!mayBeWorkflowCommand(text)) core.info(text);
  else untrustedBlock(() => core.info(text));
}

export interface AnnotationLocation extends SourceLocation {
  title?: string;
}

export class ActionsReporter implements Reporter {
  private readonly counts = { warning: 0, error: 0 };
  /** Annotations that did not fit under the cap (the adapter lists them in the summary). */
  readonly overflow: Array<{ kind: 'warning' | 'error'; message: string; location?: AnnotationLocation }> = [];
  /** Maps a config-root-relative path to a workspace-relative one for annotations. */
  constructor(private readonly annotationPath: (file: string) => string = (f) => f) {
    // Every secret the core registers, now or later, is masked by the runner too.
    onSecretRegistered((v) => core.setSecret(v));
  }

  info(message: string): void {
    logUntrusted(redact(message));
  }
  debug(message: string): void {
    core.debug(redact(message));
  }
  private annotate(kind: 'warning' | 'error', message: string, location?: AnnotationLocation): void {
    const text = redact(message);
    if (this.counts[kind] >= ANNOTATION_CAP) {
      this.overflow.push({ kind, message: text, location });
      // still visible in the log, just not as an annotation
      logUntrusted(`${kind}: ${location?.file ? `${location.file}:${location.line ?? ''}: ` : ''}${text}`);
      return;
    }
    this.counts[kind]++;
    const props: core.AnnotationProperties = {};
    if (location?.file) props.file = this.annotationPath(location.file);
    if (location?.line) props.startLine = location.line;
    if (location?.col) props.startColumn = location.col;
    if (location?.title) props.title = redact(location.title);
    if (kind === 'warning') core.warning(text, props);
    else core.error(text, props);
  }
  warn(message: string, location?: AnnotationLocation): void {
    this.annotate('warning', message, location);
  }
  error(message: string, location?: AnnotationLocation): void {
    this.annotate('error', message, location);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(redact(name), fn);
  }
  mask(value: string): void {
    registerSecret(value);
  }
  table(title: string, header: string[], rows: string[][]): void {
    logUntrusted(redact(`${title}\n${formatTextTable(header, rows)}`));
    core.summary
      .addHeading(redact(title), 3)
      .addTable([header.map((h) => ({ data: redact(h), header: true })), ...rows.map((r) => r.map((c) => redact(c)))]);
  }
}
