import { describe, expect, it } from 'vitest';
import { runQuotes, view, type EntitySpec } from './helpers.js';

const lavrov: EntitySpec = { id: 'lavrov', forms: ['سيرجي لافروف', 'لافروف'] };
const mfa: EntitySpec = { id: 'mfa', type: 'ORGANIZATION', gender: 'f', forms: ['وزارة الخارجية'] };
const moh: EntitySpec = { id: 'moh', type: 'ORGANIZATION', gender: 'f', forms: ['وزارة الصحة الأردنية'] };
const saudi: EntitySpec = { id: 'saudi', type: 'LOCATION', gender: 'f', forms: ['السعودية'] };
const yemen: EntitySpec = { id: 'yemen', type: 'LOCATION', gender: 'f', forms: ['اليمن'] };
const khodr: EntitySpec = { id: 'khodr', gender: 'f', forms: ['أديل خضر'] };
const basalama: EntitySpec = { id: 'basalama', forms: ['بدر باسلمة', 'باسلمة'] };

describe('explicit speakers', () => {
  it.each([
    // [note, text, entities, cue, speaker entity, speaker text]
    ['a name right after the verb', 'وقال لافروف إن موسكو مستعدة.', [lavrov], 'وقال', 'lavrov', 'لافروف'],
    ['title + name: the name is the speaker', 'وقال وزير الخارجية الروسي سيرجي لافروف إن موسكو مستعدة.', [lavrov], 'وقال', 'lavrov', 'سيرجي لافروف'],
    ['a spokesperson description with an organization inside', 'وقال المتحدث باسم وزارة الخارجية إن الزيارة تأجلت.', [mfa], 'وقال', null, 'المتحدث باسم وزارة الخارجية'],
    ['an anonymous source', 'وقال مصدر مسؤول إن الاجتماع انتهى.', [], 'وقال', null, 'مصدر مسؤول'],
    ['anonymous sources with بأن', 'وأفادت مصادر مطلعة بأن القصف توقف.', [], 'وأفادت', null, 'مصادر مطلعة'],
    ['a country as speaker (feminine verb)', 'وأعلنت السعودية أنها ستمدد الخفض.', [saudi], 'وأعلنت', 'saudi', 'السعودية'],
    ['الوزارة refers back to the ministry named before', 'أعلنت وزارة الصحة الأردنية تسجيل إصابة. وقالت الوزارة في بيان إن الحالة مستقرة.', [moh], 'وقالت', 'moh', 'الوزارة'],
    ['a title with a place phrase before the name', 'وقالت ممثلتها في اليمن أديل خضر إن القرار مهم.', [yemen, khodr], 'وقالت', 'khodr', 'أديل خضر'],
    ['an unknown title + name found by the entity stage', 'وقال وزير النقل اليمني بدر باسلمة إن الرحلات ستستأنف.', [basalama], 'وقال', 'basalama', 'بدر باسلمة'],
    ['a name in no lexicon before إن', 'وقال كولر إن فريقه جاهز.', [], 'وقال', null, 'كولر'],
    ['SVO after كان … قد', 'وكان لافروف قد قال إن الحوار ضروري.', [lavrov], 'قال', 'lavrov', 'لافروف'],
    ['SVO with a spokesperson of an organization', 'والمتحدثة باسم البيت الأبيض أكدت أن واشنطن لم تتلق أي طلب.', [{ id: 'wh', type: 'ORGANIZATION', forms: ['البيت الأبيض'] }], 'أكدت', null, 'المتحدثة باسم البيت الأبيض'],
    ['SVO with a title and a name', 'الرئيس الفرنسي إيمانويل ماكرون قال إن أوروبا يجب أن تستعد.', [{ id: 'macron', forms: ['إيمانويل ماكرون'] }], 'قال', 'macron', 'إيمانويل ماكرون'],
    ['SVO with an anonymous source after أن', 'غير أن مصدرا عسكريا قال لوكالة رويترز إن الجيش يرد فقط.', [], 'قال', null, 'مصدرا عسكريا'],
    ['a definite subject in no lexicon before في بيان … أن', 'وأوضح الدفاع المدني في بيان أن عناصره أنقذوا أربعين شخصا.', [], 'وأوضح', null, 'الدفاع المدني'],
    ['a name in no lexicon after a demonym, closed by a comma', 'أكد السويسري مارسيل كولر، مدرب الفريق، أن اللاعبين جاهزون.', [], 'أكد', null, 'السويسري مارسيل كولر'],
    ['a quantifier heads the description (جميع شركات الطيران)', 'وأعلنت جميع شركات الطيران العاملة في المطار أنها ستسير رحلات إضافية.', [], 'وأعلنت', null, 'جميع شركات الطيران العاملة'],
    ['a magazine named by an organization mention', 'وقالت مجلة نيوزويك عن الفيلم إنه الأفضل.', [{ id: 'newsweek', type: 'ORGANIZATION', forms: ['نيوزويك'] }], 'وقالت', 'newsweek', 'نيوزويك'],
    ['a name in no lexicon after a definite title', 'وأعلن المتحدث العسكري العميد زيدون قرطومي في بيان متلفز أن القوات استهدفت سفينة.', [], 'وأعلن', null, 'المتحدث العسكري العميد زيدون قرطومي'],
    ['a definite subject stops before the object', 'ونفى المتهم أي علاقة بالشركات المذكورة في القضية.', [], 'ونفى', null, 'المتهم'],
    ['the given name علي (not على) after a title', 'وقال وزير الداخلية التركي علي يرلي كايا للصحفيين إن فرق الإنقاذ تعمل.', [], 'وقال', null, 'وزير الداخلية التركي علي يرلي كايا'],
    ['an institution with an abbreviation in brackets, noun-phrase complement', 'أعلنت إدارة الكوارث والطوارئ التركية (آفاد) ارتفاع عدد القتلى.', [], 'أعلنت', null, 'إدارة الكوارث والطوارئ التركية'],
    ['a title, a place phrase and a name in no lexicon', 'وقال المسؤول في نقابة سيبتو جون كينغ: «نطالب بالشفافية».', [], 'وقال', null, 'المسؤول في نقابة سيبتو جون كينغ'],
    ['a title with a possessive (ممثلتها) before a place and a name', 'وقالت ممثلتها في اليمن أديل خضر إن القرار مهم.', [yemen], 'وقالت', null, 'ممثلتها في اليمن أديل خضر'],
    ['the topic of أما … فـ is the subject', 'أما وزير الدولة كيم هاولز فوصف الهجوم بأنه عشوائي.', [{ id: 'howells', forms: ['كيم هاولز'] }], 'فوصف', 'howells', 'كيم هاولز'],
    ['the topic of أما … فـ across an apposition', 'أما سلمى، وهي موظفة في مصرف، فتقول إن الأزمة أجبرتها على ترك سيارتها.', [], 'فتقول', null, 'سلمى'],
    ['a long title with a لـ genitive, then a name in no lexicon', 'وقال الأمين التنفيذي لاتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ سايمون ستيل إن الوقت ينفد.', [], 'وقال', null, 'الأمين التنفيذي لاتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ سايمون ستيل'],
    ['a plural institution noun (منظمات) heads a description', 'وقالت منظمات بيئية إن التمويل غير كاف.', [], 'وقالت', null, 'منظمات بيئية'],
    ['a title with إلى + place before a name', 'قالت المبعوثة الأممية إلى ليبيا هانا تيتيه إن البلاد لا تحتمل التأجيل.', [{ id: 'libya', type: 'LOCATION', gender: 'f', forms: ['ليبيا'] }], 'قالت', null, 'المبعوثة الأممية إلى ليبيا هانا تيتيه'],
    ['the verb particle إلى is no title place (وأشار الوزير إلى أن …، مؤكدا …)', 'وأشار الوزير إلى أن أسعار التذاكر لن ترتفع، مؤكدا أن الحكومة ستدعم الرحلات.', [], 'وأشار', null, 'الوزير'],
    ['a name with a definite family name after a title and a place', 'وترى الباحثة في معهد تشاتام هاوس لينا الخطيب أن الأطراف تختبر النوايا.', [], 'وترى', null, 'الباحثة في معهد تشاتام هاوس لينا الخطيب'],
    ['an object with a definite noun before a comma is no name', 'وأكد الوزير دعم الحكومة، مشيرا إلى أن الخطة جاهزة.', [], 'وأكد', null, 'الوزير'],
    ['an organization named in brackets after its description', 'وأوضحت الهيئة العامة للمنشآت الصغيرة والمتوسطة (منشآت) أن الاستثمار تضاعف.', [{ id: 'monshaat', type: 'ORGANIZATION', forms: ['منشآت'] }], 'وأوضحت', 'monshaat', 'الهيئة العامة للمنشآت الصغيرة والمتوسطة'],
    ['a coordinated title before a name in no lexicon', 'وقال رئيس الشركة وكبير إدارييها التنفيذيين أمين الناصر إن النتائج قوية.', [], 'وقال', null, 'رئيس الشركة وكبير إدارييها التنفيذيين أمين الناصر'],
    ['a description stops before the object (شركة … | إغلاق)', 'أعلنت شركة تابي للتقنية المالية إغلاق جولة تمويل، في واحدة من أكبر الصفقات.', [], 'أعلنت', null, 'شركة تابي للتقنية المالية'],
    ['a statement issued by an organization', 'وأفاد بيان صادر عن الرئاسة بأن الاجتماع تأجل.', [], 'وأفاد', null, 'بيان صادر عن الرئاسة'],
  ])('%s', (_note, text, entities, cue, entity, speakerText) => {
    const q = runQuotes(text, entities).quotes.map(view).find((x) => x.cue === cue);
    expect(q, 'quote found').toBeDefined();
    expect([q!.speaker, q!.text, q!.implicit]).toEqual([entity, speakerText, false]);
  });

  it.each([
    // [note, text, cue, speaker entity, speaker span text]
    ['الوزيرة refers to the minister named with that title', 'وقالت وزيرة التخطيط هالة السعيد إن النمو قوي. وقال مدبولي إن الطروحات مستمرة. وقالت الوزيرة إن التضخم يتراجع.', 'وقالت', 'hala', 'الوزيرة'],
    ['المدرب السويسري refers to «السويسري مارسيل كولر»', 'أكد السويسري مارسيل كولر، مدرب الفريق، أن اللاعبين جاهزون. وأضاف المدرب السويسري أن الإصابات قليلة.', 'وأضاف', null, 'السويسري مارسيل كولر'],
    ['a title alone names the person who carried it before', 'وقال وزير الخارجية سامح شكري إن الحوار مستمر. وقالت الوزيرة هالة السعيد إن النمو قوي. وأكد وزير الخارجية أن القمة ناجحة.', 'وأكد', 'shoukry', 'وزير الخارجية'],
    ['المتهم is not the lawyer quoted before', 'وقال محامي الدفاع عبد الله الكندري إن موكله بريء. ونفى المتهم أي علاقة بالشركات.', 'ونفى', null, 'المتهم'],
  ])('a definite person noun refers back only with evidence: %s', (_note, text, cue, entity, speakerText) => {
    const entities = [{ id: 'hala', gender: 'f' as const, forms: ['هالة السعيد'] }, { id: 'madbouly', forms: ['مدبولي'] }, { id: 'kandari', forms: ['عبد الله الكندري'] }, { id: 'shoukry', forms: ['سامح شكري'] }];
    const run = runQuotes(text, entities);
    const q = run.quotes.filter((x) => x.cue.text === cue).pop()!;
    expect([q.speaker.entity, run.text.slice(q.speaker.start, q.speaker.end)]).toEqual([entity, speakerText]);
  });

  it('a definite source noun names the source as first described (وأضاف المصدر)', () => {
    const run = runQuotes('وقال مصدر أمني إن الهجوم فشل. وأضاف المصدر أن التحقيق مستمر.');
    const q = run.quotes.find((x) => x.cue.text === 'وأضاف')!;
    expect([q.speaker.text, q.speaker.implicit, run.text.slice(q.speaker.start, q.speaker.end)]).toEqual(['مصدر أمني', false, 'مصدر أمني']);
  });

  it.each([
    // [note, text, speaker, content]
    ['a headline label with a colon and no quote marks', 'لافروف: الغرب يسعى إلى إطالة الحرب\n\nموسكو، 3 مايو - قال لافروف إن الحوار ممكن.', 'lavrov', 'الغرب يسعى إلى إطالة الحرب'],
  ])('%s', (_note, text, speaker, content) => {
    const q = runQuotes(text, [lavrov]).quotes.find((x) => x.cue.text === ':');
    expect([q?.speaker.entity, q?.content.text]).toEqual([speaker, content]);
  });

  it('a colon without quote marks in the body is no quote (a label, not speech)', () => {
    const run = runQuotes('وكان جدول الأعمال كما يلي: الاقتصاد والطاقة.', [lavrov]);
    expect(run.quotes).toEqual([]);
  });

  it('the title between the cue and the name becomes the role', () => {
    const q = runQuotes('وقال وزير الخارجية الروسي سيرجي لافروف إن موسكو مستعدة.', [lavrov]).quotes[0];
    expect(q.speaker.role).toBe('وزير الخارجية الروسي');
  });

  it('the speaker span points at the name in the original text', () => {
    const run = runQuotes('وقال وزير الخارجية الروسي سيرجي لافروف إن موسكو مستعدة.', [lavrov]);
    const s = run.quotes[0].speaker;
    expect(run.text.slice(s.start, s.end)).toBe('سيرجي لافروف');
  });
});
