/**
 * CoNLL-style NER files: one `token TAB tag` per line (extra columns ignored, the tag is the
 * last column), a blank line between sentences. Tags are BIO (B-PERS, I-LOC, O …); IOB1 files
 * (I- starting an entity) are read with conlleval's rules in `chunks`.
 */
export interface ConllToken {
  text: string;
  gold: string;
  /** 1-based line in the file, for messages */
  line: number;
}

export type ConllSentence = ConllToken[];

export function parseConll(text: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let current: ConllSentence = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    const cells = line.split(/\t| {2,}/);
    const tokenText = cells[0].trim();
    const gold = cells.length > 1 ? cells[cells.length - 1].trim() : 'O';
    current.push({ text: tokenText === '' ? '_' : tokenText, gold, line: i + 1 });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/** A typed chunk [start, end) over a flat tag sequence. */
export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/** Chunks of a tag sequence with conlleval semantics (an I- after O or another type starts a chunk). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const [prefix, type] = splitTag(tag);
    const continues = cur !== null && prefix === 'I' && type === cur.type;
    if (!continues && cur) {
      out.push(cur);
      cur = null;
    }
    if (prefix === 'B' || (prefix === 'I' && !continues)) cur = { type, start: i, end: i + 1 };
    else if (continues && cur) cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}

function splitTag(tag: string): [string, string] {
  if (tag === 'O' || tag === '' || tag.length < 3 || tag[1] !== '-') return ['O', ''];
  return [tag[0] === 'E' || tag[0] === 'S' ? (tag[0] === 'S' ? 'B' : 'I') : tag[0], tag.slice(2)];
}
