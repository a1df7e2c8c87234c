/**
 * The planner's inputs from the outside world: the changed-file list (text, or `git diff` between two refs), the PR
 * labels (JSON text, or a pull_request event payload). Everything is checked here, so the decision code only sees
 * clean relative POSIX paths and a list of label strings.
 */
import path from 'node:path';
import { readFileSync, realpathSync } from 'node:fs';
import { DeployerError, UsageError } from '../errors.js';
import { runTool } from '../exec/run.js';
import { toolPath } from '../exec/tools.js';

export const LABELS = {
  skipDeploy: 'deployer:skip-deploy',
  skipDeployHubs: 'deployer:skip-deploy-hubs',
  deploySupport: 'deployer:deploy-support',
  deployHubs: 'deployer:deploy-hubs',
} as const;
export const KNOWN_LABELS: readonly string[] = Object.values(LABELS);

/** Show a user-supplied string safely in one line of a message (JSON quoting escapes newlines and controls). */
export function quote(s: string): string {
  return JSON.stringify(s);
}

/** Split a changed-files text on commas and newlines (upstream passes a comma-separated list); blanks are dropped. */
export function splitChangedFiles(text: string): string[] {
  return text
    .split(/[,\r\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Check and normalise changed paths (relative to config-root): `./a//b` becomes `a/b`; an absolute path, a path with a
 * `..` segment, or one with a NUL byte is refused (the planner compares strings; such a path could never match, and
 * silently ignoring it could skip a deploy). Duplicates are dropped; the order of first appearance is kept.
 */
export function normaliseChangedPaths(paths: readonly string[], source = 'changed files'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of paths) {
    if (raw.includes('\0')) throw new UsageError(`${source}: path ${quote(raw)} contains a NUL byte`);
    if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)) {
      throw new UsageError(`${source}: path ${quote(raw)} is absolute`, 'changed paths are relative to the config root, e.g. config/clusters/c1/hub.values.yaml');
    }
    const segments = raw.split('/');
    if (segments.includes('..')) {
      throw new UsageError(`${source}: path ${quote(raw)} contains a \`..\` segment`, 'pass paths relative to the config root without `..` (as `git diff --name-only` prints them)');
    }
    const norm = segments.filter((s) => s !== '' && s !== '.').join('/');
    if (norm === '') continue; // "." or "./": names the root itself, matches nothing
    if (!seen.has(norm)) {
      seen.add(norm);
      out.push(norm);
    }
  }
  return out;
}

/**
 * Parse labels: a JSON list of strings. Anything else is a UsageError saying what was given. `source` names the flag
 * or input in messages.
 */
export function parseLabels(text: string | undefined, source = '--labels'): string[] {
  if (text === undefined || text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source} is not valid JSON (${(e as Error).message})`, `pass a JSON list of label names, e.g. '["deployer:skip-deploy"]'`);
  }
  if (!Array.isArray(value)) {
    throw new UsageError(`${source} must be a JSON list of strings, but it is ${value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}`, `e.g. '["deployer:deploy-hubs"]'`);
  }
  value.forEach((v, i) => {
    if (typeof v !== 'string') {
      throw new UsageError(`${source} must be a JSON list of strings, but item ${i} is ${v === null ? 'null' : typeof v === 'object' ? 'an object or list' : `a ${typeof v}`}`, `e.g. '["deployer:deploy-hubs"]'`);
    }
  });
  return value as string[];
}

/** Labels that look like deployer labels but are not known ones (probably typos: worth a warning). */
export function unknownDeployerLabels(labels: readonly string[]): string[] {
  return labels.filter((l) => l.startsWith('deployer:') && !KNOWN_LABELS.includes(l));
}

/**
 * The PR labels of a pull_request / pull_request_target event payload (the file at GITHUB_EVENT_PATH), or undefined
 * when the payload has no pull request.
 */
export function labelsFromEventPayload(payload: unknown): string[] | undefined {
  const pr = (payload as { pull_request?: { labels?: unknown } } | null)?.pull_request;
  if (!pr || typeof pr !== 'object') return undefined;
  const labels = pr.labels;
  if (!Array.isArray(labels)) return [];
  return labels.map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name)).filter((n): n is string => typeof n === 'string');
}

/** Read the event payload file and return its PR labels (undefined when there is no pull request in it). */
export function labelsFromEventFile(file: string): string[] | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DeployerError(`cannot read the event payload (${(e as Error).message})`, { file });
  }
  return labelsFromEventPayload(payload);
}

/**
 * The files added or modified between two refs, relative to `configRoot` (which may be a subdirectory of the git
 * work tree): `git diff --name-only --no-renames --diff-filter=AMT -z base...head` (the new path of a renamed file
 * counts as added; deleted files are not deployed). NUL-separated output keeps any file name intact
 * (newlines, quotes, non-ASCII). Files outside config-root are left out.
 */
export async function changedFilesFromGit(configRoot: string, baseRef: string, headRef: string): Promise<string[]> {
  for (const [name, ref] of [
    ['base-ref', baseRef],
    ['head-ref', headRef],
  ]) {
    if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref) || ref.includes('..')) {
      throw new UsageError(`${name} ${quote(ref)} is not a usable git ref`, 'pass a branch, tag or commit SHA (e.g. github.event.pull_request.base.sha)');
    }
  }
  const git = toolPath('git');
  const top = await runTool(git, ['rev-parse', '--show-toplevel'], { cwd: configRoot, timeoutMs: 60_000 });
  const toplevel = top.stdout.trim();
  // --no-renames: a renamed file counts as deleted + added, so its new path is seen (upstream's paths-filter dropped
  // renames entirely); T: a file that became a symlink (or back) changed content.
  const r = await runTool(git, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--diff-filter=AMT', '-z', `${baseRef}...${headRef}`, '--'], {
    cwd: configRoot,
    timeoutMs: 120_000,
    allowFailure: true,
  });
  if (r.code !== 0) {
    throw new DeployerError(`git diff ${baseRef}...${headRef} failed: ${r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`, {
      hint: 'both refs must be in the clone: check out with `fetch-depth: 0` (actions/checkout) or fetch the base ref first',
    });
  }
  const rootRel = path.relative(realpathSync(toplevel), realpathSync(configRoot)).split(path.sep).join('/');
  const prefix = rootRel ? rootRel + '/' : '';
  return r.stdout
    .split('\0')
    .filter((f) => f !== '')
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length));
}
