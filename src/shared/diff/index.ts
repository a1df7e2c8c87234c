/**
 * `deployer diff`: what a change does to the rendered releases, offline. For each release the change plans (or the
 * ones named), render it at the base and at the head with `helm template` (no decryption: secret files become
 * placeholders), split both renders into objects and compare them object by object. Changed secret files are
 * reported by key from their sops trees, never by value.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeployerError } from '../errors.js';
import { toolStarts } from '../exec/run.js';
import { silentReporter, type Reporter } from '../log.js';
import { isSecretFile, loadCluster, repoPaths, type RepoPaths } from '../repo/index.js';
import { createValidationContext, type ValidationContext } from '../validate/context.js';
import { planDeployments, type Matrices } from '../plan/index.js';
import type { PlanRules } from '../plan/rules.js';
import { compareObjects, type ObjectChange } from './compare.js';
import { splitManifest } from './objects.js';
import { compareEncrypted, describeSecretChange, readEncrypted, type SecretFileChange } from './placeholders.js';
import { changedBetween, checkoutRef, checkRef, resolveCommit, WORKTREE, type RefTree } from './refs.js';
import { renderRelease, SUPPORT_RELEASE, type ReleaseId, type RenderOutcome } from './render.js';

export { WORKTREE } from './refs.js';
export { SUPPORT_RELEASE } from './render.js';
export type { ObjectChange } from './compare.js';
export type { SecretFileChange } from './placeholders.js';

export type ReleaseStatus = 'changed' | 'unchanged' | 'failed' | 'added' | 'removed';

export interface ReleaseDiff {
  cluster: string;
  /** Hub name, or `support`. */
  release: string;
  status: ReleaseStatus;
  objects: ObjectChange[];
  linesAdded: number;
  linesRemoved: number;
  /** "encrypted values changed in F (keys: ...)": keys only. */
  secretChanges: string[];
  /** For `failed`: at which ref, and the located message. */
  failure?: { ref: 'base' | 'head'; message: string };
  /** For `added`/`removed`: what a person should know. */
  note?: string;
}

export interface DiffRequest {
  configRoot: string;
  clustersDir?: string;
  chartsDir?: string;
  base: string;
  /** Default: the working tree as it is. */
  head?: string;
  /** Diff these clusters' releases instead of the planned ones: cluster -> hub names (empty: every hub). */
  only?: { cluster: string; hubs: string[] };
  labels?: string[];
  rules?: PlanRules;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
  helm?: string;
  /** helm processes at once, base and head together (default: the CPU count). */
  concurrency?: number;
}

export interface DiffResult {
  base: { ref: string; commit?: string };
  head: { ref: string; commit?: string };
  changedFiles: string[];
  /** The plan the releases came from (absent when releases were named). */
  matrices?: Matrices;
  releases: ReleaseDiff[];
  secretFiles: SecretFileChange[];
  stats: { renders: number; helmProcesses: number; dependencyBuilds: number; durationMs: number };
}

const key = (id: ReleaseId) => `${id.cluster}/${id.release}`;

