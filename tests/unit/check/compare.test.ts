import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/check/compare.js';
import { InvalidFixtureError, validateGold, type Gold } from '../../../src/check/gold.js';
import { prf } from '../../../src/check/scoring.js';
import { SCHEMA_ID, type ExtractResult, type ResultEntity, type ResultQuote } from '../../../src/result.js';

// A small article (code points = UTF-16 units here: no astral characters).
// "Al-Sisi said that Egypt ..." / "He added that ..."
const TEXT = 'قال السيسي إن مصر مستعدة. وأضاف أن القاهرة ترحب.';
const at = (word: string, from = 0): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(word, from);
  if (start < 0) throw new Error(`no ${word}`);
  return { start, end: start + word.length, text: word };
};
const S0 = { start: 0, end: TEXT.indexOf('.') + 1 };
const S1 = { start: TEXT.indexOf('وأضاف'), end: TEXT.length };

function result(entities: ResultEntity[], quotes: ResultQuote[] = [], extra: Partial<ExtractResult> = {}): ExtractResult {
  return {
    schema: SCHEMA_ID,
    source: 't',
    offsets: 'codepoint',
    title: null,
    sentences: [
      { ...S0, text: TEXT.slice(S0.start, S0.end) },
      { ...S1, text: TEXT.slice(S1.start, S1.end) },
    ],
    boilerplate: [],
    entities,
    quotes,
    speakers: [],
    warnings: [],
    ...extra,
  };
}
const ent = (id: string, type: string, ...mentions: { start: number; end: number; text: string }[]): ResultEntity => ({ id, type, name: mentions[0]?.text ?? id, mentions: mentions.map((m) => ({ ...m, sentence: 0 })) });
const quote = (cueWord: string, speaker: { entity: string | null; text: string; start?: number; end?: number; implicit?: boolean }, sentence = 0): ResultQuote => {
  const cue = at(cueWord);
  return { speaker: { implicit: false, ...speaker }, cue: { ...cue, lemma: cueWord }, content: { start: cue.end, end: cue.end + 1, text: TEXT[cue.end] }, kind: 'indirect', sentence };
};

const goldBase = (): Gold => ({
  offsets: 'codepoint',
  mode: 'subset',
  entities: [
    { id: 'sisi', type: 'PERSON', mentions: [at('السيسي')] },
    { id: 'egypt', type: 'LOCATION', mentions: [at('مصر')] },
    { id: 'cairo', type: 'LOCATION', mentions: [at('القاهرة')] },
  ],
  quotes: [
    { speaker: 'sisi', cue: 'قال', cue_start: at('قال').start, cue_end: at('قال').end, sentence: 0, required: true },
    { speaker: 'sisi', cue: 'وأضاف', cue_start: at('وأضاف').start, cue_end: at('وأضاف').end, sentence: 1, implicit_speaker: true, required: true },
  ],
});

const perfect = (): ExtractResult =>
  result(
    [ent('p:sisi', 'PERSON', at('السيسي')), ent('l:egypt', 'LOCATION', at('مصر')), ent('l:cairo', 'LOCATION', at('القاهرة'))],
    [quote('قال', { entity: 'p:sisi', text: 'السيسي', ...at('السيسي') }), quote('وأضاف', { entity: 'p:sisi', text: 'السيسي', implicit: true }, 1)],
  );

