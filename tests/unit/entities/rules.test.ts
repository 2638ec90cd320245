import { describe, expect, it } from 'vitest';
import { mentions } from './helpers.js';
import { readBuiltinSources } from '../../../src/io/lexicon-files.js';
import { Lexicons } from '../../../src/lexicon/lexicons.js';

/**
 * Each rule with positive rows (the span must be found with its type) and negative rows (no
 * mention of that type may overlap the given text). Texts are short news-like sentences.
 */
interface Row {
  note: string;
  text: string;
  type: 'PERSON' | 'LOCATION' | 'ORGANIZATION';
  span: string;
}

const POSITIVE: Row[] = [
  { note: 'title + unknown foreign name (brief example)', text: 'وقال رئيس الاتحاد برند جوتشولك إن الموسم صعب.', type: 'PERSON', span: 'برند جوتشولك' },
  { note: 'title + demonym + unknown name', text: 'أعلن وزير النقل اليمني بدر باسلمة أمس عن خطة جديدة.', type: 'PERSON', span: 'بدر باسلمة' },
  { note: 'female title', text: 'وقالت وزيرة الصحة الفرنسية أنييس بوزين إن الوضع مستقر.', type: 'PERSON', span: 'أنييس بوزين' },
  { note: 'given name + definite surname', text: 'وصرح محمد الطراونة للصحفيين بأن الاجتماع انتهى.', type: 'PERSON', span: 'محمد الطراونة' },
  { note: 'given name + surname (brief example)', text: 'قال غيث الطراونة إن الفريق جاهز.', type: 'PERSON', span: 'غيث الطراونة' },
  { note: 'title + surname in ة after a guarded given name', text: 'أعلن وزير النقل اليمني بدر باسلمة خطة.', type: 'PERSON', span: 'بدر باسلمة' },
  { note: 'compound with عبد and بن', text: 'استقبل عبد الله بن زايد وفدا رسميا.', type: 'PERSON', span: 'عبد الله بن زايد' },
  { note: 'gazetteer person with proclitic و', text: 'والتقى ولافروف نظيره.', type: 'PERSON', span: 'لافروف' },
  { note: 'country with و excludes the clitic', text: 'العلاقات بين الصين وروسيا جيدة.', type: 'LOCATION', span: 'روسيا' },
  { note: 'country after لل keeps the article lam', text: 'زيارة الرئيس للصين كانت ناجحة.', type: 'LOCATION', span: 'للصين' },
  { note: 'a listed organization in ل after لل (the article is left out whole)', text: 'وقدم تقريرا للجنة الأولمبية الدولية.', type: 'ORGANIZATION', span: 'للجنة الأولمبية الدولية' },
  { note: 'city from the curated list', text: 'وصل الوفد إلى قازان صباحا.', type: 'LOCATION', span: 'قازان' },
  { note: 'trigger exclude: محافظة + unknown place', text: 'سقطت أمطار غزيرة في محافظة المفرق أمس.', type: 'LOCATION', span: 'المفرق' },
  { note: 'trigger include with a country adjective', text: 'أصدرت وزارة الخارجية الأمريكية بيانا.', type: 'ORGANIZATION', span: 'وزارة الخارجية الأمريكية' },
  { note: 'a sports role in construct with a team, then an unknown name', text: 'وسجل لاعب برشلونة بيدرو غونزاليس هدفا.', type: 'PERSON', span: 'بيدرو غونزاليس' },
  { note: 'a foreign surname in سي…ا is no future verb', text: 'وقال مدرب ريال مدريد ماركوس سيلفا إن الفريق جاهز.', type: 'PERSON', span: 'ماركوس سيلفا' },
  { note: 'a team title makes the city after it the club', text: 'وقال مدرب برشلونة إن الفريق جاهز.', type: 'ORGANIZATION', span: 'برشلونة' },
  { note: 'a ministry is named by its portfolio', text: 'قالت وزارة الصحة في بيان إن الوضع مستقر.', type: 'ORGANIZATION', span: 'وزارة الصحة' },
  { note: 'a company description made specific by a country', text: 'أعلنت شركة الخطوط الجوية اليمنية استئناف رحلاتها.', type: 'ORGANIZATION', span: 'شركة الخطوط الجوية اليمنية' },
  { note: 'relational title with a pronoun (نظيره)', text: 'والتقى نظيره الأرجنتيني خورخي تايانا.', type: 'PERSON', span: 'خورخي تايانا' },
  { note: 'trigger exclude: company name', text: 'أعلنت شركة أرامكو أرباحها.', type: 'ORGANIZATION', span: 'أرامكو' },
  { note: 'team trigger retypes a city (evidence beats the list)', text: 'فاز فريق برشلونة على منافسه.', type: 'ORGANIZATION', span: 'برشلونة' },
  { note: 'multi-token organization, longest match', text: 'ناقش مجلس الأمن الدولي القرار.', type: 'ORGANIZATION', span: 'مجلس الأمن الدولي' },
  { note: 'nationality adjective before a given name', text: 'سجل الفرنسي لويس ساها هدفا.', type: 'PERSON', span: 'لويس ساها' },
  { note: 'patronymic بن after an unknown given name', text: 'وقاد الجيش معاوية بن أبي سفيان في تلك الحرب.', type: 'PERSON', span: 'معاوية بن أبي سفيان' },
  { note: 'connector chain بن عبد + name', text: 'قاوم محمد بن عبد الكريم الخطابي الاستعمار.', type: 'PERSON', span: 'محمد بن عبد الكريم الخطابي' },
  { note: 'nationality adjective as a family name after a given name', text: 'وصرح فيصل السويدي للصحفيين.', type: 'PERSON', span: 'فيصل السويدي' },
  { note: 'reporting verb + unknown name + complementizer', text: 'وقال هورست كوبل إن الاقتصاد يتعافى.', type: 'PERSON', span: 'هورست كوبل' },
  { note: 'family trigger: the family name follows', text: 'حكمت أسرة مينغ الصين قرونا.', type: 'PERSON', span: 'مينغ' },
  { note: 'a name with ب after a title is the object, found without the clitic', text: 'والتقى الوزير بأحمد حسن في القاهرة.', type: 'PERSON', span: 'أحمد حسن' },
  { note: 'a listed name with ب after a title is the object, not the title\'s person', text: 'والتقى الرئيس بمحمد بن سلمان في الرياض.', type: 'PERSON', span: 'محمد بن سلمان' },
  { note: 'the family name علي before إن (no preposition takes إن)', text: 'وقال أحمد علي إن الوضع صعب.', type: 'PERSON', span: 'أحمد علي' },
  { note: 'the family name علي before a preposition', text: 'التقى الوزير محمد علي في القاهرة.', type: 'PERSON', span: 'محمد علي' },
  { note: 'a foreign name in ـا after a title, with its surname', text: 'وقالت المديرة التنفيذية للبرنامج كاترينا بوتشيلا إن التمويل تراجع.', type: 'PERSON', span: 'كاترينا بوتشيلا' },
  { note: 'a company named in Latin letters ends where the Arabic text resumes', text: 'وقال الرئيس التنفيذي لشركة Apple تيم كوك إن المبيعات ارتفعت.', type: 'ORGANIZATION', span: 'Apple' },
  { note: 'a two-word Latin name after a trigger', text: 'ونشرت صحيفة The Guardian البريطانية تقريرا.', type: 'ORGANIZATION', span: 'The Guardian' },
  { note: 'the Maghreb prime minister\'s title (الوزير الأول) before an unknown name', text: 'صرح الوزير الأول نذير العرباوي بأن الحكومة عازمة.', type: 'PERSON', span: 'نذير العرباوي' },
  { note: 'a secretary of state (كاتب الدولة) with a portfolio before the name', text: 'وقال كاتب الدولة المكلف بالتجارة الخارجية عمر حجيرة إن الصادرات ارتفعت.', type: 'PERSON', span: 'عمر حجيرة' },
];

