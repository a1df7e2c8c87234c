/**
 * Private temporary directories for decrypted secrets and per-cluster credentials.
 *
 * - 0700, created under `RUNNER_TEMP` when set (GitHub Actions wipes it after the job), else the OS temp dir;
 * - every live directory is removed on `dispose()`, on process exit (also `process.exit()` and uncaught errors),
 *   and on SIGINT/SIGTERM/SIGHUP (see exec/shutdown.ts: removed at once, then the running tools are stopped and the
 *   process dies of the signal, unless another part of the program handles it).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onShutdown } from '../exec/shutdown.js';

const live = new Set<string>();
let installed = false;

function removeAllSync(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      /* best effort: nothing more can be done while the process dies */
    }
    live.delete(dir);
  }
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  onShutdown(removeAllSync);
}

/** Where private temp dirs go: `RUNNER_TEMP` in Actions, else the OS temp dir. */
export function tempRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || os.tmpdir();
}

export interface PrivateTempDir {
  dir: string;
  /** Remove the directory and everything in it. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A fresh 0700 directory `deployer-<prefix>-XXXXXX`, removed on dispose and on every way the process can end. */
export async function privateTempDir(prefix: string): Promise<PrivateTempDir> {
  installHandlers();
  const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40);
  const dir = mkdtempSync(path.join(tempRoot(), `deployer-${safe}-`));
  chmodSync(dir, 0o700);
  live.add(dir);
  let disposed = false;
  return {
    dir,
    async dispose() {
      if (disposed) return;
      disposed = true;
      live.delete(dir);
      await rm(dir, { recursive: true, force: true, maxRetries: 2 });
    },
  };
}

/** Directories not yet disposed (for tests and diagnostics). */
export function liveTempDirs(): string[] {
  return [...live];
}
