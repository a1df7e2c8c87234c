/**
 * The action adapter end to end: a tiny action (test/fixtures/action-entry.ts, built on the real runAction) runs as a
 * child process on Node 24 with the environment a GitHub runner gives it (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_WORKSPACE). We read what the runner would read: the output file, the summary file, the exit code, and the
 * workflow commands in stdout, parsed the way the runner parses them (line by line, honouring ::stop-commands::).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const entry = path.join(root, 'test', 'fixtures', 'action-entry.ts');
const hooks = path.join(root, 'test', 'harness', 'ts-hooks.mjs');

interface Command {
  name: string;
  props: Record<string, string>;
  data: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The raw GITHUB_OUTPUT file. */
  outputFile: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands the runner would act on. */
  commands: Command[];
  workspace: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Parse stdout like the runner: a command is a line starting with `::`; `::stop-commands::T` pauses until `::T::`. */
function parseCommands(stdout: string): Command[] {
  const commands: Command[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    // The runner also acts on the legacy `##[name props]data` anywhere in a line.
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line) ?? /##\[([A-Za-z-]+)(?: ([^\]]*))?\](.*)$/.exec(line);
    if (!m) continue;
    const [, name, propText, data] = m;
    if (name === 'stop-commands') {
      stopToken = data;
      continue;
    }
    const props: Record<string, string> = {};
    for (const pair of (propText ?? '').split(',').filter(Boolean)) {
      const i = pair.indexOf('=');
      props[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1));
    }
    commands.push({ name, props, data: unescapeData(data) });
  }
  return commands;
}

