import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * The edges of a quote: an abbreviated title between the verb and the speaker's name, and the
 * marks at the end of the content (what closes the clause goes, what belongs to the words stays,
 * a bracketed credit closing a caption goes).
 */

const salem: EntitySpec = { id: 'salem', forms: ['محمد سالم'] };
const sami: EntitySpec = { id: 'sami', forms: ['سامي عبد الله'] };
const mona: EntitySpec = { id: 'mona', gender: 'f', forms: ['منى مينا'] };
const khaled: EntitySpec = { id: 'khaled', forms: ['خالد حسن'] };
const reuters: EntitySpec = { id: 'reuters', type: 'ORGANIZATION', forms: ['رويترز'] };

describe('an abbreviated title before the speaker', () => {
  it.each([
    // [note, text, entities, cue, speaker entity, content]
    ['د. (doctor) and a space before the name', 'وقال د. محمد سالم إن النمو قوي.', [salem], 'وقال', 'salem', 'النمو قوي'],
    ['د. glued to the name', 'وقال د.محمد سالم إن النمو قوي.', [salem], 'وقال', 'salem', 'النمو قوي'],
    ['أ.د. (professor doctor), dotted initials then the closing dot', 'وأضاف أ.د. سامي عبد الله أن التضخم تراجع.', [sami], 'وأضاف', 'sami', 'التضخم تراجع'],
    ['م. (engineer)', 'وأوضح م. خالد حسن أن الأعمال ستنتهي.', [khaled], 'وأوضح', 'khaled', 'الأعمال ستنتهي'],
    ['a feminine verb with د.', 'وقالت د. منى مينا إن المستشفيات ممتلئة.', [mona], 'وقالت', 'mona', 'المستشفيات ممتلئة'],
  ])('%s', (_note, text, entities, cue, entity, content) => {
    const q = runQuotes(text, entities).quotes.find((x) => x.cue.text === cue);
    expect(q, 'quote found').toBeDefined();
    expect([q!.speaker.entity, q!.content.text]).toEqual([entity, content]);
  });

  it('a full stop after a word that is no abbreviation still ends the sentence before the name', () => {
    const quotes = runQuotes('وقال الوزير كلمة. محمد سالم إن النمو قوي.', [salem]).quotes;
    expect(quotes.find((q) => q.speaker.entity === 'salem')).toBeUndefined();
  });
});

describe('the end of an indirect content', () => {
  it.each([
    // [note, text, entities, content]
    ['a percent sign belongs to the number', 'وقال الوزير إن النمو بلغ 3.5%.', [], 'النمو بلغ 3.5%'],
    ['the Arabic percent sign ٪ too', 'وقال الوزير إن النمو بلغ ٣٫٥٪.', [], 'النمو بلغ ٣٫٥٪'],
    ['a closing bracket whose opener is in the content stays', 'وقال الوزير إن الإيرادات بلغت 20 مليار دولار (نحو 5%).', [], 'الإيرادات بلغت 20 مليار دولار (نحو 5%)'],
    ['a stray closing bracket with no opener in the content goes', 'وقال الوزير إن المشروع سينتهي قريبا).', [], 'المشروع سينتهي قريبا'],
    ['a credit word in brackets closing a caption goes', 'وقال الوزير إن الحكومة عاجزة عن مواجهة الأزمة (أرشيف)', [], 'الحكومة عاجزة عن مواجهة الأزمة'],
    ['an agency named in brackets closing a caption goes', 'وقال الوزير إن الاتفاق بات قريبا (رويترز)', [reuters], 'الاتفاق بات قريبا'],
    ['a credit and an agency with a dash', 'وقال الوزير إن الاتفاق بات قريبا (أرشيفية - رويترز)', [reuters], 'الاتفاق بات قريبا'],
    ['brackets holding other words are the speaker\'s', 'وقال الوزير إن الاتفاق يشمل الجزء الأكبر (الشمال)', [], 'الاتفاق يشمل الجزء الأكبر (الشمال)'],
    ['a colon content loses its credit too', 'وقال الوزير: الاتفاق بات قريبا (الفرنسية)', [], 'الاتفاق بات قريبا'],
  ])('%s', (_note, text, entities, content) => {
    const q = runQuotes(text, entities).quotes[0];
    expect(q, 'quote found').toBeDefined();
    expect(q.content.text).toBe(content);
  });
});

describe('a headline label before a colon', () => {
  const un: EntitySpec = { id: 'un', type: 'ORGANIZATION', gender: 'f', forms: ['الأمم المتحدة'] };
  const sudan: EntitySpec = { id: 'sudan', type: 'LOCATION', gender: 'f', forms: ['السودان'] };
  const kremlin: EntitySpec = { id: 'kremlin', type: 'ORGANIZATION', forms: ['الكرملين'] };
  const lavrov: EntitySpec = { id: 'lavrov', forms: ['لافروف'] };
  const BODY = '\n\nوقال المتحدث إن الوضع صعب.';
  it.each([
    // [note, headline, entities, colon quote expected]
    ['a topic before a clause with its own speaker and reporting verb is no speaker', 'السودان: الأمم المتحدة تحذر من مجاعة وشيكة', [un, sudan], null],
    ['an organization before a statement speaks', 'الكرملين: لا خطط لعقد قمة قريبا', [kremlin], 'kremlin'],
    ['a person before a clause with an unnamed subject speaks', 'لافروف: الغرب يسعى إلى التصعيد', [lavrov], 'lavrov'],
  ])('%s', (_note, headline, entities, speaker) => {
    const colon = runQuotes(headline + BODY, entities).quotes.find((q) => q.cue.text === ':');
    expect(colon?.speaker.entity ?? null).toBe(speaker);
  });
});

describe('a ل + organization after the source noun', () => {
  const army: EntitySpec = { id: 'army', type: 'ORGANIZATION', forms: ['الجيش الأميركي', 'للجيش الأميركي'] };
  const afp: EntitySpec = { id: 'afp', type: 'ORGANIZATION', forms: ['فرانس برس', 'لفرانس برس'] };
  it.each([
    // [note, text, entities, speaker text, content]
    ['after a document noun it is the document\'s genitive', 'ووفقا للإحصائيات الرسمية للجيش الأميركي، وقع أكثر من 1600 انفجار.', [army], 'للإحصائيات الرسمية للجيش الأميركي', 'وقع أكثر من 1600 انفجار'],
    ['after a source noun it is the addressee', 'وقال مصدر أمني لفرانس برس إن الوضع هادئ.', [afp], 'مصدر أمني', 'الوضع هادئ'],
  ])('%s', (_note, text, entities, speakerText, content) => {
    const q = runQuotes(text, entities).quotes[0];
    expect([q?.speaker.text, q?.content.text]).toEqual([speakerText, content]);
  });
});

describe('a time adverbial before a noun-phrase content', () => {
  it.each([
    // [note, text, content]
    ['today + weekday', 'أعلنت الشركة اليوم الأحد رفع طاقتها الإنتاجية.', 'رفع طاقتها الإنتاجية'],
    ['yesterday', 'وأكد الوزير أمس دعم الحكومة للقطاع.', 'دعم الحكومة للقطاع'],
    ['a date with its number', 'وأعلن الوزير يوم 24 نوفمبر موعد الانتخابات.', 'موعد الانتخابات'],
    ['a clause after the adverbial is not changed', 'وقال الوزير اليوم إن الحكومة مستعدة.', 'الحكومة مستعدة'],
  ])('%s', (_note, text, content) => {
    expect(runQuotes(text).quotes[0]?.content.text).toBe(content);
  });
});
