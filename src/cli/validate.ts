/** `deployer validate ...` */
import { formatFinding, countErrors, type Finding } from '../shared/findings.js';
import { NotImplementedError } from '../shared/errors.js';
import { validateClusterConfig } from '../shared/validate/cluster.js';
import { pathsFrom, printResult, type RepoFlags } from './common.js';

export async function validateCommand(check: string, cluster: string | undefined, _hub: string | undefined, opts: RepoFlags & { json?: boolean }): Promise<number> {
  const paths = pathsFrom(opts);
  let findings: Finding[];
  if (check === 'cluster-config') {
    findings = await validateClusterConfig(paths, cluster!);
  } else {
    throw new NotImplementedError(`validate ${check}`);
  }
  if (opts.json) printResult(JSON.stringify(findings, null, 2));
  else {
    for (const f of findings) process.stderr.write(formatFinding(f) + '\n');
    if (!findings.length) printResult(`validate ${check}: no findings`);
  }
  return countErrors(findings) > 0 ? 1 : 0;
}
