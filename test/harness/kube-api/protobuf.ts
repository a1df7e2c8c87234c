/**
 * A small decoder for the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`), enough for what
 * helm >= 3.17 sends: its release Secrets (and ConfigMaps / Namespaces for the other drivers and
 * `--create-namespace`). Body layout: the 4 bytes `k8s\0`, then a `runtime.Unknown` message
 * {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3, contentType=4}; `raw` is the object's message.
 * Field numbers come from k8s.io/api/core/v1/generated.proto and apimachinery's meta/v1/generated.proto.
 */

export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

interface Field {
  no: number;
  wire: number;
  /** varint value (wire 0) */
  int?: bigint;
  /** bytes (wire 2) */
  bytes?: Buffer;
}

export class ProtobufError extends Error {}

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new ProtobufError('truncated varint');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
    if (shift > 70n) throw new ProtobufError('varint too long');
  }
}

export function readFields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      out.push({ no, wire, int: v });
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      if (end > buf.length) throw new ProtobufError('truncated length-delimited field');
      out.push({ no, wire, bytes: buf.subarray(p2, end) });
      pos = end;
    } else if (wire === 1) {
      pos += 8;
      out.push({ no, wire });
    } else if (wire === 5) {
      pos += 4;
      out.push({ no, wire });
    } else {
      throw new ProtobufError(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

const str = (f: Field) => (f.bytes ?? Buffer.alloc(0)).toString('utf8');

function mapEntry(f: Field): [string, Buffer] {
  let k = '';
  let v = Buffer.alloc(0);
  for (const e of readFields(f.bytes ?? Buffer.alloc(0))) {
    if (e.no === 1) k = str(e);
    else if (e.no === 2) v = Buffer.from(e.bytes ?? Buffer.alloc(0));
  }
  return [k, v];
}

function decodeTime(buf: Buffer): string {
  let seconds = 0n;
  for (const f of readFields(buf)) if (f.no === 1 && f.int !== undefined) seconds = f.int;
  return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function decodeOwnerReference(buf: Buffer): any {
  const o: any = {};
  for (const f of readFields(buf)) {
    if (f.no === 1) o.kind = str(f);
    else if (f.no === 3) o.name = str(f);
    else if (f.no === 4) o.uid = str(f);
    else if (f.no === 5) o.apiVersion = str(f);
    else if (f.no === 6) o.controller = f.int !== 0n;
    else if (f.no === 7) o.blockOwnerDeletion = f.int !== 0n;
  }
  return o;
}

export function decodeObjectMeta(buf: Buffer): any {
  const m: any = {};
  for (const f of readFields(buf)) {
    switch (f.no) {
      case 1: m.name = str(f); break;
      case 2: m.generateName = str(f); break;
      case 3: m.namespace = str(f); break;
      case 5: m.uid = str(f); break;
      case 6: m.resourceVersion = str(f); break;
      case 7: m.generation = Number(f.int ?? 0n); break;
      case 8: m.creationTimestamp = decodeTime(f.bytes!); break;
      case 11: { const [k, v] = mapEntry(f); (m.labels ??= {})[k] = v.toString('utf8'); break; }
      case 12: { const [k, v] = mapEntry(f); (m.annotations ??= {})[k] = v.toString('utf8'); break; }
      case 13: (m.ownerReferences ??= []).push(decodeOwnerReference(f.bytes!)); break;
      case 14: (m.finalizers ??= []).push(str(f)); break;
      default: break; // selfLink, deletion*, managedFields: not needed
    }
  }
  for (const k of Object.keys(m)) if (m[k] === '') delete m[k];
  return m;
}

function decodeSecret(buf: Buffer): any {
  const o: any = { metadata: {} };
  for (const f of readFields(buf)) {
    if (f.no === 1) o.metadata = decodeObjectMeta(f.bytes!);
    else if (f.no === 2) { const [k, v] = mapEntry(f); (o.data ??= {})[k] = v.toString('base64'); }
    else if (f.no === 3) o.type = str(f);
    else if (f.no === 4) { const [k, v] = mapEntry(f); (o.stringData ??= {})[k] = v.toString('utf8'); }
    else if (f.no === 5) o.immutable = f.int !== 0n;
  }
  return o;
}

function decodeConfigMap(buf: Buffer): any {
  const o: any = { metadata: {} };
  for (const f of readFields(buf)) {
    if (f.no === 1) o.metadata = decodeObjectMeta(f.bytes!);
    else if (f.no === 2) { const [k, v] = mapEntry(f); (o.data ??= {})[k] = v.toString('utf8'); }
    else if (f.no === 3) { const [k, v] = mapEntry(f); (o.binaryData ??= {})[k] = v.toString('base64'); }
    else if (f.no === 4) o.immutable = f.int !== 0n;
  }
  return o;
}

function decodeNamespace(buf: Buffer): any {
  const o: any = { metadata: {} };
  for (const f of readFields(buf)) {
    if (f.no === 1) o.metadata = decodeObjectMeta(f.bytes!);
    else if (f.no === 2) {
      for (const s of readFields(f.bytes!)) if (s.no === 1) ((o.spec ??= {}).finalizers ??= []).push(str(s));
    }
  }
  return o;
}

const DECODERS: Record<string, (b: Buffer) => any> = {
  'v1/Secret': decodeSecret,
  'v1/ConfigMap': decodeConfigMap,
  'v1/Namespace': decodeNamespace,
};

/**
 * Decode a protobuf request body into a JSON object. `expected` ({apiVersion, kind}) comes from the URL when the
 * Unknown wrapper's typeMeta is empty. Throws ProtobufError for kinds this decoder does not know.
 */
export function decodeKubeProtobuf(body: Buffer, expected?: { apiVersion: string; kind: string }): any {
  if (body.length < 4 || !body.subarray(0, 4).equals(PROTOBUF_MAGIC)) throw new ProtobufError('missing k8s\\0 prefix');
  let apiVersion = '';
  let kind = '';
  let raw: Buffer = Buffer.alloc(0);
  for (const f of readFields(body.subarray(4))) {
    if (f.no === 1) {
      for (const t of readFields(f.bytes!)) {
        if (t.no === 1) apiVersion = str(t);
        else if (t.no === 2) kind = str(t);
      }
    } else if (f.no === 2) raw = f.bytes ?? raw;
    else if (f.no === 3 && str(f)) throw new ProtobufError(`unsupported contentEncoding ${str(f)}`);
  }
  apiVersion ||= expected?.apiVersion ?? '';
  kind ||= expected?.kind ?? '';
  const decoder = DECODERS[`${apiVersion}/${kind}`];
  if (!decoder) throw new ProtobufError(`the fake cannot decode protobuf for ${apiVersion}/${kind}`);
  return { apiVersion, kind, ...decoder(raw) };
}

// ---- encoder (tests use it to check the decoder against bytes laid out like client-go's) ----

function varint(n: bigint | number): Buffer {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Buffer.from(out);
}

export function pbField(no: number, value: Buffer | string): Buffer {
  const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([varint((no << 3) | 2), varint(b.length), b]);
}

export function pbVarintField(no: number, value: number | bigint): Buffer {
  return Buffer.concat([varint(no << 3), varint(value)]);
}

export function pbMapEntries(no: number, map: Record<string, string | Buffer>): Buffer {
  return Buffer.concat(
    Object.keys(map)
      .sort()
      .map((k) => pbField(no, Buffer.concat([pbField(1, k), pbField(2, map[k])]))),
  );
}

/** Encode a Secret the way client-go does (k8s\0 + runtime.Unknown + v1.Secret), for tests of the decoder. */
export function encodeSecretProtobuf(secret: {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, Buffer>;
  type?: string;
}): Buffer {
  const meta = Buffer.concat([
    pbField(1, secret.metadata.name),
    secret.metadata.namespace ? pbField(3, secret.metadata.namespace) : Buffer.alloc(0),
    pbField(8, Buffer.alloc(0)), // creationTimestamp: zero Time, as client-go sends
    pbMapEntries(11, secret.metadata.labels ?? {}),
  ]);
  const raw = Buffer.concat([
    pbField(1, meta),
    pbMapEntries(2, secret.data ?? {}),
    secret.type ? pbField(3, secret.type) : Buffer.alloc(0),
  ]);
  const unknown = Buffer.concat([
    pbField(1, Buffer.concat([pbField(1, 'v1'), pbField(2, 'Secret')])),
    pbField(2, raw),
    pbField(3, ''),
    pbField(4, ''),
  ]);
  return Buffer.concat([PROTOBUF_MAGIC, unknown]);
}
