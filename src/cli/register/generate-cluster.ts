/** Command tree of `generate dedicated-cluster aws|gcp`. */
import type { Command } from 'commander';
import { notBuilt } from '../define.js';

export function registerGenerateCluster(generate: Command): void {
  const dedicated = generate.command('dedicated-cluster').description('Generate the files of a new dedicated cluster.');
  dedicated.command('aws').description('Generate a new AWS (EKS) cluster.').action(notBuilt('generate dedicated-cluster aws'));
  dedicated.command('gcp').description('Generate a new GCP (GKE) cluster.').action(notBuilt('generate dedicated-cluster gcp'));
}
