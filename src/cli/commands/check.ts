import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp check` (being built; see the issue that owns it). */
export function checkCommand(_io: CliIO, _setExit: (code: number) => void): Command {
  return new Command('check').description('(check: not available yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new CliError('check is not available yet');
  });
}