describe('compare: entity mentions', () => {
  it('passes when every gold mention is overlapped by a prediction of the same type', () => {
    const r = compare(goldBase(), perfect(), TEXT);
    expect(r.passed).toBe(true);
    expect(r.entities.PERSON).toEqual({ found: 1, missed: 0, correct: 1, spurious: 0 });
  });

  const cases: { note: string; mutate: (r: ExtractResult) => void; gold?: (g: Gold) => void; passed: boolean; diff?: RegExp; counts?: Record<string, unknown> }[] = [
    {
      note: 'a partial overlap counts (prediction "مصر مستعدة" covers the gold "مصر")',
      mutate: (r) => (r.entities[1].mentions = [{ ...at('مصر مستعدة'), sentence: 0 }]),
      passed: true,
    },
    {
      note: 'the right span with the wrong type is a miss and a spurious prediction',
      mutate: (r) => (r.entities[1].type = 'ORGANIZATION'),
      passed: false,
      diff: /wrong type LOCATION «مصر»/,
      counts: { LOCATION: { found: 1, missed: 1, correct: 1, spurious: 0 }, ORGANIZATION: { found: 0, missed: 0, correct: 0, spurious: 1 } },
    },
    {
      note: 'a missing gold mention (Cairo not found) fails the case',
      mutate: (r) => r.entities.splice(2, 1),
      passed: false,
      diff: /missing LOCATION «القاهرة»/,
    },
    {
      note: 'subset mode: an extra prediction ("مستعدة", ready) lowers precision but does not fail',
      mutate: (r) => r.entities.push(ent('p:x', 'PERSON', at('مستعدة'))),
      passed: true,
      counts: { PERSON: { found: 1, missed: 0, correct: 1, spurious: 1 } },
    },
    {
      note: 'exact mode: the same extra prediction fails',
      mutate: (r) => r.entities.push(ent('p:x', 'PERSON', at('مستعدة'))),
      gold: (g) => (g.mode = 'exact'),
      passed: false,
      diff: /unexpected PERSON «مستعدة»/,
    },
    {
      note: 'an extra prediction inside an optional span is neutral, even in exact mode',
      mutate: (r) => r.entities.push(ent('p:x', 'PERSON', at('مستعدة'))),
      gold: (g) => ((g.mode = 'exact'), (g.optional_spans = [at('مستعدة')])),
      passed: true,
      counts: { PERSON: { found: 1, missed: 0, correct: 1, spurious: 0 } },
    },
    {
      note: 'an "absent" finding that comes back fails even in subset mode',
      mutate: (r) => r.entities.push(ent('p:x', 'PERSON', at('مستعدة'))),
      gold: (g) => (g.absent = [{ text: 'مستعدة', type: 'PERSON' }]),
      passed: false,
      diff: /absent finding came back/,
    },
    {
      note: 'predictions of unscored kinds (e.g. DATE) are ignored',
      mutate: (r) => r.entities.push(ent('d:x', 'DATE', at('مستعدة'))),
      gold: (g) => (g.mode = 'exact'),
      passed: true,
    },
    {
      note: 'an xfail part that fails is reported but does not fail the case',
      mutate: (r) => r.entities.splice(2, 1),
      gold: (g) => (g.xfail = ['entities']),
      passed: true,
      diff: /missing LOCATION/,
    },
  ];
  it.each(cases)('$note', ({ mutate, gold, passed, diff, counts }) => {
    const g = goldBase();
    gold?.(g);
    const r = perfect();
    mutate(r);
    const report = compare(g, r, TEXT);
    expect(report.passed).toBe(passed);
    const lines = report.parts.flatMap((p) => p.diff).join('\n');
    if (diff) expect(lines).toMatch(diff);
    else expect(lines).toBe('');
    if (counts) for (const [type, c] of Object.entries(counts)) expect(report.entities[type]).toEqual(c);
  });

  it('subset mode keeps extra predictions as notes (for --verbose), not as failures', () => {
    const r = perfect();
    r.entities.push(ent('p:x', 'PERSON', at('مستعدة')));
    const entities = compare(goldBase(), r, TEXT).parts.find((p) => p.part === 'entities')!;
    expect(entities.diff).toEqual([]);
    expect(entities.notes.join('\n')).toMatch(/unexpected PERSON «مستعدة»/);
  });

  it('reports xfail parts that now pass', () => {
    const g = goldBase();
    g.xfail = ['quotes'];
    expect(compare(g, perfect(), TEXT).xpassed).toEqual(['quotes']);
  });
});

