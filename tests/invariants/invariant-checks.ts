/**
 * The invariants every `extract()` result must satisfy, whatever the input. Each check returns
 * a list of human-readable violations (empty = fine) so a failing property prints all of them.
 *
 * Not a test file: shared by the property tests and the CLI robustness tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ExtractResult, TextSpan } from '../../src/result.js';
import type { Analysis } from '../../src/extract.js';
import { cpSlice } from './arbitraries.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/extract.schema.json', import.meta.url));

/** Code points that count as text: anything but spaces, line separators, controls, format characters and lone surrogates. */
const NOT_TEXT = /[\s\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Zs}]/u;

export function checkResult(input: string, r: ExtractResult): string[] {
  const problems: string[] = [];
  const cps = Array.from(input);
  const n = cps.length;
  const say = (m: string) => problems.push(m);
  const inBounds = (what: string, s: { start: number; end: number }) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > n || s.start > s.end) {
      say(`${what}: span [${s.start}, ${s.end}) out of bounds for ${n} code points`);
      return false;
    }
    return true;
  };
  const textSpan = (what: string, s: TextSpan, nonEmpty = true) => {
    if (!inBounds(what, s)) return;
    if (nonEmpty && s.start === s.end) say(`${what}: empty span at ${s.start}`);
    const slice = cps.slice(s.start, s.end).join('');
    if (s.text !== slice) say(`${what}: text ${JSON.stringify(s.text)} ≠ input[${s.start}:${s.end}] ${JSON.stringify(slice)}`);
  };

  // sentences: valid, in order, non-overlapping
  r.sentences.forEach((s, i) => textSpan(`sentences[${i}]`, s));
  for (let i = 1; i < r.sentences.length; i++) {
    if (r.sentences[i].start < r.sentences[i - 1].end) say(`sentences[${i}] starts at ${r.sentences[i].start}, before sentences[${i - 1}] ends (${r.sentences[i - 1].end})`);
  }
  if (r.title) {
    textSpan('title', r.title);
    if (!r.sentences.some((s) => s.start === r.title!.start && s.end === r.title!.end)) say('title is not one of the sentences');
  }

  // boilerplate: valid spans
  r.boilerplate.forEach((b, i) => inBounds(`boilerplate[${i}]`, b));

  // coverage: every text code point outside boilerplate is inside a sentence
  const covered = new Uint8Array(n);
  for (const s of [...r.sentences, ...r.boilerplate]) for (let k = Math.max(0, s.start); k < Math.min(n, s.end); k++) covered[k] = 1;
  for (let k = 0; k < n; k++) {
    if (!covered[k] && !NOT_TEXT.test(cps[k])) {
      say(`code point ${k} ${JSON.stringify(cps[k])} (U+${cps[k].codePointAt(0)!.toString(16).toUpperCase()}) is in no sentence and no boilerplate span`);
      break;
    }
  }
  // sentences never reach into boilerplate
  for (const [i, s] of r.sentences.entries()) {
    for (const b of r.boilerplate) if (s.start < b.end && b.start < s.end) say(`sentences[${i}] overlaps boilerplate [${b.start}, ${b.end})`);
  }

  // entities and mentions
  const ids = new Set<string>();
  for (const [i, e] of r.entities.entries()) {
    if (ids.has(e.id)) say(`entities[${i}]: duplicate id ${e.id}`);
    ids.add(e.id);
    if (!['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC'].includes(e.type)) say(`entities[${i}]: unknown type ${e.type}`);
    for (const [k, m] of e.mentions.entries()) {
      const what = `entities[${i}].mentions[${k}]`;
      textSpan(what, m);
      const s = r.sentences[m.sentence];
      if (!s) say(`${what}: sentence ${m.sentence} does not exist`);
      else if (m.start < s.start || m.end > s.end) say(`${what}: [${m.start}, ${m.end}) not inside its sentence [${s.start}, ${s.end})`);
    }
  }

  // quotes
  for (const [i, q] of r.quotes.entries()) {
    const what = `quotes[${i}]`;
    textSpan(`${what}.cue`, q.cue);
    textSpan(`${what}.content`, q.content, false);
    if (!r.sentences[q.sentence]) say(`${what}: sentence ${q.sentence} does not exist`);
    else {
      const s = r.sentences[q.sentence];
      if (q.cue.start < s.start || q.cue.end > s.end) say(`${what}.cue not inside its sentence`);
    }
    if (q.speaker.start !== undefined || q.speaker.end !== undefined) {
      const sp = { start: q.speaker.start ?? -1, end: q.speaker.end ?? -1 };
      if (inBounds(`${what}.speaker`, sp) && !q.speaker.implicit) {
        const slice = cpSlice(input, sp.start, sp.end);
        if (q.speaker.text !== slice) say(`${what}.speaker.text ${JSON.stringify(q.speaker.text)} ≠ input slice ${JSON.stringify(slice)}`);
      }
    }
    if (q.speaker.entity !== null && !ids.has(q.speaker.entity)) say(`${what}.speaker.entity ${q.speaker.entity} is not an entity of the result`);
  }
  for (const [i, sp] of r.speakers.entries()) {
    for (const qi of sp.quotes) if (!r.quotes[qi]) say(`speakers[${i}] names quote ${qi}, which does not exist`);
  }

  // warnings with spans
  for (const [i, w] of r.warnings.entries()) if (w.start !== undefined && w.end !== undefined) inBounds(`warnings[${i}]`, { start: w.start, end: w.end });

  // JSON round trip (lone surrogates must survive as escapes, nothing may be undefined-only)
  const back = JSON.parse(JSON.stringify(r)) as ExtractResult;
  if (JSON.stringify(back) !== JSON.stringify(r)) say('JSON round trip changes the result');
  return problems;
}

