/**
 * The prebuilt lexicon bundle: used only while every built-in TSV file is as it was at build time.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLexiconBundle, writeLexiconBundle } from '../../../src/io/lexicon-bundle.js';
import { BUILTIN_LEXICON_DIR, readBuiltinSources, readLexiconSources } from '../../../src/io/lexicon-files.js';
import { parseLexicon } from '../../../src/lexicon/tsv.js';

let dir: string;
let bundle: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsnlp-bundle-'));
  bundle = join(dir, 'bundle.json');
  writeFileSync(join(dir, 'place.tsv'), 'id\tform\nplace:moscow\tموسكو\n');
  writeFileSync(join(dir, 'person.tsv'), 'id\tform\nperson:lavrov\tلافروف\n');
  writeLexiconBundle(dir, bundle, readLexiconSources);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('lexicon bundle', () => {
  it('gives the files as parsed from the TSV, named like built-ins', () => {
    const files = readLexiconBundle(dir, bundle);
    expect(files?.map((f) => f.file)).toEqual(['lexicons/person.tsv', 'lexicons/place.tsv']);
    expect(files?.[1].rows[0]).toEqual({ file: 'lexicons/place.tsv', line: 2, cells: { id: 'place:moscow', form: 'موسكو' } });
  });

  it('is ignored once a lexicon file changes (edited in place, same size)', () => {
    writeFileSync(join(dir, 'place.tsv'), 'id\tform\nplace:mascow\tموسكو\n');
    utimesSync(join(dir, 'place.tsv'), new Date(), new Date(Date.now() + 5000));
    expect(readLexiconBundle(dir, bundle)).toBeNull();
  });

  it('is ignored when a lexicon file is added or removed', () => {
    writeFileSync(join(dir, 'org.tsv'), 'id\tform\norg:un\tالامم المتحده\n');
    expect(readLexiconBundle(dir, bundle)).toBeNull();
    rmSync(join(dir, 'org.tsv'));
    expect(readLexiconBundle(dir, bundle)).not.toBeNull();
    rmSync(join(dir, 'person.tsv'));
    expect(readLexiconBundle(dir, bundle)).toBeNull();
  });

  it('is ignored when missing or damaged', () => {
    expect(readLexiconBundle(dir, join(dir, 'none.json'))).toBeNull();
    writeFileSync(bundle, '{"format": 1, "sources": [');
    expect(readLexiconBundle(dir, bundle)).toBeNull();
    writeFileSync(bundle, '{"format": 999, "sources": [], "files": []}');
    expect(readLexiconBundle(dir, bundle)).toBeNull();
    // a bundle of an older layout (row objects, no layout field) is not misread
    writeFileSync(bundle, JSON.stringify({ format: 1, sources: [], files: [] }));
    expect(readLexiconBundle(dir, bundle)).toBeNull();
  });

  it('holds exactly what parsing the built-in lexicons gives', () => {
    const out = join(dir, 'builtin.json');
    writeLexiconBundle(BUILTIN_LEXICON_DIR, out, readLexiconSources);
    expect(readLexiconBundle(BUILTIN_LEXICON_DIR, out)).toEqual(readBuiltinSources().map(parseLexicon));
  });
});
