/**
 * The fork-safe path end to end: actions/diff in the pull_request run writes the artifact; actions/diff-comment in the
 * workflow_run run posts it against the fake GitHub API, once, then updates the same comment in place; a person's
 * comment quoting the marker is never touched; a tampered artifact or an unknown head commit posts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeGithubApi, type FakeGithubApi } from '../harness/github-api.js';
import { runActionSourceAsync } from '../harness/run-source.js';
import { exampleGitRepo, type GitRepo } from './repo.js';

const TOKEN = 'ghs_fake_token_for_the_poster_123';
const REPO_NAME = 'example-org/infrastructure';
const HEAD_SHA = 'c0ffee'.padEnd(40, '0');
let api: FakeGithubApi;
let repo: GitRepo;
let tmp: string;
let artifactDir: string;
let pull: number;

beforeAll(async () => {
  api = await startFakeGithubApi({ token: TOKEN });
  repo = exampleGitRepo();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'diff-post-'));
  const base = repo.git('rev-parse', 'HEAD');
  repo.setYaml('config/clusters/gcp-demo/prod.values.yaml', ['jupyterhub', 'hub', 'image', 'tag'], '5.5.5-@octocat');
  const head = repo.commit('a change from a fork');
  artifactDir = path.join(tmp, 'artifact');
  const made = await runActionSourceAsync('diff', repo.root, { 'base-ref': base, 'head-ref': head, 'artifact-dir': artifactDir }, { RUNNER_TEMP: tmp });
  if (made.code !== 0) throw new Error(`actions/diff failed: ${made.stdout}${made.stderr}`);
  pull = api.addForkPull(REPO_NAME, { head: 'patch-1', base: 'main', headSha: HEAD_SHA, headRepo: 'someone/infrastructure' });
  api.addComment(REPO_NAME, pull, '<!-- deployer-diff -->\nA person quoting the marker: leave me alone');
});
afterAll(async () => {
  await api?.stop();
  repo?.cleanup();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function post(dir: string, headSha = HEAD_SHA) {
  const event = path.join(tmp, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(event, JSON.stringify({ workflow_run: { id: 42, event: 'pull_request', head_sha: headSha, head_repository: { full_name: 'someone/infrastructure' } } }));
  return runActionSourceAsync(
    'diff-comment',
    tmp,
    { 'artifact-dir': dir, 'github-token': TOKEN },
    { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: REPO_NAME, GITHUB_API_URL: api.url },
  );
}

it('creates the comment once, then updates it in place over the next runs', async () => {
  for (let run = 1; run <= 3; run++) {
    const r = await post(artifactDir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs['pull-request']).toBe(String(pull));
  }
  const comments = api.comments(REPO_NAME, pull);
  const bot = comments.filter((c) => c.user.type === 'Bot');
  expect(bot).toHaveLength(1);
  expect(bot[0].body.startsWith('<!-- deployer-diff -->')).toBe(true);
  expect(bot[0].body).toContain('gcp-demo/prod');
  expect(bot[0].body).toContain('5.5.5-'); // inside the diff's code block
  expect(bot[0].body.replace(/^(`{3,})[a-z]*\n[\s\S]*?\n\1$/gm, '')).not.toContain('@octocat');
  expect(comments.find((c) => c.user.type === 'User')!.body).toBe('<!-- deployer-diff -->\nA person quoting the marker: leave me alone');
  const writes = api.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path.replace(/\d+$/, 'N')}`);
  expect(writes).toEqual([`POST /repos/${REPO_NAME}/issues/${pull}/comments`, `PATCH /repos/${REPO_NAME}/issues/comments/N`, `PATCH /repos/${REPO_NAME}/issues/comments/N`]);
  expect(JSON.stringify(api.requests.map((q) => q.body))).not.toContain(TOKEN);
});

it('a tampered artifact posts nothing and says why', async () => {
  const bad = path.join(tmp, 'bad');
  rmSync(bad, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(bad);
  writeFileSync(path.join(bad, 'deployer-diff.json'), JSON.stringify({ format: 'deployer-diff/1', result: { releases: 'rm -rf /' } }));
  const before = api.requests.length;
  const r = await post(bad);
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/the diff artifact .* is not usable: /);
  expect(api.requests.length).toBe(before);
});

it('a head commit no open pull request has posts nothing', async () => {
  const r = await post(artifactDir, 'd'.repeat(40));
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/no open pull request\(s\) of example-org\/infrastructure have the head commit dddddddddddd/);
  expect(api.comments(REPO_NAME, pull).filter((c) => c.user.type === 'Bot')).toHaveLength(1);
});
