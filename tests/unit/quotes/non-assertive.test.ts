import { describe, expect, it } from 'vitest';
import { runQuotes, view } from './helpers.js';

/** Reporting verbs that report nothing: negated, conditional, supposed, or naming only the speech itself. */
describe('reporting verbs that assert nothing', () => {
  it.each([
    // [note, text]
    ['a negated announcement: nothing was announced (لم يعلن)', 'ولم يعلن الحرس الثوري عن أي إصابات في صفوفه.'],
    ['a negated future statement (لن يعلن)', 'لن يعلن المجلس أسماء المرشحين قبل الأسبوع المقبل.'],
    ['a condition: if the president said … (إذا قال)', 'وإذا قالت الحكومة إن الموازنة متوازنة فستطالب النقابات بزيادة الأجور.'],
    ['a counterfactual: had the minister said … (لو قال)', 'لو أعلن الاتحاد أن البطولة ألغيت لانسحبت الأندية.'],
    ['the speech itself as object, with a possessive: had his say (قال كلمته)', 'وقال المدرب كلمته في المؤتمر الصحفي وغادر.'],
    ['an indefinite speech noun as object with an adjective (قالت كلمة قصيرة)', 'وقالت الفنانة كلمة قصيرة عند تسلم الجائزة.'],
    ['a speech noun with tanween as object (أكد تصريحا)', 'وأكد المتحدث تصريحا مقتضبا للصحفيين ثم انصرف.'],
  ])('no quote: %s', (_note, text) => {
    expect(runQuotes(text).quotes.map(view)).toEqual([]);
  });

  it.each([
    // [note, text, content]
    ['a denial runs through what the president may have said (أن يكون … قد قال)', 'ونفى مكتب الرئاسة أن يكون الرئيس قد قال إن الحكومة ستستقيل.', 'يكون الرئيس قد قال إن الحكومة ستستقيل'],
    ['a feminine subject of the supposition (أن تكون الوزارة قد أعلنت)', 'ونفت مصادر رسمية أن تكون الوزارة قد أعلنت عن زيادة الأسعار.', 'تكون الوزارة قد أعلنت عن زيادة الأسعار'],
    ['a negated cue after but-he ends the content: the writer\'s clause (لكنه لم يوضح)', 'وقال المتحدث إن الهجوم نفذته جماعة مسلحة لكنه لم يوضح اسمها.', 'الهجوم نفذته جماعة مسلحة'],
    ['the same after a comma and with a present cue (، لكنها لم توضح)', 'وقالت الشرطة إن الحريق اندلع في مستودع، لكنها لم توضح سببه.', 'الحريق اندلع في مستودع'],
    ['a negated cue inside the content with no pronoun subject before it stays content (الحكومة لم تعلن)', 'وقال النائب إن الحكومة لم تعلن عن خطتها بعد.', 'الحكومة لم تعلن عن خطتها بعد'],
    ['"without" and its أن end the content: what the speaker left out (، دون أن يوضح)', 'وقال المسؤول إن الوفد سيصل غدا، دون أن يوضح موعد الاجتماع.', 'الوفد سيصل غدا'],
    ['من دون أن after a noun-phrase content: that أن is no complementizer of the verb', 'وأعلن الجيش مقتل جنديين، من دون أن يوضح مكان الهجوم.', 'مقتل جنديين'],
    ['a negated cue inside a clause content is part of it (إنه لن يقول إن …)', 'وقال المدرب إنه لن يقول إن الموسم انتهى قبل المباراة الأخيرة.', 'لن يقول إن الموسم انتهى قبل المباراة الأخيرة'],
    ['an occasion after في keeps the quote: the speech is an adjunct (قال في كلمته إن)', 'وقال الرئيس في كلمته إن البلاد تجاوزت الأزمة.', 'البلاد تجاوزت الأزمة'],
    ['a speech noun in a genitive names someone else\'s words: a stance on them is reported', 'واعتبر المتحدث تصريحات السفير تدخلا في الشؤون الداخلية.', 'تصريحات السفير تدخلا في الشؤون الداخلية'],
  ])('one quote: %s', (_note, text, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].content.text).toBe(content);
  });
});
