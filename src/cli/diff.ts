/** `deployer diff --base REF [--head REF] [CLUSTER [HUB...]]`: the rendered change, as text, markdown or JSON. */
import { UsageError } from '../shared/errors.js';
import { diffChange, diffMarkdown, diffText, skipUnchanged } from '../shared/diff/api.js';
import { parseLabels } from '../shared/plan/inputs.js';
import { printResult, terminalReporter, type RepoFlags } from './common.js';

interface DiffFlags extends RepoFlags {
  base: string;
  head?: string;
  labels?: string;
  skipUnchanged?: boolean;
  json?: boolean;
  markdown?: boolean;
}

export async function diffCommand(cluster: string | undefined, hubs: string[], opts: Record<string, unknown>): Promise<number> {
  const flags = opts as unknown as DiffFlags;
  if (flags.json && flags.markdown) throw new UsageError('--json and --markdown cannot be combined', 'choose one output format');
  const reporter = terminalReporter(flags);
  const configRoot = flags.configRoot ?? process.env.DEPLOYER_CONFIG_ROOT ?? process.cwd();
  const labels = parseLabels(flags.labels, '--labels');
  const result = await diffChange({
    configRoot,
    clustersDir: flags.clustersDir,
    chartsDir: flags.chartsDir,
    base: flags.base,
    head: flags.head,
    only: cluster ? { cluster, hubs } : undefined,
    labels,
    reporter,
  });
  const skip = flags.skipUnchanged && result.matrices ? skipUnchanged(result.matrices, result.releases) : undefined;
  if (flags.json) printResult(JSON.stringify(skip ? { ...result, deploy: skip } : result, null, 2));
  else if (flags.markdown) printResult(diffMarkdown(result, { dropped: skip?.dropped, matrices: skip?.matrices }));
  else printResult(diffText(result, skip?.dropped));
  return result.releases.some((r) => r.status === 'failed') ? 1 : 0;
}
