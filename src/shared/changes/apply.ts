/**
 * Write a set of files into the repo all-or-nothing: every new content is first written to a hidden sibling
 * (`.<name>.deployer-<random>`, mode kept) and synced; only when all of them are on disk are they renamed over their
 * targets (rename is atomic on one filesystem). If a write or rename fails, what was renamed is put back from the
 * original bytes, the siblings and the directories this created are removed, and the error is thrown: the tree is as
 * it was. Only ciphertext and non-secret files pass through here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { readIfExists } from './encrypt.js';

export interface FileWrite {
  rel: string;
  abs: string;
  /** New content, or `null` to delete the file. */
  content: Buffer | null;
  /** The bytes the file had when the change was computed (undefined: it did not exist). */
  original: Buffer | undefined;
}

/** Test hook: fail at a given step, to prove rollback. Never set in production. */
export const faultInjection: { failRenameAt?: number; failWriteAt?: number } = {};

async function writeSynced(abs: string, content: Buffer, mode: number): Promise<void> {
  const fh = await open(abs, 'wx', mode);
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Directories that do not exist yet between `root` and `dir`, outermost first. */
function missingDirs(root: string, dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  while (d.startsWith(root + path.sep) && !existsSync(d)) {
    out.unshift(d);
    d = path.dirname(d);
  }
  return out;
}

export async function writeAllOrNothing(root: string, writes: FileWrite[]): Promise<void> {
  const rootAbs = path.resolve(root);
  const createdDirs: string[] = [];
  const staged: Array<{ w: FileWrite; tmp?: string }> = [];
  const done: FileWrite[] = [];
  try {
    // 1. Nothing changed on disk since the change was computed (another process, an editor).
    for (const w of writes) {
      const now = readIfExists(w.abs);
      const same = now === undefined ? w.original === undefined : w.original !== undefined && now.equals(w.original);
      if (!same) {
        throw new DeployerError(`${w.rel} changed on disk while this change was being prepared; nothing was written`, {
          file: w.rel,
          hint: 'run the command again',
        });
      }
    }
    // 2. Stage every new content next to its target.
    let n = 0;
    for (const w of writes) {
      if (w.content === null) {
        staged.push({ w });
        continue;
      }
      const dir = path.dirname(w.abs);
      for (const d of missingDirs(rootAbs, dir)) {
        await mkdir(d, { mode: 0o755 });
        createdDirs.push(d);
      }
      const tmp = path.join(dir, `.${path.basename(w.abs)}.deployer-${randomBytes(6).toString('hex')}`);
      const mode = w.original !== undefined && existsSync(w.abs) ? statSync(w.abs).mode & 0o777 : 0o644;
      if (faultInjection.failWriteAt !== undefined && n === faultInjection.failWriteAt) throw new Error('injected write failure');
      staged.push({ w, tmp });
      await writeSynced(tmp, w.content, mode);
      n++;
    }
    // 3. Rename them in (and delete what is deleted).
    let r = 0;
    for (const { w, tmp } of staged) {
      if (faultInjection.failRenameAt !== undefined && r === faultInjection.failRenameAt) throw new Error('injected rename failure');
      if (tmp) await rename(tmp, w.abs);
      else await unlink(w.abs);
      done.push(w);
      r++;
    }
  } catch (e) {
    // Put back what was already replaced, then remove the staged siblings and the directories created here.
    const problems: string[] = [];
    for (const w of done.reverse()) {
      try {
        if (w.original === undefined) await rm(w.abs, { force: true });
        else await writeFile(w.abs, w.original);
      } catch (err) {
        problems.push(`${w.rel}: ${(err as Error).message}`);
      }
    }
    for (const { tmp } of staged) if (tmp) await rm(tmp, { force: true }).catch(() => undefined);
    for (const d of createdDirs.reverse()) await rmdir(d).catch(() => undefined);
    if (e instanceof DeployerError) throw e;
    throw new DeployerError(
      `could not write the change into the repo (${(e as Error).message}); ${problems.length ? `could NOT restore: ${problems.join('; ')}` : 'every file was restored to what it was'}`,
      { hint: problems.length ? 'check those files with `git status` / `git diff`' : 'check free space and permissions of the checkout, then run again', cause: e },
    );
  }
  // Empty directories left by deletions are removed (git does not track them).
  for (const w of writes) {
    if (w.content !== null) continue;
    let d = path.dirname(w.abs);
    while (d.startsWith(rootAbs + path.sep)) {
      try {
        await rmdir(d);
      } catch {
        break;
      }
      d = path.dirname(d);
    }
  }
}
