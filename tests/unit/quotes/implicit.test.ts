import { describe, expect, it } from 'vitest';
import { runQuotes, view, type EntitySpec } from './helpers.js';

const hala: EntitySpec = { id: 'hala', gender: 'f', forms: ['هالة السعيد', 'السعيد'] };
const madbouly: EntitySpec = { id: 'madbouly', gender: 'm', forms: ['مصطفى مدبولي', 'مدبولي'] };
const wang: EntitySpec = { id: 'wang', forms: ['وانغ يي', 'وانغ'] };
const lavrov: EntitySpec = { id: 'lavrov', forms: ['سيرجي لافروف', 'لافروف'] };
const saudi: EntitySpec = { id: 'saudi', type: 'LOCATION', gender: 'f', forms: ['السعودية'] };

const TWO_SPEAKERS = 'وقالت الوزيرة هالة السعيد إن النمو قوي.\n\nوقال رئيس الوزراء مصطفى مدبولي إن الطروحات مستمرة.\n\n';

describe('implicit (pro-drop) speakers', () => {
  it.each([
    // [note, text, entities, cue, expected speaker entity or text]
    ['masculine verb after a masculine speaker', 'وقال وانغ إن العلاقات قوية. وأضاف أن التعاون مستمر.', [wang], 'وأضاف', 'wang'],
    ['feminine verb skips the later masculine speaker', TWO_SPEAKERS + 'وأضافت أن التضخم يتراجع.', [hala, madbouly], 'وأضافت', 'hala'],
    ['masculine verb after a feminine speaker picks the masculine one', 'وقال مدبولي إن الطروحات مستمرة.\n\nوقالت السعيد إن النمو قوي.\n\nوأوضح أن البيع يبدأ في يونيو.', [hala, madbouly], 'وأوضح', 'madbouly'],
    ['a new explicit speaker resets the carry-over', 'وقال وانغ إن العلاقات قوية. وقال لافروف إن روسيا مستعدة. وقال إن التنسيق مستمر.', [wang, lavrov], 'وقال', 'lavrov'],
    ['a country is feminine', 'وأعلنت السعودية أنها ستمدد الخفض. وأضافت أن القرار يدعم السوق.', [saudi], 'وأضافت', 'saudi'],
    ['across paragraphs', 'وقال وانغ إن العلاقات قوية.\n\nوتابع الجانبان المحادثات.\n\nوأكد أن بكين مستعدة.', [wang], 'وأكد', 'wang'],
    ['a plural verb takes the plural description', 'وقال شهود عيان إن القصف بدأ فجرا. وأضافوا أن عائلات نزحت.', [], 'وأضافوا', 'شهود عيان'],
    ['a coordinated clause takes the sentence subject, not the last speaker', 'وقال وانغ إن العلاقات قوية.\n\nوالتقى لافروف بنظيره الصيني في موسكو، وأكد أن الحوار مستمر.', [wang, lavrov], 'وأكد', 'lavrov'],
    ['with nobody quoted yet, the subject of the previous sentence', 'واستقبل لافروف الوفد الصيني برئاسة وانغ في موسكو.\n\nوقال إن الزيارة ناجحة.', [wang, lavrov], 'وقال', 'lavrov'],
    ['a dateline place is never the dropped subject', 'أنقرة، 6 فبراير - وأضافت أن الثلوج تعيق الإنقاذ.', [{ id: 'ankara', type: 'LOCATION', gender: 'f', forms: ['أنقرة'] }], 'وأضافت', ''],
    ['a masculine institution after a dateline, with nobody quoted before', 'عمان، 20 مارس (بترا) - قرر البنك المركزي الأردني تثبيت الفائدة.\n\nوقال في بيان إن القرار يحمي الدينار.', [{ id: 'cbj', type: 'ORGANIZATION', gender: 'f', forms: ['البنك المركزي الأردني'] }, { id: 'amman', type: 'LOCATION', gender: 'f', forms: ['عمان'] }], 'وقال', 'cbj'],
    ['a dual verb takes the dual description', 'وقال الوزيران في بيان مشترك إن المحادثات مثمرة. وأضافا أن التعاون سيتعزز.', [], 'وأضافا', 'الوزيران'],
    ['ختم بالقول: "concluded by saying"; بالقول is never the subject', 'وقال وانغ إن العلاقات قوية. وختم بالقول إن التعاون مستمر.', [wang], 'وختم', 'wang'],
    ['a relative clause with a dropped subject', 'أعلنت السعودية تمديد الخفض، في خطوة قالت إنها تدعم السوق.', [saudi], 'قالت', 'saudi'],
    ['a plural verb after a plural description subject of a non-reporting verb', 'وتحدث شهود عيان عن انفجارات قوية. وقالوا إن الطائرات حلقت فوق المدينة.', [], 'وقالوا', 'شهود عيان'],
    ['a plural noun behind a preposition is not that subject', 'والتقى الوزير بمسؤولين محليين. وقالوا إن المشروع تأخر.', [], 'وقالوا', ''],
  ])('%s', (_note, text, entities, cue, expected) => {
    const quotes = runQuotes(text, entities).quotes.map(view).filter((x) => x.cue === cue);
    const q = quotes[quotes.length - 1];
    expect(q, 'quote found').toBeDefined();
    expect(q.implicit).toBe(true);
    expect(q.speaker ?? q.text).toBe(expected);
  });

  it('an implicit speaker points at its antecedent mention', () => {
    const run = runQuotes('وقال وانغ يي إن العلاقات قوية. وأضاف أن التعاون مستمر.', [wang]);
    const q = run.quotes.find((x) => x.cue.text === 'وأضاف')!;
    expect([q.speaker.implicit, q.speaker.text, run.text.slice(q.speaker.start, q.speaker.end)]).toEqual([true, 'وانغ يي', 'وانغ يي']);
  });
});

