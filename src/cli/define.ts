/** Shared pieces of the command tree: the repo flags, whole-number options, and the loud "not built" action. */
import { Command, CommanderError } from 'commander';
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

export const int = (v: string) => {
  if (!/^\d+$/.test(v)) throw new CommanderError(2, 'deployer.invalidArgument', `error: expected a whole number, got '${v}'`);
  return Number(v);
};
