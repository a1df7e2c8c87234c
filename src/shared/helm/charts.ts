/**
 * Chart preparation shared by validate and deploy: a private temporary copy of the charts directory in which
 * `values.schema.yaml` is converted to the `values.schema.json` helm reads and `helm dependency build` runs at most
 * once per chart per run (concurrent callers share one promise). The infra repo's working tree is never written to:
 * no generated values.schema.json, charts/*.tgz or Chart.lock is left behind in it.
 *
 * `file://../<chart>` dependencies resolve inside the copy (the whole charts directory is copied, symlinks kept
 * verbatim), and a chart that depends on another chart of the workspace (daskhub on basehub) gets that chart prepared
 * first, so the packaged dependency carries its own schema and subcharts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { silentReporter, type Reporter } from '../log.js';
import { displayPath, type RepoPaths } from '../repo/index.js';
import { runTool, ToolError } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';
import { parseYaml } from '../yaml/index.js';
import { privateTempDir } from '../secrets/tempdir.js';

export interface ChartWorkspaceOptions {
  /** The helm binary (default: `toolPath('helm')`, i.e. $DEPLOYER_HELM or PATH). */
  helm?: string;
  reporter?: Reporter;
  /** Environment of the helm processes (default: the exec runner's base environment). */
  env?: NodeJS.ProcessEnv;
  /** Timeout of one `helm dependency build` (default 5 minutes). */
  timeoutMs?: number;
}

export interface ChartWorkspace {
  /** Path of a ready copy of chart `name` (helm-charts/<name>) with its dependencies built; built at most once per run. */
  chartDir(name: string): Promise<string>;
  /**
   * Copy an arbitrary chart dir into the workspace, beside the copied charts (so `file://../basehub` resolves to the
   * workspace's basehub), convert its schema and build its deps once (memoised per source directory).
   */
  addChartDir(srcDir: string): Promise<string>;
  /**
   * A hub's `chart_override` (2026): a copy of basehub whose Chart.yaml is replaced by `overrideFile`; for another
   * chart (a legacy daskhub) a copy of that chart beside it, depending on the overridden basehub. Memoised per
   * (chart, override file content).
   */
  overrideChartDir(chart: string, overrideFile: string): Promise<string>;
  /** The temporary directory holding everything (the copied charts are in `<root>/charts`). */
  readonly root: string;
  /** How many `helm dependency build` ran. */
  dependencyBuilds: number;
  /** Removes the temp copy. Idempotent. */
  dispose(): Promise<void>;
}

interface ChartDependency {
  name?: string;
  repository?: string;
}

/** Read a chart's Chart.yaml (in the workspace) and return its dependencies. */
async function readDependencies(dir: string, display: string): Promise<ChartDependency[]> {
  const file = path.join(dir, 'Chart.yaml');
  const y = parseYaml(await readFile(file, 'utf8'), display);
  const deps = (y.value as { dependencies?: unknown } | null)?.dependencies;
  if (deps === undefined || deps === null) return [];
  if (!Array.isArray(deps)) {
    throw new DeployerError('`dependencies` in Chart.yaml must be a list', { file: display, ...y.locate(['dependencies']) });
  }
  return deps as ChartDependency[];
}

/** Convert `values.schema.yaml` into `values.schema.json` inside a workspace chart dir (no-op without one). */
async function convertSchema(dir: string, display: string): Promise<void> {
  const yamlFile = path.join(dir, 'values.schema.yaml');
  if (!existsSync(yamlFile)) return;
  const y = parseYaml(await readFile(yamlFile, 'utf8'), display);
  await writeFile(path.join(dir, 'values.schema.json'), JSON.stringify(y.value ?? {}, null, 2) + '\n');
}

function localDependencyDir(chartDir: string, repository: string | undefined): string | undefined {
  if (!repository?.startsWith('file://')) return undefined;
  return path.resolve(chartDir, repository.slice('file://'.length));
}

