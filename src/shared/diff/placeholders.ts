/**
 * Secret values files without decryption. For rendering, an encrypted file becomes a placeholder file with the same
 * keys and a fixed value of the encrypted value's type (sops records it: `type:str|int|float|bool`), so base and head
 * render alike unless the keys change. For reporting, two versions of an encrypted file are compared key by key
 * through their ciphertexts: which keys were added, removed, or carry a different ciphertext. Nothing is decrypted;
 * no value, plaintext or ciphertext, is ever shown.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DeployerError } from '../errors.js';

const ENC = /^ENC\[AES256_GCM,data:([^,]*),iv:[^,]*,tag:[^,]*,type:(str|int|float|bool|bytes|comment)\]$/;

export const PLACEHOLDER_STRING = 'deployer-diff-placeholder';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse an encrypted YAML/JSON file (its `sops` key is dropped). Located error when it is not sops output. */
export function parseEncrypted(text: string, display: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = display.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch (e) {
    throw new DeployerError(`cannot parse the encrypted file: ${(e as Error).message.split('\n')[0]}`, { file: display, line: 1, col: 1 });
  }
  if (!isMap(value) || !isMap(value.sops)) {
    throw new DeployerError('this secret-named file is not sops-encrypted (no top-level `sops` key)', {
      file: display,
      line: 1,
      col: 1,
      hint: 'encrypt it with sops before committing; if a plaintext version was pushed, rotate every credential in it',
    });
  }
  const { sops: _sops, ...rest } = value;
  return rest;
}

/** The same tree with every encrypted leaf replaced by a fixed value of its type; plaintext leaves kept. */
export function placeholderTree(tree: unknown): unknown {
  if (Array.isArray(tree)) return tree.map(placeholderTree);
  if (isMap(tree)) return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, placeholderTree(v)]));
  if (typeof tree === 'string') {
    const m = ENC.exec(tree);
    if (!m) return tree;
    switch (m[2]) {
      case 'int':
        return 0;
      case 'float':
        return 0.5;
      case 'bool':
        return true;
      default:
        return PLACEHOLDER_STRING;
    }
  }
  return tree;
}

/** Leaf key paths of a tree with the ciphertext (or plain value) at each, for comparing two versions. */
export function leaves(tree: unknown, prefix: string[] = [], out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(tree)) tree.forEach((v, i) => leaves(v, [...prefix, String(i)], out));
  else if (isMap(tree)) for (const [k, v] of Object.entries(tree)) leaves(v, [...prefix, k], out);
  else out.set(prefix.join('.'), typeof tree === 'string' ? (ENC.exec(tree)?.[1] ?? `plain:${tree}`) : `plain:${JSON.stringify(tree)}`);
  return out;
}

export interface SecretFileChange {
  file: string;
  added: string[];
  removed: string[];
  /** Keys whose ciphertext differs. sops re-encrypts values when a file is edited, so this may include keys whose
   * plaintext is the same. */
  reencrypted: string[];
}

/** Compare two versions (either may be absent) of an encrypted file; undefined when nothing differs. */
export function compareEncrypted(file: string, base: Record<string, unknown> | undefined, head: Record<string, unknown> | undefined): SecretFileChange | undefined {
  const a = leaves(base ?? {});
  const b = leaves(head ?? {});
  const added = [...b.keys()].filter((k) => !a.has(k)).sort();
  const removed = [...a.keys()].filter((k) => !b.has(k)).sort();
  const reencrypted = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort();
  if (!added.length && !removed.length && !reencrypted.length && (base === undefined) === (head === undefined)) return undefined;
  return { file, added, removed, reencrypted };
}

/** One line for a person: "encrypted values changed in F (keys: a.b, c; added: d; removed: e)". Keys only. */
export function describeSecretChange(c: SecretFileChange): string {
  const parts: string[] = [];
  if (c.reencrypted.length) parts.push(`keys: ${c.reencrypted.join(', ')}`);
  if (c.added.length) parts.push(`added: ${c.added.join(', ')}`);
  if (c.removed.length) parts.push(`removed: ${c.removed.join(', ')}`);
  return `encrypted values changed in ${c.file}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** Read an encrypted file if it exists. */
export async function readEncrypted(abs: string, display: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeployerError(`cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseEncrypted(text, display || path.basename(abs));
}