describe('honorific pronouns', () => {
  it('سموه refers to the man quoted last (not implicit: named by an honorific)', () => {
    const q = runQuotes('وأكد الشيخ محمد بن زايد أن العلاقات قوية. وأعرب سموه عن تطلعه إلى التعاون.', [{ id: 'mbz', forms: ['محمد بن زايد'] }]).quotes.find((x) => x.cue.text === 'وأعرب');
    expect([q?.speaker.entity, q?.speaker.text, q?.speaker.implicit]).toEqual(['mbz', 'سموه', false]);
  });
});

describe('participles take the governing clause subject', () => {
  it.each([
    // [note, text, entities, cue, expected]
    ['مضيفا after an explicit speaker', 'وقال وانغ إن العلاقات قوية، مضيفا أنها لا تستهدف أحدا.', [wang], 'مضيفا', 'wang'],
    ['مؤكدة (feminine) after a feminine speaker', 'وقالت السعيد إن النمو قوي، مؤكدة أن التضخم يتراجع.', [hala], 'مؤكدة', 'hala'],
    ['قائلا after a weak governing verb', 'ووصف وانغ البريكس بأنها منصة مهمة، قائلا إن الآلية ستلعب دورا حاسما.', [wang], 'قائلا', 'wang'],
    ['participle after a description speaker', 'وقال مصدر طبي إن بين القتلى أطفالا، مضيفا أن المستشفى يعاني نقصا.', [], 'مضيفا', 'مصدر طبي'],
    ['participle in a sentence whose verb is no cue', 'ودعا مدبولي القطاع الخاص إلى الاستثمار، مؤكدا أن الحكومة ستدعمه.', [madbouly], 'مؤكدا', 'madbouly'],
  ])('%s', (_note, text, entities, cue, expected) => {
    const q = runQuotes(text, entities).quotes.map(view).find((x) => x.cue === cue);
    expect(q, 'quote found').toBeDefined();
    expect(q!.speaker ?? q!.text).toBe(expected);
  });
});