describe('compare: quotes', () => {
  const cases: { note: string; mutate: (r: ExtractResult) => void; gold?: (g: Gold) => void; passed: boolean; diff?: RegExp; cue?: object; e2e?: object }[] = [
    {
      note: 'implicit speaker linked to the same entity is right end to end',
      mutate: () => {},
      passed: true,
      cue: { found: 2, missed: 0, correct: 2, spurious: 0 },
      e2e: { found: 2, missed: 0, correct: 2, spurious: 0 },
    },
    {
      note: 'cue found with the wrong speaker: cue right, end to end wrong',
      mutate: (r) => (r.quotes[1].speaker = { entity: 'l:cairo', text: 'القاهرة', implicit: false }),
      passed: false,
      diff: /wrong speaker for cue «وأضاف»/,
      cue: { found: 2, missed: 0, correct: 2, spurious: 0 },
      e2e: { found: 1, missed: 1, correct: 1, spurious: 1 },
    },
    {
      note: 'a speaker with no entity but a span on a gold mention of the speaker is right',
      mutate: (r) => (r.quotes[0].speaker = { entity: null, text: 'السيسي', ...at('السيسي'), implicit: false }),
      passed: true,
    },
    {
      note: 'a required quote not found fails',
      mutate: (r) => r.quotes.pop(),
      passed: false,
      diff: /missing quote cue «وأضاف»/,
      cue: { found: 1, missed: 1, correct: 1, spurious: 0 },
    },
    {
      note: 'an optional quote not found is fine',
      mutate: (r) => r.quotes.pop(),
      gold: (g) => (g.quotes![1].required = false),
      passed: true,
      cue: { found: 1, missed: 0, correct: 1, spurious: 0 },
    },
    {
      note: 'a cue in another sentence than the gold says does not match',
      mutate: (r) => r.quotes.pop(),
      gold: (g) => (g.quotes![0].sentence = 1),
      passed: false,
      diff: /missing quote cue «قال»/,
    },
    {
      note: 'a null gold speaker with speaker_text matches a predicted speaker text sharing a word',
      mutate: (r) => (r.quotes[0].speaker = { entity: null, text: 'مصدر مسؤول', implicit: false }),
      gold: (g) => ((g.quotes![0].speaker = null), (g.quotes![0].speaker_text = 'مصدر')),
      passed: true,
    },
    {
      note: 'exact mode: an extra predicted quote fails; subset counts it only in precision',
      mutate: (r) => r.quotes.push(quote('ترحب', { entity: 'l:cairo', text: 'القاهرة' }, 1)),
      gold: (g) => (g.mode = 'exact'),
      passed: false,
      diff: /unexpected quote cue «ترحب»/,
      cue: { found: 2, missed: 0, correct: 2, spurious: 1 },
    },
  ];
  it.each(cases)('$note', ({ mutate, gold, passed, diff, cue, e2e }) => {
    const g = goldBase();
    gold?.(g);
    const r = perfect();
    mutate(r);
    const report = compare(g, r, TEXT);
    expect(report.passed).toBe(passed);
    const lines = report.parts.flatMap((p) => p.diff).join('\n');
    if (diff) expect(lines).toMatch(diff);
    if (cue) expect(report.quotes.cue).toEqual(cue);
    if (e2e) expect(report.quotes.endToEnd).toEqual(e2e);
  });
});

describe('compare: quote kind', () => {
  it('a direct/indirect mismatch is a note, not a failure', () => {
    const g = goldBase();
    g.quotes![0].kind = 'direct';
    const report = compare(g, perfect(), TEXT);
    expect(report.passed).toBe(true);
    expect(report.parts.find((p) => p.part === 'quotes')!.notes.join('\n')).toMatch(/kind indirect, gold says direct/);
  });
});

