/** Shared set-up of the cilogon tests: a copy of the example infra repo and a fake CILogon with its admin client. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../harness/run-source.js';
import { decryptSopsVerified } from '../harness/sops.js';

export const ADMIN_ID = 'cilogon:/client_id/CANARY-cilogon-admin-client-id';
export const ADMIN_SECRET = 'CANARY-cilogon-admin-client-secret';

/** A fresh copy of examples/infrastructure (its .sops.yaml encrypts for the test age key). */
export function exampleRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cilogon-repo-'));
  cpSync(path.join(REPO, 'examples/infrastructure'), dir, { recursive: true });
  return dir;
}

export async function decryptIn(root: string, rel: string): Promise<Record<string, unknown>> {
  return decryptSopsVerified(readFileSync(path.join(root, rel), 'utf8'), 'yaml');
}
