import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import type { ExtractResult } from '../../src/result.js';
import { SAMPLE_TEXT, sampleResult } from '../unit/render/sample.js';

/**
 * The HTML report in a real headless browser (Debian's chromium, installed by the CI set-up with
 * `apt-get install -y chromium`): it loads without console errors or network requests, the
 * highlighted entities carry exactly the JSON's offsets and texts, quotes link to their speaker,
 * it fits a phone's width, and screenshots are written. Runs the built CLI: `npx tsc -p .` first
 * (`npm test` does).
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const SEED = 'fixtures/seed-xinhua-wang-lavrov/input.txt';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`tests/browser: SKIPPED — ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);

interface Loaded {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

describe.skipIf(!haveBrowser)('HTML report in headless chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function load(html: string, name: string, width = 1200): Promise<Loaded> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, consoleErrors, requests };
  }

  /** Marks as the browser sees them: data attributes and rendered text. */
  async function marks(page: Page): Promise<{ entity: string; type: string; start: number; end: number; text: string }[]> {
    return page.$$eval('article mark.ent', (els) =>
      els.map((el) => {
        const e = el as HTMLElement;
        return { entity: e.dataset.entity ?? '', type: e.dataset.type ?? '', start: Number(e.dataset.start), end: Number(e.dataset.end), text: e.textContent ?? '' };
      }),
    );
  }

  function expectedMarks(r: ExtractResult) {
    return r.entities
      .flatMap((e) => e.mentions.map((m) => ({ entity: e.id, type: e.type, start: m.start, end: m.end, text: m.text })))
      .sort((a, b) => a.start - b.start);
  }

  it('renders the seed article: no console errors, no network, entities match the JSON, screenshot', async () => {
    const json = JSON.parse(execFileSync('node', ['bin/newsnlp.js', 'extract', SEED, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' })) as ExtractResult;
    const html = execFileSync('node', ['bin/newsnlp.js', 'extract', SEED, '--format', 'html'], { cwd: ROOT, encoding: 'utf8' });
    const { page, consoleErrors, requests } = await load(html, 'seed');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await marks(page)).toEqual(expectedMarks(json));
    expect(await page.$eval('article.text', (el) => getComputedStyle(el).direction)).toBe('rtl');
    const shot = join(dir, 'seed.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    // docs/report.png is this page's first screen: regenerate it with NEWSNLP_UPDATE_REPORT_PNG=1
    if (process.env.NEWSNLP_UPDATE_REPORT_PNG) await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1100 } });
    await page.close();
  });

  it('renders a rich hand-made result: labels, quotes linked to speakers, escaped input', async () => {
    const r = sampleResult();
    const { page, consoleErrors } = await load(renderHtml([{ result: r, text: SAMPLE_TEXT }]), 'sample');
    expect(consoleErrors).toEqual([]);
    expect(await marks(page)).toEqual(expectedMarks(r));
    // the label is drawn by CSS from data-label, so it is visible but not part of the mention text
    const label = await page.$eval('article mark.ent[data-type=PERSON]', (el) => getComputedStyle(el, '::after').content);
    expect(label).toBe('"PER"');
    // each quote is underlined and links to its speaker's entry in the side panel
    const quotes = await page.$$eval('article a.quote', (els) =>
      els.map((el) => {
        const target = document.querySelector((el as HTMLAnchorElement).getAttribute('href') ?? '#none') as HTMLElement | null;
        return { quote: Number((el as HTMLElement).dataset.quote), text: el.textContent, speaker: target?.dataset.entity, underline: getComputedStyle(el).textDecorationLine };
      }),
    );
    expect(quotes).toEqual(r.quotes.map((q, i) => ({ quote: i, text: q.content.text, speaker: q.speaker.entity, underline: 'underline' })));
    // the <script> inside the article text is text, not an element
    expect(await page.$$eval('article script', (els) => els.length)).toBe(0);
    expect(await page.$eval('article.text', (el) => el.textContent)).toBe(SAMPLE_TEXT);
    // side panel lists people, places, organizations and speakers
    const panel = await page.$eval('aside', (el) => el.textContent ?? '');
    for (const heading of ['People (3)', 'Places (2)', 'Organizations (1)', 'Speakers (2)']) expect(panel).toContain(heading);
    await page.screenshot({ path: join(dir, 'sample.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone width and switches to one column; print media drops the sticky panel', async () => {
    const r = sampleResult();
    const { page } = await load(renderHtml([{ result: r, text: SAMPLE_TEXT }]), 'phone', 375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const columns = await page.$eval('.layout', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    await page.screenshot({ path: join(dir, 'phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('aside', (el) => getComputedStyle(el).position)).toBe('static');
    await page.close();
  });

  it('one document with a section per article and unique element ids', async () => {
    const r = sampleResult();
    const { page, consoleErrors } = await load(
      renderHtml([
        { result: r, text: SAMPLE_TEXT },
        { result: { ...r, source: 'second.txt' }, text: SAMPLE_TEXT },
      ]),
      'batch',
    );
    expect(consoleErrors).toEqual([]);
    expect(await page.$$eval('section.report', (els) => els.map((e) => (e as HTMLElement).dataset.source))).toEqual(['sample <article>.txt', 'second.txt']);
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  });
});
