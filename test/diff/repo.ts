/** A git repository made from examples/infrastructure in a temp dir, for the diff tests and bench. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { REPO } from '../harness/run-source.js';

export interface GitRepo {
  root: string;
  git(...args: string[]): string;
  commit(message: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Set a key in a YAML file (creating maps on the way), keeping its comments. */
  setYaml(rel: string, keyPath: string[], value: unknown): void;
  cleanup(): void;
}

export function exampleGitRepo(): GitRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), 'diff-repo-'));
  cpSync(path.join(REPO, 'examples/infrastructure'), root, { recursive: true, verbatimSymlinks: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const repo: GitRepo = {
    root,
    git,
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    read: (rel) => readFileSync(path.join(root, rel), 'utf8'),
    write: (rel, text) => writeFileSync(path.join(root, rel), text),
    setYaml(rel, keyPath, value) {
      const doc = parseDocument(repo.read(rel));
      doc.setIn(keyPath, value);
      repo.write(rel, doc.toString());
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return repo;
}
