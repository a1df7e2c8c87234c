/**
 * Secret files of a run, decrypted once: every sops-encrypted file the selected hubs use is decrypted up front
 * (before the cluster is touched, dry runs included), each file once however many hubs share it; a file that
 * cannot be decrypted is reported once, with sops' reason and what to do, and the hubs that use it fail with a short
 * line that points at that report instead of repeating it. The plaintexts live in private temp dirs until the run
 * ends (`dispose()`), and on every exit path (secrets/tempdir.ts).
 */
import path from 'node:path';
import { DeployerError, describeError } from '../errors.js';
import type { Reporter } from '../log.js';
import { hubValuesFiles, isFile, isSecretFile, resolveInCluster, type Cluster, type Hub } from '../repo/index.js';
import type { DecryptedFile, DeployServices } from './types.js';

/**
 * An error already reported in full: a hub that hits it logs `short` (a reference to the report), and its result
 * carries `message` (one line: what failed and why), without the hint repeated.
 */
export class ReportedError extends DeployerError {
  constructor(
    message: string,
    readonly short: string,
  ) {
    super(message);
    this.name = 'ReportedError';
  }
}

export class DecryptCache {
  private readonly entries = new Map<string, Promise<DecryptedFile>>();
  constructor(private readonly decrypt: DeployServices['decryptFile']) {}

  /** Same signature as DeployServices.decryptFile; disposing what it returns is a no-op (the cache owns it). */
  readonly decryptFile: DeployServices['decryptFile'] = (abs, opts) => {
    let p = this.entries.get(abs);
    if (!p) {
      p = this.decrypt(abs, opts);
      p.catch(() => undefined);
      this.entries.set(abs, p);
    }
    return p.then((d) => ({ path: d.path, dispose: () => undefined }));
  };

  /** Seed the cache with a failure already reported (the hubs that use the file fail with a short reference). */
  fail(abs: string, error: ReportedError): void {
    const p = Promise.reject(error);
    p.catch(() => undefined);
    this.entries.set(abs, p);
  }

  async dispose(): Promise<void> {
    for (const p of this.entries.values()) {
      try {
        await (await p).dispose();
      } catch {
        /* failed decryptions have nothing to remove */
      }
    }
    this.entries.clear();
  }
}

/** The sops-encrypted files the hubs use (values files and secret domain override files), each once, in order. */
export function hubSecretFiles(cluster: Cluster, hubs: Hub[]): Array<{ abs: string; display: string; hubs: string[] }> {
  const files = new Map<string, { abs: string; display: string; hubs: string[] }>();
  const add = (abs: string, display: string, hub: string) => {
    const f = files.get(abs) ?? { abs, display, hubs: [] };
    if (!f.hubs.includes(hub)) f.hubs.push(hub);
    files.set(abs, f);
  };
  for (const hub of hubs) {
    try {
      for (const v of hubValuesFiles(cluster, hub)) if (v.secret) add(v.abs, v.display, hub.name);
      if (hub.domainOverrideFile && isSecretFile(hub.domainOverrideFile)) {
        const abs = resolveInCluster(cluster, hub.domainOverrideFile, ['hubs', hub.index, 'domain_override_file']);
        add(abs, path.relative(cluster.paths.configRoot, abs).split(path.sep).join('/'), hub.name);
      }
    } catch {
      // A reference that does not resolve is the hub's own located error, reported when the hub is prepared.
    }
  }
  return [...files.values()];
}

/**
 * Decrypt every file once, up front. Failures are reported once each (files that fail for the same reason are
 * reported together) and seeded into the cache as ReportedErrors. Returns how many files failed.
 */
export async function preflightSecrets(
  cache: DecryptCache,
  files: Array<{ abs: string; display: string; hubs: string[] }>,
  ctx: { reporter: Reporter; env?: NodeJS.ProcessEnv },
): Promise<number> {
  if (!files.length) return 0;
  ctx.reporter.info(`Decrypting ${files.length} secret file(s) the hub(s) use...`);
  const failures: Array<{ file: (typeof files)[number]; error: unknown }> = [];
  for (const f of files) {
    if (!isFile(f.abs)) continue; // a missing file is the hub's own located error
    try {
      await cache.decryptFile(f.abs, { reporter: ctx.reporter, display: f.display, env: ctx.env });
    } catch (error) {
      failures.push({ file: f, error });
    }
  }
  // One report per distinct reason: a wrong key fails every file the same way, and says so once.
  const groups = new Map<string, Array<{ file: (typeof files)[number]; error: unknown }>>();
  for (const x of failures) {
    const e = x.error as { reason?: string; hint?: string; message?: string };
    const key = `${e.reason ?? e.message ?? String(x.error)}\u0000${e.hint ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  for (const group of groups.values()) {
    const first = group[0].error;
    const e = first as { reason?: string; hint?: string };
    const names = group.map((x) => x.file.display);
    const hubs = [...new Set(group.flatMap((x) => x.file.hubs))];
    if (group.length === 1 || e.reason === undefined) {
      for (const x of group) ctx.reporter.error(describeError(x.error));
    } else {
      ctx.reporter.error(`sops could not decrypt ${group.length} files (${names.join(', ')}): ${e.reason}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
    }
    ctx.reporter.error(`not deploying hub(s) ${hubs.join(', ')}: they use ${names.length === 1 ? 'this file' : 'these files'}`);
    for (const x of group) {
      const reason = e.reason ?? (x.error instanceof Error ? x.error.message : String(x.error)).split('\n')[0];
      cache.fail(x.file.abs, new ReportedError(`sops could not decrypt ${x.file.display}: ${reason}`, `${x.file.display} could not be decrypted (reported above)`));
    }
  }
  return failures.length;
}

