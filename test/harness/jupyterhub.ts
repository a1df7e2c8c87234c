/**
 * A real JupyterHub (Debian's jupyterhub 3.0) for the health-check tests and bench, on 127.0.0.1 free ports, in a
 * fresh temp dir (the sqlite DB keeps users between restarts, so never reuse one).
 *
 * - DummyAuthenticator, SimpleLocalProcessSpawner with home dirs inside the temp dir;
 * - `Spawner.cmd = ['/usr/bin/jupyterhub-singleuser']` (absolute: PATH may hold another python first),
 *   `Spawner.args = ['--allow-root']` (these machines run as root);
 * - a service `hub-health` with a random api_token and a role with the scopes a health check needs
 *   (`admin:users`, `servers`, `access:servers`), like z2jh's `hub.services.hub-health`;
 * - `slow_spawn_timeout = 0` like z2jh, so a spawn request returns 202 at once and the check follows spawn progress;
 * - Debian's configurable-http-proxy needs `NODE_PATH=/usr/share/nodejs` with a node that is not Debian's.
 *
 * Options break it on purpose (a spawner command that exits: spawn-failed). The hub is started as a direct child in
 * its own process group and stopped by PID (SIGTERM, then SIGKILL of its group), from `stop()` and on process exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const JUPYTERHUB_BIN = process.env.DEPLOYER_TEST_JUPYTERHUB ?? '/usr/bin/jupyterhub';
export const SINGLEUSER_BIN = '/usr/bin/jupyterhub-singleuser';
export const CHP_BIN = '/usr/bin/configurable-http-proxy';

export interface JupyterHubOptions {
  /** The single-user command (default `/usr/bin/jupyterhub-singleuser`). `['/bin/false']` makes every spawn fail. */
  spawnerCmd?: string[];
  /** `Spawner.args` (default `['--allow-root']`). */
  spawnerArgs?: string[];
  /** `Spawner.http_timeout`: how long the hub waits for a started server to answer (default 30 s). */
  httpTimeout?: number;
  /** `Spawner.start_timeout` (default 60 s). */
  startTimeout?: number;
  /** `slow_spawn_timeout` (default 0, as z2jh sets it: the spawn request returns 202 at once). */
  slowSpawnTimeout?: number;
  /** The hub-health service's scopes (default admin:users, servers, access:servers). */
  scopes?: string[];
  /** The service token (default: random). */
  token?: string;
  /** Extra Python lines appended to jupyterhub_config.py. */
  extraConfig?: string;
  /** How long to wait for the hub to answer (default 30 s). */
  readyTimeoutMs?: number;
}

export interface LocalHub {
  /** Public URL (the proxy), e.g. http://127.0.0.1:41234 */
  url: string;
  /** The hub-health service token. */
  token: string;
  pid: number;
  /** The temp dir holding config, DB, logs and home dirs. */
  dir: string;
  /** Authorized hub API call (`path` below /hub/api, e.g. `/users`). */
  api<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Names of every user the hub knows. */
  userNames(): Promise<string[]>;
  /** Users with a running or pending server. */
  activeServers(): Promise<string[]>;
  /** The hub's log so far (for failure messages). */
  log(): string;
  /** Stop the hub (and its proxy and servers) by PID; remove the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the hub's own process group: hub, proxy, single-user servers, kernels
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Processes working inside the hub's temp dir: single-user servers and their kernels. LocalProcessSpawner starts
 * each server in a new session, so they are not in the hub's process group; their cwd (the user's home, inside the
 * temp dir) says they are this hub's.
 */
function strayPids(dir: string): number[] {
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${e}/cwd`).replace(/ \(deleted\)$/, '');
      if (cwd === dir || cwd.startsWith(dir + path.sep)) out.push(Number(e));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

function killStrays(dir: string, signal: NodeJS.Signals): number {
  const pids = strayPids(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
  return pids.length;
}

const runningDirs = new Map<ChildProcess, string>();

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    for (const dir of runningDirs.values()) killStrays(dir, 'SIGKILL');
  });
}

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Why a JupyterHub cannot be started here, or undefined when it can. */
export function jupyterhubMissing(): string | undefined {
  for (const f of [JUPYTERHUB_BIN, SINGLEUSER_BIN, CHP_BIN]) {
    if (!existsSync(f)) {
      return `${f} is missing: install JupyterHub with \`apt-get install -y --no-install-recommends jupyterhub python3-jupyter-server python3-ipykernel\` (bash .ci/run does it)`;
    }
  }
  return undefined;
}

const py = (v: unknown) => JSON.stringify(v); // JSON strings, lists and numbers are valid Python literals

/** The hub's log without the proxy's 404 lines (they flood it when something polls the port before the hub is up). */
function hubLogTail(log: string): string {
  return log
    .split('\n')
    .filter((l) => !/\[ConfigProxy\].*404 GET /.test(l))
    .join('\n')
    .slice(-4000);
}

class EarlyExit extends Error {}

/**
 * Start a hub on free ports. Free ports are picked by binding and releasing them, so on a busy machine another process
 * can take one before the hub binds it (the hub then exits at once, or its proxy forwards to a stranger): when the hub
 * exits before it is ready, it is started again on fresh ports, up to three times in all.
 */
export async function startJupyterHub(options: JupyterHubOptions = {}): Promise<LocalHub> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startJupyterHubOnce(options);
    } catch (e) {
      if (!(e instanceof EarlyExit) || attempt >= 3) throw e;
    }
  }
}

