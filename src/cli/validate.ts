/**
 * `deployer validate all|cluster-config|hub-config|support-config|authenticator-config [CLUSTER] [HUB]`
 * Findings are the result: one `file:line:col: severity: message` line each on stdout (or a JSON list with --json);
 * the summary goes to stderr (with --json only under --verbose). Exit 0 when there is no error (warnings allowed), 1 with errors, 2 on usage errors.
 */
import { formatFinding } from '../shared/findings.js';
import { parseChecks, runValidation } from '../shared/validate/index.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

export interface ValidateFlags extends RepoFlags {
  json?: boolean;
  /** commander's `--no-render` sets render=false. */
  render?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

export async function validateCommand(check: string, cluster: string | undefined, hub: string | undefined, opts: ValidateFlags): Promise<number> {
  const paths = pathsFrom(opts);
  const reporter = terminalReporter(opts);
  const result = await runValidation(paths, { checks: parseChecks(check), cluster, hub }, { reporter, render: opts.render !== false });
  if (opts.json) printResult(JSON.stringify(result.findings, null, 2));
  else if (result.findings.length) printResult(result.findings.map(formatFinding).join('\n'));
  const s = result.stats;
  const scope = cluster ? (hub ? `${cluster}/${hub}` : cluster) : plural(result.clusters.length, 'cluster');
  const work = [
    s.renders ? plural(s.renders, 'helm template render') : '',
    s.dependencyBuilds ? plural(s.dependencyBuilds, 'dependency build') : '',
    `${plural(s.helmStarts, 'helm process')}, ${plural(s.jsonnetStarts, 'jsonnet process')}`,
  ].filter(Boolean);
  // With --json the findings are the whole output (stderr stays quiet unless --verbose).
  if (opts.json && !opts.verbose) return result.errors > 0 ? 1 : 0;
  if (result.nothingValidated) process.stderr.write(`validate ${check}: ${result.nothingValidated}\n`);
  process.stderr.write(
    `validate ${check} (${scope}): ${result.errors || result.warnings ? `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}` : 'no findings'}` +
      ` [${work.join(', ')}; ${(s.durationMs / 1000).toFixed(2)} s]\n`,
  );
  return result.errors > 0 ? 1 : 0;
}
