/**
 * Paths an action writes (helm-upgrade-jobs `comment-file`): only inside the workspace or RUNNER_TEMP, never over a
 * file git tracks, never a directory, a symbolic link or inside .git, whole or not at all (no `*.tmp` left behind).
 * Unit tests of the adapter function on a real git repository, then the action run as the runner runs it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveWritablePath, writeInputFile } from '../../src/action/write-path.js';
import { REPO, runActionSource } from '../harness/run-source.js';

let base: string;
let ws: string;
let temp: string;
let outside: string;
const roots = () => ({ workspace: ws, runnerTemp: temp });
const git = (...args: string[]) => execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Every file under `dir` whose name ends in .tmp. */
function tmpFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ name: string; isFile(): boolean }>)
    .filter((d) => d.isFile() && d.name.endsWith('.tmp'))
    .map((d) => d.name);
}

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'write-path-'));
  ws = path.join(base, 'workspace');
  temp = path.join(base, 'runner-temp');
  outside = path.join(base, 'outside');
  mkdirSync(temp);
  mkdirSync(outside);
  cpSync(path.join(REPO, 'examples/infrastructure'), ws, { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'init');
  symlinkSync(outside, path.join(ws, 'link-out'));
  symlinkSync(path.join(ws, 'config/clusters/gcp-demo/cluster.yaml'), path.join(ws, 'link-to-tracked.md'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveWritablePath', () => {
  it.each([
    ['comment-body.md', 'comment-body.md'],
    ['out/deep/comment.md', 'out/deep/comment.md'],
    ['./config/clusters/gcp-demo/new-comment.md', 'config/clusters/gcp-demo/new-comment.md'],
  ])('%s in the workspace is fine', async (value, rel) => {
    expect(await resolveWritablePath('comment-file', value, roots())).toBe(path.join(ws, rel));
  });

  it('an absolute path under RUNNER_TEMP is fine', async () => {
    expect(await resolveWritablePath('comment-file', path.join(temp, 'c.md'), roots())).toBe(path.join(temp, 'c.md'));
  });

  it.each([
    ['config/clusters/gcp-demo/cluster.yaml', /is a file tracked by git/],
    ['README.md', /tracked by git|outside/],
    ['../outside/x.md', /outside the workspace and RUNNER_TEMP/],
    ['/etc/passwd', /outside the workspace/],
    ['link-out/x.md', /outside the workspace/],
    ['link-to-tracked.md', /symbolic link|tracked/],
    ['config/clusters', /is a directory/],
    ['out/', /names a directory/],
    ['.git/config', /inside a \.git directory/],
    ['.git/hooks/post-checkout', /inside a \.git directory/],
    ['', /not a file path/],
  ])('%j is refused naming the input', async (value, message) => {
    await expect(resolveWritablePath('comment-file', value, roots())).rejects.toMatchObject({ message: expect.stringMatching(message), exitCode: 2 });
    await expect(resolveWritablePath('comment-file', value, roots())).rejects.toMatchObject({ message: expect.stringContaining('input `comment-file`') });
  });

  it('a tracked file deleted from the checkout is still tracked', async () => {
    const file = path.join(ws, 'config/clusters/aws-demo/staging.values.yaml');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      await expect(resolveWritablePath('comment-file', 'config/clusters/aws-demo/staging.values.yaml', roots())).rejects.toThrow(/tracked by git/);
    } finally {
      writeFileSync(file, text);
    }
  });
});

describe('writeInputFile', () => {
  it('writes whole, creates parents, replaces an untracked file, leaves no temp file', async () => {
    await writeInputFile('comment-file', 'plans/comment.md', 'one', roots());
    await writeInputFile('comment-file', 'plans/comment.md', 'two', roots());
    expect(readFileSync(path.join(ws, 'plans/comment.md'), 'utf8')).toBe('two');
    expect(tmpFiles(ws)).toEqual([]);
  });

  it('a refused path writes nothing and leaves no temp file', async () => {
    const tracked = path.join(ws, 'config/clusters/gcp-demo/cluster.yaml');
    const before = readFileSync(tracked, 'utf8');
    await expect(writeInputFile('comment-file', 'config/clusters/gcp-demo/cluster.yaml', 'pwned', roots())).rejects.toThrow(/tracked/);
    await expect(writeInputFile('comment-file', 'config/clusters', 'pwned', roots())).rejects.toThrow(/directory/);
    await expect(writeInputFile('comment-file', 'config/clusters/gcp-demo/staging.values.yaml/x.md', 'pwned', roots())).rejects.toMatchObject({
      message: expect.stringMatching(/goes through config\/clusters\/gcp-demo\/staging.values.yaml, which is a file/),
      exitCode: 2,
    });
    expect(readFileSync(tracked, 'utf8')).toBe(before);
    expect(tmpFiles(ws)).toEqual([]);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('the helm-upgrade-jobs action with a hostile comment-file', () => {
  const run = (commentFile: string) =>
    runActionSource('helm-upgrade-jobs', ws, { 'changed-files': 'config/clusters/gcp-demo/staging.values.yaml', 'comment-file': commentFile }, { RUNNER_TEMP: temp });

  it('pointed at a tracked cluster.yaml: fails naming the input, the file is unchanged', () => {
    const tracked = path.join(ws, 'config/clusters/gcp-demo/cluster.yaml');
    const before = readFileSync(tracked, 'utf8');
    const r = run('config/clusters/gcp-demo/cluster.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::helm-upgrade-jobs: input `comment-file` .* is a file tracked by git/);
    expect(readFileSync(tracked, 'utf8')).toBe(before);
  });

  it.each([['../outside/comment.md'], ['<outside>/abs.md']])('%s outside the workspace: refused, nothing written', (value) => {
    const r = run(value.replace('<outside>', outside));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/outside the workspace and RUNNER_TEMP/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a directory: refused, no *.tmp left behind', () => {
    const r = run('config');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is a directory/);
    expect(tmpFiles(ws)).toEqual([]);
  });

  it('a new file in the workspace is written', () => {
    const r = run('comment-body.txt');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(ws, 'comment-body.txt'), 'utf8')).toContain('<!-- deployment-plan -->');
    expect(existsSync(path.join(ws, 'comment-body.txt'))).toBe(true);
  });
});
