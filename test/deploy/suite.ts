/** The jest set-up most deploy suites share (kept apart from setup.ts, which plain scripts import too). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { startFakeKube, type FakeKube, type FakeKubeOptions } from '../harness/kube-api/index.js';
import { infraFor } from './setup.js';

export interface FakeInfra {
  fake: FakeKube;
  /** The example infra repo copy, kubeconfig-demo pointed at `fake`. */
  root: string;
  /** TMPDIR and RUNNER_TEMP of the suite (private temp dirs land here, so leftovers can be checked). */
  tmp: string;
}

/**
 * The set-up most deploy suites share: a fake API server, an infra repo copy pointed at it, and a temp dir that
 * TMPDIR and RUNNER_TEMP point at for the suite; all stopped and removed after it. The object is filled in beforeAll.
 */
export function fakeInfraSuite(options: FakeKubeOptions = {}): FakeInfra {
  const ctx = {} as FakeInfra;
  const saved = { TMPDIR: process.env.TMPDIR, RUNNER_TEMP: process.env.RUNNER_TEMP };
  beforeAll(async () => {
    ctx.tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-tmp-'));
    process.env.TMPDIR = ctx.tmp;
    process.env.RUNNER_TEMP = ctx.tmp;
    ctx.fake = await startFakeKube(options);
    ctx.root = await infraFor(ctx.fake);
  });
  afterAll(async () => {
    await ctx.fake?.stop();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    if (ctx.root) rmSync(ctx.root, { recursive: true, force: true });
    if (ctx.tmp) rmSync(ctx.tmp, { recursive: true, force: true });
  });
  return ctx;
}
