/** Shared pieces of the command tree: the repo flags, whole-number options, and the loud "not built" action. */
import { Command, InvalidArgumentError } from 'commander';
import { NotImplementedError } from '../shared/errors.js';
import { runCommand, type RepoFlags } from './common.js';

export type Opts = RepoFlags & Record<string, unknown>;

/** The repo location flags every command that reads the infra repo takes. */
export function withRepo(cmd: Command): Command {
  return cmd
    .option('--config-root <dir>', 'root of the infrastructure repository (default: $DEPLOYER_CONFIG_ROOT or the current directory)')
    .option('--clusters-dir <dir>', 'clusters directory, relative to the config root', 'config/clusters')
    .option('--charts-dir <dir>', 'helm charts directory, relative to the config root', 'helm-charts')
    .option('-v, --verbose', 'print debug messages (never secret values)');
}

export function notBuilt(capability: string) {
  return () =>
    runCommand(async () => {
      throw new NotImplementedError(capability);
    });
}

/**
 * A whole-number option of at least `min`. A bad value (`10m`, `abc`, `-1`, `1.5`, `0`) is a usage error that
 * commander prints as one line naming the flag, the value and the accepted form; exit code 2.
 */
export function wholeNumber(unit: string, min = 1, example = '600') {
  return (v: string): number => {
    const t = v.trim();
    if (!/^\d+$/.test(t) || Number(t) < min || !Number.isSafeInteger(Number(t))) {
      throw new InvalidArgumentError(`Expected a whole number of ${unit}, ${min} or more (e.g. ${example}).`);
    }
    return Number(t);
  };
}
