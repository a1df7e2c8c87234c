/**
 * Files an action writes where an input says (for example helm-upgrade-jobs `comment-file`). The input comes from a
 * workflow file, which a pull request can change, so the path is held to what such a file is for:
 * - it resolves inside the workspace or RUNNER_TEMP (relative paths are relative to the workspace; `..`, absolute
 *   paths elsewhere and symbolic links that lead out are refused);
 * - it is never a file git tracks (a plan comment must not replace `config/clusters/x/cluster.yaml`), never inside a
 *   `.git` directory, never a directory, never a symbolic link;
 * - it is written whole or not at all: a temp file beside it, renamed over it, removed on every failure (no `*.tmp`
 *   is left behind).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../shared/errors.js';
import { redact } from '../shared/redact.js';

export interface WriteRoots {
  /** GITHUB_WORKSPACE (default: the current directory). */
  workspace: string;
  /** RUNNER_TEMP, when set. */
  runnerTemp?: string;
}

export function writeRoots(env: NodeJS.ProcessEnv = process.env): WriteRoots {
  return { workspace: env.GITHUB_WORKSPACE || process.cwd(), runnerTemp: env.RUNNER_TEMP || undefined };
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}

/** The real path of `p`, following symbolic links in every part that exists (the rest appended as given). */
async function realPathOf(p: string): Promise<string> {
  const rest: string[] = [];
  let dir = p;
  for (;;) {
    try {
      return path.join(await realpath(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return p;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}

const inside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** True when git tracks `file` (in whatever repository holds it); false outside a repository or without git. */
function trackedByGit(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['-C', path.dirname(file), 'ls-files', '--error-unmatch', '--', path.basename(file)], { timeout: 30_000 }, (err) => resolve(!err));
  });
}

/**
 * Check that the path given in input `input` may be written, and return it absolute. Throws a UsageError naming the
 * input and saying what to do.
 */
export async function resolveWritablePath(input: string, value: string, roots: WriteRoots = writeRoots()): Promise<string> {
  const shown = `input \`${input}\` (${redact(JSON.stringify(value))})`;
  const hint = 'write to a new file in the workspace (e.g. `comment-body.md`) or under $RUNNER_TEMP';
  if (!value.trim() || value.includes('\0')) throw new UsageError(`${shown} is not a file path`, hint);
  if (/[\\/]$/.test(value)) throw new UsageError(`${shown} names a directory; it must name a file`, hint);
  const abs = path.resolve(roots.workspace, value);
  const allowed = [roots.workspace, roots.runnerTemp].filter((r): r is string => !!r).map((r) => path.resolve(r));
  const allowedReal = await Promise.all(allowed.map(realPathOf));
  const real = await realPathOf(abs);
  // Both the path as written and where its symbolic links lead must stay inside.
  if (!allowed.some((r) => inside(r, abs)) || !allowedReal.some((r) => inside(r, real))) {
    throw new UsageError(`${shown} resolves outside the workspace and RUNNER_TEMP (to ${redact(real)})`, hint);
  }
  if (real.split(path.sep).some((s) => s.toLowerCase() === '.git')) throw new UsageError(`${shown} is inside a .git directory`, hint);
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    const up = await lstat(dir).catch(() => undefined);
    if (up) {
      if (!up.isDirectory() && !up.isSymbolicLink()) throw new UsageError(`${shown} goes through ${redact(path.relative(roots.workspace, dir) || dir)}, which is a file, not a directory`, hint);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const st = await lstat(abs).catch(() => undefined);
  if (st?.isDirectory()) throw new UsageError(`${shown} is a directory; it must name a file`, hint);
  if (st?.isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; the suite writes only plain files`, hint);
  if (st && !st.isFile()) throw new UsageError(`${shown} is not a regular file`, hint);
  // A path under a directory that does not exist yet cannot be tracked (git needs a directory to run in).
  if ((await exists(path.dirname(real))) && (await trackedByGit(real))) {
    throw new UsageError(`${shown} is a file tracked by git; the suite never writes over the repository's files`, hint);
  }
  return abs;
}

/**
 * Write `content` to the file input `input` names (see resolveWritablePath): parent directories are created, the file
 * is replaced whole through a temp file beside it, and that temp file never outlives a failure.
 */
export async function writeInputFile(input: string, value: string, content: string, roots: WriteRoots = writeRoots()): Promise<string> {
  const abs = await resolveWritablePath(input, value, roots);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new UsageError(`could not write input \`${input}\` (${redact(value)}): ${redact((e as Error).message)}`);
  }
  return abs;
}
