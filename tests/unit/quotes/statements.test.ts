import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * A statement speaks for whoever issued it: وجاء في البيان أن … / وورد في التقرير أن … report the
 * clause after their source, and a statement noun (البيان، بيانها، بيان الوزارة) as the speaker or
 * source is linked to its issuer, named right after it or earlier in the text.
 */
const mfa: EntitySpec = { id: 'egypt-mfa', type: 'ORGANIZATION', forms: ['وزارة الخارجية المصرية'] };
const interior: EntitySpec = { id: 'interior', type: 'ORGANIZATION', forms: ['وزارة الداخلية'] };
const who: EntitySpec = { id: 'who', type: 'ORGANIZATION', forms: ['منظمة الصحة العالمية'] };
const aramco: EntitySpec = { id: 'aramco', type: 'ORGANIZATION', forms: ['أرامكو'] };
const presidency: EntitySpec = { id: 'presidency', type: 'ORGANIZATION', forms: ['الرئاسة الجزائرية'] };

describe('جاء في / ورد في: the statement, not a verb, introduces the clause', () => {
  it.each([
    // [note, text, entities, cue, speaker text, speaker entity, content]
    ['a statement with its issuer named after it (بيان لوزارة …)', 'وجاء في بيان لوزارة الخارجية المصرية أن الاتصالات مستمرة.', [mfa], 'وجاء في', 'وزارة الخارجية المصرية', 'egypt-mfa', 'الاتصالات مستمرة'],
    ['the statement mentioned before (قالت الوزارة في بيان … وجاء في البيان)', 'قالت وزارة الداخلية في بيان إن الحدود مغلقة. وجاء في البيان أن الإجراء مؤقت.', [interior], 'وجاء في', 'البيان', 'interior', 'الإجراء مؤقت'],
    ['a report (ورد في التقرير) issued earlier by an organization', 'أصدرت منظمة الصحة العالمية تقريرا عن الكوليرا. وورد في التقرير أن الإصابات تضاعفت.', [who], 'وورد في', 'التقرير', 'who', 'الإصابات تضاعفت'],
    ['a possessive pronoun (بيانها): the feminine speaker before', 'وقالت أرامكو إن الإنتاج عاد. وجاء في بيانها أن الأضرار محدودة.', [aramco], 'وجاء في', 'بيانها', 'aramco', 'الأضرار محدودة'],
    ['a bracketed gloss after the issuer (… (فيفا) أن)', 'وجاء في بيان الاتحاد الدولي لكرة القدم (فيفا) أن المباراة ستعاد.', [{ id: 'fifa', type: 'ORGANIZATION', forms: ['الاتحاد الدولي لكرة القدم'] }], 'وجاء في', 'الاتحاد الدولي لكرة القدم', 'fifa', 'المباراة ستعاد'],
    ['the text of the statement, after a colon and a quotation (direct)', 'أعلنت الرئاسة الجزائرية في بيان موعد الانتخابات. وجاء في نص البيان: «الاقتراع سيكون نزيها».', [presidency], 'وجاء في نص', 'البيان', 'presidency', 'الاقتراع سيكون نزيها'],
  ] as [string, string, EntitySpec[], string, string, string | null, string][])('%s', (_note, text, entities, cue, speakerText, speaker, content) => {
    const { quotes } = runQuotes(text, entities);
    const q = quotes[quotes.length - 1];
    expect(q.cue.text).toBe(cue);
    // (the test's mentions cover whole tokens: لوزارة … here, وزارة … from the entity stage)
    expect(q.speaker.text.endsWith(speakerText)).toBe(true);
    expect(q.speaker.entity).toBe(speaker);
    expect(q.content.text).toBe(content);
  });

  it.each([
    // [note, text]
    ['came first in the standings (جاء في المرتبة الأولى)', 'وجاء الفريق في المرتبة الأولى برصيد 50 نقطة.'],
    ['came within the framework of the visit: no clause after the source', 'وجاء في إطار الزيارة توقيع عدة اتفاقيات.'],
    ['came in a statement, but no clause follows it', 'وجاء في بيان الوزارة تفصيل للإجراءات الجديدة.'],
  ])('no quote: %s', (_note, text) => {
    expect(runQuotes(text).quotes).toEqual([]);
  });
});

describe('جاء في inside a clause is the verb "came", and ends no content', () => {
  it.each([
    // [note, text, content]
    ['after a subject (اللقاء جاء في سياق …)', 'وأضافت الصحيفة أن اللقاء جاء في سياق مبادرة جديدة للسلام.', 'اللقاء جاء في سياق مبادرة جديدة للسلام'],
    ['after a relative pronoun (الذي جاء في …)', 'وأوضح المؤرخ أن باني المسجد هو الصحابي الذي جاء في أول بعثة.', 'باني المسجد هو الصحابي الذي جاء في أول بعثة'],
  ])('%s', (_note, text, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].content.text).toBe(content);
  });
});

describe('a statement as the subject of a reporting verb speaks for its issuer', () => {
  it.each([
    // [note, text, entities, speaker entity]
    ['وأضاف البيان after a ministry spoke in a statement', 'قالت وزارة الداخلية في بيان إن الحدود مغلقة. وأضاف البيان أن الإجراء مؤقت.', [interior], 'interior'],
    ['وأشار البيان after an announcement "in a statement"', 'أعلنت وزارة الداخلية في بيان أن الانتخابات في نوفمبر. وأشار البيان إلى أن اللجنة ستشرف عليها.', [interior], 'interior'],
    ['a statement issued by (صادر عن) a named body', 'ونشرت الصحف بيانا صادرا عن وزارة الداخلية. وقال البيان إن الحدود مغلقة.', [interior], 'interior'],
    ['no statement before: the noun stays a description', 'وقال البيان إن الحدود مغلقة.', [interior], null],
    ['a report that was itself the subject (وكشف تقرير …) names no other issuer in its clause',
      'وكشف تقرير أعدته لجنة مستقلة ونشرته وزارة الداخلية أن الحدود مغلقة. وقال التقرير إن الإجراء مؤقت.', [interior], null],
    ['a report issued by (صادر عن) a body named a few words on', 'وأشار تقرير صادر عن بعثة منظمة الصحة العالمية إلى أن الوضع صعب. وقال التقرير إن الإجراء مؤقت.', [who], 'who'],
  ] as [string, string, EntitySpec[], string | null][])('%s', (_note, text, entities, speaker) => {
    const { quotes } = runQuotes(text, entities);
    const q = quotes[quotes.length - 1];
    expect(['البيان', 'التقرير']).toContain(q.speaker.text);
    expect(q.speaker.entity).toBe(speaker);
  });
});
