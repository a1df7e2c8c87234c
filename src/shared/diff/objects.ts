/**
 * A rendered manifest as objects: split on YAML documents, keyed `kind/namespace/name`, with every Secret's
 * `data`/`stringData` values replaced before anything is compared or shown.
 */
import { parseAllDocuments, stringify } from 'yaml';

export const REDACTED = '<redacted>';

export interface ManifestObject {
  key: string;
  kind: string;
  namespace: string;
  name: string;
  /** The template it came from (`# Source:` line), when helm said. */
  source?: string;
  /** Normalised YAML text of the object (Secret values redacted). */
  text: string;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Redact a Secret's values in place (keys stay: a reviewer sees which keys exist). */
export function redactSecretObject(obj: Record<string, unknown>): void {
  if (obj.kind !== 'Secret') return;
  for (const field of ['data', 'stringData']) {
    const m = obj[field];
    if (isMap(m)) for (const k of Object.keys(m)) m[k] = REDACTED;
    else if (m !== undefined && m !== null) obj[field] = REDACTED;
  }
}

/** Split `helm template` output into objects. Documents that are empty or not objects are skipped. */
export function splitManifest(manifest: string, defaultNamespace: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  const seen = new Map<string, number>();
  for (const doc of parseAllDocuments(manifest, { uniqueKeys: false })) {
    if ('errors' in doc && doc.errors.length) {
      throw new Error(`the rendered manifest is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!isMap(value)) continue;
    const source = /#\s*Source:\s*(\S+)/.exec(doc.commentBefore ?? '')?.[1];
    // A Secret is rebuilt from its redacted value (no comment or formatting of the original survives); every other
    // object keeps helm's own formatting (quotes, block styles), so its diff shows the lines as helm wrote them.
    redactSecretObject(value);
    doc.commentBefore = null;
    const meta = isMap(value.metadata) ? value.metadata : {};
    const kind = typeof value.kind === 'string' ? value.kind : '?';
    const name = typeof meta.name === 'string' ? meta.name : '?';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : defaultNamespace;
    let key = `${kind}/${namespace}/${name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    const text = value.kind === 'Secret' ? stringify(value, { lineWidth: 0 }) : doc.toString({ lineWidth: 0 });
    out.push({ key, kind, namespace, name, source, text });
  }
  return out;
}
