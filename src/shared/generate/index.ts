/**
 * `generate dedicated-cluster gcp|aws`: the files of a new dedicated cluster (reference A.11, 2026 shapes), with
 * upstream's faults closed:
 * - every value comes from a flag or an input (no prompts) and is checked before anything is written (request.ts);
 * - an existing cluster directory, tfvars or eksctl file is never touched without `force`; with `force`, the existing
 *   encrypted support secret is kept (its credentials are in use) unless `rotateCredentials`;
 * - the generated credentials come from the CSPRNG and are masked at once (credentials.ts); their plaintext never
 *   exists inside the repo: the encrypted file is written through the infra-repo change set (src/shared/changes),
 *   which encrypts from a private temp dir with the repo's .sops.yaml rules and writes every file or none;
 * - the rendered cluster.yaml passes the cluster.yaml schema before it is written.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ChangeSet, type RepoChange } from '../changes/index.js';
import { DeployerError } from '../errors.js';
import { formatFinding } from '../findings.js';
import type { Reporter } from '../log.js';
import { displayPath, type RepoPaths } from '../repo/index.js';
import { checkClusterSchema } from '../repo/schema.js';
import { parseYaml } from '../yaml/index.js';
import { prometheusCredentials } from './credentials.js';
import { clusterDirOf, infraFilesOf, planFiles, SUPPORT_SECRET_FILE, type PlannedFile } from './files.js';
import { checkRequest, cliFlag, type GenerateInput, type GenerateRequest } from './request.js';

export { checkRequest, actionInput, cliFlag, DEFAULTS, type GenerateInput, type GenerateRequest } from './request.js';

export interface GenerateOptions {
  paths: RepoPaths;
  input: GenerateInput;
  reporter: Reporter;
  /** Replace existing files of this cluster. */
  force?: boolean;
  /** With force: also replace the encrypted support secret (new Prometheus credentials). */
  rotateCredentials?: boolean;
  /** Check and render everything, write nothing. */
  dryRun?: boolean;
  /** Environment for sops (KMS credentials, PATH). Default: process.env. */
  sopsEnv?: NodeJS.ProcessEnv;
  /** How messages name a field: `--cluster-name` (CLI, default) or the action input. */
  flag?: (field: string) => string;
}

export type FileAction = 'create' | 'replace' | 'keep' | 'unchanged';

export interface GeneratedFile {
  /** Relative to the repo root. */
  path: string;
  action: FileAction;
  encrypted: boolean;
  what: string;
}

export interface GenerateResult {
  cluster: string;
  provider: GenerateRequest['provider'];
  /** The cluster directory, relative to the repo root. */
  clusterDir: string;
  files: GeneratedFile[];
  /** What was written (empty for a dry run), for a commit or a pull request. */
  changes: RepoChange[];
  dryRun: boolean;
  nextSteps: string[];
}

/** The rendered cluster.yaml must pass the schema: a failure here is a bug in the templates, never the user's. */
function selfCheck(file: PlannedFile): void {
  if (file.encrypted || !file.path.endsWith('/cluster.yaml')) return;
  const findings = checkClusterSchema(parseYaml(file.text, file.path)).filter((f) => f.severity === 'error');
  if (findings.length) {
    throw new DeployerError(`the generated cluster.yaml does not pass the cluster.yaml schema: ${findings.map(formatFinding).join('; ')}`, {
      hint: 'this is a bug in deployer\'s templates; nothing was written',
    });
  }
}

function nextSteps(req: GenerateRequest, clusterDir: string): string[] {
  const c = req.clusterName;
  const steps =
    req.provider === 'aws'
      ? [
          `jsonnet eksctl/${c}.jsonnet > eksctl/${c}.eksctl.json && eksctl create cluster --config-file=eksctl/${c}.eksctl.json`,
          `cd terraform/aws && terraform workspace new ${c} && terraform apply -var-file=projects/${c}.tfvars`,
        ]
      : [`cd terraform/gcp && terraform workspace new ${c} && terraform apply -var-file=projects/${c}.tfvars`];
  return [
    ...steps,
    `commit the deployer's credentials from terraform's output as ${clusterDir}/enc-deployer-credentials.secret.json (sops-encrypted), then uncomment \`${req.provider}.key\` in ${clusterDir}/cluster.yaml`,
    `deployer validate cluster-config ${c} && deployer deploy-support ${c}`,
    `add the hubs: uncomment their entries in ${clusterDir}/cluster.yaml and write their values files`,
  ];
}

