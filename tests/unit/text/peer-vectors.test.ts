/**
 * Input/expected pairs from the test suites of other Arabic libraries (CAMeL Tools, PyArabic,
 * Maha, spaCy, pragmatic_segmenter), in ../shared/datasets/peer-vectors/arabic-text-peers.jsonl.
 * They are reference behaviour, not truth. Each row is mapped to the operation of ours that
 * does the same job; rows where we deliberately differ are listed in DIFFERENT with the reason
 * (docs/text.md explains each convention) and the test checks that they still differ, so a
 * change of behaviour shows up here. Rows with no counterpart operation are counted, not run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/io/lexicon-files.js';
import { RULE_GROUPS, type RuleGroup } from '../../../src/text/char-table.js';
import { normalize } from '../../../src/text/normalize.js';
import { splitSentences } from '../../../src/text/sentences.js';
import { tokenize } from '../../../src/text/tokens.js';

const FILE = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'peer-vectors', 'arabic-text-peers.jsonl');

interface PeerRow {
  source: string;
  function: string;
  input: unknown;
  kwargs?: Record<string, unknown>;
  expected: unknown;
}

const lex = loadLexicons();

/** Match-level normalization restricted to some rule groups (the others kept). */
const only = (groups: RuleGroup[]) => (s: string) => normalize(s, { level: 'match', keep: RULE_GROUPS.filter((g) => !groups.includes(g)) }).text;
const display = (s: string) => normalize(s, 'display').text;
const match = (s: string) => normalize(s, 'match').text;
const tokenTexts = (s: string) => {
  const { text, map } = normalize(s, 'match');
  return tokenize(text, map).map((t) => s.slice(t.start, t.end));
};
const sentenceTexts = (s: string) => splitSentences(s, lex).map((x) => s.slice(x.start, x.end));

type Op = (input: string) => unknown;

const expansionOf = (abbreviation: string | undefined) => lex.rows('abbreviation').find((r) => r.cells.form === abbreviation)?.cells.expansion;

/** Our operation for a peer function (and its options); null when we have none. */
function operationFor(row: PeerRow): Op | null {

  const kw = row.kwargs ?? {};
  switch (row.function) {
    case 'pyarabic.strip_tashkeel':
    case 'maha.remove_all_harakat':
      return only(['diacritics']);
    case 'pyarabic.strip_tatweel':
    case 'maha.remove_tatweel':
      return only(['tatweel']);
    case 'pyarabic.normalize_hamza':
      return only(['alef', 'hamza-carriers']);
    case 'pyarabic.normalize_alef':
    case 'camel_tools.normalize_alef_ar':
      return only(['alef']);
    case 'camel_tools.normalize_alef_maksura_ar':
      return only(['alef-maksura']);
    case 'camel_tools.normalize_teh_marbuta_ar':
      return only(['teh-marbuta']);
    case 'camel_tools.normalize_unicode':
      return display;
    case 'maha.normalize_lam_alef':
      return kw.keep_hamza === false ? match : display;
    case 'maha.normalize': {
      if (kw.all) return kw.yeh === false ? (s) => normalize(s, { level: 'match', keep: ['alef-maksura', 'hamza-carriers'] }).text : match;
      if (kw.lam_alef) return only(['presentation-forms', 'alef']);
      if (kw.waw) return only(['hamza-carriers']);
      if (kw.yeh) return only(['alef-maksura', 'hamza-carriers']);
      if (kw.teh_marbuta) return only(['teh-marbuta']);
      if (kw.ligatures) return display;
      return null;
    }
    case 'pyarabic.tokenize':
    case 'pyarabic.tokenize_with_location':
    case 'camel_tools.tokenizers.word.simple_word_tokenize':
      return tokenTexts;
    case 'spacy.lang.ar tokenizer':
      // token count and token texts; spaCy's lemma has no counterpart in our tokens
      return (s) => {
        const tokens = tokenTexts(s);
        const out: Record<string, unknown> = { n_tokens: tokens.length };
        for (const key of Object.keys(row.expected as object)) {
          if (key.startsWith('token_')) out[key] = tokens[Number(key.slice(6))];
          // the lemma of an abbreviation token is its expansion in lexicons/abbreviation.tsv
          if (key.startsWith('lemma_')) out[key] = expansionOf(tokens[Number(key.slice(6))]);
        }
        return out;
      };
    case 'pyarabic.sentence_tokenize':
    case 'pragmatic_segmenter.Segmenter.segment':
      return sentenceTexts;
    default:
      return null;
  }
}

