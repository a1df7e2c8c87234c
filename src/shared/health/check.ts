/**
 * The health check: prove a hub works for a user, and say why when it does not.
 *
 * One attempt: hub answers (version, token identity) -> remove a stale health-check user -> create it -> start its
 * server and follow spawn progress until ready (bounded) -> open a kernel -> run the notebooks -> stop the server and
 * delete the user, whatever happened (failure, timeout, cancel). N attempts, each with its own timeout. Every failure
 * is classified and carries the spawn progress messages seen; every step is timed.
 */
import { registerSecret } from '../redact.js';
import { silentReporter, type Reporter } from '../log.js';
import { HubClient, HubConnectionError, HubHttpError, type HubUserModel, type ProgressEvent } from './hub-api.js';
import { ExecuteTimeoutError, KernelConnection, KernelGoneError, ServerClient, ServerError } from './kernel.js';
import { runNotebook, type Notebook } from './notebook.js';
import { notebooksFor } from './notebooks.js';
import { HealthFailure, type AttemptResult, type Classification, type HealthResult, type HubType, type Timings } from './types.js';

export const DEFAULT_USERNAME = 'deployment-service-check';

export interface HealthCheckOptions {
  hubUrl: string;
  token: string;
  /** Hub name for messages and the result (default: the URL's host). */
  hub?: string;
  hubType: HubType;
  checkDaskScaling?: boolean;
  /** Notebooks the hub adds (run after the bundled ones). */
  extraNotebooks?: Notebook[];
  /** Replace the bundled selection entirely (extraNotebooks still follow). */
  notebooks?: Notebook[];
  /** Attempts before failing (default 3). */
  attempts?: number;
  /** Bound of one attempt, cleanup excluded (default 600 s). */
  attemptTimeoutMs?: number;
  /** Bound of the wait for the server (default 360 s, and never past the attempt's). */
  spawnTimeoutMs?: number;
  /** Bound of the kernel start: request, websocket, kernel_info (default 120 s). */
  kernelTimeoutMs?: number;
  /** Per-cell bound (default 300 s). */
  cellTimeoutMs?: number;
  /** Whole-notebook bound (default 480 s). */
  notebookTimeoutMs?: number;
  /** How long a ready server may take to answer through the proxy (default 30 s). */
  serverReadyTimeoutMs?: number;
  /** Bound of one HTTP request (default 30 s). */
  requestTimeoutMs?: number;
  /** Bound of the cleanup of one attempt (default 120 s); it runs even after a timeout or cancel. */
  cleanupTimeoutMs?: number;
  /** Pause between attempts (default 2 s). */
  retryDelayMs?: number;
  /** The temporary user (default `deployment-service-check`, as upstream). */
  username?: string;
  reporter?: Reporter;
  /** Cancels the check (cleanup still runs, and no further attempt starts). */
  signal?: AbortSignal;
}

type Phase = 'hub' | 'user' | 'spawn' | 'server' | 'kernel' | 'notebook';

class AttemptTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the attempt timeout of ${bound(ms)} expired`);
    this.name = 'AttemptTimeout';
  }
}
class Cancelled extends Error {
  constructor() {
    super('the health check was cancelled');
    this.name = 'Cancelled';
  }
}

const ms = (t0: number) => Math.round(performance.now() - t0);
const sec = (m: number) => `${(m / 1000).toFixed(2)} s`;
/** A bound in seconds as people write it: `600 s`, `1.5 s`. */
const bound = (m: number) => `${Number((m / 1000).toFixed(1))} s`;
const sleep = (m: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, m);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** The default server's model, if the user has one running or pending. */
function defaultServer(user: HubUserModel): { ready: boolean; pending: string | null; url?: string } | undefined {
  const s = user.servers?.[''];
  if (s) return { ready: Boolean(s.ready), pending: s.pending ?? null, url: s.url };
  if (user.server || user.pending) return { ready: Boolean(user.server) && !user.pending, pending: user.pending ?? null, url: user.server ?? undefined };
  return undefined;
}

function hubHttpFailure(e: HubHttpError, what: string): HealthFailure {
  if (e.status === 401 || e.status === 403) {
    return new HealthFailure('auth-failed', `${what}: the hub refused the token (HTTP ${e.status}${e.hubMessage ? `: ${e.hubMessage}` : ''})`, { cause: e });
  }
  return new HealthFailure('hub-unreachable', `${what}: ${e.message}`, { cause: e });
}

interface AttemptContext {
  options: Required<Pick<HealthCheckOptions, 'attemptTimeoutMs' | 'spawnTimeoutMs' | 'kernelTimeoutMs' | 'cellTimeoutMs' | 'notebookTimeoutMs' | 'serverReadyTimeoutMs' | 'cleanupTimeoutMs' | 'username'>>;
  hub: HubClient;
  token: string;
  notebooks: Notebook[];
  spawn: boolean;
  reporter: Reporter;
  outer?: AbortSignal;
}

/** Stop the user's server and delete the user, bounded by `timeoutMs`; verified through the API. */
export async function removeUser(hub: HubClient, name: string, timeoutMs: number, reporter: Reporter = silentReporter): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  let wait = 50;
  const pause = async () => {
    await sleep(wait, signal);
    wait = Math.min(1000, Math.round(wait * 1.5));
  };
  let lastProblem = '';
  try {
    let stopRequested = false;
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const user = await hub.getUser(name, signal);
      if (!user) return;
      const server = defaultServer(user);
      if (server) {
        if (server.pending !== 'stop' && !stopRequested) {
          const r = await hub.stopServer(name, signal);
          if (r.status === 401 || r.status === 403) throw new HubHttpError('DELETE', hub.apiUrl(`/users/${name}/server`), r.status, 'cannot stop the server');
          // 204 stopped, 202 stopping, 400 not running (a race): look again either way
          stopRequested = r.status === 202 || r.status === 204;
          if (!stopRequested) lastProblem = `stopping the server answered HTTP ${r.status}: ${bodyOf(r)}`;
          if (r.status === 204) continue;
        }
        await pause();
        continue;
      }
      const r = await hub.raw('DELETE', `/users/${encodeURIComponent(name)}`, { signal });
      if (r.status === 204 || r.status === 404) {
        if (!(await hub.getUser(name, signal))) return;
      } else if (r.status === 400 || r.status >= 500) {
        // 400: a server is still starting or stopping; 5xx: maybe transient. Look again until the bound.
        lastProblem = `deleting the user answered HTTP ${r.status}: ${bodyOf(r)}`;
        reporter.debug(`deleting ${name}: ${lastProblem}; trying again`);
      } else {
        throw new HubHttpError('DELETE', hub.apiUrl(`/users/${name}`), r.status, bodyOf(r));
      }
      stopRequested = false;
      await pause();
    }
  } catch (e) {
    if (signal.aborted) throw new Error(`the user ${name} was still there after ${bound(timeoutMs)} of cleanup${lastProblem ? ` (${lastProblem})` : ''}`);
    throw e;
  }
}

async function waitForServer(ctx: AttemptContext, signal: AbortSignal, progress: string[]): Promise<URL> {
  const { hub, reporter } = ctx;
  const name = ctx.options.username;
  const spawnSignal = AbortSignal.any([signal, AbortSignal.timeout(ctx.options.spawnTimeoutMs)]);
  const seen = (e: ProgressEvent) => {
    const text = (e.message ?? '').trim();
    if (!text) return;
    if (progress[progress.length - 1] !== text) {
      progress.push(text);
      reporter.info(`  progress${typeof e.progress === 'number' ? ` ${e.progress}%` : ''}: ${text}`);
    }
  };
  const start = await hub.startServer(name, spawnSignal);
  if (start.status === 401 || start.status === 403) {
    throw hubHttpFailure(new HubHttpError('POST', hub.apiUrl(`/users/${name}/server`), start.status, bodyOf(start)), 'requesting the server');
  }
  if (start.status >= 500) {
    throw new HealthFailure('spawn-failed', `the hub could not start the server (HTTP ${start.status}: ${bodyOf(start)})`);
  }
  if (start.status !== 201 && start.status !== 202 && start.status !== 400) {
    throw new HealthFailure('spawn-failed', `requesting the server answered HTTP ${start.status}: ${bodyOf(start)}`);
  }
  let url: string | undefined;
  // 202: pending, so follow progress at once; otherwise (201 ready, 400 already there) look at the user first.
  let lookFirst = start.status !== 202;
  try {
    for (;;) {
      if (lookFirst) {
        const user = await hub.getUser(name, spawnSignal);
        if (!user) throw new HealthFailure('spawn-failed', `the user ${name} disappeared while its server was starting`);
        const server = defaultServer(user);
        if (server?.ready && !server.pending) {
          url = server.url ?? user.server ?? undefined;
          break;
        }
        if (!server) {
          throw new HealthFailure('spawn-failed', `the server stopped while starting${progress.length ? ` (last progress: ${progress[progress.length - 1]})` : ''}`);
        }
      }
      lookFirst = true;
      const r = await hub.followProgress(name, seen, spawnSignal);
      if (r.last?.failed) throw new HealthFailure('spawn-failed', r.last.message?.trim() || 'the hub reported that the spawn failed');
      if (r.last?.ready && r.last.url) {
        url = r.last.url;
        break;
      }
      if (r.status !== 200) await sleep(250, spawnSignal); // not pending any more, or progress unsupported: look again
    }
  } catch (e) {
    if (spawnSignal.aborted && !signal.aborted) {
      const last = progress.length ? `; last progress: ${progress[progress.length - 1]}` : '';
      throw new HealthFailure('spawn-timeout', `the server was not ready within ${bound(ctx.options.spawnTimeoutMs)}${last}`);
    }
    throw e;
  }
  if (!url) throw new HealthFailure('spawn-failed', 'the hub said the server is ready but gave no URL');
  const u = hub.resolve(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}

function bodyOf(r: { text: string; json?: unknown }): string {
  const m = (r.json as { message?: unknown } | undefined)?.message;
  if (typeof m === 'string') return m;
  return r.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The server answers through the proxy; a 403 with the service token falls back to a user token. */
async function reachServer(ctx: AttemptContext, serverUrl: URL, signal: AbortSignal): Promise<{ server: ServerClient; kernelName: string }> {
  const server = new ServerClient(serverUrl, ctx.token, ctx.hub.requestTimeoutMs);
  const deadline = performance.now() + ctx.options.serverReadyTimeoutMs;
  let triedUserToken = false;
  let last: ServerError | undefined;
  let wait = 100;
  for (;;) {
    try {
      return { server, kernelName: await server.defaultKernel(signal) };
    } catch (e) {
      if (!(e instanceof ServerError)) throw e;
      last = e;
      if (e.status === 403 && !triedUserToken) {
        triedUserToken = true;
        let token: string;
        try {
          token = await ctx.hub.createUserToken(ctx.options.username, 'deployer health check', Math.ceil(ctx.options.attemptTimeoutMs / 1000) + 300, signal);
        } catch (te) {
          if (te instanceof HubHttpError && (te.status === 401 || te.status === 403)) {
            throw new HealthFailure('auth-failed', `the token may not use the user's server (${e.message}) and may not create a user token (HTTP ${te.status}); give the hub-health service the access:servers scope (or admin)`);
          }
          throw te;
        }
        registerSecret(token);
        server.useToken(token);
        ctx.reporter.debug('the service token may not access the server; using a token of the health-check user');
        continue;
      }
      if (e.status === 401 || e.status === 403) {
        throw new HealthFailure('auth-failed', `the server refused the token: ${e.message}`);
      }
      // 0 (no answer), 3xx (the proxy has no route yet: redirected to the hub), 404/424/502/503/504: not there yet
      if (performance.now() + wait > deadline) break;
      await sleep(wait, signal);
      if (signal.aborted) throw signal.reason;
      wait = Math.min(2000, wait * 2);
    }
  }
  throw new HealthFailure('server-not-ready', `the hub reported the server ready at ${serverUrl}, but it did not answer within ${bound(ctx.options.serverReadyTimeoutMs)}: ${last?.message ?? 'no answer'}`);
}

