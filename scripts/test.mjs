#!/usr/bin/env node
// npm test: type-check, check dist/ is fresh, then run jest (ESM) on the node that runs this script.
// Put .tools/bin (helm, helm4, kubectl from `npm run tools`) first on PATH for the tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jestArgs = args.filter((a) => a !== '--quick');
const env = {
  ...process.env,
  PATH: `${path.join(root, '.tools', 'bin')}${path.delimiter}${process.env.PATH}`,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
};

function step(name, cmd, cmdArgs) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm test: ${name} failed`);
    process.exit(r.status ?? 1);
  }
}

if (!quick) {
  step('typecheck', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.typecheck.json']);
  step('dist is fresh', process.execPath, [path.join(root, 'scripts/build.mjs'), '--check', '--no-typecheck']);
}
step('jest', process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), ...jestArgs]);
