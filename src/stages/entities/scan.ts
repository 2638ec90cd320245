import type { StemCandidate } from '../../text/clitics.js';
import type { EntityType, Gender } from '../../types.js';
import type { GazetteerEntry, IndexedForm, TitleInfo, TriggerInfo } from './entity-lexicon.js';
import { demonymOf, docHasStem, type FirstToken, givenName, type LongestMatches, type Match, MatchMemo, surfacePrefix, type GivenNameReading, isDefinite, isStop, isWord, looksLikeNisba, sameSentence, type TokenView } from './token-view.js';

/**
 * One left-to-right pass over the tokens that finds entity spans by gazetteer lookup (longest
 * match) and by the rules for names no list holds: title + name, given name + name tokens,
 * trigger + name. Spans never overlap; each rule says how it found its span (`via`).
 */
export interface Found {
  type: EntityType;
  /** token range [start, end) */
  start: number;
  end: number;
  /** proclitic units to skip at the start of the first token */
  prefixLength: number;
  via: string;
  entry?: GazetteerEntry;
  gender?: Gender;
  /** token range of the title phrase that gives a person a role */
  roleStart?: number;
  roleEnd?: number;
  rolePrefix?: number;
  /** coreference: the entity id this partial mention refers to */
  corefOf?: string;
  /** the id made from the span's tokens, once asked (see entityKey) */
  spanKey?: string;
}

/**
 * Tokens inside some span of `found` (1, else 0) in a buffer reused from call to call: a fresh
 * typed array per pass and document showed in profiles. Valid until the next call; entries past
 * `n` are stale.
 */
export function coveredTokens(n: number, found: readonly Found[]): Uint8Array {
  if (coverBuffer.length < n) coverBuffer = new Uint8Array(Math.max(n, 2 * coverBuffer.length));
  else coverBuffer.fill(0, 0, n);
  for (let k = 0; k < found.length; k++) coverBuffer.fill(1, found[k].start, found[k].end);
  return coverBuffer;
}
let coverBuffer = new Uint8Array(1024);

/**
 * A span with every field present from the start: one object shape for all spans, so the
 * passes that read them (coreference, assembly) use fast monomorphic field reads.
 */
export function newFound(type: EntityType, start: number, end: number, prefixLength: number, via: string, entry?: GazetteerEntry, gender?: Gender, corefOf?: string): Found {
  return { type, start, end, prefixLength, via, entry, gender, roleStart: undefined, roleEnd: undefined, rolePrefix: undefined, corefOf, spanKey: undefined };
}


const MAX_TITLE_MODIFIERS = 6;
const MAX_NAME_TOKENS = 4;
/** a chain of بن/أبو/آل compounds may be long (حمد بن جاسم بن جبر آل ثاني) */
const MAX_NAME_SPAN = 9;
const MAX_ORG_COMPLEMENTS = 5;
/** unknown words a name may have: after a title (برند جوتشولك), after a known given name (لويس ساها) */
const MAX_UNKNOWN_AFTER_TITLE = 2;
const MAX_UNKNOWN_AFTER_GIVEN = 1;

/** Longest form starting at token i among its first-token candidates (the token may carry proclitics). */
export function matchAt<T>(v: TokenView, i: number, firsts: readonly FirstToken<T>[]): Match<T> | null {
  if (firsts.length === 0 || !isWord(v, i)) return null;
  // a longer form needs the next token of the sentence as its second token; its length is
  // read off the token's normalized span, so a failing length test never touches the string
  const next = v.tokens[i + 1];
  const second = next !== undefined && next.sentence === v.tokens[i].sentence ? next : null;
  const secondBit = second !== null ? 1 << ((second.nEnd - second.nStart) & 31) : 0;
  let best: Match<T> | null = null;
  for (let c = 0; c < firsts.length; c++) {
    const cand = firsts[c];
    const group = second !== null && (cand.secondLengths & secondBit) !== 0 ? cand.bySecond!.get(second.norm) : undefined;
    if (group) {
      for (let x = 0; x < group.length; x++) {
        const f = group[x];
        if (best && f.tokens.length <= best.len) break;
        if (tokensFollow(v, i, f.tokens)) {
          best = { len: f.tokens.length, prefixLength: cand.prefixLength, value: f.value };
          break;
        }
      }
    }
    if (!best && cand.single) best = cand.single;
  }
  return best;
}

/** The form's later tokens follow token i in its sentence (sameSentence, with i's sentence read once). */
function tokensFollow(v: TokenView, i: number, formTokens: readonly string[]): boolean {
  const tokens = v.tokens;
  const sentence = tokens[i].sentence;
  if (i + formTokens.length > tokens.length) return false;
  for (let k = 1; k < formTokens.length; k++) {
    const t = tokens[i + k];
    if (t.sentence !== sentence || t.norm !== formTokens[k]) return false;
  }
  return true;
}

/**
 * The match memos, reused from document to document: a fresh set per document was most of the
 * scan's garbage. A view that finds them holding another document's answers (by generation)
 * clears them; they only cache answers, so nothing is lost but the recomputation.
 */
const sharedMatches: LongestMatches = { gazetteer: new MatchMemo(), titles: new MatchMemo(), triggers: new MatchMemo() };
let sharedGeneration = -1;

function longestMatches(v: TokenView): LongestMatches {
  if (sharedGeneration !== v.generation) {
    sharedMatches.gazetteer.clear();
    sharedMatches.titles.clear();
    sharedMatches.triggers.clear();
    sharedGeneration = v.generation;
  }
  return sharedMatches;
}

// matchAt memoized per token and index (the rules ask the same question several times); each
// index's entry point reads its own field of the form's facts, so those reads stay monomorphic
export function gazetteerAt(v: TokenView, i: number): Match<GazetteerEntry> | null {
  return memoizedMatch(v, i, v.forms[i].gazetteer, longestMatches(v).gazetteer);
}
function titleAt(v: TokenView, i: number): Match<TitleInfo> | null {
  return memoizedMatch(v, i, v.forms[i].titles, longestMatches(v).titles);
}
/** A listed trigger form at token i (without the definite-trigger reading below). */
function listedTriggerAt(v: TokenView, i: number): Match<TriggerInfo> | null {
  return memoizedMatch(v, i, v.forms[i].triggers, longestMatches(v).triggers);
}

function memoizedMatch<T>(v: TokenView, i: number, firsts: FirstToken<T>[], memo: MatchMemo<T>): Match<T> | null {
  if (firsts.length === 0) return null;
  let m = memo.get(i);
  if (m === undefined) memo.set(i, (m = matchAt(v, i, firsts)));
  return m;
}
function triggerAt(v: TokenView, i: number): Match<TriggerInfo> | null {
  return listedTriggerAt(v, i) ?? (v.forms[i].definite ? definiteTriggerAt(v, i) : null);
}

/**
 * An include trigger listed without the article also heads a name with it when a country
 * adjective makes it specific (بنك → البنك المركزي التونسي، جيش → الجيش السوداني); the
 * complement chain still asks for that specific word.
 */
function definiteTriggerAt(v: TokenView, i: number): Match<TriggerInfo> | null {
  return isWord(v, i) ? v.forms[i].definiteTrigger : null;
}

/** Could token i be part of a name at all (not a function word, title, trigger or description)? */
function blocksName(v: TokenView, i: number): boolean {
  if (!isWord(v, i) || isStop(v, i)) return true;
  if (titleAt(v, i) || triggerAt(v, i)) return true;
  // a listed given name in ـيه is no nisba adjective (جوزيه)
  if (demonymOf(v, i) || (looksLikeNisba(v, i) && !givenName(v, i))) return true;
  const g = gazetteerAt(v, i);
  return !!g && g.value.type !== 'PERSON';
}

/** True when token i begins a new coordinated item (و + name): it starts its own name. */
function startsCoordination(v: TokenView, i: number): boolean {
  const norm = v.tokens[i].norm;
  return norm.charCodeAt(0) === 0x648 && v.stems[i].length > 1 && !v.lex.givenNames.has(norm) && !v.lex.knownSingle.has(norm);
}

/** After بن/أبو/آل/عبد the next word belongs to the name even when it is a common word (آل ثاني، أبو الغيط). */
/**
 * A nationality adjective or a word in ية right after a given name or a compound is a family
 * name (فيصل السويدي، أبو حمزة المصري، خالد بن حمد العطية), and it ends the name.
 */
function familyNisba(v: TokenView, k: number, mode: NameMode): boolean {
  if (mode === 'guard' || mode === 'weak' || isStop(v, k)) return false;
  // a preposition before the article starts a phrase (سلمان [للصحفيين])
  if (isDefinite(v, k) && !v.stems[k][0].definite) return false;
  // without the article only a name in ية (علي حمية، محمد عطية)
  if (!isDefinite(v, k)) return looksLikeNisba(v, k) && v.tokens[k].norm.endsWith('يه') && !demonymOf(v, k) && !!givenName(v, k - 1) && givenName(v, k - 1)?.info.strength !== 'weak';
  // a nationality adjective (السويدي) or a word in ية (العطية) that would otherwise end the name
  if (!demonymOf(v, k) && !looksLikeNisba(v, k)) return false;
  const prev = givenName(v, k - 1);
  return !!prev && prev.info.strength !== 'weak' && prev.info.strength !== 'particle';
}

/**
 * A nasab connector that is also a function word (ولد: was born) inside a name: محمد [ولد] الشيخ
 * الغزواني، أحمد [ولد] عبد العزيز. Only before a given name or a title taking an epithet (الشيخ);
 * محمد ولد في القاهرة is the verb.
 */
function nasabDespiteStop(v: TokenView, k: number, gn: GivenNameReading | null): boolean {
  if (gn?.info.strength !== 'nasab' || !sameSentence(v, k, k + 1) || !isWord(v, k + 1)) return false;
  const next = givenName(v, k + 1);
  if (next) return next.info.strength !== 'suffix' && next.info.strength !== 'particle' && next.prefixLength === 0;
  if (titleAt(v, k + 1)?.value.definiteName === true) return true;
  // after a curated given name, a family name too (حمودي ولد داف، محمد ولد الوالي)
  if (!curatedGivenName(v, k - 1) || isStop(v, k + 1) || startsCoordination(v, k + 1) || blocksName(v, k + 1)) return false;
  return isDefinite(v, k + 1) ? v.stems[k + 1][0].definite : plausibleUnknownName(v, k + 1);
}

