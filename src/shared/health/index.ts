/**
 * The health-check capability: one entry point for the action and the CLI. A hub of the config (cluster + hub: URL
 * from its domain, token from the cluster) or a hub given directly (URL + token).
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Reporter } from '../log.js';
import { registerSecret } from '../redact.js';
import type { RepoPaths } from '../repo/index.js';
import { runHealthCheck, type HealthCheckOptions } from './check.js';
import { readNotebook, type Notebook } from './notebook.js';
import { clusterTarget, parseHubUrl, type HealthTarget } from './target.js';
import type { HealthResult, HubType } from './types.js';

export { runHealthCheck, removeUser, DEFAULT_USERNAME, type HealthCheckOptions } from './check.js';
export { parseNotebook, readNotebook, runNotebook, type Notebook } from './notebook.js';
export { notebooksFor, bundledNotebook } from './notebooks.js';
export { summaryMarkdown, timingRows, verdict, failureDetails } from './report.js';
export { clusterTarget, parseHubUrl, TOKEN_KEY, TOKEN_SECRET } from './target.js';
export * from './types.js';

export interface HubHealthRequest {
  /** For a hub of the config. */
  paths?: RepoPaths;
  cluster?: string;
  hub?: string;
  /** A hub outside the config (with `token`), or, with cluster + hub, a URL overriding https://<domain>. */
  hubUrl?: string;
  token?: string;
  /** For a hub given by URL (default basehub); a hub of the config gets its type from its chart and values. */
  hubType?: HubType;
  checkDaskScaling?: boolean;
  /** Extra notebook files (absolute, or relative to `notebookBase`). */
  notebookFiles?: string[];
  notebookBase?: string;
  ambient?: boolean;
  /** Environment for sops and cloud CLIs (SOPS_AGE_KEY_FILE...). */
  env?: NodeJS.ProcessEnv;
  reporter: Reporter;
  /** Everything else the check takes (attempts, timeouts, signal...). */
  check?: Partial<Omit<HealthCheckOptions, 'hubUrl' | 'token' | 'hubType' | 'hub' | 'reporter' | 'checkDaskScaling' | 'extraNotebooks'>>;
}

async function loadNotebooks(files: string[], base: string): Promise<Notebook[]> {
  return Promise.all(
    files.map((f) => {
      const abs = path.resolve(base, f);
      const rel = path.relative(base, abs);
      return readNotebook(abs, rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : abs);
    }),
  );
}

/** Resolve the target, load the hub's own notebooks (bad input fails before anything is created), run the check. */
export async function runHubHealthCheck(req: HubHealthRequest): Promise<HealthResult> {
  if (req.token) {
    registerSecret(req.token);
    req.reporter.mask(req.token);
  }
  const extraNotebooks = await loadNotebooks(req.notebookFiles ?? [], req.notebookBase ?? process.cwd());
  let target: HealthTarget;
  if (req.cluster || req.hub) {
    if (!req.cluster || !req.hub) throw new UsageError('name both the cluster and the hub', 'e.g. `deployer run-hub-health-check my-cluster staging`');
    if (!req.paths) throw new UsageError('the infrastructure repository location is needed to check a hub of the config');
    if (req.token) {
      // A token given for a hub of the config: use it (with the URL of the config unless hub-url overrides it).
      const { loadCluster, findHub } = await import('../repo/index.js');
      const { hubDomain, hubTypeOf } = await import('./target.js');
      const cluster = await loadCluster(req.paths, req.cluster);
      const hub = findHub(cluster, req.hub);
      target = {
        hub: hub.name,
        hubUrl: req.hubUrl ? parseHubUrl(req.hubUrl, 'hub-url') : parseHubUrl(`https://${await hubDomain(cluster, hub, req.reporter, req.env)}`),
        token: req.token,
        hubType: await hubTypeOf(cluster, hub),
      };
    } else {
      target = await clusterTarget({ paths: req.paths, cluster: req.cluster, hub: req.hub, reporter: req.reporter, ambient: req.ambient, env: req.env, hubUrl: req.hubUrl });
    }
  } else {
    if (!req.hubUrl) throw new UsageError('name a cluster and a hub of the config, or give a hub URL and an API token');
    if (!req.token) throw new UsageError('a hub given by URL needs an API token', 'pass the token of a service with the admin:users, servers and access:servers scopes');
    const url = parseHubUrl(req.hubUrl, 'hub-url');
    target = { hub: new URL(url).host, hubUrl: url, token: req.token, hubType: req.hubType ?? 'basehub' };
  }
  const checkDaskScaling = Boolean(req.checkDaskScaling) && target.hubType === 'daskhub';
  if (req.checkDaskScaling && target.hubType !== 'daskhub') req.reporter.warn(`check-dask-scaling ignored: hub ${target.hub} is a ${target.hubType}, not a daskhub`);
  req.reporter.info(`health check of ${target.hub} (${target.hubType}) at ${target.hubUrl}`);
  return runHealthCheck({
    ...req.check,
    hubUrl: target.hubUrl,
    token: target.token,
    hub: target.hub,
    hubType: target.hubType,
    checkDaskScaling,
    extraNotebooks,
    reporter: req.reporter,
  });
}
