/**
 * Render a `*.jsonnet` helm values file to a private temporary JSON file (2026 upstream, B.6):
 *   jsonnet --jpath <dir of file> --ext-str VARS_2I2C_CLUSTER_NAME=... [--ext-str VARS_2I2C_HUB_NAME=...]
 *           [--ext-str VARS_2I2C_HUB_DOMAIN=...] --ext-str VARS_2I2C_PROVIDER=... --ext-str VARS_2I2C_ACCOUNT_ID=...
 *           <abs file> --output-file <tmp>.json
 * The file is given by its absolute path (charts rely on std.thisFile). The temp directory is 0700, the file 0600,
 * and `dispose()` removes both.
 */
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { privateTempDir } from '../secrets/tempdir.js';
import { DeployerError } from '../errors.js';
import { runTool, ToolError } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import type { Cluster, Hub } from '../repo/index.js';
import type { Runner } from './client.js';

export interface JsonnetVars {
  clusterName: string;
  hubName?: string;
  hubDomain?: string;
  provider: string;
  accountId: string;
}

/** The VARS_2I2C_* values for a cluster (and hub): AWS uses aws.clusterName and aws.account, GCP gcp.project. */
export function jsonnetVars(cluster: Cluster, hub?: Pick<Hub, 'name' | 'domain'>): JsonnetVars {
  const aws = (cluster.spec.aws ?? {}) as Record<string, unknown>;
  const gcp = (cluster.spec.gcp ?? {}) as Record<string, unknown>;
  const clusterName = cluster.provider === 'aws' && typeof aws.clusterName === 'string' ? aws.clusterName : cluster.name;
  let accountId = 'None';
  if (cluster.provider === 'aws' && aws.account !== undefined) accountId = String(aws.account);
  else if (cluster.provider === 'gcp' && gcp.project !== undefined) accountId = String(gcp.project);
  return { clusterName, hubName: hub?.name, hubDomain: hub?.domain, provider: cluster.provider, accountId };
}

export function jsonnetArgs(file: string, vars: JsonnetVars, output: string): string[] {
  const args = ['--jpath', path.dirname(file), '--ext-str', `VARS_2I2C_CLUSTER_NAME=${vars.clusterName}`];
  if (vars.hubName !== undefined) args.push('--ext-str', `VARS_2I2C_HUB_NAME=${vars.hubName}`);
  if (vars.hubDomain !== undefined) args.push('--ext-str', `VARS_2I2C_HUB_DOMAIN=${vars.hubDomain}`);
  args.push('--ext-str', `VARS_2I2C_PROVIDER=${vars.provider}`, '--ext-str', `VARS_2I2C_ACCOUNT_ID=${vars.accountId}`);
  args.push(file, '--output-file', output);
  return args;
}

export interface RenderedFile {
  path: string;
  dispose(): Promise<void>;
}

export interface RenderJsonnetOptions {
  vars: JsonnetVars;
  /** How messages name the file (relative to config-root). */
  display: string;
  env?: NodeJS.ProcessEnv;
  runner?: Runner;
  timeoutMs?: number;
}

/** Render `abs` to a private temp JSON file. A jsonnet error is a DeployerError naming the file. */
export async function renderJsonnet(abs: string, options: RenderJsonnetOptions): Promise<RenderedFile> {
  const tmp = await privateTempDir('jsonnet');
  const out = path.join(tmp.dir, path.basename(abs).replace(/\.jsonnet$/, '') + '.json');
  const dispose = () => tmp.dispose();
  try {
    const jsonnet = toolPath('jsonnet', options.env ?? process.env);
    await (options.runner ?? runTool)(jsonnet, jsonnetArgs(path.resolve(abs), options.vars, out), {
      env: options.env,
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    chmodSync(out, 0o600);
    return { path: out, dispose };
  } catch (e) {
    await dispose();
    if (e instanceof ToolError) {
      const detail = (e.result.stderr || e.result.stdout).trim().split('\n').slice(0, 12).join('\n');
      throw new DeployerError(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
        file: options.display,
        hint: 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
      });
    }
    throw e;
  }
}
