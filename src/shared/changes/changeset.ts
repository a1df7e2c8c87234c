/**
 * ChangeSet: the changes one capability makes to the infra repo, computed in memory, then written all-or-nothing.
 *
 * - plain files (`writeFile`) are refused for secret-named paths: those must go through `writeEncrypted`;
 * - encrypted files are read through sops into a private temp file (secrets/), merged in memory, and encrypted from
 *   a private temp dir outside the tree with the repo's `.sops.yaml` rules for the target path (encrypt.ts); their
 *   plaintext never exists inside the working tree;
 * - merges are deep and refuse to lose content (merge.ts);
 * - `apply()` encrypts everything first, then writes every file or none (apply.ts), and returns what changed (key
 *   paths, never values).
 */
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { readFile } from 'node:fs/promises';
import { isMap, parseDocument, type Document } from 'yaml';
import { decryptFile, readDecrypted } from '../secrets/index.js';
import { maskLeaves, maskValue } from '../secrets/index.js';
import { writeAllOrNothing, type FileWrite } from './apply.js';
import { encryptForTarget, readIfExists } from './encrypt.js';
import { deepMerge, deleteKeyPath, formatKeyPath, getKeyPath, isMapping, leafPaths, sameData, type KeyPath } from './merge.js';
import { formatOf, isSecretName, resolveTarget, type ChangeFormat } from './paths.js';

export interface RepoChange {
  /** Relative to the infra repo root, POSIX separators. */
  path: string;
  action: 'created' | 'updated' | 'deleted';
  encrypted: boolean;
  /** Key paths added, updated or removed in an encrypted file (`a.b.c`), never values. */
  keys?: string[];
}

export interface ChangeSetOptions {
  /** The infra repo root (config root). */
  root: string;
  reporter: Reporter;
  /** Environment for sops: SOPS_AGE_KEY_FILE / SOPS_AGE_KEY, KMS credentials, PATH. Default: process.env. */
  sopsEnv?: NodeJS.ProcessEnv;
  /** Milliseconds per sops call (default 2 minutes). */
  sopsTimeoutMs?: number;
}

type Staged =
  | { kind: 'plain'; rel: string; abs: string; text: string; original: Buffer | undefined }
  | {
      kind: 'encrypted';
      rel: string;
      abs: string;
      format: ChangeFormat;
      data: unknown;
      original: Buffer | undefined;
      keys: Set<string>;
      /** For a YAML file read from disk: its document, edited in place, so comments, order and style survive. */
      yaml?: Document;
    }
  | { kind: 'delete'; rel: string; abs: string; encrypted: boolean; original: Buffer; keys: Set<string> };

/** Keep the edited YAML document only if it says exactly what the merged data says (else the data is written). */
function checked(yaml: Document | undefined, data: unknown): Document | undefined {
  if (!yaml) return undefined;
  try {
    return sameData(yaml.toJS({ maxAliasCount: 1000 }), data) ? yaml : undefined;
  } catch {
    return undefined;
  }
}

export class ChangeSet {
  readonly root: string;
  private readonly reporter: Reporter;
  private readonly sopsEnv?: NodeJS.ProcessEnv;
  private readonly sopsTimeoutMs?: number;
  private readonly staged = new Map<string, Staged>();
  private lastWrites: FileWrite[] = [];

  constructor(options: ChangeSetOptions) {
    this.root = options.root;
    this.reporter = options.reporter;
    this.sopsEnv = options.sopsEnv;
    this.sopsTimeoutMs = options.sopsTimeoutMs;
  }

  /** Paths with a pending change. */
  pending(): string[] {
    return [...this.staged.keys()].sort();
  }

  /** Does the file exist, counting pending changes? */
  exists(relPath: string): boolean {
    const { rel, abs } = resolveTarget(this.root, relPath);
    const s = this.staged.get(rel);
    if (s) return s.kind !== 'delete';
    return readIfExists(abs) !== undefined;
  }

  /** Write a plain (non-secret) file. Refuses secret-named paths, and existing files unless `overwrite`. */
  async writeFile(relPath: string, text: string, options: { overwrite?: boolean } = {}): Promise<void> {
    const { rel, abs } = resolveTarget(this.root, relPath);
    if (isSecretName(rel)) {
      throw new DeployerError(`refusing to write ${rel} in plaintext: its name says it is a secret`, {
        file: rel,
        hint: 'secret-named files are written with writeEncrypted (sops), never as plain text',
      });
    }
    const original = this.originalOf(rel, abs);
    if (this.exists(rel) && !options.overwrite) {
      throw new DeployerError(`refusing to overwrite ${rel}: it already exists`, { file: rel, hint: 'pass --force to replace existing files' });
    }
    this.staged.set(rel, { kind: 'plain', rel, abs, text, original });
  }

