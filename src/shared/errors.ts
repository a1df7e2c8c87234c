/**
 * DeployerError: every user-facing failure. It carries where the fault is (file, line, col) and what to do (hint).
 * The CLI and the action adapter print `format()` and exit 1 (or `exitCode`), never a stack trace.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  col?: number;
}

export interface DeployerErrorOptions extends SourceLocation {
  hint?: string;
  exitCode?: number;
  cause?: unknown;
}

export class DeployerError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, options: DeployerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeployerError';
    this.file = options.file;
    this.line = options.line;
    this.col = options.col;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }

  /** `file:line:col: message` (the location part only where known), then the hint on its own line. */
  format(): string {
    const where = formatLocation(this);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }
}

/** Wrong command-line or action usage (exit code 2, as usage errors conventionally are). */
export class UsageError extends DeployerError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
    this.name = 'UsageError';
  }
}

export function formatLocation(loc: SourceLocation): string {
  if (!loc.file) return '';
  let s = loc.file;
  if (loc.line !== undefined) {
    s += `:${loc.line}`;
    if (loc.col !== undefined) s += `:${loc.col}`;
  }
  return s;
}

export function isDeployerError(e: unknown): e is DeployerError {
  return e instanceof DeployerError;
}

/** One line describing any thrown value, without a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof DeployerError) return e.format();
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
