/**
 * The Reporter: how the core speaks. The action adapter implements it with @actions/core (src/action/reporter.ts),
 * the CLI with the terminal (TerminalReporter below). The core never imports @actions/*.
 * Every implementation passes all text through `redact()`.
 */
import { formatLocation, type SourceLocation } from './errors.js';
import { onSecretRegistered, redact, registerSecret } from './redact.js';

export interface Reporter {
  info(message: string): void;
  debug(message: string): void;
  warn(message: string, location?: SourceLocation & { title?: string }): void;
  error(message: string, location?: SourceLocation & { title?: string }): void;
  /** Run `fn` inside a collapsible group (actions) or under a heading (terminal). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Register a secret: masked from now on in everything this process prints. */
  mask(value: string): void;
  /** A table for people: the job summary in actions, aligned columns on the terminal. */
  table(title: string, header: string[], rows: string[][]): void;
}

/** Align a table into monospace columns (used by the terminal reporter and by plain-text renderers). */
export function formatTextTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface TerminalReporterOptions {
  /** Where log lines go (default: process.stderr, so stdout stays free for results). */
  write?: (text: string) => void;
  verbose?: boolean;
  color?: boolean;
}

export class TerminalReporter implements Reporter {
  private readonly write: (text: string) => void;
  private readonly verbose: boolean;
  private readonly color: boolean;
  private depth = 0;

  constructor(options: TerminalReporterOptions = {}) {
    this.write = options.write ?? ((t) => process.stderr.write(t));
    this.verbose = options.verbose ?? false;
    this.color = options.color ?? (process.stderr.isTTY === true && !process.env.NO_COLOR);
  }

  private emit(text: string): void {
    const indent = '  '.repeat(this.depth);
    this.write(
      redact(text)
        .split('\n')
        .map((l) => indent + l)
        .join('\n') + '\n',
    );
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  info(message: string): void {
    this.emit(message);
  }
  debug(message: string): void {
    if (this.verbose) this.emit(this.paint('2', message));
  }
  warn(message: string, location?: SourceLocation): void {
    const where = location ? formatLocation(location) : '';
    this.emit(this.paint('33', `warning: ${where ? where + ': ' : ''}${message}`));
  }
  error(message: string, location?: SourceLocation): void {
    const where = location ? formatLocation(location) : '';
    this.emit(this.paint('31', `error: ${where ? where + ': ' : ''}${message}`));
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.emit(this.paint('1', `== ${name}`));
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
    }
  }
  mask(value: string): void {
    registerSecret(value);
  }
  table(title: string, header: string[], rows: string[][]): void {
    this.emit(`${title}\n${formatTextTable(header, rows)}`);
  }
}

/** A Reporter that records everything (for tests and for capturing a capability's log). */
export class MemoryReporter implements Reporter {
  readonly lines: string[] = [];
  info(m: string) {
    this.lines.push(redact(`info: ${m}`));
  }
  debug(m: string) {
    this.lines.push(redact(`debug: ${m}`));
  }
  warn(m: string, l?: SourceLocation) {
    this.lines.push(redact(`warning: ${l ? formatLocation(l) + ': ' : ''}${m}`));
  }
  error(m: string, l?: SourceLocation) {
    this.lines.push(redact(`error: ${l ? formatLocation(l) + ': ' : ''}${m}`));
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(redact(`group: ${name}`));
    return fn();
  }
  mask(v: string) {
    registerSecret(v);
  }
  table(title: string, header: string[], rows: string[][]) {
    this.lines.push(redact(`${title}\n${formatTextTable(header, rows)}`));
  }
  text(): string {
    return this.lines.join('\n');
  }
}

/** A Reporter that prints nothing (for pure library calls that must not log). */
export const silentReporter: Reporter = {
  info() {},
  debug() {},
  warn() {},
  error() {},
  group: (_n, fn) => fn(),
  mask: (v) => void registerSecret(v),
  table() {},
};

export { onSecretRegistered };

// ---- untrusted text and GitHub Actions workflow commands ------------------------------------------------------
// The runner reads every line a step prints (stdout and stderr) and acts on two forms: a line whose first non-blank
// characters are `::` (`::add-mask::x`, `::stop-commands::t`), and the legacy `##[command]` anywhere in a line. A hub
// name, a changed file's name or a key echoed by helm must never become one of those.

/** Characters .NET's `TrimStart()` removes (the runner trims a line before looking for `::`). */
const RUNNER_BLANK = /[\s\u0085]/;

/** True when some line of `text` could act as a workflow command. */
export function mayBeWorkflowCommand(text: string): boolean {
  return /(^|[\r\n])[\s\u0085]*::|##\[/.test(text);
}

/** The zero-width space put before the `:` or `[` that would start a command: the text reads the same, the runner ignores it. */
export const COMMAND_BREAK = '\u200b';

/**
 * Escapes a stream of text, chunk by chunk (a command split across two writes is still caught), so that no line can
 * act as a workflow command: a zero-width space goes before a line's leading `::` and between `##` and `[`. Nothing is
 * buffered: each chunk is returned escaped at once (a line-leading `:` that ends a chunk is escaped, in case).
 */
export class WorkflowCommandEscaper {
  private lineStart = true;
  private hashes = 0;

  push(chunk: string): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      // A line-leading `:` is escaped when a `:` follows (or might: it ends this chunk), so `:smile:` stays as it is.
      const command = c === ':' && this.lineStart && (i + 1 === chunk.length || chunk[i + 1] === ':');
      if (command || (c === '[' && this.hashes >= 2)) {
        out += chunk.slice(from, i) + COMMAND_BREAK;
        from = i;
      }
      if (c === '\n' || c === '\r') this.lineStart = true;
      else if (!RUNNER_BLANK.test(c)) this.lineStart = false;
      this.hashes = c === '#' ? this.hashes + 1 : 0;
    }
    return out + chunk.slice(from);
  }
}

/** `text` (one whole piece) escaped as the escaper above does. */
export function escapeWorkflowCommands(text: string): string {
  return new WorkflowCommandEscaper().push(text);
}

/**
 * JSON text that can never act as a workflow command and parses to exactly the same value: JSON puts no line break
 * inside a value, so no line starts with `::`, and `#` occurs only inside strings, where `\u0023` means `#`.
 */
export function escapeWorkflowCommandsInJson(json: string): string {
  return json.replace(/##\[/g, '#\\u0023[');
}
