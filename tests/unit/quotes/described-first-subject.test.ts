import { describe, expect, it } from 'vitest';
import { runQuotes } from './helpers.js';

/** A dropped subject in a coordinated clause: the described subject of the sentence's first clause. */
describe('a described subject of the first clause', () => {
  it.each([
    // [note, text, entities, expected speaker text, expected entity of the last quote]
    ['a definite person noun after the first verb takes over from the last speaker',
      'وقال المدير إن الموسم صعب. وافتتح المحافظ المعرض الدولي للكتاب، وأكد أن الثقافة أولوية.', [], 'المحافظ', null],
    ['an institution noun (المجلس) agreeing with the verb',
      'وقال الرئيس إن الإصلاح مستمر. واجتمع المجلس أمس، وأعلن أن الانتخابات في موعدها.', [], 'المجلس', null],
    ['the noun is in the last speaker\'s role: that named speaker stays',
      'وقال وزير الخارجية سامح شكري إن الأزمة معقدة. والتقى الوزير نظيره الأردني، وأكد أن العلاقات متينة.',
      [{ id: 'shoukry', forms: ['سامح شكري'], role: 'وزير الخارجية' }], 'سامح شكري', 'shoukry'],
    ['a feminine noun does not agree with a masculine verb: the last speaker stays',
      'وقال المدير إن العمل مستمر. وزارت الوزيرة المستشفى، وأكد أن الخدمات تحسنت.', [], 'المدير', null],
  ])('%s', (_note, text, specs, speaker, entity) => {
    const { quotes } = runQuotes(text, specs);
    const last = quotes[quotes.length - 1];
    expect([last.speaker.text, last.speaker.entity, last.speaker.implicit]).toEqual([speaker, entity, true]);
  });
});
