/** `deployer use-cluster-credentials` (arrives with the cluster-access issue). */
import { NotImplementedError } from '../shared/errors.js';

export async function useClusterCredentials(_cluster: string, _commandline: string | undefined, _opts: Record<string, unknown>): Promise<number> {
  throw new NotImplementedError('use-cluster-credentials');
}