/**
 * A connector that is also a function word (أم: or) opening a kunya before a curated given name:
 * [أم أحمد]، [أم كلثوم]. (أبو is no function word: it needs no exception.)
 */
function kunyaDespiteStop(v: TokenView, j: number): boolean {
  const gn = givenName(v, j);
  return gn?.info.strength === 'connector' && gn.prefixLength === 0 && sameSentence(v, j, j + 1) && isWord(v, j + 1) && curatedGivenName(v, j + 1);
}

function isConnector(g: GivenNameReading | null | undefined): boolean {
  const st = g?.info.strength;
  return st === 'connector' || st === 'nasab' || st === 'particle';
}

/**
 * A compound suffix or regnal ordinal follows a given name (عبد الله الثاني، نور الدين), not a
 * surname (برديتش [الثاني] عشر: a rank), and an ordinal before عشر is a number.
 */
function suffixFits(v: TokenView, k: number): boolean {
  const prev = givenName(v, k - 1);
  if (!prev || prev.info.strength === 'weak') return false;
  const next = v.tokens[k + 1];
  return !(next && next.sentence === v.tokens[k].sentence && v.lex.stopWords.has(next.norm) && next.norm === 'عشر');
}

function suffixFitsAfter(v: TokenView, k: number, afterCommon: boolean): boolean {
  if (!afterCommon) return suffixFits(v, k);
  const prev = givenName(v, k - 1);
  return !!prev && prev.info.strength !== 'suffix' && prev.info.strength !== 'particle';
}

/** End of a connector and the word(s) it takes: بن [زايد]، بن [عبد] [الكريم]، بن [أبي] [طالب]; -1 when nothing follows. */
function connectorChainEnd(v: TokenView, k: number): number {
  let end = k;
  while (end - k < 4) {
    if (!connectorTakes(v, end + 1)) return end === k ? -1 : end + 1;
    const next = givenName(v, end + 1);
    if (!isConnector(next) || next?.info.strength === 'particle') return end + 2;
    end++;
  }
  return end + 1;
}

function connectorTakes(v: TokenView, k: number): boolean {
  // a و-initial word after a connector is a name (سعد بن أبي وقاص), not a new coordinated item
  if (!isWord(v, k) || !sameSentence(v, k - 1, k)) return false;
  const norm = v.tokens[k].norm;
  if (norm.length <= 1) return false;
  // a given name written as one (علي with its ي: آيت علي، بن علي) even when a preposition shares its letters
  const gn = givenName(v, k);
  if (gn && gn.prefixLength === 0 && gn.info.endsInYa) return true;
  // a longer function word may be a name (آل [ثاني]، أبي [طالب]), not a short or definite one
  // (أبي [الذي]), nor a word with an attached pronoun (بنت [إسمها])
  if (v.lex.stopWords.has(norm) && (norm.length <= 3 || (isDefinite(v, k) && !gn))) return false;
  return !!gn || (wordShape(v, k) & SHAPE_NOT_A_LATER_NAME_WORD) === 0;
}

type NameMode = 'title' | 'strong' | 'weak' | 'guard';

/**
 * Extent of a personal name starting at token j. `title` mode (after a title) and `strong`
 * mode (after a well-known given name) accept unknown name tokens; `weak` mode accepts only
 * tokens with evidence (given names, compounds, surnames with the article).
 * Returns the end token index (exclusive) and how many tokens carry evidence of a name.
 */
function nameExtent(v: TokenView, j: number, mode: NameMode, firstIsTitleWord = false): { end: number; evidence: number } | null {
  if (!firstIsTitleWord && blocksName(v, j) && !kunyaDespiteStop(v, j)) return null;
  const first = givenName(v, j);
  if (isDefinite(v, j) && !first) return null;
  let k = j + 1;
  let evidence = 0;
  // the first word counts against the budget whether or not it is a known given name
  let unknown = 1;
  if (isConnector(first)) {
    // أبو مازن، عبد الله، أبو عبد الله: the connector needs a following word
    const after = connectorChainEnd(v, j);
    if (after < 0) return null;
    k = after;
    evidence++;
  }
  let words = k - j;
  while (words < MAX_NAME_TOKENS && k - j < MAX_NAME_SPAN && sameSentence(v, j, k) && isWord(v, k)) {
    const gn = givenName(v, k);
    if (gn?.info.strength === 'suffix' && k > j && suffixFits(v, k)) {
      k++;
      evidence++;
      continue;
    }
    if (familyNisba(v, k, mode) || titleAsFamilyName(v, k)) {
      k++;
      evidence++;
      break;
    }
    if ((blocksName(v, k) && !nasabDespiteStop(v, k, gn)) || startsCoordination(v, k)) break;
    words++;
    if (isConnector(gn)) {
      const after = connectorChainEnd(v, k);
      if (after < 0) break;
      k = after;
      evidence++;
      continue;
    }
    if (gn || knownPersonWord(v, k)) {
      k++;
      evidence++;
      continue;
    }
    if (isDefinite(v, k)) {
      if (!definiteSurnameFits(v, k, k - j)) break;
      k++;
      evidence++;
      continue;
    }
    if (mode === 'weak' || mode === 'guard' || unknown >= MAX_UNKNOWN_AFTER_TITLE || afterFamilyName(v, k) || circumstantialAfterName(v, k) || !plausibleUnknownName(v, k, false, mode === 'title')) break;
    unknown++;
    k++;
  }
  return { end: k, evidence };
}

/**
 * A one-word title that is also a family name (title.tsv column family) after a name, where the
 * phrase ends (محمد [الحاج] إن، طارق [السيد] قال): the surname, since a title there introduces no
 * one (الحاج حسن).
 */
function titleAsFamilyName(v: TokenView, k: number): boolean {
  const t = titleAt(v, k);
  return !!t && t.value.family === true && t.len === 1 && t.prefixLength === 0 && v.stems[k][0].definite && nameEndsAfter(v, k);
}

/**
 * With no title before it, an unknown word after a given name is often the verb's object or a
 * circumstantial word, not a family name: a common noun shape in ة — short (ألقى أحمد [كلمة]،
 * روى خالد [قصة]), فاعلة (تسلم يوسف [جائزة]), مفعلة/تفعلة (مبادرة، تجربة); surnames in ة have
 * other shapes (عليوة، كرارة، بنطلحة) — or a participle in مـ…ـا (قال طارق [متحدثا]).
 */
const PARTICIPLE_ACCUSATIVE = /^م.{3,5}ا$/;
const COMMON_NOUN_IN_TA = /^.{2,3}ه$|^.ا..ه$|^[مت]...+ه$/;
function objectAfterGivenName(v: TokenView, k: number): boolean {
  const norm = v.tokens[k].norm;
  // (a participle in مـ…ية is no family nisba: شيرين عادل [مرتدية])
  if (endsInTaMarbuta(v, k)) return COMMON_NOUN_IN_TA.test(norm) && (!norm.endsWith('يه') || norm.charCodeAt(0) === 0x645);
  return PARTICIPLE_ACCUSATIVE.test(norm);
}

/**
 * Even after a title, a participle in the accusative (صالح زكريا [مستشارا]) or a مفاعلة noun
 * (محمد فاضل [مصادفة]) after the name is circumstantial, not a family name.
 */
const MUFAALA = /^م.ا..ه$/;
function circumstantialAfterName(v: TokenView, k: number): boolean {
  const norm = v.tokens[k].norm;
  return PARTICIPLE_ACCUSATIVE.test(norm) || (MUFAALA.test(norm) && endsInTaMarbuta(v, k));
}

/**
 * Token k follows a family name with the article (نادية فتاح العلوي [عرضا]، محمد الشناوي [هدفا]):
 * an unknown word after it is the next phrase, not more of the name (a given name with the
 * article, الطيب زيتوني, is no family name).
 */
function afterFamilyName(v: TokenView, k: number): boolean {
  // … nor the second half of a compound given name (عبد [الوافي] لفتيت)
  return isDefinite(v, k - 1) && !givenName(v, k - 1) && !(k >= 2 && isConnector(givenName(v, k - 2)));
}

export interface ScanResult {
  found: Found[];
}

/** Scan the tokens; `claimed` marks tokens already inside a span. */
export function scanEntities(v: TokenView): Found[] {
  const found: Found[] = [];
  const n = v.tokens.length;
  let i = 0;
  while (i < n) {
    if (!isWord(v, i) || startsNothing(v, i)) {
      i++;
      continue;
    }
    const next = tryFacility(v, i, found) ?? tryTitle(v, i, found) ?? tryGazetteer(v, i, found) ?? tryTrigger(v, i, found) ?? tryFacilityName(v, i, found) ?? tryGivenName(v, i, found) ?? tryNasab(v, i, found) ?? tryReportedSpeaker(v, i, found) ?? tryQuotedSource(v, i, found);
    i = next ?? i + 1;
  }
  return found;
}

/**
 * Token i has none of the facts a rule starts from (facility word, title, nationality adjective,
 * listed form, trigger, given name, reporting verb) and the next token cannot be a nasab
 * connector (بن): every rule would say no, so the scan skips the chain of attempts (most
 * tokens are common words).
 */
function startsNothing(v: TokenView, i: number): boolean {
  if (v.forms[i].startsRule) return false;
  // tryNasab's condition before context: a given-name reading of the next token is a connector
  return i + 1 >= v.forms.length || !v.forms[i + 1].mayBeNasab;
}

/**
 * Facility word + a person's name (مركب محمد السادس، مطار الملك خالد، شارع جمال عبد الناصر):
 * the phrase names a place or institution, and the person is not mentioned. The name is a
 * listed person, a title + name (الملك خالد) or a name from a strong given name.
 */
function tryFacility(v: TokenView, i: number, found: Found[]): number | null {
  const type = v.forms[i].facility;
  const prefixLength = v.forms[i].facilityPrefix;
  if (!type || !sameSentence(v, i, i + 1) || !isWord(v, i + 1) || v.stems[i + 1][0].prefixLength > 0) return null;
  // a listed name (مركز الملك سلمان للإغاثة) is matched whole by the gazetteer
  if (gazetteerAt(v, i)) return null;
  const end = facilityNameEnd(v, i, i + 1);
  if (end < 0) return null;
  found.push(newFound(type, i, end, prefixLength, 'rule:facility'));
  return end;
}

/**
 * The name after a facility word: a person's (see personNameEnd), a nasab name (مطار [بن غوريون]),
 * or a given name + another name word even when the name is also a common word (مستشفى [كمال
 * عدوان]), or alone where the phrase ends (مستشفى [ناصر] في). Not after a facility word named
 * only after persons (facility.tsv names = person: مدينة, whose other names the city trigger
 * reads). Returns the end token, or -1.
 */
