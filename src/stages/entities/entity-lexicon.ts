import type { Lexicons } from '../../lexicon/lexicons.js';
import { normalizeForMatch } from '../../text/normalize.js';
import type { EntityType, Gender } from '../../types.js';

/**
 * Everything the entity stage knows, compiled once per `Lexicons` into hash lookups keyed by
 * match-normalized tokens: gazetteer forms indexed by their first token (longest form first),
 * multi-token titles and triggers the same way, and plain sets for given names, stop words and
 * demonyms. Matching then costs a few hash probes per token.
 */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  nameEn?: string;
  gender?: Gender;
  role?: string;
  /** place class (country, city, …) or organization class (media, party, …) */
  cls?: string;
  /** place: ISO 3166 code of the country it is in (a country: its own code) */
  country?: string;
  /**
   * A form several entries share (عمان: Amman or Oman; طرابلس: Tripoli in Lebanon or Libya),
   * default reading first: the document's evidence picks one (`resolveAmbiguous` in find.ts).
   */
  candidates?: GazetteerEntry[];
  /**
   * The form is also a common word (النصر victory, الهلال crescent, الرجاء hope): it names the
   * club only in a document about sport (column `context` = sport; `sportAliasesByEvidence` in find.ts).
   */
  sportOnly?: boolean;
}

/** A surface form split into normalized tokens, with what it stands for. */
export interface IndexedForm<T> {
  tokens: string[];
  value: T;
}

export interface TitleInfo {
  gender?: Gender;
  /** the title takes an epithet with the article as the name (الإمام الرضا، الشيخ الخراساني) */
  definiteName?: boolean;
  /** a city right after the title is the club named after it (مدرب برشلونة: the team, not the city) */
  team?: boolean;
  /** with the article, also a family name (محمد الحاج، طارق السيد): column family */
  family?: boolean;
}

export interface TriggerInfo {
  type: EntityType;
  /** include: the trigger is part of the name; exclude: the name follows it */
  mode: 'include' | 'exclude';
  /** a city right after the trigger is the club named after it, in the whole document (فريق برشلونة) */
  /** an adjective of scope after its construct noun names the body (مجموعة الأزمات الدولية; not مركز التجارة العالمي, a building) */
  scope?: boolean;
  team?: boolean;
  /** the row's takes_definite (a multi-word trigger keeps its own: المجلس الأعلى yes, المجلس no) */
  takesDefinite?: boolean;
  /** listed with a final ي (وادي، نادي): a text word written with ى is another word (وأدى، نادى) */
  endsInYa?: boolean;
}

export type NameStrength = 'strong' | 'weak' | 'guard' | 'connector' | 'nasab' | 'particle' | 'suffix';

export interface GivenName {
  strength: NameStrength;
  gender?: Gender;
  /** written with a final ي (علي), so a text word ending in ى (على) is not this name */
  endsInYa?: boolean;
  /** written with a final ى (سلمى، منى), so a text word in ي that is a stop word (سلمي peaceful، مني from me) is not this name */
  endsInAlifMaqsura?: boolean;
  /** for a connector that normalizes like a function word (فان ~ فإن): the exact spelling required */
  written?: string;
  /** a suffix that makes a compound name even after a common word (ناصر الدين; not رسول الله) */
  afterCommon?: boolean;
}

export interface DemonymInfo {
  country: string;
  gender?: Gender;
}

