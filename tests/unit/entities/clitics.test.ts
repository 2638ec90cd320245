import { describe, expect, it } from 'vitest';
import { cliticSets, stemCandidates } from '../../../src/text/clitics.js';
import { lexicons } from './helpers.js';

/** Clitic segmentation: every reading of a token as proclitics + stem (normalized forms). */
const ROWS: { note: string; token: string; stem: string; prefix: number }[] = [
  { note: 'wa- + name', token: 'وروسيا', stem: 'روسيا', prefix: 1 },
  { note: 'bi- + name', token: 'بروسيا', stem: 'روسيا', prefix: 1 },
  { note: 'li- + al- written لل restores the article', token: 'للصين', stem: 'الصين', prefix: 1 },
  { note: 'wa- + li- + al-', token: 'وللصين', stem: 'الصين', prefix: 2 },
  { note: 'li- + al- before a noun in ل drops the whole article (لل + جنة = للجنة: اللجنة)', token: 'للجنه', stem: 'اللجنه', prefix: 1 },
  { note: 'the same for a place (للاذقية: اللاذقية)', token: 'للاذقيه', stem: 'اللاذقيه', prefix: 1 },
  { note: 'wa- + bi- + al-', token: 'وبالبريكس', stem: 'البريكس', prefix: 2 },
  { note: 'fa- + al-', token: 'فالعراق', stem: 'العراق', prefix: 1 },
  { note: 'ka- + al-', token: 'كالعراق', stem: 'العراق', prefix: 1 },
];

describe('clitic segmentation', () => {
  const sets = cliticSets(lexicons());
  it.each(ROWS)('$note: $token → $stem', ({ token, stem, prefix }) => {
    const c = stemCandidates(token, sets).find((x) => x.stem === stem);
    expect(c?.prefixLength).toBe(prefix);
  });
  it('keeps the whole token as the first reading (a name may begin with a clitic letter: لبنان)', () => {
    expect(stemCandidates('لبنان', sets)[0].stem).toBe('لبنان');
  });
});
