/**
 * Google credentials for BigQuery and the Sheets API, never through process.env and never printed:
 * - a sops-encrypted service-account key (decrypted with every secret leaf masked, kept in memory only): a JWT client
 *   that signs its own scoped tokens (self-signed JWT with `scope`, no token-endpoint round trip);
 * - otherwise Application Default Credentials: what `google-github-actions/auth` (workload identity federation with
 *   the job's OIDC token) or `gcloud auth application-default login` set up.
 */
import { GoogleAuth, JWT, type AuthClient } from 'google-auth-library';
import { DeployerError } from '../errors.js';
import type { Reporter } from '../log.js';
import { readDecrypted } from '../secrets/index.js';

export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
}

/** Decrypt a sops-encrypted service-account key JSON; its private key is masked before this returns. */
export async function readServiceAccountKey(abs: string, display: string, reporter: Reporter, env?: NodeJS.ProcessEnv): Promise<ServiceAccountKey> {
  const doc = (await readDecrypted(abs, { reporter, display, env })) as Record<string, unknown> | null;
  const email = doc?.client_email;
  const key = doc?.private_key;
  if (!doc || doc.type !== 'service_account' || typeof email !== 'string' || typeof key !== 'string') {
    throw new DeployerError(`the decrypted ${display} is not a Google service-account key (type service_account, client_email, private_key)`, {
      file: display,
      hint: 'use the sops-encrypted JSON of `gcloud iam service-accounts keys create`, or leave the key file empty to use the job\'s credentials (google-github-actions/auth)',
    });
  }
  return { client_email: email, private_key: key, private_key_id: typeof doc.private_key_id === 'string' ? doc.private_key_id : undefined };
}

/**
 * An auth client for `scopes`: the key's self-signed JWT client, or Application Default Credentials. `projectId`
 * spares ADC its project lookup (a cloudresourcemanager call a federated identity is often not allowed to make); the
 * requests name their project themselves.
 */
export async function googleAuthClient(scopes: string[], key?: ServiceAccountKey, projectId = 'deployer-cost-table'): Promise<AuthClient> {
  if (key) {
    const jwt = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes });
    jwt.useJWTAccessWithScope = true;
    return jwt;
  }
  try {
    return (await new GoogleAuth({ scopes, projectId }).getClient()) as AuthClient;
  } catch (e) {
    throw new DeployerError(`no Google credentials: ${(e as Error).message}`, {
      hint: 'in Actions, run google-github-actions/auth (workload identity federation, `id-token: write`) before this step, or pass a sops-encrypted service-account key file; locally, `gcloud auth application-default login`',
    });
  }
}