async function attemptBody(ctx: AttemptContext, signal: AbortSignal, state: { phase: Phase; touchedUser: boolean; kernel?: KernelConnection; progress: string[]; timings: Timings }): Promise<void> {
  const { hub, reporter } = ctx;
  const name = ctx.options.username;
  const t = state.timings;

  state.phase = 'hub';
  let t0 = performance.now();
  // The three first questions go out together (one round trip, not three); their answers are read in order.
  const settle = <T>(p: Promise<T>) => p.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));
  const [vr, wr, sr] = await Promise.all([settle(hub.version(signal)), settle(hub.whoami(signal)), settle(hub.getUser(name, signal))]);
  if (!vr.ok) {
    const e = vr.e;
    if (e instanceof HubConnectionError) throw new HealthFailure('hub-unreachable', `no answer from the hub: ${e.message}`, { cause: e });
    if (e instanceof HubHttpError) {
      throw new HealthFailure('hub-unreachable', e.status === 200 ? `${hub.apiUrl('/')} is not a JupyterHub API` : `the hub API does not answer: ${e.message}`, { cause: e });
    }
    throw e;
  }
  const version = vr.v;
  if (!wr.ok) {
    const e = wr.e;
    if (e instanceof HubHttpError && (e.status === 401 || e.status === 403)) {
      throw new HealthFailure('auth-failed', `the hub (JupyterHub ${version}) refused the API token (HTTP ${e.status} on GET /hub/api/user): the token is wrong, expired or revoked`, { cause: e });
    }
    if (e instanceof HubHttpError) throw hubHttpFailure(e, 'checking the token');
    if (e instanceof HubConnectionError) throw new HealthFailure('hub-unreachable', e.message, { cause: e });
    throw e;
  }
  const who = wr.v;
  t.hub_response_ms = ms(t0);
  reporter.info(`hub answers: JupyterHub ${version}, token of ${who.kind ?? 'entity'} ${who.name ?? '?'} (${sec(t.hub_response_ms)})`);
  if (who.scopes) {
    const has = (s: string) => who.scopes!.some((x) => x === s || x.startsWith(`${s}!`));
    const missing = ['admin:users', 'servers'].filter((s) => !has(s));
    if (missing.length) {
      throw new HealthFailure('auth-failed', `the token of ${who.name ?? '?'} lacks the scope(s) ${missing.join(', ')} a health check needs (it has: ${who.scopes.join(', ') || 'none'})`);
    }
  }

  state.phase = 'user';
  if (!sr.ok) throw sr.e;
  const stale = sr.v;
  if (stale) {
    reporter.info(`removing the stale health-check user ${name}`);
    t0 = performance.now();
    try {
      await removeUser(hub, name, ctx.options.cleanupTimeoutMs, reporter);
    } catch (e) {
      throw new HealthFailure('cleanup-failed', `the stale health-check user ${name} could not be removed: ${(e as Error).message}`, { cause: e });
    }
    reporter.debug(`stale user removed in ${sec(ms(t0))}`);
  }
  state.touchedUser = true;
  await hub.createUser(name, signal);
  if (!ctx.spawn) {
    reporter.info(`user ${name} created; this hub type's servers are not started by the check`);
    return;
  }

  state.phase = 'spawn';
  t0 = performance.now();
  const serverUrl = await waitForServer(ctx, signal, state.progress);
  t.spawn_ms = ms(t0);
  reporter.info(`server ready in ${sec(t.spawn_ms)}`);

  state.phase = 'server';
  t0 = performance.now();
  const kernelSignal = AbortSignal.any([signal, AbortSignal.timeout(ctx.options.kernelTimeoutMs + ctx.options.serverReadyTimeoutMs)]);
  const { server, kernelName } = await reachServer(ctx, serverUrl, kernelSignal);
  state.phase = 'kernel';
  let kernelId: string;
  try {
    kernelId = (await server.startKernel(kernelName, kernelSignal)).id;
    state.kernel = await KernelConnection.connect(server, kernelId, kernelSignal);
    await state.kernel.kernelInfo(ctx.options.kernelTimeoutMs, kernelSignal);
  } catch (e) {
    if (kernelSignal.aborted && !signal.aborted) throw new HealthFailure('kernel-failed', `the ${kernelName} kernel did not start within ${bound(ctx.options.kernelTimeoutMs)}`);
    if (e instanceof ServerError || e instanceof KernelGoneError) throw new HealthFailure('kernel-failed', `starting a ${kernelName} kernel: ${e.message}`, { cause: e });
    if (e instanceof ExecuteTimeoutError) throw new HealthFailure('kernel-failed', `the ${kernelName} kernel did not answer kernel_info (${e.message})`);
    throw e;
  }
  t.kernel_start_ms = ms(t0);
  reporter.info(`kernel ${kernelName} ready in ${sec(t.kernel_start_ms)}`);

  state.phase = 'notebook';
  t.notebooks = {};
  t.notebooks_kernel_ms = {};
  const kernel = state.kernel;
  const executor = {
    execute: (code: string, timeoutMs: number, s: AbortSignal) => kernel.execute(code, timeoutMs, s),
    interrupt: () => server.interruptKernel(kernelId),
  };
  for (const nb of ctx.notebooks) {
    const run = await runNotebook(executor, nb, {
      cellTimeoutMs: ctx.options.cellTimeoutMs,
      runTimeoutMs: ctx.options.notebookTimeoutMs,
      signal,
      onCell: (cell, outcome) => reporter.debug(`  cell ${cell.index}: ${outcome.status} in ${sec(outcome.wallMs)}`),
    });
    t.notebooks[nb.name] = Math.round(run.wallMs);
    t.notebooks_kernel_ms[nb.name] = Math.round(run.kernelMs);
    reporter.info(`notebook ${nb.name}: ${run.cellsRun} cells ran without error in ${sec(run.wallMs)}`);
  }
}

