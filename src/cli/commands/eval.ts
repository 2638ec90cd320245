import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp eval` (being built; see the issue that owns it). */
export function evalCommand(_io: CliIO, _setExit: (code: number) => void): Command {
  return new Command('eval').description('(eval: not available yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new CliError('eval is not available yet');
  });
}
