/** The planner's tests run the action and the CLI from the TypeScript sources (test/harness/run-source.ts). */
import { runActionSource, runCliSource, type ActionRun, type Run } from '../harness/run-source.js';

export { parseOutputFile, REPO, type ActionRun, type Run } from '../harness/run-source.js';

export function runCli(args: string[], cwd: string): Run {
  return runCliSource(args, cwd);
}

/** Run actions/helm-upgrade-jobs/main.ts with `inputs` (names as in action.yml) in a fresh runner-like environment. */
export function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}, files: { output: string; summary: string }): ActionRun {
  return runActionSource('helm-upgrade-jobs', workspace, inputs, env, files);
}
