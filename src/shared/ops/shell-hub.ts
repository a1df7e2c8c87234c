/** `exec shell hub CLUSTER HUB` (upstream A.14.4): a login shell in the hub container of the running hub pod. */
import type { V1Pod } from '@kubernetes/client-node';
import { DeployerError } from '../errors.js';
import { podsMatching } from '../kube/logs.js';
import { COMPONENTS } from './selectors.js';
import type { OpsPlan } from './plan.js';
import type { OpsTarget } from './target.js';

export function pickRunning(pods: V1Pod[]): V1Pod | undefined {
  return pods.find((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp) ?? pods.find((p) => !p.metadata?.deletionTimestamp) ?? pods[0];
}

export async function planShellHub(target: OpsTarget, hub: string): Promise<OpsPlan> {
  const { selector, container } = COMPONENTS.hub;
  const pods = await podsMatching(await target.kube(), hub, selector);
  const pod = pickRunning(pods);
  if (!pod) {
    throw new DeployerError(`no pod matches the selector \`${selector}\` in namespace ${hub}`, {
      hint: `is the hub deployed? kubectl --namespace=${hub} get pods`,
    });
  }
  const name = pod.metadata!.name!;
  return {
    tool: 'shell-hub',
    title: `A shell in the hub container of ${target.cluster.name}/${hub} (pod ${name})`,
    steps: [
      { describe: 'the hub pods (selection: the running one)', args: [`--namespace=${hub}`, 'get', 'pods', `--selector=${selector}`] },
      { describe: 'a login shell in the hub container', args: [`--namespace=${hub}`, 'exec', '-it', `pod/${name}`, '-c', container, '--', '/bin/bash', '-l'], interactive: true },
    ],
    notes: [`pod ${name} was the running hub pod when this was made; if it has been replaced since, use \`deployment/hub\` instead of \`pod/${name}\`.`],
  };
}
