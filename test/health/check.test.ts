// The health check end to end against a real JupyterHub 3.0 (Debian's), started on 127.0.0.1 by the harness:
// it passes on a healthy hub, and fails with the right classification (and nothing left behind) when it should.
import { runHealthCheck } from '../../src/shared/health/check.js';
import { notebooksFor } from '../../src/shared/health/notebooks.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { freePort, jupyterhubMissing, startJupyterHub, type LocalHub } from '../harness/jupyterhub.js';
import { expectNothingLeft, FAST, notebook } from './helpers.js';

const missing = jupyterhubMissing();
if (missing) throw new Error(`the health-check tests need a real JupyterHub: ${missing}`);

let hub: LocalHub;
beforeAll(async () => {
  hub = await startJupyterHub();
});
afterAll(async () => {
  await hub?.stop();
});
afterEach(async () => {
  // Whatever a test did, the next one starts from a hub with nothing on it.
  await expectNothingLeft(hub);
});

describe('a healthy hub', () => {
  it('passes: server spawned, simple notebook run, user removed, every step timed', async () => {
    const reporter = new MemoryReporter();
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', reporter, ...FAST });
    expect(r.status).toBe('passed');
    expect(r.classification).toBeUndefined();
    expect(r.attempts).toHaveLength(1);
    expect(r.notebooks).toEqual(['simple.ipynb']);
    expect(r.hub_url).toBe(hub.url);
    const t = r.attempts[0].timings;
    for (const k of ['hub_response_ms', 'spawn_ms', 'kernel_start_ms', 'cleanup_ms', 'total_ms'] as const) expect(t[k]).toBeGreaterThanOrEqual(0);
    expect(Object.keys(t.notebooks ?? {})).toEqual(['simple.ipynb']);
    expect(r.timings.total_ms).toBeGreaterThanOrEqual(t.total_ms!);
    expect(reporter.text()).toContain('simple.ipynb: 8 cells ran without error');
    expect(reporter.text()).not.toContain(hub.token);
    await expectNothingLeft(hub);
  });

  it('removes a stale health-check user (with a running server) before it starts', async () => {
    expect((await hub.api('POST', '/users/deployment-service-check')).status).toBe(201);
    expect([201, 202]).toContain((await hub.api('POST', '/users/deployment-service-check/server')).status);
    // wait until it runs (a single-user server interrupted while starting takes the hub 10 s to stop)
    for (let i = 0; i < 100 && (await hub.api<{ server: string | null }>('GET', '/users/deployment-service-check')).body.server === null; i++) await new Promise((r) => setTimeout(r, 100));
    const reporter = new MemoryReporter();
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', reporter, ...FAST });
    expect(r.status).toBe('passed');
    expect(reporter.text()).toContain('removing the stale health-check user deployment-service-check');
  });

  it('falls back to a user token when the service may not access servers', async () => {
    const limited = await startJupyterHub({ scopes: ['admin:users', 'servers', 'tokens'] });
    try {
      const r = await runHealthCheck({ hubUrl: limited.url, token: limited.token, hubType: 'basehub', notebooks: [notebook('one.ipynb', ['1 + 1'])], ...FAST });
      expect(r).toMatchObject({ status: 'passed' });
      await expectNothingLeft(limited);
    } finally {
      await limited.stop();
    }
  });
});

