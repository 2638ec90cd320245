import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { extract } from '../../extract.js';
import { loadLexicons } from '../../io/lexicon-files.js';
import { InputError, type Decoded } from '../../io/decode.js';
import { decodeInput, readInputFile, readStream } from '../../io/read-input.js';
import { renderJson, renderJsonLine } from '../../render/json.js';
import { renderPretty } from '../../render/pretty.js';
import type { ExtractResult } from '../../result.js';
import { CliError, EXIT, type CliIO } from '../io.js';

interface ExtractFlags {
  format?: 'json' | 'jsonl' | 'pretty';
  color: boolean;
  lexicon: string[];
  encoding?: string;
  includeText?: boolean;
}

export function extractCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('extract')
    .description('extract sentences, entities and quotes from Arabic news articles')
    .argument('[inputs...]', 'files to read, or - for standard input (default when none is given)')
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty on a terminal, json otherwise)').choices(['json', 'jsonl', 'pretty']))
    .option('--no-color', 'no colors in pretty output (NO_COLOR is honoured too)')
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, windows-1256, …)')
    .option('--include-text', 'embed the analysed text in the JSON output as "text"')
    .addHelpText('after', '\nExamples:\n  newsnlp extract article.txt\n  cat article.txt | newsnlp extract --format json\n  newsnlp extract a.txt b.txt --format jsonl')
    .action(async (inputs: string[], flags: ExtractFlags) => {
      setExit(await runExtract(io, inputs, flags));
    });
}

async function runExtract(io: CliIO, inputs: string[], flags: ExtractFlags): Promise<number> {
  const lex = loadLexicons({ extra: flags.lexicon });
  const paths = inputs.length ? inputs : ['-'];
  const format = flags.format ?? (paths.length > 1 ? 'jsonl' : io.stdout.isTTY ? 'pretty' : 'json');
  const chalk = new Chalk({ level: flags.color && !io.env.NO_COLOR && io.stdout.isTTY ? 3 : 0 });
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
      if (format === 'jsonl') io.stdout.write(renderJsonLine({ source: path, error: { code: err.code, message: err.message } }));
      continue;
    }
    const result: ExtractResult = extract(decoded.text, lex, { source: path, warnings: decoded.warnings, includeText: flags.includeText });
    if (format === 'jsonl') io.stdout.write(renderJsonLine(result));
    else if (format === 'json') io.stdout.write(renderJson(result));
    else io.stdout.write(renderPretty(result, { chalk, shape: (s) => s }));
  }
  return failed ? EXIT.FAILED : EXIT.OK;
}
