/**
 * In a `run:` step (GITHUB_ACTIONS=true) nothing the CLI prints can act as a workflow command: arguments, hub and
 * file names from the change under review, and tool output are escaped. The runner is imitated exactly: it reads
 * stdout and stderr line by line, trims leading blanks and acts on `::name ...::data`, and on the legacy `##[name]`
 * anywhere in a line; `::stop-commands::T` pauses until `::T::`.
 */
import os from 'node:os';
import path from 'node:path';
import { escapeWorkflowCommands, escapeWorkflowCommandsInJson, mayBeWorkflowCommand, WorkflowCommandEscaper } from '../../src/shared/log.js';
import { REPO, runCliSource } from '../harness/run-source.js';

const example = path.join(REPO, 'examples/infrastructure');

/** The workflow commands the runner would act on in `text` (either stream). */
export function runnerCommands(text: string): string[] {
  const found: string[] = [];
  let stopToken: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[\s\u0085]+/, '');
    let name: string | undefined;
    let data = '';
    const v2 = /^::([^ :]+)(?: [^:]*)?::(.*)$/.exec(line);
    const v1 = /##\[([^\] ]+)[^\]]*\](.*)$/.exec(raw);
    if (v2) [, name, data] = v2;
    else if (v1) [, name, data] = v1;
    if (!name) continue;
    if (stopToken !== undefined) {
      if (name === stopToken) stopToken = undefined;
      continue;
    }
    if (name === 'stop-commands') stopToken = data;
    found.push(`${name}:${data}`);
  }
  return found;
}

const ci = (extra: NodeJS.ProcessEnv = {}) => {
  const e: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: 'true', ...extra };
  delete e.DEPLOYER_CONFIG_ROOT;
  return e;
};

describe('the runner imitation finds what the runner would act on', () => {
  it('sees both forms, leading blanks, and honours stop-commands', () => {
    expect(runnerCommands('a\n  ::add-mask::x\nb ##[set-output name=a]b\n::stop-commands::t\n::add-mask::y\n::t::\n::debug::z')).toEqual([
      'add-mask:x',
      'set-output:b',
      'stop-commands:t',
      'debug:z',
    ]);
  });
});

describe('escaping', () => {
  const hostile = 'ok\n::add-mask::hub\n \t::stop-commands::abc\nsee ##[add-mask]key and ::not-at-start::\n';
  it('leaves no command and keeps every visible character', () => {
    const out = escapeWorkflowCommands(hostile);
    expect(runnerCommands(hostile)).toEqual(['add-mask:hub', 'stop-commands:abc']);
    expect(runnerCommands(hostile.replace('::stop-commands::abc', ''))).toEqual(['add-mask:hub', 'add-mask:key and ::not-at-start::']);
    expect(runnerCommands(escapeWorkflowCommands(hostile.replace('::stop-commands::abc', '')))).toEqual([]);
    expect(runnerCommands(out)).toEqual([]);
    expect(out.replace(/\u200b/g, '')).toBe(hostile);
    expect(mayBeWorkflowCommand(hostile)).toBe(true);
    expect(mayBeWorkflowCommand('plain: text ## [x]')).toBe(false);
    // markdown shortcodes and other single colons are left alone
    expect(escapeWorkflowCommands(':warning: check\n  :x: y\na::b')).toBe(':warning: check\n  :x: y\na::b');
  });
  it('catches a command split across writes, one character at a time', () => {
    const e = new WorkflowCommandEscaper();
    const out = [...hostile].map((c) => e.push(c)).join('');
    expect(runnerCommands(out)).toEqual([]);
    expect(out).toBe(escapeWorkflowCommands(hostile));
  });
  it('JSON keeps its value', () => {
    const value = { files: ['##[add-mask]x', '::add-mask::y'], n: 1 };
    const json = JSON.stringify(value, null, 2);
    const out = escapeWorkflowCommandsInJson(json);
    expect(JSON.parse(out)).toEqual(value);
    expect(runnerCommands(out)).toEqual([]);
    expect(runnerCommands(json)).not.toEqual([]);
  });
});

describe('the CLI with GITHUB_ACTIONS=true', () => {
  it('an argument with a workflow command in it is printed inert (stderr)', () => {
    const bad = 'nope\n::add-mask::hello\n  ::stop-commands::x';
    const r = runCliSource(['validate', 'cluster-config', bad, '--config-root', example], os.tmpdir(), ci());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('add-mask');
    expect(runnerCommands(r.stdout + '\n' + r.stderr)).toEqual([]);
  });

  it('an unknown command named after a workflow command is inert', () => {
    const r = runCliSource(['\n::add-mask::x'], os.tmpdir(), ci());
    expect(r.code).toBe(2);
    expect(runnerCommands(r.stdout + '\n' + r.stderr)).toEqual([]);
    // outside Actions the text is left alone (a terminal is not a runner), so the commander message carried it raw
    const plain = runCliSource(['\n::add-mask::x'], os.tmpdir(), ci({ GITHUB_ACTIONS: '' }));
    expect(runnerCommands(plain.stderr)).toContain("add-mask:x' (see --help)");
  });

  it('a changed file named like a command is inert in the plan tables, the markdown and the JSON', () => {
    const file = 'helm-charts/basehub/##[add-mask]xyz.yaml';
    for (const format of [[], ['--markdown'], ['--json']]) {
      const r = runCliSource(['generate', 'helm-upgrade-jobs', file, '--config-root', example, ...format], os.tmpdir(), ci());
      expect(r.code).toBe(0);
      expect(runnerCommands(r.stdout + '\n' + r.stderr)).toEqual([]);
      if (format[0] === '--json') expect(Object.keys(JSON.parse(r.stdout))).toContain('prod-jobs');
    }
    const plain = runCliSource(['generate', 'helm-upgrade-jobs', file, '--config-root', example], os.tmpdir(), ci({ GITHUB_ACTIONS: '' }));
    expect(runnerCommands(plain.stdout + '\n' + plain.stderr)).toContain('add-mask:xyz.yaml" matches the all-hubs rule');
  });
});
