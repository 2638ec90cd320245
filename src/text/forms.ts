/**
 * Interned word forms. A news corpus repeats a few tens of thousands of distinct forms millions
 * of times, and the stages ask the lexicons the same questions about every token of a form. The
 * tokenizer therefore gives each token a shared `WordForm`, found by hashing the token's units
 * where they lie in the normalized text (no string is made for a form already seen), and each
 * stage memoizes its per-form facts on that object: one table lookup per token for the whole
 * pipeline instead of one string-keyed lookup per stage.
 *
 * Facts on a form depend on the lexicons, so a table belongs to one Lexicons object (see
 * `analyze`); a table made for one call (the default of `tokenize`) shares nothing.
 */
export interface WordForm {
  /** the match-normalized form (shared by every token of the form) */
  readonly norm: string;
  /** the table the form is interned in (stages keep per-table data there: `memo`) */
  readonly table: FormTable;
  /** the entity stage's facts about the form (opaque here) */
  entity: unknown;
  /** the quote stage's facts about the form (opaque here) */
  quote: unknown;
}

/**
 * Distinct forms kept before the table starts over, so a long batch cannot grow memory without
 * bound: about 0.5 kB each with the stages' facts, and 200,000 forms cover the working vocabulary
 * of a large corpus (clitic variants included).
 */
export const DEFAULT_MAX_FORMS = 200_000;

const INITIAL_SLOTS = 1 << 12;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** hash value marking an empty slot (a form hashing to it is stored as 1) */
const EMPTY = 0;

export class FormTable {
  /** open addressing: slot → form, and the form's hash (EMPTY: a free slot) in a typed array the probe reads first */
  private slots: (WordForm | undefined)[] = new Array(INITIAL_SLOTS);
  private hashes = new Int32Array(INITIAL_SLOTS);
  private count = 0;
  private readonly data = new Map<string, unknown>();
  /** bumped each time the table starts over (forms handed out before stay valid for their holders) */
  generation = 0;

  constructor(private readonly maxForms = DEFAULT_MAX_FORMS) {}

  get size(): number {
    return this.count;
  }

  /**
   * Called before a document is tokenized: a full table starts over here, never in the middle of
   * a document, so all forms of one document belong to the same generation (stages index them
   * together).
   */
  beginDocument(): void {
    if (this.count < this.maxForms) return;
    this.slots = new Array(INITIAL_SLOTS);
    this.hashes = new Int32Array(INITIAL_SLOTS);
    this.count = 0;
    this.data.clear();
    this.generation++;
  }

  /** The form of `text.slice(start, end)`, interned. */
  intern(text: string, start: number, end: number): WordForm {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    if (h === EMPTY) h = 1;
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let slot = h & mask;
    // the probe reads the hash array alone until a hash matches: the form and its string (two
    // more memory reads, mostly cache misses in a long batch) are read only to confirm a match
    for (let seen = hashes[slot]; seen !== EMPTY; seen = hashes[slot]) {
      if (seen === h) {
        const form = this.slots[slot]!;
        if (sameUnits(form.norm, text, start, end)) return form;
      }
      slot = (slot + 1) & mask;
    }
    const form: WordForm = { norm: text.slice(start, end), table: this, entity: undefined, quote: undefined };
    this.slots[slot] = form;
    hashes[slot] = h;
    // keep the load under one half, so probes stay short
    if (++this.count * 2 > hashes.length) this.grow();
    return form;
  }

  /** Per-table data a stage keeps beside its per-form facts (e.g. forms by reading); cleared when the table starts over. */
  memo<T>(key: string, build: () => T): T {
    let value = this.data.get(key) as T | undefined;
    if (value === undefined) this.data.set(key, (value = build()));
    return value;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    const mask = size - 1;
    this.slots = new Array(size);
    this.hashes = new Int32Array(size);
    for (let s = 0; s < oldSlots.length; s++) {
      const form = oldSlots[s];
      if (form === undefined) continue;
      let slot = oldHashes[s] & mask;
      while (this.hashes[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = form;
      this.hashes[slot] = oldHashes[s];
    }
  }
}

function sameUnits(norm: string, text: string, start: number, end: number): boolean {
  if (norm.length !== end - start) return false;
  for (let k = 0; k < norm.length; k++) if (norm.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
