/**
 * Render a `*.jsonnet` helm values file to a private temporary JSON file (2026 upstream, B.6):
 *   jsonnet --jpath <dir of file> --ext-str VARS_2I2C_CLUSTER_NAME=... [--ext-str VARS_2I2C_HUB_NAME=...]
 *           [--ext-str VARS_2I2C_HUB_DOMAIN=...] --ext-str VARS_2I2C_PROVIDER=... --ext-str VARS_2I2C_ACCOUNT_ID=...
 *           <abs file> --output-file <tmp>.json
 * The file is given by its absolute path (charts rely on std.thisFile). The temp directory is 0700, the file 0600,
 * and `dispose()` removes both.
 */
import { chmodSync, readFileSync } from 'node:fs';
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

// ---- which jsonnet is this? --------------------------------------------------------------------------------------

export interface JsonnetInfo {
  /** `go` (go-jsonnet), `cpp` (the C++ implementation, e.g. Debian's `jsonnet` package), or `unknown`. */
  implementation: 'go' | 'cpp' | 'unknown';
  /** `0.20.0`, or '' when `--version` printed none. */
  version: string;
  /** The first line `--version` printed. */
  banner: string;
}

/** The version go-jsonnet the actions install (src/shared/exec/install.ts) and the 2026 charts need. */
export const GO_JSONNET_PINNED = '0.20.0';

/** Read `jsonnet --version` output: go-jsonnet says `Jsonnet commandline interpreter (Go implementation) v0.20.0`. */
export function parseJsonnetVersion(output: string): JsonnetInfo {
  const banner = output.trim().split('\n')[0] ?? '';
  const version = /v(\d+\.\d+\.\d+)/.exec(banner)?.[1] ?? '';
  const implementation = /Go implementation/i.test(banner) ? 'go' : /commandline interpreter/i.test(banner) ? 'cpp' : 'unknown';
  return { implementation, version, banner };
}

const detected = new Map<string, Promise<JsonnetInfo>>();

/** Detect the implementation and version of a jsonnet binary: `--version` runs once per binary per process. */
export function detectJsonnet(bin: string, env?: NodeJS.ProcessEnv, runner: Runner = runTool): Promise<JsonnetInfo> {
  let p = detected.get(bin);
  if (!p) {
    p = runner(bin, ['--version'], { env, timeoutMs: 30_000, allowFailure: true }).then(
      (r) => parseJsonnetVersion(r.stdout || r.stderr),
      () => ({ implementation: 'unknown' as const, version: '', banner: '' }),
    );
    detected.set(bin, p);
  }
  return p;
}

/**
 * When a render failed because the jsonnet in use lacks a `std` function the file calls (the 2026 charts use
 * `std.splitLimitR` and `std.any`, which C++ jsonnet 0.18 lacks: `RUNTIME ERROR: field does not exist: splitLimitR`),
 * say so and how to fix it; otherwise undefined.
 */
export function missingStdFunctionHint(errorText: string, fileText: string, info: JsonnetInfo): string | undefined {
  const m = /field does not exist: ([A-Za-z_][A-Za-z0-9_]*)/i.exec(errorText);
  if (!m) return undefined;
  const fn = m[1];
  if (!new RegExp(`\\bstd\\s*\\.\\s*${fn}\\b`).test(fileText)) return undefined;
  const which = info.implementation === 'go' ? `go-jsonnet ${info.version || '(unknown version)'}` : info.implementation === 'cpp' ? `the C++ jsonnet ${info.version || ''}`.trimEnd() : `this jsonnet (${info.banner || 'version unknown'})`;
  return (
    `std.${fn} does not exist in ${which}: the charts need go-jsonnet ${GO_JSONNET_PINNED} or newer (as upstream, which refuses any other implementation). ` +
    `The deployer actions install the pinned go-jsonnet ${GO_JSONNET_PINNED}; locally, install go-jsonnet (https://github.com/google/go-jsonnet/releases) ` +
    'and point DEPLOYER_JSONNET at its `jsonnet` binary'
  );
}

/** The file's text, for the missing-function check ('' when it cannot be read). */
export function jsonnetSource(abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
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
  const jsonnet = toolPath('jsonnet', options.env ?? process.env);
  try {
    await (options.runner ?? runTool)(jsonnet, jsonnetArgs(path.resolve(abs), options.vars, out), {
      env: options.env,
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    chmodSync(out, 0o600);
    return { path: out, dispose };
  } catch (e) {
    await dispose();
    if (e instanceof ToolError) {
      const text = (e.result.stderr || e.result.stdout).trim();
      const detail = text.split('\n').slice(0, 12).join('\n');
      const missing = missingStdFunctionHint(text, jsonnetSource(abs), await detectJsonnet(jsonnet, options.env, options.runner));
      throw new DeployerError(`could not render jsonnet values file ${options.display}${detail ? `:\n${detail}` : ''}`, {
        file: options.display,
        hint: missing ?? 'fix the jsonnet file; it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME/HUB_NAME/HUB_DOMAIN/PROVIDER/ACCOUNT_ID',
      });
    }
    throw e;
  }
}
