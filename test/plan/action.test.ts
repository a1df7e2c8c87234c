/**
 * The helm-upgrade-jobs action, run as a process the way the runner runs it (inputs in INPUT_*, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files): outputs, the git diff mode, PR labels from the event payload, the comment file, and
 * hostile file names that must not inject workflow commands or outputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseOutputFile, runAction } from './run.js';
import { makeTree, type Tree } from './tree.js';

const OUTPUT_NAMES = ['comment-body', 'has-jobs', 'prod-hub-matrix-jobs', 'prod-jobs', 'staging-jobs', 'support-and-staging-matrix-jobs', 'support-jobs'];
const V = 'Following helm chart values files were modified: ';

// Hostile names: workflow commands, percent-encoding, newlines, shell metacharacters. One of them is a real values
// file of a hub, so it flows into reasons, tables, the comment and the outputs.
const EVIL_VALUES = '::warning::pwned%0A::set-output name=has-jobs::x $(touch pwned) `id`;|&.values.yaml';
const EVIL_OTHERS = ['::error::a', '%0A::notice::b', '$(rm -rf ~)', "a';echo x;'", '::add-mask::secret', '::stop-commands::x'];

let tree: Tree;
let tmp: string;
let n = 0;
const files = () => {
  n++;
  const output = path.join(tmp, `out-${n}`);
  const summary = path.join(tmp, `summary-${n}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return { output, summary };
};

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-action-'));
  tree = makeTree({
    c1: { provider: 'gcp', support: ['support.values.yaml'], hubs: [{ name: 'staging' }, { name: 'prod', files: ['common.values.yaml', `"${EVIL_VALUES}"`] }] },
    c2: { provider: 'aws', hubs: [{ name: 'hub1' }] },
  });
});
afterAll(() => {
  tree.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

/** Every stdout line the runner would read as a command: only ours may appear, and nothing between stop/resume. */
function commandLines(stdout: string): string[] {
  const out: string[] = [];
  let stopped: string | undefined;
  for (const line of stdout.split('\n')) {
    const t = line.trimStart();
    if (stopped) {
      if (t === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const m = /^::stop-commands::(.+)$/.exec(t);
    if (m) stopped = m[1];
    else if (t.startsWith('::')) out.push(t);
  }
  expect(stopped).toBeUndefined();
  return out;
}

describe('helm-upgrade-jobs action', () => {
  test('outputs: all seven, heredoc-delimited, every line newline-terminated; summary and comment file', () => {
    const f = files();
    const r = runAction(tree.root, { 'changed-files': 'config/clusters/c1/support.values.yaml\nconfig/clusters/c2/hub1.values.yaml', 'comment-file': 'out/comment-body.txt' }, {}, f);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Object.keys(r.outputs).sort()).toEqual(OUTPUT_NAMES);
    expect(r.rawOutputs.endsWith('\n')).toBe(true);
    expect(r.outputs['support-jobs']).toBe(`[{"cluster_name": "c1", "provider": "gcp", "choice_reason": "${V}support.values.yaml"}]`);
    expect(JSON.parse(r.outputs['prod-jobs'])).toEqual([{ cluster_name: 'c2', provider: 'aws', choice_reason: `${V}hub1.values.yaml`, hub_name: 'hub1' }]);
    expect(JSON.parse(r.outputs['staging-jobs'])).toEqual([]);
    expect(JSON.parse(r.outputs['support-and-staging-matrix-jobs'])).toEqual([
      { cluster_name: 'c1', provider: 'gcp', upgrade_support: true, reason_for_support_redeploy: `${V}support.values.yaml`, upgrade_staging: false, reason_for_staging_redeploy: '' },
      { cluster_name: 'c2', provider: 'aws', upgrade_support: false, reason_for_support_redeploy: '', upgrade_staging: false, reason_for_staging_redeploy: '' },
    ]);
    expect(r.outputs['has-jobs']).toBe('true');
    expect(r.outputs['comment-body']).toBe(readFileSync(path.join(tree.root, 'out/comment-body.txt'), 'utf8'));
    expect(r.outputs['comment-body']).toMatch(/^<!-- deployment-plan -->\n/);
    expect(r.summary).toContain('### Production deployments');
    expect(r.summary).toContain('|      aws     |     c2     |  hub1  |Following helm chart values files were modified: hub1.values.yaml|');
    expect(r.stdout).toContain('│ aws            │ c2           │ hub1     │');
    expect(commandLines(r.stdout)).toEqual([]);
  });

  test('hostile file names inject no workflow command and no output', () => {
    const f = files();
    const changed = [`config/clusters/c1/${EVIL_VALUES}`, ...EVIL_OTHERS].join('\n');
    const r = runAction(tree.root, { 'changed-files': changed, labels: '["deployer:\\n::warning::label"]' }, {}, f);
    expect(r.code).toBe(0);
    // the only command outside the stop-commands block is our own warning about the unknown label, escaped
    expect(commandLines(r.stdout)).toEqual([
      '::warning::label "deployer:\\n::warning::label" is not a deployer label (known: deployer:skip-deploy, deployer:skip-deploy-hubs, deployer:deploy-support, deployer:deploy-hubs); it has no effect',
    ]);
    expect(Object.keys(r.outputs).sort()).toEqual(OUTPUT_NAMES);
    expect(r.outputs['has-jobs']).toBe('true');
    const prod = JSON.parse(r.outputs['prod-jobs']);
    expect(prod).toEqual([{ cluster_name: 'c1', provider: 'gcp', choice_reason: `${V}${EVIL_VALUES}`, hub_name: 'prod' }]);
    // the hostile name is shown only inside the stop-commands block, and escaped in the markdown table
    expect(r.outputs['comment-body']).toContain('\\|&amp;.values.yaml');
    expect(r.outputs['comment-body'].split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false);
  });

  test('base-ref/head-ref: added and modified files from git, names with newlines intact, renames seen as added, deletions ignored', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'plan-git-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
      const sub = path.join(repo, 'infra'); // config-root is a subdirectory of the work tree
      const t = makeTree({ c1: { hubs: [{ name: 'staging' }, { name: 'prod', files: ['"odd\\nname.values.yaml"', 'prod.values.yaml'] }, { name: 'gone' }] } });
      execFileSync('cp', ['-r', t.root, sub]);
      t.cleanup();
      writeFileSync(path.join(sub, 'config/clusters/c1/gone.values.yaml'), 'a: 1\n');
      writeFileSync(path.join(sub, 'config/clusters/c1/prod.values.yaml'), 'a: 1\n');
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-qm', 'base');
      writeFileSync(path.join(sub, 'config/clusters/c1/odd\nname.values.yaml'), 'a: 1\n');
      writeFileSync(path.join(repo, 'outside.txt'), 'x\n');
      git('rm', '-q', 'infra/config/clusters/c1/gone.values.yaml');
      git('add', '-A');
      git('commit', '-qm', 'head');
      const f = files();
      const r = runAction(repo, { 'base-ref': 'HEAD~1', 'config-root': 'infra' }, {}, f);
      expect(r.stdout).toContain('changed files (git diff): ["config/clusters/c1/odd\\nname.values.yaml"]');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.outputs['prod-jobs'])).toEqual([{ cluster_name: 'c1', provider: 'gcp', choice_reason: `${V}odd\nname.values.yaml`, hub_name: 'prod' }]);
      expect(JSON.parse(r.outputs['staging-jobs'])).toEqual([{ cluster_name: 'c1', provider: 'gcp', choice_reason: 'Following prod hubs require redeploy: prod', hub_name: 'staging' }]);
      expect(r.stdout).toContain('changed files (git diff): ["config/clusters/c1/odd\\nname.values.yaml"]');
      const bad = runAction(repo, { 'base-ref': 'no-such-ref', 'config-root': 'infra' }, {}, files());
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/::error::helm-upgrade-jobs: git diff no-such-ref\.\.\.HEAD failed: .*%0A {2}hint: both refs must be in the clone/);
      expect(bad.rawOutputs).toBe('');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('labels default to the pull request labels of the event payload', () => {
    const event = path.join(tmp, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 1, labels: [{ name: 'deployer:skip-deploy-hubs' }, { name: 'docs' }] } }));
    const change = { 'changed-files': 'config/clusters/c1/support.values.yaml,config/clusters/c2/hub1.values.yaml' };
    const r = runAction(tree.root, change, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }, files());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs['prod-jobs'])).toEqual([]);
    expect(JSON.parse(r.outputs['support-jobs'])).toHaveLength(1);
    expect(r.stdout).toContain('labels (pull request event): ["deployer:skip-deploy-hubs","docs"]');
    // on push the payload has no labels to offer; an explicit input wins on any event
    const push = runAction(tree.root, change, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event }, files());
    expect(JSON.parse(push.outputs['prod-jobs'])).toHaveLength(1);
    const explicit = runAction(tree.root, { ...change, labels: '["deployer:skip-deploy"]' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }, files());
    expect(explicit.outputs['has-jobs']).toBe('false');
  });

  test('a rules file: a symlink out of config-root is refused; a parse error never quotes the file (issue 10 item 7)', () => {
    const secret = path.join(tmp, 'shadow');
    writeFileSync(secret, 'root:$6$SECRETHASH:19000:0:99999:7:::\nother: [SECRET2\n');
    symlinkSync(secret, path.join(tree.root, 'rules-link.yaml'));
    const link = runAction(tree.root, { 'changed-files': 'a', rules: 'rules-link.yaml' }, {}, files());
    expect(link.code).toBe(1);
    expect(link.stdout).toContain('input `rules`: the rules file is a symlink leading outside config-root');
    writeFileSync(path.join(tree.root, 'bad-rules.yaml'), 'SECRET1-key: 1\nall-hubs: [SECRET2\n');
    writeFileSync(path.join(tree.root, 'bad-keys.yaml'), 'SECRET3-key: 1\n');
    for (const rules of ['bad-rules.yaml', 'bad-keys.yaml']) {
      const r = runAction(tree.root, { 'changed-files': 'a', rules }, {}, files());
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${rules}:`);
      expect(r.stdout + r.stderr).not.toMatch(/SECRET/);
    }
  });

  test('charts-dir: the default rules follow it (issue 10 item 2)', () => {
    const r = runAction(tree.root, { 'changed-files': 'charts/basehub/values.yaml', 'charts-dir': 'charts' }, {}, files());
    expect(r.code).toBe(0);
    expect(r.outputs['has-jobs']).toBe('true');
    const dflt = runAction(tree.root, { 'changed-files': 'charts/basehub/values.yaml' }, {}, files());
    expect(dflt.outputs['has-jobs']).toBe('false');
  });

  test('bad input fails the step with one line, and writes no output', () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'changed-files': '/etc/passwd' }, '::error::helm-upgrade-jobs: input `changed-files`: path "/etc/passwd" is absolute'],
      [{ 'changed-files': 'a', labels: '{"x": 1}' }, '::error::helm-upgrade-jobs: input `labels` must be a JSON list of strings, but it is an object'],
      [{ 'changed-files': 'a', 'base-ref': 'main' }, '::error::helm-upgrade-jobs: set either changed-files or base-ref, not both'],
      [{ 'changed-files': 'a', rules: 'all-hubs:\n  include: [x]\nbogus: 1' }, '::error::helm-upgrade-jobs: input `rules`:3:1: unknown key in the rules file (allowed: all-hubs, all-support)'],
      // issue 10 item 7: the rules input reads only files inside config-root
      [{ 'changed-files': 'a', rules: '/etc/passwd' }, '::error::helm-upgrade-jobs: input `rules`: the rules file must be inside config-root'],
      [{ 'changed-files': 'a', rules: '../../../../../../../etc/passwd' }, '::error::helm-upgrade-jobs: input `rules`: the rules file must be inside config-root'],
    ];
    for (const [inputs, line] of cases) {
      const r = runAction(tree.root, inputs, {}, files());
      expect(r.code).toBe(1);
      expect([line, r.stdout.split('\n').some((l) => l.startsWith(line)) ? 'found' : r.stdout]).toEqual([line, 'found']);
      expect(r.rawOutputs).toBe('');
    }
  });

  test('an inline rules document and a rules file (relative to config-root)', () => {
    writeFileSync(path.join(tree.root, 'rules.json'), JSON.stringify({ 'all-support': { include: ['docs/*'] } }));
    const r = runAction(tree.root, { 'changed-files': 'docs/x.md', rules: 'rules.json' }, {}, files());
    expect(JSON.parse(r.outputs['support-jobs'])).toEqual([{ cluster_name: 'c1', provider: 'gcp', choice_reason: 'Support helm chart has been modified' }]);
    const inline = runAction(tree.root, { 'changed-files': 'docs/x.md', rules: 'all-hubs:\n  include: ["docs/*"]\n' }, {}, files());
    expect(JSON.parse(inline.outputs['prod-jobs']).map((j: { hub_name: string }) => j.hub_name)).toEqual(['prod', 'hub1']);
  });
});

test('parseOutputFile refuses what is not a heredoc output', () => {
  expect(() => parseOutputFile('x=1\n')).toThrow(/unexpected GITHUB_OUTPUT line/);
});
