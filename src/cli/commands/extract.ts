import { Command } from 'commander';
import { extract } from '../../extract.js';
import { loadLexicons } from '../../io/lexicon-files.js';
import { InputError, type Decoded } from '../../io/decode.js';
import { decodeInput, readInputFile, readStream } from '../../io/read-input.js';
import { CliError, EXIT, type CliIO } from '../io.js';
import { addOutputOptions, makeRenderer, type OutputFlags } from '../output.js';

interface ExtractFlags extends OutputFlags {
  lexicon: string[];
  encoding?: string;
}

export function extractCommand(io: CliIO, setExit: (code: number) => void): Command {
  const cmd = new Command('extract')
    .description('extract sentences, entities and quotes from Arabic news articles')
    .argument('[inputs...]', 'files to read, or - for standard input (default when none is given)')
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, windows-1256, …)');
  return addOutputOptions(cmd)
    .addHelpText('after', '\nExamples:\n  newsnlp extract article.txt\n  cat article.txt | newsnlp extract --format json\n  newsnlp extract a.txt b.txt --format jsonl')
    .action(async (inputs: string[], flags: ExtractFlags) => {
      setExit(await runExtract(io, inputs, flags));
    });
}

async function runExtract(io: CliIO, inputs: string[], flags: ExtractFlags): Promise<number> {
  const lex = loadLexicons({ extra: flags.lexicon });
  const paths = inputs.length ? inputs : ['-'];
  const renderer = makeRenderer(io, flags, paths.length);
  let failed = 0;
  for (const path of paths) {
    let decoded: Decoded;
    try {
      decoded = path === '-' ? decodeInput(await readStream(io.stdin), { encoding: flags.encoding }) : readInputFile(path, { encoding: flags.encoding });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      io.stderr.write(`newsnlp: ${path}: ${err.message}\n`);
      if (paths.length === 1) throw new CliError('', EXIT.USAGE);
      renderer.error(path, err.code, err.message);
      continue;
    }
    renderer.article(extract(decoded.text, lex, { source: path, warnings: decoded.warnings, includeText: flags.includeText || decoded.format === 'html' }));
  }
  renderer.end();
  return failed ? EXIT.FAILED : EXIT.OK;
}
