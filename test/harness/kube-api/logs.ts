/**
 * The pod `log` subresource of the fake API server (GET /api/v1/namespaces/<ns>/pods/<pod>/log), as the kubelet
 * serves it through the apiserver: `container` (required when the pod has several), `previous` (the last terminated
 * instance, 400 when there is none), `tailLines`, `sinceSeconds`, `sinceTime`, `timestamps`, `limitBytes`, and
 * `follow` (a chunked text/plain stream: the existing lines, then each appended line as it is added, ended when the
 * container terminates (`endPodLog`), the pod is deleted, the client goes away or the server stops).
 *
 * Tests write the lines: `fake.setPodLog(ns, pod, container, lines, { previous })`, `fake.appendPodLog(...)`,
 * `fake.endPodLog(...)`. A container without lines serves an empty log, as a fresh container does.
 */
import type http from 'node:http';

export interface LogLine {
  time: Date;
  text: string;
}

export interface LogInput {
  text: string;
  /** When the line was written (default now). */
  time?: Date;
}

interface Follower {
  res: http.ServerResponse;
  timestamps: boolean;
  remainingBytes?: number;
}

interface ContainerLog {
  lines: LogLine[];
  ended: boolean;
  followers: Set<Follower>;
}

export class LogRequestError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (ns: string, pod: string, container: string, previous: boolean) => `${ns}/${pod}/${container}/${previous ? 'previous' : 'current'}`;

function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function format(line: LogLine, timestamps: boolean): string {
  const text = line.text.endsWith('\n') ? line.text : line.text + '\n';
  return timestamps ? `${rfc3339Nano(line.time)} ${text}` : text;
}

export class PodLogs {
  private readonly logs = new Map<string, ContainerLog>();

  private entry(ns: string, pod: string, container: string, previous: boolean, create: boolean): ContainerLog | undefined {
    const k = key(ns, pod, container, previous);
    let e = this.logs.get(k);
    if (!e && create) {
      e = { lines: [], ended: false, followers: new Set() };
      this.logs.set(k, e);
    }
    return e;
  }

  set(ns: string, pod: string, container: string, lines: Array<string | LogInput>, previous = false): void {
    const e = this.entry(ns, pod, container, previous, true)!;
    e.lines = lines.map((l) => (typeof l === 'string' ? { text: l, time: new Date() } : { text: l.text, time: l.time ?? new Date() }));
    e.ended = previous;
  }

  append(ns: string, pod: string, container: string, text: string, time = new Date()): void {
    const e = this.entry(ns, pod, container, false, true)!;
    const line = { text, time };
    e.lines.push(line);
    for (const f of e.followers) this.write(f, line);
  }

  /** The container terminated: follow streams end. */
  end(ns: string, pod: string, container: string): void {
    const e = this.entry(ns, pod, container, false, true)!;
    e.ended = true;
    for (const f of e.followers) if (!f.res.writableEnded) f.res.end();
    e.followers.clear();
  }

  /** The pod is gone: its logs and streams too. */
  dropPod(ns: string, pod: string): void {
    for (const [k, e] of this.logs) {
      if (!k.startsWith(`${ns}/${pod}/`)) continue;
      for (const f of e.followers) if (!f.res.writableEnded) f.res.end();
      this.logs.delete(k);
    }
  }

  followerCount(): number {
    let n = 0;
    for (const e of this.logs.values()) n += e.followers.size;
    return n;
  }

  stopAll(): void {
    for (const e of this.logs.values()) {
      for (const f of e.followers) if (!f.res.writableEnded) f.res.end();
      e.followers.clear();
    }
  }

  private write(f: Follower, line: LogLine): void {
    if (f.res.writableEnded) return;
    let text = format(line, f.timestamps);
    if (f.remainingBytes !== undefined) {
      const buf = Buffer.from(text);
      if (buf.length >= f.remainingBytes) {
        f.res.end(buf.subarray(0, f.remainingBytes));
        return;
      }
      f.remainingBytes -= buf.length;
      text = buf.toString('utf8');
    }
    f.res.write(text);
  }

  /** Serve GET .../pods/<pod>/log for a pod object that exists. */
  serve(pod: any, q: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse): void {
    const ns: string = pod.metadata.namespace;
    const name: string = pod.metadata.name;
    const containers: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name);
    const initContainers: string[] = (pod.spec?.initContainers ?? []).map((c: any) => c.name);
    let container = q.get('container') ?? '';
    if (!container) {
      if (containers.length === 1) container = containers[0];
      else {
        throw new LogRequestError(400, 'BadRequest', `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initContainers.length ? ` or one of the init containers: [${initContainers.join(' ')}]` : ''}`);
      }
    }
    if (!containers.includes(container) && !initContainers.includes(container)) {
      throw new LogRequestError(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
    }
    const bool = (k: string) => q.get(k) === 'true' || q.get(k) === '1';
    const previous = bool('previous');
    const follow = bool('follow') && !previous;
    const timestamps = bool('timestamps');
    const num = (k: string): number | undefined => {
      const v = q.get(k);
      if (v === null || v === '') return undefined;
      if (!/^-?\d+$/.test(v)) throw new LogRequestError(400, 'BadRequest', `${k}: Invalid value: "${v}": must be an integer`);
      return Number(v);
    };
    const tailLines = num('tailLines');
    const sinceSeconds = num('sinceSeconds');
    const limitBytes = num('limitBytes');
    if (sinceSeconds !== undefined && sinceSeconds < 1) throw new LogRequestError(422, 'Invalid', 'PodLogOptions "" is invalid: sinceSeconds: Invalid value: must be greater than 0');
    if (tailLines !== undefined && tailLines < 0) throw new LogRequestError(422, 'Invalid', 'PodLogOptions "" is invalid: tailLines: Invalid value: must be greater than or equal to 0');
    const sinceTime = q.get('sinceTime');
    if (sinceTime && sinceSeconds !== undefined) throw new LogRequestError(422, 'Invalid', 'PodLogOptions "" is invalid: at most one of `sinceTime` or `sinceSeconds` may be specified');
    const e = this.entry(ns, name, container, previous, !previous);
    if (!e) throw new LogRequestError(400, 'BadRequest', `previous terminated container "${container}" in pod "${name}" not found`);
    let lines = e.lines;
    const since = sinceSeconds !== undefined ? Date.now() - sinceSeconds * 1000 : sinceTime ? Date.parse(sinceTime) : undefined;
    if (since !== undefined && !Number.isNaN(since)) lines = lines.filter((l) => l.time.getTime() >= since);
    if (tailLines !== undefined) lines = tailLines === 0 ? [] : lines.slice(-tailLines);
    res.writeHead(200, { 'Content-Type': 'text/plain', ...(follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
    const f: Follower = { res, timestamps, remainingBytes: limitBytes };
    if (follow) res.flushHeaders();
    for (const l of lines) this.write(f, l);
    if (!follow || e.ended || res.writableEnded) {
      if (!res.writableEnded) res.end();
      return;
    }
    e.followers.add(f);
    const drop = () => {
      e.followers.delete(f);
      if (!res.writableEnded) res.end();
    };
    req.on('close', drop);
    res.on('close', drop);
  }
}
