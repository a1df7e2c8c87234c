/**
 * `component-logs CLUSTER HUB COMPONENT` and `user-logs CLUSTER HUB USERNAME` (upstream A.14.1/A.14.2): the logs of
 * every pod of a hub component, or of a user's server, through the Kubernetes API (src/shared/kube/logs.ts), each
 * line prefixed by its pod's name.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Reporter } from '../log.js';
import { streamPodLogs, type LogLineSink, type PodLogResult } from '../kube/logs.js';
import { componentSelector, userSelector, type ComponentSelector } from './selectors.js';

export interface LogOptions {
  follow?: boolean;
  previous?: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  signal?: AbortSignal;
}

export interface HubLogs extends PodLogResult {
  namespace: string;
  selector: string;
  container?: string;
}

async function hubLogs(kc: KubeConfig, hub: string, sel: ComponentSelector, opts: LogOptions, sink: LogLineSink, reporter?: Reporter): Promise<HubLogs> {
  const r = await streamPodLogs(kc, { namespace: hub, selector: sel.selector, container: sel.container, ...opts }, sink, reporter);
  return { ...r, namespace: hub, selector: sel.selector, container: sel.container };
}

export async function componentLogs(kc: KubeConfig, hub: string, component: string, opts: LogOptions, sink: LogLineSink, reporter?: Reporter): Promise<HubLogs> {
  return hubLogs(kc, hub, componentSelector(component), opts, sink, reporter);
}

export async function userLogs(kc: KubeConfig, hub: string, username: string, opts: LogOptions, sink: LogLineSink, reporter?: Reporter): Promise<HubLogs> {
  return hubLogs(kc, hub, userSelector(username), opts, sink, reporter);
}

/** `pod | line` with the pod names padded to one width (stable, readable columns). */
export function prefixer(): (pod: string, line: string) => string {
  let width = 0;
  return (pod, line) => {
    width = Math.max(width, pod.length);
    return `${pod.padEnd(width)} | ${line}`;
  };
}