describe('notebook failures', () => {
  it('notebook-error names the notebook, the cell and the exception', async () => {
    const bad = notebook('broken.ipynb', ['x = 1', 'print(x)', 'x / 0', 'print("never")']);
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', extraNotebooks: [bad], ...FAST });
    expect(r.status).toBe('failed');
    expect(r.classification).toBe('notebook-error');
    // cell 4 of the file: a markdown cell comes first
    expect(r.message).toBe('cell 4 of broken.ipynb (`x / 0`) raised ZeroDivisionError: division by zero');
    expect(r.attempts[0].cell).toMatchObject({ notebook: 'broken.ipynb', cell: 4, code_cell: 3, ename: 'ZeroDivisionError', evalue: 'division by zero' });
    expect(r.attempts[0].cell!.traceback!.join('\n')).toContain('ZeroDivisionError');
    // the simple notebook ran first and passed
    expect(Object.keys(r.attempts[0].timings.notebooks ?? {})).toEqual(['simple.ipynb']);
    expect(r.attempts[0].timings.cleanup_ms).toBeGreaterThanOrEqual(0);
  });

  it('a daskhub runs the dask notebook after the simple one; an absent module is a notebook-error', async () => {
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'daskhub', ...FAST });
    expect(r.notebooks).toEqual(['simple.ipynb', 'dask_test_notebook.ipynb']);
    expect(r.classification).toBe('notebook-error');
    expect(r.message).toContain('cell 2 of dask_test_notebook.ipynb (`import dask.array as da`) raised ModuleNotFoundError');
    expect(r.message).toContain("No module named 'dask'");
  });

  it('check-dask-scaling adds the scaling notebook (dask_gateway is absent here: notebook-error at its import)', async () => {
    expect(notebooksFor('basehub', true).map((n) => n.name)).toEqual(['simple.ipynb']);
    expect(notebooksFor('daskhub', false).map((n) => n.name)).toEqual(['simple.ipynb', 'dask_test_notebook.ipynb']);
    expect(notebooksFor('daskhub', true).map((n) => n.name)).toEqual(['simple.ipynb', 'dask_test_notebook.ipynb', 'scale_dask_workers.ipynb']);
    const scaling = notebooksFor('daskhub', true)[2];
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'daskhub', notebooks: [scaling], ...FAST });
    expect(r.classification).toBe('notebook-error');
    expect(r.message).toBe("cell 3 of scale_dask_workers.ipynb (`import dask_gateway`) raised ModuleNotFoundError: No module named 'dask_gateway'");
  });

  it('a binderhub checks the hub API, the token and user management, and says so', async () => {
    const reporter = new MemoryReporter();
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'binderhub', reporter, ...FAST });
    expect(r).toMatchObject({ status: 'passed', scope: 'hub-api', notebooks: [] });
    expect(r.attempts[0].timings.spawn_ms).toBeUndefined();
    expect(r.attempts[0].timings.cleanup_ms).toBeGreaterThanOrEqual(0);
    expect(reporter.text()).toContain('user deployment-service-check created');
  });

  it('notebook-timeout when a cell sleeps past the per-cell timeout', async () => {
    // The budget (8 s) is far above what the quick cells take on a loaded machine and far below the sleep (600 s),
    // so only the sleeping cell can run out of it, however busy the machine is.
    const slow = notebook('slow.ipynb', ['import time', 'time.sleep(600)', 'print("never")']);
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', notebooks: [slow], cellTimeoutMs: 8000, ...FAST });
    expect(r.classification).toBe('notebook-timeout');
    expect(r.message).toBe('cell 3 of slow.ipynb (`time.sleep(600)`) was still running after the per-cell timeout of 8 s');
    expect(r.attempts[0].cell).toMatchObject({ cell: 3, code_cell: 2 });
  });

  it('notebook-timeout when the whole notebook runs past its timeout, each cell within its own', async () => {
    // 20 cells of 0.5 s need at least 10 s of sleeping, whatever the load: the 4 s whole-run budget always runs out,
    // and no single cell comes near its own 60 s budget.
    const slow = notebook('steady.ipynb', ['import time', ...Array.from({ length: 20 }, () => 'time.sleep(0.5)')]);
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', notebooks: [slow], cellTimeoutMs: 60_000, notebookTimeoutMs: 4000, ...FAST });
    expect(r.classification).toBe('notebook-timeout');
    expect(r.message).toMatch(/^cell \d+ of steady\.ipynb \(`[^`]+`\) (was still running after steady\.ipynb's whole-run timeout of 4 s|did not start)|steady\.ipynb did not finish within its whole-run timeout of 4 s/);
  });

  it('the attempt timeout stops a run stuck in a cell, and cleanup still happens', async () => {
    // The attempt budget covers spawning too, so it must outlast a spawn on a busy machine (~1 s idle, seen at 10+ s
    // under load) and still expire long before the cell's 600 s sleep: 30 s does both.
    const stuck = notebook('stuck.ipynb', ['import time; time.sleep(600)']);
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', notebooks: [stuck], ...FAST, attemptTimeoutMs: 30_000 });
    expect(r.classification).toBe('notebook-timeout');
    expect(r.message).toBe('the attempt timeout of 30 s expired while running the notebooks');
    expect(r.attempts[0].timings.cleanup_ms).toBeGreaterThanOrEqual(0);
   }, 180_000);

  it('retries the configured number of attempts, each classified, with cleanup after each', async () => {
    const bad = notebook('bad.ipynb', ['raise RuntimeError("boom")']);
    const reporter = new MemoryReporter();
    const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', notebooks: [bad], ...FAST, attempts: 3, reporter });
    expect(r.status).toBe('failed');
    expect(r.attempts.map((a) => [a.attempt, a.status, a.classification])).toEqual([
      [1, 'failed', 'notebook-error'],
      [2, 'failed', 'notebook-error'],
      [3, 'failed', 'notebook-error'],
    ]);
    for (const a of r.attempts) expect(a.timings.cleanup_ms).toBeGreaterThanOrEqual(0);
    expect(reporter.text().match(/cleanup: server stopped and user deployment-service-check deleted/g)).toHaveLength(3);
    expect(r.message).toBe('cell 2 of bad.ipynb (`raise RuntimeError("boom")`) raised RuntimeError: boom');
  });

  it('cancelling stops the check and still cleans up, without another attempt', async () => {
    const stuck = notebook('stuck.ipynb', ['import time; time.sleep(120)']);
    const ac = new AbortController();
    const reporter = new MemoryReporter();
    const timer = setInterval(() => {
      if (reporter.text().includes('kernel python3 ready')) ac.abort();
    }, 20);
    try {
      const r = await runHealthCheck({ hubUrl: hub.url, token: hub.token, hubType: 'basehub', notebooks: [stuck], ...FAST, attempts: 3, signal: ac.signal, reporter });
      expect(r.attempts).toHaveLength(1);
      expect(r.message).toBe('the health check was cancelled while running the notebooks');
    } finally {
      clearInterval(timer);
    }
  });
});

describe('hub and token failures', () => {
  it('hub-unreachable for a closed port (nothing created, nothing to clean)', async () => {
    const port = await freePort();
    const r = await runHealthCheck({ hubUrl: `http://127.0.0.1:${port}`, token: 'whatever-token', hubType: 'basehub', ...FAST });
    expect(r.classification).toBe('hub-unreachable');
    expect(r.message).toContain('ECONNREFUSED');
    expect(r.attempts[0].timings.cleanup_ms).toBeUndefined();
  });

  it('hub-unreachable when the URL answers but is not a JupyterHub', async () => {
    const http = await import('node:http');
    const srv = http.createServer((_q, s) => s.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
    try {
      const port = (srv.address() as { port: number }).port;
      const r = await runHealthCheck({ hubUrl: `http://127.0.0.1:${port}`, token: 'whatever-token', hubType: 'basehub', ...FAST });
      expect(r.classification).toBe('hub-unreachable');
      expect(r.message).toContain('HTTP 404: Not Found');
    } finally {
      srv.close();
    }
  });

  it('auth-failed for a wrong token, retried as configured', async () => {
    const r = await runHealthCheck({ hubUrl: hub.url, token: 'not-the-right-token', hubType: 'basehub', ...FAST, attempts: 2 });
    expect(r.attempts.map((a) => a.classification)).toEqual(['auth-failed', 'auth-failed']);
    expect(r.message).toContain('refused the API token (HTTP 403');
    expect(JSON.stringify(r)).not.toContain('not-the-right-token');
  });

  it('auth-failed naming the missing scope when the token may not manage users', async () => {
    const weak = await startJupyterHub({ scopes: ['read:users'] });
    try {
      const r = await runHealthCheck({ hubUrl: weak.url, token: weak.token, hubType: 'basehub', ...FAST });
      expect(r.classification).toBe('auth-failed');
      expect(r.message).toContain('lacks the scope(s) admin:users, servers');
    } finally {
      await weak.stop();
    }
  });
});

