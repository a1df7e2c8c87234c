/**
 * Cloud CLI test doubles (gcloud, aws, az): put CLOUD_CLI_BIN first on PATH, point CLOUD_CLI_RECORD at a file, and
 * read back every call with `readCalls`. See fake-cli.mjs for what each double does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLOUD_CLI_BIN = path.dirname(fileURLToPath(import.meta.url));

export interface CloudCall {
  tool: 'gcloud' | 'aws' | 'az';
  argv: string[];
  env: Record<string, string>;
}

export function readCalls(recordFile: string): CloudCall[] {
  if (!existsSync(recordFile)) return [];
  return readFileSync(recordFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CloudCall);
}

/** The variables of an env that matter for credentials, for exact assertions. */
export function credentialEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([k]) => k === 'KUBECONFIG' || k === 'USE_GKE_GCLOUD_AUTH_PLUGIN' || /^(AWS_|GOOGLE_|CLOUDSDK_|GCLOUD_|AZURE_|ARM_)/.test(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