function classify(e: unknown, phase: Phase, signal: AbortSignal): HealthFailure {
  if (e instanceof HealthFailure) return e;
  const reason = signal.aborted ? signal.reason : undefined;
  if (reason instanceof AttemptTimeout || reason instanceof Cancelled) {
    const why = reason.message;
    const byPhase: Record<Phase, [Classification, string]> = {
      hub: ['hub-unreachable', `${why} before the hub answered`],
      user: ['hub-unreachable', `${why} while creating the health-check user`],
      spawn: ['spawn-timeout', `${why} while the server was starting`],
      server: ['server-not-ready', `${why} while waiting for the server to answer`],
      kernel: ['kernel-failed', `${why} while starting a kernel`],
      notebook: ['notebook-timeout', `${why} while running the notebooks`],
    };
    const [c, m] = byPhase[phase];
    return new HealthFailure(c, m);
  }
  if (e instanceof HubConnectionError) return new HealthFailure('hub-unreachable', e.message, { cause: e });
  if (e instanceof HubHttpError) {
    const what = { hub: 'contacting the hub', user: 'managing the health-check user', spawn: 'starting the server', server: 'reaching the server', kernel: 'starting a kernel', notebook: 'running the notebooks' }[phase];
    if (e.status === 401 || e.status === 403) return hubHttpFailure(e, what);
    const c: Classification = phase === 'spawn' ? 'spawn-failed' : phase === 'hub' || phase === 'user' ? 'hub-unreachable' : phase === 'server' ? 'server-not-ready' : 'kernel-failed';
    return new HealthFailure(c, `${what}: ${e.message}`, { cause: e });
  }
  if (e instanceof ServerError) return new HealthFailure(phase === 'server' ? 'server-not-ready' : 'kernel-failed', e.message, { cause: e });
  if (e instanceof KernelGoneError) return new HealthFailure('kernel-failed', e.message, { cause: e });
  const fallback: Record<Phase, Classification> = {
    hub: 'hub-unreachable',
    user: 'hub-unreachable',
    spawn: 'spawn-failed',
    server: 'server-not-ready',
    kernel: 'kernel-failed',
    notebook: 'notebook-error',
  };
  return new HealthFailure(fallback[phase], `unexpected failure: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

async function runAttempt(ctx: AttemptContext, attempt: number): Promise<AttemptResult> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new AttemptTimeout(ctx.options.attemptTimeoutMs)), ctx.options.attemptTimeoutMs);
  const onOuter = () => ac.abort(new Cancelled());
  if (ctx.outer?.aborted) onOuter();
  ctx.outer?.addEventListener('abort', onOuter, { once: true });
  const state = { phase: 'hub' as Phase, touchedUser: false, kernel: undefined as KernelConnection | undefined, progress: [] as string[], timings: {} as Timings };
  const t0 = performance.now();
  let failure: HealthFailure | undefined;
  try {
    await attemptBody(ctx, ac.signal, state);
  } catch (e) {
    failure = classify(e, state.phase, ac.signal);
  } finally {
    clearTimeout(timer);
    ctx.outer?.removeEventListener('abort', onOuter);
    state.kernel?.close();
  }
  // Cleanup: whatever happened, with its own bound (not the attempt's, which may have expired).
  let cleanupError: string | undefined;
  if (state.touchedUser) {
    const c0 = performance.now();
    try {
      await removeUser(ctx.hub, ctx.options.username, ctx.options.cleanupTimeoutMs, ctx.reporter);
    } catch (e) {
      cleanupError = `the health-check user ${ctx.options.username} could not be removed: ${(e as Error).message}`;
    }
    state.timings.cleanup_ms = ms(c0);
    if (!cleanupError) ctx.reporter.info(`cleanup: server stopped and user ${ctx.options.username} deleted (${sec(state.timings.cleanup_ms)})`);
  }
  state.timings.total_ms = ms(t0);
  const result: AttemptResult = { attempt, status: 'passed', progress: state.progress, timings: state.timings };
  if (failure) {
    result.status = 'failed';
    result.classification = failure.classification;
    result.message = failure.message;
    if (failure.cell) result.cell = failure.cell;
    if (cleanupError) result.cleanup_error = cleanupError;
  } else if (cleanupError) {
    result.status = 'failed';
    result.classification = 'cleanup-failed';
    result.message = cleanupError;
  }
  return result;
}

/** Run the check: up to `attempts` attempts; the result says which passed or why each failed. */
export async function runHealthCheck(options: HealthCheckOptions): Promise<HealthResult> {
  const reporter = options.reporter ?? silentReporter;
  reporter.mask(options.token);
  registerSecret(options.token);
  const attempts = Math.max(1, options.attempts ?? 3);
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 600_000;
  const hub = new HubClient({ hubUrl: options.hubUrl, token: options.token, requestTimeoutMs: options.requestTimeoutMs });
  const notebooks = [...(options.notebooks ?? notebooksFor(options.hubType, options.checkDaskScaling ?? false)), ...(options.extraNotebooks ?? [])];
  const spawn = notebooks.length > 0;
  const ctx: AttemptContext = {
    options: {
      attemptTimeoutMs,
      spawnTimeoutMs: Math.min(options.spawnTimeoutMs ?? 360_000, attemptTimeoutMs),
      kernelTimeoutMs: options.kernelTimeoutMs ?? 120_000,
      cellTimeoutMs: options.cellTimeoutMs ?? 300_000,
      notebookTimeoutMs: options.notebookTimeoutMs ?? 480_000,
      serverReadyTimeoutMs: options.serverReadyTimeoutMs ?? 30_000,
      cleanupTimeoutMs: options.cleanupTimeoutMs ?? 120_000,
      username: options.username ?? DEFAULT_USERNAME,
    },
    hub,
    token: options.token,
    notebooks,
    spawn,
    reporter,
    outer: options.signal,
  };
  const hubName = options.hub ?? hub.base.host;
  const results: AttemptResult[] = [];
  const t0 = performance.now();
  for (let n = 1; n <= attempts; n++) {
    const r = await reporter.group(`health check of ${hubName}: attempt ${n}/${attempts}`, () => runAttempt(ctx, n));
    results.push(r);
    if (r.status === 'passed') break;
    reporter.warn(`attempt ${n}/${attempts} failed: ${r.classification}: ${r.message}${r.cleanup_error ? ` (and ${r.cleanup_error})` : ''}`);
    if (options.signal?.aborted) break;
    if (n < attempts) await sleep(options.retryDelayMs ?? 2000, options.signal);
  }
  const last = results[results.length - 1];
  const result: HealthResult = {
    status: last.status,
    ...(last.status === 'failed' ? { classification: last.classification, message: last.message } : {}),
    attempts: results,
    timings: { ...last.timings, total_ms: ms(t0) },
    hub: hubName,
    hub_url: hub.base.toString().replace(/\/$/, ''),
    hub_type: options.hubType,
    notebooks: notebooks.map((n) => n.name),
    scope: spawn ? 'full' : 'hub-api',
  };
  return result;
}
