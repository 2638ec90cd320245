import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * Agentless (passive) reporting: the clause is reported, the speaker is unknown (entity null,
 * empty text, implicit) and never invented from the history; a later pro-drop verb does not take
 * the unknown speaker up.
 */
const minister: EntitySpec = { id: 'minister', forms: ['سامح شكري'] };

describe('passive reporting verbs', () => {
  it.each([
    // [note, text, cue, content]
    ['it was said (قيل, listed passive)', 'وقال سامح شكري إن الحل سياسي. وقيل إن الوزير سيستقيل.', 'وقيل', 'الوزير سيستقيل'],
    ['it is said (يقال, present passive)', 'وقال سامح شكري إن الحل سياسي. ويقال إن المفاوضات تعثرت.', 'ويقال', 'المفاوضات تعثرت'],
    ['it was announced, voice shown by the damma (أُعلن)', 'وقال سامح شكري إن الحل سياسي. وأُعلِن أن الجانبين وقعا مذكرة تفاهم.', 'وأُعلِن', 'الجانبين وقعا مذكرة تفاهم'],
    ['it was reported (ذُكر, a strict form)', 'وقال سامح شكري إن الحل سياسي. وذُكِرَ أن الحادث وقع فجرا.', 'وذُكِرَ', 'الحادث وقع فجرا'],
    ['an addressee between the verb and the clause (قيل للصحفيين)', 'وقال سامح شكري إن الحل سياسي. وقيل للصحفيين إن المؤتمر تأجل.', 'وقيل', 'المؤتمر تأجل'],
  ])('%s', (_note, text, cue, content) => {
    const { quotes } = runQuotes(text, [minister]);
    const q = quotes[quotes.length - 1];
    expect(q.cue.text).toBe(cue);
    expect(q.content.text).toBe(content);
    expect(q.speaker).toEqual({ entity: null, text: '', implicit: true });
  });

  it.each([
    // [note, text]
    ['mourning was declared: a noun object, no clause', 'وأُعلِن الحداد الرسمي ثلاثة أيام.'],
    ['"it is worth noting" (يُذكر أن) is the writer\'s background, not a report', 'ويُذكر أن الوزير تولى منصبه العام الماضي.'],
  ])('no quote: %s', (_note, text) => {
    expect(runQuotes(text).quotes).toEqual([]);
  });

  it('the unknown speaker is not taken up by a later pro-drop verb', () => {
    // وأضاف (he added) after وقيل goes back to the minister quoted before
    const { quotes } = runQuotes('وقال سامح شكري إن الحل سياسي. وقيل إن المؤتمر تأجل. وأضاف أن القاهرة مستعدة.', [minister]);
    expect(quotes.map((q) => [q.cue.text, q.speaker.entity])).toEqual([
      ['وقال', 'minister'],
      ['وقيل', null],
      ['وأضاف', 'minister'],
    ]);
  });

  it.each([
    ['no marks (وأعلن)', 'وأعلن'],
    ['active marks (وأَعلَنَ)', 'وأَعلَنَ'],
    ['a damma but a fatha inside: no passive pattern (وأُعَلْنَ, stray marks)', 'وأُعَلْنَ'],
  ])('an active verb keeps its dropped subject: %s', (_note, verb) => {
    const { quotes } = runQuotes(`وقال سامح شكري إن الحل سياسي. ${verb} أن المؤتمر تأجل.`, [minister]);
    expect(quotes[1].speaker.entity).toBe('minister');
  });
});