  /**
   * Write a new encrypted file (YAML/JSON by extension: `data` is a mapping; any other name: `data` is text, a sops
   * binary file). Refuses an existing file unless `overwrite`. Every leaf is masked as it arrives.
   */
  async writeEncrypted(relPath: string, data: unknown, options: { overwrite?: boolean } = {}): Promise<void> {
    const { rel, abs } = resolveTarget(this.root, relPath);
    const format = formatOf(rel);
    this.checkData(rel, format, data);
    this.mask(data);
    if (this.exists(rel) && !options.overwrite) {
      throw new DeployerError(`refusing to overwrite ${rel}: it already exists`, {
        file: rel,
        hint: 'merge into it instead (its other keys are kept), or pass --force to replace it',
      });
    }
    const original = this.originalOf(rel, abs);
    const keys = new Set(format === 'binary' ? [] : leafPaths(data).map(formatKeyPath));
    this.staged.set(rel, { kind: 'encrypted', rel, abs, format, data: structuredClone(data), original, keys });
  }

  /**
   * Deep-merge `patch` into an encrypted YAML/JSON file (created when missing). Unrelated keys are kept at every
   * depth; a merge that would lose content is refused (nothing is staged). Returns the key paths added or updated.
   */
  async mergeEncrypted(relPath: string, patch: Record<string, unknown>, options: { keepValues?: boolean } = {}): Promise<string[]> {
    const { rel, abs } = resolveTarget(this.root, relPath);
    const format = formatOf(rel);
    if (format === 'binary') throw new DeployerError(`cannot merge keys into ${rel}: only YAML and JSON files have keys`, { file: rel });
    this.checkData(rel, format, patch);
    this.mask(patch);
    const { data: current, yaml } = await this.load(rel, abs);
    if (current !== undefined && !isMapping(current)) {
      throw new DeployerError(`cannot merge keys into ${rel}: its decrypted content is not a mapping`, { file: rel, hint: 'fix the file with `sops edit` first' });
    }
    const { merged, added, updated } = deepMerge(current ?? {}, patch, { keepValues: options.keepValues, display: rel });
    const changed = [...added, ...updated].map(formatKeyPath);
    if (current !== undefined && sameData(current, merged)) return [];
    const prev = this.staged.get(rel);
    const keys = new Set<string>(prev && prev.kind !== 'plain' ? prev.keys : []);
    for (const k of changed) keys.add(k);
    if (yaml) for (const p of [...added, ...updated]) yaml.setIn(p, yaml.createNode(getKeyPath(merged, p)));
    this.staged.set(rel, { kind: 'encrypted', rel, abs, format, data: merged, original: this.originalOf(rel, abs), keys, yaml: checked(yaml, merged) });
    return changed;
  }

  /**
   * Remove one key from an encrypted file; mappings left empty by it are removed, and the file is deleted when
   * nothing is left. Returns whether the key was there and whether the file goes.
   */
  async deleteEncryptedKey(relPath: string, keyPath: KeyPath): Promise<{ removed: boolean; fileDeleted: boolean }> {
    const { rel, abs } = resolveTarget(this.root, relPath);
    const { data: current, yaml } = await this.load(rel, abs);
    if (current === undefined) throw new DeployerError(`${rel} does not exist`, { file: rel });
    if (!isMapping(current)) throw new DeployerError(`cannot remove a key from ${rel}: its decrypted content is not a mapping`, { file: rel });
    const { doc, removed } = deleteKeyPath(current, keyPath);
    if (!removed) return { removed: false, fileDeleted: false };
    const prev = this.staged.get(rel);
    const keys = new Set<string>(prev && prev.kind !== 'plain' ? prev.keys : []);
    keys.add(formatKeyPath(keyPath));
    const original = this.originalOf(rel, abs);
    if (Object.keys(doc).length === 0) {
      if (original === undefined) this.staged.delete(rel);
      else this.staged.set(rel, { kind: 'delete', rel, abs, encrypted: true, original, keys });
      return { removed: true, fileDeleted: true };
    }
    if (yaml) {
      yaml.deleteIn(keyPath);
      for (let i = keyPath.length - 1; i > 0; i--) {
        const parent = yaml.getIn(keyPath.slice(0, i), true);
        if (!isMap(parent) || parent.items.length) break;
        yaml.deleteIn(keyPath.slice(0, i));
      }
    }
    this.staged.set(rel, { kind: 'encrypted', rel, abs, format: formatOf(rel), data: doc, original, keys, yaml: checked(yaml, doc) });
    return { removed: true, fileDeleted: false };
  }

  /** The decrypted content (pending changes included), or undefined when the file does not exist. Values are masked. */
  async readEncrypted(relPath: string): Promise<unknown> {
    const { rel, abs } = resolveTarget(this.root, relPath);
    return (await this.load(rel, abs)).data;
  }