function facilityNameEnd(v: TokenView, i: number, j: number): number {
  const person = personNameEnd(v, j);
  if (person >= 0) return person;
  if (v.forms[i].facilityPersonOnly) return -1;
  const gn = givenName(v, j);
  if (gn && gn.prefixLength === 0) {
    if (gn.info.strength === 'nasab') {
      const after = connectorChainEnd(v, j);
      return after > j + 1 ? after : -1;
    }
    if (gn.info.strength === 'suffix' || gn.info.strength === 'particle' || gn.info.strength === 'connector') return -1;
    const ext = nameExtentFromGiven(v, j, 'strong');
    // an unknown later word with a proclitic letter is the next phrase (جائزة مبارك [كأرفع] …)
    if (ext && ext.end - j >= 2 && (ext.evidence > 0 || !/^[وفبلك]/.test(v.tokens[ext.end - 1].norm))) return ext.end;
    // a given name alone where the phrase ends (مستشفى [ناصر] في خان يونس); not a weak one
    return gn.info.strength !== 'weak' && nameEndsAfter(v, j) ? j + 1 : -1;
  }
  return -1;
}

/**
 * Facility word + up to two unknown words shaped like a proper name (مستشفى [هداسا]، جامعة
 * [بيرزيت]، قاعدة [حميميم]), when no trigger reading took the phrase (tried after tryTrigger:
 * جامعة ريكو اليابانية، معهد … للتكنولوجيا are the trigger's). An institution (type
 * ORGANIZATION) includes its word, as include triggers do; a place is the name alone, as after
 * مطار، ميناء (exclude triggers): قاعدة [حميميم]. Not after a word named only after persons (مدينة: the city trigger's).
 */
function tryFacilityName(v: TokenView, i: number, found: Found[]): number | null {
  const type = v.forms[i].facility;
  const j = i + 1;
  if (!type || !sameSentence(v, i, j) || !isWord(v, j) || v.forms[i].facilityPersonOnly) return null;
  let k = j;
  while (k - j < 2 && sameSentence(v, j, k) && isWord(v, k) && v.tokens[k].kind === v.tokens[j].kind && unknownFacilityName(v, k, k === j)) k++;
  if (k === j) return null;
  found.push(type === 'ORGANIZATION' ? newFound(type, i, k, v.forms[i].facilityPrefix, 'rule:facility') : newFound(type, j, k, 0, 'rule:facility'));
  return k;
}

/** an adjective of the فعيل shape (كبير، جديد) or one in ي (ميداني، حكوميا) */
const ADJECTIVE_SHAPE = /^..ي.$|يا?$/;

/** an elative (أوسع، أكبر) */
const ELATIVE_SHAPE = /^ا...$/;

/** Token k could be an unlisted proper name after a facility word (see tryFacilityName); a later word takes no proclitic letter (جوانتانامو [بمقابل]). */
function unknownFacilityName(v: TokenView, k: number, first: boolean): boolean {
  const norm = v.tokens[k].norm;
  if (v.tokens[k].kind === 'latin') return true;
  if (isDefinite(v, k) || blocksName(v, k) || givenName(v, k) || v.stems[k][0].prefixLength > 0 || !plausibleUnknownName(v, k)) return false;
  if ((!first && /^[وفبلك]/.test(norm)) || norm.charCodeAt(0) === 0x64a || ELATIVE_SHAPE.test(norm)) return false;
  // ب/ل + a short or known word is a preposition's phrase (ميدان [بمثل]، سد [لحفظ])
  if (v.stems[k].length > 1 && /^[بلك]/.test(norm) && (norm.length <= 4 || lamStemListed(v, k, norm.slice(1)) || looksLikeVerbalNoun(norm.slice(1)))) return false;
  // (a final ا is no accusative here: the word is the facility's genitive, مستشفى هداسا)
  if (norm.length < 4 || norm.endsWith('ه') || norm.endsWith('ات') || PLURAL_OR_PARTICIPLE_SHAPE.test(norm) || ADJECTIVE_SHAPE.test(norm)) return false;
  // a common noun or adjective inflects in the document (ملعب صغير … الصغير)
  return !docHasStem(v, 'ال' + norm, k);
}

/** End of a person's name starting exactly at token j (no clitic), or -1. */
function personNameEnd(v: TokenView, j: number): number {
  const title = titleAt(v, j);
  if (title && title.prefixLength === 0) {
    const p = personAfterTitle(v, j + title.len);
    return p && p.prefixLength === 0 ? p.end : -1;
  }
  const gz = gazetteerAt(v, j);
  if (gz) return gz.value.type === 'PERSON' && gz.prefixLength === 0 ? j + gz.len : -1;
  const gn = givenName(v, j);
  if (!gn || gn.prefixLength > 0 || !(gn.info.strength === 'strong' || gn.info.strength === 'connector')) return -1;
  const ext = nameExtentFromGiven(v, j, 'strong');
  return ext && ext.end - j >= 2 ? ext.end : -1;
}

function tryGazetteer(v: TokenView, i: number, found: Found[]): number | null {
  const g = gazetteerAt(v, i);
  if (!g) return null;
  // a longer trigger phrase (جامعة + …) may contain the gazetteer form; the longer reading wins
  const trig = triggerAt(v, i);
  if (trig && trig.value.mode === 'include' && (trig.len >= g.len || purposeAfterListedBody(v, i, g))) return null;
  const end = g.value.type === 'PERSON' ? familyAfter(v, i + g.len) : i + g.len;
  found.push(newFound(g.value.type, i, end, g.prefixLength, 'gazetteer', g.value, g.value.gender));
  return end;
}

/**
 * A listed body that a trigger heads is followed by a purpose complement that names another
 * body (المنظمة الدولية [للهجرة] is the IOM, not the UN's alias المنظمة الدولية): the trigger's
 * longer reading is tried when ل + a definite noun, not a known name, follows the listed form.
 */
function purposeAfterListedBody(v: TokenView, i: number, g: Match<GazetteerEntry>): boolean {
  const x = i + g.len;
  // only a listed form ending in an adjective of scope (not الاتحاد الأوروبي [للفترة] …)
  if (g.value.type !== 'ORGANIZATION' || !v.lex.scopeAdjectives.has(v.tokens[x - 1].norm) || !sameSentence(v, i, x) || !isWord(v, x)) return false;
  return purposeAfterAdjective(v, i + 1, x);
}

/**
 * A listed person's name often goes on with the family (عبدالله بن زايد [آل نهيان]): آل and the
 * family name after the listed form belong to the mention. Returns the new end.
 */
function familyAfter(v: TokenView, end: number): number {
  if (!sameSentence(v, end - 1, end) || !isWord(v, end)) return end;
  const gn = givenName(v, end);
  // آل + family, or a longer nasab (حمد بن جاسم [بن جبر آل ثاني])
  const family = (v.tokens[end].norm === 'ال' && gn?.info.strength === 'connector') || (gn?.info.strength === 'nasab' && gn.prefixLength === 0);
  if (!family) return end;
  const after = connectorChainEnd(v, end);
  return after > 0 ? familyAfter(v, after) : end;
}

/**
 * Title phrase: a title (وزير، الرئيس، المتحدث باسم …), its modifiers (definite words, demonyms,
 * organizations and places: وزير الخارجية الروسي، الأمين العام للأمم المتحدة), then the name.
 */
function tryTitle(v: TokenView, i: number, found: Found[]): number | null {
  const title = titleAt(v, i) ?? demonymAsTitle(v, i);
  if (!title) return null;
  const g = gazetteerAt(v, i);
  if (g && g.len > title.len) return null;
  const inner: Found[] = [];
  let j = i + title.len;
  let modifiers = 0;
  let nameInstead = -1;
  let chainNext = -1;
  while (modifiers < MAX_TITLE_MODIFIERS && sameSentence(v, i, j) && isWord(v, j)) {
    const gz = gazetteerAt(v, j);
    if (gz) {
      if (gz.value.type === 'PERSON') break;
      // evidence beats the list, as after a team trigger: مدرب برشلونة is the club, not the city
      if (title.value.team && j === i + title.len && gz.value.cls === 'city') inner.push(newFound('ORGANIZATION', j, j + gz.len, gz.prefixLength, 'rule:team'));
      else inner.push(newFound(gz.value.type, j, j + gz.len, gz.prefixLength, 'gazetteer', gz.value, gz.value.gender));
      j += gz.len;
      modifiers++;
      continue;
    }
    // a named body inside the title phrase is a mention itself: رئيس [الجامعة الملكية المغربية
    // لكرة القدم]، المتحدث باسم [وزارة الخارجية]
    const body = bodyInTitle(v, j);
    if (body) {
      inner.push(body);
      j = body.end;
      modifiers++;
      continue;
    }
    // المتحدث الرسمي [باسم] الهيئة / وزارة الخارجية: باسم goes on with the body's name
    if (spokesmanFor(v, j)) {
      j++;
      continue;
    }
    // the post's place or body: ممثلة المنظمة [في لبنان]، سفير فرنسا [لدى الأمم المتحدة]
    const located = locatedComplementEnd(v, j);
    if (located > 0) {
      const gz2 = gazetteerAt(v, j + 1);
      if (gz2 && gz2.value.type !== 'PERSON') inner.push(newFound(gz2.value.type, j + 1, located, gz2.prefixLength, 'gazetteer', gz2.value, gz2.value.gender));
      j = located;
      modifiers++;
      continue;
    }
    // an organization announced by its trigger inside the phrase: مدرب فريق [الشباب]، رئيس نادي [الوحدة]
    const announced = announcedBodyInTitle(v, j);
    if (announced) {
      inner.push(announced);
      j = announced.end;
      modifiers++;
      continue;
    }
    if (isStop(v, j)) break;
    const t2 = titleAt(v, j);
    if (t2) {
      // a title word that is also a given name (أمين) may be where the name starts: رئيس
      // أرامكو [أمين الناصر]; kept as a fallback when the title reading finds no name
      // (a curated name only: رئيس is a generated one; not after a title taking an epithet, الشيخ
      // الخراساني أمين المجمع)
      if (nameInstead < 0 && t2.len === 1 && t2.prefixLength === 0 && curatedGivenName(v, j) && !title.value.definiteName) nameInstead = j;
      j += t2.len;
      modifiers++;
      continue;
    }
    if (isDefinite(v, j) && !givenName(v, j)) {
      j++;
      modifiers++;
      continue;
    }
    // the second head of a chain (هيئة [أركان] الجيش) was vouched for by the first
    if (titleComplementHead(v, j, j === chainNext)) {
      if (!isDefinite(v, j + 1) && !gazetteerAt(v, j + 1)) chainNext = j + 1;
      j++;
      modifiers++;
      continue;
    }
    break;
  }
  let person = personAfterTitle(v, j, modifiers === 0 && title.value.definiteName === true);
  if (!person && nameInstead >= 0) {
    person = personAfterTitle(v, nameInstead, false, true);
    if (person) {
      j = nameInstead;
      dropFrom(inner, nameInstead);
    }
  }
  if (person) {
    person.roleStart = i;
    person.roleEnd = j;
    person.rolePrefix = title.prefixLength;
    if (!person.gender) person.gender = title.value.gender;
    found.push(...inner, person);
    return person.end;
  }
  found.push(...inner);
  return inner.length ? j : i + title.len;
}

