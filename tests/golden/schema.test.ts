import { Ajv, type ValidateFunction } from 'ajv';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';
import { readInputFile } from '../../src/io/read-input.js';
import { projectFields } from '../../src/render/json.js';
import type { ExtractResult } from '../../src/result.js';
import { SAMPLE_TEXT, sampleResult } from '../unit/render/sample.js';

/**
 * Every fixture's result must validate against schema/extract.schema.json, and every span must
 * carry exactly the code-point slice of the original text (the offset convention of the contract).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'extract.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const validate: ValidateFunction = ajv.compile(schema);
const lex = loadLexicons();

const fixtureDirs = readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function results(): { name: string; text: string; result: ExtractResult }[] {
  return fixtureDirs.map((name) => {
    const decoded = readInputFile(join(ROOT, 'fixtures', name, 'input.txt'));
    return { name, text: decoded.text, result: extract(decoded.text, lex, { source: `fixtures/${name}/input.txt`, warnings: decoded.warnings }) };
  });
}

/** The code-point slice [start, end) of text, as docs/schema.md tells readers to compute it. */
function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Every span of a result with the text it claims (speakers only when written in place). */
function claimedSpans(r: ExtractResult): { where: string; start: number; end: number; text: string }[] {
  const spans: { where: string; start: number; end: number; text: string }[] = [];
  if (r.title) spans.push({ where: 'title', ...r.title });
  r.sentences.forEach((s, i) => spans.push({ where: `sentences[${i}]`, ...s }));
  r.entities.forEach((e) => e.mentions.forEach((m, i) => spans.push({ where: `${e.id}.mentions[${i}]`, start: m.start, end: m.end, text: m.text })));
  r.quotes.forEach((q, i) => {
    spans.push({ where: `quotes[${i}].cue`, start: q.cue.start, end: q.cue.end, text: q.cue.text });
    spans.push({ where: `quotes[${i}].content`, ...q.content });
    if (!q.speaker.implicit && q.speaker.start !== undefined && q.speaker.end !== undefined)
      spans.push({ where: `quotes[${i}].speaker`, start: q.speaker.start, end: q.speaker.end, text: q.speaker.text });
  });
  return spans;
}

describe('schema/extract.schema.json', () => {
  it('finds at least one fixture', () => {
    expect(fixtureDirs.length).toBeGreaterThan(0);
  });

  for (const { name, text, result } of results()) {
    describe(name, () => {
      it('validates against the schema', () => {
        const ok = validate(result);
        expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
        expect(ok).toBe(true);
      });

      it('validates with --include-text and with every --fields projection', () => {
        expect(validate({ ...result, text })).toBe(true);
        for (const fields of [['entities', 'quotes'], ['sentences'], [], ['text']] as const) {
          expect(validate(projectFields({ ...result, text }, fields)), `--fields ${fields.join(',')}`).toBe(true);
        }
      });

      it('every span text equals the code-point slice of the input', () => {
        const length = Array.from(text).length;
        for (const s of claimedSpans(result)) {
          expect(s.start, s.where).toBeLessThanOrEqual(s.end);
          expect(s.end, s.where).toBeLessThanOrEqual(length);
          expect(cpSlice(text, s.start, s.end), s.where).toBe(s.text);
        }
        for (const b of result.boilerplate) expect(b.end).toBeLessThanOrEqual(length);
      });

      it('indexes point at existing sentences and quotes', () => {
        const inSentence = (sentence: number, start: number, end: number) => {
          const s = result.sentences[sentence];
          return s !== undefined && s.start <= start && end <= s.end;
        };
        for (const e of result.entities) for (const m of e.mentions) expect(inSentence(m.sentence, m.start, m.end), `${e.id} ${m.text}`).toBe(true);
        for (const q of result.quotes) expect(result.sentences[q.sentence], q.cue.text).toBeDefined();
        for (const s of result.speakers) for (const i of s.quotes) expect(result.quotes[i]).toBeDefined();
      });
    });
  }
});

describe('the schema rejects broken records (so the tests above can fail)', () => {
  const base: ExtractResult = {
    schema: 'newsnlp.extract/1',
    source: 'x.txt',
    offsets: 'codepoint',
    title: null,
    sentences: [{ start: 0, end: 3, text: 'قال' }],
    boilerplate: [],
    entities: [],
    quotes: [],
    speakers: [],
    warnings: [],
  };
  const cases: [note: string, record: unknown, valid: boolean][] = [
    ['a minimal article is valid', base, true],
    ['an error record of a batch is valid', { source: 'missing.txt', error: { code: 'not-found', message: 'no such file' } }, true],
    ['a missing part without "fields" is invalid', { ...base, quotes: undefined }, false],
    ['a wrong schema version is invalid', { ...base, schema: 'newsnlp.extract/2' }, false],
    ['UTF-16 offsets are not the contract', { ...base, offsets: 'utf16' }, false],
    ['a negative offset is invalid', { ...base, sentences: [{ start: -1, end: 3, text: 'قال' }] }, false],
    ['an unknown top-level field is invalid', { ...base, extra: 1 }, false],
    ['a mention without its sentence index is invalid', { ...base, entities: [{ id: 'p', type: 'PERSON', name: 'وانغ', mentions: [{ start: 0, end: 4, text: 'وانغ' }] }] }, false],
    [
      'a quote kind outside direct|indirect is invalid',
      {
        ...base,
        quotes: [
          {
            speaker: { entity: null, text: '', implicit: true },
            cue: { start: 0, end: 3, text: 'قال', lemma: 'قال' },
            content: { start: 4, end: 5, text: 'x' },
            kind: 'reported',
            sentence: 0,
          },
        ],
      },
      false,
    ],
    ['an error record without a message is invalid', { source: 'a', error: { code: 'x' } }, false],
  ];
  it.each(cases)('%s', (_note, record, valid) => {
    expect(validate(record)).toBe(valid);
  });
});

describe('docs/schema.md offset snippets (Python and JavaScript)', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'schema.md'), 'utf8');
  const snippet = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc)?.[1] ?? '';
  const r = sampleResult();
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-schema-doc-'));
  writeFileSync(join(dir, 'article.txt'), '\ufeff' + SAMPLE_TEXT); // with a BOM, which offsets do not count
  writeFileSync(join(dir, 'article.json'), JSON.stringify(r));
  const first = r.entities[0].mentions[0].text;

  it('the hand-made sample used by the renderer tests is itself a valid record', () => {
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the sample makes UTF-16 and code point offsets differ (so the snippets are tested for real)', () => {
    const m = r.entities.flatMap((e) => e.mentions).find((x) => SAMPLE_TEXT.slice(x.start, x.end) !== x.text);
    expect(m).toBeDefined();
  });

  it('JavaScript: Array.from(text).slice(start, end) gives every mention', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', snippet('js')], { cwd: dir, encoding: 'utf8' });
    expect(out.trim()).toBe(first);
  });

  it.skipIf(!hasPython())('Python: text[start:end] gives every mention', () => {
    const out = execFileSync('python3', ['-c', snippet('python')], { cwd: dir, encoding: 'utf8' });
    expect(out.trim()).toBe(first);
  });
});

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    console.warn('tests/golden/schema.test.ts: python3 not found; the Python snippet is not run');
    return false;
  }
}
