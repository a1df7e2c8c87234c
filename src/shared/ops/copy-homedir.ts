/**
 * `exec shell copy-homedir-into-another CLUSTER HUB --source-homedir S --destination-homedir D` (upstream A.14.7,
 * which crashes; made to work): a transfer pod running as uid/gid 1000 with the hub's homes on /home, waits for it,
 * lists both directories, `cp --archive --no-clobber --recursive /home/S /home/D/S-homedir`, lists the result, and
 * deletes the transfer pod however the steps ended. Nothing goes through a shell: the names are arguments.
 */
import { homedirName, podName } from './names.js';
import { SHELL_IMAGE } from './homes.js';
import type { OpsPlan } from './plan.js';
import type { OpsTarget } from './target.js';

export function planCopyHomedir(target: Pick<OpsTarget, 'cluster'>, hub: string, source: string, destination: string): OpsPlan {
  const src = homedirName(source, '--source-homedir');
  const dst = homedirName(destination, '--destination-homedir');
  const name = podName(target.cluster.name, hub, 'transfer-shell');
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    spec: {
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
      volumes: [{ name: 'home', persistentVolumeClaim: { claimName: 'home-nfs' } }],
      containers: [{ name, image: SHELL_IMAGE, command: ['sleep', '3600'], volumeMounts: [{ name: 'home', mountPath: '/home' }] }],
    },
  };
  const ns = `--namespace=${hub}`;
  const exec = (...cmd: string[]) => [ns, 'exec', name, '--', ...cmd];
  return {
    tool: 'copy-homedir-into-another',
    title: `Copy /home/${src} into /home/${dst}/${src}-homedir on ${target.cluster.name}/${hub}`,
    steps: [
      { describe: `start the transfer pod ${name} (uid 1000, the hub's homes on /home)`, args: [ns, 'run', name, `--image=${SHELL_IMAGE}`, '--restart=Never', `--overrides=${JSON.stringify(manifest)}`] },
      { describe: 'wait until it is ready', args: [ns, 'wait', `pod/${name}`, '--for=condition=Ready', '--timeout=90s'] },
      { describe: 'the two home directories before', args: exec('ls', '-lath', `/home/${src}`, `/home/${dst}`) },
      { describe: 'copy (existing files are never overwritten)', args: exec('cp', '--archive', '--no-clobber', '--recursive', `/home/${src}`, `/home/${dst}/${src}-homedir`) },
      { describe: 'the copy', args: exec('ls', '-lath', `/home/${dst}/${src}-homedir`) },
      { describe: 'delete the transfer pod', args: [ns, 'delete', 'pod', name, '--ignore-not-found', '--wait=false'], always: true },
    ],
    manifest,
    notes: ['the transfer pod is deleted however the copy ends; if a run was killed, delete it by hand with the last command.'],
  };
}
