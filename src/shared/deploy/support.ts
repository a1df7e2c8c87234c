/**
 * Deploy the support stack of a cluster (reference A.6): cert-manager (CRDs, then the chart at a pinned version from
 * the jetstack repository, or from a local chart), then the support chart with
 * `<charts-dir>/support/enc-support.secret.values.yaml` first and the cluster's support values files after it.
 * A cluster without a `support` section gets nothing at all (no authentication either), and the result says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { shellLine, type ShellPart } from '../exec/shell.js';
import { chartTemplateSources, type TemplateSources } from '../helm/template.js';
import { checkExtraArgs, upgradeArgs, type ReleaseSpec } from '../helm/args.js';
import type { HelmClient } from '../helm/client.js';
import { jsonnetVars } from '../helm/jsonnet.js';
import { recoverPendingRelease } from '../helm/recover.js';
import type { Kubectl } from '../kube/kubectl.js';
import { checkKubectlExtraArgs } from '../kube/args.js';
import type { KubeAccess } from '../auth/types.js';
import { displayPath, isSecretFile, loadCluster, supportValuesFiles, type ValuesFile } from '../repo/index.js';
import { authenticateForDeploy, chartVersion, DEFAULT_TIMEOUT_S, errorText, helmClient, helmInfo, kubectlClient, logHelmSummary, revisionFromOutput, seconds, toolEnv, whileUpgrading, withHeartbeat, dryRunPlan } from './common.js';
import { resolveServices } from './services.js';
import type { DeploySupportOptions, DeploySupportResult, ReleaseResult } from './types.js';
import { Disposables, prepareValues } from './values.js';

export const DEFAULT_CERT_MANAGER_VERSION = 'v1.12.1';
export const JETSTACK_REPO = 'https://charts.jetstack.io';

export function certManagerCrdsUrl(version: string): string {
  return `https://github.com/cert-manager/cert-manager/releases/download/${version}/cert-manager.crds.yaml`;
}

function failed(release: string, namespace: string, error: string, started: number, version: string | null = null): ReleaseResult {
  return { release, namespace, status: 'failed', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error };
}

interface Step {
  helm: HelmClient;
  kubectl?: Kubectl;
  options: DeploySupportOptions;
}

async function upgradeRelease(
  step: Step,
  spec: ReleaseSpec,
  command: string,
  version: string | null,
  started: number,
  crds: { comment: string; commands: string[] },
  sources?: TemplateSources,
): Promise<ReleaseResult> {
  const { helm, kubectl, options } = step;
  const log = (m: string) => options.reporter.info(m);
  if (options.dryRun) {
    const objects = await helm.template(spec, sources);
    log(
      [
        `Dry run of ${spec.release} (nothing sent to the cluster). Deploying it runs, from the config root, with the cluster's credentials:`,
        ...dryRunPlan(options, { release: spec.release, namespace: spec.namespace, crds, upgrade: command, objects }).map((l) => `  ${l}`),
        `chart ${spec.release} ${version ?? '?'} renders ${objects.length} object(s):`,
        ...objects.map((o) => `  ${o}`),
      ].join('\n'),
    );
    return { release: spec.release, namespace: spec.namespace, status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
  }
  await kubectl!.ensureNamespace(spec.namespace);
  await recoverPendingRelease(helm, spec.release, spec.namespace, {
    allow: options.recoverPending === true,
    timeoutS: spec.timeoutS,
    log: (m) => options.reporter.warn(m),
  });
  log(`Running ${command}`);
  const r = await withHeartbeat(options, log, () => `helm upgrade of ${spec.release}`, spec.timeoutS, () => whileUpgrading(options, spec.release, spec.namespace, () => helm.upgrade(spec, sources)));
  logHelmSummary(r.stdout, log);
  let revision = revisionFromOutput(r.stdout);
  if (revision === null) revision = (await helm.history(spec.release, spec.namespace, 1))?.at(-1)?.revision ?? null;
  if (!options.skipRolloutCheck) {
    let current = `namespace ${spec.namespace}`;
    const objects = await withHeartbeat(options, log, () => `rollout of ${current}`, spec.timeoutS, () =>
      kubectl!.rolloutStatus(spec.namespace, spec.timeoutS, (obj, i, n) => (current = `${obj} (${i + 1}/${n})`)),
    );
    log(`rollout complete in namespace ${spec.namespace}: ${objects.length} deployment(s)/daemonset(s) ready`);
  }
  return { release: spec.release, namespace: spec.namespace, status: 'deployed', revision, chart_version: version, duration_s: seconds(Date.now() - started), error: null };
}

export async function deploySupport(options: DeploySupportOptions): Promise<DeploySupportResult> {
  // Usage first: extra args that would change the namespace, the cluster or the credentials are refused.
  checkExtraArgs(options.helmExtraArgs ?? []);
  checkKubectlExtraArgs(options.kubectlExtraArgs ?? []);
  const services = await resolveServices(options.services);
  const cluster = await loadCluster(options.paths, options.cluster);
  const dryRun = options.dryRun === true;
  if (!cluster.support) {
    const message = `cluster ${cluster.name} has no \`support\` section in ${cluster.displayFile}: nothing to deploy (cert-manager and the support chart are left untouched)`;
    options.reporter.info(message);
    return { cluster: cluster.name, status: 'skipped', dryRun, message, releases: [] };
  }
  const extra = options.helmExtraArgs ?? [];
  const timeoutS = options.timeoutS ?? DEFAULT_TIMEOUT_S;
  const certVersion = options.certManagerVersion || DEFAULT_CERT_MANAGER_VERSION;
  const releases: ReleaseResult[] = [];
  const disposables = new Disposables();
  const info = await helmInfo(options, services);
  const workspace = await services.createChartWorkspace(options.paths, { helm: info.path, reporter: options.reporter, env: toolEnv(options) });
  let access: KubeAccess | undefined;
  const supportStarted = Date.now();
  try {
    // Everything that can be checked without the cluster first: the support chart and its values.
    const supportSrc = path.join(options.paths.chartsDir, 'support');
    const supportDisplay = displayPath(options.paths, supportSrc);
    let supportChart: string;
    let values;
    try {
      if (!existsSync(path.join(supportSrc, 'Chart.yaml'))) {
        throw new DeployerError(`support chart not found: ${supportDisplay}/Chart.yaml does not exist`, { hint: 'check --charts-dir (charts-dir input)' });
      }
      const shared = path.join(supportSrc, 'enc-support.secret.values.yaml');
      if (!existsSync(shared)) {
        throw new DeployerError(`${supportDisplay}/enc-support.secret.values.yaml does not exist`, {
          hint: 'the support chart is always deployed with this shared sops-encrypted values file first (it holds grafana.adminPassword); create it',
        });
      }
      supportChart = await workspace.chartDir('support');
      const sharedFile: ValuesFile = { ref: 'enc-support.secret.values.yaml', abs: shared, display: `${supportDisplay}/enc-support.secret.values.yaml`, secret: isSecretFile(shared), pointer: ['support'] };
      const chartJsonnet = path.join(supportChart, 'values.jsonnet');
      const ctx = { cluster, reporter: options.reporter, services, env: toolEnv(options), runner: services.runner, vars: jsonnetVars(cluster), onCommand: options.onCommand };
      values = await prepareValues(ctx, [sharedFile, ...supportValuesFiles(cluster)]);
      disposables.add(values.dispose);
      if (existsSync(chartJsonnet)) {
        // 2026: the chart's values.jsonnet goes after the shared secret values and before the cluster's files.
        const rendered = await prepareValues(ctx, [], { abs: chartJsonnet, display: `${supportDisplay}/values.jsonnet` });
        disposables.add(rendered.dispose);
        values.files.splice(1, 0, ...rendered.files);
        values.displays.splice(1, 0, ...rendered.displays);
        values.shell.splice(1, 0, ...rendered.shell);
      }
    } catch (e) {
      const error = errorText(e);
      options.reporter.error(`support chart of ${cluster.name} not deployed: ${error}`);
      return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases: [failed('support', 'support', error, supportStarted)] };
    }

    if (!dryRun) {
      const auth = await authenticateForDeploy(cluster, options, services);
      if (auth.error !== undefined) {
        return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases: [failed('support', 'support', auth.error, supportStarted)] };
      }
      access = auth.access;
    }
    const step: Step = {
      helm: helmClient(info, options, services, access, (m) => options.reporter.info(m)),
      kubectl: access ? kubectlClient(options, services, access) : undefined,
      options,
    };
    if (step.kubectl) {
      // One check that the cluster answers with these credentials, before any release (issue 10 §15).
      try {
        await step.kubectl.probe(`cluster ${cluster.name}`);
      } catch (e) {
        const error = errorText(e);
        options.reporter.error(error);
        const why = `not attempted: ${error.split('\n')[0]}`;
        const releases = [...(options.skipCertManager ? [] : [failed('cert-manager', 'cert-manager', why, supportStarted)]), failed('support', 'support', why, supportStarted)];
        return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases };
      }
    }

    if (dryRun) {
      options.reporter.info(
        `The commands shown are for bash, run from the config root (${shellLine(['cd', options.paths.configRoot])}) with the cluster's credentials ` +
          `(${shellLine(['deployer', 'use-cluster-credentials', cluster.name])}); secret values files are decrypted on the fly by sops.`,
      );
    }

    // 1. cert-manager
    if (!options.skipCertManager) {
      const started = Date.now();
      let version: string | null = certVersion;
      // Each release's lines in a group of its own (collapsible in Actions).
      const ok = await options.reporter.group(`cert-manager${dryRun ? ' (dry run)' : ''}`, async () => {
        try {
          options.reporter.info('Provisioning cert-manager...');
          let spec: ReleaseSpec;
          let chartShown: string;
          if (options.certManagerChart) {
            const local = path.resolve(options.paths.configRoot, options.certManagerChart);
            if (!existsSync(local)) {
              throw new DeployerError(`cert-manager chart ${options.certManagerChart} does not exist`, { hint: 'cert-manager-chart is a local chart directory or .tgz, relative to the config root' });
            }
            version = existsSync(path.join(local, 'Chart.yaml')) ? chartVersion(local) : (/-(v?\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(local)?.[1] ?? null);
            spec = { release: 'cert-manager', namespace: 'cert-manager', chart: local, valuesFiles: [], timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
            chartShown = displayPath(options.paths, local);
          } else {
            spec = { release: 'cert-manager', namespace: 'cert-manager', chart: 'cert-manager', repo: JETSTACK_REPO, version: certVersion, valuesFiles: [], timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
            chartShown = 'cert-manager';
          }
          const crds = options.certManagerCrds ? (/^https?:\/\//.test(options.certManagerCrds) ? options.certManagerCrds : path.resolve(options.paths.configRoot, options.certManagerCrds)) : certManagerCrdsUrl(certVersion);
          if (!/^https?:\/\//.test(crds) && !existsSync(crds)) {
            throw new DeployerError(`cert-manager CRDs ${options.certManagerCrds} do not exist`, { hint: 'cert-manager-crds is a URL, or a local file or directory relative to the config root' });
          }
          const command = shellLine(['helm', ...upgradeArgs(spec, step.helm.caps).map((a) => (a === spec.chart ? chartShown : a))]);
          const crdStep = {
            comment: 'cert-manager CRDs',
            commands: [shellLine(['kubectl', 'apply', '-f', /^https?:\/\//.test(crds) ? crds : displayPath(options.paths, crds), ...(options.kubectlExtraArgs ?? [])])],
          };
          if (dryRun && !options.certManagerChart) {
            // The jetstack chart is not downloaded for a dry run: the plan without the rendered objects.
            options.reporter.info(
              [
                'Dry run of cert-manager (nothing sent to the cluster, the chart not downloaded). Deploying it runs, from the config root, with the cluster\'s credentials:',
                ...dryRunPlan({ ...options, skipRolloutCheck: true }, { release: 'cert-manager', namespace: 'cert-manager', crds: crdStep, upgrade: command, objects: [] }).map((l) => `  ${l}`),
                ...(options.skipRolloutCheck ? [] : ['  # 5. rollout check of the namespace\'s Deployments (kubectl rollout status --namespace=cert-manager ...)']),
              ].join('\n'),
            );
            releases.push({ release: 'cert-manager', namespace: 'cert-manager', status: 'rendered', revision: null, chart_version: version, duration_s: seconds(Date.now() - started), error: null });
          } else {
            if (!dryRun) await withHeartbeat(options, (m) => options.reporter.info(m), () => `kubectl apply of ${crds}`, 300, () => step.kubectl!.apply(crds));
            releases.push(await upgradeRelease(step, spec, command, version, started, crdStep));
          }
          options.reporter.info('Done!');
          return true;
        } catch (e) {
          const error = errorText(e);
          options.reporter.error(`cert-manager failed: ${error}`);
          releases.push(failed('cert-manager', 'cert-manager', error, started, version));
          releases.push(failed('support', 'support', 'not attempted: cert-manager failed first', supportStarted));
          return false;
        }
      });
      if (!ok) return { cluster: cluster.name, status: 'failed', dryRun, message: null, releases };
    }

    // 2. the support chart
    await options.reporter.group(`support${dryRun ? ' (dry run)' : ''}`, async () => {
      const started = Date.now();
      const version = chartVersion(supportChart);
      try {
        options.reporter.info('Provisioning support charts...');
        const spec: ReleaseSpec = { release: 'support', namespace: 'support', chart: supportChart, valuesFiles: values.files, timeoutS, atomic: options.atomic, debug: options.debug, extraArgs: extra };
        const command = shellLine([
          'helm',
          ...upgradeArgs(spec, step.helm.caps).map((a): ShellPart => {
            if (a === supportChart) return supportDisplay;
            const i = a.startsWith('--values=') ? values.files.indexOf(a.slice(9)) : -1;
            return i >= 0 ? values.shell[i] : a;
          }),
        ]);
        const sources = chartTemplateSources(supportSrc, (abs) => displayPath(options.paths, abs));
        releases.push(await upgradeRelease(step, spec, command, version, started, { comment: 'CRDs: none for the support chart (cert-manager\'s are applied with cert-manager)', commands: [] }, sources));
        options.reporter.info('Done!');
      } catch (e) {
        const error = errorText(e);
        options.reporter.error(`support chart failed: ${error}`);
        releases.push(failed('support', 'support', error, started, version));
      }
    });
    const anyFailed = releases.some((r) => r.status === 'failed');
    return { cluster: cluster.name, status: anyFailed ? 'failed' : dryRun ? 'rendered' : 'deployed', dryRun, message: null, releases };
  } finally {
    await disposables.dispose();
    await workspace.dispose();
    await access?.dispose();
  }
}
