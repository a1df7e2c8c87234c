/**
 * Run an external tool: argument array (never a shell string), a timeout, captured output, an environment built
 * for the call (never process.env mutated), registered secrets redacted from everything it returns or throws, and
 * an error that names the command.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { redact } from '../redact.js';
import { trackChild } from './shutdown.js';

export interface RunOptions {
  cwd?: string;
  /** The whole environment of the child. Default: `baseEnv()`. */
  env?: NodeJS.ProcessEnv;
  /** Added on top of `env`. */
  extraEnv?: NodeJS.ProcessEnv;
  /** Milliseconds; the child gets SIGTERM, then SIGKILL 5 s later. Default 10 minutes. */
  timeoutMs?: number;
  input?: string;
  /** Don't throw on a non-zero exit; the caller reads `code`. */
  allowFailure?: boolean;
  /** Called with each chunk of (redacted) output as it arrives, for streaming logs. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Cap on kept output per stream (bytes). Default 16 MiB. */
  maxBuffer?: number;
  /** An AbortSignal that kills the child. */
  signal?: AbortSignal;
}

export interface RunResult {
  command: string;
  args: string[];
  /** Redacted. */
  stdout: string;
  /** Redacted. */
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  timedOut: boolean;
}

/** Raw stdout (not redacted), for callers that parse tool output which may hold secrets they then register. */
export interface RawRunResult extends RunResult {
  rawStdout: string;
}

export class ToolError extends DeployerError {
  readonly result: RunResult;
  constructor(message: string, result: RunResult, hint?: string) {
    super(message, { hint });
    this.name = 'ToolError';
    this.result = result;
  }
}

/** Counts tool starts per tool name, for benchmarks ("helm processes started"). */
export const toolStarts = new Map<string, number>();

/** The environment a tool gets by default: the parent's, minus what must never leak between clusters. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'KUBECONFIG' || k.startsWith('AWS_') || k === 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE' || k === 'GOOGLE_APPLICATION_CREDENTIALS') continue;
    env[k] = v;
  }
  return env;
}

/** A printable command line (arguments quoted where needed), redacted. */
export function formatCommand(command: string, args: string[]): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return redact([path.basename(command), ...args].map(q).join(' '));
}

function tail(text: string, lines = 20): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

export async function runToolRaw(command: string, args: string[], options: RunOptions = {}): Promise<RawRunResult> {
  const started = Date.now();
  const env = { ...(options.env ?? baseEnv()), ...(options.extraEnv ?? {}) };
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const maxBuffer = options.maxBuffer ?? 16 * 1024 * 1024;
  const name = path.basename(command);
  toolStarts.set(name, (toolStarts.get(name) ?? 0) + 1);
  return new Promise<RawRunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    // A stop signal to this process is passed on to the tool (exec/shutdown.ts), never leaving it orphaned.
    trackChild(child);
    let out = '';
    let err = '';
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      killTimer.unref();
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (out.length < maxBuffer) out += d;
      options.onOutput?.(redact(d), 'stdout');
    });
    child.stderr.on('data', (d: string) => {
      if (err.length < maxBuffer) err += d;
      options.onOutput?.(redact(d), 'stderr');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const result: RunResult = { command, args, stdout: '', stderr: '', code: null, signal: null, durationMs: Date.now() - started, timedOut };
      if (e.code === 'ENOENT') {
        reject(new ToolError(`\`${name}\` was not found (tried to run ${formatCommand(command, args)})`, result, `install ${name} and make sure it is on PATH`));
      } else if (e.name === 'AbortError') {
        reject(new ToolError(`${formatCommand(command, args)} was cancelled`, result));
      } else {
        reject(new ToolError(`could not start ${formatCommand(command, args)}: ${redact(e.message)}`, result));
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      const result: RawRunResult = {
        command,
        args,
        stdout: redact(out),
        stderr: redact(err),
        rawStdout: out,
        code,
        signal,
        durationMs: Date.now() - started,
        timedOut,
      };
      if (timedOut) {
        reject(new ToolError(`${formatCommand(command, args)} timed out after ${Math.round(timeoutMs / 1000)} s`, result, 'raise the timeout, or look at why the tool hangs'));
      } else if (code !== 0 && !options.allowFailure) {
        const detail = tail(result.stderr || result.stdout);
        reject(
          new ToolError(
            `${formatCommand(command, args)} failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${detail ? `:\n${detail}` : ''}`,
            result,
          ),
        );
      } else resolve(result);
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Run a tool; output and errors are redacted. Throws ToolError on failure unless `allowFailure`. */
export async function runTool(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { rawStdout: _raw, ...result } = await runToolRaw(command, args, options);
  return result;
}
