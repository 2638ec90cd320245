import type { ExtractResult } from '../result.js';
import { codePointIndex } from '../text/codepoints.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokens.js';
import type { Sentence, Span } from '../types.js';

/**
 * CoNLL-style token tagging: `token<TAB>tag`, one token per line, a blank line after each
 * sentence, the tags in BIO form with ANERcorp's labels (PERS, LOC, ORG, MISC) so the output
 * compares directly with that corpus. Tokens are the project tokenizer's (clitics stay attached,
 * as in ANERcorp: `وروسيا` is one token tagged B-LOC although the mention is `روسيا`); a token is
 * tagged when it overlaps a mention. Text outside every sentence (boilerplate) is not emitted.
 */
export const CONLL_HEADER = '# global.columns = TOKEN NER\n';

const LABEL: Record<string, string> = { PERSON: 'PERS', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
export function conllLabel(type: string): string {
  return LABEL[type] ?? 'MISC';
}

export interface TaggedToken {
  text: string;
  tag: string;
  sentence: number;
}

/** Re-tokenize the original text and tag each token by overlap with the result's mentions. */
export function tagTokens(r: ExtractResult, text: string): TaggedToken[] {
  const cp = codePointIndex(text);
  const toUtf16 = (s: Span): Span => ({ start: cp.toUtf16(s.start), end: cp.toUtf16(s.end) });
  const sentences: Sentence[] = r.sentences.map(toUtf16);
  const { text: normalized, map } = normalize(text, 'match');
  const tokens = tokenize(normalized, map, sentences);
  const mentions = r.entities
    .flatMap((e) => e.mentions.map((m) => ({ ...toUtf16(m), label: conllLabel(e.type) })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TaggedToken[] = [];
  let current: (typeof mentions)[number] | undefined; // mention the previous token was tagged with
  let k = 0; // first mention that may still overlap
  for (const t of tokens) {
    if (t.sentence < 0) continue;
    while (k < mentions.length && mentions[k].end <= t.start) k++;
    const m = k < mentions.length && mentions[k].start < t.end ? mentions[k] : undefined;
    const tag = m ? `${m === current ? 'I' : 'B'}-${m.label}` : 'O';
    current = m;
    out.push({ text: text.slice(t.start, t.end), tag, sentence: t.sentence });
  }
  return out;
}

/** One article: a `# newdoc id = <source>` comment, then sentences separated by blank lines. */
export function renderConll(r: ExtractResult, text: string): string {
  let out = `# newdoc id = ${r.source.replace(/[\r\n]/g, ' ')}\n`;
  let sentence = -1;
  for (const t of tagTokens(r, text)) {
    if (t.sentence !== sentence && sentence !== -1) out += '\n';
    sentence = t.sentence;
    // tokens never hold whitespace; a stray tab would break the columns, so spell it out
    out += `${t.text.replace(/\t/g, '\\t')}\t${t.tag}\n`;
  }
  return sentence === -1 ? out : out + '\n';
}
