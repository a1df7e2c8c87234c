/**
 * A local HTTP file server for download tests: serves files from a map of URL paths to contents, on 127.0.0.1 and
 * a free port, and counts requests per path (to prove a cached tool is not downloaded again).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** Requests seen, per path (including 404s). */
  requests: Map<string, number>;
  /** Total requests. */
  total(): number;
  /** Add or replace a file. */
  put(urlPath: string, content: Buffer | string): void;
  stop(): Promise<void>;
}

export async function startFileServer(files: Record<string, Buffer | string> = {}): Promise<FileServer> {
  const content = new Map<string, Buffer>(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const requests = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.set(p, (requests.get(p) ?? 0) + 1);
    const body = content.get(p);
    if (!body || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    total: () => [...requests.values()].reduce((a, b) => a + b, 0),
    put: (p, c) => void content.set(p, Buffer.from(c)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