/** Parse GITHUB_OUTPUT in the runner's heredoc format. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([^\n<]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n?\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'deployer-adapter-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runCount = 0;
function runAction(inputs: Record<string, string>): Run {
  const workspace = path.join(scratch, `run-${++runCount}`);
  mkdirSync(workspace, { recursive: true });
  const outputPath = path.join(workspace, '_output');
  const summaryPath = path.join(workspace, '_summary');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: workspace,
  };
  // The runner's convention: INPUT_<NAME upper-cased, spaces as underscores>.
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', hooks, entry], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  const outputFile = readFileSync(outputPath, 'utf8');
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputFile,
    outputs: parseOutputFile(outputFile),
    summary: readFileSync(summaryPath, 'utf8'),
    commands: parseCommands(r.stdout),
    workspace,
  };
}

const named = (run: Run, name: string) => run.commands.filter((c) => c.name === name);
const stackLines = (text: string) => text.split('\n').filter((l) => /^\s+at .+[(:]/.test(l));

test('the runner process is Node 24 (the actions run on node24)', () => {
  expect(process.versions.node.split('.')[0]).toBe('24');
});

describe('outputs and summary', () => {
  let run: Run;
  beforeAll(() => {
    run = runAction({ scenario: 'outputs' });
  });

  test('the step succeeds without annotations', () => {
    expect(run.status).toBe(0);
    expect(named(run, 'error')).toEqual([]);
    expect(run.stdout).toContain('set three outputs');
  });

  test('outputs land in GITHUB_OUTPUT in the heredoc delimiter format', () => {
    expect(run.outputFile).toMatch(/^plain<<(ghadelimiter_[0-9a-f-]{36})\nhello world\n\1\n/);
    expect(run.outputs.plain).toBe('hello world');
    expect(JSON.parse(run.outputs.object)).toEqual({ jobs: [{ cluster_name: 'a', hub_name: 'staging' }] });
    expect(run.outputs.multiline).toBe('line one\nline two\n');
    expect(Object.keys(run.outputs).sort()).toEqual(['multiline', 'object', 'plain']);
  });

  test('the summary is written to GITHUB_STEP_SUMMARY', () => {
    expect(run.summary).toContain('<h2>Sample summary</h2>');
    expect(run.summary).toContain('All good.');
  });
});

describe('annotations', () => {
  test('findings become ::error/::warning commands with workspace-relative file, line and column', () => {
    const run = runAction({ scenario: 'annotations', errors: '2', warnings: '1', 'config-root': 'infra' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('::error title=at /hubs/1/domain,file=infra/config/clusters/alpha/cluster.yaml,line=1,col=3::error number 1');
    expect(named(run, 'error').map((c) => c.props)).toEqual([
      { file: 'infra/config/clusters/alpha/cluster.yaml', line: '1', col: '3', title: 'at /hubs/1/domain' },
      { file: 'infra/config/clusters/alpha/cluster.yaml', line: '2', col: '3', title: 'at /hubs/2/domain' },
    ]);
    expect(named(run, 'warning')).toEqual([
      { name: 'warning', props: { file: 'infra/config/clusters/beta/cluster.yaml', line: '101', col: '1' }, data: 'warning number 1' },
    ]);
    expect(run.outputs.annotated).toBe('3');
  });

  test('the default config root is the workspace', () => {
    const run = runAction({ scenario: 'annotations', errors: '1' });
    expect(named(run, 'error')[0].props.file).toBe('config/clusters/alpha/cluster.yaml');
  });

  test('at most 10 annotations per kind; the overflow is listed in the summary', () => {
    const run = runAction({ scenario: 'annotations', errors: '13', warnings: '12' });
    expect(run.status).toBe(0);
    expect(named(run, 'error').map((c) => c.data)).toEqual(Array.from({ length: 10 }, (_, i) => `error number ${i + 1}`));
    expect(named(run, 'warning')).toHaveLength(10);
    expect(run.outputs.annotated).toBe('20');
    // the ones past the cap are still in the log, and in the summary with their location
    for (const n of [11, 12, 13]) {
      expect(run.stdout).toContain(`error number ${n}`);
      expect(run.summary).toContain(`error number ${n}`);
    }
    for (const n of [11, 12]) expect(run.summary).toContain(`warning number ${n}`);
    expect(run.summary).toContain('config/clusters/alpha/cluster.yaml:13');
    expect(run.summary).not.toContain('error number 10<');
  });
});

describe('secrets', () => {
  const token = 'tok-3f9a8c1d2e7b';
  let run: Run;
  beforeAll(() => {
    run = runAction({ scenario: 'secret', token });
  });

  test('a registered secret is masked for the runner with ::add-mask::', () => {
    expect(named(run, 'add-mask').map((c) => c.data)).toContain(token);
  });

  test('it never appears in stdout (except the add-mask command), stderr, outputs or the summary', () => {
    const leaking = run.stdout.split('\n').filter((l) => l.includes(token) && l.trim() !== `::add-mask::${token}`);
    expect(leaking).toEqual([]);
    expect(run.stderr).not.toContain(token);
    expect(run.outputFile).not.toContain(token);
    expect(run.summary).not.toContain(token);
  });

  test('the places that mentioned it show *** instead', () => {
    expect(run.outputs['with-token']).toBe('Bearer ***');
    expect(run.stdout).toContain('using token *** for the hub');
    expect(named(run, 'warning')[0]).toMatchObject({ data: 'the token *** expires soon', props: { title: 'about ***' } });
    expect(run.summary).toContain('The summary mentions ***.');
    expect(named(run, 'error').at(-1)!.data).toBe('sample-action: request with token *** was refused\n  hint: rotate ***');
    expect(run.status).toBe(1);
  });
});

describe('failures', () => {
  test('a DeployerError fails the step with one line, an annotation at its location and no stack trace', () => {
    const run = runAction({ scenario: 'deployer-error', 'config-root': 'infra' });
    expect(run.status).toBe(1);
    const errors = named(run, 'error');
    expect(errors).toEqual([
      {
        name: 'error',
        props: { file: 'infra/config/clusters/alpha/cluster.yaml', line: '7', col: '5', title: 'sample-action failed' },
        data: 'hub `prod` has no domain',
      },
      {
        name: 'error',
        props: {},
        data: 'sample-action: config/clusters/alpha/cluster.yaml:7:5: hub `prod` has no domain\n  hint: add `domain: prod.example.org` to the hub',
      },
    ]);
    // one stdout line per command: the hint travels escaped inside the failure line
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(2);
    expect(stackLines(run.stdout + run.stderr)).toEqual([]);
    expect(run.stderr).toBe('');
  });

  test('an unexpected error fails with its message on one line; the stack goes only to the debug log', () => {
    const run = runAction({ scenario: 'unexpected-error' });
    expect(run.status).toBe(1);
    expect(named(run, 'error').map((c) => c.data)).toEqual(["sample-action: Cannot read properties of undefined (reading 'hubs')"]);
    expect(stackLines(run.stdout + run.stderr)).toEqual([]);
    expect(named(run, 'debug').some((c) => c.data.includes('action-entry.ts'))).toBe(true);
  });

  test('a missing required input names the input and how to set it', () => {
    const run = runAction({ scenario: 'required' });
    expect(run.status).toBe(1);
    expect(named(run, 'error').map((c) => c.data)).toEqual(['sample-action: input `cluster` is required\n  hint: set `with: cluster: ...` in the workflow step']);
  });

  test('typed inputs parse, and a bad value names the input', () => {
    const ok = runAction({ scenario: 'typed-inputs', 'dry-run': 'yes', parallelism: '4', hubs: ' a, b\nc ,', labels: '["deployer:skip-deploy"]' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.outputs.parsed)).toEqual({ dryRun: true, parallelism: 4, hubs: ['a', 'b', 'c'], labels: ['deployer:skip-deploy'] });
    const cases: Array<[Record<string, string>, string]> = [
      [{ parallelism: '9' }, 'sample-action: input `parallelism` must be at most 8, got 9'],
      [{ parallelism: 'two' }, 'sample-action: input `parallelism` must be a whole number, got `two`'],
      [{ 'dry-run': 'maybe' }, 'sample-action: input `dry-run` must be true or false, got `maybe`'],
    ];
    for (const [inputs, message] of cases) {
      const run = runAction({ scenario: 'typed-inputs', ...inputs });
      expect(run.status).toBe(1);
      expect(named(run, 'error').map((c) => c.data)).toEqual([message]);
    }
    const badJson = runAction({ scenario: 'typed-inputs', labels: '[oops' });
    expect(named(badJson, 'error')[0].data).toMatch(/^sample-action: input `labels` is not valid JSON: /);
  });
});

describe('workflow command injection', () => {
  const evil = 'x\n::error::injected\n::add-mask::hello\n  ::warning file=a::indented\n::set-output name=pwned::1\n::stop-commands::zz\nend';
  let run: Run;
  beforeAll(() => {
    run = runAction({ scenario: 'injection', name: evil });
  });

  test('an input with :: and newlines issues no command of its own', () => {
    expect(run.status).toBe(0);
    // exactly the commands the adapter meant: one debug line, one warning, a group
    expect(run.commands.map((c) => c.name).sort()).toEqual(['debug', 'endgroup', 'group', 'warning']);
    expect(named(run, 'warning')[0].data).toBe(`warning about ${evil}`);
    expect(named(run, 'warning')[0].props.file).toBe(evil);
    expect(named(run, 'group')[0].data).toBe(`group ${evil}`);
  });

  test('the text is still shown in the log', () => {
    expect(run.stdout).toContain('::error::injected');
    expect(run.stdout).toContain('hello x');
  });

  test('the output carries the value verbatim and adds no other output', () => {
    expect(run.outputs).toEqual({ echo: evil });
  });

  test('the legacy `##[command]` form, anywhere in a line, issues no command either', () => {
    const legacy = runAction({ scenario: 'injection', name: 'hub ##[add-mask]hello' });
    expect(legacy.status).toBe(0);
    expect(legacy.commands.map((c) => c.name).sort()).toEqual(['debug', 'endgroup', 'group', 'warning']);
    expect(legacy.stdout).toContain('hello hub ##[add-mask]hello');
  });
});