export async function createChartWorkspace(paths: RepoPaths, options: ChartWorkspaceOptions = {}): Promise<ChartWorkspace> {
  const reporter = options.reporter ?? silentReporter;
  if (!existsSync(paths.chartsDir)) {
    throw new DeployerError(`charts directory ${displayPath(paths, paths.chartsDir)} does not exist`, {
      hint: 'pass --charts-dir (or the charts-dir input) pointing at the directory holding basehub, daskhub and support',
    });
  }
  // A private temp dir (0700, under RUNNER_TEMP or the OS temp dir) removed on dispose and on every way the process
  // ends: exit, process.exit, uncaught errors, SIGINT/SIGTERM/SIGHUP (secrets/tempdir.ts, exec/shutdown.ts).
  const tmp = await privateTempDir('charts');
  const root = tmp.dir;
  const chartsRoot = path.join(root, 'charts');
  try {
    // verbatimSymlinks: a relative symlink (daskhub/values.jsonnet -> ../basehub/values.jsonnet) stays relative, so it
    // resolves inside the copy instead of pointing back into the infra repo.
    await cp(paths.chartsDir, chartsRoot, { recursive: true, verbatimSymlinks: true, filter: (src) => path.basename(src) !== '.git' });
  } catch (e) {
    await tmp.dispose();
    throw new DeployerError(`could not copy the charts directory ${displayPath(paths, paths.chartsDir)}: ${(e as Error).message}`);
  }
  let helmBin: string | undefined;
  const helm = () => (helmBin ??= options.helm ?? toolPath('helm', options.env ?? process.env));
  const prepared = new Map<string, Promise<string>>(); // workspace dir -> ready
  const added = new Map<string, Promise<string>>(); // source dir / override key -> workspace dir
  let variants = 0;
  let disposed = false;

  /** How a workspace path is named in messages: the infra repo path it was copied from, where there is one. */
  const sourceName = (wsPath: string) => {
    const rel = path.relative(chartsRoot, wsPath);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return displayPath(paths, path.join(paths.chartsDir, rel));
    return wsPath;
  };

  const ws: ChartWorkspace = {
    root,
    dependencyBuilds: 0,
    chartDir(name: string) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
        return Promise.reject(new DeployerError(`invalid chart name \`${name}\``, { hint: 'a chart name is a directory name under the charts directory' }));
      }
      return prepare(path.join(chartsRoot, name), []);
    },
    addChartDir(srcDir: string) {
      const key = path.resolve(srcDir);
      let p = added.get(key);
      if (!p) {
        p = (async () => {
          const dest = path.join(chartsRoot, `${path.basename(key)}--copy-${++variants}`);
          await cp(key, dest, { recursive: true, verbatimSymlinks: true });
          return prepare(dest, []);
        })();
        added.set(key, p);
      }
      return p;
    },
    overrideChartDir(chart: string, overrideFile: string) {
      return (async () => {
        const text = await readFile(overrideFile);
        const key = `override:${chart}:${createHash('sha256').update(text).digest('hex')}`;
        let p = added.get(key);
        if (!p) {
          p = (async () => {
            // A variant directory of its own: basehub with the override Chart.yaml, and (legacy daskhub) the chart
            // beside it, so its `file://../basehub` resolves to the overridden basehub, as upstream deploys it.
            const vroot = path.join(root, `override-${++variants}`);
            await mkdir(vroot, { recursive: true });
            await cp(path.join(chartsRoot, 'basehub'), path.join(vroot, 'basehub'), { recursive: true, verbatimSymlinks: true });
            await writeFile(path.join(vroot, 'basehub', 'Chart.yaml'), text);
            if (chart !== 'basehub') {
              await cp(path.join(chartsRoot, chart), path.join(vroot, chart), { recursive: true, verbatimSymlinks: true });
            }
            return prepare(path.join(vroot, chart), []);
          })();
          added.set(key, p);
        }
        return p;
      })();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      // Let running builds settle before removing their directory.
      await Promise.allSettled([...prepared.values(), ...added.values()]);
      await tmp.dispose();
    },
  };

  function prepare(dir: string, stack: string[]): Promise<string> {
    if (disposed) return Promise.reject(new DeployerError('the chart workspace was already disposed'));
    if (stack.includes(dir)) {
      return Promise.reject(
        new DeployerError(`charts depend on each other in a cycle: ${[...stack, dir].map(sourceName).join(' -> ')}`, {
          hint: 'remove the circular file:// dependency from one of the Chart.yaml files',
        }),
      );
    }
    let p = prepared.get(dir);
    if (!p) {
      p = build(dir, [...stack, dir]);
      prepared.set(dir, p);
    }
    return p;
  }

  async function build(dir: string, stack: string[]): Promise<string> {
    const display = `${sourceName(dir)}/Chart.yaml`;
    if (!existsSync(path.join(dir, 'Chart.yaml'))) {
      throw new DeployerError(`chart \`${path.basename(dir)}\` not found: ${display} does not exist`, {
        hint: 'check --charts-dir (charts-dir input) and the helm_chart of the hub',
      });
    }
    const deps = await readDependencies(dir, display);
    // Local dependencies first: their schema JSON and their own subcharts must exist before helm packages them.
    await Promise.all(
      deps.map((d) => {
        const local = localDependencyDir(dir, d.repository);
        return local && existsSync(path.join(local, 'Chart.yaml')) && (local.startsWith(root + path.sep)) ? prepare(local, stack) : undefined;
      }),
    );
    await convertSchema(dir, `${sourceName(dir)}/values.schema.yaml`);
    if (deps.length === 0) return dir;
    reporter.debug(`helm dependency build ${sourceName(dir)}`);
    ws.dependencyBuilds++;
    try {
      await runTool(helm(), ['dependency', 'build', dir, '--skip-refresh'], { env: options.env, timeoutMs: options.timeoutMs ?? 5 * 60_000 });
    } catch (e) {
      if (e instanceof ToolError) {
        const out = (e.result.stderr || e.result.stdout).trim().split('\n').slice(-5).join('\n').split(root).join('<charts>');
        const outOfSync = /out of sync/i.test(out);
        throw new DeployerError(`\`helm dependency build\` failed for chart ${sourceName(dir)}: ${out || e.message}`, {
          file: display,
          line: 1,
          col: 1,
          hint: outOfSync
            ? 'Chart.lock does not match the dependencies in Chart.yaml: run `helm dependency update` on the chart and commit the new Chart.lock'
            : 'check the dependencies of this Chart.yaml (a remote chart repository needs network access, or vendor the chart under charts/)',
        });
      }
      throw e;
    }
    return dir;
  }

  return ws;
}
