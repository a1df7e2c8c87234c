/**
 * The operator workflow (.github/workflows/operator.yml): it passes @actions/languageservice validation (run as
 * test/metadata does, in its own process), every input it passes to actions/exec exists there, its choices are the
 * tools and components the code knows, the workflow_call and workflow_dispatch triggers offer the same tool inputs,
 * and its one shell step splits two-word inputs without running any of their text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { parseOutputFile, REPO } from '../harness/run-source.js';
import { WORKFLOW_TOOLS } from '../../src/shared/ops/workflow.js';
import { COMPONENT_NAMES } from '../../src/shared/ops/selectors.js';

const file = path.join(REPO, '.github/workflows/operator.yml');
const wf = YAML.parse(readFileSync(file, 'utf8'));
const exec = YAML.parse(readFileSync(path.join(REPO, 'actions/exec/action.yml'), 'utf8'));

function languageService(files: string[]): Array<{ file: string; diagnostics: Array<{ line: number; message: string; severity: string }> }> {
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'test/metadata/validate-metadata.mjs'), ...files], { cwd: REPO, encoding: 'utf8', timeout: 60_000 }));
}

test('passes @actions/languageservice validation (and a broken copy does not)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'operator-wf-'));
  try {
    const broken = path.join(tmp, '.github/workflows/broken.yml');
    execFileSync('mkdir', ['-p', path.dirname(broken)]);
    writeFileSync(broken, readFileSync(file, 'utf8').replace('timeout-minutes: 15', 'timeout-minutes: 15\n    runs-on-typo: x'));
    const [ok, bad] = languageService([file, broken]);
    expect(ok.diagnostics).toEqual([]);
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('every input given to actions/exec exists there, and every required one is given', () => {
  const steps = wf.jobs.operator.steps as Array<{ uses?: string; with?: Record<string, unknown> }>;
  const step = steps.find((s) => s.uses === './.deployer/actions/exec')!;
  expect(step).toBeDefined();
  const declared = Object.keys(exec.inputs);
  for (const k of Object.keys(step.with!)) expect(declared).toContain(k);
  for (const [k, def] of Object.entries(exec.inputs as Record<string, { required?: boolean }>)) if (def.required) expect(Object.keys(step.with!)).toContain(k);
});

test('the choices are the tools and components the code knows; both triggers offer the same tool inputs', () => {
  const dispatch = wf.on.workflow_dispatch.inputs;
  const call = wf.on.workflow_call.inputs;
  expect(dispatch.tool.options).toEqual([...WORKFLOW_TOOLS]);
  expect(dispatch.component.options).toEqual([...COMPONENT_NAMES]);
  for (const k of Object.keys(dispatch)) expect(Object.keys(call)).toContain(k);
  expect(Object.keys(dispatch).length).toBeLessThanOrEqual(10);
  // Every inputs.X the job reads is declared by workflow_call (dispatch-only runs fall back with `||`).
  const text = JSON.stringify(wf.jobs);
  for (const m of text.matchAll(/inputs\.([a-z-]+)/g)) expect(Object.keys(call)).toContain(m[1]);
});

test('the split step turns two-word inputs into outputs and never runs their text', () => {
  const step = (wf.jobs.operator.steps as Array<{ id?: string; run?: string }>).find((s) => s.id === 'words')!;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'operator-split-'));
  try {
    const out = path.join(tmp, 'out');
    const marker = path.join(tmp, 'pwned');
    const run = (homedirs: string, aws: string) => {
      writeFileSync(out, '');
      execFileSync('bash', ['-e', '-c', step.run!], { env: { PATH: process.env.PATH, GITHUB_OUTPUT: out, HOMEDIRS: homedirs, AWS: aws } });
      return parseOutputFile(readFileSync(out, 'utf8').replace(/^(\w+)=(.*)$/gm, (_m, k, v) => `${k}<<ghadelimiter_0\n${v}\nghadelimiter_0`));
    };
    expect(run('alice bob', 'ops arn:aws:iam::1:mfa/x')).toEqual({ source: 'alice', destination: 'bob', profile: 'ops', mfa: 'arn:aws:iam::1:mfa/x' });
    expect(run('', '')).toEqual({ source: '', destination: '', profile: '', mfa: '' });
    const hostile = run(`$(touch ${marker}) \`touch ${marker}\`\nmfa=injected`, `a;touch ${marker}`);
    expect(hostile.source).toBe(`$(touch`);
    expect(hostile.profile).toBe('a;touch');
    expect(hostile.mfa).toBe(marker);
    // Only the first line is read: the second line cannot add an output of its own.
    expect(Object.keys(hostile).sort()).toEqual(['destination', 'mfa', 'profile', 'source']);
    expect(() => readFileSync(marker)).toThrow();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
