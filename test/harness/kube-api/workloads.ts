/**
 * What the fake does in place of the apiserver's defaulting and the controllers: default fields helm's readiness
 * checks dereference (spec.replicas, update strategies), assign Service cluster IPs, and give workloads the status a
 * controller would (ready or not, per `autoReady`).
 */
import { createHash } from 'node:crypto';

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** A pod-template-hash style string (10 chars of the alphabet Kubernetes uses). */
export function templateHash(template: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(template ?? {})).digest();
  let s = '';
  for (let i = 0; i < 10; i++) s += SAFE[digest[i] % SAFE.length];
  return s;
}

let ipCounter = 10;
function nextClusterIP(): string {
  ipCounter++;
  return `10.96.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Defaulting, as the apiserver would do it; `existing` is the stored object on update. */
export function applyDefaults(obj: any, existing: any | undefined): void {
  const kind = obj.kind;
  const spec = obj.spec;
  switch (kind) {
    case 'Deployment':
      obj.spec ??= {};
      obj.spec.replicas ??= 1;
      obj.spec.revisionHistoryLimit ??= 10;
      obj.spec.progressDeadlineSeconds ??= 600;
      obj.spec.strategy ??= {};
      obj.spec.strategy.type ??= 'RollingUpdate';
      if (obj.spec.strategy.type === 'RollingUpdate') {
        obj.spec.strategy.rollingUpdate ??= {};
        obj.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
        obj.spec.strategy.rollingUpdate.maxSurge ??= '25%';
      }
      break;
    case 'StatefulSet':
      obj.spec ??= {};
      obj.spec.replicas ??= 1;
      obj.spec.podManagementPolicy ??= 'OrderedReady';
      obj.spec.revisionHistoryLimit ??= 10;
      obj.spec.updateStrategy ??= {};
      obj.spec.updateStrategy.type ??= 'RollingUpdate';
      if (obj.spec.updateStrategy.type === 'RollingUpdate') {
        obj.spec.updateStrategy.rollingUpdate ??= {};
        obj.spec.updateStrategy.rollingUpdate.partition ??= 0;
      }
      break;
    case 'DaemonSet':
      obj.spec ??= {};
      obj.spec.revisionHistoryLimit ??= 10;
      obj.spec.updateStrategy ??= {};
      obj.spec.updateStrategy.type ??= 'RollingUpdate';
      if (obj.spec.updateStrategy.type === 'RollingUpdate') {
        obj.spec.updateStrategy.rollingUpdate ??= {};
        obj.spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
        obj.spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
      }
      break;
    case 'ReplicaSet':
      obj.spec ??= {};
      obj.spec.replicas ??= 1;
      break;
    case 'Job':
      obj.spec ??= {};
      obj.spec.backoffLimit ??= 6;
      obj.spec.completions ??= 1;
      obj.spec.parallelism ??= 1;
      break;
    case 'Service': {
      obj.spec ??= {};
      obj.spec.type ??= 'ClusterIP';
      obj.spec.sessionAffinity ??= 'None';
      if (obj.spec.type !== 'ExternalName') {
        const keep = existing?.spec?.clusterIP;
        if (!obj.spec.clusterIP) obj.spec.clusterIP = keep && keep !== 'None' ? keep : nextClusterIP();
        if (obj.spec.clusterIP !== 'None') obj.spec.clusterIPs ??= [obj.spec.clusterIP];
        else obj.spec.clusterIPs ??= ['None'];
      }
      for (const p of obj.spec.ports ?? []) {
        p.protocol ??= 'TCP';
        if (p.targetPort === undefined) p.targetPort = p.port;
      }
      break;
    }
    case 'Namespace':
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      break;
    case 'Secret':
      obj.type ??= 'Opaque';
      if (obj.stringData && typeof obj.stringData === 'object') {
        obj.data ??= {};
        for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        delete obj.stringData;
      }
      break;
    case 'CustomResourceDefinition':
      obj.status = {
        conditions: [
          { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now() },
          { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now() },
        ],
        acceptedNames: spec?.names ?? {},
        storedVersions: (spec?.versions ?? []).filter((v: any) => v.storage).map((v: any) => v.name),
      };
      break;
    default:
      break;
  }
}

function cond(type: string, status: boolean, reason: string, message: string) {
  const t = now();
  return { type, status: status ? 'True' : 'False', lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/**
 * The status a controller would report. `ready` false: the workload exists but its pods never become ready.
 * Returns undefined for kinds whose status the fake leaves alone.
 */
export function workloadStatus(obj: any, ready: boolean, extra: { replicaSetName?: string } = {}): any | undefined {
  const gen = obj.metadata?.generation ?? 1;
  const name = obj.metadata?.name;
  switch (obj.kind) {
    case 'Deployment': {
      const n = obj.spec?.replicas ?? 1;
      const rs = extra.replicaSetName ?? `${name}-${templateHash(obj.spec?.template)}`;
      return ready
        ? {
            observedGeneration: gen,
            replicas: n,
            updatedReplicas: n,
            readyReplicas: n,
            availableReplicas: n,
            conditions: [
              cond('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
              cond('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${rs}" has successfully progressed.`),
            ],
          }
        : {
            observedGeneration: gen,
            replicas: n,
            updatedReplicas: n,
            readyReplicas: 0,
            availableReplicas: 0,
            unavailableReplicas: n,
            conditions: [
              cond('Available', false, 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
              cond('Progressing', true, 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`),
            ],
          };
    }
    case 'ReplicaSet': {
      const n = obj.spec?.replicas ?? 1;
      return {
        observedGeneration: gen,
        replicas: n,
        fullyLabeledReplicas: n,
        readyReplicas: ready ? n : 0,
        availableReplicas: ready ? n : 0,
      };
    }
    case 'StatefulSet': {
      const n = obj.spec?.replicas ?? 1;
      const rev = `${name}-${templateHash(obj.spec?.template)}`;
      return {
        observedGeneration: gen,
        replicas: n,
        readyReplicas: ready ? n : 0,
        currentReplicas: n,
        updatedReplicas: n,
        availableReplicas: ready ? n : 0,
        currentRevision: rev,
        updateRevision: rev,
        collisionCount: 0,
      };
    }
    case 'DaemonSet':
      // one node in the fake cluster
      return ready
        ? { observedGeneration: gen, currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1 }
        : { observedGeneration: gen, currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 1, updatedNumberScheduled: 0 };
    case 'Job': {
      const start = obj.status?.startTime ?? now();
      if (!ready) return { startTime: start, active: 1 };
      const t = now();
      return {
        startTime: start,
        completionTime: t,
        succeeded: obj.spec?.completions ?? 1,
        conditions: [
          { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
          { type: 'Complete', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
        ],
      };
    }
    case 'Pod': {
      const t = now();
      const containers = (obj.spec?.containers ?? []).map((c: any) => ({
        name: c.name,
        image: c.image,
        ready,
        started: ready,
        restartCount: 0,
        state: ready ? { running: { startedAt: t } } : { waiting: { reason: 'ContainerCreating' } },
      }));
      return {
        phase: ready ? 'Running' : 'Pending',
        podIP: '10.244.0.10',
        hostIP: '127.0.0.1',
        startTime: t,
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
          { type: 'Initialized', status: 'True', lastTransitionTime: t },
          { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: t },
          { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: t },
        ],
        containerStatuses: containers,
      };
    }
    case 'PersistentVolumeClaim':
      return ready
        ? { phase: 'Bound', accessModes: obj.spec?.accessModes ?? ['ReadWriteOnce'], capacity: obj.spec?.resources?.requests ?? {} }
        : { phase: 'Pending' };
    case 'Service':
      if (obj.spec?.type === 'LoadBalancer') return { loadBalancer: ready ? { ingress: [{ ip: '127.0.0.1' }] } : {} };
      return { loadBalancer: {} };
    case 'PodDisruptionBudget':
      return {
        observedGeneration: gen,
        currentHealthy: 1,
        desiredHealthy: 0,
        disruptionsAllowed: 1,
        expectedPods: 1,
        conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: gen, lastTransitionTime: now() }],
      };
    default:
      return undefined;
  }
}

/** Kinds whose status follows `autoReady`. */
export const STATUS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'PersistentVolumeClaim', 'Service', 'PodDisruptionBudget']);
