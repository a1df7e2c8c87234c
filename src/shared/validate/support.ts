/**
 * validate support-config: the support chart's non-secret values files against its values schema, then one
 * `helm template` (upstream 2023 rendered once per values file: not reproduced). No support section: nothing to check.
 */
import path from 'node:path';
import type { Finding } from '../findings.js';
import { displayPath, isFile, supportValuesFiles } from '../repo/index.js';
import { pathToPointer } from '../yaml/index.js';
import { checkChartValues } from './chart-values.js';
import { errorToFinding, type ValidationContext } from './context.js';
import { loadClusterForValidation, SUPPORT_LABEL } from './cluster.js';
import { jsonnetVars } from './jsonnet.js';

export const SUPPORT_CHART = 'support';
export const SUPPORT_NAMESPACE = 'support';

export async function supportConfigFindings(ctx: ValidationContext, clusterName: string): Promise<Finding[]> {
  const loaded = await loadClusterForValidation(ctx, clusterName);
  if (!loaded.cluster) return loaded.findings;
  const cluster = loaded.cluster;
  if (!cluster.support) {
    ctx.reporter.debug(`No support defined for ${cluster.name}. Nothing to validate!`);
    return [];
  }
  const pointer = ['support', 'helm_chart_values_files'];
  if (!isFile(path.join(ctx.paths.chartsDir, SUPPORT_CHART, 'Chart.yaml'))) {
    return [
      {
        file: cluster.displayFile,
        ...cluster.yaml.locate(['support']),
        path: '/support',
        message: `the support chart is not in the charts directory (${displayPath(ctx.paths, path.join(ctx.paths.chartsDir, SUPPORT_CHART))}/Chart.yaml does not exist)`,
        severity: 'error',
      },
    ];
  }
  let valuesFiles;
  try {
    valuesFiles = supportValuesFiles(cluster);
  } catch (e) {
    return [errorToFinding(e, { file: cluster.displayFile, ...cluster.yaml.locate(pointer), path: pathToPointer(pointer) })];
  }
  return checkChartValues(ctx, {
    cluster,
    chart: SUPPORT_CHART,
    release: SUPPORT_CHART,
    namespace: SUPPORT_NAMESPACE,
    valuesFiles,
    vars: jsonnetVars(cluster),
    set: [],
    pointer,
    label: SUPPORT_LABEL,
  });
}
