import type { Lexicons } from '../lexicon/lexicons.js';
import { cliticSets, stemCandidates } from '../text/clitics.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Entity, EntityType, Sentence, Token } from '../types.js';
import type { TextDoc } from '../document.js';

/**
 * Named entities from gazetteers: `person.tsv`, `place.tsv`, `org.tsv` (columns: id, rel, form,
 * name_en). Longest match over tokens wins; the first token may carry proclitics.
 */
interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  nameEn?: string;
}

interface Gazetteer {
  /** normalized multi-token form (tokens joined by one space) → entry */
  forms: Map<string, GazetteerEntry>;
  maxTokens: number;
}

const KIND_TYPES: Record<string, EntityType> = { person: 'PERSON', place: 'LOCATION', org: 'ORGANIZATION' };

function gazetteer(lex: Lexicons): Gazetteer {
  return lex.compiled('gazetteer', () => {
    const forms = new Map<string, GazetteerEntry>();
    let maxTokens = 1;
    for (const [kind, type] of Object.entries(KIND_TYPES)) {
      const entries = new Map<string, GazetteerEntry>();
      for (const row of lex.rows(kind)) {
        const { id, rel, form } = row.cells;
        let e = entries.get(id);
        if (!e) entries.set(id, (e = { id, type, name: form }));
        if (rel === 'name') {
          e.name = form;
          if (row.cells.name_en) e.nameEn = row.cells.name_en;
        }
        const norm = normalizeForMatch(form).split(/\s+/).filter(Boolean).join(' ');
        if (!forms.has(norm)) forms.set(norm, e);
        maxTokens = Math.max(maxTokens, norm.split(' ').length);
      }
    }
    return { forms, maxTokens };
  });
}

export function findEntities(doc: TextDoc, tokens: readonly Token[], _sentences: readonly Sentence[], lex: Lexicons): Entity[] {
  const gaz = gazetteer(lex);
  const sets = cliticSets(lex);
  const byId = new Map<string, Entity>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'latin') continue;
    if (t.sentence < 0) continue;
    let matched = false;
    for (let len = Math.min(gaz.maxTokens, tokens.length - i); len >= 1 && !matched; len--) {
      const last = tokens[i + len - 1];
      if (last.sentence !== t.sentence) continue;
      const tail = tokens.slice(i + 1, i + len).map((x) => x.norm).join(' ');
      for (const cand of stemCandidates(t.norm, sets)) {
        const key = len > 1 ? cand.stem + ' ' + tail : cand.stem;
        const entry = gaz.forms.get(key);
        if (!entry) continue;
        let ent = byId.get(entry.id);
        if (!ent) byId.set(entry.id, (ent = { id: entry.id, type: entry.type, name: entry.name, nameEn: entry.nameEn, mentions: [] }));
        ent.mentions.push({
          start: t.start,
          end: last.end,
          text: doc.original.slice(t.start, last.end),
          sentence: t.sentence,
          tokenStart: i,
          tokenEnd: i + len,
          via: 'gazetteer',
        });
        i += len - 1;
        matched = true;
        break;
      }
    }
  }
  return [...byId.values()];
}
