/**
 * `validate`: the five checks of the seed over one cluster or the whole fleet, in one process. Every check returns
 * findings (file, line, col, path, message, severity) rather than stopping at the first; clusters are checked
 * concurrently, renders share one chart workspace (one dependency build per chart) and a pool bounded by the CPU count.
 */
import { DeployerError, UsageError } from '../errors.js';
import { sortFindings, type Finding } from '../findings.js';
import { toolStarts } from '../exec/run.js';
import { listClusterNames, type RepoPaths } from '../repo/index.js';
import { authenticatorConfigFindings } from './authenticator.js';
import { clusterConfigFindings, loadClusterForValidation } from './cluster.js';
import { createValidationContext, dedupeFindings, errorToFinding, renderFailureFindings, type ValidateOptions, type ValidationStats } from './context.js';
import { hubConfigFindings } from './hub.js';
import { supportConfigFindings } from './support.js';

export const CHECKS = ['cluster-config', 'support-config', 'hub-config', 'authenticator-config'] as const;
export type Check = (typeof CHECKS)[number];
export type CheckSelector = Check | 'all';

export interface ValidateRequest {
  /** Which checks (default all four, in upstream's order). */
  checks?: Check[];
  /** One cluster (default: every cluster of the repo). */
  cluster?: string;
  /** One hub of that cluster (default: every hub). */
  hub?: string;
  /** Only these clusters (from changed files); ignored when `cluster` is set. */
  clusters?: string[];
  /** Why `clusters` is what it is (e.g. "the changed files touch no cluster"), said when it is empty. */
  clustersReason?: string;
}

export interface ValidateResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  clusters: string[];
  stats: ValidationStats & { helmStarts: number; jsonnetStarts: number; durationMs: number };
  /** Set when nothing was validated: what was found nothing in (empty is never a silent success). */
  nothingValidated?: string;
}

/** Tool processes started so far whose name matches (helm, helm4...). */
function starts(name: RegExp): number {
  let n = 0;
  for (const [k, v] of toolStarts) if (name.test(k)) n += v;
  return n;
}

/** Parse a check name or a comma list of them ('all' = every check). */
export function parseChecks(input: string | string[] | undefined): Check[] {
  const items = (Array.isArray(input) ? input : (input ?? 'all').split(',')).map((s) => s.trim()).filter(Boolean);
  if (!items.length || items.includes('all')) return [...CHECKS];
  for (const c of items) {
    if (!(CHECKS as readonly string[]).includes(c)) {
      throw new UsageError(`unknown check \`${c}\``, `checks are: all, ${CHECKS.join(', ')}`);
    }
  }
  return CHECKS.filter((c) => items.includes(c));
}

export async function runValidation(paths: RepoPaths, request: ValidateRequest = {}, options: ValidateOptions = {}): Promise<ValidateResult> {
  const started = Date.now();
  const helmBefore = starts(/^helm/);
  const jsonnetBefore = starts(/^jsonnet/);
  const checks = request.checks ?? [...CHECKS];
  if (request.hub && !request.cluster) throw new UsageError('a hub can only be named together with its cluster');
  const ctx = createValidationContext(paths, options);
  const known = listClusterNames(paths); // also: a missing clusters directory is one clear error, whatever is named
  const clusters = request.cluster ? [request.cluster] : (request.clusters ?? known);
  const findings: Finding[] = [];
  try {
    ctx.stats.clusters = clusters.length;
    // Bad input inside one cluster is a finding for that cluster and the run goes on; anything else stops the run, but
    // only once every started render has finished (allSettled), so no helm process outlives the run.
    const located = (e: unknown): Finding[] => {
      // a located fault of the repo (file and line); an unknown hub or cluster named by the caller is not one
      if (e instanceof DeployerError && e.file && e.line !== undefined && !(e instanceof UsageError)) return [errorToFinding(e)];
      throw e;
    };
    const settled = await Promise.allSettled(
      clusters.map(async (name) => {
        // An unknown named cluster is a usage error (thrown); everything wrong inside a cluster is a finding.
        await loadClusterForValidation(ctx, name);
        const parts = await Promise.all(
          checks.map((check) => {
            switch (check) {
              case 'cluster-config':
                return clusterConfigFindings(ctx, name).catch(located);
              case 'support-config':
                return supportConfigFindings(ctx, name).catch(located);
              case 'hub-config':
                return hubConfigFindings(ctx, name, request.hub).catch(located);
              case 'authenticator-config':
                return authenticatorConfigFindings(ctx, name, request.hub).catch(located);
            }
          }),
        );
        return parts.flat();
      }),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const perCluster = settled.map((r) => (r as PromiseFulfilledResult<Finding[]>).value);
    findings.push(...perCluster.flat(), ...renderFailureFindings(ctx));
  } finally {
    await ctx.dispose();
  }
  const all = sortFindings(dedupeFindings(findings));
  return {
    findings: all,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    clusters,
    stats: {
      ...ctx.stats,
      helmStarts: starts(/^helm/) - helmBefore,
      jsonnetStarts: starts(/^jsonnet/) - jsonnetBefore,
      durationMs: Date.now() - started,
    },
    nothingValidated: clusters.length ? undefined : `no cluster was validated: ${request.clustersReason ?? 'the list of clusters to validate is empty'}`,
  };
}

export { clustersTouchedBy } from './changed.js';
export type { ValidateOptions } from './context.js';
