/**
 * Sentence splitting: table-driven, each Arabic row with an English note. Expected sentences
 * are given as texts; the splitter's spans must slice to exactly these texts.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../../src/io/lexicon-files.js';
import { findQuotations, quotedPassageOfSentence, scanQuotations, splitSentences } from '../../../src/text/sentences.js';

const lex = loadLexicons();
const split = (text: string) => splitSentences(text, lex).map((s) => text.slice(s.start, s.end));

// [note, input, expected sentences]
const CASES: [string, string, string[]][] = [
  ['full stop then a new sentence ("Arabic is beautiful. The country is far.")', 'العربية جميلة. البلاد بعيدة.', ['العربية جميلة.', 'البلاد بعيدة.']],
  ['Arabic question mark ends a sentence', 'هل تنجح المفاوضات؟ قال الوزير إنها ستنجح.', ['هل تنجح المفاوضات؟', 'قال الوزير إنها ستنجح.']],
  ['exclamation mark', 'يا له من يوم! انتهى الاجتماع.', ['يا له من يوم!', 'انتهى الاجتماع.']],
  ['Arabic semicolon ends a sentence', 'ارتفعت الأسعار؛ وتراجع الطلب.', ['ارتفعت الأسعار؛', 'وتراجع الطلب.']],
  ['a run of terminators stays together ("really?!")', 'حقا؟! نعم.', ['حقا؟!', 'نعم.']],
  ['ellipsis character ends a sentence outside quotes', 'وانتظر الجميع… ثم بدأ الاجتماع.', ['وانتظر الجميع…', 'ثم بدأ الاجتماع.']],
  ['never split at the Arabic comma', 'قال وانغ، وهو وزير، إن التعاون مهم.', ['قال وانغ، وهو وزير، إن التعاون مهم.']],
  ['decimal number is not a sentence end ("3.5 percent")', 'ارتفع النمو 3.5 في المئة. وتراجع التضخم.', ['ارتفع النمو 3.5 في المئة.', 'وتراجع التضخم.']],
  ['thousands separators ("2.000.000 people")', 'شارك 2.000.000 شخص في المسيرة.', ['شارك 2.000.000 شخص في المسيرة.']],
  ['dotted date ("on 12.08.2014")', 'وقع الاتفاق في 12.08.2014 في القاهرة.', ['وقع الاتفاق في 12.08.2014 في القاهرة.']],
  ['Arabic-Indic digits with a dot', 'بلغ المؤشر ٣.٥ نقطة.', ['بلغ المؤشر ٣.٥ نقطة.']],
  ['year at the end of a sentence still splits ("in 2010. He said")', 'تأسست عام 2010. وقال المدير إنها نجحت.', ['تأسست عام 2010.', 'وقال المدير إنها نجحت.']],
  ['title abbreviation "Dr." before a name', 'وقال د. ديفيد ريدي إنها كانت مريضة. وتوفيت لاحقا.', ['وقال د. ديفيد ريدي إنها كانت مريضة.', 'وتوفيت لاحقا.']],
  ['"Prof. Dr." abbreviation with an inner dot', 'وقال أ.د. محمد علي إن البحث مهم.', ['وقال أ.د. محمد علي إن البحث مهم.']],
  ['"Eng." abbreviation before a name', 'وأوضح م. أحمد حسن أن المشروع اكتمل.', ['وأوضح م. أحمد حسن أن المشروع اكتمل.']],
  ['P.O. box abbreviation', 'العنوان ص.ب 1234 الرياض.', ['العنوان ص.ب 1234 الرياض.']],
  ['"BC" abbreviation inside a sentence', 'تعود الكتابة إلى سنة 3200 ق.م وهي قديمة.', ['تعود الكتابة إلى سنة 3200 ق.م وهي قديمة.']],
  ['"BC." inside a line goes on ("united in 3100 BC., where copper was used")', 'قبل توحيدها عام 3100 ق.م. حيث كان النحاس يستخدم.', ['قبل توحيدها عام 3100 ق.م. حيث كان النحاس يستخدم.']],
  ['"BC." at the end of a line ends the sentence there', 'تعود الكتابة إلى سنة 3200 ق.م.\nوقال الباحث إنها قديمة.', ['تعود الكتابة إلى سنة 3200 ق.م.', 'وقال الباحث إنها قديمة.']],
  ['"BC." followed by "and 5000 BC" continues ("between 8000 BC and 5000 BC")', 'بين سنتي 8000 ق.م. و5000 ق.م تغير المناخ.', ['بين سنتي 8000 ق.م. و5000 ق.م تغير المناخ.']],
  ['spaced dots are one ellipsis ("the life . . . goes on")', 'انتهى الأمر . . . وبدأ غيره.', ['انتهى الأمر . . .', 'وبدأ غيره.']],
  ['an omission in brackets does not split', 'قال إن الموكل ( . . . ) بريء.', ['قال إن الموكل ( . . . ) بريء.']],
  ['"AH." after a year inside a line goes on', 'ولد عام 1400 هـ. في مكة.', ['ولد عام 1400 هـ. في مكة.']],
  ['"A.R.E." (Egypt) abbreviation', 'القاهرة ج.م.ع هي العاصمة.', ['القاهرة ج.م.ع هي العاصمة.']],
  ['"etc." followed by more of the sentence', 'الكتب والأقلام إلخ. في المخزن', ['الكتب والأقلام إلخ.', 'في المخزن']],
  ['"m." after a year means AD (not "Eng."), and goes on inside a line', 'في عام 2010 م. وقال الوزير إن.', ['في عام 2010 م. وقال الوزير إن.']],
  ['"etc." followed by a comma goes on', 'الكتب والأقلام إلخ.، وغيرها', ['الكتب والأقلام إلخ.، وغيرها']],
  ['initial of a name ("John F. Kennedy" in Arabic)', 'اغتيل جون ف. كينيدي عام 1963.', ['اغتيل جون ف. كينيدي عام 1963.']],
  ['Latin initials and U.S. abbreviation', 'قال George W. Bush إن U.S. forces ستبقى.', ['قال George W. Bush إن U.S. forces ستبقى.']],
  ['URL with dots', 'زوروا الموقع https://www.example.com/ar/news.html للمزيد. شكرا.', ['زوروا الموقع https://www.example.com/ar/news.html للمزيد.', 'شكرا.']],
  ['bare domain name', 'نشر الخبر على موقع aljazeera.net اليوم.', ['نشر الخبر على موقع aljazeera.net اليوم.']],
  ['e-mail address', 'راسلونا على info@news.example.org للاستفسار.', ['راسلونا على info@news.example.org للاستفسار.']],
  ['missing space after the terminator still splits (scraped text)', 'وسياسة الخصوصية المنقحة .يمكنك تغيير الإعدادات.', ['وسياسة الخصوصية المنقحة .', 'يمكنك تغيير الإعدادات.']],
  ['dot glued between two words splits', 'انتهى الاجتماع.وبدأ المؤتمر.', ['انتهى الاجتماع.', 'وبدأ المؤتمر.']],
  ['dotted initials glued together do not split ("A.F.P.")', 'نقلت أ.ف.ب الخبر.', ['نقلت أ.ف.ب الخبر.']],
  ['closing guillemet stays with its sentence', 'قال: «سنعمل معا.» ثم غادر.', ['قال: «سنعمل معا.»', 'ثم غادر.']],
  ['closing ASCII quote after a question mark', 'وسأل "هل نبدأ؟" فأجاب الوزير.', ['وسأل "هل نبدأ؟"', 'فأجاب الوزير.']],
  ['mirrored guillemets: the closing « stays with its sentence', 'قال: »سنعمل معا.« ثم غادر.', ['قال: »سنعمل معا.«', 'ثم غادر.']],
  ['a quoted sentence followed by a comma is embedded, not ended ("«We will work together.», he said")', 'قال: «سنعمل معا.»، وأضاف أنه متفائل.', ['قال: «سنعمل معا.»، وأضاف أنه متفائل.']],
  ['closing bracket after a full stop', '(انتهى الخبر.) وبدأ التالي.', ['(انتهى الخبر.)', 'وبدأ التالي.']],
  ['a quoted passage keeps its sentences', 'قال: «الوضع صعب. لكننا سننجح.» وغادر.', ['قال: «الوضع صعب.', 'لكننا سننجح.»', 'وغادر.']],
  ['an ellipsis inside a quote does not split', 'قال: «نحن ننتظر… والوقت يمر» ثم صمت.', ['قال: «نحن ننتظر… والوقت يمر» ثم صمت.']],
  ['three dots inside a quote do not split', 'قال: "نحن ننتظر... والوقت يمر" ثم صمت.', ['قال: "نحن ننتظر... والوقت يمر" ثم صمت.']],
  ['ellipsis before a comma does not split', 'وأضاف… ، ثم سكت.', ['وأضاف… ، ثم سكت.']],
  ['line breaks end sentences (headline, dateline, paragraph)', 'العنوان هنا\nبكين 24 نوفمبر (شينخوا)\nالتقى الوزير نظيره.', ['العنوان هنا', 'بكين 24 نوفمبر (شينخوا)', 'التقى الوزير نظيره.']],
  ['CRLF line endings', 'السطر الأول\r\nالسطر الثاني.', ['السطر الأول', 'السطر الثاني.']],
  ['paragraph separator U+2029', 'فقرة أولى\u2029فقرة ثانية.', ['فقرة أولى', 'فقرة ثانية.']],
  ['a numbered list item is not a sentence end', '1. البند الأول\n2. البند الثاني', ['1. البند الأول', '2. البند الثاني']],
  ['file name with a dot', 'حمل الملف report.pdf الآن.', ['حمل الملف report.pdf الآن.']],
  ['time with a dot', 'بدأ في الساعة 5.30 مساء.', ['بدأ في الساعة 5.30 مساء.']],
];

describe('splitSentences', () => {
  it.each(CASES)('%s', (_note, input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('has no cap on the number of splits', () => {
    const text = 'جملة قصيرة. '.repeat(500);
    expect(splitSentences(text, lex)).toHaveLength(500);
  });

  it('yields nothing from excluded (boilerplate) spans', () => {
    const text = 'الخبر هنا.\nاقرأ أيضا: خبر آخر.\nونهاية الخبر.';
    const start = text.indexOf('اقرأ');
    const end = text.indexOf('\nونهاية');
    expect(splitSentences(text, lex, [{ start, end }]).map((s) => text.slice(s.start, s.end))).toEqual(['الخبر هنا.', 'ونهاية الخبر.']);
  });

  it('works without a lexicon (no abbreviations known)', () => {
    expect(splitSentences('جملة. أخرى.', null)).toHaveLength(2);
  });
});

describe('title', () => {
  // [note, input, whether the first sentence is the title]
  const TITLES: [string, string, boolean][] = [
    ['headline line without a full stop, then a paragraph', 'وانغ يي يلتقي لافروف\n\nالتقى الوزيران اليوم.', true],
    ['question headline', 'هل تنجح المفاوضات؟\nقال الوزير إنها ستنجح.', true],
    ['first line ending with a full stop is a paragraph', 'التقى الوزيران اليوم.\nوبحثا العلاقات.', false],
    ['a dateline line ending with a dash is not a headline', 'بكين 24 نوفمبر 2026 (شينخوا) --\nالتقى الوزيران اليوم.', false],
    ['a long first line is a paragraph', `${'كلمة '.repeat(40)}\nنص.`, false],
    ['a first sentence that shares its line with another is not a title', 'التقى الوزيران اليوم؟ وبحثا العلاقات.', false],
  ];
  it.each(TITLES)('%s', (_note, input, isTitle) => {
    expect(Boolean(splitSentences(input, lex)[0].title)).toBe(isTitle);
  });
});

describe('quotations', () => {
  it('finds typed and ASCII quotations with their contents', () => {
    const text = 'قال «نعم» ثم قال "لا" و“ربما”.';
    const q = scanQuotations(text);
    expect(q.map((x) => text.slice(x.content.start, x.content.end))).toEqual(['نعم', 'لا', 'ربما']);
    expect(q.map((x) => x.open)).toEqual(['«', '"', '“']);
  });

  it('an unclosed quotation runs to the end of its line only', () => {
    const text = 'قال «الوضع صعب.\nوفي سياق آخر.';
    const [q] = scanQuotations(text);
    expect(q.closeAt).toBe(-1);
    expect(text.slice(q.start, q.end)).toBe('«الوضع صعب.');
  });

  it('mirrored marks used as openers (»…« and ”…“) pair up', () => {
    const text = 'قال »نعم« ثم قال: ”لا“ وغادر.';
    expect(scanQuotations(text).map((x) => text.slice(x.content.start, x.content.end))).toEqual(['نعم', 'لا']);
  });

  it('a closing ASCII quote also ends marks opened inside it and left open', () => {
    const text = 'قال "نعم «ربما" وغادر.';
    const q = scanQuotations(text);
    expect(q.map((x) => [text.slice(x.start, x.end), x.closeAt >= 0])).toEqual([
      ['"نعم «ربما"', true],
      ['«ربما', false],
    ]);
  });

  it('nested quotations', () => {
    const text = '«قال "نعم" أمس»';
    expect(scanQuotations(text).map((x) => text.slice(x.start, x.end))).toEqual(['«قال "نعم" أمس»', '"نعم"']);
  });

  it('tells which sentences one quoted passage spans ("the situation is hard. but we will succeed.")', () => {
    const text = 'قال الوزير: «الوضع صعب. لكننا سننجح. وسنعمل معا.» وغادر. ثم قال «نعم».';
    const sentences = splitSentences(text, lex);
    const quotations = findQuotations(text, sentences);
    const passage = quotations.find((q) => q.lastSentence > q.firstSentence)!;
    expect([passage.firstSentence, passage.lastSentence]).toEqual([0, 2]);
    expect(Array.from(quotedPassageOfSentence(sentences.length, quotations))).toEqual([0, 0, 0, -1, -1]);
    const single = quotations.find((q) => q.open === '«' && q.firstSentence === q.lastSentence)!;
    expect(single.firstSentence).toBe(4);
  });
});
