/**
 * Boilerplate detection (src/stages/boilerplate.ts + lexicons/boilerplate.tsv). Kept with the
 * text tests because the phrase lexicon and the matcher are part of the text core's work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../../src/document.js';
import { loadLexicons } from '../../../src/io/lexicon-files.js';
import { Lexicons } from '../../../src/lexicon/lexicons.js';
import { detectBoilerplate } from '../../../src/stages/boilerplate.js';

const lex = loadLexicons();
const detect = (text: string) => detectBoilerplate(makeDoc(text), lex).map((b) => ({ text: text.slice(b.start, b.end), kind: b.kind }));

const ARTICLE = 'التقى وزير الخارجية الصيني نظيره الروسي اليوم لبحث العلاقات الثنائية.\n\nوقال الوزير إن التعاون بين البلدين مهم.';

// [note, text, expected boilerplate texts with kinds]
const CASES: [string, string, { text: string; kind: string }[]][] = [
  ['"read also" line in the middle of an article', `${ARTICLE}\nاقرأ أيضا: الصين تعلن خطة جديدة\nوأضاف أن الجانبين اتفقا.`, [{ text: 'اقرأ أيضا: الصين تعلن خطة جديدة', kind: 'read-also' }]],
  ['"read also" with tanwin and hamza-below spelling', `${ARTICLE}\nإقرأ أيضاً: خبر آخر`, [{ text: 'إقرأ أيضاً: خبر آخر', kind: 'read-also' }]],
  ['share line', `${ARTICLE}\nشارك هذا المقال`, [{ text: 'شارك هذا المقال', kind: 'share' }]],
  ['follow-us line with a bullet', `${ARTICLE}\n• تابعونا على فيسبوك وتويتر`, [{ text: '• تابعونا على فيسبوك وتويتر', kind: 'follow' }]],
  ['copyright footer', `${ARTICLE}\n© 2024 جميع الحقوق محفوظة لموقع الأخبار`, [{ text: '© 2024 جميع الحقوق محفوظة لموقع الأخبار', kind: 'copyright' }]],
  ['photo credit line ("Photo: Reuters")', `الصورة: رويترز\n${ARTICLE}`, [{ text: 'الصورة: رويترز', kind: 'photo-credit' }]],
  ['newsletter prompt', `${ARTICLE}\nاشترك في النشرة البريدية لتصلك آخر الأخبار`, [{ text: 'اشترك في النشرة البريدية لتصلك آخر الأخبار', kind: 'newsletter' }]],
  ['related-articles header alone on its line', `${ARTICLE}\nأخبار ذات صلة`, [{ text: 'أخبار ذات صلة', kind: 'related' }]],
  ['cookie notice at the end is one tail span', `${ARTICLE}\n\nسياسة ملفات تعريف الارتباط\nنستخدم الكوكيز لتحسين تجربتك.\nأوافق`, [{ text: 'سياسة ملفات تعريف الارتباط\nنستخدم الكوكيز لتحسين تجربتك.\nأوافق', kind: 'cookie-notice' }]],
  ['English cookie banner', `${ARTICLE}\nWe use cookies to improve your experience.`, [{ text: 'We use cookies to improve your experience.', kind: 'cookie-notice' }]],
  ['breadcrumb navigation line ("Home > News > Arab world")', `الرئيسية > أخبار > عربي\n${ARTICLE}`, [{ text: 'الرئيسية > أخبار > عربي', kind: 'navigation' }]],
  ['publication metadata line ("Last updated: ...")', `${ARTICLE}\nآخر تحديث: 12 مارس 2024 - 10:30`, [{ text: 'آخر تحديث: 12 مارس 2024 - 10:30', kind: 'meta' }]],
  ['"published on:" metadata line with an update time ("Published: ... | Updated: ...")', `نشر في: 24 نوفمبر 2026 - 10:35 ص | آخر تحديث: 11:02 ص\n${ARTICLE}`, [{ text: 'نشر في: 24 نوفمبر 2026 - 10:35 ص | آخر تحديث: 11:02 ص', kind: 'meta' }]],
  ['"published in" opening a sentence is prose, not metadata ("published in the official gazette")', `${ARTICLE}\nنشر في الجريدة الرسمية قرار بتعيين الوزير.`, []],
  ['reading-time line ("Reading time: 3 minutes")', `${ARTICLE}\nمدة القراءة: 3 دقائق`, [{ text: 'مدة القراءة: 3 دقائق', kind: 'meta' }]],
  ['share line with a colon and network names ("Share: Facebook Twitter")', `${ARTICLE}\nشارك: فيسبوك تويتر واتساب`, [{ text: 'شارك: فيسبوك تويتر واتساب', kind: 'share' }]],
  ['"you may like" recommendation line', `${ARTICLE}\nقد يعجبك: أسعار الذهب اليوم`, [{ text: 'قد يعجبك: أسعار الذهب اليوم', kind: 'read-also' }]],
  ['a "read also" heading alone takes the headlines listed under it, with the site\'s list markers', `${ARTICLE}\nاقرأ أيضا\nlist 1 of 2\nالصين تعلن خطة جديدة للطاقة\nlist 2 of 2\nروسيا ترفع إنتاج القمح\nend of list\n\nوأضاف أن الجانبين اتفقا.`, [{ text: 'اقرأ أيضا\nlist 1 of 2\nالصين تعلن خطة جديدة للطاقة\nlist 2 of 2\nروسيا ترفع إنتاج القمح\nend of list', kind: 'read-also' }]],
  ['a related-news heading takes its bulleted headlines up to the blank line', `${ARTICLE}\nأخبار ذات صلة\n- الملك يستقبل رئيس الوزراء\n- الأردن يرسل قافلة مساعدات\n\nوأضاف أن الجانبين اتفقا.`, [{ text: 'أخبار ذات صلة\n- الملك يستقبل رئيس الوزراء\n- الأردن يرسل قافلة مساعدات', kind: 'related' }]],
  ['a paragraph ending in a full stop under a heading is article text, not a listed headline', `${ARTICLE}\nاقرأ أيضا\nوأضاف الوزير أن الجانبين اتفقا على مواصلة المحادثات.`, [{ text: 'اقرأ أيضا', kind: 'read-also' }]],
  ['a "read also" line with its headline on the same line takes no list after it', `${ARTICLE}\nاقرأ أيضا: الصين تعلن خطة جديدة\nوأضاف أن الجانبين اتفقا`, [{ text: 'اقرأ أيضا: الصين تعلن خطة جديدة', kind: 'read-also' }]],
  ['a long line under a heading is prose, not a headline', `${ARTICLE}\nاقرأ أيضا\n${'كلمة '.repeat(25)}بلا نقطة`, [{ text: 'اقرأ أيضا', kind: 'read-also' }]],
  ['source line at the end ("Source: agencies")', `${ARTICLE}\nالمصدر: وكالات`, [{ text: 'المصدر: وكالات', kind: 'source-line' }]],
  ['"the source said" in prose is not a source line', `${ARTICLE}\nالمصدر أوضح أن المحادثات ستستمر.`, []],
  ['"I agree" inside prose is not boilerplate (anchor alone)', `${ARTICLE}\nوقال: أوافق على ما قاله الوزير.`, []],
  ['"share" as a verb inside prose is not boilerplate ("participated in the meeting")', `${ARTICLE}\nشارك الوزير في الاجتماع الذي عقد أمس في العاصمة بحضور عدد كبير من المسؤولين والخبراء.`, []],
  ['"privacy policy" mentioned deep inside a long sentence is not boilerplate', `${ARTICLE}\nوانتقد البرلمان الشركة لأنها غيرت ${'بنود '.repeat(5)}سياسة الخصوصية دون إبلاغ المستخدمين بذلك في الوقت المناسب.`, []],
  ['a tail phrase in the first half marks only its line', `سياسة ملفات تعريف الارتباط\n${ARTICLE}\n${ARTICLE}`, [{ text: 'سياسة ملفات تعريف الارتباط', kind: 'cookie-notice' }]],
];

describe('detectBoilerplate', () => {
  it.each(CASES)('%s', (_note, text, expected) => {
    expect(detect(text)).toEqual(expected);
  });

  it('marks the seed article\'s cookie notice as one span (code points 2266–2481)', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'seed-xinhua-wang-lavrov', 'input.txt'), 'utf8');
    const spans = detectBoilerplate(makeDoc(text), lex);
    expect(spans.map((s) => [s.start, s.end])).toEqual([[2266, 2481]]);
  });

  it('is linear: many phrases and a long text stay fast enough to run in a test', () => {
    const rows = Array.from({ length: 3000 }, (_, k) => `عبارة${k} زائدة\tad\tline\tany`).join('\n');
    const big = new Lexicons([{ name: 'boilerplate.tsv', text: `phrase\tkind\tscope\tanchor\n${rows}` }]);
    const text = `${ARTICLE}\n`.repeat(2000) + 'عبارة2999 زائدة هنا';
    const spans = detectBoilerplate(makeDoc(text), big);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('عبارة2999 زائدة هنا');
  });
});
