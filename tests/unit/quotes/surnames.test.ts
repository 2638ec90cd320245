import { describe, expect, it } from 'vitest';
import { summarizeSpeakers } from '../../../src/stages/quotes.js';
import { runQuotes } from './helpers.js';

/** A surname alone after the full name was quoted: the same person, never a namesake of another. */
describe('surname-only speakers', () => {
  it.each([
    // [note, text, entities, expected entity of the last quote]
    ['a definite surname the entity stage left alone takes the earlier speaker\'s entity (النعيم)',
      'قالت الرئيسة التنفيذية سارة النعيم إن الشركة ستتوسع. وأشارت النعيم إلى أن الأرباح تضاعفت.',
      [{ id: 'naimi', gender: 'f' as const, forms: ['سارة النعيم'] }], 'naimi'],
    ['an indefinite surname before a complementizer (وأكد سويلم أن)',
      'قال وزير الري هاني سويلم إن المفاوضات متعثرة. وأكد سويلم أن مصر لن تفرط في حقوقها.',
      [{ id: 'sewilam', forms: ['هاني سويلم'] }], 'sewilam'],
    ['two earlier people share the surname: neither is taken',
      'قال المهندس خالد الراشد إن المشروع تأخر. وقال الطبيب عمر الراشد إن المستشفى جاهز. وأضاف الراشد أن العمل مستمر.',
      [{ id: 'khaled', forms: ['خالد الراشد'] }, { id: 'omar', forms: ['عمر الراشد'] }], null],
    ['the verb\'s gender differs from the earlier speaker\'s: another person',
      'قال المدير يوسف الكبيسي إن المصنع يعمل. وقالت الكبيسي إن العمال راضون.',
      [{ id: 'kubaisi', forms: ['يوسف الكبيسي'] }], null],
  ])('%s', (_note, text, specs, entity) => {
    const { quotes } = runQuotes(text, specs);
    const last = quotes[quotes.length - 1];
    expect(last.speaker.entity).toBe(entity);
    // the span stays the surname the text wrote
    expect(text.slice(last.speaker.start, last.speaker.end).includes(' ')).toBe(false);
  });

  it.each([
    // [note, text, expected groups as [text, quote indices]]
    ['a surname after a described name with no entity is listed under it (جورجيفا)',
      'وقالت المديرة العامة للصندوق كريستالينا جورجيفا إن النمو سيتباطأ. وقال وزير المالية إن الضرائب ستنخفض. وقالت جورجيفا إن الصندوق مستعد.',
      [['المديرة العامة للصندوق كريستالينا جورجيفا', [0, 2]], ['وزير المالية', [1]]]],
    ['two earlier speakers end with the same word: the surname stays its own speaker',
      'وقال المزارع سالم حداد إن المحصول ضعيف. وقال التاجر فادي حداد إن الأسعار ارتفعت. وقال حداد إن السوق راكد.',
      [['المزارع سالم حداد', [0]], ['التاجر فادي حداد', [1]], ['حداد', [2]]]],
  ])('speakers summary: %s', (_note, text, groups) => {
    const { quotes } = runQuotes(text);
    expect(summarizeSpeakers(quotes).map((s) => [s.text, s.quotes])).toEqual(groups);
  });
});
