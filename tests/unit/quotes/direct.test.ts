import { describe, expect, it } from 'vitest';
import { runQuotes, view, type EntitySpec } from './helpers.js';

const kremlin: EntitySpec = { id: 'kremlin', type: 'ORGANIZATION', gender: 'm', forms: ['الكرملين'] };
const koller: EntitySpec = { id: 'koller', forms: ['مارسيل كولر', 'كولر'] };

describe('direct quotes', () => {
  it.each([
    // [note, text, entities, cue, speaker entity or text, content]
    ['verb + colon + guillemets', 'وقال كولر: «نحترم المنافس كثيرا».', [koller], 'وقال', 'koller', 'نحترم المنافس كثيرا'],
    ['verb + colon + curly quotes', 'وقال كولر: “الفريق جاهز”.', [koller], 'وقال', 'koller', 'الفريق جاهز'],
    ['verb + colon + straight quotes', 'وقال كولر: "الفريق جاهز".', [koller], 'وقال', 'koller', 'الفريق جاهز'],
    ['colon without a verb (headline style)', 'الكرملين: «لا خطط لعقد قمة»', [kremlin], ':', 'kremlin', 'لا خطط لعقد قمة'],
    ['a headline title + organization before the colon is a description', 'مدرب الأهلي: «نحترم المنافس»\n\nالقاهرة - قال كولر إن الفريق جاهز.', [{ id: 'ahly', type: 'ORGANIZATION', forms: ['الأهلي'] }, koller], ':', 'مدرب الأهلي', 'نحترم المنافس'],
    ['a colon after inserted phrases still opens the verb quotation', 'بدوره، كتب كولر، مدرب الفريق، عبر صفحته على فيسبوك: «سنعود أقوى».', [koller, { id: 'fb', type: 'ORGANIZATION', forms: ['فيسبوك'] }], 'كتب', 'koller', 'سنعود أقوى'],
    ['a quotation over two sentences', 'وقال كولر: «نحترم المنافس. لكننا نلعب على أرضنا».', [koller], 'وقال', 'koller', 'نحترم المنافس. لكننا نلعب على أرضنا'],
    ['a quotation over two paragraphs, reopened with «', 'وأضاف كولر: «الفريق جاهز.\n\n«اللاعبون يدركون المسؤولية»، على حد تعبيره.', [koller], 'وأضاف', 'koller', 'الفريق جاهز.\n\n«اللاعبون يدركون المسؤولية'],
    ['a quotation over two paragraphs, closed only at its end (web copy)', 'وقال كولر: «الفريق جاهز.\n\nواللاعبون يدركون المسؤولية».', [koller], 'وقال', 'koller', 'الفريق جاهز.\n\nواللاعبون يدركون المسؤولية'],
    ['a quotation over three paragraphs before a postposed cue', '«لا يمكننا الانتظار.\nالأطفال يموتون.\nالوضع كارثي»، قال كولر.', [koller], 'قال', 'koller', 'لا يمكننا الانتظار.\nالأطفال يموتون.\nالوضع كارثي'],
    ['the quotation before the cue', '«نحن مستعدون تماما»، قال كولر في مؤتمر صحفي.', [koller], 'قال', 'koller', 'نحن مستعدون تماما'],
    ['a long prepositional phrase before the colon', 'وقال كولر في المؤتمر الصحفي الذي يسبق المباراة: «نحترم المنافس».', [koller], 'وقال', 'koller', 'نحترم المنافس'],
    ['a dropped subject with وتابع:', 'وقال كولر إن الفريق جاهز. وتابع: «سنلعب للفوز».', [koller], 'وتابع', 'koller', 'سنلعب للفوز'],
    ['reversed guillemets from scraped text (» … «)', 'وقال كولر: » الفريق جاهز « .', [koller], 'وقال', 'koller', 'الفريق جاهز'],
    ['a quotation right after an unknown name, no colon', 'وقال هاولز « لم نر شيئا كهذا » .', [], 'وقال', 'هاولز', 'لم نر شيئا كهذا'],
    ['verb + manner participle (وأضاف قائلا:)', 'وقال كولر إن الفريق جاهز. وأضاف قائلا: «سنلعب للفوز».', [koller], 'وأضاف', 'koller', 'سنلعب للفوز'],
    ['verb + subject + manner participle', 'وأضاف كولر قائلا: «سنلعب للفوز».', [koller], 'وأضاف', 'koller', 'سنلعب للفوز'],
  ])('%s', (_note, text, entities, cue, expected, content) => {
    const run = runQuotes(text, entities);
    const q = run.quotes.find((x) => x.cue.text === cue);
    expect(q, 'quote found').toBeDefined();
    expect([q!.kind, q!.speaker.entity ?? q!.speaker.text, q!.content.text]).toEqual(['direct', expected, content]);
    expect(run.text.slice(q!.content.start, q!.content.end)).toBe(content);
    expect(run.warnings).toEqual([]);
  });

  it.each([
    // [note, text]
    ['an opening guillemet never closed', 'وقال كولر: «الفريق جاهز للمباراة.\n\nوغادر المؤتمر.'],
    ['a closing guillemet without an opener', 'وقال كولر إن الفريق » جاهز للمباراة.'],
    ['an odd number of straight quotes', 'وأضافت أن "الجوع ينتشر بسرعة.'],
    ['only quote marks', '«««»"“'],
  ])('unbalanced marks are a warning, never a crash: %s', (_note, text) => {
    const run = runQuotes(text, [koller]);
    expect(run.warnings.length).toBeGreaterThan(0);
    expect(run.warnings.every((w) => w.code === 'quote-unbalanced' && run.text.slice(w.start, w.end).length === 1)).toBe(true);
  });

  it.each([
    // [note, text]
    ['وأضاف قائلا: one quote, not two', 'وقال كولر إن الفريق جاهز. وأضاف قائلا: «سنلعب للفوز».'],
    ['وأضاف كولر قائلا: one quote, not two', 'وأضاف كولر قائلا: «سنلعب للفوز».'],
    ['وأضاف كولر حديثه قائلا: one quote, not two', 'وأضاف كولر حديثه قائلا: «سنلعب للفوز».'],
  ])('a manner participle is no second quote: %s', (_note, text) => {
    const run = runQuotes(text, [koller]);
    expect(run.quotes.filter((q) => q.content.text === 'سنلعب للفوز').map((q) => q.cue.text)).toEqual(['وأضاف']);
  });

  it('an unclosed quotation ends before the next reporting clause, so stray marks keep the output linear', () => {
    // "The minister said: «the team is ready, and the coach added: «we will play to win" — neither mark closes
    const run = runQuotes('وقال كولر: «الفريق جاهز، وأضاف المدرب: «سنلعب للفوز', [koller]);
    expect(run.quotes.map((q) => q.content.text)).toEqual(['الفريق جاهز', 'سنلعب للفوز']);
    // 3,000 stray marks between cues on one line: every content stops at the next cue
    const marks = ['«', '»', '"', '“', '”'];
    const text = 'قال كولر ' + Array.from({ length: 3000 }, (_, i) => marks[i % marks.length] + (i % 3 ? 'قال' : '')).join(' ');
    const stray = runQuotes(text, [koller]);
    const total = stray.quotes.reduce((sum, q) => sum + (q.content.end - q.content.start), 0);
    expect(total).toBeLessThan(text.length * 2);
  });

  it('an unclosed quotation does not run into a next paragraph that opens a quotation of its own', () => {
    // the next paragraph's «…» is its own pair: the first quotation ends with its paragraph
    const run = runQuotes('وقال كولر: «الفريق جاهز للمباراة.\n\nوقال اللاعب: «سنفوز».', [koller]);
    expect(run.quotes[0].content.text).toBe('الفريق جاهز للمباراة.');
    expect(run.quotes[1].content.text).toBe('سنفوز');
  });

  it('a loose opening mark (scraped text: «. …) does not run into the next paragraph', () => {
    // «. stands after the words it closes: no quotation opens there, so وأكد keeps its own quote
    const run = runQuotes('وقال كولر إن الحرب مدمرة «. التهديد الآخر هو المناخ.\n\nوأكد كولر أن الوضع صعب. حتى ما يسمى» الإرهاب «ليس أولوية.', [koller]);
    expect(run.quotes.map((q) => q.cue.text)).toContain('وأكد');
  });

  it('an unclosed quotation still yields the quote, ending with its paragraph', () => {
    const run = runQuotes('وقال كولر: «الفريق جاهز للمباراة.\n\nوغادر المؤتمر.', [koller]);
    expect(run.quotes.map(view)[0]).toMatchObject({ cue: 'وقال', speaker: 'koller', kind: 'direct' });
    expect(run.quotes[0].content.text).toBe('الفريق جاهز للمباراة.');
  });
});
