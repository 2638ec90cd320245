import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError } from '../io/decode.js';
import { CliError, EXIT, nodeIO, type CliIO } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXIT_HELP = `
Exit codes:
  0  ok
  1  a check failed, or some inputs of a batch failed
  2  usage error or fatal error (e.g. the only input cannot be read)`;

type MakeCommand = (io: CliIO, setExit: (code: number) => void) => Command;

/**
 * Each command lives in its own module under ./commands, imported only when needed: a run of
 * one command loads that command's modules alone (start-up time is a feature for analysts
 * piping single articles), help and unknown commands load them all.
 */
const COMMANDS: Record<string, () => Promise<MakeCommand>> = {
  extract: async () => (await import('./commands/extract.js')).extractCommand,
  normalize: async () => (await import('./commands/normalize.js')).normalizeCommand,
  tag: async () => (await import('./commands/tag.js')).tagCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  lexicon: async () => (await import('./commands/lexicon.js')).lexiconCommand,
};

/** The commands `argv` needs: the one it names, else all (help, version, a misspelt command). */
export function commandsFor(argv: readonly string[]): string[] {
  const named = argv.find((a) => !a.startsWith('-'));
  return named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
}

/** Build the program with the commands `argv` needs (all by default). */
export async function buildProgram(io: CliIO, setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('newsnlp')
    .description('Arabic news NLP: who is mentioned, where, and who said what')
    .version(VERSION)
    .addHelpText('after', EXIT_HELP)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const makers = await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]()));
  const commands = makers.map((make) => make(io, setExit));
  for (const cmd of commands) {
    program.addCommand(cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }).exitOverride());
  }
  return program;
}

/** The single error boundary: runs the CLI and returns the exit code. */
export async function run(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  let code: number = EXIT.OK;
  try {
    const program = await buildProgram(io, (c) => (code = c), argv);
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
