#!/usr/bin/env node
/**
 * Generates lexicons/place.country.tsv: every ISO 3166 country and territory in Arabic, from
 * the two offline sources (Intl.DisplayNames built into Node's ICU, and i18n-iso-countries `ar`,
 * MIT), plus the press variants curated below (the spellings Arabic news agencies use).
 * Run: node scripts/gen-countries.mjs > lexicons/place.country.tsv
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const arNames = require('i18n-iso-countries/langs/ar.json').countries;
const arDisplay = new Intl.DisplayNames(['ar'], { type: 'region' });
const enDisplay = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Forms that must never match as the country: common words in Arabic (مالي "financial").
 * They become `block` rows so a user lexicon cannot silently re-add them without notice.
 */
const BLOCK = new Set(['مالي']);

/** Press variants and short forms, curated (ISO code → extra Arabic forms). */
const PRESS = {
  US: ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا', 'امريكا'],
  GB: ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى', 'انجلترا', 'إنجلترا', 'انكلترا', 'إنكلترا', 'اسكتلندا', 'إسكتلندا', 'ويلز'],
  RU: ['روسيا الاتحادية', 'الاتحاد الروسي'],
  CN: ['جمهورية الصين الشعبية'],
  TW: ['تايوان'],
  KR: ['كوريا الجنوبية', 'جمهورية كوريا'],
  KP: ['كوريا الشمالية', 'جمهورية كوريا الديمقراطية الشعبية'],
  DE: ['ألمانيا', 'المانيا'],
  FR: ['فرنسا'],
  IT: ['إيطاليا', 'ايطاليا'],
  ES: ['إسبانيا', 'اسبانيا'],
  IL: ['إسرائيل', 'اسرائيل'],
  PS: ['فلسطين', 'الأراضي الفلسطينية', 'الأراضي المحتلة'],
  SA: ['السعودية', 'المملكة العربية السعودية', 'المملكة السعودية'],
  AE: ['الإمارات', 'الامارات', 'الإمارات العربية المتحدة'],
  EG: ['مصر', 'جمهورية مصر العربية'],
  SY: ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
  IQ: ['العراق'],
  IR: ['إيران', 'ايران', 'الجمهورية الإسلامية الإيرانية'],
  LB: ['لبنان'],
  JO: ['الأردن', 'الاردن', 'المملكة الأردنية الهاشمية'],
  YE: ['اليمن'],
  OM: ['سلطنة عمان', 'سلطنة عُمان'],
  QA: ['قطر'],
  BH: ['البحرين', 'مملكة البحرين'],
  KW: ['الكويت'],
  LY: ['ليبيا'],
  TN: ['تونس'],
  DZ: ['الجزائر'],
  MA: ['المغرب', 'المملكة المغربية'],
  MR: ['موريتانيا'],
  SD: ['السودان'],
  SS: ['جنوب السودان'],
  SO: ['الصومال'],
  DJ: ['جيبوتي'],
  KM: ['جزر القمر'],
  TR: ['تركيا'],
  AF: ['أفغانستان', 'افغانستان'],
  PK: ['باكستان'],
  IN: ['الهند'],
  JP: ['اليابان'],
  BY: ['روسيا البيضاء', 'بيلاروسيا'],
  UA: ['أوكرانيا', 'اوكرانيا'],
  NL: ['هولندا'],
  BE: ['بلجيكا'],
  CH: ['سويسرا'],
  AT: ['النمسا'],
  SE: ['السويد'],
  NO: ['النرويج'],
  DK: ['الدانمارك', 'الدنمرك', 'الدنمارك'],
  FI: ['فنلندا'],
  GR: ['اليونان'],
  PT: ['البرتغال'],
  PL: ['بولندا'],
  CZ: ['تشيكيا', 'التشيك'],
  HU: ['المجر', 'هنغاريا'],
  RO: ['رومانيا'],
  BG: ['بلغاريا'],
  RS: ['صربيا'],
  HR: ['كرواتيا'],
  BA: ['البوسنة', 'البوسنة والهرسك'],
  XK: ['كوسوفو'],
  AL: ['ألبانيا', 'البانيا'],
  MK: ['مقدونيا', 'مقدونيا الشمالية'],
  GE: ['جورجيا'],
  AM: ['أرمينيا', 'ارمينيا'],
  AZ: ['أذربيجان', 'اذربيجان'],
  KZ: ['كازاخستان'],
  UZ: ['أوزبكستان', 'اوزبكستان'],
  TJ: ['طاجيكستان'],
  KG: ['قرغيزستان', 'قيرغيزستان'],
  TM: ['تركمانستان'],
  BR: ['البرازيل'],
  AR: ['الأرجنتين', 'الارجنتين'],
  MX: ['المكسيك'],
  VE: ['فنزويلا'],
  CO: ['كولومبيا'],
  CL: ['تشيلي', 'شيلي'],
  PE: ['بيرو'],
  CU: ['كوبا'],
  CA: ['كندا'],
  AU: ['أستراليا', 'استراليا'],
  NZ: ['نيوزيلندا', 'نيوزيلاندا'],
  ZA: ['جنوب أفريقيا', 'جنوب افريقيا', 'جنوب إفريقيا'],
  NG: ['نيجيريا'],
  ET: ['إثيوبيا', 'اثيوبيا', 'أثيوبيا'],
  ER: ['إريتريا', 'اريتريا', 'أريتريا'],
  KE: ['كينيا'],
  CD: ['الكونغو الديمقراطية', 'جمهورية الكونغو الديمقراطية', 'الكونغو الديموقراطية'],
  CG: ['الكونغو', 'الكونغو برازافيل'],
  CI: ['ساحل العاج', 'كوت ديفوار'],
  ID: ['إندونيسيا', 'اندونيسيا'],
  MY: ['ماليزيا'],
  PH: ['الفلبين'],
  TH: ['تايلاند', 'تايلند'],
  VN: ['فيتنام', 'فيتنام'],
  MM: ['ميانمار', 'بورما'],
  BD: ['بنغلاديش', 'بنجلاديش'],
  LK: ['سريلانكا', 'سري لانكا'],
  NP: ['نيبال'],
  VA: ['الفاتيكان'],
  CY: ['قبرص'],
  MT: ['مالطا'],
  IE: ['أيرلندا', 'ايرلندا', 'إيرلندا'],
  IS: ['أيسلندا', 'آيسلندا', 'ايسلندا'],
  SN: ['السنغال'],
  ML: ['مالي'],
  NE: ['النيجر'],
  TD: ['تشاد'],
  CM: ['الكاميرون'],
  GH: ['غانا'],
  UG: ['أوغندا', 'اوغندا'],
  TZ: ['تنزانيا'],
  RW: ['رواندا'],
  ZW: ['زيمبابوي'],
  AO: ['أنغولا', 'انغولا'],
  MZ: ['موزمبيق'],
  HK: ['هونغ كونغ', 'هونج كونج', 'هونغ كونغ'],
  SG: ['سنغافورة'],
  MN: ['منغوليا'],
  LA: ['لاوس'],
  KH: ['كمبوديا'],
  EH: ['الصحراء الغربية'],
};

