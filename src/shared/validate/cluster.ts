/** validate cluster-config: the cluster.yaml schema (every hub). */
import { DeployerError } from '../errors.js';
import type { Finding } from '../findings.js';
import { readClusterYaml, type RepoPaths } from '../repo/index.js';
import { checkClusterSchema } from '../repo/schema.js';

/** Findings for one cluster's cluster.yaml. A file that cannot be parsed at all is one finding at its fault. */
export async function validateClusterConfig(paths: RepoPaths, clusterName: string): Promise<Finding[]> {
  try {
    const y = await readClusterYaml(paths, clusterName);
    return checkClusterSchema(y);
  } catch (e) {
    if (e instanceof DeployerError && e.file) {
      return [{ file: e.file, line: e.line ?? 1, col: e.col ?? 1, path: '', message: e.message, severity: 'error' }];
    }
    throw e;
  }
}
