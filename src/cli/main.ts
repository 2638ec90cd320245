import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { checkCommand } from './commands/check.js';
import { evalCommand } from './commands/eval.js';
import { extractCommand } from './commands/extract.js';
import { lexiconCommand } from './commands/lexicon.js';
import { normalizeCommand } from './commands/normalize.js';
import { tagCommand } from './commands/tag.js';
import { InputError } from '../io/decode.js';
import { CliError, EXIT, nodeIO, type CliIO } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXIT_HELP = `
Exit codes:
  0  ok
  1  a check failed, or some inputs of a batch failed
  2  usage error or fatal error (e.g. the only input cannot be read)`;

/** Build the program; each command lives in its own module under ./commands. */
export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('newsnlp')
    .description('Arabic news NLP: who is mentioned, where, and who said what')
    .version(VERSION)
    .addHelpText('after', EXIT_HELP)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const commands = [extractCommand, normalizeCommand, tagCommand, evalCommand, checkCommand, lexiconCommand].map((make) => make(io, setExit));
  for (const cmd of commands) {
    program.addCommand(cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }).exitOverride());
  }
  return program;
}

/** The single error boundary: runs the CLI and returns the exit code. */
export async function run(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (err instanceof CliError) {
      if (err.message) io.stderr.write(`newsnlp: ${err.message}\n`);
      return err.exitCode;
    }
    // a problem with what the user gave (a lexicon path, a pattern) that no command turned into a CliError
    if (err instanceof InputError) {
      io.stderr.write(`newsnlp: ${err.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`newsnlp: internal error: ${(err as Error).stack ?? String(err)}\nPlease report this with the input that caused it.\n`);
    return EXIT.USAGE;
  }
}
