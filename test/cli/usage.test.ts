/**
 * The command line from the sources (src/cli.ts), as a user types it: usage errors are one line naming the flag and
 * the accepted form (exit 2), and one argument style everywhere (lists as `a b` or `a,b`, `--`, `-`, the repo root
 * found from a subdirectory).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { NODE_ARGS, REPO, runCliSource } from '../harness/run-source.js';

/** runCliSource with text on standard input. */
function runWithInput(args: string[], cwd: string, e: NodeJS.ProcessEnv, input: string) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(REPO, 'src/cli.ts'), ...args], { cwd, input, encoding: 'utf8', env: { ...e, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const example = path.join(REPO, 'examples/infrastructure');
const env = () => {
  const e = { ...process.env };
  delete e.DEPLOYER_CONFIG_ROOT;
  delete e.GITHUB_ACTIONS;
  return e;
};

describe('a bad number is one line naming the flag and the accepted form, exit 2', () => {
  it.each([
    [['deploy', 'c', '--timeout', '10m'], '--timeout <seconds>', '10m', /whole number of seconds, 1 or more/],
    [['deploy', 'c', '--parallelism', 'abc'], '--parallelism <n>', 'abc', /whole number of hubs, 1 or more/],
    [['deploy', 'c', '--parallelism', '-1'], '--parallelism <n>', '-1', /whole number of hubs/],
    [['deploy', 'c', '--timeout=1.5'], '--timeout <seconds>', '1.5', /whole number of seconds/],
    [['deploy-support', 'c', '--timeout', '0'], '--timeout <seconds>', '0', /1 or more/],
    [['run-hub-health-check', 'c', 'h', '--attempts', 'abc'], '--attempts <n>', 'abc', /whole number of attempts/],
    [['run-hub-health-check', 'c', 'h', '--attempt-timeout', '5m'], '--attempt-timeout <seconds>', '5m', /whole number of seconds/],
  ])('%j', (args, flag, value, form) => {
    const r = runCliSource(args, os.tmpdir(), env());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag);
    expect(lines[0]).toContain(`'${value}'`);
    expect(lines[0]).toMatch(form);
  });

  it('other usage errors are one line too', () => {
    const r = runCliSource(['frobnicate'], os.tmpdir(), env());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: unknown command 'frobnicate'/)]);
  });
});


describe('one argument style', () => {
  const plan = (args: string[], cwd = os.tmpdir(), input?: string) => {
    const full = ['generate', 'helm-upgrade-jobs', ...args, '--json'];
    const r = input === undefined ? runCliSource(full, cwd, env()) : runWithInput(full, cwd, env(), input);
    return { ...r, json: r.code === 0 ? (JSON.parse(r.stdout) as Record<string, Array<{ cluster_name: string; hub_name?: string }>>) : undefined };
  };
  const hubs = (p: ReturnType<typeof plan>) => [...(p.json?.['staging-jobs'] ?? []), ...(p.json?.['prod-jobs'] ?? [])].map((r) => `${r.cluster_name}/${r.hub_name}`).sort();
  const a = 'config/clusters/gcp-demo/staging.values.yaml';
  const b = 'config/clusters/aws-demo/research.values.yaml';

  it('changed files: `a b`, `a,b` and lines give the same plan', () => {
    const spaced = plan([a, b, '--config-root', example]);
    const commas = plan([`${a},${b}`, '--config-root', example]);
    const lines = plan([`${a}\n${b}`, '--config-root', example]);
    expect(spaced.code).toBe(0);
    expect(hubs(spaced)).toEqual(['aws-demo/research', 'aws-demo/staging', 'gcp-demo/staging']);
    expect(hubs(commas)).toEqual(hubs(spaced));
    expect(hubs(lines)).toEqual(hubs(spaced));
  });

  it('`-` reads the changed files from standard input; it is not a file name', () => {
    const r = plan(['-', '--config-root', example], os.tmpdir(), `${a}\n${b}\n`);
    expect(r.code).toBe(0);
    expect(hubs(r)).toEqual(['aws-demo/research', 'aws-demo/staging', 'gcp-demo/staging']);
    const mixed = plan(['-', a, '--config-root', example]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/'-' reads the changed files from standard input/);
  });

  it.each([
    [['generate', 'helm-upgrade-jobs', 'x', '--rules', '-'], '--rules <file>'],
    [['validate', 'all', '--config-root', '-'], '--config-root <dir>'],
    [['run-hub-health-check', 'c', 'h', '--notebook', '-'], '--notebook <path>'],
  ])('%j: `-` as a file option is a usage error naming the flag', (args, flag) => {
    const r = runCliSource(args, os.tmpdir(), env());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(flag)]);
    expect(r.stderr).toMatch(/'-' is not a file name/);
  });

  it('labels: a JSON list, `a,b` and `"a b"` mean the same', () => {
    const base = ['config/clusters/gcp-demo/support.values.yaml', '--config-root', example];
    const support = (p: ReturnType<typeof plan>) => (p.json?.['support-jobs'] ?? []).map((r) => r.cluster_name).sort();
    const json = plan([...base, '--labels', '["deployer:deploy-support","deployer:skip-deploy-hubs"]']);
    const commas = plan([...base, '--labels', 'deployer:deploy-support,deployer:skip-deploy-hubs']);
    const spaces = plan([...base, '--labels', 'deployer:deploy-support deployer:skip-deploy-hubs']);
    expect(json.code).toBe(0);
    expect(support(json)).toEqual(['aws-demo', 'gcp-demo', 'kubeconfig-demo']);
    expect(support(commas)).toEqual(support(json));
    expect(support(spaces)).toEqual(support(json));
  });

  it('hubs: `a b` and `a,b` name the same hubs', () => {
    const deploy = (hubArgs: string[]) =>
      runCliSource(['deploy', 'kubeconfig-demo', ...hubArgs, '--dry-run', '--json', '--config-root', example], os.tmpdir(), env());
    const names = (r: { stdout: string }) => (JSON.parse(r.stdout) as Array<{ hub: string }>).map((h) => h.hub);
    expect(names(deploy(['staging', 'workshop']))).toEqual(['staging', 'workshop']);
    expect(names(deploy(['staging,workshop']))).toEqual(['staging', 'workshop']);
  });

  it('`--` ends the options: what follows is an argument even if it starts with a dash', () => {
    const r = runCliSource(['validate', 'cluster-config', '--config-root', example, '--', '--json'], os.tmpdir(), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cluster name [`"]--json[`"]/);
  });

  describe('the infra repo root is found from a subdirectory, as git finds .git', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'cli-root-'));
      cpSync(example, dir, { recursive: true });
      mkdirSync(path.join(dir, 'docs/deep'), { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['config/clusters/gcp-demo', 'docs/deep', '.'])('from %s', (sub) => {
      const r = runCliSource(['validate', 'cluster-config', 'gcp-demo', '--json'], path.join(dir, sub), env());
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.code).toBe(0);
    });

    it('--config-root and $DEPLOYER_CONFIG_ROOT still win', () => {
      const other = mkdtempSync(path.join(os.tmpdir(), 'cli-root-none-'));
      try {
        const r = runCliSource(['validate', 'cluster-config', 'gcp-demo'], path.join(dir, 'docs'), { ...env(), DEPLOYER_CONFIG_ROOT: other });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/clusters directory .* does not exist/);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });
  });
});
