/**
 * Shared set-up of the ops tests: a copy of examples/infrastructure whose kubeconfig-demo cluster reaches a fake
 * Kubernetes API server whose token is a canary (it lives only in the sops-encrypted kubeconfig), with the objects the
 * tools look at (hub pods, the home-nfs claim on an NFS volume, the dind deployment), and the job environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeKube, type FakeKube } from '../harness/kube-api/index.js';
import { sopsEnv } from '../harness/sops.js';
import { infraFor, TOOLS } from '../deploy/setup.js';

export const KUBE_CANARY = 'CANARY-kube-token-0f3b9c2d7e';
/** The secret values of the aws-demo cloud key (test/harness/make-example-secrets.ts). */
export const AWS_KEY_CANARIES = ['AKIACANARYAWSDEMO0001', 'CANARY-aws-demo-secret-access-key'];

export interface OpsWorld {
  fake: FakeKube;
  root: string;
  tmp: string;
  /** Stop the server and remove the repository copy and the temp dir. */
  dispose(): Promise<void>;
}

export async function opsWorld(): Promise<OpsWorld> {
  const fake = await startFakeKube({ token: KUBE_CANARY, namespaces: ['default', 'kube-system', 'staging', 'prod'] });
  const root = await infraFor(fake);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ops-test-'));
  fake.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hub-7d9f-abcde', namespace: 'staging', labels: { component: 'hub' } }, spec: { containers: [{ name: 'hub', image: 'hub' }] } });
  fake.put({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'staging-home-nfs' }, spec: { capacity: { storage: '1Mi' }, accessModes: ['ReadWriteMany'], nfs: { server: '10.0.0.5', path: '/homes/staging' } } });
  fake.put({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'home-nfs', namespace: 'staging' }, spec: { accessModes: ['ReadWriteMany'], volumeName: 'staging-home-nfs', resources: { requests: { storage: '1Mi' } } } });
  fake.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'dind', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'dind' } }, template: { metadata: { labels: { app: 'dind' } }, spec: { containers: [{ name: 'dind', image: 'docker:dind' }] } } } });
  return {
    fake,
    root,
    tmp,
    async dispose() {
      await fake.stop();
      rmSync(root, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The job's environment: the test sops and age key, kubectl from .tools, temp dirs in `tmp`. */
export function jobEnv(tmp: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = sopsEnv({ RUNNER_TEMP: tmp, TMPDIR: tmp, ...extra });
  env.PATH = `${TOOLS}${path.delimiter}${env.PATH}`;
  delete env.KUBECONFIG;
  return env;
}

/** What the runner shows: stdout/stderr without the `::add-mask::` commands it consumes. */
export function visible(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}