const NEGATIVE: Row[] = [
  { note: 'guard word أمل (hope) is not a person', text: 'أعرب عن أمل كبير في السلام.', type: 'PERSON', span: 'أمل' },
  { note: 'على (preposition, = علي after normalization) + definite noun', text: 'يتعين على الجانبين التنفيذ الكامل.', type: 'PERSON', span: 'الجانبين' },
  { note: 'a verbal noun after a title is not a name', text: 'وأعلن وزير الصحة تشكيل فرق طبية.', type: 'PERSON', span: 'تشكيل' },
  { note: 'ل + a verbal noun after a title is a purpose phrase, not a name', text: 'يبحث الفريق عن مهاجم لتعزيز خط الهجوم.', type: 'PERSON', span: 'لتعزيز' },
  { note: 'ب + a verbal noun after a title is a manner phrase, not a name', text: 'وأمر الرئيس بتشكيل لجنة تحقيق.', type: 'PERSON', span: 'بتشكيل' },
  { note: 'an adjective after a construct title is not a name', text: 'تعاقد النادي مع لاعب جديد هذا الأسبوع.', type: 'PERSON', span: 'جديد' },
  { note: 'a future verb after a title is not a name', text: 'قال الرئيس سيعلن القرار غدا.', type: 'PERSON', span: 'سيعلن' },
  { note: 'demonyms are not place mentions', text: 'قال المسؤول الصيني إن الجانب الروسي موافق.', type: 'LOCATION', span: 'الصيني' },
  { note: 'a generic council without anything specific is not named', text: 'اجتمع مجلس الوزراء أمس.', type: 'ORGANIZATION', span: 'مجلس' },
  { note: 'company trigger + description is not a name', text: 'تعاقدت شركة كبيرة مع الحكومة.', type: 'ORGANIZATION', span: 'كبيرة' },
  { note: 'guard name جمال (beauty) alone', text: 'أعجب الزوار بجمال الطبيعة.', type: 'PERSON', span: 'الطبيعة' },
  { note: 'على (written with ى) is the preposition, not the name علي', text: 'وافق على محمد الذي عينه الرئيس.', type: 'PERSON', span: 'على' },
  { note: 'an accusative noun after a title is not a name', text: 'حقق المدرب فوزا صعبا.', type: 'PERSON', span: 'فوزا' },
  { note: 'a sector word with a definite noun is not a place', text: 'يعاني قطاع النفط من أزمة.', type: 'LOCATION', span: 'النفط' },
  { note: 'a definite team word refers back, it does not name', text: 'خسر الفريق الأول المباراة.', type: 'ORGANIZATION', span: 'الأول' },
  { note: 'a title does not name the object with ب after it (no "الوزير بأحمد")', text: 'والتقى الوزير بأحمد حسن في القاهرة.', type: 'PERSON', span: 'بأحمد' },
  { note: 'علي before أن is على typed with ي (شدد على أن), not a name', text: 'وأكد الوزير علي أن الحكومة ستواصل دعمها.', type: 'PERSON', span: 'علي' },
  { note: 'an accusative noun alone after a title is the verb\'s object (ألقى الرئيس خطابا)', text: 'وألقى الرئيس خطابا أمام البرلمان.', type: 'PERSON', span: 'خطابا' },
  { note: 'a generated given name that is also a noun (زيارة "visit") before a listed surname is no first name', text: 'وتأتي زيارة لافروف إلى القاهرة في إطار جولة.', type: 'PERSON', span: 'زيارة' },
  { note: 'the same for رحيل ("departure")', text: 'وأعلن رحيل لافروف عن منصبه.', type: 'PERSON', span: 'رحيل' },
  { note: 'شؤون (affairs) after a minister\'s title is the portfolio, not a name', text: 'وقال وزير شؤون مجلس الوزراء إن الخطة جاهزة.', type: 'PERSON', span: 'شؤون' },
];

