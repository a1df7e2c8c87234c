/** `deployer deploy CLUSTER [HUB...]` and `deployer deploy-support CLUSTER`. Results on stdout, logs on stderr. */
import { formatTextTable } from '../shared/log.js';
import { splitArgs } from '../shared/helm/args.js';
import { deployHubs, deploySupport, hubResultRows, releaseResultRows, RESULT_HEADER, SUPPORT_HEADER } from '../shared/deploy/index.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

type Flags = RepoFlags & Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function common(opts: Flags) {
  return {
    paths: pathsFrom(opts),
    reporter: terminalReporter(opts),
    dryRun: opts.dryRun === true,
    debug: opts.debug === true,
    atomic: opts.atomic === true,
    recoverPending: opts.recoverPending === true,
    timeoutS: typeof opts.timeout === 'number' ? opts.timeout : undefined,
    helmExtraArgs: splitArgs(str(opts.helmExtraArgs)),
    kubectlExtraArgs: splitArgs(str(opts.kubectlExtraArgs)),
    ambient: opts.ambientCredentials === true,
  };
}

export async function deployCommand(cluster: string, hubs: string[], opts: Flags): Promise<number> {
  const result = await deployHubs({
    ...common(opts),
    cluster,
    hubs,
    parallelism: typeof opts.parallelism === 'number' ? Math.max(1, opts.parallelism) : 1,
    daskGatewayVersion: str(opts.daskGatewayVersion),
    daskGatewayCrds: str(opts.daskGatewayCrds),
  });
  if (opts.json) printResult(JSON.stringify(result.results, null, 2));
  else if (result.results.length) printResult(formatTextTable(RESULT_HEADER, hubResultRows(result.results)));
  return result.failed.length ? 1 : 0;
}

export async function deploySupportCommand(cluster: string, opts: Flags): Promise<number> {
  const result = await deploySupport({
    ...common(opts),
    cluster,
    certManagerVersion: str(opts.certManagerVersion),
    certManagerChart: str(opts.certManagerChart),
    certManagerCrds: str(opts.certManagerCrds),
    skipCertManager: opts.skipCertManager === true,
  });
  if (opts.json) printResult(JSON.stringify(result, null, 2));
  else if (result.message) printResult(result.message);
  else printResult(formatTextTable(SUPPORT_HEADER, releaseResultRows(result.releases)));
  return result.status === 'failed' ? 1 : 0;
}
