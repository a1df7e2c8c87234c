/**
 * A ref of the infra repo as a directory: `git archive <ref>` of the config root's subtree, unpacked into a private
 * temp dir (nothing in the working tree is touched, no worktree bookkeeping is left behind). `WORKTREE` stands for
 * the files as they are checked out now, uncommitted changes included.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import { DeployerError, UsageError } from '../errors.js';
import { runTool } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { privateTempDir } from '../secrets/tempdir.js';

export const WORKTREE = 'WORKTREE';

export interface RefTree {
  /** The ref as given (or WORKTREE). */
  ref: string;
  /** The commit it resolved to (undefined for WORKTREE). */
  commit?: string;
  /** The config root of this ref (a temp dir for a commit, the real config root for WORKTREE). */
  configRoot: string;
  dispose(): Promise<void>;
}

export function checkRef(name: string, ref: string): void {
  if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref) || ref.includes('..')) {
    throw new UsageError(`${name} "${ref}" is not a usable git ref`, 'pass a branch, tag or commit SHA (e.g. origin/main or github.event.pull_request.base.sha)');
  }
}

/** Resolve a ref to its commit SHA (a clear error when the clone does not have it). */
export async function resolveCommit(configRoot: string, ref: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await runTool(toolPath('git', env ?? process.env), ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: configRoot, timeoutMs: 60_000, allowFailure: true, env });
  if (r.code !== 0) {
    throw new DeployerError(`git ref "${ref}" is not a commit in this clone`, {
      hint: 'fetch it first (actions/checkout with `fetch-depth: 0`, or `git fetch origin <ref>`)',
    });
  }
  return r.stdout.trim();
}

/** Materialise `ref` (or WORKTREE) of the repository holding `configRoot`. */
export async function checkoutRef(configRoot: string, ref: string, env?: NodeJS.ProcessEnv): Promise<RefTree> {
  if (ref === WORKTREE) return { ref, configRoot, dispose: async () => {} };
  const git = toolPath('git', env ?? process.env);
  const commit = await resolveCommit(configRoot, ref, env);
  const top = (await runTool(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000, env })).stdout.trim();
  const rel = path.relative(realpathSync(top), realpathSync(configRoot)).split(path.sep).join('/');
  const tmp = await privateTempDir('diff-ref');
  try {
    const archive = path.join(tmp.dir, 'tree.tar');
    const args = ['archive', '--format=tar', `--output=${archive}`, commit];
    if (rel) args.push('--', rel);
    await runTool(git, args, { cwd: top, timeoutMs: 5 * 60_000, env });
    const out = path.join(tmp.dir, 'tree');
    await mkdir(out, { recursive: true });
    await runTool('tar', ['-xf', archive, '-C', out], { timeoutMs: 5 * 60_000 });
    return { ref, commit, configRoot: rel ? path.join(out, rel) : out, dispose: () => tmp.dispose() };
  } catch (e) {
    await tmp.dispose();
    throw e;
  }
}

/** Files changed between two refs (WORKTREE allowed as head), relative to the config root; deletions included. */
export async function changedBetween(configRoot: string, base: string, head: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const git = toolPath('git', env ?? process.env);
  const range = head === WORKTREE ? [base] : [`${base}...${head}`];
  const r = await runTool(git, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '-z', '--relative', ...range, '--'], {
    cwd: configRoot,
    timeoutMs: 120_000,
    allowFailure: true,
    env,
  });
  if (r.code !== 0) throw new DeployerError(`git diff ${range.join(' ')} failed: ${r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`);
  const files = r.stdout.split('\0').filter((f) => f !== '');
  if (head === WORKTREE) {
    // Untracked files are part of the working tree too.
    const u = await runTool(git, ['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '-z'], { cwd: configRoot, timeoutMs: 60_000, env });
    files.push(...u.stdout.split('\0').filter((f) => f !== ''));
  }
  return [...new Set(files)].sort();
}