const overlaps = (text: string, hay: string, needle: string) => hay.includes(needle) && text.length > 0;

describe('entity rules: positive', () => {
  it.each(POSITIVE)('$note', ({ text, type, span }) => {
    const found = mentions(text);
    expect(found.some((m) => m.type === type && m.text === span), JSON.stringify(found.map((m) => [m.type, m.text]))).toBe(true);
  });
});

describe('entity rules: negative', () => {
  it.each(NEGATIVE)('$note', ({ text, type, span }) => {
    const found = mentions(text);
    expect(found.filter((m) => m.type === type && overlaps(text, m.text, span)).map((m) => m.text)).toEqual([]);
  });
});

describe('roles, gender and coreference', () => {
  it('gives the person the title phrase as role', () => {
    const wang = mentions('التقى وزير الخارجية الصيني وانغ يي نظيره.').find((m) => m.type === 'PERSON');
    expect(wang?.entity.role).toBe('وزير الخارجية الصيني');
  });
  it('takes gender from a feminine title when the name is unknown', () => {
    const p = mentions('وقالت وزيرة الصحة الفرنسية أنييس بوزين إن الوضع مستقر.').find((m) => m.type === 'PERSON');
    expect(p?.entity.gender).toBe('f');
  });
  it('links a short form that comes before the full name (headline)', () => {
    const found = mentions('جوتشولك يرد على منتقديه\n\nوقال رئيس الاتحاد برند جوتشولك إن الموسم صعب.');
    const persons = found.filter((m) => m.type === 'PERSON');
    expect(persons.map((m) => m.text)).toEqual(['جوتشولك', 'برند جوتشولك']);
    expect(new Set(persons.map((m) => m.entity.id)).size).toBe(1);
  });
  it('links a spelling variant of a surname (Jaro-Winkler)', () => {
    const found = mentions('وقال رئيس الاتحاد برند جوتشولك إن الموسم صعب. وأضاف جوتشولكك أن الفريق جاهز.');
    expect(found.filter((m) => m.type === 'PERSON').length).toBe(2);
  });
  it('does not link a common noun that also occurs with the article', () => {
    const found = mentions('وقال محمد برنامج إن البرنامج جيد. ويشمل برنامج العمل خطة.');
    expect(found.filter((m) => m.via === 'coref').map((m) => m.text)).toEqual([]);
  });
  it('links an acronym in parentheses and its later uses to the organization', () => {
    const found = mentions('أعلن المجلس الاقتصادي لدول الساحل الأفريقي (سيداو) أن سيداو سيجتمع قريبا.');
    const org = found.filter((m) => m.type === 'ORGANIZATION');
    expect(org.map((m) => m.text)).toEqual(['المجلس الاقتصادي لدول الساحل الأفريقي', 'سيداو', 'سيداو']);
    expect(new Set(org.map((m) => m.entity.id)).size).toBe(1);
  });
  it('links a rule-found name to the known acronym after it in parentheses (one entity, the lexicon id)', () => {
    // an agency's full name the lexicon lacks, then its acronym the lexicon knows
    const found = mentions('وقالت هيئة الأنباء السعودية (واس) إن الاجتماع انتهى.');
    const org = found.filter((m) => m.type === 'ORGANIZATION');
    expect(org.map((m) => m.text)).toEqual(['هيئة الأنباء السعودية', 'واس']);
    expect(org.map((m) => m.entity.id)).toEqual(['org:spa', 'org:spa']);
    expect(org[0].entity.name).toBe('واس');
  });
  it('keeps a lexicon name before parentheses apart from the agency in a dateline', () => {
    // United Nations headquarters dateline: the place-like body and the news agency are two entities
    const found = mentions('الأمم المتحدة (رويترز) - قال الأمين العام إن المفاوضات مستمرة.');
    expect(found.filter((m) => m.type === 'ORGANIZATION').map((m) => m.entity.id)).toEqual(['org:un', 'org:reuters']);
  });
  it('names a person by the lexicon even when a headline used the surname first', () => {
    // headline with the surname alone, then the full name in the body
    const found = mentions('عباس يلتقي بلينكن\n\nالتقى الرئيس الفلسطيني محمود عباس وزير الخارجية الأمريكي.');
    const abbas = found.filter((m) => m.entity.id === 'person:mahmoud-abbas');
    expect(abbas.map((m) => m.text)).toEqual(['عباس', 'محمود عباس']);
    expect(abbas[0].entity.name).toBe('محمود عباس');
  });
  it('a club shown by a team title is the club in its other plain mentions, in one entity', () => {
    // coach of Barcelona, then Barcelona as the loser of a match: one club
    const found = mentions('فاز ريال مدريد على برشلونة أمس. وقال مدرب برشلونة إن الفريق سيعود.');
    const barca = found.filter((m) => m.text === 'برشلونة');
    expect(barca.map((m) => m.type)).toEqual(['ORGANIZATION', 'ORGANIZATION']);
    expect(new Set(barca.map((m) => m.entity.id)).size).toBe(1);
  });
  it('a newspaper named after a city leaves the city alone elsewhere', () => {
    // Al-Riyadh newspaper reported that … in Riyadh
    const found = mentions('وذكرت صحيفة الرياض أن الاجتماع عقد في الرياض أمس.');
    expect(found.filter((m) => m.text === 'الرياض').map((m) => m.type)).toEqual(['ORGANIZATION', 'LOCATION']);
  });
  it('a listed name right after a reporting verb takes its lexicon entry, not a rule-made one (user lexicon)', () => {
    const lex = new Lexicons([...readBuiltinSources(), { name: 'person.user.tsv', text: 'id\trel\tform\tname_en\tgender\trole\nperson:zaidun\tname\tزيدون عمرانوف\tZaidun Imranov\tm\t\n' }]);
    const found = mentions('قال زيدون عمرانوف إن الاجتماع انتهى. والتقى زيدون عمرانوف بالوزير.', lex);
    expect(found.map((m) => m.entity.id)).toEqual(['person:zaidun', 'person:zaidun']);
  });

  it.each([
    // [note, text, entity name]
    ['a rule-found name after لل is named with the article put back (للمرصد → المرصد)', 'وقال مصدر للمرصد السوري لحقوق الإنسان إن القصف مستمر.', 'المرصد السوري لحقوق الإنسان'],
    ['the same for a country-specific bank', 'وأرسل رسالة للبنك المركزي التونسي.', 'البنك المركزي التونسي'],
    ['a name without a clitic keeps its text', 'وأصدرت وزارة الخارجية الأمريكية بيانا.', 'وزارة الخارجية الأمريكية'],
  ])('%s', (_note, text, name) => {
    const found = mentions(text).filter((m) => m.type === 'ORGANIZATION');
    expect(found.map((m) => m.entity.name)).toEqual([name]);
  });

  it('a rule-found name after لل and without it is one entity', () => {
    const found = mentions('وقال مدير للمرصد السوري لحقوق الإنسان إن الوضع صعب. وأضاف المرصد السوري لحقوق الإنسان أن القصف مستمر.');
    const ids = new Set(found.filter((m) => m.type === 'ORGANIZATION').map((m) => m.entity.id));
    expect(ids.size).toBe(1);
  });

  it('countries and organizations are grammatically feminine', () => {
    const found = mentions('قالت الصين ومجلس الأمن الدولي شيئا.');
    expect(found.map((m) => m.entity.gender)).toEqual(['f', 'f']);
  });
  it('finds nothing in boilerplate', () => {
    const text = 'زار لافروف الصين.\n\nبيان الخصوصية وسياسة ملفات تعريف الارتباط في روسيا';
    expect(mentions(text).map((m) => m.text)).toEqual(['لافروف', 'الصين']);
  });
});