function variants(name) {
  const out = [name];
  const noParen = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  out.push(noParen);
  const dash = noParen.split(/\s+-\s+/);
  if (dash.length > 1) out.push(dash.join(' '));
  return out;
}

/** Spelling-insensitive key (the same folds as the matcher's normalization) to skip duplicates. */
function matchKey(s) {
  return s.replace(/[\u064B-\u0652\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

const rows = [];
const seenForm = new Set();
for (const code of Object.keys(countries.getAlpha2Codes()).concat(['XK']).sort()) {
  const id = `country:${code.toLowerCase()}`;
  const en = enDisplay.of(code) ?? code;
  const forms = [];
  const iso = arNames[code];
  for (const n of [...(PRESS[code] ?? []), arDisplay.of(code), ...(Array.isArray(iso) ? iso : iso ? [iso] : [])]) {
    if (n && n !== code) forms.push(...variants(n));
  }
  let first = true;
  for (const f of forms) {
    const form = f.replace(/\s+/g, ' ').trim();
    const key = matchKey(form);
    if (!form || seenForm.has(key)) continue;
    seenForm.add(key);
    const rel = BLOCK.has(form) ? 'block' : first ? 'name' : 'alias';
    rows.push([id, rel, form, first ? en : '', first ? 'country' : '', first ? code : ''].join('\t'));
    first = false;
  }
}
process.stdout.write(
  '# GENERATED by scripts/gen-countries.mjs: do not edit by hand; change the script and rerun.\n' +
    '# Sources: Intl.DisplayNames ar (Unicode CLDR, Unicode licence), i18n-iso-countries ar (MIT), curated press variants.\n' +
    'id\trel\tform\tname_en\tclass\tcountry\n' +
    rows.join('\n') +
    '\n',
);
