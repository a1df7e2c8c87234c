/**
 * Action metadata and workflows: every actions/<name>/action.yml and every .github/workflows/*.yml passes the offline
 * validation of @actions/languageservice (run in a child process, see validate-metadata.mjs), follows the project's
 * conventions, and the reusable workflows use the actions with inputs and outputs those actions really declare.
 * Each check is also run on a deliberately broken file, to prove it can fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
const validator = path.join(root, 'test', 'metadata', 'validate-metadata.mjs');

interface Diagnostic {
  line: number;
  col: number;
  message: string;
  severity: string;
}

/** Run the language service on files (absolute paths or relative to the repository root). */
function languageService(files: string[]): Map<string, Diagnostic[]> {
  const out = execFileSync(process.execPath, [validator, ...files], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const results = JSON.parse(out) as Array<{ file: string; diagnostics: Diagnostic[] }>;
  return new Map(results.map((r) => [r.file, r.diagnostics]));
}

function describeDiagnostics(file: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${file}:${d.line}:${d.col}: ${d.severity}: ${d.message.split('\n')[0]}`);
}

const actionDirs = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const actionFiles = actionDirs.filter((d) => existsSync(path.join(root, 'actions', d, 'action.yml'))).map((d) => `actions/${d}/action.yml`);
const workflowDir = path.join(root, '.github', 'workflows');
const workflowFiles = readdirSync(workflowDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `.github/workflows/${f}`);

interface ActionMeta {
  name?: unknown;
  description?: unknown;
  runs?: { using?: unknown; main?: unknown };
  inputs?: Record<string, { description?: unknown; required?: unknown; default?: unknown } | null>;
  outputs?: Record<string, { description?: unknown } | null>;
}

/** The project's conventions for actions/<dir>/action.yml, as a list of problems (empty when all hold). */
function conventionProblems(dir: string, actionYml: string, readme: string | undefined): string[] {
  const problems: string[] = [];
  const meta = parse(actionYml) as ActionMeta;
  const where = `actions/${dir}/action.yml`;
  if (typeof meta?.name !== 'string' || !meta.name.trim()) problems.push(`${where}: missing \`name\``);
  if (typeof meta?.description !== 'string' || !meta.description.trim()) problems.push(`${where}: missing \`description\``);
  if (meta?.runs?.using !== 'node24') problems.push(`${where}: runs.using must be node24, got ${JSON.stringify(meta?.runs?.using)}`);
  const main = `../../dist/${dir}/index.js`;
  if (meta?.runs?.main !== main) problems.push(`${where}: runs.main must be ${main}, got ${JSON.stringify(meta?.runs?.main)}`);
  for (const kind of ['inputs', 'outputs'] as const) {
    for (const [name, def] of Object.entries(meta?.[kind] ?? {})) {
      if (typeof def?.description !== 'string' || !def.description.trim()) problems.push(`${where}: ${kind}.${name} has no description`);
    }
  }
  if (readme === undefined) {
    problems.push(`actions/${dir}/README.md is missing`);
  } else {
    const usesLine = new RegExp(`uses:\\s*\\S*/actions/${dir.replace(/[-]/g, '\\-')}@v1\\b`);
    if (!usesLine.test(readme)) problems.push(`actions/${dir}/README.md has no \`uses: <owner>/deployer/actions/${dir}@v1\` snippet`);
    for (const kind of ['inputs', 'outputs'] as const) {
      for (const name of Object.keys(meta?.[kind] ?? {})) {
        if (!readme.includes(`\`${name}\``)) problems.push(`actions/${dir}/README.md does not document ${kind}.${name}`);
      }
    }
  }
  return problems;
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** An action a workflow step uses from this repository: `./.deployer/actions/<name>` or `<owner>/deployer/actions/<name>@ref`. */
function localActionName(uses: unknown): string | undefined {
  if (typeof uses !== 'string') return undefined;
  const m = /^(?:\.\/\.deployer\/|\.\/|[^/]+\/deployer\/)actions\/([^/@]+)(?:@.+)?$/.exec(uses);
  return m?.[1];
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** Cross-check a workflow against the action metadata: inputs used exist, required inputs are given, outputs exist. */
function workflowActionProblems(file: string, workflowYml: string, actions: (name: string) => ActionMeta | undefined): string[] {
  const problems: string[] = [];
  let wf: { jobs?: Record<string, { steps?: Step[] }> };
  try {
    wf = parse(workflowYml);
  } catch (e) {
    return [`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`];
  }
  for (const [jobId, job] of Object.entries(wf?.jobs ?? {})) {
    const stepActions = new Map<string, string>();
    for (const [i, step] of (job?.steps ?? []).entries()) {
      const name = localActionName(step?.uses);
      if (!name) continue;
      const where = `${file}: jobs.${jobId}.steps[${i}] (${step.uses})`;
      const meta = actions(name);
      if (!meta) {
        problems.push(`${where}: there is no actions/${name}/action.yml`);
        continue;
      }
      if (step.id) stepActions.set(step.id, name);
      const declared = meta.inputs ?? {};
      const given = step.with ?? {};
      for (const key of Object.keys(given)) {
        if (!(key in declared)) problems.push(`${where}: input \`${key}\` is not declared by actions/${name}/action.yml`);
      }
      for (const [key, def] of Object.entries(declared)) {
        const required = def?.required === true || def?.required === 'true';
        if (required && (def?.default === undefined || def?.default === '') && !(key in given)) {
          problems.push(`${where}: required input \`${key}\` of actions/${name} is not given`);
        }
      }
    }
    const text = JSON.stringify(job);
    for (const m of text.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const [, stepId, output] = m;
      const name = stepActions.get(stepId);
      if (!name) continue;
      if (!(output in (actions(name)?.outputs ?? {}))) {
        problems.push(`${file}: jobs.${jobId} reads steps.${stepId}.outputs.${output}, which actions/${name}/action.yml does not declare`);
      }
    }
  }
  return problems;
}

function repoAction(name: string): ActionMeta | undefined {
  const text = readIfExists(path.join(root, 'actions', name, 'action.yml'));
  return text === undefined ? undefined : (parse(text) as ActionMeta);
}

/** Every README a user reads for workflow snippets. */
const readmeFiles = ['README.md', '.github/workflows/README.md', ...actionDirs.map((a) => `actions/${a}/README.md`)].filter((f) => existsSync(path.join(root, f)));

/** Remove the common indentation of a block's lines. */
function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() && !/^\s*#/.test(l)).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^ */.exec(l)![0].length))).join('\n');
}
const indentBy = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

/**
 * A README ```yaml block as a workflow file, or undefined when it is not a workflow snippet (a cluster.yaml or rules
 * example: no `uses:`, `jobs:`, `steps:` or `runs-on:`). A whole workflow stays as it is (an `on:` is added when
 * missing); a list of steps goes into one job on ubuntu-latest; a mapping of jobs goes under `jobs:` as it is, so a
 * job without `runs-on` is reported.
 */
export function snippetWorkflow(block: string): string | undefined {
  if (!/^\s*(-\s+)?(uses|jobs|steps|runs-on):/m.test(block)) return undefined;
  let text = dedent(block.replace(/<owner>/g, 'owner').replace(/<pinned-sha>/g, '0123456789abcdef0123456789abcdef01234567'));
  const first = text.split('\n').find((l) => l.trim() && !/^\s*#/.test(l)) ?? '';
  if (/^jobs:/m.test(text)) {
    // a whole workflow
  } else if (/^-\s/.test(first)) {
    text = `jobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n${indentBy(text, 6)}`;
  } else {
    text = `jobs:\n${indentBy(text, 2)}`;
  }
  return /^on:/m.test(text) ? text : `on: [push, pull_request, workflow_dispatch]\n${text}`;
}

/**
 * The workflow snippets of every README (top level, .github/workflows, each action's), written out as workflow files
 * so the language service checks them as GitHub would: users never copy a snippet that GitHub rejects.
 */
function readmeSnippets(into: string): Array<{ source: string; file: string }> {
  const snippets: Array<{ source: string; file: string }> = [];
  const dir = path.join(into, '.github', 'workflows');
  mkdirSync(dir, { recursive: true });
  for (const readme of readmeFiles) {
    const text = readFileSync(path.join(root, readme), 'utf8');
    const blocks = [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)];
    blocks.forEach((m, i) => {
      const wf = snippetWorkflow(m[1]);
      if (wf === undefined) return;
      const line = text.slice(0, m.index).split('\n').length + 1;
      const file = path.join(dir, `${readme.replace(/[^\w]+/g, '-')}-${i}.yml`);
      writeFileSync(file, wf);
      snippets.push({ source: `${readme}:${line} (yaml block ${i + 1})`, file });
    });
  }
  return snippets;
}

/** The reusable workflow a job calls from this repository (`<owner>/deployer/.github/workflows/<file>@ref` or `./.github/workflows/<file>`). */
function reusableWorkflowName(uses: unknown): string | undefined {
  if (typeof uses !== 'string') return undefined;
  return /^(?:\.\/|[^/]+\/deployer\/)\.github\/workflows\/([^/@]+\.ya?ml)(?:@.+)?$/.exec(uses)?.[1];
}

/** Problems with what a snippet asks of users beyond GitHub's own checks: injection, always(), unknown workflow inputs. */
function snippetPracticeProblems(source: string, workflowYml: string): string[] {
  const problems: string[] = [];
  type Job = { if?: unknown; uses?: string; with?: Record<string, unknown>; secrets?: Record<string, unknown> | string; steps?: Array<{ run?: unknown }> };
  let wf: { jobs?: Record<string, Job> };
  try {
    wf = parse(workflowYml);
  } catch (e) {
    return [`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`];
  }
  for (const [jobId, job] of Object.entries(wf?.jobs ?? {})) {
    if (typeof job?.if === 'string' && /\balways\(\)/.test(job.if)) {
      problems.push(`${source}: jobs.${jobId} uses always(), which runs it after a failure or a cancel too; use !cancelled() and check the needed results`);
    }
    for (const [i, step] of (job?.steps ?? []).entries()) {
      if (typeof step?.run === 'string' && /\$\{\{/.test(step.run)) {
        problems.push(`${source}: jobs.${jobId}.steps[${i}] puts \`\${{ }}\` into a run: script (script injection); pass it through env: instead`);
      }
    }
    const called = reusableWorkflowName(job?.uses);
    if (called) {
      const target = readIfExists(path.join(root, '.github', 'workflows', called));
      if (target === undefined) {
        problems.push(`${source}: jobs.${jobId} calls .github/workflows/${called}, which does not exist`);
        continue;
      }
      const call = (parse(target) as { on?: { workflow_call?: { inputs?: Record<string, unknown>; secrets?: Record<string, unknown> } } })?.on?.workflow_call ?? {};
      for (const key of Object.keys(job.with ?? {})) {
        if (!(key in (call.inputs ?? {}))) problems.push(`${source}: jobs.${jobId}: input \`${key}\` is not declared by .github/workflows/${called}`);
      }
      if (job.secrets && typeof job.secrets === 'object') {
        for (const key of Object.keys(job.secrets)) {
          if (!(key in (call.secrets ?? {}))) problems.push(`${source}: jobs.${jobId}: secret \`${key}\` is not declared by .github/workflows/${called}`);
        }
      }
    }
  }
  return problems;
}

describe('GitHub Actions metadata', () => {
  let diagnostics: Map<string, Diagnostic[]>;
  let snippetDir: string;
  let snippets: Array<{ source: string; file: string }>;
  beforeAll(() => {
    snippetDir = mkdtempSync(path.join(os.tmpdir(), 'deployer-snippets-'));
    snippets = readmeSnippets(snippetDir);
    diagnostics = languageService([...actionFiles, ...workflowFiles, ...snippets.map((s) => s.file)]);
  });
  afterAll(() => rmSync(snippetDir, { recursive: true, force: true }));

  test('every README has its workflow snippets checked (top level, .github/workflows, every action)', () => {
    const sources = new Set(snippets.map((s) => s.source.split(':')[0]));
    expect([...sources].sort()).toEqual([...readmeFiles].sort());
  });

  test.each(readmeFiles)('the workflow snippets in %s pass validation, use declared inputs and safe patterns', (readme) => {
    const mine = snippets.filter((s) => s.source.startsWith(`${readme}:`));
    const problems = mine.flatMap(({ source, file }) => {
      const text = readFileSync(file, 'utf8');
      return [...describeDiagnostics(source, diagnostics.get(file) ?? []), ...workflowActionProblems(source, text, repoAction), ...snippetPracticeProblems(source, text)];
    });
    expect(problems).toEqual([]);
  });

  test('there are actions and workflows to check', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    expect(workflowFiles).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/deploy-hubs.yml', '.github/workflows/validate.yml']));
  });

  test.each(actionDirs)('actions/%s has an action.yml and a main.ts', (dir) => {
    const missing = ['action.yml', 'main.ts', 'README.md'].filter((f) => !existsSync(path.join(root, 'actions', dir, f)));
    expect(missing).toEqual([]);
  });

  test.each([...actionFiles, ...workflowFiles])('%s passes @actions/languageservice validation', (file) => {
    const found = diagnostics.get(file);
    expect(found).toBeDefined();
    expect(describeDiagnostics(file, found!)).toEqual([]);
  });

  test.each(actionFiles.map((f) => f.split('/')[1]))('actions/%s follows the project conventions', (dir) => {
    const yml = readFileSync(path.join(root, 'actions', dir, 'action.yml'), 'utf8');
    expect(conventionProblems(dir, yml, readIfExists(path.join(root, 'actions', dir, 'README.md')))).toEqual([]);
  });

  test.each(workflowFiles)('%s puts no ${{ }} into a run: script, no always() on a job, and calls workflows with declared inputs', (file) => {
    expect(snippetPracticeProblems(file, readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });

  test.each(workflowFiles)('%s uses the actions with the inputs and outputs they declare', (file) => {
    expect(workflowActionProblems(file, readFileSync(path.join(root, file), 'utf8'), repoAction)).toEqual([]);
  });
});

describe('the checks catch broken metadata', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'deployer-metadata-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const good = `name: 'deployer: sample'
description: A sample action.
author: deployer contributors
branding:
  icon: filter
  color: orange
inputs:
  cluster:
    description: The cluster.
    required: true
outputs:
  result:
    description: The result.
runs:
  using: node24
  main: ../../dist/sample/index.js
`;
  const readme = 'Status: not implemented yet.\n\n```yaml\n- uses: <owner>/deployer/actions/sample@v1\n  with:\n    cluster: x\n```\n\n`cluster` and `result`.\n';

  function write(rel: string, text: string): string {
    const abs = path.join(tmp, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  }

  test('a well-formed sample passes both checks (so the failures below are caused by the breakage)', () => {
    const file = write('good/sample/action.yml', good);
    expect(languageService([file]).get(file)).toEqual([]);
    expect(conventionProblems('sample', good, readme)).toEqual([]);
  });

  test('an unknown top-level key is reported by the language service', () => {
    const file = write('unknown-key/sample/action.yml', good.replace('author:', 'colour: red\nauthor:'));
    const found = languageService([file]).get(file)!;
    expect(describeDiagnostics('action.yml', found)).toEqual([expect.stringMatching(/^action\.yml:3:1: error: Unexpected value 'colour'/)]);
  });

  test('a runs.using that GitHub does not know is reported by the language service', () => {
    const file = write('bad-using/sample/action.yml', good.replace('using: node24', 'using: node99'));
    const found = languageService([file]).get(file)!;
    expect(found.map((d) => d.message)).toContain("Unexpected value 'node99'");
  });

  test('an invalid branding icon and a YAML syntax error are reported', () => {
    const icon = write('bad-icon/sample/action.yml', good.replace('icon: filter', 'icon: key'));
    const syntax = write('bad-yaml/sample/action.yml', good.replace('description: The cluster.', 'description: For `x`: a colon'));
    const found = languageService([icon, syntax]);
    expect(found.get(icon)!.map((d) => d.message)).toContain("Unexpected value 'key'");
    expect(found.get(syntax)!.length).toBeGreaterThan(0);
  });

  test('node12, a wrong main, an undescribed input and a README without a snippet break the conventions', () => {
    expect(conventionProblems('sample', good.replace('using: node24', 'using: node12'), readme)).toEqual([
      'actions/sample/action.yml: runs.using must be node24, got "node12"',
    ]);
    expect(conventionProblems('sample', good.replace('dist/sample/', 'dist/other/'), readme)).toEqual([
      'actions/sample/action.yml: runs.main must be ../../dist/sample/index.js, got "../../dist/other/index.js"',
    ]);
    expect(conventionProblems('sample', good.replace('    description: The cluster.\n', ''), readme)).toEqual([
      'actions/sample/action.yml: inputs.cluster has no description',
    ]);
    expect(conventionProblems('sample', good, readme.replace('sample@v1', 'sample@main'))).toEqual([
      'actions/sample/README.md has no `uses: <owner>/deployer/actions/sample@v1` snippet',
    ]);
    expect(conventionProblems('sample', good, undefined)).toEqual(['actions/sample/README.md is missing']);
  });

  test('a workflow with an unknown job key, a bad expression context or a wrong input reference is reported', () => {
    const file = write(
      'wf/.github/workflows/broken.yml',
      `on:
  workflow_call:
    inputs:
      cluster:
        type: string
        required: true
jobs:
  a:
    runs-on: ubuntu-latest
    retries: 3
    steps:
      - run: echo "\${{ inputs.clustre }}"
      - run: echo "\${{ foo.bar }}"
`,
    );
    const messages = languageService([file]).get(file)!.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(["10: Unexpected value 'retries'", '12: Context access might be invalid: clustre', "13: Unrecognized named-value: 'foo'"]),
    );
  });

  test('README snippets: steps get a job, a job without runs-on, always(), ${{ }} in run: and an undeclared workflow secret are reported', () => {
    const steps = snippetWorkflow('      - uses: actions/checkout@v4\n      - run: echo hi\n')!;
    expect(parse(steps).jobs.snippet['runs-on']).toBe('ubuntu-latest');
    expect(snippetWorkflow('name: c\nhubs:\n  - name: staging\n')).toBeUndefined();
    const jobs = snippetWorkflow(`  prod:
    needs: plan
    if: always() && needs.plan.outputs.prod-jobs != '[]'
    steps:
      - run: echo '\${{ github.event.pull_request.title }}'
  call:
    uses: <owner>/deployer/.github/workflows/validate.yml@v1
    with:
      clusters-dir: config/clusters
    secrets:
      sops-age-key: x
`)!;
    const file = write('snippet/.github/workflows/s.yml', jobs);
    const messages = languageService([file]).get(file)!.map((d) => d.message);
    expect(messages).toContain('Required property is missing: runs-on');
    expect(snippetPracticeProblems('s', jobs)).toEqual([
      's: jobs.prod uses always(), which runs it after a failure or a cancel too; use !cancelled() and check the needed results',
      's: jobs.prod.steps[0] puts `${{ }}` into a run: script (script injection); pass it through env: instead',
      's: jobs.call: secret `sops-age-key` is not declared by .github/workflows/validate.yml',
    ]);
  });

  test('a workflow step that passes an undeclared input, omits a required one or reads an undeclared output is reported', () => {
    const sample = parse(good) as ActionMeta;
    const wf = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: s
        uses: ./.deployer/actions/sample
        with:
          clustre: x
      - run: echo "\${{ steps.s.outputs.result }} \${{ steps.s.outputs.results }}"
      - uses: ./.deployer/actions/missing
`;
    expect(workflowActionProblems('wf.yml', wf, (name) => (name === 'sample' ? sample : undefined))).toEqual([
      'wf.yml: jobs.a.steps[0] (./.deployer/actions/sample): input `clustre` is not declared by actions/sample/action.yml',
      'wf.yml: jobs.a.steps[0] (./.deployer/actions/sample): required input `cluster` of actions/sample is not given',
      'wf.yml: jobs.a.steps[2] (./.deployer/actions/missing): there is no actions/missing/action.yml',
      'wf.yml: jobs.a reads steps.s.outputs.results, which actions/sample/action.yml does not declare',
    ]);
  });
});
