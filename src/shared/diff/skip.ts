/**
 * Skip no-op deploys (opt-in: input `skip-unchanged` or the PR label `deployer:skip-unchanged`): drop from the deploy
 * matrices every release whose rendered manifests are unchanged and whose secret files did not change. A release that
 * failed to render, or was not diffed, is never dropped.
 */
import type { Matrices } from '../plan/decide.js';
import { SUPPORT_RELEASE } from './render.js';
import type { ReleaseDiff } from './index.js';

export const SKIP_UNCHANGED_LABEL = 'deployer:skip-unchanged';

export interface Dropped {
  cluster: string;
  release: string;
  why: string;
}

export function skipUnchanged(m: Matrices, releases: ReleaseDiff[]): { matrices: Matrices; dropped: Dropped[] } {
  const unchanged = new Set(releases.filter((r) => r.status === 'unchanged' && !r.secretChanges.length).map((r) => `${r.cluster}/${r.release}`));
  const dropped: Dropped[] = [];
  const drop = (cluster: string, release: string) => {
    if (!unchanged.has(`${cluster}/${release}`)) return false;
    if (!dropped.some((d) => d.cluster === cluster && d.release === release)) {
      dropped.push({ cluster, release, why: 'its rendered manifests are the same at the base and the head, and none of its secret files changed' });
    }
    return true;
  };
  const matrices: Matrices = {
    'support-jobs': m['support-jobs'].filter((j) => !drop(j.cluster_name, SUPPORT_RELEASE)),
    'staging-jobs': m['staging-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
    'prod-jobs': m['prod-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
    'prod-hub-matrix-jobs': m['prod-hub-matrix-jobs'].filter((j) => !drop(j.cluster_name, j.hub_name)),
    'support-and-staging-matrix-jobs': m['support-and-staging-matrix-jobs'].flatMap((j) => {
      if (!j.upgrade_support && !j.upgrade_staging) return [j]; // a row that deploys nothing stays as the plan made it
      const row = { ...j };
      if (row.upgrade_support && drop(j.cluster_name, SUPPORT_RELEASE)) {
        row.upgrade_support = false;
        row.reason_for_support_redeploy = '';
      }
      if (row.upgrade_staging && drop(j.cluster_name, 'staging')) {
        row.upgrade_staging = false;
        row.reason_for_staging_redeploy = '';
      }
      return row.upgrade_support || row.upgrade_staging ? [row] : [];
    }),
  };
  return { matrices, dropped: dropped.sort((a, b) => `${a.cluster}/${a.release}`.localeCompare(`${b.cluster}/${b.release}`)) };
}
