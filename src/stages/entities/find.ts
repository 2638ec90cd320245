import type { TextDoc } from '../../document.js';
import type { Lexicons } from '../../lexicon/lexicons.js';
import type { Entity, EntityType, Gender, Mention, Sentence, Token } from '../../types.js';
import { corefMentions } from './coref.js';
import { entityLexicon } from './entity-lexicon.js';
import { coveredTokens, newFound, scanEntities, type Found } from './scan.js';
import { demonymOf, isWord, surfacePrefix, tokenView, type TokenView } from './token-view.js';
import type { GazetteerEntry } from './entity-lexicon.js';

const ID_PREFIX: Record<EntityType, string> = { PERSON: 'person', LOCATION: 'place', ORGANIZATION: 'org', MISC: 'misc' };

/**
 * Named entities of a document: gazetteer and rule spans (one pass), then in-document
 * coreference of partial names (also before the full name), grouped into entities.
 */
export function findEntities(doc: TextDoc, tokens: readonly Token[], _sentences: readonly Sentence[], lex: Lexicons): Entity[] {
  const elex = entityLexicon(lex);
  const v = tokenView(doc.original, tokens, lex, elex);
  const found = scanEntities(v);
  resolveAmbiguous(v, found);
  sportAliasesByEvidence(v, found);
  clubsByEvidence(v, found);
  preferInDocumentNames(v, found);
  found.push(...acronyms(v, found));
  found.push(...corefWithLoneSpeakers(v, found));
  return assemble(doc, v, found);
}

/**
 * Coreference, where a one-word speaker a rule found (وقال [عطاف] إن) is the surname of a person
 * named in full elsewhere: the word joins that person (coref finds it again) instead of being a
 * person of its own.
 */
function corefWithLoneSpeakers(v: TokenView, found: Found[]): Found[] {
  const lone = found.filter((f) => f.via === 'rule:speaker' && f.end - f.start === 1);
  if (lone.length === 0) return corefMentions(v, found, (f) => entityKey(v, f));
  const rest = found.filter((f) => !lone.includes(f));
  const linked = corefMentions(v, rest, (f) => entityKey(v, f));
  for (const f of lone) if (linked.some((c) => c.start <= f.start && c.end > f.start)) found.splice(found.indexOf(f), 1);
  return linked;
}

/** Dateline punctuation after a place at the start of a sentence (عمان - …، الرباط (أ ف ب) - …). */
const DATELINE_MARKS = new Set(['-', '–', '—', '(', ':', '،', ',']);
/** Weight of a dateline for a city reading: datelines name cities, not countries. */
const DATELINE_WEIGHT = 2;

/**
 * A form several places share (عمان: Amman or Oman; طرابلس: Tripoli in Lebanon or Libya) takes
 * the reading the document supports: other places or nationality adjectives of the reading's
 * country (الأردن، الأردني → Amman), and a dateline (a city). With no evidence, the lexicon's
 * default reading (listed first). All mentions of the form in a document read the same way.
 */
export function resolveAmbiguous(v: TokenView, found: Found[]): void {
  if (!hasShared(found)) return;
  const shared = found.filter((f) => f.entry?.candidates);
  const countries = documentCountries(v, found);
  const chosen = new Map<GazetteerEntry, GazetteerEntry>();
  for (const f of shared) {
    const stand = f.entry as GazetteerEntry;
    if (sameCountry(stand.candidates!)) {
      // a country and its capital (تونس، الجزائر، الكويت): a dateline names the city, the
      // other mentions the country
      const city = stand.candidates!.find((c) => c.cls === 'city');
      f.entry = city && isDateline(v, f) ? city : stand.candidates![0];
      f.gender = f.entry.gender;
      continue;
    }
    if (chosen.has(stand)) continue;
    const mentionsOf = shared.filter((g) => g.entry === stand);
    let best = stand.candidates![0];
    let bestScore = 0;
    for (const c of stand.candidates!) {
      let score = c.country ? countries.get(c.country) ?? 0 : 0;
      if (c.cls === 'city') score += DATELINE_WEIGHT * mentionsOf.filter((g) => isDateline(v, g)).length;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    chosen.set(stand, best);
  }
  for (const f of shared) {
    if (!f.entry?.candidates) continue;
    const e = chosen.get(f.entry)!;
    f.entry = e;
    f.gender = e.gender;
  }
}

/** Some span has a form several places share (most documents have none: no array made). */
function hasShared(found: readonly Found[]): boolean {
  for (let k = 0; k < found.length; k++) if (found[k].entry?.candidates) return true;
  return false;
}

function sameCountry(candidates: readonly GazetteerEntry[]): boolean {
  return candidates.every((c) => c.country !== undefined && c.country === candidates[0].country);
}

/** How often each country is evidenced in the document (its places, its nationality adjectives). */
function documentCountries(v: TokenView, found: readonly Found[]): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (cc: string) => out.set(cc, (out.get(cc) ?? 0) + 1);
  for (const f of found) if (f.entry?.country && !f.entry.candidates) bump(f.entry.country);
  for (let i = 0; i < v.tokens.length; i++) {
    if (!isWord(v, i)) continue;
    const d = demonymOf(v, i);
    if (d) bump(d.slice(d.indexOf(':') + 1).toUpperCase());
  }
  return out;
}

