/**
 * The extra-args guard (issue 10 §9): helm's and kubectl's flags parsed as pflag parses them, so no spelling of a
 * namespace, cluster or credential flag slips through; the flag tables are checked against the real binaries' help.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { parseFlags } from '../../src/shared/exec/flags.js';
import { checkExtraArgs, HELM_FLAGS, templateArgs } from '../../src/shared/helm/args.js';
import { checkKubectlExtraArgs, KUBECTL_APPLY_FLAGS } from '../../src/shared/kube/args.js';
import { EXAMPLES, HELM3, HELM4, REPO, TOOLS } from './setup.js';
import { runCliSource } from '../harness/run-source.js';
import path from 'node:path';

describe('helm extra args', () => {
  test.each([
    [['-nkube-system'], /`-n` \(in `-nkube-system`\) \(--namespace\) is not allowed: the namespace/],
    [['-n', 'kube-system'], /`-n` \(--namespace\) is not allowed/],
    [['-n=kube-system'], /`-n=kube-system` \(--namespace\) is not allowed/],
    [['-in', 'kube-system'], /`-n` \(in `-in`\) \(--namespace\)/],
    [['--namespace', 'kube-system'], /`--namespace` is not allowed/],
    [['--namespace=kube-system'], /`--namespace=kube-system` is not allowed/],
    [['--kube-apiserver=https://evil:6443'], /`--kube-apiserver=https:\/\/evil:6443` is not allowed: which cluster/],
    [['--kube-apiserver', 'https://evil:6443'], /`--kube-apiserver` is not allowed/],
    [['--kube-token=abc123'], /`--kube-token=\*\*\*` is not allowed: cluster credentials/],
    [['--kube-token', 'abc123'], /`--kube-token` is not allowed/],
    [['--kube-context', 'other'], /--kube-context/],
    [['--kubeconfig=/tmp/k'], /--kubeconfig/],
    [['--kube-as-user', 'admin'], /--kube-as-user/],
    [['--kube-as-group=system:masters'], /--kube-as-group/],
    [['--kube-ca-file', '/x'], /--kube-ca-file/],
    [['--kube-tls-server-name=x'], /--kube-tls-server-name/],
    [['--kube-insecure-skip-tls-verify'], /--kube-insecure-skip-tls-verify/],
    [['--password=hunter2'], /`--password=\*\*\*` is not allowed: chart repository credentials/],
    [['--dry-run=server'], /dry-run/],
    [['--create-namespace'], /create-namespace/],
    [['-h'], /`-h` \(--help\) is not allowed: helm would print its help/],
    [['-o', 'json'], /--output/],
    [['--set', 'a=b', 'extra'], /`extra` is not a flag: helm would take it as one more command argument/],
    [['--', '-n', 'x'], /`-n` is not a flag/],
    [['--set'], /`--set` needs a value/],
  ])('%j is refused', (args, message) => {
    let error: unknown;
    try {
      checkExtraArgs(args);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'UsageError', exitCode: 2, message: expect.stringMatching(message), hint: expect.stringContaining('helm-extra-args') });
    expect(String((error as Error).message)).not.toMatch(/abc123|hunter2/);
  });

  test.each([
    [['--disable-openapi-validation', '--wait=legacy']],
    // The value of a value-taking flag is not a flag, however it looks.
    [['--set', '-nkube-system', '--description', '--namespace=x']],
    [['-f', '/x.yaml', '-fvalues.yaml', '--set-string=a=b', '--timeout', '5m', '--history-max', '3', '--wait']],
    [['--dry-run-like-name-unknown']],
  ])('%j passes', (args) => {
    expect(() => checkExtraArgs(args)).not.toThrow();
  });

  test('dry runs drop upgrade-only flags together with their values', () => {
    expect(templateArgs({ release: 'r', namespace: 'r', chart: '/c', valuesFiles: [], timeoutS: 1, extraArgs: ['--timeout', '5m', '--history-max=3', '--disable-openapi-validation', '--wait'] })).toEqual([
      'template', 'r', '/c', '--namespace=r', '--disable-openapi-validation',
    ]);
  });
});

describe('kubectl extra args', () => {
  test.each([
    [['-skube.evil:6443'], /`-s` \(in `-skube.evil:6443`\) \(--server\)/],
    [['--server=https://x'], /--server/],
    [['--token', 't0ken'], /`--token` is not allowed/],
    [['--token=t0ken'], /`--token=\*\*\*`/],
    [['--context=x'], /--context/],
    [['--as=system:admin'], /--as/],
    [['-nfoo'], /--namespace/],
    [['--kubeconfig', '/k'], /--kubeconfig/],
  ])('%j is refused', (args, message) => {
    expect(() => checkKubectlExtraArgs(args)).toThrow(message);
    expect(() => checkKubectlExtraArgs(args)).not.toThrow(/t0ken/);
  });
  test('the test server flags pass', () => {
    expect(() => checkKubectlExtraArgs(['--validate=false', '--server-side', '--field-manager', 'x'])).not.toThrow();
  });
});

/** `  -n, --namespace string   ...` / `      --wait WaitStrategy[=watcher]` / kubectl's `    -n, --namespace='':`. */
function helpFlags(text: string): Map<string, { short?: string; arity: 'bool' | 'value' | 'optional' }> {
  const out = new Map<string, { short?: string; arity: 'bool' | 'value' | 'optional' }>();
  for (const line of text.split('\n')) {
    const m = /^\s+(?:-(\w), )?--([\w-]+)(?: (\S+))?/.exec(line);
    if (!m) continue;
    const [, short, name, type] = m;
    if (type?.startsWith('=') || type?.includes(':')) continue; // kubectl style handled below
    const arity = type === undefined ? 'bool' : /\[=/.test(type) ? 'optional' : 'value';
    out.set(name, { short, arity });
  }
  for (const line of text.split('\n')) {
    const m = /^\s+(?:-(\w), )?--([\w-]+)=(.*):$/.exec(line);
    if (!m) continue;
    const [, short, name, def] = m;
    out.set(name, { short, arity: /^(true|false)$/.test(def) ? 'bool' : 'value' });
  }
  return out;
}

test.each([
  ['helm 3', HELM3],
  ['helm 4', HELM4],
])('the helm flag table matches `helm upgrade --help` of %s', (_label, helm) => {
  const flags = helpFlags(execFileSync(helm, ['upgrade', '--help'], { encoding: 'utf8' }));
  expect(flags.size).toBeGreaterThan(50);
  // What matters to the parser: whether the flag takes the next argument as its value (helm 3's --wait is a
  // boolean, helm 4's has an optional value: neither takes the next argument).
  const takesNext = (a: string | undefined) => (a === undefined ? 'unknown' : a === 'value');
  for (const [name, { short, arity }] of flags) {
    expect([name, takesNext(HELM_FLAGS.long[name])]).toEqual([name, takesNext(arity)]);
    if (short) expect([short, HELM_FLAGS.short[short]]).toEqual([short, name]);
  }
});

test('the kubectl flag table matches `kubectl apply --help` and `kubectl options`', () => {
  const kubectl = path.join(TOOLS, 'kubectl');
  const flags = helpFlags(execFileSync(kubectl, ['apply', '--help'], { encoding: 'utf8' }) + execFileSync(kubectl, ['options'], { encoding: 'utf8' }));
  expect(flags.size).toBeGreaterThan(40);
  const optional = new Set(['cascade', 'dry-run', 'validate']); // NoOptDefVal, not visible in the help text
  for (const [name, { short, arity }] of flags) {
    expect([name, KUBECTL_APPLY_FLAGS.long[name]]).toEqual([name, optional.has(name) ? 'optional' : arity]);
    if (short) expect([short, KUBECTL_APPLY_FLAGS.short[short]]).toEqual([short, name]);
  }
});

test('parseFlags: grouped shorthands, joined values, -- and -', () => {
  const p = parseFlags(['-if', 'a.yaml', '-nx', '--', '-n', 'y'], HELM_FLAGS);
  expect(p.flags.map((f) => [f.name, f.value])).toEqual([
    ['install', undefined],
    ['values', 'a.yaml'],
    ['namespace', 'x'],
  ]);
  expect(p.positionals.map((x) => x.arg)).toEqual(['-n', 'y']);
  expect(parseFlags(['-'], HELM_FLAGS).positionals.map((x) => x.arg)).toEqual(['-']);
});

test('the CLI: a refused extra argument is a usage error in one line (exit 2), before anything runs', () => {
  const r = runCliSource(['deploy', 'kubeconfig-demo', '--config-root', EXAMPLES, '--helm-extra-args', '--disable-openapi-validation -nkube-system'], REPO);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: helm extra argument `-n` \(in `-nkube-system`\) \(--namespace\) is not allowed: [^\n]+\n  hint: remove it from --helm-extra-args/);
  const k = runCliSource(['deploy', 'kubeconfig-demo', '--config-root', EXAMPLES, '--kubectl-extra-args', '--token=abc123'], REPO);
  expect(k.code).toBe(2);
  expect(k.stderr).toContain('kubectl extra argument `--token=***` is not allowed');
  expect(k.stderr).not.toContain('abc123');
});
