/**
 * The normalization character table, kept as typed data.
 *
 * Each rule names a set of code points and what each level does with them:
 * - `drop`: the character leaves no unit in the normalized string (its offset maps nowhere);
 * - a string: the character is replaced by that string (every produced unit maps back to the
 *   whole source character, so expansions such as ﻻ → لا share their source range);
 * - `keep` (or the level missing): the character is copied as is.
 *
 * `display` never loses what a reader needs (hamza, ة, ى and diacritics stay); `match` is the
 * lossy level used for lookups.
 */
export type CharAction = 'keep' | 'drop' | string;

export interface CharRule {
  /** Inclusive code point ranges. */
  ranges: ReadonlyArray<readonly [number, number]>;
  note: string;
  display: CharAction;
  match: CharAction;
}

const r = (a: number, b = a): readonly [number, number] => [a, b];

export const CHAR_RULES: readonly CharRule[] = [
  { note: 'Arabic harakat, tanwin, shadda, sukun and extended marks', ranges: [r(0x064b, 0x065f), r(0x0670)], display: 'keep', match: 'drop' },
  { note: 'Quranic annotation marks', ranges: [r(0x0610, 0x061a), r(0x06d6, 0x06dc), r(0x06df, 0x06e8), r(0x06ea, 0x06ed)], display: 'drop', match: 'drop' },
  { note: 'tatweel (kashida)', ranges: [r(0x0640)], display: 'drop', match: 'drop' },
  { note: 'bidi controls', ranges: [r(0x200e, 0x200f), r(0x061c), r(0x202a, 0x202e), r(0x2066, 0x2069)], display: 'drop', match: 'drop' },
  { note: 'zero-width space, joiners, soft hyphen, BOM inside text', ranges: [r(0x200b, 0x200d), r(0xfeff), r(0x00ad), r(0x2060)], display: 'drop', match: 'drop' },
  { note: 'alef with hamza above/below, madda, wasla → bare alef', ranges: [r(0x0623), r(0x0625), r(0x0622), r(0x0671), r(0x0672), r(0x0673)], display: 'keep', match: 'ا' },
  { note: 'combining madda/hamza above/below (decomposed alef forms)', ranges: [r(0x0653, 0x0655)], display: 'keep', match: 'drop' },
  { note: 'waw with hamza → waw (match only)', ranges: [r(0x0624)], display: 'keep', match: 'و' },
  { note: 'yeh with hamza → yeh (match only)', ranges: [r(0x0626)], display: 'keep', match: 'ي' },
  { note: 'alef maksura → yeh (match only)', ranges: [r(0x0649)], display: 'keep', match: 'ي' },
  { note: 'teh marbuta → heh (match only)', ranges: [r(0x0629)], display: 'keep', match: 'ه' },
  { note: 'Persian/Urdu kaf, keheh, swash kaf → kaf', ranges: [r(0x06a9), r(0x06aa)], display: 'ك', match: 'ك' },
  { note: 'Persian gaf → kaf (match); kept for display', ranges: [r(0x06af)], display: 'keep', match: 'ك' },
  { note: 'Farsi yeh and Pashto/Uighur yeh variants → yeh', ranges: [r(0x06cc), r(0x06cd), r(0x06d0), r(0x06d2)], display: 'ي', match: 'ي' },
  { note: 'Urdu heh goal, ae, heh with yeh above → heh', ranges: [r(0x06c1), r(0x06d5), r(0x06c0)], display: 'keep', match: 'ه' },
  { note: 'Arabic-Indic digits → ASCII', ranges: [r(0x0660, 0x0669)], display: 'keep', match: '' /* filled below */ },
  { note: 'Extended Arabic-Indic (Persian) digits → ASCII', ranges: [r(0x06f0, 0x06f9)], display: 'keep', match: '' },
  { note: 'Arabic percent sign', ranges: [r(0x066a)], display: 'keep', match: '%' },
  { note: 'Arabic decimal separator', ranges: [r(0x066b)], display: 'keep', match: '.' },
  { note: 'Arabic thousands separator', ranges: [r(0x066c)], display: 'keep', match: ',' },
  { note: 'Unicode spaces (NBSP, en/em spaces, narrow NBSP, ideographic) → space', ranges: [r(0x00a0), r(0x2000, 0x200a), r(0x202f), r(0x205f), r(0x3000), r(0x1680)], display: ' ', match: ' ' },
  { note: 'line and paragraph separators, NEL → newline', ranges: [r(0x2028), r(0x2029), r(0x0085)], display: '\n', match: '\n' },
];

/** Digits are a range mapping, generated rather than listed. */
export function digitValue(cp: number): number {
  if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
  if (cp >= 0x06f0 && cp <= 0x06f9) return cp - 0x06f0;
  return -1;
}
