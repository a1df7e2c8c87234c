/** Shared pieces of the command tree: the repo flags, whole-number options, and the loud "not built" action. */
import { Command, InvalidArgumentError } from 'commander';
import { runCommand, type RepoFlags } from './common.js';

export type Opts = RepoFlags & Record<string, unknown>;

/** The repo location flags every command that reads the infra repo takes. */
export function withRepo(cmd: Command): Command {
  return cmd
    .option(
      '--config-root <dir>',
      'root of the infrastructure repository (default: $DEPLOYER_CONFIG_ROOT, else the nearest directory from the current one upwards that holds the clusters directory)',
      fileArg('the infrastructure repository'),
    )
    .option('--clusters-dir <dir>', 'clusters directory, relative to the config root', fileArg('the clusters directory'), 'config/clusters')
    .option('--charts-dir <dir>', 'helm charts directory, relative to the config root', fileArg('the charts directory'), 'helm-charts')
    .option('-v, --verbose', 'print debug messages (never secret values)');
}

/**
 * A whole-number option of at least `min`. A bad value (`10m`, `abc`, `-1`, `1.5`, `0`) is a usage error that
 * commander prints as one line naming the flag, the value and the accepted form; exit code 2.
 */
export function wholeNumber(unit: string, min = 1, example = '600') {
  return (v: string): number => {
    const t = v.trim();
    if (!/^\d+$/.test(t) || Number(t) < min || !Number.isSafeInteger(Number(t))) {
      throw new InvalidArgumentError(`Expected a whole number${unit ? ` of ${unit}` : ''}, ${min} or more (e.g. ${example}).`);
    }
    return Number(t);
  };
}

/** A whole number of at least 1, for counts without a unit worth naming. */
export const int = wholeNumber('', 1, '8');

/**
 * One list style everywhere (hubs, files, labels): separate arguments (`a b`), commas (`a,b`) or line breaks, mixed
 * as you like; blanks around items and empty items are dropped. `splitSpaces` also splits one argument at blanks
 * (names that cannot hold a blank: hubs, labels); file names may hold blanks, so they are split only at `,` and
 * line breaks.
 */
export function listArgs(values: readonly string[], splitSpaces: boolean): string[] {
  const sep = splitSpaces ? /[,\s]+/ : /[,\r\n]+/;
  return values.flatMap((v) => v.split(sep)).map((s) => s.trim()).filter(Boolean);
}

/** `--labels`: a JSON list as before, or the same list style as everywhere else (`a,b`, `"a b"`). Returns JSON. */
export function labelsArg(value: string | undefined): string | undefined {
  if (value === undefined || value.trim().startsWith('[')) return value;
  return JSON.stringify(listArgs([value], true));
}

/**
 * A file-path option: `-` is not a file name (it means standard input to most tools, which this option does not
 * read), so it is refused as a usage error naming the flag.
 */
export function fileArg(what: string) {
  return (v: string, previous?: unknown): string => {
    void previous;
    if (v.trim() === '-') throw new InvalidArgumentError(`'-' is not a file name here; give the path of ${what}.`);
    return v;
  };
}

/** The same as fileArg, for a repeatable option (each use adds one path). */
export function fileArgs(what: string) {
  const one = fileArg(what);
  return (v: string, previous: string[] = []): string[] => [...previous, one(v)];
}
