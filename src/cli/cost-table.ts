/**
 * `deployer generate cost-table`: the monthly cloud cost table (after credits) of every cluster billed to the
 * operator. The table (or JSON) on stdout, progress on stderr; `--csv FILE` and the Google Sheet as well when asked.
 * Exit 1 naming the clusters whose costs could not be fetched (the others are still in the table).
 */
import path from 'node:path';
import { DeployerError, UsageError } from '../shared/errors.js';
import { displayPath } from '../shared/repo/index.js';
import {
  buildCostTable,
  checkSheetOptions,
  failureMessage,
  jsonRows,
  parsePrometheusUrls,
  resolveRange,
  terminalTable,
  writeCostSheet,
  writeCsvFile,
} from '../shared/billing/index.js';
import { pathsFrom, printResult, terminalReporter, type RepoFlags } from './common.js';

interface CostFlags extends RepoFlags {
  startMonth?: string;
  endMonth?: string;
  output?: string;
  googleSheetUrl?: string;
  json?: boolean;
  csv?: string;
  cluster?: string[];
  googleKeyFile?: string;
  sheetKeyFile?: string;
  awsCredentials?: 'ambient' | 'cluster-key';
  prometheusUrl?: string[];
  internalNamespaces?: string;
  serviceId?: string;
  concurrency?: number;
  bigqueryEndpoint?: string;
  costExplorerEndpoint?: string;
  sheetsEndpoint?: string;
}

export async function costTableCommand(opts: Record<string, unknown>): Promise<number> {
  const flags = opts as CostFlags;
  const reporter = terminalReporter(flags);
  const paths = pathsFrom(flags);
  const range = resolveRange({ startMonth: flags.startMonth, endMonth: flags.endMonth });
  const sheetUrl = checkSheetOptions(flags.output, flags.googleSheetUrl);
  const file = (f: string | undefined) => (f ? { abs: path.resolve(f), display: displayPath(paths, path.resolve(f)) } : undefined);
  const googleKey = file(flags.googleKeyFile);
  const sheetKey = file(flags.sheetKeyFile) ?? googleKey;
  if (flags.csv !== undefined && !flags.csv) throw new UsageError('--csv needs a file name');

  const table = await buildCostTable({
    paths,
    reporter,
    range,
    clusters: flags.cluster,
    concurrency: flags.concurrency,
    serviceId: flags.serviceId,
    gcp: { keyFile: googleKey?.abs, keyDisplay: googleKey?.display, apiEndpoint: flags.bigqueryEndpoint },
    aws: { credentials: flags.awsCredentials, endpoint: flags.costExplorerEndpoint },
    prometheus: {
      urls: parsePrometheusUrls(flags.prometheusUrl ?? [], '--prometheus-url'),
      internalNamespaces: flags.internalNamespaces ? flags.internalNamespaces.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    },
  });

  if (flags.json) printResult(JSON.stringify({ range: table.range, rows: jsonRows(table.rows), skipped: table.skipped, failed: table.failed }, null, 2));
  else printResult(terminalTable(table.rows));
  if (flags.csv) {
    await writeCsvFile(path.resolve(flags.csv), table);
    reporter.info(`wrote ${table.rows.length} row(s) to ${flags.csv}`);
  }
  if (sheetUrl) {
    if (table.failed.length) {
      reporter.warn(`not writing the Google Sheet: ${failureMessage(table)}; an incomplete table would replace the complete one there`);
    } else {
      await writeCostSheet(table, { url: sheetUrl, reporter, keyFile: sheetKey?.abs, keyDisplay: sheetKey?.display, endpoint: flags.sheetsEndpoint });
    }
  }
  if (table.failed.length) {
    throw new DeployerError(failureMessage(table), { hint: 'the table above holds every other cluster; fix the named ones (see the errors above) and run again' });
  }
  return 0;
}
