/**
 * Deploy hubs of one cluster: `helm upgrade --install` per hub, release name = namespace = hub name (reference A.5,
 * plus the 2026 additions of B.1/B.6 and our decisions):
 *
 *  1. load cluster.yaml (schema checked) and select the hubs (an unknown hub fails the run, listing the hubs);
 *  2. authenticate once (not for a dry run);
 *  3. per hub, with bounded parallelism (default 1: cluster.yaml order), each hub on its own so one failure does not
 *     stop the others:
 *     chart (a temp copy with dependencies built once per chart per run; chart_override swapped in as Chart.yaml) ->
 *     domain (domain_override_file) -> values (chart values.jsonnet first, then the hub's files in order; secret
 *     files decrypted, jsonnet rendered, YAML checked) -> [dry run: helm template, report objects, stop] ->
 *     namespace ensured -> dask-gateway CRDs (daskhub, once per run) -> stuck-release check/recovery ->
 *     helm upgrade --install --wait -> rollout check of the namespace's Deployments and DaemonSets;
 *  4. every temp file removed on every path; a result per hub.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { shellLine, type ShellPart } from '../exec/shell.js';
import { chartTemplateSources, HelmTemplateError, type TemplateSources } from '../helm/template.js';
import { checkExtraArgs, upgradeArgs, type ReleaseSpec } from '../helm/args.js';
import type { HelmClient } from '../helm/client.js';
import { jsonnetVars } from '../helm/jsonnet.js';
import { recoverPendingRelease } from '../helm/recover.js';
import type { Kubectl } from '../kube/kubectl.js';
import { checkKubectlExtraArgs } from '../kube/args.js';
import type { KubeAccess } from '../auth/types.js';
import type { ChartWorkspace } from '../helm/charts.js';
import { chartOverridePath, displayPath, findHub, hubChartDir, hubValuesFiles, isFile, loadCluster, type Cluster, type Hub } from '../repo/index.js';
import { parseYaml } from '../yaml/index.js';
import {
  authenticateForDeploy,
  chartVersion,
  DEFAULT_TIMEOUT_S,
  errorText,
  helmClient,
  helmInfo,
  kubectlClient,
  logHelmSummary,
  prefixed,
  revisionFromOutput,
  whileUpgrading,
  withHeartbeat,
  dryRunPlan,
  seconds,
  toolEnv,
} from './common.js';
import { mapLimit } from '../pool.js';
import { resolveServices } from './services.js';
import type { DeployHubsOptions, DeployHubsResult, DeployServices, HubResult } from './types.js';
import { Disposables, prepareValues, resolveDomain } from './values.js';
import { DecryptCache, hubSecretFiles, preflightSecrets, ReportedError } from './secrets.js';

export const DEFAULT_DASK_GATEWAY_VERSION = '2023.9.0';

/** The upstream CRD manifests of a dask-gateway version (reference A.5). */
export function daskGatewayCrdUrls(version: string): string[] {
  const base = `https://raw.githubusercontent.com/dask/dask-gateway/${version}/resources/helm/dask-gateway/crds`;
  return [`${base}/daskclusters.yaml`, `${base}/traefik.yaml`];
}

