/**
 * Which files a new cluster gets (reference A.11), rendered in memory from the suite's own templates:
 * - gcp: terraform/gcp/projects/<c>.tfvars, <clusters-dir>/<c>/{cluster.yaml, support.values.yaml,
 *   enc-support.secret.values.yaml}
 * - aws: eksctl/<c>.jsonnet, terraform/aws/projects/<c>.tfvars, and the same three cluster files.
 * Paths are relative to the infra repo root, with POSIX separators.
 */
import path from 'node:path';
import type { RepoPaths } from '../repo/index.js';
import type { PrometheusCredentials } from './credentials.js';
import type { GenerateRequest } from './request.js';
import { awsClusterYaml, gcpClusterYaml } from './templates/cluster-yaml.js';
import { eksctlJsonnet } from './templates/eksctl.js';
import { supportSecretValues, supportValuesYaml } from './templates/support.js';
import { awsTfvars, gcpTfvars } from './templates/tfvars.js';

export const SUPPORT_SECRET_FILE = 'enc-support.secret.values.yaml';

export type PlannedFile =
  | { path: string; encrypted: false; text: string; what: string }
  | { path: string; encrypted: true; data: Record<string, unknown>; what: string };

function rel(paths: RepoPaths, abs: string): string {
  return path.relative(paths.configRoot, abs).split(path.sep).join('/');
}

/** The cluster directory, relative to the repo root. */
export function clusterDirOf(paths: RepoPaths, clusterName: string): string {
  return rel(paths, path.join(paths.clustersDir, clusterName));
}

/** Every file outside the cluster directory that generation writes (they must not exist either, without --force). */
export function infraFilesOf(req: GenerateRequest): string[] {
  const tfvars = `terraform/${req.provider}/projects/${req.clusterName}.tfvars`;
  return req.provider === 'aws' ? [`eksctl/${req.clusterName}.jsonnet`, tfvars] : [tfvars];
}

/** Render every file. `credentials` undefined: the encrypted support secret is left out (kept as it is). */
export function planFiles(paths: RepoPaths, req: GenerateRequest, credentials: PrometheusCredentials | undefined): PlannedFile[] {
  const dir = clusterDirOf(paths, req.clusterName);
  const files: PlannedFile[] = [];
  if (req.provider === 'aws') {
    files.push({ path: `eksctl/${req.clusterName}.jsonnet`, encrypted: false, text: eksctlJsonnet(req), what: 'eksctl cluster config (jsonnet)' });
    files.push({ path: `terraform/aws/projects/${req.clusterName}.tfvars`, encrypted: false, text: awsTfvars(req), what: 'terraform variables' });
  } else {
    files.push({ path: `terraform/gcp/projects/${req.clusterName}.tfvars`, encrypted: false, text: gcpTfvars(req), what: 'terraform variables' });
  }
  files.push({ path: `${dir}/cluster.yaml`, encrypted: false, text: req.provider === 'aws' ? awsClusterYaml(req) : gcpClusterYaml(req), what: 'cluster.yaml' });
  files.push({ path: `${dir}/support.values.yaml`, encrypted: false, text: supportValuesYaml(req), what: 'support chart values' });
  if (credentials) {
    files.push({ path: `${dir}/${SUPPORT_SECRET_FILE}`, encrypted: true, data: supportSecretValues(credentials), what: 'support chart secrets (Prometheus basic auth, generated)' });
  }
  return files;
}