/** A place opening its sentence (or the text) and followed by dateline punctuation. */
function isDateline(v: TokenView, f: Found): boolean {
  const prev = v.tokens[f.start - 1];
  if (prev && prev.sentence === v.tokens[f.start].sentence) return false;
  const next = v.tokens[f.end];
  return !!next && next.kind === 'punct' && DATELINE_MARKS.has(next.norm);
}

/**
 * A club named by a common word (النصر victory, الهلال crescent: gazetteer column `context` = sport) is a
 * mention only in a document about sport: one with a club named otherwise or shown by a team
 * title or trigger (مدرب برشلونة، فريق الشباب), or with sports vocabulary (`stopword.tsv` note
 * `sport`: مباراة، الدوري; not the team titles themselves: نجم عن، فريق التحقيق).
 * Elsewhere the word is the common word and its mentions are dropped.
 */
export function sportAliasesByEvidence(v: TokenView, found: Found[]): void {
  let any = false;
  for (let k = 0; k < found.length && !any; k++) any = found[k].entry?.sportOnly === true;
  const clubCities = v.lex.clubsNamedLikeCities.size > 0 && found.some((f) => clubNamedLikeCity(v, f));
  if (!any && !clubCities) return;
  const sport = aboutSport(v, found);
  // a city a club is named like (ميلان) is the club in a document about sport
  if (clubCities && sport) for (const f of found) {
    const club = clubNamedLikeCity(v, f);
    if (!club) continue;
    f.type = 'ORGANIZATION';
    f.entry = club;
    f.gender = club.gender;
    f.via = 'rule:club';
  }
  if (!any || sport) return;
  let n = 0;
  for (let k = 0; k < found.length; k++) if (!found[k].entry?.sportOnly) found[n++] = found[k];
  found.length = n;
}

/** The club named like the city `f` is a plain list mention of (ميلان), if any. */
function clubNamedLikeCity(v: TokenView, f: Found): GazetteerEntry | undefined {
  if (f.via !== 'gazetteer' || f.entry?.cls !== 'city' || !v.lex.clubCityIds.has(f.entry.id)) return undefined;
  // a venue stays the city: في روما، إلى ميلان، بليفربول
  if (f.prefixLength > 0 && v.tokens[f.start].norm.charCodeAt(0) !== 0x648) return undefined;
  if (f.start > 0 && v.lex.placePrepositions.has(v.tokens[f.start - 1].norm)) return undefined;
  return v.lex.clubsNamedLikeCities.get(spanNorm(v, f));
}

function aboutSport(v: TokenView, found: readonly Found[]): boolean {
  for (const f of found) {
    if (f.via === 'rule:team' || (f.entry?.cls === 'club' && !f.entry.sportOnly)) return true;
    // the club right after a team trigger or title: نادي [الوحدة]، مدافع [الهلال]
    if (f.entry?.sportOnly && f.prefixLength === 0 && afterTeamWord(v, f.start)) return true;
  }
  const sportWords = v.lex.sportWords;
  for (let i = 0; i < v.tokens.length; i++) {
    if (!isWord(v, i)) continue;
    const stems = v.stems[i];
    for (let c = 0; c < stems.length; c++) if (sportWords.has(stems[c].stem)) return true;
  }
  return false;
}

/** The word before token i is a team trigger or title (فريق، نادي، مدرب، لاعب) in its sentence. */
function afterTeamWord(v: TokenView, i: number): boolean {
  if (i === 0 || !isWord(v, i - 1) || v.tokens[i - 1].sentence !== v.tokens[i].sentence) return false;
  const f = v.forms[i - 1];
  for (let c = 0; c < f.triggers.length; c++) if (f.triggers[c].single?.value.team) return true;
  for (let c = 0; c < f.titles.length; c++) if (f.titles[c].single?.value.team) return true;
  return false;
}