export interface EntityLexicon {
  gazetteer: Map<string, IndexedForm<GazetteerEntry>[]>;
  titles: Map<string, IndexedForm<TitleInfo>[]>;
  triggers: Map<string, IndexedForm<TriggerInfo>[]>;
  givenNames: Map<string, GivenName>;
  stopWords: Set<string>;
  /** sports vocabulary (stop words noted `sport`: مباراة، الدوري، هدف): evidence that a document is about sport */
  sportWords: Set<string>;
  /**
   * adjectives of scope (stop words noted `scope`: دولي، عالمي، إقليمي) in their definite forms
   * (الدولي، الدولية): after a body's construct noun they make it a name (مجموعة الأزمات الدولية)
   */
  scopeAdjectives: Set<string>;
  /** prepositions that place a post inside a title phrase (`function-word.tsv`, role place-preposition) */
  placePrepositions: Set<string>;
  /** stop words written with a final ى (على، إلى): a text word written with ي may be a name (علي) */
  stopWordsInAlifMaqsura: Set<string>;
  /**
   * Curated given names that normalize like a stop word spelled otherwise (أمين, the name; آمين,
   * amen): the written name (no diacritics), which is not that stop word.
   */
  givenNamesSpelledApart: Map<string, string>;
  demonyms: Map<string, DemonymInfo>;
  /** Reporting verbs (the quotes stage's `cue` lexicon, past and present verbs with subject after). */
  reportingVerbs: Set<string>;
  /** Verbal nouns whose speaker stands before them (قوله، قولها: نقلت … عن X قوله; the `cue` lexicon, pos masdar, subject before). */
  sourceMasdars: Set<string>;
  /** Words that open reported content (إن، أن، بأن …: the `complementizer` lexicon). */
  complementizers: Set<string>;
  /** Nouns that head a non-name speaker (مصدر، بيان، المتحدث …: the `speaker-noun` lexicon). */
  speakerNouns: Set<string>;
  /** Exclude-mode triggers (by first token) whose name may carry the article (صحيفة الراية). */
  triggerTakesDefinite: Map<string, boolean>;
  /** Exclude-mode triggers whose name always carries the article or is known (فريق الأهلي، فريق برشلونة; not فريق منظم). */
  triggerNeedsDefinite: Set<string>;
  /** Facility words (مركب، مطار، جامعة …): with a person's name after them, the phrase names a facility. */
  facilities: Map<string, EntityType>;
  /** facility words whose other names are a trigger's (facility.tsv names = person: مدينة [حلب] is the city trigger's) */
  facilitiesNamedAfterPersons: Set<string>;
  /** Every single-token gazetteer form, for quick "is this a known name" checks. */
  knownSingle: Map<string, GazetteerEntry>;
  /** a city's form that also names a club (place.tsv column club: ميلان، روما): normalized form → the club */
  clubsNamedLikeCities: Map<string, GazetteerEntry>;
  /** ids of the cities with such a form: most city mentions need no form key built */
  clubCityIds: Set<string>;
  /**
   * Every key of the lists a word form's facts are read from (gazetteer, titles, triggers, given
   * names, demonyms, facilities, reporting verbs, known single names): a reading in none of them
   * needs none of their lookups.
   */
  anyKey: Set<string>;
  /** Number of surface forms compiled (for reports). */
  size: number;
}

const KIND_TYPES: [string, EntityType][] = [
  ['person', 'PERSON'],
  ['place', 'LOCATION'],
  ['org', 'ORGANIZATION'],
];

