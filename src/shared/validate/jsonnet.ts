/**
 * Jsonnet values files (2026 upstream) in validation: rendered with go-jsonnet with exactly the arguments deploy uses
 * (`jsonnetArgs` of src/shared/helm/jsonnet.ts: `--ext-str VARS_2I2C_*` from the hub's context), so validation checks
 * the values helm will really get. Unlike deploy, an error here becomes a finding at the jsonnet file's line and column,
 * and the rendered value is kept for the schema and authenticator checks.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { runTool, ToolError } from '../exec/run.js';
import { detectJsonnet, jsonnetArgs, jsonnetSource, missingStdFunctionHint, type JsonnetVars } from '../helm/jsonnet.js';

export { jsonnetVars, type JsonnetVars } from '../helm/jsonnet.js';

export function isJsonnetFile(p: string): boolean {
  return p.endsWith('.jsonnet');
}

/** Where a go-jsonnet error points in `abs`: `STATIC ERROR: f.jsonnet:2:6: ...` or `\tf.jsonnet:4:6-18 ...`. */
export function jsonnetErrorLocation(text: string, abs: string): { line: number; col: number; reason: string } {
  const base = path.basename(abs).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`${base}:(\\d+):(\\d+)`).exec(text);
  const first = text.split('\n')[0].replace(new RegExp(`\\S*${base}:\\d+:\\d+(-\\d+)?:?\\s*`), '').trim();
  return { line: at ? Number(at[1]) : 1, col: at ? Number(at[2]) : 1, reason: first || 'jsonnet failed' };
}

/**
 * The cache key of a render: the file (path and content) and the ext vars it can read. A file that imports nothing and
 * reads every ext var by a literal name (`std.extVar('VARS_2I2C_PROVIDER')`) depends only on those vars, so hubs that
 * share them share one render (e.g. a support or chart file that reads only the cluster's vars).
 */
export function jsonnetRenderKey(abs: string, text: string, vars: JsonnetVars): string {
  const all: Record<string, string | undefined> = {
    VARS_2I2C_CLUSTER_NAME: vars.clusterName,
    VARS_2I2C_HUB_NAME: vars.hubName,
    VARS_2I2C_HUB_DOMAIN: vars.hubDomain,
    VARS_2I2C_PROVIDER: vars.provider,
    VARS_2I2C_ACCOUNT_ID: vars.accountId,
  };
  const calls = text.match(/\bextVar\s*\(/g)?.length ?? 0;
  const literal = [...text.matchAll(/\bextVar\s*\(\s*(['"])(VARS_2I2C_[A-Z_]+)\1\s*\)/g)].map((m) => m[2]);
  const exact = !/\bimport(?:str|bin)?\b/.test(text) && calls === literal.length;
  const used = exact ? Object.fromEntries(Object.entries(all).filter(([k]) => literal.includes(k))) : all;
  return `jsonnet:${abs}:${createHash('sha256').update(text).digest('hex')}:${JSON.stringify(used)}`;
}

/**
 * Render `abs` to `outFile` (JSON) and return the value. `display` names the file in errors. A jsonnet failure is a
 * DeployerError located at the jsonnet line.
 */
export async function renderJsonnetValues(
  jsonnet: string,
  abs: string,
  display: string,
  vars: JsonnetVars,
  outFile: string,
  env?: NodeJS.ProcessEnv,
): Promise<unknown> {
  try {
    await runTool(jsonnet, jsonnetArgs(path.resolve(abs), vars, outFile), { env, timeoutMs: 60_000 });
  } catch (e) {
    if (e instanceof ToolError && e.result.code !== null && !e.result.timedOut) {
      const text = (e.result.stderr || e.result.stdout).trim();
      const loc = jsonnetErrorLocation(text, abs);
      // a std function the installed jsonnet lacks (C++ 0.18 vs the 2026 charts): say which jsonnet and how to fix it
      const missing = missingStdFunctionHint(text, jsonnetSource(abs), await detectJsonnet(jsonnet, env));
      throw new DeployerError(`jsonnet could not render this values file: ${loc.reason}${missing ? `; ${missing}` : ''}`, {
        file: display,
        line: loc.line,
        col: loc.col,
        hint: missing ? 'install go-jsonnet or set DEPLOYER_JSONNET' : 'it is rendered with --ext-str VARS_2I2C_CLUSTER_NAME, HUB_NAME, HUB_DOMAIN, PROVIDER and ACCOUNT_ID',
      });
    }
    throw e;
  }
  try {
    return JSON.parse(await readFile(outFile, 'utf8'));
  } catch {
    throw new DeployerError('jsonnet output is not JSON', { file: display, line: 1, col: 1 });
  }
}
