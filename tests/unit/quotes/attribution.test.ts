import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

const moh: EntitySpec = { id: 'moh', type: 'ORGANIZATION', gender: 'f', forms: ['وزارة الصحة'] };
const un: EntitySpec = { id: 'un', type: 'ORGANIZATION', gender: 'f', forms: ['للأمم المتحدة', 'الأمم المتحدة'] };
const jumana: EntitySpec = { id: 'jumana', gender: 'f', forms: ['جمانة الغلاي'] };

describe('attribution phrases', () => {
  it.each([
    // [note, text, entities, cue text, speaker entity or text, content]
    ['بحسب + organization at the head of the sentence', 'وبحسب وزارة الصحة، فإن عدد الإصابات ارتفع.', [moh], 'وبحسب', 'moh', 'عدد الإصابات ارتفع'],
    ['بحسب + organization + its place, then ، فإن: the clause starts after فإن', 'وبحسب وزارة الصحة في غزة، فإن عدد الضحايا ارتفع.', [moh], 'وبحسب', 'moh', 'عدد الضحايا ارتفع'],
    ['no فإن after the comma: the words after the source are the content', 'وبحسب وزارة الصحة، ارتفع عدد الضحايا إلى عشرين.', [moh], 'وبحسب', 'moh', 'ارتفع عدد الضحايا إلى عشرين'],
    ['وفقا لـ with the particle attached to the source', 'ووفقا للأمم المتحدة، نزح أكثر من مليون شخص.', [un], 'ووفقا', 'un', 'نزح أكثر من مليون شخص'],
    ['وفقا لـ + anonymous sources', 'ووفقا لمصادر طبية، قتل عشرة مدنيين.', [], 'ووفقا', 'مصادر طبية', 'قتل عشرة مدنيين'],
    ['بحسب ما + verb at the end of the sentence', 'قتل عشرة مدنيين في القصف، بحسب ما أفادت مصادر طبية.', [], 'بحسب ما أفادت', 'مصادر طبية', 'قتل عشرة مدنيين في القصف'],
    ['بحسب + a source in no lexicon closing the sentence', 'ويعاني البلد من أزمة حادة، بحسب منظمة أطباء العالم.', [], 'بحسب', 'منظمة أطباء العالم', 'ويعاني البلد من أزمة حادة'],
    ['a medium relaying a source: the source speaks', 'وقتل خمسة أشخاص في الهجوم، حسب ما نقلت وكالة رويترز عن مصدر أمني.', [], 'حسب ما نقلت', 'مصدر أمني', 'وقتل خمسة أشخاص في الهجوم'],
    ['mid-sentence attribution before a فإن clause covers what follows', 'قتل خمسة أشخاص، وبحسب وزارة الصحة فإن عدد الجرحى بلغ عشرين.', [moh], 'وبحسب', 'moh', 'عدد الجرحى بلغ عشرين'],
    ['على حد تعبير after the content, which keeps its closing quote mark', 'الوضع "صعب للغاية"، على حد تعبير الوزير.', [], 'على حد تعبير', 'الوزير', 'الوضع "صعب للغاية"'],
    ['نقلا عن + description', 'ارتفع عدد القتلى إلى عشرين، نقلا عن مسؤول محلي.', [], 'نقلا عن', 'مسؤول محلي', 'ارتفع عدد القتلى إلى عشرين'],
    ['ووفقا للمصادر: the sources described before (the article behind ل)', 'وقالت مصادر دبلوماسية إن الزيارة ناجحة. ووفقا للمصادر، فإن الجانبين ناقشا ملف غزة.', [], 'ووفقا', 'مصادر دبلوماسية', 'الجانبين ناقشا ملف غزة'],
  ])('%s', (_note, text, entities, cue, expected, content) => {
    const q = runQuotes(text, entities).quotes.find((x) => x.cue.text === cue);
    expect(q, 'quote found').toBeDefined();
    expect(q!.speaker.entity ?? q!.speaker.text).toBe(expected);
    expect(q!.content.text).toBe(content);
  });

  it.each([
    // [note, text, cue, speaker]
    ['نقلت … عن X أن: the relayed source speaks', 'ونقلت صحيفة الشرق الأوسط عن مصادر مطلعة أن الاجتماع تأجل.', 'ونقلت', 'مصادر مطلعة'],
    ['with قوله the verbal noun makes the quote, once', 'ونقلت وكالة الأنباء عن مصدر قوله إن الوفد وصل.', 'قوله', 'مصدر'],
  ])('relay verbs: %s', (_note, text, cue, speaker) => {
    const quotes = runQuotes(text).quotes;
    expect(quotes.map((q) => [q.cue.text, q.speaker.text])).toEqual([[cue, speaker]]);
  });

  it('نقلت … عن X قولها إن: the speaker stands between عن and the verbal noun', () => {
    const q = runQuotes('ونقلت الوكالة عن المتحدثة باسم المفوضية جمانة الغلاي قولها إن عدد الناخبين بلغ 21 مليونا.', [jumana]).quotes.find((x) => x.cue.text === 'قولها');
    expect(q?.speaker.entity).toBe('jumana');
  });

  it.each([
    // [note, text, entities, cue, expected speaker entity or text]
    ['على حد قوله: "as he put it" takes the latest masculine speaker', 'وقال لافروف إن الغرب يسعى إلى التصعيد. والعقوبات "لن تجدي نفعا"، على حد قوله.', [{ id: 'lavrov', forms: ['لافروف'] }], 'على حد قوله', 'lavrov'],
    ['على حد تعبيرها: a feminine pronoun skips a later masculine speaker', 'وقالت زاخاروفا إن موسكو سترد. وقال لافروف إن الحوار ممكن. والرد سيكون "حاسما"، على حد تعبيرها.', [{ id: 'zakharova', gender: 'f', forms: ['زاخاروفا'] }, { id: 'lavrov', forms: ['لافروف'] }], 'على حد تعبيرها', 'zakharova'],
  ] as [string, string, EntitySpec[], string, string][])('pronoun source: %s', (_note, text, entities, cue, expected) => {
    const q = runQuotes(text, entities).quotes.find((x) => x.cue.text === cue);
    expect(q, 'quote found').toBeDefined();
    expect(q!.speaker.implicit).toBe(true);
    expect(q!.speaker.entity ?? q!.speaker.text).toBe(expected);
    // the phrase vouches for the wording of the quotation right before it
    expect(q!.content.text).toBe(/"([^"]+)"، على حد/.exec(text)![1]);
    expect(q!.kind).toBe('direct');
  });

  it('على حد قوله after a clause: the clause, unless a quote found already holds it', () => {
    const lavrov = { id: 'lavrov', forms: ['لافروف'] };
    const clause = runQuotes('وقال لافروف إن الغرب يسعى إلى التصعيد. والعقوبات لن تجدي نفعا، على حد قوله.', [lavrov]).quotes;
    expect(clause.map((q) => [q.cue.text, q.speaker.entity, q.content.text])).toEqual([
      ['وقال', 'lavrov', 'الغرب يسعى إلى التصعيد'],
      ['على حد قوله', 'lavrov', 'والعقوبات لن تجدي نفعا'],
    ]);
    // the same wording inside the verb's own content is not quoted twice
    const nested = runQuotes('ورد لافروف بأن الحكومة تدرس خطة لكنها "لا تملك عصا سحرية"، على حد قوله.', [lavrov]).quotes;
    expect(nested.map((q) => q.cue.text)).toEqual(['ورد']);
  });
});
