import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp tag` (being built; see the issue that owns it). */
export function tagCommand(_io: CliIO, _setExit: (code: number) => void): Command {
  return new Command('tag').description('(tag: not available yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new CliError('tag is not available yet');
  });
}
