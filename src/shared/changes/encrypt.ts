/**
 * Encrypt a document with sops for a target path in the infra repo, without its plaintext ever existing inside the
 * repository's working tree.
 *
 * How the repo's `.sops.yaml` creation rules reach the target path: sops picks the nearest `.sops.yaml` from its
 * working directory upwards and matches each rule's `path_regex` against the file path relative to that config's
 * directory. So the plaintext is written into a private 0700 directory (outside the repo, removed on every exit
 * path) at the *same relative path* the target has below its `.sops.yaml`, next to a copy of that `.sops.yaml`, and
 * sops runs there: the rule that matches is exactly the one that would match the target in the repo, and this works
 * with every sops version (no `--filename-override` needed). The ciphertext goes to a file in the same private
 * directory; the caller moves it into the repo.
 */
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { runTool } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { privateTempDir, tempRoot } from '../secrets/index.js';
import { isInside, type ChangeFormat } from './paths.js';

export interface EncryptRequest {
  /** The infra repo root. */
  root: string;
  /** Target path relative to the root (POSIX). */
  rel: string;
  format: ChangeFormat;
  /** A mapping for yaml/json, a string for binary. */
  data: unknown;
  /** The plaintext to encrypt, when the caller has it already (a YAML document edited with its comments). */
  text?: string;
  reporter: Reporter;
  /** Environment for sops (SOPS_AGE_KEY_FILE, KMS credentials, PATH). Default: process.env minus KUBECONFIG. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const CONFIG_NAMES = ['.sops.yaml', '.sops.yml'];

/** The `.sops.yaml` sops would use when run from the repo root: the nearest one from the root upwards. */
export function findSopsConfig(root: string): string | undefined {
  let dir = path.resolve(root);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The plaintext sops is handed: YAML as sops writes it (4-space indent), JSON with tabs, binary as is. */
export function serialise(data: unknown, format: ChangeFormat): string {
  if (format === 'binary') {
    if (typeof data !== 'string') throw new DeployerError('a binary (non-YAML, non-JSON) secret file needs text content, not a mapping');
    return data;
  }
  if (format === 'json') return `${JSON.stringify(data, null, '\t')}\n`;
  return YAML.stringify(data, { indent: 4, lineWidth: 0, minContentWidth: 0 });
}

function sopsEnvFrom(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...(env ?? process.env) };
  delete out.KUBECONFIG;
  return out;
}

/** Is this text a sops-encrypted document (top-level `sops` metadata)? */
export function hasSopsMetadata(text: string, format: ChangeFormat): boolean {
  try {
    const doc = format === 'yaml' ? YAML.parse(text) : JSON.parse(text);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && typeof doc.sops === 'object' && doc.sops !== null;
  } catch {
    return false;
  }
}

/** Encrypt `data` for `rel` with the repo's creation rules; returns the encrypted file's text. */
export async function encryptForTarget(req: EncryptRequest): Promise<string> {
  const display = req.rel;
  const configFile = findSopsConfig(req.root);
  if (!configFile) {
    throw new DeployerError(`no .sops.yaml found in ${req.root} or above it, so sops does not know which keys encrypt ${display}`, {
      hint: 'add a .sops.yaml with creation_rules (path_regex + age/KMS keys) at the infra repo root',
    });
  }
  const configDir = path.dirname(configFile);
  const relToConfig = path.relative(configDir, path.resolve(req.root, req.rel)).split(path.sep).join('/');
  if (isInside(req.root, tempRoot(req.env ?? process.env))) {
    throw new DeployerError(`the temporary directory (${tempRoot(req.env ?? process.env)}) is inside the infra repo, where no plaintext secret may be written`, {
      hint: 'point TMPDIR (or RUNNER_TEMP) outside the repository checkout',
    });
  }
  const plaintext = req.text ?? serialise(req.data, req.format);
  const env = sopsEnvFrom(req.env);
  const sops = toolPath('sops', env);
  const tmp = await privateTempDir('encrypt');
  try {
    const work = path.join(tmp.dir, 'w');
    const plainAbs = path.join(work, ...relToConfig.split('/'));
    await mkdir(path.dirname(plainAbs), { recursive: true, mode: 0o700 });
    await copyFile(configFile, path.join(work, path.basename(configFile)));
    await writeFile(plainAbs, plaintext, { mode: 0o600 });
    const out = path.join(tmp.dir, 'encrypted');
    closeSync(openSync(out, 'w', 0o600));
    const args = ['--encrypt', '--input-type', req.format, '--output-type', req.format, '--output', out, relToConfig];
    const result = await runTool(sops, args, { cwd: work, env, timeoutMs: req.timeoutMs ?? 120_000, allowFailure: true });
    if (result.code !== 0) {
      const detail = (result.stderr || result.stdout).trimEnd().split('\n').slice(-8).join('\n');
      throw new DeployerError(`sops could not encrypt ${display}${result.timedOut ? ' (timed out)' : ''}${detail ? `:\n${detail}` : ''}`, {
        file: display,
        hint: `check that a creation rule of ${path.relative(req.root, configFile) || '.sops.yaml'} matches ${relToConfig} and that this job can use its keys (age recipients, KMS credentials)`,
      });
    }
    await chmod(out, 0o600);
    const text = await readFile(out, 'utf8');
    const check = req.format === 'binary' ? 'json' : req.format;
    if (!hasSopsMetadata(text, check)) {
      throw new DeployerError(`sops produced no encrypted document for ${display} (no sops metadata in its output)`, { file: display });
    }
    req.reporter.debug(`encrypted ${display} with the creation rules of ${path.relative(req.root, configFile) || path.basename(configFile)}`);
    return text;
  } finally {
    await tmp.dispose();
  }
}

/** Read a file's bytes if it exists (for conflict checks and rollback). */
export function readIfExists(abs: string): Buffer | undefined {
  try {
    return readFileSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
