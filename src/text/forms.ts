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

/**
 * One slot of the open-addressing table, as 8 int32 in one typed array: the hash, the length,
 * the first INLINE_UNITS units packed two per int32, and the form's index in `forms`. A probe
 * then confirms a match by reading the slot's own cache line: the form object and its string,
 * two more memory reads that a long batch mostly misses in cache, are left alone (a longer form
 * compares its remaining units against its string).
 */
const SLOT_INTS = 8;
const HASH = 0;
const LENGTH = 1;
const UNITS = 2;
const INLINE_UNITS = 10;
const FORM = 7;

/** The table's hash of `text.slice(start, end)` (FNV-1a over UTF-16 units; never EMPTY). */
export function hashUnits(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h === EMPTY ? 1 : h;
}

export class FormTable {
  private slots = new Int32Array(INITIAL_SLOTS * SLOT_INTS);
  private mask = INITIAL_SLOTS - 1;
  private forms: WordForm[] = [];
  private readonly data = new Map<string, unknown>();
  /** bumped each time the table starts over (forms handed out before stay valid for their holders) */
  generation = 0;
  /** sink of `touchSlots` (kept so the reads are not optimized away) */
  private touched = 0;

  constructor(private readonly maxForms = DEFAULT_MAX_FORMS) {}

  get size(): number {
    return this.forms.length;
  }

  /**
   * Called before a document is tokenized: a full table starts over here, never in the middle of
   * a document, so all forms of one document belong to the same generation (stages index them
   * together).
   */
  beginDocument(): void {
    if (this.forms.length < this.maxForms) return;
    this.slots = new Int32Array(INITIAL_SLOTS * SLOT_INTS);
    this.mask = INITIAL_SLOTS - 1;
    this.forms = [];
    this.data.clear();
    this.generation++;
  }

  /** The form of `text.slice(start, end)`, interned. */
  intern(text: string, start: number, end: number): WordForm {
    return this.forms[this.indexOf(text, start, end, hashUnits(text, start, end))];
  }

  /**
   * Intern a document's words in one pass over precomputed bounds and hashes (see `hashUnits`),
   * writing each word's form index to `formIndex`. A tight probe loop keeps several independent
   * slot reads in flight at once; interleaved with scanning and object building, as `intern` is,
   * each probe's cache miss (the table outgrows the core's cache in a long batch) stalls alone.
   */
  internAll(text: string, starts: Int32Array, ends: Int32Array, hashes: Int32Array, count: number, formIndex: Int32Array): void {
    this.touchSlots(hashes, count);
    for (let i = 0; i < count; i++) formIndex[i] = this.indexOf(text, starts[i], ends[i], hashes[i]);
  }

  /**
   * Read the home slot of every hash once, with no branch depending on what is read: the loads
   * are independent, so the core keeps many cache misses in flight instead of one at a time
   * (a software prefetch; the probe loop then finds its slots in cache).
   */
  private touchSlots(hashes: Int32Array, count: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let sum = 0;
    // both ends: a slot may straddle two cache lines
    for (let i = 0; i < count; i++) {
      const at = (hashes[i] & mask) * SLOT_INTS;
      sum = (sum + slots[at] + slots[at + FORM]) | 0;
    }
    this.touched = sum;
  }

  /** The interned form with this index (from `internAll`). */
  form(index: number): WordForm {
    return this.forms[index];
  }

  private indexOf(text: string, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const length = end - start;
    let slot = h & mask;
    for (let at = slot * SLOT_INTS; slots[at + HASH] !== EMPTY; slot = (slot + 1) & mask, at = slot * SLOT_INTS) {
      if (slots[at + HASH] === h && slots[at + LENGTH] === length && this.sameUnits(at, text, start, end)) return slots[at + FORM];
    }
    return this.add(slot, h, text, start, end);
  }

  private add(slot: number, h: number, text: string, start: number, end: number): number {
    const index = this.forms.length;
    this.forms.push({ norm: text.slice(start, end), table: this, entity: undefined, quote: undefined });
    this.fill(slot * SLOT_INTS, h, text, start, end, index);
    // a load of up to three quarters keeps probes short (linear probing, a slot's neighbours share
    // its cache line) and the table half the size of a half-full one: a table that stays in the
    // core's cache made tokenizing 40% cheaper on a 20,000-form corpus
    if (this.forms.length * 4 > (this.mask + 1) * 3) this.grow();
    return index;
  }

  private sameUnits(at: number, text: string, start: number, end: number): boolean {
    const slots = this.slots;
    const inlineEnd = Math.min(end, start + INLINE_UNITS);
    let k = start;
    for (let u = at + UNITS; k < inlineEnd; k += 2, u++) {
      const pair = k + 1 < inlineEnd ? text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16) : text.charCodeAt(k);
      if (slots[u] !== pair) return false;
    }
    if (k >= end) return true;
    const norm = this.forms[slots[at + FORM]].norm;
    for (; k < end; k++) if (norm.charCodeAt(k - start) !== text.charCodeAt(k)) return false;
    return true;
  }

  private fill(at: number, h: number, text: string, start: number, end: number, index: number): void {
    const slots = this.slots;
    slots[at + HASH] = h;
    slots[at + LENGTH] = end - start;
    const inlineEnd = Math.min(end, start + INLINE_UNITS);
    for (let k = start, u = at + UNITS; k < inlineEnd; k += 2, u++) slots[u] = k + 1 < inlineEnd ? text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16) : text.charCodeAt(k);
    slots[at + FORM] = index;
  }

  /** Per-table data a stage keeps beside its per-form facts (e.g. forms by reading); cleared when the table starts over. */
  memo<T>(key: string, build: () => T): T {
    let value = this.data.get(key) as T | undefined;
    if (value === undefined) this.data.set(key, (value = build()));
    return value;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * SLOT_INTS);
    this.mask = size - 1;
    for (let from = 0; from < old.length; from += SLOT_INTS) {
      const h = old[from + HASH];
      if (h === EMPTY) continue;
      let slot = h & this.mask;
      while (this.slots[slot * SLOT_INTS + HASH] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(from, from + SLOT_INTS), slot * SLOT_INTS);
    }
  }
}