/**
 * A city a team title has shown to be a club in this document (مدرب برشلونة، لاعب ليفربول: the
 * title's `complement` is team) is the club in its other plain mentions too (فاز ريال مدريد على
 * برشلونة): one entity, as a reader takes it. Only mentions found by the list alone change; a city
 * named as one (مدينة برشلونة) keeps its rule. (A trigger's evidence stays local: صحيفة الرياض is
 * a newspaper, and الرياض elsewhere the city.)
 */
export function clubsByEvidence(v: TokenView, found: Found[]): void {
  let clubs: Set<string> | null = null;
  for (const f of found) {
    if (f.via !== 'rule:team') continue;
    const norm = spanNorm(v, f);
    (clubs ??= new Set()).add(norm);
    // the listed club named like the city (place.tsv column club), one entity with its plain mentions
    f.entry ??= v.lex.clubsNamedLikeCities.get(norm);
  }
  if (!clubs) return;
  for (const f of found) {
    if (f.via !== 'gazetteer' || f.type !== 'LOCATION' || f.entry?.cls !== 'city') continue;
    const norm = spanNorm(v, f);
    if (!clubs.has(norm)) continue;
    f.type = 'ORGANIZATION';
    f.entry = v.lex.clubsNamedLikeCities.get(norm);
    f.gender = undefined;
    f.via = 'rule:club';
  }
}

/**
 * A listed surname alone (البشير → Omar al-Bashir) is, in a document that names another person
 * with that surname (محمد البشير), that person: the in-document full name comes first, the
 * lexicon's entity only when the document offers no candidate. The same holds for a first name
 * alias. Only when the lexicon's own full name is absent from the document.
 */
export function preferInDocumentNames(v: TokenView, found: Found[]): void {
  if (!mayPreferInDocumentNames(found)) return;
  const firsts = new Map<string, string | null>();
  const lasts = new Map<string, string | null>();
  const tails = new Map<string, string | null>();
  const claim = (m: Map<string, string | null>, k: string, id: string) => {
    const prev = m.get(k);
    m.set(k, prev === undefined || prev === id ? id : null);
  };
  const present = new Set<string>();
  for (const f of found) {
    if (f.type !== 'PERSON') continue;
    if (f.entry && f.end - f.start > 1) present.add(f.entry.id);
    if (f.end - f.start < 2 || f.via === 'coref') continue;
    const id = entityKey(v, f);
    claim(firsts, v.tokens[f.start].norm.slice(f.prefixLength), id);
    claim(lasts, v.tokens[f.end - 1].norm, id);
    // the last words of a longer name: ركان [ناصر الدين]، سلوى [بن عمار]
    let tail = v.tokens[f.end - 1].norm;
    for (let k = f.end - 2; k > f.start; k--) claim(tails, (tail = v.tokens[k].norm + ' ' + tail), id);
  }
  for (const f of found) {
    if (f.type !== 'PERSON') continue;
    if (f.end - f.start > 1) {
      const owner = !f.entry ? tails.get(spanNorm(v, f)) : null;
      if (owner && owner !== entityKey(v, f)) {
        f.corefOf = owner;
        f.via = 'coref';
      }
      continue;
    }
    const k = v.tokens[f.start].norm.slice(f.prefixLength);
    let owner: string | null | undefined;
    if (f.entry && !present.has(f.entry.id)) owner = lasts.get(k) ?? firsts.get(k);
    // a given name alone that is the surname of one person named in full (جعفر حسان … حسان)
    else if (f.via === 'rule:given-name') owner = lasts.get(k);
    if (!owner || owner === f.entry?.id || (firsts.has(k) && firsts.get(k) !== owner && firsts.get(k) !== undefined)) continue;
    f.entry = undefined;
    f.corefOf = owner;
    f.via = 'coref';
  }
}

/**
 * Some span the pass could change: a one-token name from the lexicon or a given name, or an
 * unlisted longer name while some name has three tokens or more (whose last words it may be).
 * Most documents have none, and then the pass builds no maps.
 */
function mayPreferInDocumentNames(found: readonly Found[]): boolean {
  let unlisted = false;
  let long = false;
  for (const f of found) {
    if (f.type !== 'PERSON') continue;
    const len = f.end - f.start;
    if (len === 1) {
      if (f.entry || f.via === 'rule:given-name') return true;
      continue;
    }
    if (!f.entry) unlisted = true;
    if (len > 2 && f.via !== 'coref') long = true;
  }
  return unlisted && long;
}