describe('spawn failures', () => {
  it('spawn-failed when the single-user server cannot start, with the progress messages seen', async () => {
    const broken = await startJupyterHub({ spawnerCmd: ['/bin/false'], httpTimeout: 2 });
    try {
      const r = await runHealthCheck({ hubUrl: broken.url, token: broken.token, hubType: 'basehub', ...FAST });
      expect(r.classification).toBe('spawn-failed');
      expect(r.message).toMatch(/Spawn failed|could not start the server/);
      expect(r.attempts[0].progress.length).toBeGreaterThan(0);
      expect(r.attempts[0].progress.join('\n')).toContain('Server requested');
      await expectNothingLeft(broken);
    } finally {
      await broken.stop();
    }
  });

  it('spawn-timeout when the server is not ready in time; cleanup waits for the pending spawn and removes the user', async () => {
    // JupyterHub 3.0 cannot cancel a pending spawn (DELETE answers 400 "pending spawn, please wait"): cleanup waits
    // until the hub gives up on it (http_timeout 4 s here), then deletes the user.
    const slow = await startJupyterHub({ spawnerCmd: ['/bin/sleep', '600'], spawnerArgs: [], httpTimeout: 4 });
    try {
      const r = await runHealthCheck({ hubUrl: slow.url, token: slow.token, hubType: 'basehub', ...FAST, spawnTimeoutMs: 1500 });
      expect(r.classification).toBe('spawn-timeout');
      expect(r.message).toBe('the server was not ready within 1.5 s; last progress: Spawning server...');
      expect(r.attempts[0].progress).toEqual(['Server requested', 'Spawning server...']);
      expect(r.attempts[0].cleanup_error).toBeUndefined();
      await expectNothingLeft(slow);
    } finally {
      await slow.stop();
    }
  });
});