const TOKEN_RE = /[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+|[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*|[0-9]+(?:[.,:/][0-9]+)*|[^\s]/g;

/** Split a lexicon form into tokens the way the tokenizer splits text (letters, digits, single punctuation). */
export function formTokens(form: string): string[] {
  return splitNormalized(normalizeForMatch(form));
}

function splitNormalized(norm: string): string[] {
  return norm.match(TOKEN_RE) ?? [];
}

function addIndexed<T>(map: Map<string, IndexedForm<T>[]>, tokens: string[], value: T): void {
  if (tokens.length === 0) return;
  const list = map.get(tokens[0]) ?? [];
  list.push({ tokens, value });
  map.set(tokens[0], list);
}

function sortLongestFirst<T>(map: Map<string, IndexedForm<T>[]>): void {
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
}

function asGender(s: string | undefined): Gender | undefined {
  return s === 'm' || s === 'f' ? s : undefined;
}

function compileGazetteer(lex: Lexicons, out: EntityLexicon): void {
  const seenForms = new Set<string>();
  /** forms a row marks `ambiguous`: the entries claiming them, by form key */
  const shared = new Map<string, GazetteerEntry[]>();
  const claimedBy = new Map<string, GazetteerEntry>();
  /** forms a row marks context `sport`, indexed once their entry is complete */
  const sportForms: [string[], GazetteerEntry][] = [];
  /** a city's form → the id of the club named like it (place.tsv column club) */
  const clubForms: [string, string][] = [];
  const byId = new Map<string, GazetteerEntry>();
  for (const [kind, type] of KIND_TYPES) {
    const entries = new Map<string, GazetteerEntry>();
    const rows = lex.rows(kind);
    const normalized = lex.normalizedColumn(kind, 'form');
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const { id, rel, form } = row.cells;
      if (!id || !form) continue;
      let e = entries.get(id);
      if (!e) {
        entries.set(id, (e = { id, type, name: form }));
        byId.set(id, e);
      }
      if (rel === 'name' || !e.nameEn) {
        if (rel === 'name') e.name = form;
        if (row.cells.name_en) e.nameEn = row.cells.name_en;
      }
      const gender = asGender(row.cells.gender);
      if (gender) e.gender = gender;
      if (row.cells.role) e.role = row.cells.role;
      if (row.cells.class) e.cls = row.cells.class;
      if (row.cells.country) e.country = row.cells.country.toUpperCase();
      if (rel === 'block') continue;
      const tokens = splitNormalized(normalized[r]);
      const key = tokens.join(' ');
      if (rel === 'ambiguous') {
        if (tokens.length > 0) shared.set(key, [...(shared.get(key) ?? []), e]);
        if (seenForms.has(key)) continue;
      }
      // a city's form that also names a club (ميلان، روما: column club): the club in a document about sport
      if (row.cells.club && tokens.length > 0) {
        clubForms.push([key, row.cells.club]);
        out.clubCityIds.add(id);
      }
      // the first file (built-in) wins a form claimed twice; `lexicon check` reports the clash
      if (tokens.length === 0 || seenForms.has(key)) continue;
      // a one-word form that is also a function word or a common verb (آفاد ~ أفاد) would fire on
      // every occurrence of that word: it needs more context than a gazetteer gives
      if (tokens.length === 1 && out.stopWords.has(tokens[0])) continue;
      seenForms.add(key);
      if (row.cells.context === 'sport') {
        sportForms.push([tokens, e]);
        continue;
      }
      claimedBy.set(key, e);
      addIndexed(out.gazetteer, tokens, e);
      if (tokens.length === 1) out.knownSingle.set(tokens[0], e);
      out.size++;
    }
    // organizations and countries are grammatically feminine (for agreement in the quotes stage)
    for (const e of entries.values()) if (!e.gender && (type === 'ORGANIZATION' || e.cls === 'country')) e.gender = 'f';
  }
  // a common word that names a club: matched like any form, kept only in a document about sport;
  // not a known single name (the other rules go on reading it as the word)
  for (const [tokens, e] of sportForms) {
    addIndexed(out.gazetteer, tokens, { ...e, sportOnly: true });
    out.size++;
  }
  for (const [key, club] of clubForms) {
    const e = byId.get(club);
    if (e?.type === 'ORGANIZATION') out.clubsNamedLikeCities.set(key, e);
  }
  markAmbiguous(out, shared, claimedBy);
}

/**
 * Give each shared form one entry that lists its readings: the first claimant (load order) is
 * the default reading, the `ambiguous` rows add the others.
 */
function markAmbiguous(out: EntityLexicon, shared: Map<string, GazetteerEntry[]>, claimedBy: Map<string, GazetteerEntry>): void {
  for (const [key, extra] of shared) {
    const first = claimedBy.get(key);
    if (!first) continue;
    const candidates = [first, ...extra.filter((e, k) => e !== first && extra.indexOf(e) === k)];
    if (candidates.length < 2) continue;
    const stand: GazetteerEntry = { ...first, candidates };
    const tokens = key.split(' ');
    for (const f of out.gazetteer.get(tokens[0]) ?? []) if (f.value === first && f.tokens.join(' ') === key) f.value = stand;
    if (tokens.length === 1) out.knownSingle.set(key, stand);
  }
}

function compileTitles(lex: Lexicons, out: EntityLexicon): void {
  for (const row of lex.rows('title')) {
    const tokens = formTokens(row.cells.form ?? '');
    addIndexed(out.titles, tokens, { gender: asGender(row.cells.gender), definiteName: row.cells.definite_name === 'yes', team: row.cells.complement === 'team', family: row.cells.family === 'yes' });
  }
}

function compileTriggers(lex: Lexicons, out: EntityLexicon): void {
  for (const row of lex.rows('trigger')) {
    const tokens = formTokens(row.cells.form ?? '');
    const type = row.cells.type as EntityType;
    const mode = row.cells.mode === 'exclude' ? 'exclude' : 'include';
    // a person trigger (أسرة، عائلة: the family name follows) only works in exclude mode
    if (type !== 'LOCATION' && type !== 'ORGANIZATION' && !(type === 'PERSON' && mode === 'exclude')) continue;
    addIndexed(out.triggers, tokens, { type, mode, team: row.cells.complement === 'team', scope: row.cells.complement === 'scope', takesDefinite: row.cells.takes_definite !== 'no', endsInYa: (row.cells.form ?? '').trim().endsWith('ي') });
    // the by-word tables are the one-word triggers' (a multi-word trigger's value carries its own)
    if (tokens.length === 1) out.triggerTakesDefinite.set(tokens[0], row.cells.takes_definite !== 'no');
    if (tokens.length === 1 && row.cells.takes_definite === 'only') out.triggerNeedsDefinite.add(tokens[0]);
  }
}

const STRENGTHS = new Set<NameStrength>(['strong', 'weak', 'guard', 'connector', 'nasab', 'particle', 'suffix']);

function compileGivenNames(lex: Lexicons, out: EntityLexicon): void {
  const spelledApart = new Map<string, string>();
  // files load in name order: given-name.generated.tsv before given-name.tsv, so curated rows
  // (read later) overwrite generated ones
  const givenForms = lex.normalizedColumn('given-name', 'form');
  const givenRows = lex.rows('given-name');
  for (let r = 0; r < givenRows.length; r++) {
    const row = givenRows[r];
    const written = (row.cells.form ?? '').trim();
    const form = givenForms[r];
    if (!form || form.includes(' ')) continue;
    const strength = (STRENGTHS.has(row.cells.strength as NameStrength) ? row.cells.strength : 'weak') as NameStrength;
    // a generated (weak) name that is also a function word (لكن، باقي، حسب) is no evidence of a person
    if (strength === 'weak' && out.stopWords.has(form)) continue;
    const prev = out.givenNames.get(form);
    const exact = (strength === 'connector' || strength === 'nasab' || strength === 'particle') && out.stopWords.has(form) ? written : undefined;
    out.givenNames.set(form, { strength, gender: asGender(row.cells.gender) ?? prev?.gender, endsInYa: written.endsWith('ي'), endsInAlifMaqsura: written.endsWith('ى'), written: exact, afterCommon: row.cells.after_common === 'yes' });
    if ((strength === 'strong' || strength === 'guard') && out.stopWords.has(form)) spelledApart.set(form, stripMarks(written));
  }
  if (spelledApart.size === 0) return;
  // a stop word written like the name (خلف، أمل، باسم) keeps it a stop word
  const stopRows = lex.rows('stopword');
  const stopForms = lex.normalizedColumn('stopword', 'form');
  for (let r = 0; r < stopRows.length; r++) {
    if (spelledApart.get(stopForms[r]) === stripMarks((stopRows[r].cells.form ?? '').trim())) spelledApart.delete(stopForms[r]);
  }
  // على / علي are told apart by stopWordsInAlifMaqsura and the context
  for (const form of out.stopWordsInAlifMaqsura) spelledApart.delete(form);
  for (const [form, written] of spelledApart) out.givenNamesSpelledApart.set(form, written);
}

/** Without diacritics and tatweel (how a written form is compared with the text). */
function stripMarks(s: string): string {
  return s.replace(/[\u064b-\u0652\u0670\u0640]/g, '');
}

function compileWordSets(lex: Lexicons, out: EntityLexicon): void {
  const stopRows = lex.rows('stopword');
  const stopForms = lex.normalizedColumn('stopword', 'form');
  for (let r = 0; r < stopRows.length; r++) {
    const row = stopRows[r];
    const written = (row.cells.form ?? '').trim();
    const form = stopForms[r];
    if (form) out.stopWords.add(form);
    if (form && row.cells.note === 'sport') out.sportWords.add(form);
    if (form && row.cells.note === 'scope') for (const f of ['ال' + form, 'ال' + form + 'ه']) out.scopeAdjectives.add(f);
    if (form && written.endsWith('ى')) out.stopWordsInAlifMaqsura.add(form);
  }
  for (const row of lex.rows('function-word')) {
    if (row.cells.role !== 'place-preposition') continue;
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    if (form) out.placePrepositions.add(form);
  }
  // shared with the quotes stage: reporting verbs that take their subject after them
  for (const row of lex.rows('cue')) {
    if (row.cells.pos === 'masdar' && row.cells.subject === 'before') {
      const masdar = normalizeForMatch(row.cells.form ?? '').trim();
      if (masdar) out.sourceMasdars.add(masdar);
      continue;
    }
    if (row.cells.pos !== 'verb' || row.cells.subject === 'before' || row.cells.evidence === 'strict') continue;
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    if (form) out.reportingVerbs.add(form);
  }
  for (const row of lex.rows('complementizer')) {
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    if (form) out.complementizers.add(form);
  }
  for (const row of lex.rows('speaker-noun')) {
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    if (form) out.speakerNouns.add(form);
  }
  for (const row of lex.rows('facility')) {
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    const type = row.cells.type === 'ORGANIZATION' ? 'ORGANIZATION' : 'LOCATION';
    if (form) out.facilities.set(form, type);
    if (form && row.cells.names === 'person') out.facilitiesNamedAfterPersons.add(form);
  }
  for (const row of lex.rows('demonym')) {
    const form = normalizeForMatch(row.cells.form ?? '').trim();
    if (form && row.cells.id) out.demonyms.set(form, { country: row.cells.id, gender: asGender(row.cells.gender) });
  }
}

export function entityLexicon(lex: Lexicons): EntityLexicon {
  return lex.compiled('entity-lexicon', () => {
    const out: EntityLexicon = {
      gazetteer: new Map(),
      titles: new Map(),
      triggers: new Map(),
      givenNames: new Map(),
      stopWords: new Set(),
      sportWords: new Set(),
      scopeAdjectives: new Set(),
      placePrepositions: new Set(),
      stopWordsInAlifMaqsura: new Set(),
      givenNamesSpelledApart: new Map(),
      demonyms: new Map(),
      reportingVerbs: new Set(),
      sourceMasdars: new Set(),
      complementizers: new Set(),
      speakerNouns: new Set(),
      triggerTakesDefinite: new Map(),
      triggerNeedsDefinite: new Set(),
      facilities: new Map(),
      facilitiesNamedAfterPersons: new Set(),
      knownSingle: new Map(),
      clubsNamedLikeCities: new Map(),
      clubCityIds: new Set(),
      anyKey: new Set(),
      size: 0,
    };
    compileWordSets(lex, out);
    compileGazetteer(lex, out);
    compileTitles(lex, out);
    compileTriggers(lex, out);
    compileGivenNames(lex, out);
    sortLongestFirst(out.gazetteer);
    sortLongestFirst(out.titles);
    sortLongestFirst(out.triggers);
    collectKeys(out);
    return out;
  });
}

function collectKeys(out: EntityLexicon): void {
  const lists: Iterable<string>[] = [out.gazetteer.keys(), out.titles.keys(), out.triggers.keys(), out.givenNames.keys(), out.demonyms.keys(), out.facilities.keys(), out.reportingVerbs, out.sourceMasdars, out.knownSingle.keys()];
  for (const keys of lists) for (const k of keys) out.anyKey.add(k);
}
