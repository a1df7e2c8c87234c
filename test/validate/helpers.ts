import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private copy of a directory tree (tests mutate copies, never the fixtures). */
export function copyTree(src: string): string {
  const dest = mkdtempSync(path.join(os.tmpdir(), 'deployer-validate-test-'));
  cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
  return dest;
}

/** Every file (and symlink) under `root` with a hash of its content: equal before/after means byte-identical. */
export function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) {
        out[rel + '/'] = 'dir';
        walk(p);
      } else if (lstatSync(p).isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}
