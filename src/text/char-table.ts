/**
 * The normalization character table, kept as typed data (see docs/text.md for the levels).
 *
 * Each rule names a group of code points and what each level does with them:
 * - `drop`: the character leaves no unit in the normalized string (its offset maps nowhere);
 * - a string: the character is replaced by that string (every produced unit maps back to the
 *   whole source character, so expansions such as ﻻ → لا share their source range);
 * - `keep`: the character is copied as is.
 * The `none` level keeps everything. `display` never loses what a reader needs (hamza, ة, ى and
 * harakat stay); `match` is the lossy level used for lookups. Any group can be switched off
 * (kept as is) with `NormalizeOptions.keep`, e.g. `--keep diacritics`.
 *
 * Two mechanisms sit beside the plain rules because they need context:
 * - COMPOSITIONS: a combining madda/hamza (U+0653–U+0655) right after a base letter as written
 *   out (ا + U+0654) makes the precomposed letter (أ), which then goes through its own rule, so
 *   decomposed and precomposed text normalize identically at every level;
 * - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) are expanded through their Unicode
 *   compatibility decomposition and then run through the level's rules, so ﻷ → لأ (display)
 *   → لا (match): the hamza survives wherever the level keeps hamza.
 */
export type CharAction = 'keep' | 'drop' | string;

export const RULE_GROUPS = [
  'diacritics',
  'quranic-marks',
  'tatweel',
  'bidi',
  'zero-width',
  'alef',
  'hamza-carriers',
  'alef-maksura',
  'teh-marbuta',
  'persian',
  'digits',
  'number-signs',
  'spaces',
  'line-separators',
  'presentation-forms',
] as const;

export type RuleGroup = (typeof RULE_GROUPS)[number];

export interface CharRule {
  group: RuleGroup;
  /** Inclusive code point ranges (all in the BMP). */
  ranges: ReadonlyArray<readonly [number, number]>;
  note: string;
  display: CharAction;
  match: CharAction;
}

const r = (a: number, b = a): readonly [number, number] => [a, b];

