import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * A dual or plural person noun as the speaker (وقال الوزيران، وأكد الجانبان، الزعيمان) names the
 * group just mentioned: a joint statement already quoted, or a sentence's coordinated or meeting
 * subject. The speaker span stays the noun; the first of the group is its entity, the others its
 * implicit co-speakers. And the occasion of a speech after في (في مؤتمر صحفي مشترك) is never part
 * of the speaker.
 */
const shoukry: EntitySpec = { id: 'shoukry', role: 'وزير الخارجية المصري', forms: ['سامح شكري'] };
const safadi: EntitySpec = { id: 'safadi', role: 'وزير الخارجية الأردني', forms: ['أيمن الصفدي'] };
const erdogan: EntitySpec = { id: 'erdogan', forms: ['أردوغان'] };
const putin: EntitySpec = { id: 'putin', forms: ['بوتين'] };
const xi: EntitySpec = { id: 'xi', forms: ['شي جين بينغ'] };
const tebboune: EntitySpec = { id: 'tebboune', forms: ['تبون'] };
const observatory: EntitySpec = { id: 'sohr', type: 'ORGANIZATION', forms: ['المرصد السوري'] };
const london: EntitySpec = { id: 'london', type: 'LOCATION', forms: ['لندن'] };

describe('dual and plural person nouns name the group mentioned before', () => {
  it.each([
    // [note, text, entities, speaker text, speaker entity, co-speakers]
    ['the ministers (dual) after a coordinated subject in the previous sentence',
      'بحث وزير الخارجية سامح شكري ونظيره أيمن الصفدي الأوضاع الإقليمية. وقال الوزيران إن التنسيق مستمر.', [shoukry, safadi], 'الوزيران', 'shoukry', ['safadi']],
    ['the two sides (oblique-free dual الجانبان) after a meeting with مع',
      'التقى أردوغان مع بوتين في سوتشي. وأكد الجانبان أن الحوار هو الحل.', [erdogan, putin], 'الجانبان', 'erdogan', ['putin']],
    ['the two leaders after a host receiving his guest as a bare object',
      'استقبل الرئيس الصيني شي جين بينغ الرئيس الروسي بوتين في بكين. وقال الزعيمان إن العلاقات في أفضل حالاتها.', [xi, putin], 'الزعيمان', 'xi', ['putin']],
    ['the two sides after a joint statement already quoted',
      'وقال أردوغان وبوتين إن الهدنة صامدة. وأضاف الطرفان أن المحادثات ستستأنف.', [erdogan, putin], 'الطرفان', 'erdogan', ['putin']],
    ['an adjective must fit the group: the European ministers are not the Egyptian and Jordanian ones',
      'بحث وزير الخارجية سامح شكري ونظيره أيمن الصفدي الأوضاع. وقال الوزيران الأوروبيان إن الهجرة تحد مشترك.', [shoukry, safadi], 'الوزيران الأوروبيان', null, []],
    ['nobody was paired before: the noun stays a description',
      'زار تبون روما. وقال الزعيمان إن التعاون مهم.', [tebboune], 'الزعيمان', null, []],
    ['two ministers quoted separately, then the ministers',
      'وقال وزير الخارجية سامح شكري إن الحل سياسي. من جانبه، قال وزير الخارجية أيمن الصفدي إن الحرب يجب أن تتوقف. وأكد الوزيران أن التنسيق سيستمر.', [shoukry, safadi], 'الوزيران', 'shoukry', ['safadi']],
    ['quoted separately: a title noun takes only speakers whose role has it (the analyst is no minister)',
      'وقال وزير الخارجية سامح شكري إن الحل سياسي. وقال المحلل تبون إن الوضع صعب. وأكد الوزيران أن التنسيق سيستمر.', [shoukry, tebboune], 'الوزيران', null, []],
    ['an organization and its headquarters city are no pair (ومقره لندن)',
      'وقال المرصد السوري ومقره لندن إن الغارات استهدفت مستودعات. وقال الطرفان إن الهدنة انهارت.', [observatory, london], 'الطرفان', null, []],
  ] as [string, string, EntitySpec[], string, string | null, string[]][])('%s', (_note, text, entities, speakerText, speaker, co) => {
    const { quotes } = runQuotes(text, entities);
    const q = quotes[quotes.length - 1];
    expect(q.speaker.text).toBe(speakerText);
    expect(q.speaker.entity).toBe(speaker);
    expect(q.speaker.implicit).toBe(false);
    expect((q.coSpeakers ?? []).map((s) => [s.entity, s.implicit])).toEqual(co.map((c) => [c, true]));
  });

  it('a later dual pro-drop verb takes the group up again', () => {
    // وقال الوزيران … وأكدا (they two stressed) → the same two
    const { quotes } = runQuotes('بحث وزير الخارجية سامح شكري ونظيره أيمن الصفدي الأوضاع. وقال الوزيران إن التنسيق مستمر. وأكدا أن الحل سياسي.', [shoukry, safadi]);
    expect(quotes.map((q) => [q.cue.text, q.speaker.entity, (q.coSpeakers ?? []).map((s) => s.entity)])).toEqual([
      ['وقال', 'shoukry', ['safadi']],
      ['وأكدا', 'shoukry', ['safadi']],
    ]);
  });
});

describe('the occasion of a speech is not part of the speaker', () => {
  it.each([
    // [note, text, speaker text]
    ['a three-word occasion (press conference, joint) after a dual noun', 'وقال الوزيران في مؤتمر صحفي مشترك إن الاتفاق نهائي.', 'الوزيران'],
    ['the same after a singular title', 'وقال الوزير في مؤتمر صحفي مشترك إن الاتفاق نهائي.', 'الوزير'],
    ['a definite occasion (the weekly briefing)', 'وقالت المتحدثة في الإيجاز الصحفي الأسبوعي إن الموقف ثابت.', 'المتحدثة'],
    ['an official at a meeting: where he spoke, not where he works', 'وقال مسؤول في الاجتماع الطارئ إن القرار اتخذ.', 'مسؤول'],
    ['a workplace still belongs to the description (affiliation)', 'وقال مسؤول في الوزارة إن القرار اتخذ.', 'مسؤول في الوزارة'],
  ])('%s', (_note, text, speakerText) => {
    const { quotes } = runQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker.text).toBe(speakerText);
  });
});