  /**
   * The current content (pending changes included) and, for YAML, a document to edit that keeps comments, key order
   * and style (sops keeps comments in encrypted YAML). The plaintext is read from sops's private temp file, which is
   * gone before this returns; every leaf is masked by the decryption.
   */
  private async load(rel: string, abs: string): Promise<{ data: unknown; yaml?: Document }> {
    const s = this.staged.get(rel);
    if (s?.kind === 'delete') return { data: undefined };
    if (s?.kind === 'encrypted') return { data: structuredClone(s.data), yaml: s.yaml?.clone() };
    if (s?.kind === 'plain') throw new DeployerError(`${rel} is pending as a plain file, not an encrypted one`, { file: rel });
    if (readIfExists(abs) === undefined) return { data: undefined };
    const decrypt = { reporter: this.reporter, display: rel, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs };
    if (formatOf(rel) !== 'yaml') return { data: await readDecrypted(abs, decrypt) };
    const file = await decryptFile(abs, decrypt);
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } finally {
      await file.dispose();
    }
    const yaml = parseDocument(text);
    if (yaml.errors.length) return { data: await readDecrypted(abs, decrypt) }; // its error names the file, never the text
    return { data: yaml.toJS({ maxAliasCount: 1000 }), yaml };
  }

  /**
   * Encrypt everything pending, then write every file or none. Returns what changed, sorted by path; the set is empty
   * afterwards. Nothing pending: returns [].
   */
  async apply(): Promise<RepoChange[]> {
    const entries = [...this.staged.values()].sort((a, b) => a.rel.localeCompare(b.rel));
    const writes: FileWrite[] = [];
    const changes: RepoChange[] = [];
    for (const s of entries) {
      if (s.kind === 'delete') {
        writes.push({ rel: s.rel, abs: s.abs, content: null, original: s.original });
        changes.push({ path: s.rel, action: 'deleted', encrypted: s.encrypted, keys: [...s.keys].sort() });
        continue;
      }
      let content: Buffer;
      if (s.kind === 'plain') content = Buffer.from(s.text, 'utf8');
      else {
        const text = await encryptForTarget({ root: this.root, rel: s.rel, format: s.format, data: s.data, text: s.yaml?.toString({ lineWidth: 0 }), reporter: this.reporter, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs });
        content = Buffer.from(text, 'utf8');
      }
      if (s.kind === 'plain' && s.original !== undefined && s.original.equals(content)) continue;
      writes.push({ rel: s.rel, abs: s.abs, content, original: s.original });
      const change: RepoChange = { path: s.rel, action: s.original === undefined ? 'created' : 'updated', encrypted: s.kind === 'encrypted' };
      if (s.kind === 'encrypted') change.keys = [...s.keys].sort();
      changes.push(change);
    }
    await writeAllOrNothing(this.root, writes);
    this.staged.clear();
    this.lastWrites = writes;
    return changes;
  }

  /**
   * Put back what the last `apply()` changed (all-or-nothing too), e.g. when the step that had to follow it (a pull
   * request) failed and the change must not half-exist. Refused when a file changed again since.
   */
  async undo(): Promise<void> {
    const reverse: FileWrite[] = this.lastWrites.map((w) => ({ rel: w.rel, abs: w.abs, content: w.original ?? null, original: w.content ?? undefined }));
    if (!reverse.length) return;
    await writeAllOrNothing(this.root, reverse);
    this.lastWrites = [];
  }

  /**
   * Prove every pending encrypted file can be encrypted (sops is there, a creation rule matches, the keys work)
   * without writing anything: run it before an irreversible step whose result must then be stored.
   */
  async preflight(): Promise<void> {
    for (const s of this.staged.values()) {
      if (s.kind !== 'encrypted') continue;
      await encryptForTarget({ root: this.root, rel: s.rel, format: s.format, data: s.data, text: s.yaml?.toString({ lineWidth: 0 }), reporter: this.reporter, env: this.sopsEnv, timeoutMs: this.sopsTimeoutMs });
    }
  }

  /** Forget every pending change (nothing was written). */
  discard(): void {
    this.staged.clear();
  }

  private originalOf(rel: string, abs: string): Buffer | undefined {
    const s = this.staged.get(rel);
    return s ? s.original : readIfExists(abs);
  }

  private checkData(rel: string, format: ChangeFormat, data: unknown): void {
    if (format === 'binary') {
      if (typeof data !== 'string') throw new DeployerError(`${rel} is not a YAML or JSON name, so its content must be text`, { file: rel });
      return;
    }
    if (!isMapping(data)) throw new DeployerError(`the content of ${rel} must be a mapping`, { file: rel });
    if ('sops' in data) throw new DeployerError(`the content of ${rel} must not have a top-level \`sops\` key: sops adds its own metadata there`, { file: rel });
  }

  private mask(data: unknown): void {
    if (typeof data === 'string') maskValue(data, this.reporter);
    else maskLeaves(data, this.reporter);
  }
}
