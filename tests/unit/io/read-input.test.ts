/**
 * Reading inputs: files and bytes, HTML pages (article extraction, meta charset), and the
 * inputs refused with a clear InputError (empty, binary, missing, folder).
 */
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/io/decode.js';
import { looksLikeHtml, htmlCharset } from '../../../src/io/html.js';
import { decodeInput, readInputFile } from '../../../src/io/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'newsnlp-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.code;
    throw err;
  }
  return 'no error';
}

const PAGE = (charset: string, body: string) => `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="${charset}"><title>وانغ يي يلتقي لافروف | موقع الأخبار</title>
<script>var notText = "لا";</script><style>p { color: red }</style></head>
<body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>وانغ يي يلتقي لافروف</h1>${body}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;

const BODY = `<p>التقى وزير الخارجية الصيني وانغ يي اليوم نظيره الروسي سيرجي لافروف لبحث العلاقات الثنائية والتعاون في إطار البريكس، وفق ما أعلنت الوزارة.</p><p>وقال وانغ إن تطوير العلاقات بين الصين وروسيا خيار استراتيجي اتخذه الجانبان على أساس المصالح الأساسية لكل منهما.</p><div>وأضاف أن الصين مستعدة<br>للعمل مع روسيا.</div>`;

describe('HTML input', () => {
  it('extracts the article: headline first, paragraphs on their own lines, no script or navigation', () => {
    const d = readInputFile(write('page.html', PAGE('utf-8', BODY)));
    expect(d.format).toBe('html');
    const lines = d.text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('وانغ يي يلتقي لافروف');
    expect(lines).toContain('وقال وانغ إن تطوير العلاقات بين الصين وروسيا خيار استراتيجي اتخذه الجانبان على أساس المصالح الأساسية لكل منهما.');
    expect(d.text).not.toContain('notText');
    expect(d.text).not.toContain('الرئيسية');
    // block boundaries never glue paragraphs together
    expect(d.text).not.toMatch(/البريكس، وفق ما أعلنت الوزارة\.وقال/);
    expect(d.text).toContain('مستعدة\nللعمل');
  });

  it('is recognized by content when the name says nothing', () => {
    const d = decodeInput(new TextEncoder().encode(PAGE('utf-8', BODY)), { name: 'article.txt' });
    expect(d.format).toBe('html');
  });

  it('honours <meta charset> for a Windows-1256 page', () => {
    const bytes = iconv.encode(PAGE('windows-1256', BODY), 'windows-1256');
    const d = readInputFile(write('legacy.htm', bytes));
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toContain('وزير الخارجية الصيني');
  });

  it('a UTF-8 page that still declares windows-1256 is read as UTF-8, with a warning', () => {
    const d = readInputFile(write('resaved.html', PAGE('windows-1256', BODY)));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('وزير الخارجية الصيني');
    expect(d.warnings.map((w) => w.code)).toContain('charset-mismatch');
  });

  it('honours the http-equiv form of the charset declaration', () => {
    expect(htmlCharset('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')).toBe('windows-1256');
    expect(htmlCharset('<meta charset=utf-8>')).toBe('utf-8');
    expect(htmlCharset('<p>charset</p>')).toBeNull();
  });

  it('falls back to the body text when there is no article', () => {
    const d = decodeInput(new TextEncoder().encode('<html><body><p>خبر قصير.</p><p>سطر ثان.</p></body></html>'));
    expect(d.text.split('\n').filter(Boolean)).toEqual(['خبر قصير.', 'سطر ثان.']);
  });

  it.each([
    // [note, body html, text expected]
    ['a byline and its outlet in sibling spans stay two words', '<p><span>محمد عثمان</span><span>بي بي سي - الخرطوم</span></p>', 'محمد عثمان بي بي سي - الخرطوم'],
    ['a link next to a time element', '<p><a>الخرطوم</a><time>24 نوفمبر 2026</time></p>', 'الخرطوم 24 نوفمبر 2026'],
    ['bold markup inside a word adds no space', '<p>وزارة <b>ال</b>خارجية</p>', 'وزارة الخارجية'],
    ['a span right after emphasis adds no space', '<p><strong>عاجل</strong><span>:</span> انفجار</p>', 'عاجل: انفجار'],
  ])('flattens inline elements: %s', (_note, body, expected) => {
    expect(decodeInput(new TextEncoder().encode(`<html><body>${body}</body></html>`)).text).toBe(expected);
  });

  it.each([
    ['doctype', '<!DOCTYPE html><html>', true],
    ['html tag after a comment', '<!-- saved --><html lang="ar">', true],
    ['plain Arabic text', 'التقى الوزير', false],
    ['text mentioning a tag later', 'قال <b>', false],
  ] as const)('looksLikeHtml: %s', (_note, head, expected) => {
    expect(looksLikeHtml(head)).toBe(expected);
  });

  it('a plain-text file named .htm stays text (its lines are kept)', () => {
    const d = readInputFile(write('misnamed.htm', 'العنوان\n\nالفقرة الأولى.\nالفقرة الثانية.'));
    expect(d.format).toBe('text');
    expect(d.text).toBe('العنوان\n\nالفقرة الأولى.\nالفقرة الثانية.');
  });

  it('format "text" reads an HTML file as plain text', () => {
    expect(decodeInput(new TextEncoder().encode(PAGE('utf-8', BODY)), { format: 'text' }).format).toBe('text');
  });
});

describe('refused inputs', () => {
  it.each([
    ['empty file', new Uint8Array(0), 'empty'],
    ['white space only', new TextEncoder().encode(' \n\t\r\n'), 'empty'],
    ['NUL bytes (binary)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary'],
    ['mostly control characters', new Uint8Array(Array.from({ length: 200 }, (_, k) => (k % 3 === 0 ? 0x41 : 0x01))), 'binary'],
  ] as const)('%s', (_note, bytes, code) => {
    expect(codeOf(() => decodeInput(bytes))).toBe(code);
  });

  it('a missing file and a folder', () => {
    expect(codeOf(() => readInputFile(join(dir, 'nope.txt')))).toBe('enoent');
    expect(codeOf(() => readInputFile(dir))).toBe('is-directory');
  });

  it('error messages are one line', () => {
    try {
      decodeInput(new Uint8Array([0, 0, 0, 0]));
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('UTF-16 text is not mistaken for binary despite its NUL bytes', () => {
    const d = decodeInput(new Uint8Array(iconv.encode('hello world, مرحبا', 'utf-16le')));
    expect(d.text).toBe('hello world, مرحبا');
    expect(d.format).toBe('text');
  });
});

describe('HTML page of the seed article', () => {
  it('gives the same sentences as the plain-text article', async () => {
    const { readFileSync } = await import('node:fs');
    const { splitSentences } = await import('../../../src/text/sentences.js');
    const { loadLexicons } = await import('../../../src/io/lexicon-files.js');
    const lex = loadLexicons();
    const seed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'seed-xinhua-wang-lavrov', 'input.txt'), 'utf8');
    const article = seed.slice(0, seed.indexOf('بيان الخصوصية')).trim();
    const [headline, ...paragraphs] = article.split(/\n+/).filter((l) => l.trim());
    const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${headline} - Arabic.news.cn</title></head><body>
<header><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/china">الصين</a></li><li><a href="/world">العالم</a></li></ul></header>
<div class="main"><div class="article"><h1>${headline}</h1><div class="info">2024-06-10 22:06:30 | arabic.news.cn</div>
<div id="detail">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر أول</a></li><li><a href="/b">خبر ثان</a></li></ul></aside></div>
<div id="cookie" hidden><p>بيان الخصوصية وسياسة ملفات تعريف الارتباط</p><button>أوافق</button></div>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
    const d = decodeInput(new TextEncoder().encode(page), { name: 'seed.html' });
    const sentencesOf = (text: string) => splitSentences(text, lex).map((s) => text.slice(s.start, s.end));
    expect(sentencesOf(d.text)).toEqual(sentencesOf(article));
    expect(splitSentences(d.text, lex)[0].title).toBe(true);
  });
});