const MAX_ACRONYM_TOKENS = 3;

/**
 * An organization's acronym in parentheses right after its name (منظمة الدول المصدرة للنفط
 * (أوبك), مجلس حقوق الإنسان (UNHRC)) is a mention of it, and so is every later use of the
 * acronym in the document.
 */
function acronyms(v: TokenView, found: readonly Found[]): Found[] {
  const out: Found[] = [];
  const byForm = new Map<string, string>();
  const covered = coveredTokens(v.tokens.length, found);
  for (const f of found) {
    if (f.type !== 'ORGANIZATION') continue;
    const open = v.tokens[f.end];
    if (!open || open.norm !== '(' || open.sentence !== v.tokens[f.end - 1].sentence) continue;
    let k = f.end + 1;
    while (k < v.tokens.length && k - f.end - 1 < MAX_ACRONYM_TOKENS && (v.tokens[k].kind === 'word' || v.tokens[k].kind === 'latin')) k++;
    if (k === f.end + 1 || v.tokens[k]?.norm !== ')') continue;
    if (covered[f.end + 1]) {
      linkToKnownAcronym(f, found, f.end + 1, k);
      continue;
    }
    const entity = entityKey(v, f);
    out.push(newFound('ORGANIZATION', f.end + 1, k, 0, 'coref', undefined, undefined, entity));
    covered.fill(1, f.end + 1, k);
    if (k - f.end - 1 === 1) byForm.set(v.tokens[f.end + 1].norm, entity);
  }
  if (byForm.size === 0) return out;
  for (let i = 0; i < v.tokens.length; i++) {
    if (covered[i] || v.tokens[i].sentence < 0) continue;
    for (const s of v.stems[i]) {
      const entity = byForm.get(s.stem);
      if (entity) {
        out.push(newFound('ORGANIZATION', i, i + 1, surfacePrefix(v.tokens[i].norm, s), 'coref', undefined, undefined, entity));
        break;
      }
    }
  }
  return out;
}

/**
 * `وكالة الأنباء الكويتية (كونا)`: a name the rules found, followed by an acronym the lexicon
 * knows, is that organization (one entity, under the lexicon's id), when the parentheses hold
 * exactly the known organization. A name from the lexicon keeps its own id: a dateline such as
 * `الأمم المتحدة (رويترز)` names a place and an agency, not one body.
 */
function linkToKnownAcronym(f: Found, found: readonly Found[], start: number, end: number): void {
  if (f.entry || f.corefOf) return;
  const known = found.find((g) => g.start === start && g.end === end && g.prefixLength === 0 && g.type === 'ORGANIZATION' && g.entry);
  if (known) f.corefOf = known.entry!.id;
}

/** The entity a span belongs to: its lexicon id, or one made from its normalized tokens. */
export function entityKey(v: TokenView, f: Found): string {
  if (f.entry) return f.entry.id;
  if (f.corefOf) return f.corefOf;
  // kept on the span: several passes ask, and a fresh string would be built and hashed each time
  return (f.spanKey ??= spanKey(v, f));
}

/** `type:tok1-tok2…` from the span's normalized tokens (the span never changes once found). */
function spanKey(v: TokenView, f: Found): string {
  let s = ID_PREFIX[f.type] + ':' + firstWordNorm(v, f);
  for (let k = f.start + 1; k < f.end; k++) s += '-' + v.tokens[k].norm;
  return s.includes(' ') ? s.replace(/ /g, '-') : s;
}

/** Normalized text of a span without its proclitics. */
export function spanNorm(v: TokenView, f: Found): string {
  let s = firstWordNorm(v, f);
  for (let k = f.start + 1; k < f.end; k++) s += ' ' + v.tokens[k].norm;
  return s;
}

/** The span's first word, normalized, without its proclitics and with a dropped article put back (للمرصد → المرصد). */
function firstWordNorm(v: TokenView, f: Found): string {
  const word = v.tokens[f.start].norm.slice(f.prefixLength);
  return f.entry || f.corefOf ? word : withArticle(word, droppedArticle(v, f));
}

function mentionOf(doc: TextDoc, v: TokenView, f: Found): Mention {
  const first = v.tokens[f.start];
  const last = v.tokens[f.end - 1];
  const start = f.prefixLength > 0 ? doc.map.toOriginal(first.nStart + f.prefixLength, first.nEnd).start : first.start;
  return {
    start,
    end: last.end,
    text: doc.original.slice(start, last.end),
    sentence: first.sentence,
    tokenStart: f.start,
    tokenEnd: f.end,
    via: f.via,
  };
}

