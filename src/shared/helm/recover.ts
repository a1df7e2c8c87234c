/**
 * A release left in pending-install / pending-upgrade / pending-rollback (a cancelled earlier run) blocks every later
 * `helm upgrade` ("another operation is in progress"). Detect it and, when allowed, roll back to the last good
 * revision (or uninstall a release that never deployed); otherwise stop with an error that says how to fix it.
 */
import { DeployerError } from '../errors.js';
import { PENDING_STATUSES, type HelmClient, type HistoryEntry } from './client.js';

export type RecoveryAction =
  | { action: 'none'; current?: HistoryEntry }
  | { action: 'rollback'; from: HistoryEntry; to: HistoryEntry }
  | { action: 'uninstall'; from: HistoryEntry };

export function isPending(status: string | undefined): boolean {
  return PENDING_STATUSES.includes(status as (typeof PENDING_STATUSES)[number]);
}

/** Decide what to do about a release's history (pure). */
export function planRecovery(history: HistoryEntry[] | undefined): RecoveryAction {
  if (!history?.length) return { action: 'none' };
  const current = history[history.length - 1];
  if (!isPending(current.status)) return { action: 'none', current };
  const earlier = history.slice(0, -1).reverse();
  const target = earlier.find((h) => h.status === 'deployed') ?? earlier.find((h) => h.status === 'superseded');
  if (target) return { action: 'rollback', from: current, to: target };
  return { action: 'uninstall', from: current };
}

export interface RecoverOptions {
  allow: boolean;
  timeoutS: number;
  log: (message: string) => void;
}

/** Check the release; recover it when stuck and allowed. Returns what was done. */
export async function recoverPendingRelease(helm: HelmClient, release: string, namespace: string, options: RecoverOptions): Promise<RecoveryAction> {
  const plan = planRecovery(await helm.history(release, namespace));
  if (plan.action === 'none') return plan;
  const stuck = `release ${release} (namespace ${namespace}) is stuck in ${plan.from.status} at revision ${plan.from.revision}`;
  if (!options.allow) {
    const fix =
      plan.action === 'rollback'
        ? `helm rollback ${release} ${plan.to.revision} --namespace=${namespace}`
        : `helm uninstall ${release} --namespace=${namespace}`;
    throw new DeployerError(`${stuck}, probably left by a cancelled earlier run; not upgrading it`, {
      hint: `rerun with recover-pending (--recover-pending) to ${plan.action === 'rollback' ? `roll back to revision ${plan.to.revision}` : 'uninstall it (it never deployed)'} first, or run \`${fix}\` yourself`,
    });
  }
  if (plan.action === 'rollback') {
    options.log(`${stuck}: rolling back to revision ${plan.to.revision} (${plan.to.status}) before upgrading`);
    await helm.rollback(release, namespace, plan.to.revision, options.timeoutS);
  } else {
    options.log(`${stuck} and has no earlier deployed revision: uninstalling it before installing again`);
    await helm.uninstall(release, namespace, options.timeoutS);
  }
  return plan;
}