/** Rows (by function + start of input + options) where our convention differs on purpose; see docs/text.md. */
const DIFFERENT: [fn: string, inputStart: string, why: string, kwargs?: string][] = [
  ['pyarabic.normalize_hamza', 'جاء سؤال الأئمة عن الإسلام آجلا', 'default method writes every hamza as ء; we keep the carrier letter (و ي ا), which is how the words are looked up', 'none'],
  ['pyarabic.normalize_hamza', 'سئل أحد الأئمة', 'same: hamza on a carrier becomes the carrier, not ء'],
  ['pyarabic.normalize_alef', 'بِٱلْهُدَىٰ', 'ى + dagger alef becomes ا there; we keep ى (display) or make it ي (match) and treat the dagger alef as a diacritic'],
  ['maha.normalize', 'ﷵ', 'Unicode decomposes U+FDF5 to صلعم (the abbreviation itself); Maha expands it to the full phrase'],
  ['maha.remove_all_harakat', ' 1. ', 'we never trim or squeeze spaces: offsets into the original must stay exact'],
  ['pyarabic.sentence_tokenize', 'العربية لغة جميلة.', 'splits at the Arabic comma ،; a comma never ends a sentence for us'],
  ['pragmatic_segmenter.Segmenter.segment', 'سؤال وجواب:', 'splits after a colon; a colon introduces a quote or a list in news text, so it never ends a sentence for us'],
  ['pragmatic_segmenter.Segmenter.segment', 'الاحد, 21 فبراير', 'splits after a colon (see above)'],
  ['pragmatic_segmenter.Segmenter.segment', 'عثر في الغرفة', 'splits at the Arabic comma (see above)'],
  ['spacy.lang.ar tokenizer', 'ت.', 'keeps the dot inside an abbreviation token; our tokens leave a final dot as punctuation (the sentence splitter knows the abbreviation)'],
  ['camel_tools.tokenizers.word.simple_word_tokenize', 'Hello,    world123!!!', 'split_digits option: we keep digits glued to Latin letters as one token (G20, COVID19)'],
];

function differenceFor(row: PeerRow): string | undefined {
  const input = typeof row.input === 'string' ? row.input : JSON.stringify(row.input);
  const kwargs = row.kwargs ? JSON.stringify(row.kwargs) : 'none';
  return DIFFERENT.find(([fn, start, , kw]) => fn === row.function && input.startsWith(start) && (kw === undefined || kw === kwargs))?.[2];
}

const rows: PeerRow[] = existsSync(FILE)
  ? readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as PeerRow)
  : [];

const label = (row: PeerRow) => `${row.function}${row.kwargs ? ' ' + JSON.stringify(row.kwargs) : ''}: ${JSON.stringify(row.input).slice(0, 50)}`;

describe.runIf(rows.length > 0)('peer vectors', () => {
  const runnable = rows.filter((r) => typeof r.input === 'string' && operationFor(r));
  const same = runnable.filter((r) => !differenceFor(r));
  const different = runnable.filter((r) => differenceFor(r));

  it.each(same.map((r) => [label(r), r] as const))('agrees: %s', (_label, row) => {
    expect(operationFor(row)!(row.input as string)).toEqual(row.expected);
  });

  it.each(different.map((r) => [label(r), r] as const))('differs on purpose: %s', (_label, row) => {
    expect(operationFor(row)!(row.input as string)).not.toEqual(row.expected);
  });

  it('every listed difference names a row that exists', () => {
    for (const [fn, start] of DIFFERENT) expect(rows.some((r) => r.function === fn && (typeof r.input === 'string' ? r.input : JSON.stringify(r.input)).startsWith(start)), `${fn} ${start}`).toBe(true);
  });

  it('reports the tally', () => {
    const none = rows.length - runnable.length;
    // printed for the closing note of the issue: how many rows agree, differ, have no counterpart
    console.info(`peer vectors: ${rows.length} rows; ${same.length} agree, ${different.length} differ on purpose, ${none} have no counterpart operation`);
    expect(same.length + different.length + none).toBe(rows.length);
  });
});
