/**
 * The resource types the fake API server knows: what discovery advertises and what the routes accept.
 * CustomResourceDefinitions created through the API add their own entries at run time (see `ResourceRegistry.addCrd`).
 */

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  /** Subresources advertised in discovery (e.g. 'status', 'scale'). */
  subresources?: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return { group, version, plural, kind, namespaced, singular: kind.toLowerCase(), verbs: RW, ...extra };
}

export const BUILTIN_RESOURCES: ResourceType[] = [
  // core/v1
  r('', 'v1', 'namespaces', 'Namespace', false, { shortNames: ['ns'], subresources: ['status', 'finalize'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  r('', 'v1', 'secrets', 'Secret', true),
  r('', 'v1', 'services', 'Service', true, { shortNames: ['svc'], categories: ['all'], subresources: ['status'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  r('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'], categories: ['all'], subresources: ['status', 'log'] }),
  r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'], subresources: ['status'] }),
  r('', 'v1', 'persistentvolumes', 'PersistentVolume', false, { shortNames: ['pv'], subresources: ['status'] }),
  r('', 'v1', 'endpoints', 'Endpoints', true, { shortNames: ['ep'] }),
  r('', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
  r('', 'v1', 'nodes', 'Node', false, { shortNames: ['no'], subresources: ['status'] }),
  r('', 'v1', 'replicationcontrollers', 'ReplicationController', true, { shortNames: ['rc'], categories: ['all'], subresources: ['status', 'scale'] }),
  r('', 'v1', 'limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  r('', 'v1', 'resourcequotas', 'ResourceQuota', true, { shortNames: ['quota'], subresources: ['status'] }),
  // apps/v1
  r('apps', 'v1', 'deployments', 'Deployment', true, { shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], categories: ['all'], subresources: ['status'] }),
  r('apps', 'v1', 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], categories: ['all'], subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'] }),
  r('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true),
  // batch/v1
  r('batch', 'v1', 'jobs', 'Job', true, { categories: ['all'], subresources: ['status'] }),
  r('batch', 'v1', 'cronjobs', 'CronJob', true, { shortNames: ['cj'], categories: ['all'], subresources: ['status'] }),
  // networking.k8s.io/v1
  r('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, { shortNames: ['ing'], subresources: ['status'] }),
  r('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, { shortNames: ['netpol'] }),
  r('networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false),
  // rbac.authorization.k8s.io/v1
  r('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  r('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  r('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  r('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  // policy/v1
  r('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, { shortNames: ['pdb'], subresources: ['status'] }),
  // apiextensions.k8s.io/v1
  r('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, { shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'] }),
  // storage.k8s.io/v1
  r('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, { shortNames: ['sc'] }),
  // scheduling.k8s.io/v1
  r('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, { shortNames: ['pc'] }),
  // autoscaling/v2
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'], categories: ['all'], subresources: ['status'] }),
  // coordination.k8s.io/v1
  r('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
];

export function groupVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export class ResourceRegistry {
  readonly types: ResourceType[] = [...BUILTIN_RESOURCES];

  byPlural(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  byKind(group: string, version: string, kind: string): ResourceType | undefined {
    return (
      this.types.find((t) => t.group === group && t.version === version && t.kind === kind) ??
      // an object of a served group in another version: store under the first match of the kind
      this.types.find((t) => t.group === group && t.kind === kind)
    );
  }

  byApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.byKind(group, version, kind);
  }

  groups(): Array<{ group: string; versions: string[] }> {
    const out: Array<{ group: string; versions: string[] }> = [];
    for (const t of this.types) {
      if (!t.group) continue;
      let g = out.find((x) => x.group === t.group);
      if (!g) out.push((g = { group: t.group, versions: [] }));
      if (!g.versions.includes(t.version)) g.versions.push(t.version);
    }
    return out;
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.types.filter((t) => t.group === group && t.version === version);
  }

  /** Register (or refresh) the resources a CustomResourceDefinition serves. */
  addCrd(crd: any): void {
    const spec = crd?.spec ?? {};
    const names = spec.names ?? {};
    if (!spec.group || !names.plural || !names.kind) return;
    this.removeCrd(crd);
    for (const v of spec.versions ?? []) {
      if (v?.served === false || !v?.name) continue;
      this.types.push({
        group: spec.group,
        version: v.name,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        kind: names.kind,
        namespaced: spec.scope !== 'Cluster',
        shortNames: names.shortNames,
        categories: names.categories,
        verbs: RW,
        subresources: v.subresources?.status ? ['status'] : [],
      });
    }
  }

  removeCrd(crd: any): void {
    const spec = crd?.spec ?? {};
    const plural = spec.names?.plural;
    for (let i = this.types.length - 1; i >= 0; i--) {
      const t = this.types[i];
      if (t.group === spec.group && t.plural === plural && !BUILTIN_RESOURCES.includes(t)) this.types.splice(i, 1);
    }
  }
}