/**
 * A nationality adjective directly before a name works like a title in sports and culture news
 * (والتشيكي توماس برديتش، الفرنسي لويس ساها); only when a given name or a known person follows.
 */
function demonymAsTitle(v: TokenView, i: number): Match<TitleInfo> | null {
  if (!isDefinite(v, i) || !demonymOf(v, i) || !sameSentence(v, i, i + 1) || !isWord(v, i + 1)) return null;
  const gn = givenName(v, i + 1);
  const gz = gazetteerAt(v, i + 1);
  if ((gn && gn.info.strength !== 'guard' && gn.info.strength !== 'suffix') || gz?.value.type === 'PERSON') return DEMONYM_TITLE;
  // an unknown name only when the adjective stands as a noun (سجل البرازيلي كافو), not after the
  // noun it describes (الجانب الروسي أكد)
  const adjective = i > 0 && sameSentence(v, i - 1, i) && isWord(v, i - 1) && isDefinite(v, i - 1);
  if (adjective || gz || v.tokens[i + 1].norm.length < 4 || !plausibleUnknownName(v, i + 1) || blocksName(v, i + 1)) return null;
  return DEMONYM_TITLE;
}
/** The adjective as a one-token title with no gender or name rule (shared: matches are never changed). */
const DEMONYM_TITLE: Match<TitleInfo> = { len: 1, prefixLength: 0, value: {} };

/** An organization named by an include trigger and its complements at token j, inside a title phrase. */
function bodyInTitle(v: TokenView, j: number): Found | null {
  const trig = triggerAt(v, j);
  if (!trig || trig.value.mode !== 'include' || trig.value.type !== 'ORGANIZATION') return null;
  let k = complementChain(v, j, j + trig.len, matchTakesDefinite(v, j, trig));
  if (k > 0 && !listedTriggerAt(v, j)) k = lastDemonymEnd(v, j + trig.len, k);
  if (k < 0) return null;
  return newFound('ORGANIZATION', j, k, trig.prefixLength, 'rule:trigger');
}

/** Token i is a given name of the curated list (strong or guard), with no clitic. */
function curatedGivenName(v: TokenView, i: number): boolean {
  const gn = givenName(v, i);
  return !!gn && gn.prefixLength === 0 && (gn.info.strength === 'strong' || gn.info.strength === 'guard');
}

/** Remove the spans of `inner` that start at token `from` or later (a title reading given up). */
function dropFrom(inner: Found[], from: number): void {
  let n = 0;
  for (let k = 0; k < inner.length; k++) if (inner[k].start < from) inner[n++] = inner[k];
  inner.length = n;
}

/**
 * An exclude trigger of an organization inside a title phrase and the definite name it announces
 * (مدرب فريق [الشباب] رشيد الزهراني، رئيس نادي [الوحدة]): the name is one definite word (clubs,
 * papers), not a given name. A listed name after the trigger is left to the gazetteer step.
 */
function announcedBodyInTitle(v: TokenView, j: number): Found | null {
  const trig = listedTriggerAt(v, j);
  if (!trig || trig.value.mode !== 'exclude' || trig.value.type !== 'ORGANIZATION' || isDefinite(v, j)) return null;
  const k = j + trig.len;
  if (!sameSentence(v, j, k) || !isWord(v, k)) return null;
  // a listed name: the trigger's type wins, as in tryTrigger (مدرب فريق [برشلونة] is the club)
  const gz = gazetteerAt(v, k);
  if (gz) {
    if (gz.value.type === 'PERSON') return null;
    if (gz.value.type === 'ORGANIZATION') return newFound('ORGANIZATION', k, k + gz.len, gz.prefixLength, 'gazetteer', gz.value, gz.value.gender);
    return newFound('ORGANIZATION', k, k + gz.len, gz.prefixLength, trig.value.team && gz.value.cls === 'city' ? 'rule:team' : 'rule:trigger');
  }
  if (!isDefinite(v, k) || !matchTakesDefinite(v, j, trig) || givenName(v, k) || blocksName(v, k)) return null;
  // the name ends with this word: a name after it (… [الشباب] رشيد) or the end of the phrase
  return newFound('ORGANIZATION', k, k + 1, 0, trig.value.team ? 'rule:team' : 'rule:trigger');
}

/** باسم inside a title phrase (المتحدث الرسمي باسم …) before the body it speaks for. */
function spokesmanFor(v: TokenView, j: number): boolean {
  if (v.tokens[j].norm !== 'باسم' || !sameSentence(v, j, j + 1) || !isWord(v, j + 1) || givenName(v, j + 1)) return false;
  const gz = gazetteerAt(v, j + 1);
  if (gz) return gz.value.type !== 'PERSON';
  return isDefinite(v, j + 1) || titleComplementHead(v, j + 1) || !!triggerAt(v, j + 1);
}

/** End of `في/لدى + known place or organization` at token j followed by more of the phrase, or -1. */
function locatedComplementEnd(v: TokenView, j: number): number {
  if (!sameSentence(v, j, j + 1)) return -1;
  // ممثل المنظمة في لبنان، سفيرها لدى واشنطن: a preposition placing the post
  if (!v.lex.placePrepositions.has(v.tokens[j].norm)) return -1;
  const gz = gazetteerAt(v, j + 1);
  if (!gz || gz.value.type === 'PERSON' || gz.prefixLength > 0) return -1;
  // only inside a title phrase that goes on to a name: the caller checks the person after it
  const end = j + 1 + gz.len;
  return sameSentence(v, j, end) && isWord(v, end) ? end : -1;
}

/**
 * A noun that opens a complement inside a title phrase: a construct head in ة before a country
 * or a definite word (وزير [خارجية] فرنسا، المدير [العام] …), or a preposition + noun before a
 * definite word (رئيس الجامعة الملكية [لكرة] القدم). Not a given name, not a name-like word.
 */
function titleComplementHead(v: TokenView, j: number, inChain = false): boolean {
  if (!sameSentence(v, j, j + 1) || !isWord(v, j + 1) || isStop(v, j + 1)) return false;
  // a given name starts the name, unless it is a generated one that is also a listed body word (فريق)
  const gn = givenName(v, j);
  // (or any generated one as the second head of a chain: هيئة [أركان] الجيش)
  if (gn && !(gn.info.strength === 'weak' && (inChain || listedTriggerAt(v, j)))) return false;
  const gz = gazetteerAt(v, j + 1);
  const complementFollows = isDefinite(v, j + 1) || (!!gz && gz.value.type !== 'PERSON');
  if (gazetteerAt(v, j)) return false;
  const norm = v.tokens[j].norm;
  // a chain of two construct heads (رئيس [مجلس] إدارة الشركة، رئيس [هيئة] أركان الجيش): a body
  // word or a noun in ة before another head of the definite complement
  if (!complementFollows) return (!!listedTriggerAt(v, j) || endsInTaMarbuta(v, j)) && v.stems[j][0].prefixLength === 0 && titleComplementHead(v, j + 1, true);
  if (hasPrepositionReading(v, j) && norm.length <= 6) return true;
  if (norm.endsWith('ه') && v.original.charCodeAt(v.tokens[j].end - 1) === TA_MARBUTA) return true;
  // any other construct head (رئيسة [وفد] الحكومة) when the definite word after it is not a
  // family name in the nisba form (… [هشام] الأنصاري) and the head is not a listed name
  return !v.tokens[j + 1].norm.endsWith('ي') && (inChain || !v.lex.givenNames.has(norm)) && !looksLikeVerbalNoun(norm) && norm.length >= 3 && !isDefinite(v, j) && v.stems[j][0].prefixLength === 0 && !hasPrepositionReading(v, j);
}

/** Token i is written with a final ة (the original letter: normalization merges it with ه). */
function endsInTaMarbuta(v: TokenView, i: number): boolean {
  return v.original.charCodeAt(v.tokens[i].end - 1) === TA_MARBUTA;
}

function hasPrepositionReading(v: TokenView, i: number): boolean {
  const c = v.tokens[i].norm.charCodeAt(0);
  return (c === 0x644 || c === 0x628) && v.stems[i].length > 1;
}

/**
 * A foreign first name may look like a future verb (سيندي، سيمون: سـ + present). After a title
 * it is a name when one more name-like word follows and the phrase ends right there (a
 * complementizer, a function word, punctuation): الرئيس سيعلن [القرار] is a verb.
 */
function foreignNameDespiteVerbShape(v: TokenView, j: number): boolean {
  const norm = v.tokens[j].norm;
  if (!/^س[يتن]/.test(norm) || !sameSentence(v, j, j + 1) || !isWord(v, j + 1)) return false;
  if (blocksName(v, j + 1) || !plausibleUnknownName(v, j + 1, false) || isDefinite(v, j + 1)) return false;
  const after = v.tokens[j + 2];
  return !after || after.sentence !== v.tokens[j].sentence || after.kind === 'punct' || isStop(v, j + 2) || v.lex.complementizers.has(after.norm);
}

/**
 * The person named at token j after a title phrase. `firstIsTitleWord`: token j is a title word
 * that is also a given name (أمين), read as the name because the title reading found none.
 */