function roleOf(doc: TextDoc, v: TokenView, f: Found): string | undefined {
  if (f.roleStart === undefined || f.roleEnd === undefined || f.roleEnd <= f.roleStart) return undefined;
  const first = v.tokens[f.roleStart];
  const start = f.rolePrefix ? doc.map.toOriginal(first.nStart + f.rolePrefix, first.nEnd).start : first.start;
  return doc.original.slice(start, v.tokens[f.roleEnd - 1].end);
}

/**
 * The article that ل + ال dropped from a rule-found span's first word, to put back in its name and
 * key. A span that keeps the preposition (للمرصد السوري …, read as المرصد) drops it and takes ا;
 * one that starts after it on a noun in ل followed by a definite adjective (ل|لجنة الوطنية: the
 * article left out whole) takes ال. Null when nothing was dropped.
 */
function droppedArticle(v: TokenView, f: Found): { article: string; dropPreposition: boolean } | null {
  const norm = v.tokens[f.start].norm;
  const at = f.prefixLength;
  if (norm.startsWith('لل', at) && norm.length - at > 3) return { article: 'ا', dropPreposition: true };
  const nextIsDefinite = f.end - f.start > 1 && v.tokens[f.start + 1].norm.startsWith('ال');
  if (at > 0 && norm.startsWith('لل', at - 1) && nextIsDefinite) return { article: 'ال', dropPreposition: false };
  return null;
}

/** A span's first word (original text or normalized) with a dropped article put back. */
function withArticle(word: string, dropped: { article: string; dropPreposition: boolean } | null): string {
  return dropped ? dropped.article + (dropped.dropPreposition ? word.slice(1) : word) : word;
}

/** The name of a rule-found entity: its mention, with the article that ل + ال dropped put back. */
function ruleName(v: TokenView, f: Found, text: string): string {
  return withArticle(text, droppedArticle(v, f));
}

function nameFromLexicon(e: Entity, entry: GazetteerEntry): void {
  e.name = entry.name;
  if (entry.nameEn) e.nameEn = entry.nameEn;
}

function assemble(doc: TextDoc, v: TokenView, found: Found[]): Entity[] {
  found.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  const indexOf = new Map<string, number>();
  // the first lexicon role of each entity, in the same pass (a search per entity is quadratic on long texts)
  const lexiconRoles: (string | undefined)[] = [];
  // whether an entity's name already comes from a lexicon entry
  const lexiconNamed: boolean[] = [];
  for (const f of found) {
    const id = entityKey(v, f);
    const mention = mentionOf(doc, v, f);
    let k = indexOf.get(id);
    let e: Entity;
    if (k === undefined) {
      // most entities have one mention: an exact array, not the room a first push makes
      e = { id, type: f.type, name: f.entry?.name ?? ruleName(v, f, mention.text), mentions: [mention] };
      if (f.entry?.nameEn) e.nameEn = f.entry.nameEn;
      k = entities.length;
      indexOf.set(id, k);
      entities.push(e);
      lexiconRoles.push(undefined);
      lexiconNamed.push(false);
    } else {
      e = entities[k];
      e.mentions.push(mention);
      // an entity first met under a rule-found name (linked to a known acronym) takes the lexicon's name
      if (f.entry && e.name !== f.entry.name && !lexiconNamed[k]) nameFromLexicon(e, f.entry);
    }
    if (f.entry) lexiconNamed[k] = true;
    const role = roleOf(doc, v, f);
    if (role && !e.role) e.role = role;
    const gender: Gender | undefined = f.entry?.gender ?? f.gender;
    if (gender && !e.gender) e.gender = gender;
    // a rule-found entity is named by its longest mention
    if (!f.entry && !f.corefOf && mention.text.length > e.name.length) e.name = ruleName(v, f, mention.text);
    // (a span with a lexicon entry belongs to the entity of the entry's id)
    if (f.entry?.role && lexiconRoles[k] === undefined) lexiconRoles[k] = f.entry.role;
  }
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k];
    if (!e.role) {
      const fromLexicon = lexiconRoles[k];
      if (fromLexicon) e.role = fromLexicon;
    }
    if (!e.gender && (e.type === 'ORGANIZATION')) e.gender = 'f';
  }
  return entities;
}
