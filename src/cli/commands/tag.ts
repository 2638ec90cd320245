import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { parseConll, type ConllSentence } from '../../conll/conll.js';
import { tagConll } from '../../conll/tag.js';
import { InputError } from '../../io/decode.js';
import { loadLexicons } from '../../io/lexicon-files.js';
import { readInputFile } from '../../io/read-input.js';
import { CliError, EXIT, type CliIO } from '../io.js';

interface TagFlags {
  inputFormat: 'conll';
  lexicon: string[];
}

export function tagCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('tag')
    .description('tag pre-tokenized text with the full pipeline: one `token TAB tag` line per input token (BIO: PERS, LOC, ORG, MISC)')
    .argument('<file>', 'CoNLL file: token TAB tag per line (the gold tag column is optional and ignored), blank line between sentences')
    .addOption(new Option('--input-format <format>', 'input format').choices(['conll']).default('conll'))
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .addHelpText('after', '\nExamples:\n  newsnlp tag --input-format conll corpus.txt > predicted.txt\n  newsnlp tag corpus.txt --lexicon my-names.tsv')
    .action((file: string, flags: TagFlags) => {
      const sentences = readConllFile(io, file);
      const tags = tagConll(sentences, loadLexicons({ extra: flags.lexicon }));
      const lines: string[] = [];
      sentences.forEach((s, si) => {
        s.forEach((tok, k) => lines.push(`${tok.text}\t${tags[si][k]}`));
        lines.push('');
      });
      io.stdout.write(lines.join('\n'));
      setExit(EXIT.OK);
    });
}

/** Read and parse a CoNLL file, turning read errors into a one-line CLI error (exit 2). */
export function readConllFile(io: CliIO, file: string): ConllSentence[] {
  try {
    return parseConll(readInputFile(resolve(io.cwd, file), { format: 'text' }).text);
  } catch (err) {
    if (err instanceof InputError) throw new CliError(`${file}: ${err.message}`, EXIT.USAGE);
    throw err;
  }
}
