import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * Interviews printed as questions and answers (س: … / ج: …): each answer line is a direct quote
 * of the interviewee, the latest person quoted before it, else the person the introduction
 * mentions most.
 */
const safadi: EntitySpec = { id: 'safadi', forms: ['أيمن الصفدي', 'الصفدي'] };
const assad: EntitySpec = { id: 'assad', forms: ['بشار الأسد'] };
const jordan: EntitySpec = { id: 'jordan', type: 'LOCATION', forms: ['الأردن'] };

const QA = 'س: كيف ترون مستقبل العلاقات؟\nج: العلاقات تمر بمرحلة جديدة.\n\nسؤال: وماذا عن اللاجئين؟\nجواب: نحتاج إلى دعم دولي حقيقي.';

describe('interview answers', () => {
  it('attributes every answer line to the person quoted in the introduction', () => {
    // intro quotes Safadi, then two Q/A pairs (abbreviated and full markers)
    const { quotes, text } = runQuotes(`وقال أيمن الصفدي إن الأردن يدعم الحل السياسي.\n\n${QA}`, [safadi, jordan]);
    const answers = quotes.filter((q) => q.cue.lemma !== 'قال');
    expect(answers.map((q) => [q.cue.text, q.speaker.entity, q.speaker.implicit, q.content.text, q.kind])).toEqual([
      ['ج:', 'safadi', true, 'العلاقات تمر بمرحلة جديدة', 'direct'],
      ['جواب:', 'safadi', true, 'نحتاج إلى دعم دولي حقيقي', 'direct'],
    ]);
    for (const q of answers) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
  });

  it('without a quote before, takes the person the introduction mentions most', () => {
    // Assad named twice, Safadi once, nobody quoted
    const intro = 'أجرت الصحيفة حوارا مع بشار الأسد في دمشق. وتحدث بشار الأسد عن الاقتصاد بحضور أيمن الصفدي.';
    const { quotes } = runQuotes(`${intro}\n\n${QA}`, [safadi, assad]);
    expect(quotes.map((q) => q.speaker.entity)).toEqual(['assad', 'assad']);
  });

  it('needs a question line first, the marker at the start of a line, and a person', () => {
    // no question before: a list item "ج: …" is no answer
    expect(runQuotes('وقال أيمن الصفدي إن الوضع صعب.\nج: العلاقات جيدة.', [safadi]).quotes.map((q) => q.cue.text)).toEqual(['وقال']);
    // the marker in the middle of a line
    expect(runQuotes('وقال أيمن الصفدي إن الوضع صعب.\nس: لماذا؟ ج: العلاقات جيدة.', [safadi]).quotes.map((q) => q.cue.text)).toEqual(['وقال']);
    // nobody to attribute it to
    expect(runQuotes(QA, [jordan]).quotes).toEqual([]);
  });
});