async function startJupyterHubOnce(options: JupyterHubOptions): Promise<LocalHub> {
  const missing = jupyterhubMissing();
  if (missing) throw new Error(missing);
  installExitHook();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deployer-jhub-'));
  const [port, apiPort, hubPort] = [await freePort(), await freePort(), await freePort()];
  const token = options.token ?? randomBytes(24).toString('hex');
  const scopes = options.scopes ?? ['admin:users', 'servers', 'access:servers'];
  // Debian's configurable-http-proxy needs its modules from /usr/share/nodejs; run it with a node given explicitly.
  const chpNode = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
  const config = [
    'c = get_config()  # noqa',
    `c.JupyterHub.ip = '127.0.0.1'`,
    `c.JupyterHub.port = ${port}`,
    `c.JupyterHub.hub_ip = '127.0.0.1'`,
    `c.JupyterHub.hub_port = ${hubPort}`,
    `c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:${apiPort}'`,
    `c.ConfigurableHTTPProxy.command = ${py([chpNode, CHP_BIN])}`,
    `c.JupyterHub.authenticator_class = 'dummy'`,
    `c.JupyterHub.spawner_class = 'simple'`,
    `c.SimpleLocalProcessSpawner.home_dir_template = ${py(path.join(dir, 'home', '{username}'))}`,
    `c.Spawner.cmd = ${py(options.spawnerCmd ?? [SINGLEUSER_BIN])}`,
    `c.Spawner.args = ${py(options.spawnerArgs ?? ['--allow-root'])}`,
    `c.Spawner.http_timeout = ${options.httpTimeout ?? 30}`,
    `c.Spawner.start_timeout = ${options.startTimeout ?? 60}`,
    `c.JupyterHub.tornado_settings = {'slow_spawn_timeout': ${options.slowSpawnTimeout ?? 0}}`,
    `c.JupyterHub.services = [{'name': 'hub-health', 'api_token': ${py(token)}}]`,
    `c.JupyterHub.load_roles = [{'name': 'hub-health', 'scopes': ${py(scopes)}, 'services': ['hub-health']}]`,
    `c.JupyterHub.db_url = ${py('sqlite:///' + path.join(dir, 'jupyterhub.sqlite'))}`,
    `c.JupyterHub.cookie_secret_file = ${py(path.join(dir, 'jupyterhub_cookie_secret'))}`,
    `c.JupyterHub.pid_file = ${py(path.join(dir, 'jupyterhub.pid'))}`,
    `c.ConfigurableHTTPProxy.pid_file = ${py(path.join(dir, 'proxy.pid'))}`,
    `c.JupyterHub.cleanup_servers = True`,
    `c.JupyterHub.cleanup_proxy = True`,
    options.extraConfig ?? '',
  ].join('\n');
  const configFile = path.join(dir, 'jupyterhub_config.py');
  writeFileSync(configFile, config + '\n');

  const logFile = path.join(dir, 'jupyterhub.log');
  let logText = '';
  const env = {
    ...process.env,
    NODE_PATH: '/usr/share/nodejs',
    CONFIGPROXY_AUTH_TOKEN: randomBytes(16).toString('hex'),
    JUPYTERHUB_CRYPT_KEY: '',
  };
  delete (env as Record<string, string | undefined>).JUPYTERHUB_API_TOKEN;
  const child = spawn(JUPYTERHUB_BIN, ['-f', configFile], {
    cwd: dir,
    env,
    detached: true, // own process group: stop() can end the hub and everything it started, by the hub's PID
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  runningDirs.set(child, dir);
  const append = (b: Buffer) => {
    logText += b.toString('utf8');
    if (logText.length > 400_000) logText = logText.slice(-200_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      running.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === undefined) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 8000);
      await exitPromise;
      clearTimeout(timer);
    }
    // Whatever the hub left (a server it could not stop): end the rest of its group, and the servers and kernels
    // working in its temp dir.
    killGroup(child, 'SIGKILL');
    if (killStrays(dir, 'SIGTERM')) {
      for (let i = 0; i < 30 && strayPids(dir).length; i++) await new Promise((r) => setTimeout(r, 100));
      killStrays(dir, 'SIGKILL');
    }
    runningDirs.delete(child);
    try {
      writeFileSync(logFile, logText);
    } catch {
      /* dir gone */
    }
    if (!process.env.DEPLOYER_KEEP_TEST_HUB) rmSync(dir, { recursive: true, force: true });
  };

  const api = async <T>(method: string, apiPath: string, body?: unknown) => {
    const res = await fetch(`${url}/hub/api${apiPath}`, {
      method,
      headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body: parsed as T };
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new EarlyExit(`jupyterhub exited with code ${exited} before it was ready:\n${hubLogTail(logText)}`);
    }
    try {
      const r = await fetch(`${url}/hub/api/`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) {
        await r.text();
        break;
      }
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`jupyterhub did not answer on ${url} within ${options.readyTimeoutMs ?? 30_000} ms:\n${hubLogTail(logText)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    token,
    pid: child.pid!,
    dir,
    api,
    async userNames() {
      const r = await api<Array<{ name: string }>>('GET', '/users');
      if (r.status !== 200) throw new Error(`GET /users: ${r.status}`);
      return r.body.map((u) => u.name).sort();
    },
    async activeServers() {
      const r = await api<Array<{ name: string; server: string | null; pending: string | null; servers?: Record<string, unknown> }>>('GET', '/users');
      if (r.status !== 200) throw new Error(`GET /users: ${r.status}`);
      return r.body.filter((u) => u.server || u.pending || Object.keys(u.servers ?? {}).length).map((u) => u.name);
    },
    log: () => logText,
    stop,
  };
}

/** Read a file of the hub's temp dir (for diagnostics). */
export function readHubFile(hub: LocalHub, name: string): string {
  return readFileSync(path.join(hub.dir, name), 'utf8');
}