function personAfterTitle(v: TokenView, j: number, definiteNameAllowed = false, firstIsTitleWord = false): Found | null {
  if (!isWord(v, j) || v.tokens[j].sentence < 0) return null;
  const gz = gazetteerAt(v, j);
  // a name carrying a proclitic (التقى الوزير [ب]محمد بن سلمان، الرئيس [و]أحمد) is no apposition
  // to the title: the title names someone else, and the name is found on its own
  if (gz) {
    if (gz.value.type !== 'PERSON' || gz.prefixLength > 0) return null;
    return newFound('PERSON', j, familyAfter(v, j + gz.len), 0, 'gazetteer', gz.value, gz.value.gender);
  }
  if (startsCoordination(v, j)) return null;
  const gn = givenName(v, j);
  if (gn && gn.prefixLength > 0) return null;
  if (!gn && definiteNameAllowed && isDefinite(v, j) && !blocksName(v, j)) {
    return newFound('PERSON', j, j + 1, 0, 'rule:title');
  }
  if (!gn && !plausibleUnknownName(v, j) && !foreignNameDespiteVerbShape(v, j)) return null;
  // لحقوق الإنسان، بحفظ الله: a preposition + noun in a construct, not a name
  if (!gn && hasPrepositionReading(v, j) && sameSentence(v, j, j + 1) && isWord(v, j + 1) && isDefinite(v, j + 1)) return null;
  const ext = nameExtent(v, j, 'title', firstIsTitleWord);
  // the given-name reading of a title word needs a family name after it (أمين الناصر)
  // … and so does a given name with the article that is also an adjective (الأمين [الصادق] alone)
  if (!ext || ((firstIsTitleWord || (gn?.info.strength === 'guard' && isDefinite(v, j) && !definiteNameAllowed)) && ext.end - j < 2)) return null;
  // ألقى الرئيس [خطابا]: an unknown word alone in ـا after a title is an accusative object; a
  // foreign name in ـا comes with its surname (المستشارة أنجيلا ميركل)
  if (!gn && ext.end - j === 1 && v.tokens[j].kind === 'word' && v.tokens[j].norm.endsWith('ا')) return null;
  return newFound('PERSON', j, ext.end, 0, 'rule:title', undefined, gn?.info.gender);
}

/**
 * An unknown word after a title is often a verbal noun or a verb (وزير الصحة [تشكيل] فرق،
 * الرئيس [سيعلن]), not a name. Arabic morphology tells many of them apart without a dictionary:
 * the verbal-noun patterns تفعيل، استفعال، انفعال، افتعال، مفاعلة، the future prefix سـ, short
 * present-tense verbs, and feminine nouns in ة (unlisted given names in ة are rare).
 */
const TA_MARBUTA_END = /ه$/;

const VERBAL_NOUN_PATTERNS = [
  /^ت..ي.$/, // تفعيل: تشكيل، تحسين
  /^است...+$/, // استفعال: استرجاع، استقبال
  /^ان..ا.$/, // انفعال: انسحاب
  /^ا.ت.ا.$/, // افتعال: اجتماع، انتخاب
  /^م.ا..ه$/, // مفاعلة: مشاركة
  TA_MARBUTA_END, // ة: جاهزة، عودة
];
/** A verbal-noun shape (تشكيل، اجتماع، استقبال), ة-final nouns aside. */
export function looksLikeVerbalNoun(norm: string): boolean {
  for (let k = 0; k < VERBAL_NOUN_PATTERNS.length; k++) if (VERBAL_NOUN_PATTERNS[k] !== TA_MARBUTA_END && VERBAL_NOUN_PATTERNS[k].test(norm)) return true;
  return false;
}

/** Some pattern matches (an index loop: asked for every unknown name word). */
function anyMatches(patterns: readonly RegExp[], norm: string): boolean {
  for (let k = 0; k < patterns.length; k++) if (patterns[k].test(norm)) return true;
  return false;
}

function hasDefiniteAfterClitic(readings: readonly StemCandidate[]): boolean {
  for (let k = 0; k < readings.length; k++) if (readings[k].prefixLength > 0 && readings[k].definite) return true;
  return false;
}

/** Letters compared in the original text, by code unit (no one-letter string per test). */
const TA_MARBUTA = 0x629;
const HA = 0x647;
const FATHATAN = 0x64b;

/** Verb forms, never name words wherever they stand. */
const VERB_PATTERNS = [
  /^س[يتن](?:.{1,3}[^ا]|.{1,2}وا)$/, // future: سيعلن (not سيباستيان, nor سيلفا: no future verb ends in a bare ا)
  /^س[يتن]ت..[^ا].?$/, // future of تفاعل / تفعّل: سيتعامل، سيتحدث، ستتولى
  /^[يتن].{1,3}$/, // short present tense: يعلم، تصب
  /^[يتن]ت...+$/, // present of تفعّل / تفاعل: يتحدث، يتعرضون
  /^[يت].{2,}ون$/, // present plural: يطلقون
];

/**
 * After two name words, a third word with the article is a family name in the nisba form
 * (محمد علي السعدي) or after another given name (محمد سعيد الكندي); otherwise it is the next
 * phrase (لودوفيك جيولي [الهدف]).
 */
function definiteSurnameFits(v: TokenView, k: number, wordsBefore: number): boolean {
  // a family name carries no preposition (سلمان [للإغاثة]، محمد [بالرباط])
  if (!v.stems[k][0].definite) return false;
  if (wordsBefore < 2 || v.tokens[k].norm.endsWith('ي')) return true;
  // given + given (+ …) + family name: محمد سعيد الكندي، عبدالله بن خليفة العطية
  const prev = givenName(v, k - 1);
  return !!prev && prev.info.strength !== 'weak';
}

/** Indefinite accusative (فوزا صعبا، رفضاً): tanween written, or an adjective agreeing in ـا. */
function accusativeNoun(v: TokenView, i: number, first: boolean): boolean {
  const t = v.tokens[i];
  for (let k = t.start; k < t.end; k++) if (v.original.charCodeAt(k) === FATHATAN) return true;
  // later words of a name may end in ـا (لويس ساها هدفا): for them the test needs longer words
  // (حجاج عبد العظيم [برنامجا تليفزيونيا])
  const min = first ? 4 : 6;
  if (!t.norm.endsWith('ا') || t.norm.length < min) return false;
  const next = v.tokens[i + 1];
  return !!next && next.sentence === t.sentence && next.kind === 'word' && next.norm.length >= min && next.norm.endsWith('ا');
}

/** `first`: the name's first word; later words may end in ة (surnames: باسلمة، هنية). */
/** Attached pronouns (زوجته، معهم، بأنها; short words such as ساها and the foreign ending ـانا are spared) and a preposition before a noun in ة (لمواجهة). */
const ABSTRACT_NOUN_IN_TA = /^.{1,3}[اوي].ه$/;
const NOT_A_LATER_NAME_WORD = /^...+(?:ها|هم|هما|هن|كم)$|^..+ته$|^[لب]م.+ه$/;

/**
 * `afterTitle`: the name follows a title, strong evidence of a name, so a later word beginning
 * with ل is a name word (فوزي لقجع) unless its stem is a known word; elsewhere the phrase must
 * also end right after it (فوزي لقجع إن …), or it is a preposition + noun (عبد الحفيظ [لشرح] …).
 */
export function plausibleUnknownName(v: TokenView, i: number, first = true, afterTitle = false): boolean {
  const norm = v.tokens[i].norm;
  if (v.tokens[i].kind === 'latin') return true;
  if (isDefinite(v, i) || norm.length < (first ? 3 : 2) || accusativeNoun(v, i, first)) return false;
  // a verbal noun in the accusative (عقد رئيس الوزراء [اجتماعا]، أجرى [اتصالا]) or a plural in ات
  // (لم يقدم الوزير [إيضاحات]; a short name in ات stays: بركات)
  if (first && norm.length >= 5 && norm.endsWith('ا') && looksLikeVerbalNoun(norm.slice(0, -1))) return false;
  if (first && norm.length >= 6 && norm.endsWith('ات')) return false;
  const shape = wordShape(v, i);
  if ((shape & SHAPE_NOT_A_LATER_NAME_WORD) !== 0) return false;
  // a later word ending in a written ه (not ة) carries a pronoun: بدوره، مصرعه
  if (!first && norm.length > 3 && v.original.charCodeAt(v.tokens[i].end - 1) === HA) return false;
  // ب/ل + a verbal noun is a purpose or manner phrase, first word or not (لاعب [لتعزيز] خط الوسط)
  if (v.stems[i].length > 1 && (norm.charCodeAt(0) === 0x644 || norm.charCodeAt(0) === 0x628) && looksLikeVerbalNoun(norm.slice(1))) return false;
  // a preposition + short noun, verbal noun or definite noun starts the next phrase: لوقف، لكرة،
  // بتوقيت، بالتحدث، للخور
  if (!first && v.stems[i].length > 1) {
    const c = norm.charCodeAt(0);
    const stem = norm.slice(1);
    if (c === 0x644 && stem.length <= 4 && (!afterTitle ? lamIsPreposition(v, i, stem) || !nameEndsAfter(v, i) : lamIsPreposition(v, i, stem))) return false;
    // ب/ل + an abstract noun in ة of the فعالة/فعولة/مفاعلة shapes: بخطورة، بصراحة، لمواجهة
    // (a surname in ة keeps its ب: باسلمة)
    if ((c === 0x644 || c === 0x628) && ABSTRACT_NOUN_IN_TA.test(stem) && v.original.charCodeAt(v.tokens[i].end - 1) === TA_MARBUTA) return false;
    if ((c === 0x644 || c === 0x628 || c === 0x643) && hasDefiniteAfterClitic(v.stems[i])) return false;
  }
  // a later word is past the point where a verbal noun would stand (كارلوس تيفيز)
  return (shape & SHAPE_VERB) === 0 && !(first && (shape & SHAPE_VERBAL_NOUN) !== 0);
}

/** Bits of `FormFacts.shapeVerdicts`: which of the shape tests the form's norm passes (SHAPE_KNOWN: they were made). */
const SHAPE_KNOWN = 1;
const SHAPE_NOT_A_LATER_NAME_WORD = 2;
const SHAPE_VERB = 4;
const SHAPE_VERBAL_NOUN = 8;
/** after a first ل, a word some list knows (see lamIsPreposition); LAM_KNOWN: asked */
const SHAPE_LAM_KNOWN = 16;
const SHAPE_LAM_LISTED = 32;
/** the norm is a single word the lexicon knows as a person (see knownPersonWord) */
const SHAPE_PERSON_KNOWN = 64;
const SHAPE_PERSON = 128;
/** a reading is a speaker noun (see hasSpeakerNounReading) */
const SHAPE_SPEAKER_KNOWN = 256;
const SHAPE_SPEAKER = 512;

