/**
 * The values files a release is deployed with, made ready on disk: secret files decrypted to private temp files,
 * `*.jsonnet` files rendered (with the hub's context) to private temp JSON files, plain YAML files parsed first so a
 * syntax error is reported at its line before anything touches the cluster. Everything temporary is released by
 * `dispose()`, which the caller runs on every path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { isFile, resolveInCluster, type Cluster, type Hub, type ValuesFile } from '../repo/index.js';
import { readYamlFile } from '../yaml/index.js';
import { parseYaml } from '../yaml/index.js';
import { jsonnetArgs, renderJsonnet, type JsonnetVars } from '../helm/jsonnet.js';
import { processSubstitution, type ShellPart } from '../exec/shell.js';
import type { Runner } from '../helm/client.js';
import type { DeployServices } from './types.js';

export interface PreparedValues {
  /** Paths to pass as `--values`, in order. */
  files: string[];
  /** How each entry is named in logs (relative to config-root; secret ones marked). */
  displays: string[];
  /**
   * Each entry as a paste-able `--values=` argument (bash): plain files by their config-root path, secret files
   * decrypted on the fly (`--values=<(sops --decrypt f)`), jsonnet rendered on the fly. No temp path, no secret.
   */
  shell: ShellPart[];
  /** Whether a non-secret values file enables dask-gateway (`dask-gateway.enabled: true`, or under `basehub:`). */
  enablesDaskGateway: boolean;
  dispose(): Promise<void>;
}

export interface PrepareContext {
  cluster: Cluster;
  reporter: Reporter;
  services: Pick<DeployServices, 'decryptFile'>;
  env?: NodeJS.ProcessEnv;
  runner?: Runner;
  vars: JsonnetVars;
  onCommand?: (tool: 'jsonnet', args: string[]) => void;
}

/** A values file that must exist, named with its reference's location in cluster.yaml when it does not. */
function checkExists(cluster: Cluster, v: ValuesFile): void {
  if (!isFile(v.abs)) {
    throw new DeployerError(`values file ${v.display} does not exist`, {
      file: cluster.displayFile,
      ...cluster.yaml.locate(v.pointer),
      hint: `create ${v.display}, or remove \`${v.ref}\` from the list in ${cluster.displayFile}`,
    });
  }
}

function daskGatewayEnabled(value: unknown): boolean {
  const get = (o: unknown, k: string) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
  const on = (o: unknown) => get(get(o, 'dask-gateway'), 'enabled') === true;
  return on(value) || on(get(value, 'basehub'));
}

export class Disposables {
  private readonly items: Array<() => Promise<void> | void> = [];
  add(fn: () => Promise<void> | void): void {
    this.items.push(fn);
  }
  async dispose(): Promise<void> {
    const all = this.items.splice(0).reverse();
    for (const fn of all) {
      try {
        await fn();
      } catch {
        /* best effort: every other file is still removed */
      }
    }
  }
}

/**
 * Make `files` ready, in order. `chartJsonnet` (the chart's own values.jsonnet, 2026) is rendered and passed first.
 * On any failure everything made so far is removed before the error propagates.
 */
