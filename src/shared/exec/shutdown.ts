/**
 * What happens when the process is told to stop (Ctrl-C, SIGTERM from a CI cancel, SIGHUP):
 *
 *  1. every registered cleanup runs at once, synchronously (private temp dirs: decrypted secrets, chart copies,
 *     rendered values, credentials), so nothing is left behind whatever happens next;
 *  2. the signal is passed on to the tools still running (helm, kubectl, sops...), so helm can end its upgrade
 *     cleanly (it marks the release failed instead of leaving it pending-upgrade) rather than being orphaned, or
 *     killed by a broken pipe when this process is gone;
 *  3. once they have exited (at most GRACE_MS), the process dies of the same signal, as it would have without the
 *     handler (exit status 130/143 in a shell), unless another part of the program handles that signal itself.
 *
 * A second signal skips the wait. Cleanups also run on a normal exit, `process.exit()` and uncaught errors.
 */
import type { ChildProcess } from 'node:child_process';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long running tools get to end after the signal is passed on. */
export const GRACE_MS = 20_000;

const cleanups = new Set<() => void>();
const children = new Set<ChildProcess>();
let installed = false;
let stopping: NodeJS.Signals | undefined;

function runCleanups(): void {
  for (const fn of [...cleanups]) {
    try {
      fn();
    } catch {
      /* best effort: nothing more can be done while the process dies */
    }
  }
}

function die(signal: NodeJS.Signals): void {
  runCleanups();
  for (const s of SIGNALS) process.removeListener(s, handlers[s]);
  // If nobody else handles this signal, die of it as the default handler would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // Second signal: no more waiting.
    for (const c of children) c.kill('SIGKILL');
    die(signal);
    return;
  }
  stopping = signal;
  runCleanups();
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  if (!running.length) {
    die(signal);
    return;
  }
  process.stderr.write(`deployer: ${signal} received: temporary files removed; stopping ${running.map((c) => c.spawnfile.split('/').pop()).join(', ')} (waiting up to ${GRACE_MS / 1000} s)\n`);
  let left = running.length;
  const timer = setTimeout(() => {
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    die(signal);
  }, GRACE_MS);
  for (const c of running) {
    c.once('exit', () => {
      if (--left === 0) {
        clearTimeout(timer);
        die(signal);
      }
    });
    try {
      c.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

const handlers = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)])) as Record<NodeJS.Signals, () => void>;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanups);
  for (const s of SIGNALS) process.on(s, handlers[s]);
}

/** Run `fn` (synchronous, idempotent) on every way the process ends. Returns the function that unregisters it. */
export function onShutdown(fn: () => void): () => void {
  install();
  cleanups.add(fn);
  return () => void cleanups.delete(fn);
}

/** Pass stop signals on to `child` while it runs (run.ts registers every tool it starts). */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('close', () => children.delete(child));
  child.once('error', () => children.delete(child));
}