/** The shape tests of token i's norm, memoized on a word's form facts: a few regular expressions per form, not per document. */
function wordShape(v: TokenView, i: number): number {
  // other kinds share one facts object (NOT_A_WORD): no memo for them
  if (v.tokens[i].kind !== 'word') return shapeOf(v.tokens[i].norm);
  const f = v.forms[i];
  if ((f.shapeVerdicts & SHAPE_KNOWN) === 0) f.shapeVerdicts |= shapeOf(v.tokens[i].norm);
  return f.shapeVerdicts;
}

function shapeOf(norm: string): number {
  return SHAPE_KNOWN | (NOT_A_LATER_NAME_WORD.test(norm) ? SHAPE_NOT_A_LATER_NAME_WORD : 0) | (anyMatches(VERB_PATTERNS, norm) ? SHAPE_VERB : 0) | (anyMatches(VERBAL_NOUN_PATTERNS, norm) ? SHAPE_VERBAL_NOUN : 0);
}

/**
 * A name word may begin with ل (لقجع، لحود، لطفي). The ل is read as a preposition only when
 * what follows it is a word we know (a listed word, a verbal-noun shape, a word in ة, a word the
 * document also uses without the ل) or when a definite word follows (لدعم الاقتصاد: a construct).
 */
function lamIsPreposition(v: TokenView, i: number, stem: string): boolean {
  if (sameSentence(v, i, i + 1) && isWord(v, i + 1) && isDefinite(v, i + 1)) return true;
  if (lamStemListed(v, i, stem)) return true;
  if (stem.endsWith('ه') || looksLikeVerbalNoun(stem) || stem.length <= 2) return true;
  return docHasStem(v, stem, i) || docHasStem(v, 'ال' + stem, i);
}

/** Token i's norm is a single word the lexicon knows as a person (memoized on a word's facts: one lookup per form, not per document). */
function knownPersonWord(v: TokenView, i: number): boolean {
  if (!hasOwnFacts(v, i)) return v.lex.knownSingle.get(v.tokens[i].norm)?.type === 'PERSON';
  const f = v.forms[i];
  if ((f.shapeVerdicts & SHAPE_PERSON_KNOWN) === 0) f.shapeVerdicts |= SHAPE_PERSON_KNOWN | (v.lex.knownSingle.get(v.tokens[i].norm)?.type === 'PERSON' ? SHAPE_PERSON : 0);
  return (f.shapeVerdicts & SHAPE_PERSON) !== 0;
}

/** A clitic reading of token i (with or without the article) is a speaker noun (memoized on a word's facts: no regular expression and lookups per document). */
function hasSpeakerNounReading(v: TokenView, i: number): boolean {
  if (!hasOwnFacts(v, i)) return speakerNounReading(v, v.stems[i]);
  const f = v.forms[i];
  if ((f.shapeVerdicts & SHAPE_SPEAKER_KNOWN) === 0) f.shapeVerdicts |= SHAPE_SPEAKER_KNOWN | (speakerNounReading(v, f.stems) ? SHAPE_SPEAKER : 0);
  return (f.shapeVerdicts & SHAPE_SPEAKER) !== 0;
}

function speakerNounReading(v: TokenView, stems: readonly StemCandidate[]): boolean {
  return stems.some((s) => v.lex.speakerNouns.has(s.stem) || v.lex.speakerNouns.has(s.stem.replace(/^ال/, '')));
}

/** Token i has facts of its own form (words and Latin words; other kinds share one facts object). */
function hasOwnFacts(v: TokenView, i: number): boolean {
  const kind = v.tokens[i].kind;
  return kind === 'word' || kind === 'latin';
}

/** Some list knows `stem`, token i's norm after its first letter (ل): memoized on a word's facts, saving six lookups in large maps and a fresh string's hashing per document. */
function lamStemListed(v: TokenView, i: number, stem: string): boolean {
  if (v.tokens[i].kind !== 'word') return listsKnow(v.lex, stem);
  const f = v.forms[i];
  if ((f.shapeVerdicts & SHAPE_LAM_KNOWN) === 0) f.shapeVerdicts |= SHAPE_LAM_KNOWN | (listsKnow(v.lex, stem) ? SHAPE_LAM_LISTED : 0);
  return (f.shapeVerdicts & SHAPE_LAM_LISTED) !== 0;
}

function listsKnow(lx: TokenView['lex'], stem: string): boolean {
  return lx.stopWords.has(stem) || lx.givenNames.has(stem) || lx.knownSingle.has(stem) || lx.titles.has(stem) || lx.triggers.has(stem) || lx.speakerNouns.has(stem);
}

/** The phrase ends after token i: punctuation, a function word, a complementizer or the sentence end. */
function nameEndsAfter(v: TokenView, i: number): boolean {
  const next = v.tokens[i + 1];
  return !next || next.sentence !== v.tokens[i].sentence || next.kind === 'punct' || isStop(v, i + 1) || v.lex.complementizers.has(next.norm);
}

/** Given name + name tokens: محمد، غيث الطراونة، عبد الله بن زايد. */
function tryGivenName(v: TokenView, i: number, found: Found[]): number | null {
  const gn = givenName(v, i);
  if (!gn || gn.info.strength === 'suffix' || gn.info.strength === 'particle') return null;
  const mode: NameMode = gn.info.strength === 'strong' || isConnector(gn) ? 'strong' : gn.info.strength === 'guard' ? 'guard' : 'weak';
  // a generated name that is also a common word before a well-known given name (زيارة خوان
  // كارلوس): the name starts at the next word
  if (mode === 'weak' && sameSentence(v, i, i + 1) && givenName(v, i + 1)?.info.strength === 'strong') return null;
  // … nor before a listed person (زيارة ألباريس، رحيل لافروف، خطاب بوتين): the list names them alone
  if (mode === 'weak' && sameSentence(v, i, i + 1) && isWord(v, i + 1) && gazetteerAt(v, i + 1)?.value.type === 'PERSON') return null;
  // a nasab word before a title is kinship, not a name (ابن الملك، بنت الشيخ)
  if (gn.info.strength === 'nasab' && sameSentence(v, i, i + 1) && titleAt(v, i + 1)) return null;
  const ext = nameExtentFromGiven(v, i, mode);
  if (!ext) return null;
  const len = ext.end - i;
  const alone = len === 1;
  if (alone && gn.info.strength !== 'strong' && !(gn.info.strength === 'guard' && subjectOfReportingVerb(v, i))) return null;
  // a name that is also a nationality adjective (تركي) alone after a noun is the adjective (شاطئ تركي)
  if (alone && demonymOf(v, i) && !subjectOfReportingVerb(v, i)) return null;
  if (!alone && mode !== 'strong' && ext.evidence === 0) return null;
  found.push(newFound('PERSON', i, ext.end, gn.prefixLength, 'rule:given-name', undefined, gn.info.gender));
  return ext.end;
}

/**
 * A given name that is also a common word (عمر age, سامي high) standing alone right after a
 * reporting verb, as its subject, is the person: وأوضح [عمر] لوكالة الأنباء، وقال [سامي] إن.
 * Only when the clause goes on with a complementizer, a function word, punctuation or a
 * prepositional phrase (not وأكد أمل الشعب).
 */
function subjectOfReportingVerb(v: TokenView, i: number): boolean {
  if (i === 0 || !sameSentence(v, i - 1, i) || !v.forms[i - 1].reportingVerb || givenName(v, i)!.prefixLength > 0) return false;
  // شدد علي أن: على written with ي after the verbs that take it
  if (v.lex.stopWordsInAlifMaqsura.has(v.tokens[i].norm)) return false;
  return nameEndsAfter(v, i) || (sameSentence(v, i, i + 1) && isWord(v, i + 1) && hasPrepositionReading(v, i + 1));
}

function nameExtentFromGiven(v: TokenView, i: number, mode: NameMode): { end: number; evidence: number } | null {
  if (isStop(v, i) && !v.lex.givenNames.has(v.tokens[i].norm)) return null;
  // the given name itself passed; extend like a name after a title, from the next token
  const gn = givenName(v, i);
  if (isConnector(gn)) return nameExtent(v, i, mode);
  if (!sameSentence(v, i, i + 1) || !isWord(v, i + 1)) return { end: i + 1, evidence: 0 };
  const rest = nameExtentTail(v, i + 1, mode);
  return { end: rest.end, evidence: rest.evidence };
}

function nameExtentTail(v: TokenView, k0: number, mode: NameMode): { end: number; evidence: number } {
  let k = k0;
  let evidence = 0;
  let unknown = 0;
  let words = 0;
  while (words < MAX_NAME_TOKENS - 1 && k - k0 < MAX_NAME_SPAN && isWord(v, k) && sameSentence(v, k0, k)) {
    const gn = givenName(v, k);
    if (gn?.info.strength === 'suffix') {
      // نصر الله، نور الدين: a compound; after a common word (رسول الله) it is no evidence,
      // except for a suffix that only ever makes names (ناصر الدين)
      const guarded = (mode === 'guard' || mode === 'weak') && !(gn.info.afterCommon && k === k0);
      if (guarded || !suffixFitsAfter(v, k, gn.info.afterCommon === true)) break;
      k++;
      evidence++;
      continue;
    }
    if (familyNisba(v, k, mode) || (mode === 'strong' && titleAsFamilyName(v, k))) {
      k++;
      evidence++;
      break;
    }
    if ((blocksName(v, k) && !nasabDespiteStop(v, k, gn)) || startsCoordination(v, k)) break;
    words++;
    if (isConnector(gn)) {
      const after = connectorChainEnd(v, k);
      if (after < 0) break;
      k = after;
      evidence++;
      continue;
    }
    // another given name is evidence; a generated (weak) one only after a well-known first name
    if ((gn && (gn.info.strength === 'strong' || (mode === 'strong' && (gn.info.strength === 'weak' || gn.info.strength === 'guard')))) || knownPersonWord(v, k)) {
      k++;
      evidence++;
      continue;
    }
    // a surname with the article (غيث الطراونة) is evidence unless the first word is also a
    // common word (على الجانبين, جمال الطبيعة): then only another given name or a compound is
    if (isDefinite(v, k) || gn) {
      if (mode === 'guard' || mode === 'weak') break;
      if (!gn && !definiteSurnameFits(v, k, k - k0 + 1)) break;
      k++;
      evidence++;
      continue;
    }
    if (mode !== 'strong' || unknown >= MAX_UNKNOWN_AFTER_GIVEN || afterFamilyName(v, k) || objectAfterGivenName(v, k) || !plausibleUnknownName(v, k, false)) break;
    unknown++;
    k++;
  }
  return { end: k, evidence };
}