/** The pinned `dask-gateway` dependency version of the daskhub chart (B.1), if it is an exact version. */
export function chartDaskGatewayVersion(chartsDir: string): string | undefined {
  const file = path.join(chartsDir, 'daskhub', 'Chart.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const deps = (parseYaml(readFileSync(file, 'utf8'), file).value as { dependencies?: Array<{ name?: string; version?: unknown }> })?.dependencies;
    const v = deps?.find((d) => d?.name === 'dask-gateway')?.version;
    return typeof v === 'string' && /^v?\d+\.\d+\.\d+$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Select hubs by name (cluster.yaml order when none given); an unknown name fails listing the hubs that exist. */
export function selectHubs(cluster: Cluster, names: string[] | undefined): Hub[] {
  if (!names?.length) return cluster.hubs;
  const seen = new Set<string>();
  const hubs: Hub[] = [];
  for (const n of names) {
    if (seen.has(n)) continue;
    seen.add(n);
    hubs.push(findHub(cluster, n));
  }
  return hubs;
}

interface RunState {
  cluster: Cluster;
  options: DeployHubsOptions;
  services: DeployServices;
  workspace: ChartWorkspace;
  helm: HelmClient;
  kubectl?: Kubectl;
  daskCrds?: Promise<void>;
  total: number;
}

/** Where the dask-gateway CRDs come from: the local source given, or the upstream URLs of the version. */
function daskCrdSources(options: DeployHubsOptions): { sources: string[]; version?: string } {
  if (options.daskGatewayCrds) {
    const local = path.resolve(options.paths.configRoot, options.daskGatewayCrds);
    if (!existsSync(local)) {
      throw new DeployerError(`dask-gateway CRD source ${options.daskGatewayCrds} does not exist`, {
        hint: 'dask-gateway-crds is a directory (or file) of CRD manifests, relative to the config root',
      });
    }
    return { sources: [local] };
  }
  const version = options.daskGatewayVersion || chartDaskGatewayVersion(options.paths.chartsDir) || DEFAULT_DASK_GATEWAY_VERSION;
  return { sources: daskGatewayCrdUrls(version), version };
}

function ensureDaskCrds(state: RunState, log: (m: string) => void): Promise<void> {
  if (!state.daskCrds) {
    state.daskCrds = (async () => {
      const { options } = state;
      const { sources, version } = daskCrdSources(options);
      if (version) log(`Applying dask-gateway ${version} CRDs`);
      for (const s of sources) await withHeartbeat(options, log, () => `kubectl apply of ${s}`, 300, () => state.kubectl!.apply(s));
    })();
  }
  return state.daskCrds;
}

/**
 * A helm command as a line to paste into bash from the config root: the chart by its repo path, each values file as
 * `prepared.shell` gives it (secret files decrypted on the fly by sops, jsonnet rendered on the fly): no temp path,
 * no secret.
 */
function pasteCommand(args: string[], spec: ReleaseSpec, shell: ShellPart[], chartShown: string): string {
  const parts = args.map((a): ShellPart => {
    if (a === spec.chart) return chartShown;
    if (a.startsWith('--values=')) {
      const i = spec.valuesFiles.indexOf(a.slice('--values='.length));
      if (i >= 0) return shell[i];
    }
    return a;
  });
  return shellLine(['helm', ...parts]);
}

/** For a chart with local dependencies (daskhub): what pasting the upgrade line needs first. */
function dependencyNote(chartDisplay: string, sources: TemplateSources): string | undefined {
  if (!Object.keys(sources.subcharts ?? {}).length) return undefined;
  return `${chartDisplay} depends on ${Object.values(sources.subcharts ?? {}).join(', ')}: deployer builds that in a private copy; to paste this line, run \`helm dependency build ${chartDisplay}\` first (it writes into ${chartDisplay}/charts)`;
}

/** The CRD step of a hub's dry-run plan. */
function crdStep(options: DeployHubsOptions, needsCrds: boolean): { comment: string; commands: string[] } {
  if (!needsCrds) return { comment: 'CRDs: none (only daskhub hubs, or values that enable dask-gateway, need the dask-gateway CRDs)', commands: [] };
  const { sources, version } = daskCrdSources(options);
  return {
    comment: `dask-gateway${version ? ` ${version}` : ''} CRDs (once per run)`,
    commands: sources.map((src) => shellLine(['kubectl', 'apply', '-f', src.startsWith(options.paths.configRoot + path.sep) ? displayPath(options.paths, src) : src, ...(options.kubectlExtraArgs ?? [])])),
  };
}

async function deployHub(state: RunState, hub: Hub, index: number): Promise<HubResult> {
  const { cluster, options, services, workspace, helm } = state;
  const started = Date.now();
  const parallel = (options.parallelism ?? 1) > 1;
  const log = prefixed(options.reporter, parallel ? `[${hub.name}] ` : '');
  const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
  const disposables = new Disposables();
  let version: string | null = null;
  try {
    const doing = options.dryRun ? 'Rendering' : 'Deploying';
    log.info(state.total > 1 ? `${index + 1} / ${state.total}: ${doing} hub ${hub.name}...` : `${doing} hub ${hub.name}...`);
    // Chart: a workspace copy (dependencies built once per chart per run), or basehub with the override Chart.yaml.
    const override = chartOverridePath(cluster, hub);
    let chartDir: string;
    let chartDisplay: string;
    let overrideNote: string | undefined;
    if (override) {
      if (!isFile(override)) {
        throw new DeployerError(`chart_override file ${displayPath(cluster.paths, override)} of hub ${hub.name} does not exist`, {
          file: cluster.displayFile,
          ...cluster.yaml.locate(['hubs', hub.index, 'chart_override']),
          hint: 'create the Chart.yaml override file, or remove chart_override',
        });
      }
      chartDir = await workspace.overrideChartDir(hub.helmChart, override);
      chartDisplay = displayPath(cluster.paths, path.join(cluster.paths.chartsDir, hub.helmChart));
      overrideNote = `the chart is ${chartDisplay} with ${hub.helmChart === 'basehub' ? 'its' : "basehub's"} Chart.yaml replaced by the chart_override ${displayPath(cluster.paths, override)}`;
    } else {
      chartDisplay = displayPath(cluster.paths, hubChartDir(cluster, hub));
      chartDir = await workspace.chartDir(hub.helmChart);
    }
    version = chartVersion(chartDir);

    const ctx = { cluster, reporter: options.reporter, services, env: toolEnv(options), runner: services.runner, onCommand: options.onCommand };
    const domain = await resolveDomain(ctx, hub);
    const chartJsonnetPath = path.join(chartDir, 'values.jsonnet');
    const chartJsonnet = existsSync(chartJsonnetPath) ? { abs: chartJsonnetPath, display: `${chartDisplay}/values.jsonnet` } : undefined;
    const values = await prepareValues({ ...ctx, vars: jsonnetVars(cluster, { name: hub.name, domain }) }, hubValuesFiles(cluster, hub), chartJsonnet);
    disposables.add(values.dispose);

    const spec: ReleaseSpec = {
      release: hub.name,
      namespace: hub.name,
      chart: chartDir,
      valuesFiles: values.files,
      timeoutS,
      atomic: options.atomic,
      debug: options.debug,
      extraArgs: options.helmExtraArgs,
    };
    const command = pasteCommand(upgradeArgs(spec, helm.caps), spec, values.shell, chartDisplay);
    // Render errors are located at the chart template in the infra repo, as validate reports them.
    const sources = chartTemplateSources(path.join(cluster.paths.chartsDir, hub.helmChart), (abs) => displayPath(cluster.paths, abs));
    const needsCrds = hub.helmChart === 'daskhub' || values.enablesDaskGateway;

    if (options.dryRun) {
      const objects = await helm.template(spec, sources);
      log.info(
        [
          `Dry run of hub ${hub.name} (nothing sent to the cluster). Deploying it runs, from the config root, with the cluster's credentials:`,
          ...dryRunPlan(options, { release: hub.name, namespace: hub.name, crds: crdStep(options, needsCrds), upgrade: command, objects, note: [overrideNote, dependencyNote(chartDisplay, sources)].filter(Boolean).join('; ') || undefined }).map((l) => `  ${l}`),
          `chart ${hub.helmChart} ${version ?? '?'} renders ${objects.length} object(s):`,
          ...objects.map((o) => `  ${o}`),
        ].join('\n'),
      );
      return { hub: hub.name, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
    }

    const kubectl = state.kubectl!;
    await kubectl.ensureNamespace(hub.name);
    if (needsCrds) await ensureDaskCrds(state, log.info);
    await recoverPendingRelease(helm, hub.name, hub.name, { allow: options.recoverPending === true, timeoutS, log: log.warn });

    log.info(`Running ${command}${overrideNote ? `  # ${overrideNote}` : ''}`);
    const r = await withHeartbeat(options, log.info, () => `helm upgrade of ${hub.name}`, timeoutS, () => whileUpgrading(options, hub.name, hub.name, () => helm.upgrade(spec, sources)));
    logHelmSummary(r.stdout, log.info);
    let revision = revisionFromOutput(r.stdout);
    if (revision === null) revision = (await helm.history(hub.name, hub.name, 1))?.at(-1)?.revision ?? null;

    if (!options.skipRolloutCheck) {
      let current = `namespace ${hub.name}`;
      const objects = await withHeartbeat(options, log.info, () => `rollout of ${current}`, timeoutS, () =>
        kubectl.rolloutStatus(hub.name, timeoutS, (obj, i, n) => (current = `${obj} (${i + 1}/${n})`)),
      );
      log.info(`rollout complete: ${objects.length} deployment(s)/daemonset(s) ready`);
    }
    log.info(`hub ${hub.name} deployed (revision ${revision ?? '?'}, chart ${hub.helmChart} ${version ?? '?'}) in ${seconds(Date.now() - started)} s`);
    return { hub: hub.name, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
  } catch (e) {
    if (e instanceof ReportedError) {
      // Reported in full above (a secret file that does not decrypt): a reference here, the reason in the result.
      log.error(`hub ${hub.name} not deployed: ${e.short}`);
      return { hub: hub.name, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: e.message };
    }
    const error = errorText(e);
    if (e instanceof HelmTemplateError && e.file) {
      // A render failure: one located line, as validate gives it (an annotation at the template in Actions).
      log.error(`hub ${hub.name}: ${e.message.split('\n').join(' ')}`, { file: e.file, line: e.line, col: e.col });
    } else log.error(`hub ${hub.name} failed: ${error}`);
    return { hub: hub.name, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error };
  } finally {
    await disposables.dispose();
  }
}

/** Deploy the selected hubs of a cluster. Throws only for run-level faults (unknown cluster/hub, bad options). */
export async function deployHubs(options: DeployHubsOptions): Promise<DeployHubsResult> {
  // Usage first: extra args that would change the namespace, the cluster or the credentials are refused.
  checkExtraArgs(options.helmExtraArgs ?? []);
  checkKubectlExtraArgs(options.kubectlExtraArgs ?? []);
  const services = await resolveServices(options.services);
  const cluster = await loadCluster(options.paths, options.cluster);
  const hubs = selectHubs(cluster, options.hubs);
  const dryRun = options.dryRun === true;
  if (!hubs.length) {
    options.reporter.info(`cluster ${cluster.name} has no hubs: nothing to deploy`);
    return { cluster: cluster.name, dryRun, results: [], failed: [], dependencyBuilds: 0 };
  }
  const info = await helmInfo(options, services);
  const workspace = await services.createChartWorkspace(options.paths, { helm: info.path, reporter: options.reporter, env: toolEnv(options) });
  // Every secret file the hubs use is decrypted once, up front; a failure is reported once (issue 10 §15).
  const secrets = new DecryptCache(services.decryptFile);
  const hubServices: DeployServices = { ...services, decryptFile: secrets.decryptFile };
  let access: KubeAccess | undefined;
  const notAttempted = (why: string): DeployHubsResult => {
    const error = `not attempted: ${why.split('\n')[0]}`;
    const results = hubs.map((h): HubResult => ({ hub: h.name, status: 'failed', revision: null, chart_version: null, duration_s: 0, error }));
    return { cluster: cluster.name, dryRun, results, failed: hubs.map((h) => h.name), dependencyBuilds: workspace.dependencyBuilds };
  };
  try {
    if (!dryRun) {
      // Authentication first: with a wrong age key it fails on the cluster's key file, once, and nothing else runs.
      const auth = await authenticateForDeploy(cluster, options, services);
      if (auth.error !== undefined) return notAttempted(auth.error);
      access = auth.access;
      // One check that the cluster answers with these credentials: an unreachable cluster or rejected credentials
      // fail the run once, with what to do, instead of once per hub.
      try {
        await kubectlClient(options, services, access).probe(`cluster ${cluster.name}`);
      } catch (e) {
        const error = errorText(e);
        options.reporter.error(error);
        return notAttempted(error);
      }
    }
    await preflightSecrets(secrets, hubSecretFiles(cluster, hubs), { reporter: options.reporter, env: toolEnv(options) });
    const log = (m: string) => options.reporter.info(m);
    const state: RunState = {
      cluster,
      options,
      services: hubServices,
      workspace,
      helm: helmClient(info, options, services, access, log),
      kubectl: access ? kubectlClient(options, services, access) : undefined,
      total: hubs.length,
    };
    options.reporter.info(
      `${dryRun ? 'Dry run of' : 'Deploying'} ${hubs.length} hub(s) of cluster ${cluster.name} with helm ${info.version}` +
        ((options.parallelism ?? 1) > 1 ? `, ${options.parallelism} at a time` : ''),
    );
    if (dryRun) {
      options.reporter.info(
        `The commands shown are for bash, run from the config root (${shellLine(['cd', options.paths.configRoot])}) with the cluster's credentials ` +
          `(${shellLine(['deployer', 'use-cluster-credentials', cluster.name])}); secret values files are decrypted on the fly by sops, jsonnet rendered by jsonnet. ` +
          'deployer itself deploys a prepared copy of each chart (values.schema.yaml converted, dependencies built).',
      );
    }
    // One hub at a time: each hub's lines in a group of its own (collapsible in Actions); in parallel, groups would
    // interleave, so lines carry a [hub] prefix instead.
    const parallel = (options.parallelism ?? 1) > 1;
    const results = await mapLimit(hubs, options.parallelism ?? 1, (hub, i) =>
      parallel ? deployHub(state, hub, i) : options.reporter.group(`${i + 1}/${hubs.length} hub ${hub.name}${dryRun ? ' (dry run)' : ''}`, () => deployHub(state, hub, i)),
    );
    return {
      cluster: cluster.name,
      dryRun,
      results,
      failed: results.filter((r) => r.status === 'failed').map((r) => r.hub),
      dependencyBuilds: workspace.dependencyBuilds,
    };
  } finally {
    await secrets.dispose();
    await workspace.dispose();
    await access?.dispose();
  }
}