export async function generateCluster(o: GenerateOptions): Promise<GenerateResult> {
  const req = checkRequest(o.input, o.flag ?? cliFlag);
  const { paths, reporter } = o;
  const force = o.force === true;

  // Where: an existing infra repo, and nothing of this cluster in it (unless force).
  if (!existsSync(paths.clustersDir) || !statSync(paths.clustersDir).isDirectory()) {
    throw new DeployerError(`clusters directory ${displayPath(paths, paths.clustersDir)} does not exist`, {
      hint: 'run from the root of the infra repo, or pass --config-root (the config-root input) and --clusters-dir; nothing was written',
    });
  }
  const clusterDir = clusterDirOf(paths, req.clusterName);
  const clusterDirAbs = path.join(paths.configRoot, clusterDir);
  if (existsSync(clusterDirAbs) && !statSync(clusterDirAbs).isDirectory()) {
    throw new DeployerError(`${clusterDir} exists and is not a directory`, { hint: 'remove or rename it; nothing was written' });
  }
  const existing = [clusterDir, ...infraFilesOf(req)].filter((p) => existsSync(path.join(paths.configRoot, p)));
  if (existing.length && !force) {
    throw new DeployerError(`cluster ${req.clusterName} already has files here: ${existing.join(', ')}`, {
      hint: 'nothing was written; pick another cluster name, or pass --force (input `force: true`) to replace the generated files (other files are left alone, and the encrypted support secret is kept unless --rotate-credentials)',
    });
  }

  const secretRel = `${clusterDir}/${SUPPORT_SECRET_FILE}`;
  const keepSecret = existsSync(path.join(paths.configRoot, secretRel)) && !o.rotateCredentials;
  if (keepSecret) reporter.info(`keeping ${secretRel} (its credentials may be in use; pass --rotate-credentials to replace them)`);
  const credentials = keepSecret ? undefined : prometheusCredentials();
  if (credentials) {
    reporter.mask(credentials.username);
    reporter.mask(credentials.password);
  }

  const planned = planFiles(paths, req, credentials);
  planned.forEach(selfCheck);
  const files: GeneratedFile[] = planned.map((f) => ({
    path: f.path,
    action: existsSync(path.join(paths.configRoot, f.path)) ? 'replace' : 'create',
    encrypted: f.encrypted,
    what: f.what,
  }));
  if (keepSecret) files.push({ path: secretRel, action: 'keep', encrypted: true, what: 'support chart secrets (kept)' });
  const result: GenerateResult = { cluster: req.clusterName, provider: req.provider, clusterDir, files, changes: [], dryRun: o.dryRun === true, nextSteps: nextSteps(req, clusterDir) };
  if (o.dryRun) return result;

  const cs = new ChangeSet({ root: paths.configRoot, reporter, sopsEnv: o.sopsEnv });
  try {
    for (const f of planned) {
      if (f.encrypted) await cs.writeEncrypted(f.path, f.data, { overwrite: force });
      else await cs.writeFile(f.path, f.text, { overwrite: force });
    }
    result.changes = await reporter.group(`writing ${planned.length} file(s) of cluster ${req.clusterName}`, () => cs.apply());
  } catch (e) {
    cs.discard();
    throw e;
  }
  const written = new Set(result.changes.map((c) => c.path));
  for (const f of result.files) if (f.action !== 'keep' && !written.has(f.path)) f.action = 'unchanged';
  return result;
}

/** Rows for people: file, action, encrypted, what it is. */
export function filesTable(result: GenerateResult): { header: string[]; rows: string[][] } {
  const verb: Record<FileAction, string> = result.dryRun
    ? { create: 'would create', replace: 'would replace', keep: 'kept', unchanged: 'unchanged' }
    : { create: 'created', replace: 'replaced', keep: 'kept', unchanged: 'unchanged' };
  return {
    header: ['file', 'action', 'encrypted', 'what'],
    rows: result.files.map((f) => [f.path, verb[f.action], f.encrypted ? 'yes (sops)' : 'no', f.what]),
  };
}
