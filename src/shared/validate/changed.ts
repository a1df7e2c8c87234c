/**
 * Which clusters a set of changed files touches, so a PR check validates only those: a file inside
 * `<clusters-dir>/<name>/` touches cluster <name>; a file under the charts directory touches every cluster (every
 * hub and support release renders from those charts). Other files touch nothing.
 */
import path from 'node:path';
import { listClusterNames, type RepoPaths } from '../repo/index.js';

export interface TouchedClusters {
  /** Sorted cluster names to validate. */
  clusters: string[];
  /** True when a chart changed (every cluster). */
  all: boolean;
  /** Why, for the log: `file -> cluster`. */
  reasons: string[];
  /** Changed files under a directory of the clusters dir that is not a cluster (no cluster.yaml: a typo?). */
  notClusters: string[];
}

/** `files`: paths relative to config-root (or absolute), as `git diff --name-only` prints them. */
export function clustersTouchedBy(paths: RepoPaths, files: string[]): TouchedClusters {
  const known = new Set(listClusterNames(paths));
  const inside = (abs: string, dir: string) => abs === dir || abs.startsWith(dir + path.sep);
  const touched = new Set<string>();
  const reasons: string[] = [];
  const notClusters: string[] = [];
  let all = false;
  for (const f of files) {
    const abs = path.resolve(paths.configRoot, f);
    if (inside(abs, paths.chartsDir)) {
      all = true;
      reasons.push(`${f} -> every cluster (chart changed)`);
    } else if (inside(abs, paths.clustersDir)) {
      const name = path.relative(paths.clustersDir, abs).split(path.sep)[0];
      if (name && known.has(name)) {
        touched.add(name);
        reasons.push(`${f} -> ${name}`);
      } else if (name && name !== 'templates' && path.relative(paths.clustersDir, abs).includes(path.sep)) {
        notClusters.push(f);
      }
    }
  }
  return { clusters: all ? [...known].sort() : [...touched].sort(), all, reasons, notClusters };
}
