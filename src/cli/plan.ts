/** `deployer generate helm-upgrade-jobs` (arrives with the planner issue). */
import { NotImplementedError } from '../shared/errors.js';

export async function planCommand(_files: string, _opts: Record<string, unknown>): Promise<number> {
  throw new NotImplementedError('generate helm-upgrade-jobs');
}