/** The releases to diff: the planned ones (hubs of staging and prod, support charts), or the named ones. */
async function selectReleases(req: DiffRequest, headPaths: RepoPaths, basePaths: RepoPaths, changed: string[]): Promise<{ ids: ReleaseId[]; matrices?: Matrices }> {
  if (req.only) {
    const { cluster, hubs } = req.only;
    if (hubs.length) return { ids: hubs.map((h) => ({ cluster, release: h })) };
    const names = new Set<string>();
    for (const p of [headPaths, basePaths]) {
      try {
        const c = await loadCluster(p, cluster, { schema: false });
        c.hubs.forEach((h) => names.add(h.name));
      } catch {
        /* absent at this ref */
      }
    }
    if (!names.size) throw new DeployerError(`cluster ${cluster} has no hubs at either ref (or does not exist)`, { hint: 'check the cluster name (a directory under the clusters dir)' });
    return { ids: [...names].sort().map((h) => ({ cluster, release: h })) };
  }
  const readBase = async (rel: string) => {
    try {
      return await readFile(path.join(basePaths.configRoot, rel), 'utf8');
    } catch {
      return undefined;
    }
  };
  const plan = await planDeployments({ paths: headPaths, changed: changed.filter((f) => !f.startsWith('.')), labels: req.labels, rules: req.rules, source: 'the changed files', readBase });
  const ids = new Map<string, ReleaseId>();
  for (const s of plan.matrices['support-jobs']) ids.set(key({ cluster: s.cluster_name, release: SUPPORT_RELEASE }), { cluster: s.cluster_name, release: SUPPORT_RELEASE });
  for (const h of [...plan.matrices['staging-jobs'], ...plan.matrices['prod-jobs']]) ids.set(key({ cluster: h.cluster_name, release: h.hub_name }), { cluster: h.cluster_name, release: h.hub_name });
  // Hubs removed from a changed cluster.yaml: the plan (made from the head) cannot see them; the diff must.
  const dirRel = path.relative(headPaths.configRoot, headPaths.clustersDir).split(path.sep).join('/');
  for (const f of changed) {
    const m = new RegExp(`^${dirRel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/cluster\\.yaml$`).exec(f);
    if (!m) continue;
    try {
      const before = await loadCluster(basePaths, m[1], { schema: false });
      let after = new Set<string>();
      try {
        after = new Set((await loadCluster(headPaths, m[1], { schema: false })).hubs.map((h) => h.name));
      } catch {
        /* the whole cluster is gone at the head */
      }
      for (const h of before.hubs) if (!after.has(h.name)) ids.set(key({ cluster: m[1], release: h.name }), { cluster: m[1], release: h.name });
    } catch {
      /* a new cluster: nothing was removed */
    }
  }
  const sorted = [...ids.values()].sort((a, b) => (a.cluster === b.cluster ? (a.release < b.release ? -1 : 1) : a.cluster < b.cluster ? -1 : 1));
  return { ids: sorted, matrices: plan.matrices };
}

function diffOne(id: ReleaseId, before: RenderOutcome, after: RenderOutcome, secretChanges: Map<string, SecretFileChange>): ReleaseDiff {
  const base: ReleaseDiff = { ...id, status: 'unchanged', objects: [], linesAdded: 0, linesRemoved: 0, secretChanges: [] };
  if (!after.ok && !after.absent) return { ...base, status: 'failed', failure: { ref: 'head', message: after.error } };
  if (!before.ok && !before.absent) return { ...base, status: 'failed', failure: { ref: 'base', message: before.error } };
  if (!after.ok && after.absent) {
    if (!before.ok) return { ...base, status: 'unchanged', note: `absent at both refs (${after.why})` };
    const uninstall = id.release === SUPPORT_RELEASE ? 'helm uninstall support --namespace support' : `helm uninstall ${id.release} --namespace ${id.release}`;
    const objects = compareObjects(splitManifest(before.manifest, before.namespace), []);
    return {
      ...base,
      status: 'removed',
      objects,
      linesRemoved: objects.reduce((n, o) => n + o.removed, 0),
      note: `${after.why}: the release \`${id.release}\` stays on cluster ${id.cluster}; once nothing needs it, remove it with \`deployer use-cluster-credentials ${id.cluster} ${uninstall}\``,
    };
  }
  const afterObjects = splitManifest((after as { manifest: string }).manifest, (after as { namespace: string }).namespace);
  const beforeObjects = before.ok ? splitManifest(before.manifest, before.namespace) : [];
  const objects = compareObjects(beforeObjects, afterObjects);
  const secrets = (after.ok ? after.secretFiles : []).map((f) => secretChanges.get(f)).filter((c): c is SecretFileChange => !!c).map(describeSecretChange);
  const out: ReleaseDiff = {
    ...base,
    objects,
    linesAdded: objects.reduce((n, o) => n + o.added, 0),
    linesRemoved: objects.reduce((n, o) => n + o.removed, 0),
    secretChanges: secrets,
  };
  if (!before.ok) return { ...out, status: 'added', note: `new release (${before.absent ? before.why : 'absent'} at the base)` };
  out.status = objects.length || secrets.length ? 'changed' : 'unchanged';
  return out;
}

