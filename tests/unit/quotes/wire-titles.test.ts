import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * Agency copy (MAP, QNA, KUNA, SPA …) writes long titles: before the name, running past the
 * description into an apposition (وزير … والمغاربة المقيمين بالخارج، السيد ناصر بوريطة، …), and
 * after the name, before the verb's particle (الشيخ محمد … رئيس مجلس الوزراء وزير الخارجية عن …).
 * Both belong to the speaker, not to the content.
 */
const bourita: EntitySpec = { id: 'bourita', forms: ['ناصر بوريطة'] };
const pm: EntitySpec = { id: 'qatar-pm', forms: ['محمد بن عبدالرحمن آل ثاني'] };
const ansari: EntitySpec = { id: 'ansari', forms: ['ماجد الأنصاري'] };
const qatar: EntitySpec = { id: 'qatar', type: 'LOCATION', forms: ['قطر'] };

describe('long agency titles', () => {
  it('a title running past its description into an apposition: the person named between commas', () => {
    const text = 'أكد وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، السيد ناصر بوريطة، اليوم الخميس، أن المملكة ملتزمة بدعم الاستقرار.';
    const { quotes } = runQuotes(text, [bourita]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.entity).toBe('bourita');
    expect(quotes[0].speaker.role).toBe('وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج');
    expect(quotes[0].content.text).toBe('المملكة ملتزمة بدعم الاستقرار');
  });

  it.each([
    // [note, text, entities, speaker, content]
    ['a title after the name, before the verb\'s particle (أعرب … عن)', 'أعرب الشيخ محمد بن عبدالرحمن آل ثاني رئيس مجلس الوزراء وزير الخارجية عن ترحيب دولة قطر بالاتفاق.', [pm, qatar], 'qatar-pm', 'ترحيب دولة قطر بالاتفاق'],
    ['a title after the name, before the verb\'s particle (شدد … على)', 'وشدد ماجد الأنصاري المتحدث الرسمي باسم وزارة الخارجية على أهمية الحوار.', [ansari], 'ansari', 'أهمية الحوار'],
    ['no particle or complementizer after it: the noun phrase after the name is the content', 'وأكد ماجد الأنصاري دعم قطر للمبادرة.', [ansari, qatar], 'ansari', 'دعم قطر للمبادرة'],
    ['a plural person noun after the name is the object, not a title (دعا … المواطنين إلى)', 'ودعا ماجد الأنصاري المواطنين إلى المشاركة الواسعة.', [ansari], 'ansari', 'المواطنين إلى المشاركة الواسعة'],
  ] as [string, string, EntitySpec[], string, string][])('%s', (_note, text, entities, speaker, content) => {
    const { quotes } = runQuotes(text, entities);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.entity).toBe(speaker);
    expect(quotes[0].content.text).toBe(content);
  });
});

describe('a name in no lexicon closed by the title after it', () => {
  it.each([
    // [note, text, speaker text, content]
    ['a definite title, then a clause (وقالت … المديرة العامة … إن)', 'وقالت كريستالينا جورجيفا المديرة العامة للصندوق في كلمة أمام القمة إن المنطقة تواجه تحديات.', 'كريستالينا جورجيفا', 'المنطقة تواجه تحديات'],
    ['a title before the verb\'s particle (وأعربت … عن)', 'وأعربت كريستالينا جورجيفا المديرة العامة للصندوق عن قلقها من تباطؤ النمو.', 'كريستالينا جورجيفا', 'قلقها من تباطؤ النمو'],
    ['an indefinite title in construct (… مديرة الصندوق إن)', 'وقالت كريستالينا جورجيفا مديرة الصندوق إن النمو يتباطأ.', 'كريستالينا جورجيفا', 'النمو يتباطأ'],
  ])('%s', (_note, text, speaker, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.text).toBe(speaker);
    expect(quotes[0].speaker.implicit).toBe(false);
    expect(quotes[0].content.text).toBe(content);
  });
});

describe('an honorific before a title is the person last quoted', () => {
  const attiyah: EntitySpec = { id: 'attiyah', forms: ['عبدالله العطية'] };
  const minister: EntitySpec = { id: 'minister', gender: 'f', forms: ['مريم المهيري'] };
  it.each([
    // [note, text, entities, speaker]
    ['سعادة + title, not a name in no lexicon', 'وقال رئيس مجلس الإدارة عبدالله العطية إن الأرباح ارتفعت. وأكد سعادة رئيس مجلس الإدارة أن المرحلة مهمة.', [attiyah], 'attiyah'],
    ['معالي + a feminine title: the verb\'s gender picks the minister', 'وقالت الوزيرة مريم المهيري إن الخطة جاهزة. وأكدت معالي الوزيرة أن التنفيذ بدأ.', [minister], 'minister'],
  ] as [string, string, EntitySpec[], string][])('%s', (_note, text, entities, speaker) => {
    const { quotes } = runQuotes(text, entities);
    expect(quotes[1].speaker.entity).toBe(speaker);
  });
});

describe('person titles of speaker-noun.tsv', () => {
  it.each([
    // [note, text, speaker text]
    ['the monarch (العاهل) before قد', 'وكان العاهل الأردني قد أكد خلال لقائه وفدا من الكونغرس أن الأردن سيواصل دوره.', 'العاهل الأردني'],
    ['a governor in a headline label', 'محافظ الجيزة: غلق 12 منشأة مخالفة', 'محافظ الجيزة'],
    ['an adviser after the verb', 'وقال مستشار الرئيس إن المفاوضات مستمرة.', 'مستشار الرئيس'],
  ])('%s', (_note, text, speaker) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.text).toBe(speaker);
  });
});
