/**
 * decrypt-age from a workflow: the plaintext never reaches a log, a summary or a plain file. It is registered as a
 * secret the moment it exists, then either re-encrypted with sops into a named file of the infra repo (through the
 * infra-repo-changes component, optionally as a pull request) or returned to the action for a masked output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DeployerError, UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import { ChangeSet, formatOf, type RepoChange } from '../changes/index.js';
import { decryptAgeContent, teamIdentities } from './age.js';

export interface DecryptAgeRequest {
  configRoot: string;
  /** The workspace, which `encryptedFile` is relative to. */
  workspace: string;
  encryptedFile?: string;
  /** Armored age content given inline (ciphertext is not secret). */
  encryptedContent?: string;
  identityFile?: string;
  /** Infra-repo path (relative to the config root) to write the plaintext to, sops-encrypted. */
  outputFile?: string;
  overwrite?: boolean;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
}

export interface DecryptAgeResult {
  /** Only when no output file was asked for: the caller hands it to a masked output. Already registered as secret. */
  plaintext?: string;
  changes: RepoChange[];
}

function readEncrypted(req: DecryptAgeRequest): Uint8Array {
  if (req.encryptedFile && req.encryptedContent) throw new UsageError('give either `encrypted-file` or `encrypted-content`, not both');
  if (req.encryptedContent) return Buffer.from(req.encryptedContent, 'utf8');
  if (!req.encryptedFile) throw new UsageError('nothing to decrypt: set `encrypted-file` (a path in the workspace) or `encrypted-content` (the armored text)');
  const abs = path.resolve(req.workspace, req.encryptedFile);
  const rel = path.relative(req.workspace, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`\`encrypted-file\` ${req.encryptedFile} is outside the workspace`);
  try {
    return readFileSync(abs);
  } catch (e) {
    throw new DeployerError(`cannot read ${req.encryptedFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** What goes into the encrypted file: a mapping for .yaml/.json targets, the text itself for any other name. */
function dataFor(target: string, plaintext: string): unknown {
  const format = formatOf(target);
  if (format === 'binary') return plaintext;
  let doc: unknown;
  try {
    doc = format === 'json' ? JSON.parse(plaintext) : YAML.parse(plaintext);
  } catch {
    doc = undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    // Never quote the parser's message: it would carry a piece of the plaintext.
    throw new DeployerError(`the decrypted content is not a ${format === 'json' ? 'JSON object' : 'YAML mapping'}, so it cannot become ${target}`, {
      hint: 'name the output file without .yaml/.json (e.g. enc-<name>.secret.txt) to keep the text as it is (a sops binary file)',
    });
  }
  return doc;
}

export async function decryptAgeForWorkflow(req: DecryptAgeRequest): Promise<DecryptAgeResult> {
  const data = readEncrypted(req);
  const identities = await teamIdentities(req.configRoot, { reporter: req.reporter, env: req.env, identityFile: req.identityFile });
  const bytes = await decryptAgeContent(data, identities);
  const plaintext = Buffer.from(bytes).toString('utf8');
  registerSecret(plaintext);
  if (!req.outputFile) return { plaintext, changes: [] };
  const cs = new ChangeSet({ root: req.configRoot, reporter: req.reporter, sopsEnv: req.env });
  await cs.writeEncrypted(req.outputFile, dataFor(req.outputFile, plaintext), { overwrite: req.overwrite });
  return { changes: await cs.apply() };
}