/** Run the diff. The refs are unpacked into private temp dirs and removed at the end, whatever happens. */
export async function diffChange(req: DiffRequest): Promise<DiffResult> {
  const started = performance.now();
  const reporter = req.reporter ?? silentReporter;
  const headRef = req.head ?? WORKTREE;
  checkRef('base', req.base);
  if (headRef !== WORKTREE) checkRef('head', headRef);
  const helmBefore = toolStarts.get('helm') ?? 0;
  const trees: RefTree[] = [];
  const contexts: ValidationContext[] = [];
  try {
    // Both refs must be in the clone: say so before anything else asks git about them.
    await resolveCommit(req.configRoot, req.base, req.env);
    if (headRef !== WORKTREE) await resolveCommit(req.configRoot, headRef, req.env);
    const changed = await changedBetween(req.configRoot, req.base, headRef, req.env);
    const [baseTree, headTree] = await Promise.all([checkoutRef(req.configRoot, req.base, req.env), checkoutRef(req.configRoot, headRef, req.env)]);
    trees.push(baseTree, headTree);
    const pathsOf = (t: RefTree) => repoPaths({ configRoot: t.configRoot, clustersDir: req.clustersDir, chartsDir: req.chartsDir });
    const basePaths = pathsOf(baseTree);
    const headPaths = pathsOf(headTree);
    const { ids, matrices } = await selectReleases(req, headPaths, basePaths, changed);
    reporter.info(`diff ${req.base}${baseTree.commit ? ` (${baseTree.commit.slice(0, 12)})` : ''} -> ${headRef === WORKTREE ? 'the working tree' : headRef}: ${changed.length} changed file(s), ${ids.length} release(s) to render at both refs`);

    // Secret files the change touched, compared key by key from their sops trees.
    const secretChanges = new Map<string, SecretFileChange>();
    for (const f of changed.filter((f) => isSecretFile(f))) {
      try {
        const c = compareEncrypted(f, await readEncrypted(path.join(basePaths.configRoot, f), f), await readEncrypted(path.join(headPaths.configRoot, f), f));
        if (c) secretChanges.set(f, c);
      } catch (e) {
        reporter.warn(e instanceof DeployerError ? `${e.file ?? f}: ${e.message}` : `${f}: ${(e as Error).message}`);
      }
    }

    const total = Math.max(1, req.concurrency ?? os.availableParallelism());
    const options = (share: number) => ({ reporter, env: req.env, helm: req.helm, concurrency: Math.max(1, share) });
    const baseCtx = createValidationContext(basePaths, options(Math.floor(total / 2)));
    const headCtx = createValidationContext(headPaths, options(Math.ceil(total / 2)));
    contexts.push(baseCtx, headCtx);
    let done = 0;
    const releases = await Promise.all(
      ids.map(async (id) => {
        const [before, after] = await Promise.all([renderRelease(baseCtx, id), renderRelease(headCtx, id)]);
        const d = diffOne(id, before, after, secretChanges);
        done++;
        reporter.info(`[${done}/${ids.length}] ${id.cluster}/${id.release}: ${d.status}${d.objects.length ? ` (${d.objects.length} object(s), +${d.linesAdded} -${d.linesRemoved})` : ''}`);
        return d;
      }),
    );
    const stats = {
      renders: baseCtx.stats.renders + headCtx.stats.renders,
      helmProcesses: 0,
      dependencyBuilds: 0,
      durationMs: 0,
    };
    await Promise.all(contexts.map((c) => c.dispose()));
    stats.dependencyBuilds = baseCtx.stats.dependencyBuilds + headCtx.stats.dependencyBuilds;
    stats.helmProcesses = (toolStarts.get('helm') ?? 0) - helmBefore;
    stats.durationMs = Math.round(performance.now() - started);
    return {
      base: { ref: req.base, commit: baseTree.commit },
      head: { ref: headRef, commit: headTree.commit },
      changedFiles: changed,
      matrices,
      releases,
      secretFiles: [...secretChanges.values()],
      stats,
    };
  } finally {
    await Promise.all(contexts.map((c) => c.dispose().catch(() => {})));
    await Promise.all(trees.map((t) => t.dispose()));
  }
}
