/**
 * `deployer generate helm-upgrade-jobs FILES [--labels JSON] [--rules FILE] [--json | --markdown]`: the deployment
 * plan for a list of changed files (relative to the config root). Tables (or JSON, or the PR comment) on stdout,
 * notes and warnings on stderr. `--trigger-paths` prints the workflow `on.paths` list the rules imply.
 */
import path from 'node:path';
import { UsageError } from '../shared/errors.js';
import { commentBody, defaultRules, MATRIX_NAMES, parseLabels, planDeployments, readRulesFile, splitChangedFiles, textTables, triggerPaths, triggerPathsYaml } from '../shared/plan/index.js';
import { chartsDirRel, clustersDirRel } from '../shared/repo/read.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

interface PlanFlags extends RepoFlags {
  labels?: string;
  rules?: string;
  json?: boolean;
  markdown?: boolean;
  triggerPaths?: boolean;
}

export async function planCommand(files: string | undefined, opts: Record<string, unknown>): Promise<number> {
  const flags = opts as PlanFlags;
  const reporter = terminalReporter(flags);
  const paths = pathsFrom(flags);
  // the default rules follow --charts-dir; a rules file replaces the rules it names
  const defaults = defaultRules(chartsDirRel(paths));
  const rules = flags.rules ? await readRulesFile(path.resolve(flags.rules), flags.rules, defaults) : defaults;
  if (flags.json && flags.markdown) throw new UsageError('--json and --markdown cannot be combined', 'choose one output format');

  if (flags.triggerPaths) {
    if (files !== undefined) throw new UsageError('--trigger-paths takes no FILES argument', 'run `deployer generate helm-upgrade-jobs --trigger-paths [--rules FILE]`');
    const list = triggerPaths(rules, clustersDirRel(paths));
    printResult(flags.json ? JSON.stringify(list) : triggerPathsYaml(list));
    return 0;
  }
  if (files === undefined) {
    throw new UsageError('missing argument FILES', 'pass the changed files, comma- or newline-separated (an empty string "" for none), or use --trigger-paths');
  }

  const labels = parseLabels(flags.labels, '--labels');
  const result = await planDeployments({ paths, changed: splitChangedFiles(files), labels, rules: flags.rules ? rules : undefined, source: 'FILES' });
  for (const n of result.notes) reporter.info(n);
  for (const w of result.warnings) reporter.warn(w);

  if (flags.json) {
    printResult(JSON.stringify(Object.fromEntries(MATRIX_NAMES.map((n) => [n, result.matrices[n]])), null, 2));
  } else if (flags.markdown) {
    printResult(commentBody(result.matrices));
  } else {
    printResult(textTables(result.matrices));
  }
  return 0;
}