describe('cleanup failures', () => {
  // An authenticator that cannot delete users: the hub answers 500 to every DELETE /users/<name>.
  const undeletable = [
    'from jupyterhub.auth import DummyAuthenticator',
    'class Undeletable(DummyAuthenticator):',
    '    def delete_user(self, user):',
    '        raise RuntimeError("this hub cannot delete users")',
    'c.JupyterHub.authenticator_class = Undeletable',
  ].join('\n');

  it('cleanup-failed when the check passed but the user could not be deleted; the user is reported left behind', async () => {
    const stuck = await startJupyterHub({ extraConfig: undeletable });
    try {
      const r = await runHealthCheck({ hubUrl: stuck.url, token: stuck.token, hubType: 'basehub', notebooks: [notebook('one.ipynb', ['1 + 1'])], ...FAST, cleanupTimeoutMs: 8000 });
      expect(r.status).toBe('failed');
      expect(r.classification).toBe('cleanup-failed');
      expect(r.message).toBe(
        'the health-check user deployment-service-check could not be removed: the user deployment-service-check was still there after 8 s of cleanup (deleting the user answered HTTP 500: Internal Server Error)',
      );
      expect(r.attempts[0].timings.notebooks).toHaveProperty(['one.ipynb']);
      expect(await stuck.userNames()).toEqual(['deployment-service-check']);
      expect(await stuck.activeServers()).toEqual([]); // the server itself was stopped
    } finally {
      await stuck.stop();
    }
  });

  it('a stale user that cannot be removed fails the attempt as cleanup-failed before anything else', async () => {
    const stuck = await startJupyterHub({ extraConfig: undeletable });
    try {
      expect((await stuck.api('POST', '/users/deployment-service-check')).status).toBe(201);
      const r = await runHealthCheck({ hubUrl: stuck.url, token: stuck.token, hubType: 'basehub', ...FAST, cleanupTimeoutMs: 1000 });
      expect(r.classification).toBe('cleanup-failed');
      expect(r.message).toMatch(/^the stale health-check user deployment-service-check could not be removed: the user deployment-service-check was still there after 1 s of cleanup \(deleting the user answered HTTP 500/);
      expect(r.attempts[0].timings.spawn_ms).toBeUndefined();
    } finally {
      await stuck.stop();
    }
  });
});
