import { describe, expect, it } from 'vitest';
import { Lexicons } from '../../../src/lexicon/lexicons.js';
import { lintLexicons } from '../../../src/lexicon/lint.js';
import { parseLexicon } from '../../../src/lexicon/tsv.js';
import { entityLexicon, formTokens } from '../../../src/stages/entities/entity-lexicon.js';
import { loadLexicons } from '../../../src/io/lexicon-files.js';

const file = (name: string, ...lines: string[]) => ({ name, text: lines.join('\n') + '\n' });

describe('lexicon parsing', () => {
  it('keeps file:line provenance and skips comments', () => {
    const p = parseLexicon(file('person.tsv', '# comment', 'id\trel\tform', 'person:a\tname\tفلان'));
    expect(p.rows[0]).toMatchObject({ file: 'person.tsv', line: 3, cells: { id: 'person:a', form: 'فلان' } });
  });
  it('reports rows with more columns than the header', () => {
    expect(parseLexicon(file('org.tsv', 'id\trel\tform', 'org:a\tname\tس\textra')).problems[0].code).toBe('extra-columns');
  });
  it('splits forms into tokens like the tokenizer (punctuation apart, normalized)', () => {
    expect(formTokens('الكونغو - كينشاسا')).toEqual(['الكونغو', '-', 'كينشاسا']);
    expect(formTokens('أمريكا')).toEqual(['امريكا']);
  });
});

describe('lexicon lint', () => {
  const lint = (...lines: string[]) => lintLexicons([parseLexicon(file('person.tsv', 'id\trel\tform', ...lines))]).map((m) => `${m.line}:${m.code}`);
  it.each([
    { note: 'malformed id', lines: ['Bad Id\tname\tفلان'], want: ['2:bad-id'] },
    { note: 'unknown rel', lines: ['person:a\tnick\tفلان'], want: ['2:bad-rel'] },
    { note: 'duplicate form under one id (normalized: أ = ا)', lines: ['person:a\tname\tأحمد زيد', 'person:a\talias\tاحمد زيد'], want: ['3:duplicate'] },
    { note: 'one alias under two ids', lines: ['person:a\tname\tفلان', 'person:b\tname\tفلان'], want: ['3:alias-conflict'] },
    { note: 'near-duplicate spelling under two ids', lines: ['person:a\tname\tلافروف', 'person:b\tname\tلافرووف'], want: ['3:near-duplicate'] },
    { note: 'clean file', lines: ['person:a\tname\tفلان', 'person:a\talias\tفلان الفلاني'], want: [] },
    { note: 'a form shared on purpose (rel ambiguous) is no conflict', lines: ['person:a\tname\tفلان', 'person:b\tambiguous\tفلان'], want: [] },
  ])('$note', ({ lines, want }) => {
    expect(lint(...lines)).toEqual(want);
  });
  it('the built-in lexicons have no errors', () => {
    const lex = loadLexicons();
    expect(lintLexicons(lex.files).filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('compiled entity index', () => {
  it('indexes forms by first token, longest first, and user files add entries', () => {
    const lex = new Lexicons([file('place.tsv', 'id\trel\tform', 'x:a\tname\tبلدة', 'x:b\tname\tبلدة كبرى')]);
    const idx = entityLexicon(lex);
    expect(idx.gazetteer.get('بلده')?.map((f) => f.tokens.length)).toEqual([2, 1]);
    expect(idx.size).toBe(2);
  });
});

describe('ambiguous forms', () => {
  const place = (...lines: string[]) => new Lexicons([file('place.tsv', 'id\trel\tform\tname_en\tclass\tcountry', ...lines)]);
  it('lists every reading of a shared form, the first claimant first (the default)', () => {
    const lex = place('country:om\tname\tعمان\tOman\tcountry\tOM', 'city:amman\tambiguous\tعمّان\tAmman\tcity\tJO');
    const entry = entityLexicon(lex).knownSingle.get('عمان');
    expect(entry?.candidates?.map((c) => c.id)).toEqual(['country:om', 'city:amman']);
    expect(entry?.candidates?.[1].country).toBe('JO');
  });
  it('a form claimed once stays a plain entry', () => {
    const lex = place('city:x\tname\tفلانة\tX\tcity\tJO');
    expect(entityLexicon(lex).knownSingle.get('فلانه')?.candidates).toBeUndefined();
  });
});