/** UTF-16 level invariants of the internal analysis: tokens ordered, in bounds, in their sentence. */
export function checkAnalysis(a: Analysis): string[] {
  const problems: string[] = [];
  const text = a.doc.original;
  let prev = { start: 0, end: 0 };
  for (const t of a.tokens) {
    // token spans are monotone (starts and ends never go back). They may overlap only where one
    // source character expanded to several words (ﷺ → four words, the last one glued to what
    // follows), so overlap itself is not checked; containment in the sentence is, below.
    if (t.start < prev.start || t.end < prev.end || t.end < t.start || t.end > text.length) {
      problems.push(`token ${t.index} [${t.start}, ${t.end}) ${JSON.stringify(text.slice(t.start, t.end))} out of order or bounds (previous [${prev.start}, ${prev.end}))`);
      break;
    }
    prev = t;
    if (t.sentence >= 0) {
      const s = a.sentences[t.sentence];
      if (!s || t.start < s.start || t.end > s.end) {
        problems.push(`token ${t.index} [${t.start}, ${t.end}) ${JSON.stringify(text.slice(t.start, t.end))} not inside its sentence ${t.sentence} ${s ? `[${s.start}, ${s.end})` : '(missing)'}`);
        break;
      }
    }
  }
  return problems;
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validate | null | undefined;

/** Schema validator for schema/extract.schema.json, or null when the file does not exist yet. */
export function schemaValidator(): Validate | null {
  if (validator !== undefined) return validator;
  if (!existsSync(SCHEMA_PATH)) return (validator = null);
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $schema?: string };
  const require = createRequire(import.meta.url);
  // draft 2020-12 schemas need ajv's 2020 class; draft-07 (and unspecified) the default one
  const AjvClass = (/2020-12/.test(schema.$schema ?? '') ? require('ajv/dist/2020').default : require('ajv').default) as new (o: object) => {
    compile(s: object): Validate;
  };
  const ajv = new AjvClass({ allErrors: true, strict: false });
  return (validator = ajv.compile(schema));
}
