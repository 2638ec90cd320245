import { describe, expect, it } from 'vitest';
import { runQuotes, view } from './helpers.js';

/** أوصى/أوصت (recommend): a weak cue that needs its clause (strict), since the verb also takes a bequest or a noun. */
describe('recommend (أوصى)', () => {
  it.each([
    // [note, text, content]
    ['a study recommends with بأن', 'وأوصت الدراسة بأن يقلل الأطفال ساعات استخدام الهواتف.', 'يقلل الأطفال ساعات استخدام الهواتف'],
    ['a committee recommends with أن', 'أوصى المجلس أن تعيد الحكومة النظر في الضرائب.', 'تعيد الحكومة النظر في الضرائب'],
  ])('one weak quote: %s', (_note, text, content) => {
    const { quotes } = runQuotes(text);
    expect(quotes.map((q) => [q.content.text, q.strength])).toEqual([[content, 'weak']]);
  });

  it.each([
    // [note, text]
    ['a bequest: noun object, no clause', 'وأوصى الرجل بثلث ماله للفقراء.'],
    ['a recommendation of a noun phrase is left out (strict)', 'وأوصت اللجنة بزيادة المخصصات.'],
  ])('no quote: %s', (_note, text) => {
    expect(runQuotes(text).quotes.map(view)).toEqual([]);
  });
});
