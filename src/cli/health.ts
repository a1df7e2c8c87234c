/** `deployer run-hub-health-check` (arrives with the health-check issue). */
import { NotImplementedError } from '../shared/errors.js';

export async function healthCheckCommand(_cluster: string | undefined, _hub: string | undefined, _opts: Record<string, unknown>): Promise<number> {
  throw new NotImplementedError('run-hub-health-check');
}