export async function prepareValues(ctx: PrepareContext, files: ValuesFile[], chartJsonnet?: { abs: string; display: string }): Promise<PreparedValues> {
  const disposables = new Disposables();
  const out: string[] = [];
  const displays: string[] = [];
  const shell: ShellPart[] = [];
  let enablesDaskGateway = false;
  try {
    for (const v of files) checkExists(ctx.cluster, v);
    const render = async (abs: string, display: string) => {
      const r = await renderJsonnet(abs, {
        vars: ctx.vars,
        display,
        env: ctx.env,
        runner: ctx.runner
          ? (cmd, args, o) => {
              ctx.onCommand?.('jsonnet', args);
              return ctx.runner!(cmd, args, o);
            }
          : undefined,
      });
      disposables.add(r.dispose);
      return r.path;
    };
    if (chartJsonnet) {
      out.push(await render(chartJsonnet.abs, chartJsonnet.display));
      displays.push(`${chartJsonnet.display} (rendered)`);
      shell.push(jsonnetShell(chartJsonnet.display, ctx.vars));
    }
    for (const v of files) {
      if (v.secret) {
        const d = await ctx.services.decryptFile(v.abs, { reporter: ctx.reporter, display: v.display, env: ctx.env });
        disposables.add(() => d.dispose());
        out.push(v.abs.endsWith('.jsonnet') ? await render(d.path, v.display) : d.path);
        displays.push(`${v.display} (decrypted)`);
        shell.push(v.abs.endsWith('.jsonnet') ? jsonnetShell(v.display, ctx.vars, true) : processSubstitution('--values=', ['sops', '--decrypt', v.display]));
      } else if (v.abs.endsWith('.jsonnet')) {
        out.push(await render(v.abs, v.display));
        displays.push(`${v.display} (rendered)`);
        shell.push(jsonnetShell(v.display, ctx.vars));
      } else {
        const y = await readYamlFile(v.abs, v.display);
        if (y.value !== null && y.value !== undefined && (typeof y.value !== 'object' || Array.isArray(y.value))) {
          throw new DeployerError(`values file ${v.display} must hold a mapping at the top level`, { file: v.display, line: 1, col: 1 });
        }
        if (daskGatewayEnabled(y.value)) enablesDaskGateway = true;
        out.push(v.abs);
        displays.push(v.display);
        shell.push(`--values=${v.display}`);
      }
    }
    return { files: out, displays, shell, enablesDaskGateway, dispose: () => disposables.dispose() };
  } catch (e) {
    await disposables.dispose();
    throw e;
  }
}

/** `--values=<(jsonnet ... file)`: the file rendered on the fly, as deploy renders it (a secret one decrypted first). */
function jsonnetShell(display: string, vars: JsonnetVars, secret = false): ShellPart {
  const args: ShellPart[] = jsonnetArgs(display, vars, '-').slice(0, -2);
  if (secret) args[args.indexOf(display)] = processSubstitution('', ['sops', '--decrypt', '--input-type', 'binary', '--output-type', 'binary', display]);
  return processSubstitution('--values=', ['jsonnet', ...args]);
}

/**
 * The hub's domain: `domain`, or `domain` from its `domain_override_file` (decrypted when secret), as upstream A.5.
 */
export async function resolveDomain(ctx: Omit<PrepareContext, 'vars'>, hub: Hub): Promise<string> {
  if (!hub.domainOverrideFile) return hub.domain;
  const pointer = ['hubs', hub.index, 'domain_override_file'];
  const abs = resolveInCluster(ctx.cluster, hub.domainOverrideFile, pointer);
  const display = path.relative(ctx.cluster.paths.configRoot, abs).split(path.sep).join('/');
  if (!existsSync(abs)) {
    throw new DeployerError(`domain_override_file ${display} of hub ${hub.name} does not exist`, {
      file: ctx.cluster.displayFile,
      ...ctx.cluster.yaml.locate(pointer),
      hint: 'create the file (a YAML mapping with `domain:`), or remove domain_override_file',
    });
  }
  const read = (p: string) => parseYaml(readFileSync(p, 'utf8'), display).value as Record<string, unknown> | null;
  let doc: Record<string, unknown> | null;
  if (path.basename(abs).includes('secret')) {
    const d = await ctx.services.decryptFile(abs, { reporter: ctx.reporter, display, env: ctx.env });
    try {
      doc = read(d.path);
    } finally {
      await d.dispose();
    }
  } else doc = read(abs);
  const domain = doc && typeof doc === 'object' ? doc.domain : undefined;
  if (typeof domain !== 'string' || !domain) {
    throw new DeployerError(`domain_override_file ${display} has no \`domain:\` string`, { file: display, hint: 'write `domain: <hub FQDN>` in it' });
  }
  return domain;
}
