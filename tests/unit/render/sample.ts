import type { ExtractResult, ResultMention, TextSpan } from '../../../src/result.js';

/**
 * A hand-made rich result for renderer tests (the pipeline is built in parallel; renderers are
 * written against the contract). Offsets are computed from the text, in code points: the text
 * holds an astral character (🙂) before most spans, so code points and UTF-16 offsets differ,
 * and an HTML-looking string, so renderers must escape.
 */
export const SAMPLE_TEXT = [
  'وانغ يي يلتقي لافروف في موسكو',
  '',
  'قال وزير الخارجية الصيني وانغ يي إن العلاقات مع روسيا قوية 🙂.',
  'وأضاف أن التعاون في إطار البريكس "مهم جدا".',
  'وقالت المتحدثة ماريا زاخاروفا: «نرحب بالزيارة <script>alert(1)</script> & الحوار».',
  '',
  'بيان الخصوصية وسياسة ملفات تعريف الارتباط أوافق',
].join('\n');

/** Code-point span of the n-th occurrence of `needle` in SAMPLE_TEXT. */
export function span(needle: string, occurrence = 0, text = SAMPLE_TEXT): TextSpan {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`sample: "${needle}" #${occurrence} not found`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length, text: needle };
}

/** Index of the sentence (line) of a span, matching the sentences below. */
function sentenceOf(s: TextSpan): number {
  return SENTENCES.findIndex((x) => x.start <= s.start && s.end <= x.end);
}

const SENTENCE_LINES = [
  'وانغ يي يلتقي لافروف في موسكو',
  'قال وزير الخارجية الصيني وانغ يي إن العلاقات مع روسيا قوية 🙂.',
  'وأضاف أن التعاون في إطار البريكس "مهم جدا".',
  'وقالت المتحدثة ماريا زاخاروفا: «نرحب بالزيارة <script>alert(1)</script> & الحوار».',
];
const SENTENCES: TextSpan[] = SENTENCE_LINES.map((l) => span(l));

function mention(needle: string, occurrence = 0): ResultMention {
  const s = span(needle, occurrence);
  return { ...s, sentence: sentenceOf(s) };
}

const boilerplate = span('بيان الخصوصية وسياسة ملفات تعريف الارتباط أوافق');

export function sampleResult(): ExtractResult {
  const q1 = span('العلاقات مع روسيا قوية 🙂');
  const q2 = span('التعاون في إطار البريكس "مهم جدا"');
  const q3 = span('نرحب بالزيارة <script>alert(1)</script> & الحوار');
  return {
    schema: 'newsnlp.extract/1',
    source: 'sample <article>.txt',
    offsets: 'codepoint',
    title: SENTENCES[0],
    sentences: SENTENCES,
    boilerplate: [{ start: boilerplate.start, end: boilerplate.end, kind: 'cookie-notice' }],
    entities: [
      {
        id: 'person:wang-yi',
        type: 'PERSON',
        name: 'وانغ يي',
        name_en: 'Wang Yi',
        role: 'وزير الخارجية الصيني',
        gender: 'm',
        mentions: [mention('وانغ يي', 0), mention('وانغ يي', 1)],
      },
      { id: 'person:sergey-lavrov', type: 'PERSON', name: 'سيرجي لافروف', name_en: 'Sergey Lavrov', mentions: [mention('لافروف')] },
      { id: 'person:maria-zakharova', type: 'PERSON', name: 'ماريا زاخاروفا', role: 'المتحدثة', gender: 'f', mentions: [mention('ماريا زاخاروفا')] },
      { id: 'place:moscow', type: 'LOCATION', name: 'موسكو', name_en: 'Moscow', mentions: [mention('موسكو')] },
      { id: 'country:ru', type: 'LOCATION', name: 'روسيا', name_en: 'Russia', mentions: [mention('روسيا')] },
      { id: 'org:brics', type: 'ORGANIZATION', name: 'بريكس', name_en: 'BRICS', mentions: [mention('البريكس')] },
    ],
    quotes: [
      {
        speaker: { entity: 'person:wang-yi', text: 'وانغ يي', ...startEnd(span('وانغ يي', 1)), implicit: false, role: 'وزير الخارجية الصيني' },
        cue: { ...span('قال'), lemma: 'قال' },
        content: q1,
        kind: 'indirect',
        sentence: 1,
      },
      {
        speaker: { entity: 'person:wang-yi', text: 'وانغ يي', implicit: true },
        cue: { ...span('وأضاف'), lemma: 'أضاف' },
        content: q2,
        kind: 'indirect',
        strength: 'strong',
        sentence: 2,
      },
      {
        speaker: { entity: 'person:maria-zakharova', text: 'ماريا زاخاروفا', ...startEnd(span('ماريا زاخاروفا')), implicit: false },
        cue: { ...span('وقالت'), lemma: 'قال' },
        content: q3,
        kind: 'direct',
        sentence: 3,
      },
    ],
    speakers: [
      { entity: 'person:wang-yi', text: 'وانغ يي', role: 'وزير الخارجية الصيني', quotes: [0, 1] },
      { entity: 'person:maria-zakharova', text: 'ماريا زاخاروفا', quotes: [2] },
    ],
    warnings: [{ code: 'invalid-bytes', message: 'invalid utf-8 byte sequences were replaced by U+FFFD' }],
  };
}

function startEnd(s: TextSpan): { start: number; end: number } {
  return { start: s.start, end: s.end };
}
