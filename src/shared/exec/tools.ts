/**
 * Where the external tools are. `DEPLOYER_<TOOL>` (e.g. DEPLOYER_HELM=/opt/helm4/helm) wins, then PATH.
 * A missing tool is a DeployerError naming the tool and how to get it.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';

export type ToolName = 'helm' | 'kubectl' | 'sops' | 'jsonnet' | 'gcloud' | 'aws' | 'az' | 'age' | 'git';

export const TOOL_HINTS: Record<ToolName, string> = {
  helm: 'install helm 3.x or 4.x (https://helm.sh/docs/intro/install/), or in Actions let the action install it',
  kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/)',
  sops: 'install sops 3.x (https://github.com/getsops/sops/releases)',
  jsonnet: 'install go-jsonnet (`apt-get install jsonnet` or https://github.com/google/go-jsonnet/releases)',
  gcloud: 'install the Google Cloud CLI with the gke-gcloud-auth-plugin component',
  aws: 'install the AWS CLI v2',
  az: 'install the Azure CLI',
  age: 'install age (`apt-get install age`)',
  git: 'install git',
};

function envName(tool: ToolName): string {
  return `DEPLOYER_${tool.toUpperCase()}`;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Find a tool on PATH (or the override). Throws a DeployerError naming the tool when it is nowhere. */
export function toolPath(tool: ToolName, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[envName(tool)];
  if (override) {
    if (executable(override)) return override;
    throw new DeployerError(`${envName(tool)} is set to ${override}, which is not an executable file`, { hint: TOOL_HINTS[tool] });
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, tool);
    if (executable(candidate)) return candidate;
  }
  throw new DeployerError(`\`${tool}\` is not installed (not found on PATH)`, { hint: TOOL_HINTS[tool] });
}
