/**
 * Where a change may land: a path relative to the infra repo root, normalised to POSIX separators, that stays inside
 * the root (no `..`, no absolute path, no symlinked directory leading out of it).
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';

/** A file whose basename contains `secret` is a secret file (upstream's rule, and the leak guard's). */
export function isSecretName(rel: string): boolean {
  return path.posix.basename(rel).toLowerCase().includes('secret');
}

/** The sops store format a target path gets: by extension, `binary` for anything else. */
export type ChangeFormat = 'yaml' | 'json' | 'binary';
export function formatOf(rel: string): ChangeFormat {
  const name = path.posix.basename(rel).toLowerCase();
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (name.endsWith('.json')) return 'json';
  return 'binary';
}

/**
 * Normalise `rel` (relative to `root`) and check it stays inside the root. Returns the POSIX relative path and the
 * absolute path. Throws a DeployerError naming the path otherwise.
 */
export function resolveTarget(root: string, rel: string): { rel: string; abs: string } {
  if (typeof rel !== 'string' || rel.trim() === '') throw new DeployerError('a change needs a file path, got an empty one');
  if (rel.includes('\0')) throw new DeployerError('a change path must not contain NUL characters');
  const posix = rel.split(path.sep).join('/');
  if (path.posix.isAbsolute(posix) || path.isAbsolute(rel)) {
    throw new DeployerError(`refusing to change ${rel}: paths of changes are relative to the infra repo root`, { hint: 'pass a path such as config/clusters/<cluster>/<file>' });
  }
  const norm = path.posix.normalize(posix);
  if (norm === '.' || norm === '..' || norm.startsWith('../') || norm.endsWith('/')) {
    throw new DeployerError(`refusing to change ${rel}: it is not a file inside the infra repo`, { hint: 'a change stays inside the repository it is made in' });
  }
  if (norm.split('/').some((seg) => seg === '.git')) throw new DeployerError(`refusing to change ${rel}: files under .git are not repository content`);
  const rootAbs = path.resolve(root);
  const abs = path.join(rootAbs, ...norm.split('/'));
  // The nearest existing ancestor must resolve inside the (resolved) root: a symlinked directory must not lead out.
  const realRoot = existsSync(rootAbs) ? realpathSync(rootAbs) : rootAbs;
  let probe = path.dirname(abs);
  while (!existsSync(probe) && probe !== path.dirname(probe)) probe = path.dirname(probe);
  const realProbe = realpathSync(probe);
  if (realProbe !== realRoot && !realProbe.startsWith(realRoot + path.sep)) {
    throw new DeployerError(`refusing to change ${norm}: its directory resolves outside the infra repo (${realProbe})`, { hint: 'a symlinked directory must not lead a change out of the repository' });
  }
  if (existsSync(abs) && lstatSync(abs).isSymbolicLink()) {
    throw new DeployerError(`refusing to change ${norm}: it is a symbolic link`, { hint: 'replace the link by a regular file first, or change the file it points to' });
  }
  if (existsSync(abs) && !lstatSync(abs).isFile()) throw new DeployerError(`refusing to change ${norm}: it exists and is not a regular file`);
  return { rel: norm, abs };
}

/** Is `inner` the directory `outer` or inside it (after resolving symlinks where they exist)? */
export function isInside(outer: string, inner: string): boolean {
  const real = (p: string) => {
    let probe = path.resolve(p);
    const rest: string[] = [];
    while (!existsSync(probe) && probe !== path.dirname(probe)) {
      rest.unshift(path.basename(probe));
      probe = path.dirname(probe);
    }
    return path.join(realpathSync(probe), ...rest);
  };
  const o = real(outer);
  const i = real(inner);
  return i === o || i.startsWith(o + path.sep);
}
