import { describe, expect, it } from 'vitest';
import { quoteLexicons, runQuotes, view, type EntitySpec } from './helpers.js';
import { Lexicons } from '../../../src/lexicon/lexicons.js';
import { mayOpenSpeech, quoteLexicon } from '../../../src/stages/quotes/lexicon.js';
import { normalizeForMatch } from '../../../src/text/normalize.js';

/**
 * Mechanisms found on held-out articles (issue 5 follow-up): postposed reporting clauses,
 * كان + subject + قد + verb with a quotation inside the content, titles with an organization
 * complement, coordinated subjects, generic person nouns, affiliations of anonymous sources.
 */

const mccain: EntitySpec = { id: 'mccain', gender: 'f', forms: ['سيندي ماكين'] };
const wfp: EntitySpec = { id: 'wfp', type: 'ORGANIZATION', forms: ['برنامج الأغذية العالمي'] };
const laqjaa: EntitySpec = { id: 'laqjaa', forms: ['فوزي لقجع'] };
const bashir: EntitySpec = { id: 'bashir', forms: ['محمد البشير', 'البشير'] };
const koni: EntitySpec = { id: 'koni', forms: ['إبراهيم الكوني', 'الكوني'] };
const hammoud: EntitySpec = { id: 'hammoud', forms: ['خليل حمود', 'حمود'] };
const reem: EntitySpec = { id: 'reem', gender: 'f', forms: ['ريم'] };
const attaf: EntitySpec = { id: 'attaf', forms: ['أحمد عطاف'] };
const albares: EntitySpec = { id: 'albares', forms: ['خوسيه مانويل ألباريس'] };
const moa: EntitySpec = { id: 'moa', type: 'ORGANIZATION', forms: ['وزارة الزراعة'] };
const caf: EntitySpec = { id: 'caf', type: 'ORGANIZATION', forms: ['الاتحاد الأفريقي لكرة القدم', 'كاف'] };

