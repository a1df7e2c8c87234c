/**
 * Long waits show progress (issue 10 §16): while helm waits for the release and while the rollout check waits for
 * each Deployment, a "still waiting, N s elapsed (timeout T s)" line comes at every heartbeat, inside the hub's group
 * (a collapsible group in Actions). Real helm 3 and kubectl against the fake API server, whose workloads are kept
 * unready until the test has seen the heartbeat (an event, not a clock, ends the wait).
 */
import path from 'node:path';
import { beforeAll, expect, test } from '@jest/globals';
import type { FakeKube } from '../harness/kube-api/index.js';
import { MemoryReporter } from '../../src/shared/log.js';
import { repoPaths } from '../../src/shared/repo/index.js';
import { deployHubs } from '../../src/shared/deploy/index.js';
import { HELM3, HELM_TEST_ARGS, infraFor, KUBECTL_TEST_ARGS, toolEnv } from './setup.js';
import { fakeInfraSuite } from './suite.js';

/** Records which group each line was logged in, and lets the test react to a line. */
class GroupRecorder extends MemoryReporter {
  readonly entries: Array<{ line: string; group: string | undefined }> = [];
  private current: string | undefined;
  onLine: (line: string) => void = () => undefined;
  override info(m: string) {
    super.info(m);
    this.entries.push({ line: m, group: this.current });
    this.onLine(m);
  }
  override async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.current;
    this.current = name;
    try {
      return await super.group(name, fn);
    } finally {
      this.current = outer;
    }
  }
}

let fake: FakeKube;
let root: string;
let tmp: string;

const suite = fakeInfraSuite({ autoReady: false });
beforeAll(() => void ({ fake, root, tmp } = suite));

const run = (reporter: GroupRecorder, helmExtraArgs: string[]) =>
  deployHubs({
    paths: repoPaths({ configRoot: root }),
    cluster: 'kubeconfig-demo',
    hubs: ['staging'],
    reporter,
    env: toolEnv(HELM3, { TMPDIR: tmp, RUNNER_TEMP: tmp }),
    timeoutS: 120,
    heartbeatMs: 250,
    helmExtraArgs,
    kubectlExtraArgs: KUBECTL_TEST_ARGS,
  });

test('while helm waits: heartbeats with the elapsed time, inside the hub group', async () => {
  fake.setAutoReady(false);
  const reporter = new GroupRecorder();
  reporter.onLine = (line) => {
    if (/^helm upgrade of staging: still waiting, \d+ s elapsed \(timeout 120 s\)$/.test(line)) fake.setAutoReady(true);
  };
  const result = await run(reporter, HELM_TEST_ARGS);
  if (result.results[0].status !== 'deployed') throw new Error(reporter.text());
  expect(result.results[0]).toMatchObject({ hub: 'staging', status: 'deployed' });
  const beats = reporter.entries.filter((e) => e.line.startsWith('helm upgrade of staging: still waiting'));
  expect(beats.length).toBeGreaterThan(0);
  expect(beats.every((b) => b.group === '1/1 hub staging')).toBe(true);
  // The hub's other lines are in the same group; the heartbeat stops when helm is done.
  const running = reporter.entries.findIndex((e) => e.line.startsWith('Running helm upgrade'));
  const done = reporter.entries.findIndex((e) => e.line.startsWith('hub staging deployed'));
  expect(reporter.entries[running].group).toBe('1/1 hub staging');
  expect(reporter.entries.slice(done).some((e) => e.line.includes('still waiting'))).toBe(false);
});

test('while the rollout check waits: heartbeats naming the Deployment waited on', async () => {
  fake.setAutoReady(false);
  const reporter = new GroupRecorder();
  reporter.onLine = (line) => {
    if (/^rollout of deployment\.apps\/\S+ \(\d+\/\d+\): still waiting, \d+ s elapsed \(timeout 120 s\)$/.test(line)) fake.setAutoReady(true);
  };
  // helm does not wait here, so the rollout check is what waits.
  const result = await run(reporter, [...HELM_TEST_ARGS, '--wait=false']);
  if (result.results[0].status !== 'deployed') throw new Error(reporter.text());
  expect(result.results[0]).toMatchObject({ hub: 'staging', status: 'deployed' });
  expect(reporter.entries.some((e) => /^rollout of deployment\.apps\/\S+ \(1\/\d+\): still waiting/.test(e.line) && e.group === '1/1 hub staging')).toBe(true);
  expect(reporter.text()).toContain('rollout complete:');
});
