/** One shape for every cloud API failure: which cluster, which API call, which status, what the service said. */
import { DeployerError } from '../errors.js';

export class CloudApiError extends DeployerError {
  readonly cluster: string;
  readonly api: string;
  readonly status: number | string | undefined;
  constructor(cluster: string, api: string, status: number | string | undefined, detail: string, hint?: string) {
    super(`cluster ${cluster}: ${api} failed${status !== undefined && status !== '' ? ` (HTTP ${status})` : ''}: ${oneLine(detail)}`, { hint });
    this.name = 'CloudApiError';
    this.cluster = cluster;
    this.api = api;
    this.status = status;
  }
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 400 ? `${t.slice(0, 400)}...` : t || 'no detail';
}

/** Reject with a timeout error if `p` has not settled after `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