/**
 * Unknown word + بن/ابن/بنت + name (معاوية بن أبي سفيان، شكيب بن موسى): the patronymic
 * connector (strength `nasab` in given-name.tsv) shows the word before it is a given name.
 */
function tryNasab(v: TokenView, i: number, found: Found[]): number | null {
  if (!sameSentence(v, i, i + 1) || givenName(v, i + 1)?.info.strength !== 'nasab') return null;
  // بن is evidence enough for a given name in ة (معاوية، عطية)
  // (and for names in ية that look like nisba adjectives: معاوية، عطية)
  const g = gazetteerAt(v, i);
  if (!isWord(v, i) || isStop(v, i) || titleAt(v, i) || triggerAt(v, i) || demonymOf(v, i) || (g && g.value.type !== 'PERSON')) return null;
  if (!plausibleUnknownName(v, i, false) || givenName(v, i)) return null;
  // ابن + a title is kinship (وحضر ابن الملك), not a patronymic
  if (sameSentence(v, i + 1, i + 2) && titleAt(v, i + 2)) return null;
  const end = connectorChainEnd(v, i + 1);
  if (end < 0) return null;
  const tail = nameExtentTail(v, end, 'strong');
  found.push(newFound('PERSON', i, tail.end, 0, 'rule:nasab'));
  return tail.end;
}

const MAX_SPEAKER_NAME = 3;

/**
 * Reporting verb + name + complementizer: in `وقال هورست كوبل إن …` the words between the verb
 * and إن/أن are its subject; when they look like a name (not a description: مصدر مسؤول، بيان)
 * they are a person even if no list holds them.
 */
function tryReportedSpeaker(v: TokenView, i: number, found: Found[]): number | null {
  if (!v.forms[i].reportingVerb) return null;
  const j = i + 1;
  // a listed name after the verb is the gazetteer's (with its id), matched when the scan reaches it
  if (isWord(v, j) && gazetteerAt(v, j)) return null;
  let k = j;
  while (k - j < MAX_SPEAKER_NAME && sameSentence(v, i, k) && isWord(v, k)) {
    if (isComplementizer(v, k)) break;
    if (blocksName(v, k) || hasSpeakerNounReading(v, k)) return null;
    if (!plausibleUnknownName(v, k, k === j) && !givenName(v, k)) return null;
    k++;
  }
  // two words at least, or one that only a name can be (a single unknown word is too often a
  // common noun), and a complementizer after
  if (!sameSentence(v, i, k) || !isComplementizer(v, k)) return null;
  if (k - j < 2 && !(k - j === 1 && loneSurnameSpeaker(v, j))) return null;
  found.push(newFound('PERSON', j, k, 0, 'rule:speaker', undefined, givenName(v, j)?.info.gender));
  return k;
}

/**
 * A word a lone speaker cannot be: a broken plural (تقارير، مصادر، نشطاء، طلاب، جنود، أهالي), a
 * short nisba noun (جندي، صحفي), an active participle (شاهد) or an accusative adverb (قائلا).
 */
const LONE_SPEAKER_COMMON = /^...اء$|^..ا.$|^..و.$|^ا.ا.ي$|^...ي$/;
/** a broken plural (تقارير، أطباء، مصادر), an active participle (شاهد) or an accusative adverb (قائلا، مضيفا) */
const PLURAL_OR_PARTICIPLE_SHAPE = /^[تم].ا.ي.$|^[تم].ا..$|^ا..ا.$|^ا...ا.$|^.ا..$|^..ا.ي.$|^م.{3,4}$/;
const COMMON_NOUN_SHAPE = new RegExp(PLURAL_OR_PARTICIPLE_SHAPE.source + '|ا$');
/**
 * One unknown word between a reporting verb and إن/أن written with its hamza (وقال باغجلي إن):
 * the subject, a person, when nothing says it is a common word: not a plural, participle or
 * verbal-noun shape (تقارير، قائلا، شاهد), no word in ة or ات, no word the document also uses
 * with the article or a suffix (common nouns inflect, surnames rarely do).
 */
function loneSurnameSpeaker(v: TokenView, j: number): boolean {
  const t = v.tokens[j];
  const c = v.tokens[j + 1];
  const hamza = v.original.charCodeAt(c.start);
  // a conjunction or article on the word is no subject's (وقال [وزاد] أن)
  if (t.kind !== 'word' || (hamza !== 0x623 && hamza !== 0x625) || v.stems[j][0].definite || /^[وف]/.test(t.norm) || givenName(v, j)) return false;
  const norm = t.norm;
  if (norm.length < 4 || norm.endsWith('ه') || norm.endsWith('ات') || norm.endsWith('ون') || norm.endsWith('ين') || COMMON_NOUN_SHAPE.test(norm) || LONE_SPEAKER_COMMON.test(norm) || looksLikeVerbalNoun(norm)) return false;
  return !docHasStem(v, 'ال' + norm, j) && !docHasStem(v, norm + 'ه', j) && !docHasStem(v, norm + 'ات', j);
}

/**
 * عن + name + a verbal noun whose speaker stands before it (نقلت الوكالة عن [كينيون] قوله إن …):
 * the words between are the source; when they look like a name (not a description: مصدر،
 * مسؤول، a known organization) they are a person even alone. Found when the scan reaches the
 * verbal noun, if no span took the words before it.
 */
function tryQuotedSource(v: TokenView, i: number, found: Found[]): number | null {
  if (!v.forms[i].sourceMasdar) return null;
  let a = i - 1;
  while (a >= 0 && i - a <= MAX_SPEAKER_NAME + 1 && sameSentence(v, a, i) && v.tokens[a].norm !== 'عن') a--;
  const j = a + 1;
  if (a < 0 || j >= i || v.tokens[a].norm !== 'عن' || !sameSentence(v, a, i)) return null;
  const last = found[found.length - 1];
  if (last && last.end > a) return null;
  for (let k = j; k < i; k++) {
    if (!isWord(v, k) || blocksName(v, k) || hasSpeakerNounReading(v, k)) return null;
    if (!plausibleUnknownName(v, k, k === j) && !givenName(v, k)) return null;
  }
  found.push(newFound('PERSON', j, i, 0, 'rule:source', undefined, givenName(v, j)?.info.gender));
  return i + 1;
}

function isComplementizer(v: TokenView, k: number): boolean {
  const t = v.tokens[k];
  if (t.kind === 'punct') return t.norm === ':';
  return v.lex.complementizers.has(t.norm);
}

/** Trigger + name: وزارة الخارجية الأمريكية (include), مدينة [المفرق], شركة [أرامكو] (exclude). */
function tryTrigger(v: TokenView, i: number, found: Found[]): number | null {
  const trig = triggerAt(v, i);
  if (!trig || (trig.len === 1 && trig.value.endsInYa && spelledWithAlifMaqsura(v, i))) return null;
  const j = i + trig.len;
  const takesDefinite = matchTakesDefinite(v, i, trig);
  if (trig.value.mode === 'include') {
    let k = complementChain(v, i, j, takesDefinite);
    // a head with the article (البنك، الجيش) is named only by adjectives ending in a country
    // adjective (البنك المركزي التونسي): cut after the last one, or nothing
    if (k > 0 && !listedTriggerAt(v, i)) k = lastDemonymEnd(v, j, k);
    if (k < 0) return null;
    found.push(newFound(trig.value.type, i, k, trig.prefixLength, 'rule:trigger'));
    return k;
  }
  // exclude mode: the name follows the trigger, maybe in quotation marks: صحيفة "الراية"
  const quoted = quotedName(v, j);
  // a quotation after a trigger with the article is speech (الشركة "تتعاون بالكامل")
  if (quoted && !(isDefinite(v, i) && (wordShape(v, quoted.start) & SHAPE_VERB) !== 0)) {
    found.push(newFound(trig.value.type, quoted.start, quoted.end, 0, 'rule:trigger'));
    return quoted.end + 1;
  }
  if (!sameSentence(v, i, j) || !isWord(v, j)) return null;
  const gz = gazetteerAt(v, j);
  if (gz) {
    if (gz.value.type === 'PERSON') return null;
    // evidence beats the list: فريق برشلونة is a team, not the city
    const retype = gz.value.type !== trig.value.type;
    // a team trigger's city is the club in the whole document (see clubsByEvidence); a
    // newspaper's stays local (صحيفة الرياض … في الرياض)
    const via = !retype ? 'gazetteer' : trig.value.team && gz.value.cls === 'city' ? 'rule:team' : 'rule:trigger';
    found.push(newFound(trig.value.type, j, j + gz.len, gz.prefixLength, via, retype ? undefined : gz.value));
    return j + gz.len;
  }
  if (trig.value.type === 'ORGANIZATION' && !takesDefinite && isDefinite(v, j) && !isDefinite(v, i)) {
    // a description made specific by a country or a known name is the organization's name,
    // trigger included: شركة الخطوط الجوية اليمنية، وكالة الأنباء اليمنية
    const k = complementChain(v, i, j, false);
    if (k < 0) return null;
    found.push(newFound('ORGANIZATION', i, k, trig.prefixLength, 'rule:trigger'));
    return k;
  }
  if (blocksName(v, j) || (!takesDefinite && isDefinite(v, j)) || givenName(v, j)?.info.strength === 'strong') return null;
  // a family's name is no adjective or noun in ة (أسرة [مسلمة]، عائلة [ثرية]) nor a word with a pronoun (عائلة [مالكها])
  if (trig.value.type === 'PERSON' && !isDefinite(v, j) && (endsInTaMarbuta(v, j) || (wordShape(v, j) & SHAPE_NOT_A_LATER_NAME_WORD) !== 0)) return null;
  // a place's name is no present-tense verb (سهل [تحيط] به جبال، منطقة [يحظر] فيها)
  if (trig.value.type === 'LOCATION' && !isDefinite(v, j) && PRESENT_VERB.test(v.tokens[j].norm)) return null;
  // a trigger with the article refers back (الفريق جاهز، الشركة قادرة): an unknown word after
  // it is a predicate or an adjective, unless written in Latin letters (الشركة Aramco)
  if (isDefinite(v, i) && !isDefinite(v, j) && v.tokens[j].kind !== 'latin') return null;
  // an organization's name is not a description (شركة كبيرة، صحيفة يومية، فريق منظم)
  if (trig.value.type === 'ORGANIZATION' && !isDefinite(v, j) && (!plausibleUnknownName(v, j) || v.lex.triggerNeedsDefinite.has(bestStem(v, i)))) return null;
  let k = j + 1;
  const maxExtra = trig.value.type === 'ORGANIZATION' ? 2 : 1;
  // a name stays in its script: لشركة Apple [تيم كوك] is the company, then a person
  while (k - j <= maxExtra && sameSentence(v, j, k) && isWord(v, k) && v.tokens[k].kind === v.tokens[j].kind && !blocksName(v, k) && !startsCoordination(v, k)) {
    // a place name takes one more word only as a construct (رأس العين); an organization a foreign multiword name
    if (trig.value.type === 'LOCATION' ? !isDefinite(v, k) || isDefinite(v, j) : isDefinite(v, k)) break;
    k++;
  }
  found.push(newFound(trig.value.type, j, k, 0, 'rule:trigger'));
  return k;
}

