/**
 * Shared set-up of the deploy tests: a temporary copy of examples/infrastructure whose kubeconfig-demo cluster reaches
 * a fake Kubernetes API server (its sops-encrypted kubeconfig re-encrypted for the fake), and the environment for
 * the real tools (helm 3 or 4, kubectl, the test-only sops, the test age key).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { sopsEnv, writeSopsFile } from '../harness/sops.js';
import type { FakeKube } from '../harness/kube-api/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const EXAMPLES = path.join(REPO, 'examples/infrastructure');
export const TOOLS = path.join(REPO, '.tools/bin');
export const HELM3 = path.join(TOOLS, 'helm');
export const HELM4 = path.join(TOOLS, 'helm4');
export const FIXTURES = path.join(REPO, 'test/fixtures/deploy');
/** Every secret value of the example kubeconfig-demo cluster and the support chart starts with this. */
export const CANARY = 'CANARY-';
/** Flags the fake API server needs; they enter only through the extra-args options, as in production. */
export const HELM_TEST_ARGS = ['--disable-openapi-validation'];
export const KUBECTL_TEST_ARGS = ['--validate=false'];

/** A fresh copy of the example infra repo with kubeconfig-demo pointed at `fake`. */
export async function infraFor(fake: FakeKube): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-repo-'));
  cpSync(EXAMPLES, root, { recursive: true, verbatimSymlinks: true });
  await writeSopsFile(path.join(root, 'config/clusters/kubeconfig-demo/enc-deployer-credentials.secret.yaml'), YAML.parse(fake.kubeconfigYaml));
  return root;
}

/** Tool environment: helm 3 or 4 through DEPLOYER_HELM, kubectl from .tools, the test sops and age key. */
export function toolEnv(helm: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = sopsEnv({ DEPLOYER_HELM: helm, ...extra });
  env.PATH = `${TOOLS}${path.delimiter}${env.PATH}`;
  delete env.KUBECONFIG;
  return env;
}

export function editYaml(file: string, edit: (doc: any) => void): void {
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, YAML.stringify(doc));
}

/** Entries of `dir` whose name starts with `deployer-` (private temp dirs left behind). */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('deployer-'));
}

