import { describe, expect, it } from 'vitest';
import { runQuotes } from './helpers.js';

/** An adjunct naming the occasion of the speech, between the subject and a noun-phrase content, is not the content. */
describe('occasion adjuncts before a noun-phrase content', () => {
  it.each([
    // [note, text, content]
    ['an indefinite statement noun right before the content (في بيان)', 'ونفت الشركة في بيان صحة التقارير المتداولة.', 'صحة التقارير المتداولة'],
    ['a definite meeting noun (خلال الاجتماع)', 'وأكد المجلس خلال الاجتماع ضرورة تسريع الإصلاحات.', 'ضرورة تسريع الإصلاحات'],
    ['a meeting noun with a possessive and the person met (خلال لقائه نظيره …)', 'وأكد الوزير خلال لقائه نظيره التونسي عمق الروابط.', 'عمق الروابط'],
    ['a reception with the title of the visitor (لدى استقباله وزير …)', 'وأكد الرئيس لدى استقباله وزير الدفاع البريطاني متانة العلاقات.', 'متانة العلاقات'],
    ['talks with someone after مع (خلال مباحثاته مع …)', 'وجدد السلطان خلال مباحثاته مع الرئيس الإيطالي دعم بلاده للحوار.', 'دعم بلاده للحوار'],
    ['an adjective and a time adverbial after the occasion noun (في كلمة متلفزة مساء الأحد)', 'وأعلن رئيس الحكومة في كلمة متلفزة مساء الجمعة تعديلا وزاريا.', 'تعديلا وزاريا'],
    ['a listed occasion adjective (في بيان مصور)', 'وأعلن قائد الشرطة في بيان مصور إغلاق الطريق الساحلي.', 'إغلاق الطريق الساحلي'],
    ['a joint statement (في بيان مشترك)', 'وأكدت الدولتان في بيان مشترك رفض أي تدخل خارجي.', 'رفض أي تدخل خارجي'],
    ['a verb with its own particle takes the content from the particle (دعا … خلال كلمة له أمام … إلى)', 'ودعا الأمين العام خلال كلمة له أمام الجمعية العامة إلى إصلاح مجلس الأمن.', 'إصلاح مجلس الأمن'],
    ['a verb with its particle after a phone call (في اتصال هاتفي مع … على)', 'وشدد الملك في اتصال هاتفي مع رئيس الوزراء على أهمية التهدئة.', 'أهمية التهدئة'],
    ['an adjunct the rules cannot close (a relative clause) leaves the content as it was', 'وقال المدرب في المقابلة التي بثت أمس ثقتنا كبيرة باللاعبين.', 'في المقابلة التي بثت أمس ثقتنا كبيرة باللاعبين'],
    ['the close of a meeting with a possessive (في ختامه)', 'وأعلن المؤتمر في ختامه تأسيس صندوق إقليمي.', 'تأسيس صندوق إقليمي'],
    ['no occasion noun: an adjunct of manner is not skipped by this rule (في خطوة مفاجئة)', 'وأعلنت الوزارة في خطوة مفاجئة زيادة الرواتب.', 'في خطوة مفاجئة زيادة الرواتب'],
  ])('%s', (_note, text, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].content.text).toBe(content);
  });

  it.each([
    // [note, text, speaker]
    ['emir as a speaker noun (أمير الكويت)', 'وأكد أمير الكويت أن بلاده تدعم الوحدة الخليجية.', 'أمير الكويت'],
    ['king as a speaker noun (ملك البحرين)', 'وقال ملك البحرين إن الحوار هو الطريق الوحيد.', 'ملك البحرين'],
    ['crown prince (ولي العهد)', 'وأكد ولي العهد أن المملكة ماضية في الإصلاحات.', 'ولي العهد'],
  ])('speaker: %s', (_note, text, speaker) => {
    const { quotes } = runQuotes(text);
    expect(quotes.map((q) => q.speaker.text)).toEqual([speaker]);
  });
});
