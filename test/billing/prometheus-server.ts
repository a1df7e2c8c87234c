/**
 * A real Prometheus for the shared-tenancy tests (Debian's `prometheus` package): fixture series are turned into
 * TSDB blocks with `promtool tsdb create-blocks-from openmetrics`, then Prometheus serves them on 127.0.0.1 (a free
 * port) with basic auth from a web config file, as the support chart's ingress puts it in front. `stop()` kills it by
 * PID and removes its directory; call it in afterAll (it is also safe to call twice).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

function which(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const p = path.join(dir, tool);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Fail loudly (never skip) when the package is missing. */
export function prometheusBinaries(): { prometheus: string; promtool: string } {
  const prometheus = which('prometheus');
  const promtool = which('promtool');
  if (!prometheus || !promtool) {
    throw new Error('these tests need a real Prometheus: `apt-get install -y prometheus` (Debian, gives /usr/bin/prometheus and /usr/bin/promtool); .ci/run installs it');
  }
  return { prometheus, promtool };
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/**
 * One gauge family in OpenMetrics text: `valueAt` gives a namespace's memory requests at a unix time (undefined: no
 * sample), sampled at `times`. Keep `times` few: promtool writes one block per 2-hour window holding samples, and
 * Prometheus 2.42's promtool has no --max-block-duration, so daily samples over months take minutes to import.
 */
export function memoryRequestsOpenMetrics(namespaces: string[], valueAt: (ns: string, t: number) => number | undefined, times: number[]): string {
  const lines = ['# HELP kube_pod_container_resource_requests The number of requested request resource by a container.', '# TYPE kube_pod_container_resource_requests gauge'];
  for (const ns of namespaces) {
    for (const pod of ['a', 'b']) {
      for (const t of [...times].sort((a, b) => a - b)) {
        const v = valueAt(ns, t);
        if (v === undefined) continue;
        // two containers per namespace, half each: the query's sum by (namespace) adds them up again
        lines.push(`kube_pod_container_resource_requests{namespace="${ns}",pod="${ns}-${pod}",container="c",resource="memory",unit="byte"} ${v / 2} ${t}`);
      }
    }
    // cpu requests must not count
    lines.push(`kube_pod_container_resource_requests{namespace="${ns}",pod="${ns}-a",container="c",resource="cpu",unit="core"} 1000 ${Math.min(...times)}`);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

export async function startPrometheus(openMetrics: string, auth?: { username: string; password: string; bcryptHash: string }): Promise<RunningPrometheus> {
  const { prometheus, promtool } = prometheusBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prometheus-test-'));
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null && child.pid) {
      const exited = new Promise<void>((r) => child!.once('exit', () => r()));
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child?.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(path.join(dir, 'data.om'), openMetrics);
    const blocks = spawnSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'data.om'), path.join(dir, 'tsdb')], { encoding: 'utf8', timeout: 180_000 });
    if (blocks.status !== 0) throw new Error(`promtool create-blocks-from openmetrics failed: ${blocks.stderr || blocks.stdout}`);
    writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
    const args = [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
      '--storage.tsdb.retention.time=100y',
      '--log.level=warn',
    ];
    if (auth) {
      writeFileSync(path.join(dir, 'web.yml'), `basic_auth_users:\n  ${auth.username}: '${auth.bcryptHash}'\n`);
      args.push(`--web.config.file=${path.join(dir, 'web.yml')}`);
    }
    const port = await freePort();
    args.push(`--web.listen-address=127.0.0.1:${port}`);
    let stderr = '';
    child = spawn(prometheus, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    // Wait for readiness (an event, polled), or for the process to die.
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${stderr}`);
      try {
        const headers: Record<string, string> = auth ? { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } : {};
        const r = await fetch(`${url}/-/ready`, { headers, signal: AbortSignal.timeout(2000) });
        if (r.status === 200) break;
        if (r.status === 401) throw new Error('prometheus refused the test credentials (check the bcrypt hash)');
      } catch {
        /* not listening yet */
      }
      if (i > 600) throw new Error(`prometheus did not become ready in time: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
