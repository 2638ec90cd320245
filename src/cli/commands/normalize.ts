import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp normalize` (being built; see the issue that owns it). */
export function normalizeCommand(_io: CliIO, _setExit: (code: number) => void): Command {
  return new Command('normalize').description('(normalize: not available yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new CliError('normalize is not available yet');
  });
}