/**
 * The complements of an organization trigger: definite words, known places and organizations,
 * construct chains (اتحاد [صناعة] السيارات، الاتحاد العربي [لعلوم] الفضاء). A generic head
 * (`takesDefinite` false: وزارة، مجلس، شركة) needs something specific among them: a country
 * adjective or a known name. Returns the end token, or -1.
 */
function complementChain(v: TokenView, i: number, j: number, takesDefinite: boolean): number {
  let k = j;
  // a generic body (وزارة الخارجية، مجلس الوزراء) becomes a name only when something
  // specific follows: a country or its adjective, a known place or organization
  let specific = takesDefinite;
  const scopeNames = triggerAt(v, i)?.value.scope === true;
  let afterName = false;
  while (k - j < MAX_ORG_COMPLEMENTS && sameSentence(v, i, k) && isWord(v, k)) {
    const gz = gazetteerAt(v, k);
    // ب + a word is an adverbial phrase (مستشفى [بالأردن]، جامعة الدول العربية [بالتعاون] مع), except
    // a known place after the name (كلية الآداب [بفاس])
    const withBa = v.tokens[k].norm.charCodeAt(0) === 0x628 && v.stems[k].length > 1 && v.stems[k][0].prefixLength === 0 && v.stems[k][1].prefixLength > 0 && (gz ? gz.prefixLength > 0 : isDefinite(v, k) && !v.stems[k][0].definite);
    if (withBa && (!gz || k === j)) break;
    if (gz && gz.value.type !== 'PERSON') {
      k += gz.len;
      specific = true;
      afterName = true;
      continue;
    }
    if (isStop(v, k) || titleAt(v, k)) break;
    // after a known name only an adjective in ي/ية (مصرف قطر [المركزي]، مؤسسة القدس [الدولية]) or
    // a complement with ل (مركز الخليج [للأبحاث]) goes on; another definite noun starts the next
    // phrase: سرايا القدس [الجناح العسكري] لحركة …
    if (afterName && isDefinite(v, k) && v.stems[k][0].definite && !demonymOf(v, k) && !adjectiveEnding(v.tokens[k].norm)) break;
    if (isDefinite(v, k)) {
      if (demonymOf(v, k) || purposeAfterAdjective(v, j, k)) specific = true;
      else if (scopeNames && scopeAfterConstruct(v, j, k)) {
        // the adjective of scope closes the name but for a purpose with ل (… الدولية [لحقوق] الإنسان)
        specific = true;
        k++;
        if (!(sameSentence(v, k, k + 1) && isWord(v, k) && v.tokens[k].norm.charCodeAt(0) === 0x644 && hasPrepositionReading(v, k))) break;
        continue;
      }
      k++;
      continue;
    }
    // a given name starts the person the phrase introduces (الأمين العام للاتحاد [سامي] الطاهري)
    const gn = givenName(v, k);
    if (gn && gn.info.strength !== 'suffix' && gn.info.strength !== 'weak') break;
    const constructFollows = sameSentence(v, k, k + 1) && isWord(v, k + 1) && isDefinite(v, k + 1) && !isStop(v, k + 1);
    // a construct chain: اتحاد [صناعة] السيارات (an indefinite noun, then a definite one), also
    // after ل inside the name: الاتحاد العربي [لعلوم] الفضاء
    if (constructFollows && !looksLikeNisba(v, k) && (k === j || hasPrepositionReading(v, k))) {
      // a new construct (لجنة الأمم المتحدة [لنزع] السلاح) takes its own definite noun
      afterName = false;
      k++;
      continue;
    }
    break;
  }
  if (k === j || !specific || (!isDefinite(v, k - 1) && !gazetteerEndsAt(v, j, k))) return -1;
  return k;
}

/**
 * Token k is an adjective of scope (الدولية، العالمية، الإقليمية) right after the body's
 * definite construct noun: مجموعة [الأزمات] الدولية، وكالة [الطاقة] الدولية name a body, while
 * the adjective alone after the head describes it (a generic head stays generic).
 */
function scopeAfterConstruct(v: TokenView, j: number, k: number): boolean {
  if (k === j || !v.lex.scopeAdjectives.has(v.tokens[k].norm)) return false;
  const noun = v.tokens[k - 1].norm;
  if (!isDefinite(v, k - 1) || v.stems[k - 1][0].prefixLength > 0 || adjectiveEnding(noun)) return false;
  // the adjective closes the name: another definite noun after it is the next phrase
  return !(sameSentence(v, k, k + 1) && isWord(v, k + 1) && v.stems[k + 1][0].definite);
}

/** A word ending like a relational adjective (ي، ية: المركزي، الدولية). */
function adjectiveEnding(norm: string): boolean {
  return norm.endsWith('ي') || norm.endsWith('يه');
}

/**
 * A trigger listed with a final ي (وادي، نادي) met in a text word written with ى: another word
 * (وأدى performed, نادى called out); normalization merges the two letters.
 */
function spelledWithAlifMaqsura(v: TokenView, i: number): boolean {
  return v.tokens[i].norm.endsWith('ي') && v.original.charCodeAt(v.tokens[i].end - 1) === ALIF_MAQSURA_CODE;
}
const ALIF_MAQSURA_CODE = 0x649;
/** a short present-tense verb (يفعل، تفعل; not تا…: تاونات) */
const PRESENT_VERB = /^[يت][^ا].{2,3}$/;

/** End after the last country adjective among the definite adjectives [j, k), or -1. */
function lastDemonymEnd(v: TokenView, j: number, k: number): number {
  let end = -1;
  let x = j;
  for (; x < k; x++) {
    if (!isDefinite(v, x) || v.stems[x][0].prefixLength > 0 || v.stems[x].length > 1 && v.stems[x][1].prefixLength > 0 && !v.stems[x][0].definite) break;
    // a plural nationality noun is the object, no adjective (باسم الحزب [الباكستانيين] إلى …)
    if (demonymOf(v, x) && !/(?:ين|ون)$/.test(v.tokens[x].norm)) end = x + 1;
  }
  // no country adjective, but a regional or other relational one and a purpose: البنك الأفريقي
  // [للتنمية]، البنك الإسلامي [للتنمية]
  if (end < 0 && x < k && purposeAfterAdjective(v, j, x)) {
    end = x + 1;
    // and the adjectives of the purpose noun: للإنماء [الاقتصادي] [والاجتماعي]
    while (end < k && isDefinite(v, end) && adjectiveEnding(v.tokens[end].norm)) end++;
  }
  // a purpose complement after the country adjective belongs to the name: المرصد السوري
  // [لحقوق الإنسان]
  while (end > 0 && end + 1 < k && v.tokens[end].norm.charCodeAt(0) === 0x644 && hasPrepositionReading(v, end) && !isDefinite(v, end) && isDefinite(v, end + 1)) end += 2;
  return end;
}

/**
 * Token x is ل + a definite noun (للتنمية) right after the definite relational adjectives that
 * follow the head (البنك [الأفريقي] للتنمية): a purpose complement that makes a body's name specific.
 */
function purposeAfterAdjective(v: TokenView, j: number, x: number): boolean {
  if (x <= j || v.tokens[x].norm.charCodeAt(0) !== 0x644 || !hasDefiniteAfterClitic(v.stems[x])) return false;
  for (let a = j; a < x; a++) if (!isDefinite(v, a) || v.stems[a][0].prefixLength > 0 || !(v.tokens[a].norm.endsWith('ي') || v.lex.scopeAdjectives.has(v.tokens[a].norm))) return false;
  // a known place or body after ل is the beneficiary (قدم البنك الدولي [للأردن] قرضا), no purpose
  return !gazetteerAt(v, x);
}

const OPENING_QUOTES = new Set(['"', '«', '“', "'", '„']);
const CLOSING_QUOTES = new Set(['"', '»', '”', "'", '“']);
const MAX_QUOTED_NAME = 5;

/** A name in quotation marks right after a trigger: the words up to the closing mark. */
function quotedName(v: TokenView, j: number): { start: number; end: number } | null {
  const t = v.tokens[j];
  if (!t || t.kind !== 'punct' || !OPENING_QUOTES.has(t.norm) || t.sentence < 0) return null;
  for (let k = j + 1; k <= j + MAX_QUOTED_NAME + 1 && k < v.tokens.length; k++) {
    const c = v.tokens[k];
    if (c.sentence !== t.sentence) return null;
    if (c.kind === 'punct') return CLOSING_QUOTES.has(c.norm) && k > j + 1 ? { start: j + 1, end: k } : null;
  }
  return null;
}

/** True when the complement [j, k) ends with a gazetteer span (a known name closes the phrase). */
function gazetteerEndsAt(v: TokenView, j: number, k: number): boolean {
  for (let x = j; x < k; x++) {
    const g = gazetteerAt(v, x);
    if (g && x + g.len === k) return true;
  }
  return false;
}

/** takes_definite of the trigger matched at token i: a multi-word trigger's own, else its word's. */
function matchTakesDefinite(v: TokenView, i: number, trig: Match<TriggerInfo>): boolean {
  return trig.len > 1 ? trig.value.takesDefinite !== false : triggerTakesDefinite(v, i);
}

function triggerTakesDefinite(v: TokenView, i: number): boolean {
  return v.lex.triggerTakesDefinite.get(bestStem(v, i)) !== false;
}

function bestStem(v: TokenView, i: number): string {
  for (const s of v.stems[i]) if (v.lex.triggers.has(s.stem)) return s.stem;
  for (const s of v.stems[i]) if (s.definite && v.lex.triggers.has(s.stem.slice(2))) return s.stem.slice(2);
  return v.tokens[i].norm;
}
