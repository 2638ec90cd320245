import { analyze } from '../extract.js';
import type { Lexicons } from '../lexicon/lexicons.js';
import type { EntityType } from '../types.js';
import type { ConllSentence } from './conll.js';

/** CoNLL type names for our entity types (ANERcorp's convention). */
export const CONLL_TYPE: Record<EntityType, string> = { PERSON: 'PERS', LOCATION: 'LOC', ORGANIZATION: 'ORG', MISC: 'MISC' };

/**
 * Tag pre-tokenized sentences with the full pipeline: the tokens become one text (tokens joined
 * by spaces, one sentence per line) with a token → offset map; every entity mention then tags
 * the input tokens it overlaps, B- on the first and I- on the rest.
 */
/**
 * CoNLL corpora such as ANERcorp carry no article boundaries; coreference is per document, so
 * the sentences are analysed in blocks of about an article's length (`docSentences`; 0 = the
 * whole file as one document).
 */
export const DEFAULT_DOC_SENTENCES = 20;

export function tagConll(sentences: readonly ConllSentence[], lex: Lexicons, docSentences = DEFAULT_DOC_SENTENCES): string[][] {
  if (docSentences <= 0 || sentences.length <= docSentences) return tagDocument(sentences, lex);
  const out: string[][] = [];
  for (let i = 0; i < sentences.length; i += docSentences) out.push(...tagDocument(sentences.slice(i, i + docSentences), lex));
  return out;
}

function tagDocument(sentences: readonly ConllSentence[], lex: Lexicons): string[][] {
  const starts: number[][] = [];
  let text = '';
  for (const s of sentences) {
    const row: number[] = [];
    s.forEach((tok, k) => {
      if (k > 0) text += ' ';
      row.push(text.length);
      text += tok.text;
    });
    starts.push(row);
    text += '\n';
  }
  const flatStarts = starts.flat();
  const flatEnds = sentences.flatMap((s, si) => s.map((tok, k) => starts[si][k] + tok.text.length));
  const tags: string[] = new Array(flatStarts.length).fill('O');
  const analysis = analyze(text, lex);
  const mentions = analysis.entities.flatMap((e) => e.mentions.map((m) => ({ type: CONLL_TYPE[e.type], start: m.start, end: m.end })));
  mentions.sort((a, b) => a.start - b.start);
  let t = 0;
  for (const m of mentions) {
    while (t < flatEnds.length && flatEnds[t] <= m.start) t++;
    let first = true;
    for (let k = t; k < flatStarts.length && flatStarts[k] < m.end; k++) {
      if (tags[k] !== 'O') continue;
      tags[k] = (first ? 'B-' : 'I-') + m.type;
      first = false;
    }
  }
  const out: string[][] = [];
  let k = 0;
  for (const s of sentences) out.push(s.map(() => tags[k++]));
  return out;
}
