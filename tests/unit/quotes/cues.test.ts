import { describe, expect, it } from 'vitest';
import { runQuotes, view } from './helpers.js';

const wang = { id: 'wang', forms: ['وانغ يي', 'وانغ'] };

describe('cue recognition', () => {
  it.each([
    // [note, text, cue, lemma]
    ['past masculine with attached wa', 'وقال وانغ إن البلدين شريكان.', 'وقال', 'قال'],
    ['past masculine with attached fa', 'فأضاف وانغ أن التعاون مستمر.', 'فأضاف', 'أضاف'],
    ['feminine past', 'قالت الوزيرة إن الخطة جاهزة.', 'قالت', 'قال'],
    ['masculine plural past, dropped subject', 'قال شهود إن القصف بدأ فجرا. وأضافوا أن عائلات نزحت.', 'وأضافوا', 'أضاف'],
    ['dual past', 'وقالا إن الاتفاق نهائي.', 'وقالا', 'قال'],
    ['present tense before a plural subject', 'يقول محللون إن الأسعار سترتفع.', 'يقول', 'قال'],
    ['verb governing إلى أن', 'وأشار وانغ إلى أن العلاقات ممتازة.', 'وأشار', 'أشار'],
    ['verb governing على with a noun phrase', 'وشدد وانغ على استعداد الصين للتعاون.', 'وشدد', 'شدد'],
    ['feminine participle', 'وقالت الوزيرة إن النمو قوي، مؤكدة أن التضخم يتراجع.', 'مؤكدة', 'أكد'],
    ['diacritics and tatweel inside the cue', 'وقـــالَ وانغ إنّ الحوار مستمر.', 'وقـــالَ', 'قال'],
    ['weak cue with its particle', 'وأعرب وانغ عن أمله في نجاح القمة.', 'وأعرب', 'أعرب'],
    ['verbal noun after عن', 'ونقلت الوكالة عن مصدر قوله إن الاجتماع تأجل.', 'قوله', 'قال'],
    ['highlight (أبرزت, agency copy)', 'وأبرزت الوزيرة أن التعاون يتعزز.', 'وأبرزت', 'أبرز'],
    ['highlighting (مبرزا) after a non-reporting verb', 'وأشاد وانغ بعمل اللجان، مبرزا أن الاستعدادات جيدة.', 'مبرزا', 'أبرز'],
    ['recount (روى شهود أن)', 'وروى شهود أن المسلحين اقتحموا القرية.', 'وروى', 'روى'],
    ['hint (ألمح إلى أن)', 'وألمح وانغ إلى أن الزيارة قريبة.', 'وألمح', 'ألمح'],
    ['claim (ادعى أن)', 'وادعى المتهم أنه كان خارج البلاد.', 'وادعى', 'ادعى'],
    ['data showed (أظهرت بيانات أن)', 'وأظهرت بيانات رسمية أن التضخم تراجع.', 'وأظهرت', 'أظهر'],
  ])('%s', (_note, text, cue, lemma) => {
    const found = runQuotes(text, [wang]).quotes.map(view);
    expect(found.map((q) => [q.cue, q.lemma])).toContainEqual([cue, lemma]);
  });

  it.each([
    // [note, text]
    ['بين as a preposition (بيّن after normalization)', 'تبادل الخبرات بين الدول العربية وأن تعمل الجامعة على برنامج.'],
    ['يذكر أن: "it is worth noting", not a speaker', 'يذكر أن المنتخب فاز باللقب مرتين.'],
    ['a cue letter sequence inside a longer word', 'نشر المقال في الصحيفة أمس.'],
    ['أبرز as the elative "most prominent"', 'وتناول التقرير أبرز الملفات الاقتصادية.'],
    ['a question about what was said (هل قال … إن …؟)', 'هل قال الوزير إن الحكومة ستستقيل؟'],
    ['a question with و (وهل أكد …)', 'وهل أكد الوزير أن الحكومة ستستقيل؟'],
    ['"it appears that" (يظهر أن) has no speaker', 'ويظهر أن الحكومة تراجعت عن القرار.'],
    ['أظهر with a noun object ("showed courage")', 'وأظهر اللاعب شجاعة كبيرة في المباراة.'],
    ['أبرز ما (the most notable thing) opening a sentence', 'وأبرز ما جاء في التقرير أن الصادرات ارتفعت.'],
    ['يُروى أن: "it is narrated", no speaker (the present of روى is not listed)', 'ويروى أن السلطان زار المدينة.'],
    ['رأي (opinion) spelled like رأى after normalization', 'وفي رأي الخبراء فإن الأزمة طويلة.'],
    ['طالب (student) heading a noun phrase', 'فاز طالب جامعي بالجائزة الأولى.'],
    ['a clause-internal cue without complementizer', 'وصل الوفد الذي أعلن الزيارة إلى المدينة.'],
    ['a weak cue in a headline before بـ"…" (a promise, no speaker named)', 'ميتا تسرح موظفين وتعد بـ"عام الكفاءة"'],
    ['أضاف with a noun object: added a feature', 'وأضافت جوجل خاصية جديدة إلى تطبيق الخرائط.'],
    ['كشف عن with a noun object: unveiled a product', 'وكشفت الشركة عن هاتف جديد في معرض برشلونة.'],
    ['تابع with a noun object: followed', 'وتابع النواب المناقشات حتى ساعة متأخرة.'],
    ['بحسب before a long common-noun phrase closing the sentence', 'وتتراوح المدة بين خمس وسبع سنوات، بحسب نوع الوحدة السكنية.'],
    ['شدد without على: tightened', 'وشدد الجيش الإجراءات الأمنية حول المطار.'],
    ['اعترف with a noun object: recognized a state', 'واعترفت الحكومة بدولة فلسطين رسميا.'],
    ['رجح with a noun object: tipped the balance', 'ورجحت الأهداف المتأخرة كفة الفريق الضيف.'],
    ['بحسب without a source (depending on)', 'تتغير الأسعار بحسب الظروف الجوية في المنطقة كل يوم.'],
  ])('no quote: %s', (_note, text) => {
    expect(runQuotes(text).quotes.map(view)).toEqual([]);
  });

  it('a byline كتب before the first cue is no quote of the reporter', () => {
    const cues = runQuotes('كتب محمد سالم - أكد المحافظ أن الحملات مستمرة.', [{ id: 'salem', forms: ['محمد سالم'] }]).quotes.map((q) => q.cue.text);
    expect(cues).toEqual(['أكد']);
  });

  it('a one-word organization spelled like a cue (آفاد = أفاد) does not hide the verb', () => {
    const afad = { id: 'afad', type: 'ORGANIZATION' as const, forms: ['أفاد'] };
    const q = runQuotes('وأفاد مراسل الجزيرة بأن معظم الضحايا من النساء.', [afad]).quotes.map(view);
    expect(q.map((x) => [x.cue, x.text])).toEqual([['وأفاد', 'مراسل الجزيرة']]);
  });
});
