/** `deployer deploy` and `deployer deploy-support` (arrives with the deploy issue). */
import { NotImplementedError } from '../shared/errors.js';

export async function deployCommand(_cluster: string, _hubs: string[], _opts: Record<string, unknown>): Promise<number> {
  throw new NotImplementedError('deploy');
}
export async function deploySupportCommand(_cluster: string, _opts: Record<string, unknown>): Promise<number> {
  throw new NotImplementedError('deploy-support');
}
