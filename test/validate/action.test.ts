/**
 * The validate action and the `deployer validate` command, run as processes from the TypeScript sources (Node 24
 * type stripping + the repo's import hook) in a runner-like environment, on copies of examples/infrastructure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyTree, hashTree } from './helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_ARGS = ['--experimental-transform-types', '--no-warnings', '--import', path.join(REPO, 'test/harness/ts-hooks.mjs')];
const example = path.join(REPO, 'examples', 'infrastructure');
const GCP = 'config/clusters/gcp-demo';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A workspace holding a copy of the example at `infra/` with two faults in gcp-demo. */
function brokenWorkspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'deployer-validate-action-'));
  temps.push(ws);
  const infra = copyTree(example);
  temps.push(infra);
  spawnSync('cp', ['-r', infra, path.join(ws, 'infra')]);
  const f = path.join(ws, 'infra', GCP, 'staging.values.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace('tag: "2024-12-09"', 'tag: 20241209'));
  const c = path.join(ws, 'infra', GCP, 'cluster.yaml');
  writeFileSync(c, readFileSync(c, 'utf8').replace('  - name: dask-prod', '  - name: prod'));
  return ws;
}

/** Line of the duplicate `- name: prod` in the broken gcp-demo cluster.yaml. */
const DUP = readFileSync(path.join(example, GCP, 'cluster.yaml'), 'utf8').split('\n').findIndex((l) => l === '  - name: dask-prod') + 1;

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

function runAction(workspace: string, inputs: Record<string, string>) {
  const output = path.join(workspace, 'output.txt');
  const summary = path.join(workspace, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'actions/validate/main.ts')], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...base,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'org/infra',
      GITHUB_SHA: 'abc123',
      ...inputEnv,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

function runCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('actions/validate', () => {
  it('validates only the clusters the changed files touch; outputs, annotations and a summary grouped by file', () => {
    const ws = brokenWorkspace();
    const before = hashTree(path.join(ws, 'infra'));
    const r = runAction(ws, {
      'config-root': 'infra',
      'changed-files': `${GCP}/staging.values.yaml\nREADME.md`,
    });
    expect(r.code).toBe(1); // fail-on-error
    expect(JSON.parse(r.outputs.clusters)).toEqual(['gcp-demo']);
    const findings = JSON.parse(r.outputs.findings);
    expect(findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([`${GCP}/cluster.yaml:${DUP}`, `${GCP}/staging.values.yaml:32`]);
    expect(r.outputs['error-count']).toBe('2');
    expect(r.outputs['warning-count']).toBe('0');
    // Annotations carry workspace-relative paths (config-root is a subdirectory).
    expect(r.stdout).toContain(`file=infra/${GCP}/staging.values.yaml,line=32,col=12::\`jupyterhub.singleuser.image.tag\` must be string`);
    expect(r.stdout).toMatch(new RegExp(`::error title=at /hubs/3/name,file=infra/${GCP}/cluster.yaml,line=${DUP},col=11::duplicate hub name`));
    expect(r.stdout).toContain('::error::validate: 2 error(s) and 0 warning(s) found');
    // The summary: one table per file, every finding, linked to the file at the commit.
    expect(r.summary).toContain('## Validation of 1 cluster(s) (gcp-demo)');
    expect(r.summary).toContain(`### \`${GCP}/cluster.yaml\``);
    expect(r.summary).toContain(`### \`${GCP}/staging.values.yaml\``);
    expect(r.summary).toContain(`[32:12](https://github.example/org/infra/blob/abc123/infra/${GCP}/staging.values.yaml#L32)`);
    expect(r.summary).toContain('`jupyterhub.singleuser.image.tag` must be string, but it is a number (20241209)');
    expect(hashTree(path.join(ws, 'infra'))).toEqual(before);
  });

  it('validates nothing when the changed files touch no cluster, and passes', () => {
    const ws = brokenWorkspace();
    const r = runAction(ws, { 'config-root': 'infra', 'changed-files': 'docs/index.md' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.findings)).toEqual([]);
    expect(JSON.parse(r.outputs.clusters)).toEqual([]);
    // empty is not silent success (issue 10 item 3): the log and the summary say nothing was validated, and why
    expect(r.stdout).toContain('::warning::no cluster was validated: the changed files touch no cluster');
    expect(r.summary).toContain('**Nothing was validated:** no cluster was validated: the changed files touch no cluster');
    expect(r.summary).not.toContain('every check passed');
  });

  it('a run stopped by the repo (no cluster at all) still writes findings, error-count and the summary (issue 10 item 10)', () => {
    const ws = brokenWorkspace();
    const r = runAction(ws, { 'config-root': 'infra', 'clusters-dir': 'helm-charts' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.outputs.findings)).toEqual([expect.objectContaining({ file: 'helm-charts', severity: 'error', message: 'clusters directory helm-charts holds no cluster: no directory in it has a cluster.yaml' })]);
    expect(r.outputs['error-count']).toBe('1');
    expect(r.outputs['warning-count']).toBe('0');
    expect(JSON.parse(r.outputs.clusters)).toEqual([]);
    expect(r.summary).toContain('clusters directory helm-charts holds no cluster');
    expect(r.stdout).toContain('::error::validate: clusters directory helm-charts holds no cluster');
  });

  it('a changed file under a directory that is not a cluster is named in a warning', () => {
    const ws = brokenWorkspace();
    const r = runAction(ws, { 'config-root': 'infra', 'changed-files': 'config/clusters/gcp-dmeo/staging.values.yaml' });
    expect(r.stdout).toContain('::warning::changed file "config/clusters/gcp-dmeo/staging.values.yaml" is under a directory of clusters-dir that has no cluster.yaml: it is not validated');
  });

  it('a chart change validates every cluster; fail-on-error false keeps the step green', () => {
    const ws = brokenWorkspace();
    const r = runAction(ws, { 'config-root': 'infra', 'changed-files': 'helm-charts/basehub/values.yaml', checks: 'cluster-config', 'fail-on-error': 'false' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.clusters)).toEqual(['aws-demo', 'gcp-demo', 'kubeconfig-demo']);
    expect(r.outputs['error-count']).toBe('1'); // cluster-config only: the duplicate hub name
  });

  it('rejects an unknown check by name', () => {
    const ws = brokenWorkspace();
    const r = runAction(ws, { 'config-root': 'infra', checks: 'hub' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::validate: unknown check `hub`');
  });
});

describe('deployer validate', () => {
  it('exit 1 with findings as file:line:col lines (or JSON), exit 0 when clean, exit 2 on usage errors', () => {
    const ws = brokenWorkspace();
    const infra = path.join(ws, 'infra');
    let r = runCli(['validate', 'all', 'gcp-demo', '--config-root', infra], REPO);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${GCP}/cluster.yaml:${DUP}:11: error: duplicate hub name`)),
      expect.stringMatching(new RegExp(`^${GCP}/staging.values.yaml:32:12: error: \`jupyterhub.singleuser.image.tag\` must be string`)),
    ]);
    expect(r.stderr).toMatch(/validate all \(gcp-demo\): 2 errors, 0 warnings \[5 helm template renders, 1 dependency build, 6 helm processes, 0 jsonnet processes; /);

    r = runCli(['validate', 'cluster-config', '--json'], infra);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ file: `${GCP}/cluster.yaml`, line: DUP, col: 11, path: '/hubs/3/name', severity: 'error' })]);

    r = runCli(['validate', 'all', 'aws-demo', '--config-root', infra], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');

    r = runCli(['validate', 'hub-config', 'aws-demo', 'nope', '--config-root', infra], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hubs of aws-demo: staging, research');

    r = runCli(['validate', 'all', '--bogus'], infra);
    expect(r.code).toBe(2);
  });
});
