/**
 * The reusable workflows' own logic: deploy-hubs.yml compares with the right commit for each event (its script run
 * with bash in a real git repository, with the values the runner would put in its environment), both workflows pass
 * charts-dir to the planner, and validate.yml, which runs for pull requests, takes and hands out no secret.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: { workflow_call: { inputs?: Record<string, unknown>; secrets?: Record<string, unknown> } };
  jobs: Record<string, { steps?: Step[]; env?: Record<string, string> }>;
}
const load = (name: string) => {
  const text = readFileSync(path.join(root, '.github/workflows', name), 'utf8');
  return { text, wf: parse(text) as Workflow };
};
const deployHubs = load('deploy-hubs.yml');
const validate = load('validate.yml');
const planStep = (wf: Workflow) => wf.jobs.plan.steps!.find((s) => s.uses?.endsWith('/actions/helm-upgrade-jobs'))!;

describe('deploy-hubs.yml: the commit a change is compared with', () => {
  const baseStep = deployHubs.wf.jobs.plan.steps!.find((s) => s.id === 'base')!;
  let dir: string;
  let work: string;
  const sha: Record<string, string> = {};
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
  const commit = (cwd: string, name: string) => {
    writeFileSync(path.join(cwd, `${name}.txt`), name);
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-qm', name);
    sha[name] = git(cwd, 'rev-parse', 'HEAD');
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'base-ref-'));
    const upstream = path.join(dir, 'upstream');
    git(dir, 'init', '-q', upstream);
    commit(upstream, 'A');
    commit(upstream, 'B');
    git(upstream, 'checkout', '-qb', 'feature');
    commit(upstream, 'C');
    commit(upstream, 'D');
    git(upstream, 'checkout', '-q', 'main');
    commit(upstream, 'E');
    git(upstream, 'checkout', '-q', '--orphan', 'unrelated');
    commit(upstream, 'X');
    git(upstream, 'checkout', '-q', 'main');
    work = path.join(dir, 'work');
    git(dir, 'clone', '-q', upstream, work);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Run the step's script as the runner would: bash, its env with the event's values, a GITHUB_OUTPUT file. */
  function runStep(values: Record<string, string>) {
    const out = path.join(dir, `output-${Math.random().toString(16).slice(2)}`);
    writeFileSync(out, '');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: out };
    for (const [k, expr] of Object.entries(baseStep.env ?? {})) {
      const m = /^\$\{\{\s*([\w.-]+)\s*\}\}$/.exec(expr);
      if (!m) throw new Error(`env ${k} is not a plain context value: ${expr}`);
      env[k] = values[m[1]] ?? '';
    }
    const r = spawnSync('bash', ['-e', '-c', baseStep.run!], { cwd: work, env, encoding: 'utf8' });
    const base = /^base=(.*)$/m.exec(readFileSync(out, 'utf8'))?.[1];
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, base };
  }
  const zeros = '0'.repeat(40);

  test('the planner gets the step\'s output, and the script gets values only through env', () => {
    expect(planStep(deployHubs.wf).with!['base-ref']).toBe('${{ steps.base.outputs.base }}');
    expect(baseStep.run).not.toMatch(/\$\{\{/);
  });

  test('pull_request synchronize: the pull request\'s base, not the previous push', () => {
    const r = runStep({ 'github.event_name': 'pull_request', 'github.event.pull_request.base.sha': sha.E, 'github.event.before': sha.C, 'github.sha': sha.D, 'github.event.repository.default_branch': 'main' });
    expect(r.code).toBe(0);
    expect(r.base).toBe(sha.E);
  });

  test('push: the commit before the push', () => {
    const r = runStep({ 'github.event_name': 'push', 'github.event.before': sha.C, 'github.sha': sha.D, 'github.event.repository.default_branch': 'main' });
    expect(r.base).toBe(sha.C);
  });

  test('push of a new branch (before is all zeros): the merge base with the default branch', () => {
    const r = runStep({ 'github.event_name': 'push', 'github.event.before': zeros, 'github.sha': sha.D, 'github.event.repository.default_branch': 'main' });
    expect(r.code).toBe(0);
    expect(r.base).toBe(sha.B);
    expect(r.stdout).toMatch(/merge base with main/);
  });

  test('the default branch is fetched when the checkout lacks it', () => {
    git(work, 'update-ref', '-d', 'refs/remotes/origin/main');
    const r = runStep({ 'github.event_name': 'workflow_dispatch', 'github.sha': sha.D, 'github.event.repository.default_branch': 'main' });
    expect(r.code).toBe(0);
    expect(r.base).toBe(sha.B);
  });

  test('the base-ref input wins', () => {
    const r = runStep({ 'inputs.base-ref': sha.A, 'github.event_name': 'push', 'github.event.before': sha.C, 'github.sha': sha.D });
    expect(r.base).toBe(sha.A);
  });

  test('no shared history, or a base-ref that is not a ref: a clear failure, no output', () => {
    const unrelated = runStep({ 'github.event_name': 'push', 'github.event.before': zeros, 'github.sha': sha.X, 'github.event.repository.default_branch': 'main' });
    expect(unrelated.code).toBe(1);
    expect(unrelated.stderr).toMatch(/shares no history with main; set the base-ref input/);
    expect(unrelated.base).toBeUndefined();
    const injected = runStep({ 'inputs.base-ref': 'main\nbase=evil', 'github.event_name': 'push', 'github.sha': sha.D });
    expect(injected.code).toBe(1);
    expect(injected.base).toBeUndefined();
  });
});

describe('charts-dir reaches the planner', () => {
  test.each([['deploy-hubs.yml', deployHubs.wf], ['validate.yml', validate.wf]])('%s', (_name, wf) => {
    expect(planStep(wf).with!['charts-dir']).toBe('${{ inputs.charts-dir }}');
  });
});

describe('validate.yml (pull requests) takes and hands out no secret', () => {
  test('no secret is declared and none is referenced', () => {
    expect(validate.wf.on.workflow_call.secrets).toBeUndefined();
    expect(validate.text.replace(/^\s*#.*$/gm, '')).not.toMatch(/secrets\.|SOPS_AGE_KEY/);
  });
});