describe('speakers and contents on held-out constructions', () => {
  it.each([
    // [note, text, entities, cue, speaker entity, speaker text, content]
    ['title + organization complement + person mention: the person speaks, the title is the role',
      'من جهتها، قالت المديرة التنفيذية لبرنامج الأغذية العالمي سيندي ماكين إن "ملايين الأشخاص على حافة المجاعة".', [wfp, mccain], 'قالت', 'mccain', 'سيندي ماكين', 'ملايين الأشخاص على حافة المجاعة'],
    ['title + organization complement + a name no stage knows: the description runs through the name',
      'من جهتها، قالت المديرة التنفيذية لبرنامج الأغذية العالمي سيندي ماكين إن الوضع خطير.', [wfp], 'قالت', null, 'المديرة التنفيذية لبرنامج الأغذية العالمي سيندي ماكين', 'الوضع خطير'],
    ['كان + title + name + قد + verb; the content runs through a quotation holding وفق',
      'وكان رئيس الجامعة الملكية المغربية لكرة القدم فوزي لقجع قد صرح الأسبوع الماضي بأن الاستعدادات "تسير وفق البرنامج المسطر".', [laqjaa], 'صرح', 'laqjaa', 'فوزي لقجع', 'الاستعدادات "تسير وفق البرنامج المسطر"'],
    ['a question, then a bare present-tense reporting clause: the question is the content',
      'وقال البشير إن المساعدات لن تكفي. هل تستطيع الحكومة الوفاء بالتزاماتها؟ يتساءل البشير.', [bashir], 'يتساءل', 'bashir', 'البشير', 'هل تستطيع الحكومة الوفاء بالتزاماتها'],
    ['a quotation, then the reporting clause without a comma',
      'وتحدث عن الصحراء طويلا. "أنا لا أنتمي إلى مكان، بل إلى زمن" يقول الكوني في ختام الحوار.', [koni], 'يقول', 'koni', 'الكوني', 'أنا لا أنتمي إلى مكان، بل إلى زمن'],
    ['a complementizer after the verb wins over a quotation closing right before it',
      'يقول الكوني إن الكتابة "ليست مهنة بل قدر"، ويضيف أنه لا يكتب إلا فجرا.', [koni], 'ويضيف', 'koni', 'الكوني', 'لا يكتب إلا فجرا'],
    ['اكتفى + subject + بالقول إن: the subject speaks, the clause after إن is the content',
      'واكتفى خليل حمود بالقول إن التحقيق جار.', [hammoud], 'واكتفى', 'hammoud', 'خليل حمود', 'التحقيق جار'],
    ['a second subject coordinated with و stays out of the content',
      'أعلن وزير الخارجية أحمد عطاف ونظيره الإسباني خوسيه مانويل ألباريس، اليوم الاثنين، استئناف العمل بالمعاهدة.', [attaf, albares], 'أعلن', 'attaf', 'أحمد عطاف', 'استئناف العمل بالمعاهدة'],
    ['a generic person noun (الرجل الستيني) is the man just named',
      'يصلح خليل حمود شباكه منذ الفجر. يقول الرجل الستيني إن البحر لم يعد يعطي.', [hammoud], 'يقول', 'hammoud', 'الرجل الستيني', 'البحر لم يعد يعطي'],
    ['an anonymous source with في + an organization: the affiliation belongs to the description',
      'في المقابل، نفى مصدر في وزارة الزراعة أن تكون الحكومة قد تخلت عن الصيادين.', [moa], 'نفى', null, 'مصدر في وزارة الزراعة', 'تكون الحكومة قد تخلت عن الصيادين'],
    ['an official with في + a definite phrase (no entity)',
      'ونقل عن مسؤول في الشركة المستوردة قوله إن الشحنة دخلت الشهر الماضي.', [], 'قوله', null, 'مسؤول في الشركة المستوردة', 'الشحنة دخلت الشهر الماضي'],
    ['sources in an organization with its abbreviation: a description, not the organization',
      'وقالت مصادر في الاتحاد الأفريقي لكرة القدم (كاف) إن الملاعب جاهزة.', [caf], 'وقالت', null, 'مصادر في الاتحاد الأفريقي لكرة القدم', 'الملاعب جاهزة'],
    ['a place adjunct and a time adjunct between the subject and a noun-phrase complement are skipped',
      'أعلنت الهيئة العامة للغذاء والدواء في السعودية، مساء الثلاثاء، سحب ثلاث دفعات من الحليب.', [{ id: 'sa', type: 'LOCATION', gender: 'f', forms: ['السعودية'] }], 'أعلنت', null, 'الهيئة العامة للغذاء والدواء', 'سحب ثلاث دفعات من الحليب'],
    ['an adjective participle (كان متوقعا) does not cut the content of the verb before it',
      'من جهتها، قالت الخبيرة سلوى بن عمار إن القرار كان متوقعا، محذرة من أن الأسعار ترتفع.', [{ id: 'salwa', gender: 'f', forms: ['سلوى بن عمار'] }], 'قالت', 'salwa', 'سلوى بن عمار', 'القرار كان متوقعا'],
    ['a participle after a comma still ends the content before it',
      'وقال الوزير إن الخطة جاهزة، مضيفا أن التمويل متوفر.', [], 'وقال', null, 'الوزير', 'الخطة جاهزة'],
    ['the agency of the dateline is not the subject a participle hangs on',
      'تونس (رويترز) - أبقى البنك المركزي التونسي سعر الفائدة دون تغيير، مشيرا إلى استمرار الضغوط التضخمية.', [{ id: 'reuters', type: 'ORGANIZATION', forms: ['رويترز'] }, { id: 'bct', type: 'ORGANIZATION', forms: ['البنك المركزي التونسي'] }], 'مشيرا', 'bct', 'البنك المركزي التونسي', 'استمرار الضغوط التضخمية'],
    ['a clause particle before the next cue is left to that clause (…، فيما أعلن …)',
      'دعت المنظمة إلى حماية المنشآت الطبية، فيما أعلن الصليب الأحمر نقل 40 مصابا.', [{ id: 'who', type: 'ORGANIZATION', forms: ['المنظمة'] }], 'دعت', 'who', 'المنظمة', 'حماية المنشآت الطبية'],
    ['a relative adjective after an organization mention belongs to the subject',
      'وأعلن الصليب الأحمر اللبناني نقل 40 مصابا من قرى حدودية.', [{ id: 'lrc', type: 'ORGANIZATION', forms: ['الصليب الأحمر'] }], 'وأعلن', 'lrc', 'الصليب الأحمر', 'نقل 40 مصابا من قرى حدودية'],
    ['a definite noun that is no relative adjective starts the complement',
      'وأعلنت الشركة الاستحواذ على منافستها.', [{ id: 'co', type: 'ORGANIZATION', forms: ['الشركة'] }], 'وأعلنت', 'co', 'الشركة', 'الاستحواذ على منافستها'],
    ['a person named between commas after a description is the speaker; the description is the role',
      'وأوضح رئيس فريق البحث، البروفيسور إبراهيم حطيط، أن الشعاب صامدة.', [{ id: 'hoteit', forms: ['إبراهيم حطيط'] }], 'وأوضح', 'hoteit', 'إبراهيم حطيط', 'الشعاب صامدة'],
    ['SVO across an inserted وهو clause', 'خبير المناخ سمير طنطاوي، وهو مستشار سابق للبرنامج، قال إن النتائج مقلقة.', [{ id: 'samir', forms: ['سمير طنطاوي'] }], 'قال', 'samir', 'سمير طنطاوي', 'النتائج مقلقة'],
    ['خلص إلى أن reports a finding', 'وخلص الباحثون إلى أن حماية الشعاب تتطلب خفض التلوث.', [], 'وخلص', null, 'الباحثون', 'حماية الشعاب تتطلب خفض التلوث'],
    ['ردّ with بأن: a reply', 'ورد وزير النقل وجيه عزايزة بأن الحكومة تدرس خطة للدعم.', [{ id: 'azaizeh', forms: ['وجيه عزايزة'] }], 'ورد', 'azaizeh', 'وجيه عزايزة', 'الحكومة تدرس خطة للدعم'],
    ['a closing على حد قوله is not part of the content', 'وقال الوزير إن الحكومة "لا تملك عصا سحرية"، على حد قوله.', [], 'وقال', null, 'الوزير', 'الحكومة "لا تملك عصا سحرية"'],
    ['عقّب … على ذلك بالقول إن', 'وعقّب الوزير على ذلك بالقول إن التنفيذ سيبدأ العام المقبل.', [], 'وعقّب', null, 'الوزير', 'التنفيذ سيبدأ العام المقبل'],
    ['عقب as a preposition after an inserted title leaves the complement to قال',
      'قال البرتغالي جورجي جيسوس، مدرب الهلال، عقب فوز فريقه على النصر، إن اللاعبين قدموا مباراة كبيرة.', [{ id: 'jesus', forms: ['جورجي جيسوس'] }], 'قال', 'jesus', 'جورجي جيسوس', 'اللاعبين قدموا مباراة كبيرة'],
    ['لكنه + verb: the pronoun is the subject (the minister quoted before)', 'وقال الوزير إن الخطة جاهزة. لكنه أضاف أن التمويل لم يتوفر بعد.', [], 'أضاف', null, 'الوزير', 'التمويل لم يتوفر بعد'],
    ['إلا أنه + verb with a noun phrase after its particle', 'وأكد الرئيس أن الحوار ضروري، إلا أنه أشار إلى صعوبات كبيرة.', [], 'أشار', null, 'الرئيس', 'صعوبات كبيرة'],
    ['a topic with a title in no lexicon, a place and a name, closed by its verb',
      'أما رئيس الصيادين في صور سامي رزق فيؤكد أن مئتي عائلة تعتمد على الصيد.', [], 'فيؤكد', null, 'رئيس الصيادين في صور سامي رزق', 'مئتي عائلة تعتمد على الصيد'],
  ])('%s', (_note, text, entities, cue, entity, speakerText, content) => {
    const q = runQuotes(text, entities).quotes.find((x) => x.cue.text === cue);
    expect(q, 'quote found').toBeDefined();
    expect([q!.speaker.entity, q!.speaker.text, q!.content.text]).toEqual([entity, speakerText, content]);
  });

  it.each([
    // [note, text, entities, cue, speaker text]: negative rows, the new mechanisms must not fire
    ['a generic person noun with no person of its gender named before stays a description',
      'تعمل ريم في المصنع منذ سنوات. وقال الرجل إن الأجور تراجعت.', [reem], 'وقال', 'الرجل'],
    ['an adjunct between commas after a description is no appositive person', 'وأوضح المتحدث، في بيان، أن الاجتماع تأجل.', [], 'وأوضح', 'المتحدث'],
    ['an indefinite adjunct after في is not an affiliation', 'وقال مصدر في تصريح صحفي إن الاجتماع انتهى.', [], 'وقال', 'مصدر'],
    ['الهيئة after a described authority refers back to that description',
      'أعلنت الهيئة العامة للغذاء والدواء سحب ثلاث دفعات. وأوضحت الهيئة أن المنتج لم يوزع.', [], 'وأوضحت', 'الهيئة العامة للغذاء والدواء'],
  ])('%s', (_note, text, entities, cue, speakerText) => {
    const q = runQuotes(text, entities).quotes.map(view).find((x) => x.cue === cue);
    expect(q, 'quote found').toBeDefined();
    expect([q!.speaker, q!.text]).toEqual([null, speakerText]);
  });

  it.each([
    // [note, text, entities, cue]: no quote at all
    ['a bare reporting clause after a sentence of another paragraph is no postposed quote', 'هل تستطيع الحكومة الوفاء بالتزاماتها؟\nيتساءل البشير.', [bashir], 'يتساءل'],
    ['a reporting clause with a conjunction does not take the sentence before', 'ارتفعت الأسعار كثيرا هذا الشهر. وتساءل البشير.', [bashir], 'وتساءل'],
    ['خلص without a complementizer is "finished", no quote', 'وخلص الاجتماع إلى توصيات عامة.', [], 'وخلص'],
    ['a byline (كتب: + a short name) is not speech', 'كتب: محمد الخطيب\n\nعمان - شهدت الجلسة نقاشا حادا.', [], 'كتب'],
    ['عقب as a preposition is no cue', 'قال البرتغالي جورجي جيسوس، مدرب الهلال، عقب فوز فريقه على النصر، إن اللاعبين قدموا مباراة كبيرة.', [], 'عقب'],
    ['a verb after a content complementizer with no concessive particle opens no noun-phrase quote', 'وقال الوزير إنه أشار إلى صعوبات كبيرة.', [], 'أشار'],
    ['an attribution phrase inside a quotation is the speaker\'s wording', 'وقال الوزير إن العمل "يسير وفق الخطة".', [], 'وفق'],
  ])('%s', (_note, text, entities, cue) => {
    const quotes = runQuotes(text, entities).quotes.map(view);
    expect(quotes.find((x) => x.cue === cue || x.cue.startsWith(cue))).toBeUndefined();
  });
});

