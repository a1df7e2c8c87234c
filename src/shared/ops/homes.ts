/**
 * `exec shell homes CLUSTER HUB` (upstream A.14.5) and `exec shell root-homes CLUSTER HUB` (2026): a throw-away
 * ubuntu pod in the hub's namespace with the home directories mounted: `homes` mounts the hub's `home-nfs` claim on
 * /home; `root-homes` mounts the root of the NFS share that holds every hub's homes (the parent of the home-nfs
 * volume's path) on /root-homes. The pod goes away when the shell exits (`kubectl run --rm`).
 */
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { kubeModule } from '../kube/client.js';
import { podName } from './names.js';
import type { OpsPlan } from './plan.js';
import type { OpsTarget } from './target.js';

export const SHELL_IMAGE = 'ubuntu:22.04';
const CLAIM = 'home-nfs';

function apiCode(e: unknown): number | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === 'number' ? c : undefined;
}

/** The `home-nfs` claim of the namespace and, when bound to an NFS volume, its server and path. */
async function homeVolume(target: OpsTarget, hub: string): Promise<{ volumeName?: string; nfs?: { server: string; path: string } }> {
  const k8s = await kubeModule();
  const core = (await target.kube()).makeApiClient(k8s.CoreV1Api);
  let pvc;
  try {
    pvc = await core.readNamespacedPersistentVolumeClaim({ name: CLAIM, namespace: hub });
  } catch (e) {
    if (apiCode(e) === 404) {
      throw new DeployerError(`namespace ${hub} has no PersistentVolumeClaim \`${CLAIM}\` (the home directories of basehub)`, {
        hint: `is the hub deployed with NFS home directories? kubectl --namespace=${hub} get pvc`,
      });
    }
    throw new DeployerError(`could not read PersistentVolumeClaim ${CLAIM} in namespace ${hub}: ${(e as Error).message.split('\n')[0]}`);
  }
  const volumeName = pvc.spec?.volumeName;
  if (!volumeName) return {};
  try {
    const pv = await core.readPersistentVolume({ name: volumeName });
    const nfs = pv.spec?.nfs;
    return { volumeName, nfs: nfs?.server && nfs.path ? { server: nfs.server, path: nfs.path } : undefined };
  } catch {
    return { volumeName };
  }
}

function shellPod(name: string, volume: Record<string, unknown>, mountPath: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    spec: {
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      volumes: [{ name: 'home', ...volume }],
      containers: [{ name, image: SHELL_IMAGE, stdin: true, stdinOnce: true, tty: true, volumeMounts: [{ name: 'home', mountPath }] }],
    },
  };
}

function runSteps(hub: string, name: string, manifest: unknown, title: string): OpsPlan['steps'] {
  return [
    {
      describe: title,
      args: [`--namespace=${hub}`, 'run', '--rm', '-it', `--overrides=${JSON.stringify(manifest)}`, `--image=${SHELL_IMAGE}`, name, '--', '/bin/bash', '-l'],
      interactive: true,
    },
  ];
}

export async function planHomes(target: OpsTarget, hub: string): Promise<OpsPlan> {
  await homeVolume(target, hub);
  const name = podName(target.cluster.name, hub, 'shell');
  const manifest = shellPod(name, { persistentVolumeClaim: { claimName: CLAIM } }, '/home');
  return {
    tool: 'shell-homes',
    title: `A shell with the home directories of ${target.cluster.name}/${hub} on /home`,
    steps: runSteps(hub, name, manifest, `a throw-away pod ${name} with claim ${CLAIM} on /home (removed when the shell exits)`),
    manifest,
    notes: ['files you create are owned by root; user servers run as uid 1000 (`chown 1000:1000` what you add).'],
  };
}

export async function planRootHomes(target: OpsTarget, hub: string): Promise<OpsPlan> {
  const vol = await homeVolume(target, hub);
  if (!vol.nfs) {
    throw new DeployerError(`the \`${CLAIM}\` claim of namespace ${hub} is not bound to an NFS volume${vol.volumeName ? ` (volume ${vol.volumeName})` : ''}, so there is no share root to mount`, {
      hint: 'root-homes needs NFS home directories (basehub nfs.pv); use `exec shell homes` for this hub',
    });
  }
  const root = path.posix.dirname(vol.nfs.path.replace(/\/+$/, '') || '/');
  const name = podName(target.cluster.name, hub, 'root-shell');
  const manifest = shellPod(name, { nfs: { server: vol.nfs.server, path: root } }, '/root-homes');
  return {
    tool: 'shell-root-homes',
    title: `A shell with the whole NFS share of ${target.cluster.name} (${vol.nfs.server}:${root}) on /root-homes`,
    steps: runSteps(hub, name, manifest, `a throw-away pod ${name} with ${vol.nfs.server}:${root} on /root-homes (removed when the shell exits)`),
    manifest,
    notes: [`every hub's home directories are under /root-homes; ${hub}'s are in /root-homes/${path.posix.basename(vol.nfs.path.replace(/\/+$/, ''))}. Be careful: nothing stops you from changing another hub's files.`],
  };
}
