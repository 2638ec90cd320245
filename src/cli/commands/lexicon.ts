import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { BUILTIN_LEXICON_DIR, readLexiconSources } from '../../io/lexicon-files.js';
import { lintLexicons } from '../../lexicon/lint.js';
import { parseLexicon, type LexiconSource } from '../../lexicon/tsv.js';
import { CliError, EXIT, type CliIO } from '../io.js';

interface CheckFlags {
  format: 'text' | 'json';
  builtin: boolean;
}

export function lexiconCommand(io: CliIO, setExit: (code: number) => void): Command {
  const cmd = new Command('lexicon').description('work with lexicon files (TSV; see lexicons/README.md)');
  cmd
    .command('check')
    .description('lint lexicon files: malformed ids/columns, duplicates, an alias under two ids, near-duplicates (warnings)')
    .argument('[paths...]', 'lexicon files or folders (default: the built-in lexicons)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--builtin', 'also load the built-in lexicons, to find clashes between yours and them', false)
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed) · 1 errors found · 2 a path cannot be read\n\nExamples:\n  newsnlp lexicon check\n  newsnlp lexicon check my-lexicons/ --builtin\n  newsnlp lexicon check people.tsv --format json')
    .action((paths: string[], flags: CheckFlags) => {
      const sources: LexiconSource[] = [];
      const read = (p: string) => {
        try {
          return readLexiconSources(p);
        } catch (err) {
          throw new CliError(`${p}: ${(err as Error).message}`, EXIT.USAGE);
        }
      };
      if (flags.builtin || paths.length === 0) sources.push(...read(BUILTIN_LEXICON_DIR).map((s) => ({ ...s, name: `lexicons/${s.name.split(/[\\/]/).pop()}` })));
      for (const p of paths) sources.push(...read(resolve(io.cwd, p)).map((s) => ({ ...s, name: paths.length ? s.name.replace(io.cwd + '/', '') : s.name })));
      const messages = lintLexicons(sources.map(parseLexicon));
      const errors = messages.filter((m) => m.severity === 'error').length;
      if (flags.format === 'json') io.stdout.write(JSON.stringify({ files: sources.length, errors, warnings: messages.length - errors, messages }, null, 2) + '\n');
      else {
        for (const m of messages) io.stdout.write(`${m.file}:${m.line}: ${m.severity} ${m.code}: ${m.message}\n`);
        io.stderr.write(`${sources.length} files, ${errors} errors, ${messages.length - errors} warnings\n`);
      }
      setExit(errors ? EXIT.FAILED : EXIT.OK);
    });
  return cmd;
}
