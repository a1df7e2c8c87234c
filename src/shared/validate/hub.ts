/**
 * validate hub-config: for each hub (or the one named), the non-secret values files against the chart's values schema,
 * located in the file that set each offending key, then `helm template` with those files (secret files skipped, as
 * upstream: CI has no keys). daskhub/binderhub hubs get the dummy dask-gateway token upstream passes.
 */
import type { Finding } from '../findings.js';
import { chartOverridePath, findHub, hubValuesFiles, type Cluster, type Hub } from '../repo/index.js';
import { pathToPointer } from '../yaml/index.js';
import { checkChartValues, type ChartValuesSpec } from './chart-values.js';
import { errorToFinding, type ValidationContext } from './context.js';
import { loadClusterForValidation } from './cluster.js';
import { jsonnetVars } from './jsonnet.js';

export const DASK_GATEWAY_DUMMY_TOKEN = 'dask-gateway.gateway.auth.jupyterhub.apiToken=dummy';

/** The charts a hub can name (binderhub only in 2023 repos). */
const KNOWN_CHARTS = new Set(['basehub', 'daskhub', 'binderhub']);

/** The release spec of a hub, or a finding saying why it cannot be built (a bad path in cluster.yaml). */
export function hubReleaseSpec(cluster: Cluster, hub: Hub): ChartValuesSpec | Finding {
  try {
    const override = chartOverridePath(cluster, hub);
    return {
      cluster,
      chart: hub.helmChart,
      override,
      release: hub.name,
      namespace: hub.name,
      valuesFiles: hubValuesFiles(cluster, hub),
      vars: jsonnetVars(cluster, hub),
      set: hub.helmChart === 'daskhub' || hub.helmChart === 'binderhub' ? [DASK_GATEWAY_DUMMY_TOKEN] : [],
      pointer: ['hubs', hub.index, 'helm_chart_values_files'],
      label: `hub ${hub.name}`,
    };
  } catch (e) {
    return errorToFinding(e, { file: cluster.displayFile, ...cluster.yaml.locate(['hubs', hub.index]), path: pathToPointer(['hubs', hub.index]) });
  }
}

/** Hubs selected by name (all when none named). An unknown hub name is an error listing the hubs (thrown). */
export function selectHubs(cluster: Cluster, hubName?: string): Hub[] {
  if (!hubName) return cluster.hubs;
  return [findHub(cluster, hubName)];
}

export async function hubConfigFindings(ctx: ValidationContext, clusterName: string, hubName?: string): Promise<Finding[]> {
  const loaded = await loadClusterForValidation(ctx, clusterName);
  if (!loaded.cluster) return loaded.findings;
  const cluster = loaded.cluster;
  const hubs = selectHubs(cluster, hubName);
  ctx.stats.hubs += hubs.length;
  const results = await Promise.all(
    hubs.map(async (hub) => {
      if (!KNOWN_CHARTS.has(hub.helmChart)) return []; // the schema reports the bad helm_chart
      const spec = hubReleaseSpec(cluster, hub);
      if (!('chart' in spec)) return [spec];
      return checkChartValues(ctx, spec);
    }),
  );
  return results.flat();
}
