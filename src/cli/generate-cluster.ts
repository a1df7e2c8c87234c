/**
 * `deployer generate dedicated-cluster gcp|aws --cluster-name ... [--force] [--dry-run] [--json]`
 * Writes the new cluster's files into the working tree (secrets sops-encrypted, never plaintext in the tree), prints
 * which files it wrote (a table, or JSON with --json) and what to do next. Exit 0 written, 1 refused or failed,
 * 2 bad values (nothing written either way).
 */
import { formatTextTable } from '../shared/log.js';
import { filesTable, generateCluster } from '../shared/generate/index.js';
import { pathsFrom, printResult, terminalReporter } from './common.js';
import type { Opts } from './define.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function generateClusterCommand(provider: 'gcp' | 'aws', opts: Opts): Promise<number> {
  const reporter = terminalReporter(opts);
  const hubs = [...((opts.hubs as string[] | undefined) ?? []), ...((opts.hubName as string[] | undefined) ?? [])];
  const result = await generateCluster({
    paths: pathsFrom(opts),
    reporter,
    force: opts.force === true,
    rotateCredentials: opts.rotateCredentials === true,
    dryRun: opts.dryRun === true,
    input: {
      provider,
      clusterName: str(opts.clusterName),
      region: str(opts.clusterRegion),
      zone: str(opts.clusterZone),
      projectId: str(opts.projectId),
      accountId: str(opts.accountId),
      hubs,
      hubType: str(opts.hubType),
      daskNodes: opts.daskNodes === true,
      paidByUs: opts.paidByUs === true,
      billingId: str(opts.billingId),
      billingProject: str(opts.billingProject),
      billingDataset: str(opts.billingDataset),
      hubspotDealId: str(opts.hubspotDealId),
      dnsZone: str(opts.dnsZone),
      grafanaGithubOrg: str(opts.grafanaGithubOrg),
      eksVersion: str(opts.eksVersion),
    },
  });
  if (opts.json) {
    printResult(JSON.stringify({ cluster: result.cluster, provider: result.provider, clusterDir: result.clusterDir, dryRun: result.dryRun, files: result.files, nextSteps: result.nextSteps }, null, 2));
    return 0;
  }
  const t = filesTable(result);
  printResult(formatTextTable(t.header, t.rows));
  if (result.dryRun) {
    reporter.info(`dry run: nothing was written for cluster ${result.cluster}`);
    return 0;
  }
  reporter.info(`cluster ${result.cluster}: ${result.changes.length} file(s) written in the working tree (review, commit and open a pull request). Next:`);
  result.nextSteps.forEach((s, i) => reporter.info(`  ${i + 1}. ${s}`));
  return 0;
}
