import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp lexicon` (being built; see the issue that owns it). */
export function lexiconCommand(_io: CliIO, _setExit: (code: number) => void): Command {
  return new Command('lexicon').description('(lexicon: not available yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new CliError('lexicon is not available yet');
  });
}
