/**
 * `deployer run-hub-health-check CLUSTER HUB [--check-dask-scaling]` (a hub of the config: URL from its domain, token
 * from the cluster) and `deployer run-hub-health-check --hub-url URL --api-token-env VAR [--hub-type ...]` (any hub).
 * Logs on stderr; the verdict and timings table (or with --json the result object) on stdout. Exit 0 healthy, 1 not.
 * Ctrl-C (or SIGTERM) cancels: the health-check user is still removed; a second Ctrl-C exits at once.
 */
import { UsageError } from '../shared/errors.js';
import { formatTextTable } from '../shared/log.js';
import { failureDetails, runHubHealthCheck, timingRows, verdict, type HubType } from '../shared/health/index.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

type Flags = RepoFlags & Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export async function healthCheckCommand(cluster: string | undefined, hub: string | undefined, opts: Flags): Promise<number> {
  const reporter = terminalReporter(opts);
  const hubUrl = str(opts.hubUrl);
  const tokenVar = str(opts.apiTokenEnv);
  let token: string | undefined;
  if (tokenVar) {
    token = process.env[tokenVar];
    if (!token) throw new UsageError(`--api-token-env ${tokenVar}: the environment variable ${tokenVar} is not set or empty`, `export ${tokenVar}=<the hub-health service token> first`);
    reporter.mask(token);
  }
  if (!cluster && !hubUrl) {
    throw new UsageError('name a cluster and a hub, or give --hub-url and --api-token-env', 'e.g. `deployer run-hub-health-check my-cluster staging`');
  }
  if (cluster && !hub) throw new UsageError(`name the hub of cluster ${cluster} to check`, `deployer run-hub-health-check ${cluster} <hub>`);
  if (!cluster && !token) throw new UsageError('--hub-url needs --api-token-env VAR (the variable holding the API token)', 'the token never goes on the command line, where shell history and process lists keep it');
  const attempts = typeof opts.attempts === 'number' ? opts.attempts : 3;
  const attemptTimeout = typeof opts.attemptTimeout === 'number' ? opts.attemptTimeout : 600;
  if (attempts < 1) throw new UsageError('--attempts must be at least 1');
  if (attemptTimeout < 1) throw new UsageError('--attempt-timeout must be at least 1 second');

  const ac = new AbortController();
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    reporter.warn(`${sig}: cancelling the health check; removing the health-check user (press Ctrl-C again to exit at once)`);
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runHubHealthCheck({
      paths: cluster ? pathsFrom(opts) : undefined,
      cluster,
      hub,
      hubUrl,
      token,
      hubType: str(opts.hubType) as HubType | undefined,
      checkDaskScaling: opts.checkDaskScaling === true,
      notebookFiles: Array.isArray(opts.notebook) ? (opts.notebook as string[]) : [],
      notebookBase: process.cwd(),
      ambient: opts.ambientCredentials === true,
      reporter,
      check: { attempts, attemptTimeoutMs: attemptTimeout * 1000, signal: ac.signal },
    });
    if (opts.json) printResult(JSON.stringify(result, null, 2));
    else {
      const { header, rows } = timingRows(result);
      printResult([verdict(result), ...failureDetails(result), '', formatTextTable(header, rows)].join('\n'));
    }
    return result.status === 'passed' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
