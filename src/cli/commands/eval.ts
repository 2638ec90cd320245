import { Command, Option } from 'commander';
import { tagConll } from '../../conll/tag.js';
import { scoreConll, type ConllScore, type TypeScore } from '../../conll/score.js';
import { loadLexicons } from '../../io/lexicon-files.js';
import { CliError, EXIT, type CliIO } from '../io.js';
import { readConllFile } from './tag.js';

interface EvalFlags {
  conll?: string;
  format: 'table' | 'json';
  lexicon: string[];
}

export function evalCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('eval')
    .description('tag a gold CoNLL file with the full pipeline and report entity-level precision/recall/F1 per type (conlleval semantics)')
    .option('--conll <file>', 'gold CoNLL file: token TAB tag per line, blank line between sentences')
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .addHelpText('after', '\nExamples:\n  newsnlp eval --conll ../shared/datasets/anercorp/train.txt\n  newsnlp eval --conll gold.txt --format json')
    .action((flags: EvalFlags) => {
      if (!flags.conll) throw new CliError('eval needs --conll FILE (see newsnlp eval --help)');
      const started = performance.now();
      const sentences = readConllFile(io, flags.conll);
      const predicted = tagConll(sentences, loadLexicons({ extra: flags.lexicon }));
      const score = scoreConll(
        sentences.map((s) => s.map((t) => t.gold)),
        predicted,
      );
      const seconds = (performance.now() - started) / 1000;
      io.stdout.write(flags.format === 'json' ? JSON.stringify({ file: flags.conll, seconds: round(seconds), ...score }, null, 2) + '\n' : formatTable(score, seconds));
      setExit(EXIT.OK);
    });
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function pct(x: number): string {
  return (x * 100).toFixed(2).padStart(6);
}

function row(t: TypeScore): string {
  return `${t.type.padEnd(14)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${String(t.gold).padStart(6)} ${String(t.predicted).padStart(6)} ${String(t.correct).padStart(6)}`;
}

function formatTable(s: ConllScore, seconds: number): string {
  const lines = [
    `${s.tokens} tokens, ${s.sentences} sentences, ${seconds.toFixed(2)} s`,
    `${'type'.padEnd(14)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'right'.padStart(6)}`,
    ...s.byType.map(row),
    row(s.main),
    row(s.overall),
  ];
  return lines.join('\n') + '\n';
}
