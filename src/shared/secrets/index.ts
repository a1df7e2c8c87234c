/**
 * sops decryption that never leaks:
 * - the leak guard: a file handed to decryption (and any file whose basename contains `secret`) must carry sops
 *   metadata, else a located DeployerError says it may have leaked and must be rotated;
 * - `sops --decrypt --output <private temp file>`: the plaintext lives only in a 0700 directory (0600 file) inside
 *   RUNNER_TEMP (Actions) or the OS temp dir, removed on dispose, on a thrown error, and on exit/SIGINT/SIGTERM;
 * - every decrypted leaf value is masked the moment it is decrypted (before any caller can print or pass it on),
 *   so no log line, tool output, error, summary, annotation or output can carry it.
 *
 * sops runs with the caller's environment (default: this process's, minus KUBECONFIG), because sops needs the
 * workflow's KMS credentials (GOOGLE_APPLICATION_CREDENTIALS, AWS_*, SOPS_AGE_KEY_FILE...) to open the data key.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import { runTool } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { parseYaml } from '../yaml/index.js';
import { maskLeaves, maskText } from './mask.js';
import { explainSopsFailure } from './sops-errors.js';
import { privateTempDir } from './tempdir.js';

export { privateTempDir, liveTempDirs, tempRoot, type PrivateTempDir } from './tempdir.js';
export { maskLeaves, maskValue } from './mask.js';

export interface DecryptedFile {
  /** Absolute path of the plaintext (0600, in a private 0700 directory). */
  path: string;
  /** Remove the plaintext and its directory. Safe to call twice. */
  dispose(): Promise<void>;
}

export interface DecryptOptions {
  reporter: Reporter;
  /** How messages name the file (relative to config-root). Default: the absolute path. */
  display?: string;
  /** Environment for sops (KMS credentials, SOPS_AGE_KEY_FILE, PATH). Default: process.env minus KUBECONFIG. */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds for sops (default 2 minutes: KMS calls can be slow). */
  timeoutMs?: number;
}

/** sops store formats. */
export type SopsFormat = 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';

/** The format sops would pick from the extension; extensionless files are told apart by content. */
export function sopsFormatOf(absPath: string, text?: string): SopsFormat {
  const name = path.basename(absPath).toLowerCase();
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.env')) return 'dotenv';
  if (name.endsWith('.ini')) return 'ini';
  const t = (text ?? '').trimStart();
  if (t.startsWith('{')) {
    try {
      const doc = JSON.parse(t) as Record<string, unknown>;
      const keys = Object.keys(doc ?? {}).sort();
      if (keys.length === 2 && keys[0] === 'data' && keys[1] === 'sops') return 'binary';
      return 'json';
    } catch {
      return 'binary';
    }
  }
  if (/^sops:\s*$/m.test(t)) return 'yaml';
  return 'binary';
}

function leakError(display: string, why: string, line = 1, col = 1): DeployerError {
  return new DeployerError(`${display} ${why}: it is not sops-encrypted. If this file was ever committed or pushed, its contents have leaked`, {
    file: display,
    line,
    col,
    hint: 'rotate every credential in it now, then encrypt the new values with `sops --encrypt --in-place <file>` before committing',
  });
}

/**
 * The leak guard: refuse a file that should be encrypted but carries no sops metadata (a top-level `sops` key for
 * YAML/JSON/binary files, `sops_*` entries for dotenv, a `[sops]` section for ini). Throws a located DeployerError.
 */
export function assertSopsEncrypted(absPath: string, display: string = absPath): void {
  if (!existsSync(absPath) || !statSync(absPath).isFile()) {
    throw new DeployerError(`secret file ${display} not found`, { file: display, hint: 'check the path in cluster.yaml (relative to the cluster directory)' });
  }
  const text = readFileSync(absPath, 'utf8');
  const format = sopsFormatOf(absPath, text);
  if (format === 'dotenv') {
    if (!/^sops_(mac|lastmodified|version)=/m.test(text)) throw leakError(display, 'has no sops metadata (no `sops_mac=` line)');
    return;
  }
  if (format === 'ini') {
    if (!/^\[sops\]\s*$/m.test(text)) throw leakError(display, 'has no `[sops]` section');
    return;
  }
  if (format === 'binary') {
    // sops's binary store is JSON: {"data": "ENC[...]", "sops": {...}}.
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
      const meta = (doc as Record<string, unknown>).sops;
      if (meta && typeof meta === 'object') return;
    }
    throw leakError(display, 'is neither YAML nor JSON with a top-level `sops` key');
  }
  let value: unknown;
  try {
    // parseYaml reads JSON too; its errors carry a position but never the offending text.
    value = parseYaml(text, display).value;
  } catch (e) {
    if (e instanceof DeployerError) {
      throw new DeployerError(`${display} is not valid ${format === 'json' ? 'JSON' : 'YAML'}, so it cannot be a sops-encrypted file: ${e.message}`, {
        file: display,
        line: e.line,
        col: e.col,
        hint: 'sops-encrypted files are YAML or JSON with a top-level `sops` key; re-encrypt the file with sops',
      });
    }
    throw e;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('sops' in (value as object))) {
    throw leakError(display, 'has no top-level `sops` key');
  }
  const meta = (value as Record<string, unknown>).sops;
  if (meta === null || typeof meta !== 'object') throw leakError(display, 'has a `sops` key that is not sops metadata');
}

function sopsEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...(env ?? process.env) };
  // sops never needs a cluster, and a KUBECONFIG in its environment is one more place a credential could travel.
  delete out.KUBECONFIG;
  return out;
}

function parsePlaintext(text: string, format: SopsFormat): unknown {
  switch (format) {
    case 'json':
      return JSON.parse(text);
    case 'yaml':
      return YAML.parse(text, { maxAliasCount: 1000 });
    case 'dotenv': {
      const out: Record<string, string> = {};
      for (const line of text.split(/\r?\n/)) {
        const m = /^([^#=][^=]*)=(.*)$/.exec(line);
        if (m) out[m[1].trim()] = m[2];
      }
      return out;
    }
    case 'ini': {
      const out: Record<string, string> = {};
      for (const line of text.split(/\r?\n/)) {
        const m = /^\s*([^;#[][^=]*)=(.*)$/.exec(line);
        if (m) out[m[1].trim()] = m[2].trim();
      }
      return out;
    }
    default:
      return text;
  }
}

/**
 * Decrypt `absPath` with sops into a private temp file and mask every value in it. The caller must `dispose()`
 * (or use `withDecryptedFile`); the process-exit and signal handlers are the safety net, not the plan.
 */
export async function decryptFile(absPath: string, opts: DecryptOptions): Promise<DecryptedFile> {
  const display = opts.display ?? absPath;
  assertSopsEncrypted(absPath, display);
  const format = sopsFormatOf(absPath, readFileSync(absPath, 'utf8'));
  const env = sopsEnv(opts.env);
  registerAgeKeys(env);
  const sops = toolPath('sops', env);
  const tmp = await privateTempDir('sops');
  const out = path.join(tmp.dir, path.basename(absPath));
  try {
    // Create the output 0600 before sops writes into it (sops keeps an existing file's mode).
    closeSync(openSync(out, 'w', 0o600));
    const result = await runTool(sops, ['--decrypt', '--input-type', format, '--output-type', format, '--output', out, absPath], {
      env,
      timeoutMs: opts.timeoutMs ?? 120_000,
      allowFailure: true,
    });
    if (result.code !== 0) {
      const why = explainSopsFailure(result.stderr || result.stdout, result.code, result.timedOut);
      throw new SopsError(display, why.reason, why.hint);
    }
    await chmod(out, 0o600);
    const text = await readFile(out, 'utf8');
    let parsed: unknown;
    try {
      parsed = parsePlaintext(text, format);
    } catch {
      parsed = undefined;
    }
    // Mask before anything else can see the values; an unparsable plaintext is masked line by line.
    if (parsed === undefined || typeof parsed === 'string') maskText(text, opts.reporter);
    else maskLeaves(parsed, opts.reporter);
    opts.reporter.debug(`decrypted ${display} into a private temporary file`);
    return { path: out, dispose: tmp.dispose };
  } catch (e) {
    await tmp.dispose();
    throw e;
  }
}

/** A file sops could not decrypt: `sops could not decrypt <file>: <why, in one line>`, and what to do (the hint). */
export class SopsError extends DeployerError {
  constructor(
    readonly display: string,
    readonly reason: string,
    hint: string,
  ) {
    super(`sops could not decrypt ${display}: ${reason}`, { file: display, hint });
    this.name = 'SopsError';
  }
}

/**
 * Register the age identities sops will be given (SOPS_AGE_KEY, SOPS_AGE_KEY_FILE) as secrets before it runs: sops
 * quotes a malformed key in its error ("Invalid checksum in AGE-SECRET-KEY-1...").
 */
function registerAgeKeys(env: NodeJS.ProcessEnv): void {
  let text = env.SOPS_AGE_KEY ?? '';
  if (env.SOPS_AGE_KEY_FILE) {
    try {
      text += '\n' + readFileSync(env.SOPS_AGE_KEY_FILE, 'utf8');
    } catch {
      /* sops will say it cannot read it */
    }
  }
  for (const id of text.match(/AGE-SECRET-KEY-[0-9A-Z-]+/g) ?? []) registerSecret(id);
}

/** Decrypt, run `fn` with the plaintext path, and remove the plaintext whatever happens. */
export async function withDecryptedFile<T>(absPath: string, opts: DecryptOptions, fn: (plainPath: string) => Promise<T>): Promise<T> {
  const file = await decryptFile(absPath, opts);
  try {
    return await fn(file.path);
  } finally {
    await file.dispose();
  }
}

/**
 * Decrypt and parse (YAML/JSON; dotenv and ini as flat objects; binary as a string). The plaintext file is removed
 * before this returns; every leaf is already masked.
 */
export async function readDecrypted(absPath: string, opts: DecryptOptions): Promise<unknown> {
  return withDecryptedFile(absPath, opts, async (plain) => {
    const text = await readFile(plain, 'utf8');
    const format = sopsFormatOf(absPath, readFileSync(absPath, 'utf8'));
    try {
      return parsePlaintext(text, format);
    } catch {
      // Never quote the parser's message: it may contain a piece of the plaintext.
      registerSecret(text);
      throw new DeployerError(`the decrypted content of ${opts.display ?? absPath} is not valid ${format === 'json' ? 'JSON' : 'YAML'}`, {
        file: opts.display ?? absPath,
        hint: 'decrypt it locally with `sops --decrypt` and fix the document, then re-encrypt it',
      });
    }
  });
}
