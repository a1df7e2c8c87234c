/** actions/diff run as the runner runs it (a process with INPUT_* variables) on a git repository with real commits. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionSourceAsync } from '../harness/run-source.js';
import { exampleGitRepo, type GitRepo } from './repo.js';

let repo: GitRepo;
let tmp: string;
let base: string;
let head: string;
beforeAll(() => {
  repo = exampleGitRepo();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'diff-action-'));
  base = repo.git('rev-parse', 'HEAD');
  const file = 'config/clusters/gcp-demo/prod.values.yaml';
  repo.write(file, `# a comment only\n${repo.read(file)}`);
  repo.setYaml('config/clusters/aws-demo/staging.values.yaml', ['jupyterhub', 'hub', 'image', 'tag'], '7.7.7-test');
  head = repo.commit('two changes: one renders nothing new');
});
afterAll(() => {
  repo?.cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

it('writes the matrices without unchanged releases (label deployer:skip-unchanged), the artifact, the comment and the summary', async () => {
  const event = path.join(tmp, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, labels: [{ name: 'deployer:skip-unchanged' }] } }));
  const artifactDir = path.join(tmp, 'out');
  const r = await runActionSourceAsync('diff', repo.root, { 'base-ref': base, 'head-ref': head, 'artifact-dir': artifactDir }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, RUNNER_TEMP: tmp });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const jobs = (name: string) => (JSON.parse(r.outputs[name]) as Array<{ cluster_name: string; hub_name: string }>).map((j) => `${j.cluster_name}/${j.hub_name}`);
  expect(jobs('prod-jobs')).toEqual([]);
  expect(jobs('staging-jobs')).toEqual(['aws-demo/staging']);
  expect(JSON.parse(r.outputs.dropped)).toContain('gcp-demo/prod');
  expect(JSON.parse(r.outputs.changed)).toEqual(['aws-demo/staging']);
  expect(JSON.parse(r.outputs.failed)).toEqual([]);
  expect(existsSync(path.join(artifactDir, 'deployer-diff.json'))).toBe(true);
  const comment = readFileSync(r.outputs['comment-file'], 'utf8');
  expect(comment.startsWith('<!-- deployer-diff -->')).toBe(true);
  expect(comment).toContain('7.7.7-test');
  expect(comment).toContain('Not deployed (skip-unchanged)');
  expect(r.summary).toContain('Rendered changes');
  expect(r.summary).toContain('7.7.7-test');
});

it('a base ref the clone does not have is one clear error, exit 1', async () => {
  const r = await runActionSourceAsync('diff', repo.root, { 'base-ref': 'f'.repeat(40), 'head-ref': head }, { RUNNER_TEMP: tmp });
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/git ref "f{40}" is not a commit in this clone/);
  expect(r.stdout + r.stderr).toContain('fetch-depth: 0');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
});
