/** The real services behind a deployment, loaded lazily (so nothing heavy loads before it is needed). */
import type { DeployServices } from './types.js';

export async function resolveServices(overrides: Partial<DeployServices> = {}): Promise<DeployServices> {
  const authenticate = overrides.authenticate ?? (await import('../auth/index.js')).authenticate;
  const decryptFile = overrides.decryptFile ?? (await import('../secrets/index.js')).decryptFile;
  const createChartWorkspace = overrides.createChartWorkspace ?? (await import('../helm/charts.js')).createChartWorkspace;
  return { authenticate, decryptFile, createChartWorkspace, runner: overrides.runner };
}