describe('the shape prefilter of the per-token scans', () => {
  it('lets every cue form and first attribution word through, bare and with و/ف', () => {
    const q = quoteLexicon(quoteLexicons());
    const forms = [...q.cues.keys(), ...q.attributions.keys()];
    const rejected = forms.flatMap((f) => [f, `و${f}`, `ف${f}`]).filter((f) => !mayOpenSpeech(q, f));
    expect(rejected).toEqual([]);
  });

  it('follows the conjunctions of the clitic lexicon, not a fixed list (a user adds the question particle أ: أقال)', () => {
    const base = quoteLexicons();
    const extra = new Lexicons([{ name: 'clitic.mine.tsv', text: 'form\tslot\tnote\nأ\tconj\tinterrogative a-, "is it that"\n' }], base.files);
    const q = quoteLexicon(extra);
    const forms = [...q.cues.keys(), ...q.attributions.keys()].filter((f) => f.length > 1);
    expect(forms.filter((f) => !mayOpenSpeech(q, `ا${f}`))).toEqual([]);
  });

  it.each([
    // [note, word]
    ['a common noun', 'الحكومة'],
    ['a preposition', 'في'],
  ])('rejects %s', (_note, word) => {
    expect(mayOpenSpeech(quoteLexicon(quoteLexicons()), normalizeForMatch(word))).toBe(false);
  });
});
