import { Command, Option } from 'commander';
import { InputError, type Decoded } from '../../io/decode.js';
import { decodeInput, readInputFile, readStream } from '../../io/read-input.js';
import { RULE_GROUPS, type RuleGroup } from '../../text/char-table.js';
import { codePointIndex } from '../../text/codepoints.js';
import { normalize } from '../../text/normalize.js';
import type { OffsetMap } from '../../text/offset-map.js';
import type { NormalizeLevel } from '../../types.js';
import { CliError, EXIT, type CliIO } from '../io.js';

interface NormalizeFlags {
  level: NormalizeLevel;
  map?: boolean;
  keep: string[];
  keepDiacritics?: boolean;
  keepDigits?: boolean;
  keepPresentationForms?: boolean;
  encoding?: string;
}

const HELP = `
Levels (docs/text.md lists every character):
  none     the decoded text unchanged
  display  readable clean text: drops tatweel, bidi and zero-width controls, Quranic marks;
           expands presentation forms and ligatures (ﻷ → لأ); unifies spaces; keeps harakat,
           hamza, ة and ى
  match    the lossy form used for lookups: also drops harakat, unifies alef forms (أ إ آ ٱ → ا),
           ؤ → و, ئ → ي, ى → ي, ة → ه, Persian letters, digits → ASCII

Groups for --keep: ${RULE_GROUPS.join(', ')}

--map prints one JSON object per input (JSON Lines):
  {"schema":"newsnlp.normalize/1","source":…,"level":…,"offsets":"codepoint","encoding":…,
   "original_length":N,"normalized":"…","map":[[nStart,nEnd,oStart,oEnd],…]}
  Each map row is either a 1:1 run (nEnd-nStart = oEnd-oStart: unit nStart+k came from
  oStart+k) or a group whose normalized units all came from the whole original range
  (expansions such as ﻻ → لا, compositions such as ا + ٔ → أ). Original characters in no row
  were dropped. Offsets are Unicode code points.

Examples:
  newsnlp normalize article.txt
  echo 'إِلَى الأُمَمِ المُتَّحِدَة' | newsnlp normalize --level match
  newsnlp normalize --level display --keep tatweel page.html
  newsnlp normalize --map article.txt > map.jsonl`;

export function normalizeCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('normalize')
    .description('print Arabic text normalized (display or match level), optionally with its offset map')
    .argument('[inputs...]', 'files to read, or - for standard input (default when none is given)')
    .addOption(new Option('--level <level>', 'normalization level').choices(['none', 'display', 'match']).default('match'))
    .option('--map', 'print the offset map as JSON Lines instead of the text')
    .option('--keep <group>', 'leave a rule group unchanged (repeatable, or comma-separated)', (v: string, acc: string[]) => acc.concat(v.split(',').map((s) => s.trim()).filter(Boolean)), [] as string[])
    .option('--keep-diacritics', 'keep harakat, shadda, sukun and tanwin (same as --keep diacritics)')
    .option('--keep-digits', 'keep Arabic-Indic digits (same as --keep digits)')
    .option('--keep-presentation-forms', 'keep presentation forms and ligatures (same as --keep presentation-forms)')
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, windows-1256, …)')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: NormalizeFlags) => {
      setExit(await runNormalize(io, inputs, flags));
    });
}

function keptGroups(flags: NormalizeFlags): RuleGroup[] {
  const keep = new Set(flags.keep);
  if (flags.keepDiacritics) keep.add('diacritics');
  if (flags.keepDigits) keep.add('digits');
  if (flags.keepPresentationForms) keep.add('presentation-forms');
  for (const g of keep) {
    if (!(RULE_GROUPS as readonly string[]).includes(g)) throw new CliError(`unknown group "${g}" for --keep; groups: ${RULE_GROUPS.join(', ')}`);
  }
  return [...keep] as RuleGroup[];
}

async function runNormalize(io: CliIO, inputs: string[], flags: NormalizeFlags): Promise<number> {
  const keep = keptGroups(flags);
  const paths = inputs.length ? inputs : ['-'];
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
      continue;
    }
    for (const w of decoded.warnings) io.stderr.write(`newsnlp: ${path}: ${w.message}\n`);
    const { text, map } = normalize(decoded.text, { level: flags.level, keep });
    if (flags.map) io.stdout.write(JSON.stringify(mapRecord(path, flags.level, decoded, text, map)) + '\n');
    else io.stdout.write(text.endsWith('\n') || paths.length === 1 ? text : text + '\n');
  }
  return failed ? EXIT.FAILED : EXIT.OK;
}

function mapRecord(source: string, level: NormalizeLevel, decoded: Decoded, normalized: string, map: OffsetMap) {
  const o = codePointIndex(decoded.text);
  const nIndex = codePointIndex(normalized);
  return {
    schema: 'newsnlp.normalize/1',
    source,
    level,
    offsets: 'codepoint',
    encoding: decoded.encoding,
    ...(decoded.format === 'html' ? { format: 'html', text: decoded.text } : {}),
    original_length: o.toCodePoint(decoded.text.length),
    normalized,
    map: mapRows(map).map(([ns, ne, os, oe]) => [nIndex.toCodePoint(ns), nIndex.toCodePoint(ne), o.toCodePoint(os), o.toCodePoint(oe)]),
  };
}

/** Compress the per-unit map into 1:1 runs and groups (UTF-16 offsets). */
export function mapRows(map: OffsetMap): [number, number, number, number][] {
  const rows: [number, number, number, number][] = [];
  const { origStart, origEnd } = map;
  const n = map.length;
  /** End of the units sharing unit k's source range. */
  const groupEnd = (k: number) => {
    let j = k + 1;
    while (j < n && origStart[j] === origStart[k] && origEnd[j] === origEnd[k]) j++;
    return j;
  };
  let i = 0;
  while (i < n) {
    const g = groupEnd(i);
    if (g - i > 1 || origEnd[i] - origStart[i] !== 1) {
      rows.push([i, g, origStart[i], origEnd[i]]);
      i = g;
      continue;
    }
    // a 1:1 run: consecutive units, each from the next single source unit
    let j = i + 1;
    while (j < n && origStart[j] === origStart[j - 1] + 1 && origEnd[j] - origStart[j] === 1 && groupEnd(j) === j + 1) j++;
    rows.push([i, j, origStart[i], origEnd[j - 1]]);
    i = j;
  }
  return rows;
}
