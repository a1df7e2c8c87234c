/**
 * Write a new deployer token to `<cluster>/enc-grafana-token.secret.yaml` through the infra-repo changes component:
 * encrypted from a private temp dir outside the working tree with the repo's .sops.yaml rules for that path (the
 * plaintext never exists inside the tree), replacing the file whole (it holds only `grafana_token`, as upstream's).
 */
import path from 'node:path';
import { ChangeSet, type RepoChange } from '../changes/index.js';
import type { Reporter } from '../log.js';
import type { Cluster, RepoPaths } from '../repo/index.js';
import { TOKEN_FILE, TOKEN_KEY } from './config.js';

export interface StoreTokenOptions {
  paths: RepoPaths;
  cluster: Cluster;
  token: string;
  reporter: Reporter;
  /** Environment for sops (SOPS_AGE_KEY_FILE, KMS credentials). */
  env?: NodeJS.ProcessEnv;
}

export async function storeTokenFile(o: StoreTokenOptions): Promise<RepoChange[]> {
  const rel = path.relative(o.paths.configRoot, path.join(o.cluster.dir, TOKEN_FILE)).split(path.sep).join('/');
  const cs = new ChangeSet({ root: o.paths.configRoot, reporter: o.reporter, sopsEnv: o.env });
  await cs.writeEncrypted(rel, { [TOKEN_KEY]: o.token }, { overwrite: true });
  return cs.apply();
}