describe('compare: sentences, title, boilerplate (exact)', () => {
  it.each([
    { note: 'same sentences pass', sentences: [S0, S1], passed: true },
    { note: 'a sentence ending one character early fails', sentences: [{ ...S0, end: S0.end - 1 }, S1], passed: false },
    { note: 'a split the gold does not have fails', sentences: [S0, { start: S1.start, end: S1.start + 5 }, { start: S1.start + 6, end: S1.end }], passed: false },
  ])('$note', ({ sentences, passed }) => {
    const g: Gold = { sentences: sentences.map((s) => ({ ...s, text: TEXT.slice(s.start, s.end) })) };
    expect(compare(g, perfect(), TEXT).passed).toBe(passed);
  });

  it('title null in gold requires no predicted title; a predicted one must match exactly', () => {
    expect(compare({ title: null }, perfect(), TEXT).passed).toBe(true);
    expect(compare({ title: { ...S0, text: TEXT.slice(S0.start, S0.end) } }, perfect(), TEXT).parts[0].diff[0]).toMatch(/missing title/);
    const withTitle = perfect();
    withTitle.title = { ...S0, text: TEXT.slice(S0.start, S0.end) };
    expect(compare({ title: null }, withTitle, TEXT).passed).toBe(false);
  });

  it('boilerplate compares start and end', () => {
    const r = perfect();
    r.boilerplate = [{ start: S1.start, end: S1.end, kind: 'cookie' }];
    expect(compare({ boilerplate: [{ start: S1.start, end: S1.end }] }, r, TEXT).passed).toBe(true);
    expect(compare({ boilerplate: [{ start: S1.start + 1, end: S1.end }] }, r, TEXT).passed).toBe(false);
  });
});

describe('validateGold: the gold must fit its own input', () => {
  it.each([
    { note: 'a mention whose text is not the input slice', gold: { entities: [{ id: 'x', type: 'PERSON', mentions: [{ start: 0, end: 3, text: 'مصر' }] }] }, problem: /≠ input\[0:3\]/ },
    { note: 'a span past the end of the input', gold: { sentences: [{ start: 0, end: 999, text: 'x' }] }, problem: /bad span/ },
    { note: 'a quote cue text that does not match', gold: { quotes: [{ speaker: null, cue: 'قالت', cue_start: 0, cue_end: 3 }] }, problem: /quotes\[0\]\.cue/ },
    { note: 'a quote speaker that is not a gold entity', gold: { entities: [], quotes: [{ speaker: 'ghost', cue: 'قال', cue_start: 0, cue_end: 3 }] }, problem: /not a gold entity id/ },
    { note: 'an unknown xfail part', gold: { xfail: ['speakers'] }, problem: /unknown part/ },
  ])('$note', ({ gold, problem }) => {
    expect(validateGold(gold as Gold, TEXT).join('\n')).toMatch(problem);
    expect(() => compare(gold as Gold, perfect(), TEXT)).toThrow(InvalidFixtureError);
  });

  it('counts offsets in code points (an emoji before the mention shifts UTF-16 but not code points)', () => {
    const text = '😀 مصر';
    expect(validateGold({ entities: [{ id: 'e', type: 'LOCATION', mentions: [{ start: 2, end: 5, text: 'مصر' }] }] }, text)).toEqual([]);
  });
});

describe('prf', () => {
  it.each([
    { counts: { found: 3, missed: 1, correct: 3, spurious: 1 }, p: 0.75, r: 0.75 },
    { counts: { found: 0, missed: 0, correct: 0, spurious: 0 }, p: 1, r: 1 },
    { counts: { found: 0, missed: 4, correct: 0, spurious: 0 }, p: 1, r: 0 },
  ])('P=$p R=$r', ({ counts, p, r }) => {
    const m = prf(counts);
    expect(m.precision).toBeCloseTo(p);
    expect(m.recall).toBeCloseTo(r);
  });
});