export const CHAR_RULES: readonly CharRule[] = [
  // marks
  { group: 'diacritics', note: 'harakat, tanwin, shadda, sukun, hamza/madda marks and other Arabic combining marks', ranges: [r(0x064b, 0x065f)], display: 'keep', match: 'drop' },
  { group: 'diacritics', note: 'superscript (dagger) alef', ranges: [r(0x0670)], display: 'keep', match: 'drop' },
  { group: 'diacritics', note: 'Arabic Extended-A combining marks (open tanwin, small marks)', ranges: [r(0x08d3, 0x08e1), r(0x08e3, 0x08ff)], display: 'keep', match: 'drop' },
  { group: 'quranic-marks', note: 'honorific and small high signs above letters', ranges: [r(0x0610, 0x061a)], display: 'drop', match: 'drop' },
  { group: 'quranic-marks', note: 'Quranic annotation marks (small high ligatures, small waw/yeh, pause marks)', ranges: [r(0x06d6, 0x06ed)], display: 'drop', match: 'drop' },
  { group: 'tatweel', note: 'tatweel (kashida), pure elongation', ranges: [r(0x0640)], display: 'drop', match: 'drop' },
  // invisible controls
  { group: 'bidi', note: 'bidi marks, embeddings, overrides and isolates', ranges: [r(0x200e, 0x200f), r(0x061c), r(0x202a, 0x202e), r(0x2066, 0x2069)], display: 'drop', match: 'drop' },
  { group: 'zero-width', note: 'zero-width space and joiners, word joiner, invisible operators, soft hyphen, Mongolian vowel separator, BOM inside text', ranges: [r(0x200b, 0x200d), r(0x2060, 0x2064), r(0x00ad), r(0x180e), r(0xfeff)], display: 'drop', match: 'drop' },
  // letters
  { group: 'alef', note: 'alef with madda, hamza above, hamza below → bare alef', ranges: [r(0x0622, 0x0623), r(0x0625)], display: 'keep', match: 'ا' },
  { group: 'alef', note: 'alef wasla, wavy hamza alefs, high hamza alef → bare alef', ranges: [r(0x0671, 0x0673), r(0x0675)], display: 'keep', match: 'ا' },
  { group: 'hamza-carriers', note: 'waw with hamza (and high hamza waw forms) → waw', ranges: [r(0x0624), r(0x0676, 0x0677)], display: 'keep', match: 'و' },
  { group: 'hamza-carriers', note: 'yeh with hamza (and high hamza yeh) → yeh', ranges: [r(0x0626), r(0x0678)], display: 'keep', match: 'ي' },
  { group: 'alef-maksura', note: 'alef maksura → yeh (إلى → الي; never الا)', ranges: [r(0x0649)], display: 'keep', match: 'ي' },
  { group: 'teh-marbuta', note: 'teh marbuta (and Urdu teh marbuta goal) → heh', ranges: [r(0x0629)], display: 'keep', match: 'ه' },
  { group: 'teh-marbuta', note: 'Urdu teh marbuta goal → heh', ranges: [r(0x06c3)], display: 'keep', match: 'ه' },
  { group: 'persian', note: 'keheh, swash kaf, kaf with ring → Arabic kaf (the same letter to an Arabic reader)', ranges: [r(0x06a9, 0x06ab)], display: 'ك', match: 'ك' },
  { group: 'persian', note: 'gaf → kaf (match only; gaf transcribes a foreign g)', ranges: [r(0x06af)], display: 'keep', match: 'ك' },
  { group: 'persian', note: 'Farsi yeh: ى at the end of a word, ي elsewhere (display); yeh (match)', ranges: [r(0x06cc)], display: 'yeh-by-position', match: 'ي' },
  { group: 'persian', note: 'Kashmiri, Pashto, Uighur yeh and yeh barree → yeh', ranges: [r(0x0620), r(0x06cd), r(0x06ce), r(0x06d0), r(0x06d1), r(0x06d2), r(0x06d3)], display: 'keep', match: 'ي' },
  { group: 'persian', note: 'heh doachashmee, heh goal, ae, heh with yeh above → heh', ranges: [r(0x06be), r(0x06c0), r(0x06c1), r(0x06c2), r(0x06d5)], display: 'keep', match: 'ه' },
  { group: 'persian', note: 'noon ghunna → noon', ranges: [r(0x06ba)], display: 'keep', match: 'ن' },
  // numbers
  { group: 'digits', note: 'Arabic-Indic digits ٠–٩ → ASCII', ranges: [r(0x0660, 0x0669)], display: 'keep', match: 'digit' },
  { group: 'digits', note: 'Extended Arabic-Indic (Persian, Urdu) digits ۰–۹ → ASCII', ranges: [r(0x06f0, 0x06f9)], display: 'keep', match: 'digit' },
  { group: 'number-signs', note: 'Arabic percent sign ٪ → %', ranges: [r(0x066a)], display: 'keep', match: '%' },
  { group: 'number-signs', note: 'Arabic decimal separator ٫ → .', ranges: [r(0x066b)], display: 'keep', match: '.' },
  { group: 'number-signs', note: 'Arabic thousands separator ٬ → ,', ranges: [r(0x066c)], display: 'keep', match: ',' },
  { group: 'number-signs', note: 'Arabic per mille ؉ and per ten thousand ؊', ranges: [r(0x0609)], display: 'keep', match: '‰' },
  { group: 'number-signs', note: 'Arabic per ten thousand sign', ranges: [r(0x060a)], display: 'keep', match: '‱' },
  { group: 'number-signs', note: 'Arabic date separator ؍ → /', ranges: [r(0x060d)], display: 'keep', match: '/' },
  // white space
  { group: 'spaces', note: 'NBSP, Ogham space, en/em/thin/hair spaces, narrow NBSP, medium math space, ideographic space → space', ranges: [r(0x00a0), r(0x1680), r(0x2000, 0x200a), r(0x202f), r(0x205f), r(0x3000)], display: ' ', match: ' ' },
  { group: 'line-separators', note: 'line separator, paragraph separator, NEL → newline', ranges: [r(0x2028), r(0x2029), r(0x0085)], display: '\n', match: '\n' },
];

/**
 * Decomposed sequences that compose: [base, combining mark, precomposed] (the Unicode canonical
 * compositions of the Arabic letters).
 */
export const COMPOSITIONS: ReadonlyArray<readonly [number, number, number]> = [
  [0x0627, 0x0653, 0x0622], // ا + madda → آ
  [0x0627, 0x0654, 0x0623], // ا + hamza above → أ
  [0x0627, 0x0655, 0x0625], // ا + hamza below → إ
  [0x0648, 0x0654, 0x0624], // و + hamza above → ؤ
  [0x064a, 0x0654, 0x0626], // ي + hamza above → ئ
  [0x06d5, 0x0654, 0x06c0], // ە + hamza above → ۀ
  [0x06c1, 0x0654, 0x06c2], // ہ + hamza above → ۂ
  [0x06d2, 0x0654, 0x06d3], // ے + hamza above → ۓ
];

/** The presentation-form blocks whose compatibility decompositions are applied. */
export const PRESENTATION_RANGES: ReadonlyArray<readonly [number, number]> = [r(0xfb50, 0xfdff), r(0xfe70, 0xfefc)];

/**
 * Presentation forms Unicode gives no decomposition but that stand for words
 * (the basmala ligature).
 */
export const EXTRA_EXPANSIONS: ReadonlyArray<readonly [number, string]> = [[0xfdfd, 'بسم الله الرحمن الرحيم']];

/** Digits are a range mapping, generated rather than listed. */
export function digitValue(cp: number): number {
  if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
  if (cp >= 0x06f0 && cp <= 0x06f9) return cp - 0x06f0;
  return -1;
}
