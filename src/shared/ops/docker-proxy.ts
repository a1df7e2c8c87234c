/**
 * `exec debug start-docker-proxy [CLUSTER=2i2c]` (upstream A.14.3): forward the remote docker daemon
 * (deployment `dind` in namespace `default`) to localhost:23760.
 */
import { DeployerError } from '../errors.js';
import { kubeModule } from '../kube/client.js';
import type { OpsPlan } from './plan.js';
import type { OpsTarget } from './target.js';

export const DOCKER_PROXY_PORT = 23760;

export async function planDockerProxy(target: OpsTarget): Promise<OpsPlan> {
  const k8s = await kubeModule();
  const apps = (await target.kube()).makeApiClient(k8s.AppsV1Api);
  try {
    await apps.readNamespacedDeployment({ name: 'dind', namespace: 'default' });
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    throw new DeployerError(
      code === 404 ? `cluster ${target.cluster.name} has no docker daemon (no deployment \`dind\` in namespace default)` : `could not read deployment dind in namespace default: ${(e as Error).message.split('\n')[0]}`,
      { hint: 'the docker proxy needs the dind deployment of the 2i2c cluster; pass the cluster that runs it' },
    );
  }
  return {
    tool: 'docker-proxy',
    title: `The docker daemon of ${target.cluster.name} on localhost:${DOCKER_PROXY_PORT}`,
    steps: [{ describe: `forward localhost:${DOCKER_PROXY_PORT} to the dind deployment (Ctrl-C stops it)`, args: ['--namespace=default', 'port-forward', 'deployment/dind', `${DOCKER_PROXY_PORT}:2376`], interactive: true }],
    notes: [`in another terminal: \`export DOCKER_HOST=tcp://localhost:${DOCKER_PROXY_PORT}\`, then docker commands use the remote daemon.`],
  };
}
