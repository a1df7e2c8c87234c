/**
 * The diff as an artifact: what the read-only `pull_request` run hands to the `workflow_run` run that may write to
 * the pull request. The writer side is plain JSON. The reader side trusts nothing: a fork's workflow could upload any
 * file under this name, so every field is rebuilt from scratch with its type checked and its size capped, and what
 * comes out is only ever shown as escaped text (comment.ts). Unknown fields are dropped.
 */
import { readFile, stat } from 'node:fs/promises';
import { DeployerError } from '../errors.js';
import type { HubJob, Matrices, SupportJob } from '../plan/decide.js';
import type { ObjectChange } from './compare.js';
import type { DiffResult, ReleaseDiff, ReleaseStatus } from './index.js';
import type { Dropped } from './skip.js';

export const ARTIFACT_FORMAT = 'deployer-diff/1';
export const ARTIFACT_FILE = 'deployer-diff.json';
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_STRING = 256 * 1024;
const MAX_ITEMS = 20_000;

export interface DiffArtifact {
  format: typeof ARTIFACT_FORMAT;
  result: DiffResult;
  /** Present when skip-unchanged was on. */
  deploy?: { matrices: Matrices; dropped: Dropped[] };
}

export function artifactJson(result: DiffResult, deploy?: { matrices: Matrices; dropped: Dropped[] }): string {
  const a: DiffArtifact = { format: ARTIFACT_FORMAT, result, ...(deploy ? { deploy } : {}) };
  return JSON.stringify(a);
}

class Bad extends Error {}

const obj = (v: unknown, where: string): Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Bad(`${where} is not an object`);
  return v as Record<string, unknown>;
};
const str = (v: unknown, where: string, optional = false): string => {
  if (v === undefined && optional) return undefined as unknown as string;
  if (typeof v !== 'string') throw new Bad(`${where} is not a string`);
  return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}... (cut)` : v;
};
const num = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Bad(`${where} is not a count`);
  return Math.floor(v);
};
const list = <T>(v: unknown, where: string, item: (x: unknown, w: string) => T): T[] => {
  if (!Array.isArray(v)) throw new Bad(`${where} is not a list`);
  if (v.length > MAX_ITEMS) throw new Bad(`${where} has more than ${MAX_ITEMS} items`);
  return v.map((x, i) => item(x, `${where}[${i}]`));
};
const oneOf = <T extends string>(v: unknown, where: string, allowed: readonly T[]): T => {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new Bad(`${where} is not one of ${allowed.join(', ')}`);
  return v as T;
};

function objectChange(v: unknown, w: string): ObjectChange {
  const o = obj(v, w);
  return {
    key: str(o.key, `${w}.key`),
    change: oneOf(o.change, `${w}.change`, ['added', 'removed', 'changed'] as const),
    source: str(o.source, `${w}.source`, true),
    patch: str(o.patch, `${w}.patch`),
    added: num(o.added, `${w}.added`),
    removed: num(o.removed, `${w}.removed`),
  };
}

const STATUSES: readonly ReleaseStatus[] = ['changed', 'unchanged', 'failed', 'added', 'removed'];

function release(v: unknown, w: string): ReleaseDiff {
  const o = obj(v, w);
  const failure = o.failure === undefined ? undefined : obj(o.failure, `${w}.failure`);
  return {
    cluster: str(o.cluster, `${w}.cluster`),
    release: str(o.release, `${w}.release`),
    status: oneOf(o.status, `${w}.status`, STATUSES),
    objects: list(o.objects, `${w}.objects`, objectChange),
    linesAdded: num(o.linesAdded, `${w}.linesAdded`),
    linesRemoved: num(o.linesRemoved, `${w}.linesRemoved`),
    secretChanges: list(o.secretChanges, `${w}.secretChanges`, str),
    failure: failure ? { ref: oneOf(failure.ref, `${w}.failure.ref`, ['base', 'head'] as const), message: str(failure.message, `${w}.failure.message`) } : undefined,
    note: str(o.note, `${w}.note`, true),
  };
}

const supportJob = (v: unknown, w: string): SupportJob => {
  const o = obj(v, w);
  return { cluster_name: str(o.cluster_name, w), provider: str(o.provider, w), choice_reason: str(o.choice_reason, w) };
};
const hubJob = (v: unknown, w: string): HubJob => ({ ...supportJob(v, w), hub_name: str(obj(v, w).hub_name, w) });

function matrices(v: unknown, w: string): Matrices {
  const o = obj(v, w);
  return {
    'support-jobs': list(o['support-jobs'], `${w}.support-jobs`, supportJob),
    'staging-jobs': list(o['staging-jobs'], `${w}.staging-jobs`, hubJob),
    'prod-jobs': list(o['prod-jobs'], `${w}.prod-jobs`, hubJob),
    // The poster shows only the three current matrices; the 2023 ones are not needed to write a comment.
    'support-and-staging-matrix-jobs': [],
    'prod-hub-matrix-jobs': [],
  };
}

const refOf = (v: unknown, w: string) => {
  const o = obj(v, w);
  return { ref: str(o.ref, `${w}.ref`), commit: str(o.commit, `${w}.commit`, true) };
};

/** Rebuild an artifact from untrusted JSON text; a DeployerError naming the first bad field. */
export function parseArtifact(text: string, display: string): DiffArtifact {
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Bad('it is not JSON');
    }
    const a = obj(raw, 'the artifact');
    if (a.format !== ARTIFACT_FORMAT) throw new Bad(`format is not ${ARTIFACT_FORMAT}`);
    const r = obj(a.result, 'result');
    const stats = obj(r.stats, 'result.stats');
    const result: DiffResult = {
      base: refOf(r.base, 'result.base'),
      head: refOf(r.head, 'result.head'),
      changedFiles: list(r.changedFiles, 'result.changedFiles', str),
      matrices: r.matrices === undefined ? undefined : matrices(r.matrices, 'result.matrices'),
      releases: list(r.releases, 'result.releases', release),
      secretFiles: [],
      stats: { renders: num(stats.renders, 'stats.renders'), helmProcesses: num(stats.helmProcesses, 'stats.helmProcesses'), dependencyBuilds: num(stats.dependencyBuilds, 'stats.dependencyBuilds'), durationMs: num(stats.durationMs, 'stats.durationMs') },
    };
    let deploy: DiffArtifact['deploy'];
    if (a.deploy !== undefined) {
      const d = obj(a.deploy, 'deploy');
      deploy = {
        matrices: matrices(d.matrices, 'deploy.matrices'),
        dropped: list(d.dropped, 'deploy.dropped', (x, w) => {
          const o = obj(x, w);
          return { cluster: str(o.cluster, w), release: str(o.release, w), why: str(o.why, w) };
        }),
      };
    }
    return { format: ARTIFACT_FORMAT, result, deploy };
  } catch (e) {
    if (e instanceof Bad) {
      throw new DeployerError(`the diff artifact ${display} is not usable: ${e.message}`, { hint: 'it must be the deployer-diff.json written by actions/diff in the pull_request run' });
    }
    throw e;
  }
}

export async function readArtifact(file: string): Promise<DiffArtifact> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new DeployerError(`the diff artifact ${file} does not exist`, { hint: 'download the deployer-diff artifact of the pull_request run first (actions/download-artifact with run-id)' });
  }
  if (size > MAX_BYTES) throw new DeployerError(`the diff artifact ${file} is larger than ${MAX_BYTES} bytes`, { hint: 'it must be the file written by actions/diff' });
  return parseArtifact(await readFile(file, 'utf8'), file);
}
