import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';
import { summarizeSpeakers } from '../../../src/stages/quotes.js';

/**
 * Coordinated speakers: entities joined to the subject by و speak too (`co_speakers`), and stay
 * out of the content; a participle, a second role of the same person or an entity of another
 * kind does not.
 */
const lavrov: EntitySpec = { id: 'lavrov', forms: ['سيرغي لافروف', 'لافروف'] };
const wang: EntitySpec = { id: 'wang', forms: ['وانغ يي'] };
const putin: EntitySpec = { id: 'putin', forms: ['بوتين'] };
const egypt: EntitySpec = { id: 'egypt', type: 'LOCATION', forms: ['مصر'] };
const qatar: EntitySpec = { id: 'qatar', type: 'LOCATION', forms: ['قطر'] };
const us: EntitySpec = { id: 'us', type: 'LOCATION', forms: ['الولايات المتحدة'] };
const un: EntitySpec = { id: 'un', type: 'ORGANIZATION', forms: ['الأمم المتحدة'] };
const trump: EntitySpec = { id: 'trump', forms: ['ترامب'] };
const mahieddin: EntitySpec = { id: 'mahieddin', forms: ['محمود محيي الدين'] };
const sarf: EntitySpec = { id: 'sarf', forms: ['صرف'] };

describe('coordinated speakers', () => {
  it.each([
    // [note, text, entities, speaker, co-speakers, content]
    ['two names joined by و', 'وقال لافروف ووانغ يي إن الحوار مستمر.', [lavrov, wang], 'lavrov', ['wang'], 'الحوار مستمر'],
    ['the second behind a relational title and a nationality adjective',
      'قال وزير الخارجية الروسي سيرغي لافروف ونظيره الصيني وانغ يي في بيان مشترك إن البلدين يرفضان العقوبات.', [lavrov, wang], 'lavrov', ['wang'], 'البلدين يرفضان العقوبات'],
    ['a list of countries and an organization', 'وأعلنت مصر وقطر والولايات المتحدة والأمم المتحدة في بيان مشترك أن المفاوضات ستستأنف.', [egypt, qatar, us, un], 'egypt', ['qatar', 'us', 'un'], 'المفاوضات ستستأنف'],
    ['a comma before و keeps the list going', 'وأعلنت مصر، وقطر في بيان أن الهدنة صامدة.', [egypt, qatar], 'egypt', ['qatar'], 'الهدنة صامدة'],
    ['كل من ("each of") before the list', 'وقال كل من لافروف ووانغ يي إن الحوار مستمر.', [lavrov, wang], 'lavrov', ['wang'], 'الحوار مستمر'],
    ['a person is not coordinated with a country', 'وقال لافروف ومصر إن الحوار مستمر.', [lavrov, egypt], 'lavrov', [], 'الحوار مستمر'],
    ['a participle after و is no subject (واصفا)', 'وقال ترامب واصفا بوتين بأنه "رجل قوي".', [trump, putin], 'trump', [], 'رجل قوي'],
    ['a long و-title is a second role of the same person, not a new subject',
      'وأعلن محمود محيي الدين وزير الاستثمار ورئيس المجلس الأعلى للتأمين صرف خمسة آلاف جنيه.', [mahieddin, sarf], 'mahieddin', [], null],
    ['the same entity again is not a co-speaker', 'وقال لافروف ولافروف إن الحوار مستمر.', [lavrov], 'lavrov', [], 'الحوار مستمر'],
  ] as [string, string, EntitySpec[], string, string[], string | null][])('%s', (_note, text, entities, speaker, co, content) => {
    const { quotes } = runQuotes(text, entities);
    expect(quotes).toHaveLength(1);
    const q = quotes[0];
    expect(q.speaker.entity).toBe(speaker);
    expect((q.coSpeakers ?? []).map((s) => s.entity)).toEqual(co);
    if (content !== null) expect(q.content.text).toBe(content);
    for (const s of q.coSpeakers ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('a dual pro-drop verb after a joint statement takes both speakers, a singular one the first', () => {
    // وأكدا (they two stressed) → Lavrov and Wang Yi; وأضاف (he added) → Lavrov
    const { quotes } = runQuotes('وقال لافروف ووانغ يي إن الحوار مستمر. وأكدا أن التنسيق سيتواصل. وأضاف لافروف أن اللقاء كان مثمرا.', [lavrov, wang]);
    expect(quotes.map((q) => [q.cue.text, q.speaker.entity, q.speaker.implicit, (q.coSpeakers ?? []).map((s) => [s.entity, s.implicit])])).toEqual([
      ['وقال', 'lavrov', false, [['wang', false]]],
      ['وأكدا', 'lavrov', true, [['wang', true]]],
      ['وأضاف', 'lavrov', false, []],
    ]);
  });

  it('a plural pro-drop verb takes three coordinated persons', () => {
    
    const { quotes } = runQuotes('وقال لافروف ووانغ يي وبوتين إن الحوار مستمر. وأكدوا أن التنسيق سيتواصل.', [lavrov, wang, putin]);
    expect(quotes.map((q) => [q.speaker.entity, (q.coSpeakers ?? []).map((s) => s.entity)])).toEqual([
      ['lavrov', ['wang', 'putin']],
      ['lavrov', ['wang', 'putin']],
    ]);
  });

  it.each([
    // [note, text, entities, speaker, co-speakers]
    ['a dual verb after a clause with a coordinated subject (بحث لافروف ووانغ يي …، وأكدا)', 'وبحث لافروف ووانغ يي العلاقات الثنائية، وأكدا أن التعاون مستمر.', [lavrov, wang], 'lavrov', ['wang']],
    ['a feminine dual after two countries', 'وبحثت مصر وقطر جهود الوساطة، وأكدتا أن الهدنة صامدة.', [egypt, qatar], 'egypt', ['qatar']],
    ['a plural verb after three persons', 'وبحث لافروف ووانغ يي وبوتين الأزمة، وأكدوا أن الحل سياسي.', [lavrov, wang, putin], 'lavrov', ['wang', 'putin']],
    ['a dual verb after a meeting with an attached ب (التقى لافروف بوانغ يي)', 'والتقى لافروف بوانغ يي في موسكو، وأكدا أن الحوار مستمر.', [lavrov, wang], 'lavrov', ['wang']],
    ['a dual verb after a meeting with مع, one sentence later', 'وبحث لافروف هاتفيا مع وانغ يي الأزمة. وأكدا أن الحوار مستمر.', [lavrov, wang], 'lavrov', ['wang']],
    ['the one met as a bare object, past a place in a prepositional phrase', 'واستقبل بوتين في موسكو وانغ يي، وأكدا أن العلاقات ممتازة.', [putin, wang, { id: 'moscow', type: 'LOCATION', forms: ['موسكو'] }], 'putin', ['wang']],
    ['a singular verb still takes the first of them', 'وبحث لافروف ووانغ يي العلاقات. وأكد أن التعاون مستمر.', [lavrov, wang], 'lavrov', []],
  ] as [string, string, EntitySpec[], string, string[]][])('pro-drop after a joint subject: %s', (_note, text, entities, speaker, co) => {
    const { quotes } = runQuotes(text, entities);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.entity).toBe(speaker);
    expect(quotes[0].speaker.implicit).toBe(true);
    expect((quotes[0].coSpeakers ?? []).map((s) => s.entity)).toEqual(co);
  });

  it('a person talked about (عن) is no partner of a dual verb', () => {
    const { quotes } = runQuotes('وتحدث لافروف عن وانغ يي في موسكو، وأكدا أن الحوار مستمر.', [lavrov, wang]);
    expect(quotes.map((q) => [q.speaker.entity, q.coSpeakers ?? []])).toEqual([[null, []]]);
  });

  it('a dual verb does not take three coordinated subjects', () => {
    const { quotes } = runQuotes('وبحث لافروف ووانغ يي وبوتين الأزمة، وأكدا أن الحل سياسي.', [lavrov, wang, putin]);
    expect(quotes.map((q) => q.coSpeakers ?? [])).toEqual([[]]);
  });

  it('lists a joint statement under every speaker', () => {
    const { quotes } = runQuotes('وقال لافروف ووانغ يي إن الحوار مستمر. وأضاف لافروف أن اللقاء كان مثمرا.', [lavrov, wang]);
    expect(summarizeSpeakers(quotes).map((s) => [s.entity, s.quotes])).toEqual([
      ['lavrov', [0, 1]],
      ['wang', [0]],
    ]);
  });
});
