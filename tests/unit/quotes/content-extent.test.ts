import { describe, expect, it } from 'vitest';
import { runQuotes } from './helpers.js';

/**
 * A reporting verb inside a content that can report nothing itself (no complementizer, colon or
 * quotation after it, not at a clause head) is an ordinary verb of the reported clause and does not
 * cut the content short; one that can report still starts its own quote.
 */
describe('verbs that report nothing do not end a content', () => {
  it.each([
    // [note, text, content]
    ['informed (أبلغت) with an object inside a فإن clause', 'ونقلا عن مصادر دبلوماسية، فإن واشنطن أبلغت بيروت بضرورة الإسراع في الإصلاحات.', 'واشنطن أبلغت بيروت بضرورة الإسراع في الإصلاحات'],
    ['revealed (كشفت) after its subject inside an أن clause', 'وقال المسؤول إن الشركة كشفت خطة جديدة للتوسع.', 'الشركة كشفت خطة جديدة للتوسع'],
    ['confirmed (أكد) after its subject, a noun object', 'وأضاف المصدر أن التقرير الطبي أكد حاجة المريض إلى عناية.', 'التقرير الطبي أكد حاجة المريض إلى عناية'],
  ])('%s', (_note, text, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].content.text).toBe(content);
  });

  it('a verb with its own complementizer still starts a second quote', () => {
    // وقال المسؤول إن … ، وأكد أن …: two quotes, the first ends before وأكد
    const { quotes } = runQuotes('وقال المسؤول إن الوضع مستقر، وأكد أن الحكومة مستعدة.');
    expect(quotes.map((q) => q.content.text)).toEqual(['الوضع مستقر', 'الحكومة مستعدة']);
  });
});

describe('the complement after an inserted phrase and a short adjunct', () => {
  it.each([
    // [note, text, speaker text, content]
    ['a relative clause, then في بيان, then إنه; the name ends in the letter-name في before the comma',
      'وقال صندوق إس تي في، الذي قاد الجولة، في بيان إنه يرى في الشركة نموذجا.', 'صندوق إس تي في', 'يرى في الشركة نموذجا'],
    ['an apposition, then خلال مؤتمر صحفي, then أن', 'وأوضح مصدر مسؤول، وهو مستشار سابق، خلال مؤتمر صحفي أن الاتفاق قريب.', 'مصدر مسؤول', 'الاتفاق قريب'],
  ])('%s', (_note, text, speaker, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.text).toBe(speaker);
    expect(quotes[0].content.text).toBe(content);
  });

  it('an adjunct holding a coordinated verb is another clause (خلال العملية وأبلغته أن)', () => {
    // مضيفة here is "flight attendant", not the participle "adding"
    const { quotes } = runQuotes('واتصلت المرأة، وهي مضيفة جوية، بزوجها مرتين، خلال العملية وأبلغته أن الخاطفين جمعوا الركاب.');
    expect(quotes.map((q) => q.cue.text)).not.toContain('مضيفة');
  });
});

describe('a named addressee is not the content', () => {
  it('لـ + a medium after the subject (أكدت مصادر لرويترز صحة …)', () => {
    const { quotes } = runQuotes('وأكدت مصادر مطلعة لرويترز صحة الأنباء عن تعديل وزاري.', [{ id: 'reuters', type: 'ORGANIZATION', forms: ['رويترز'] }]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].content.text).toBe('صحة الأنباء عن تعديل وزاري');
  });
});

