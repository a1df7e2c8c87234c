/**
 * The action adapter every actions/<name>/main.ts uses: typed, validated inputs (errors name the input), outputs
 * through core.setOutput (redacted), the job summary, capped annotations, and failure as one line through
 * core.setFailed, never a stack trace for a DeployerError.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { DeployerError, describeError, UsageError } from '../shared/errors.js';
import { redact } from '../shared/redact.js';
import type { Finding } from '../shared/findings.js';
import type { InstallableTool } from '../shared/exec/install.js';
import { ActionsReporter } from './reporter.js';
import { writeInputFile } from './write-path.js';

/** GitHub's limit for one step's summary is 1 MiB; we stay under it. */
export const SUMMARY_LIMIT = 1024 * 1024 - 4096;

export class Inputs {
  private read(name: string): string {
    return core.getInput(name, { trimWhitespace: true });
  }
  /** A string input; `required` fails with a message naming the input. */
  string(name: string, options: { required?: boolean; default?: string } = {}): string {
    const v = this.read(name);
    if (!v) {
      if (options.required) throw new UsageError(`input \`${name}\` is required`, `set \`with: ${name}: ...\` in the workflow step`);
      return options.default ?? '';
    }
    return v;
  }
  optional(name: string): string | undefined {
    return this.read(name) || undefined;
  }
  boolean(name: string, defaultValue = false): boolean {
    const v = this.read(name).toLowerCase();
    if (!v) return defaultValue;
    if (['true', 'yes', '1', 'on'].includes(v)) return true;
    if (['false', 'no', '0', 'off'].includes(v)) return false;
    throw new UsageError(`input \`${name}\` must be true or false, got \`${redact(v)}\``);
  }
  integer(name: string, options: { default: number; min?: number; max?: number }): number {
    const v = this.read(name);
    if (!v) return options.default;
    if (!/^-?\d+$/.test(v)) throw new UsageError(`input \`${name}\` must be a whole number, got \`${redact(v)}\``);
    const n = Number(v);
    if (options.min !== undefined && n < options.min) throw new UsageError(`input \`${name}\` must be at least ${options.min}, got ${n}`);
    if (options.max !== undefined && n > options.max) throw new UsageError(`input \`${name}\` must be at most ${options.max}, got ${n}`);
    return n;
  }
  /** Comma- or newline-separated list, trimmed, empty items dropped. */
  list(name: string): string[] {
    return this.read(name)
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  /** Newline-separated list (items may contain commas). */
  lines(name: string): string[] {
    return this.read(name)
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  json<T = unknown>(name: string, defaultValue: T): T {
    const v = this.read(name);
    if (!v) return defaultValue;
    try {
      return JSON.parse(v) as T;
    } catch (e) {
      throw new UsageError(`input \`${name}\` is not valid JSON: ${(e as Error).message}`);
    }
  }
  choice<T extends string>(name: string, choices: readonly T[], defaultValue: T): T {
    const v = this.read(name);
    if (!v) return defaultValue;
    if (!choices.includes(v as T)) throw new UsageError(`input \`${name}\` must be one of ${choices.join(', ')}, got \`${redact(v)}\``);
    return v as T;
  }
}

export interface ActionContext {
  inputs: Inputs;
  reporter: ActionsReporter;
  /** Set an output; objects become JSON; registered secrets are masked. */
  setOutput(name: string, value: unknown): void;
  /** The job summary (written at the end, capped under 1 MiB). */
  summary: typeof core.summary;
  /** Annotate findings (capped per kind) and return how many were annotated. */
  annotateFindings(findings: Finding[]): number;
  /** The config root: input `config-root`, default GITHUB_WORKSPACE, else the current directory. */
  configRoot(): string;
  /**
   * Make sure external tools are there before the capability runs: a tool on PATH at a supported version is used
   * as is, else the pinned release is downloaded, its SHA-256 checked, cached, and put on PATH for this step and the
   * job's later steps. Call it before building any environment from process.env.
   */
  ensureTools(names: InstallableTool[]): Promise<void>;
  /**
   * Write `content` to the file an input names (`value` is the input's value): only inside the workspace or
   * RUNNER_TEMP, never over a file git tracks, never a directory or a symbolic link, whole or not at all (see
   * write-path.ts). Returns the absolute path written.
   */
  writeInputFile(input: string, value: string, content: string): Promise<string>;
}

function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

export function createContext(): ActionContext {
  const inputs = new Inputs();
  const configRoot = () => path.resolve(workspace(), inputs.string('config-root', { default: '.' }));
  // Findings carry config-root-relative paths; annotations need workspace-relative ones.
  const annotationPath = (file: string) => {
    if (path.isAbsolute(file)) return path.relative(workspace(), file).split(path.sep).join('/');
    return path.relative(workspace(), path.resolve(configRoot(), file)).split(path.sep).join('/');
  };
  const reporter = new ActionsReporter(annotationPath);
  return {
    inputs,
    reporter,
    setOutput(name, value) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      core.setOutput(name, redact(text));
    },
    summary: core.summary,
    annotateFindings(findings) {
      for (const f of findings) {
        const loc = { file: f.file, line: f.line, col: f.col, title: f.path ? `at ${f.path}` : undefined };
        if (f.severity === 'error') reporter.error(f.message, loc);
        else reporter.warn(f.message, loc);
      }
      return findings.length - reporter.overflow.length;
    },
    configRoot,
    async ensureTools(names) {
      const { ensureTools } = await import('../shared/exec/install.js');
      const set = await ensureTools(names, { reporter, inActions: true });
      const onPath = new Set((process.env.PATH ?? '').split(path.delimiter));
      // core.addPath puts the directory first on this process's PATH and on the PATH of the job's later steps.
      for (const dir of set.binDirs) if (!onPath.has(dir)) core.addPath(dir);
    },
    writeInputFile: (input, value, content) => writeInputFile(input, value, content),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The annotations past the per-kind cap, listed in the summary with their location (they are not lost). */
function summarizeOverflow(reporter: ActionsReporter): void {
  if (!reporter.overflow.length) return;
  core.summary.addHeading(`${reporter.overflow.length} more finding(s), not shown as annotations`, 3).addList(
    reporter.overflow.map(({ kind, message, location }) => {
      const where = location?.file ? `${location.file}${location.line ? `:${location.line}` : ''}: ` : '';
      return escapeHtml(redact(`${where}${kind}: ${message}`));
    }),
  );
}

async function writeSummary(): Promise<void> {
  const buffer = core.summary.stringify();
  if (!buffer || !process.env.GITHUB_STEP_SUMMARY) return;
  let text = redact(buffer);
  if (Buffer.byteLength(text) > SUMMARY_LIMIT) {
    text = Buffer.from(text).subarray(0, SUMMARY_LIMIT).toString('utf8') + '\n\n_(summary truncated at 1 MiB)_\n';
  }
  await core.summary.clear();
  await core.summary.addRaw(text).write();
}

/**
 * Run an action: build the context, run `fn`, report a failure as one line (with an annotation at the error's
 * location), write the summary. Never throws; sets process.exitCode.
 */
export async function runAction(name: string, fn: (ctx: ActionContext) => Promise<void>): Promise<void> {
  let ctx: ActionContext | undefined;
  try {
    ctx = createContext();
    await fn(ctx);
  } catch (e) {
    const message = redact(describeError(e));
    if (e instanceof DeployerError && e.file && ctx) {
      ctx.reporter.error(e.message, { file: e.file, line: e.line, col: e.col, title: `${name} failed` });
    } else if (!(e instanceof DeployerError)) {
      // An unexpected error: the stack goes to the debug log only (redacted), the failure is one line.
      core.debug(redact((e as Error)?.stack ?? String(e)));
    }
    core.setFailed(`${name}: ${message}`);
  } finally {
    try {
      if (ctx) summarizeOverflow(ctx.reporter);
      await writeSummary();
    } catch (e) {
      core.warning(`could not write the job summary: ${redact(describeError(e))}`);
    }
  }
}
