import { createRequire } from 'node:module';

/**
 * HTML input (a saved article page) → the article's plain text. The page is parsed with
 * linkedom (a light DOM), the main content is chosen by @mozilla/readability (falling back to
 * the whole body when it finds no article), and the DOM is flattened to text with every block
 * boundary (p, div, li, h1–h6, br, …) turned into a line break, so paragraphs never glue
 * together and the sentence splitter sees the same shape as in a plain-text article: the
 * headline on the first line, then one paragraph per line, separated by blank lines.
 * Offsets of the analysis then refer to this text (the JSON output includes it as `text`).
 * Both libraries are loaded on first use only.
 */

const require = createRequire(import.meta.url);

/* Minimal structural types for what we use of the DOM (linkedom ships its own, much wider). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
interface DomDocument {
  body: DomNode | null;
  title?: string;
  querySelector(selector: string): (DomNode & { textContent: string | null }) | null;
}
interface Linkedom {
  parseHTML(html: string): { document: DomDocument };
}
interface ReadabilityArticle {
  title?: string | null;
  content?: string | null;
  textContent?: string | null;
}
interface ReadabilityModule {
  Readability: new (doc: unknown, options?: Record<string, unknown>) => { parse(): ReadabilityArticle | null };
}

let linkedom: Linkedom | null = null;
let readability: ReadabilityModule | null = null;

function loadLinkedom(): Linkedom {
  linkedom ??= require('linkedom') as Linkedom;
  return linkedom;
}

function loadReadability(): ReadabilityModule {
  readability ??= require('@mozilla/readability') as ReadabilityModule;
  return readability;
}

/** Does this (start of a) document look like HTML? */
export function looksLikeHtml(head: string): boolean {
  const s = head.replace(/^\uFEFF/, '').replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '');
  return /^<!doctype\s+html[\s>]/i.test(s) || /^<html[\s>]/i.test(s) || (/^<(?:head|body|meta|title)[\s>]/i.test(s) && /<\/(?:p|div|body|title)>/i.test(head));
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function htmlCharset(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return direct ? direct[1] : null;
}

/** Elements whose boundaries are paragraph breaks. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
/** Elements whose text is never article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);
/** Table cells: separated by a tab-like space, not glued. */
const CELLS = new Set(['TD', 'TH']);

/** Pages with less readable article text than this fall back to the whole body. */
const MIN_ARTICLE_CHARS = 80;

/** Extract the article text of an HTML page. */
export function htmlToText(html: string): string {
  const { parseHTML } = loadLinkedom();
  const { document } = parseHTML(html);
  const pageTitle = headline(document);
  const body = flatten(bodyOf(document));
  let article: ReadabilityArticle | null = null;
  try {
    article = new (loadReadability().Readability)(parseHTML(html).document, { charThreshold: 200 }).parse();
  } catch {
    article = null; // a page Readability cannot handle is read as a whole
  }
  let text = body;
  if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS) {
    text = flatten(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body);
  }
  const title = cleanLine(chooseTitle(pageTitle, article?.title ?? ''));
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;
  return text;
}

/** The body element; null for a page with no root element at all (`<!doctype html>` alone), where linkedom's getter throws. */
function bodyOf(document: DomDocument): DomNode | null {
  try {
    return document.body;
  } catch {
    return null;
  }
}

/** The page's first h1, else its <title>. */
function headline(document: DomDocument): { h1: string; title: string } {
  return { h1: document.querySelector('h1')?.textContent?.trim() ?? '', title: document.querySelector('title')?.textContent?.trim() ?? '' };
}

/** The headline: the h1 when there is one, else the title without the site's name (`headline | site`). */
function chooseTitle(page: { h1: string; title: string }, readabilityTitle: string): string {
  if (page.h1) return page.h1;
  const title = readabilityTitle || page.title;
  // white space collapsed first: splitting on \s+…\s+ directly is quadratic on a long blank run
  const parts = title.replace(/\s+/g, ' ').split(/ [|\-–—»:]{1,2} /).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts.reduce((a, b) => (b.length > a.length ? b : a)) : title;
}

/** DOM → text: inline text joined, blocks separated by blank lines, <br> a line break. */
function flatten(root: DomNode | null): string {
  if (!root) return '';
  const parts: string[] = [];
  walk(root, parts, false);
  return tidy(parts.join(''));
}

const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

/**
 * Depth-first walk with an explicit stack (a page of 20,000 nested tags would overflow the call
 * stack of a recursive walk). A string on the stack is output to emit when it is popped.
 */
function walk(root: DomNode, out: string[], rootPre: boolean): void {
  const stack: (string | { node: DomNode; pre: boolean })[] = [];
  const pushChildren = (node: DomNode, pre: boolean) => {
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push({ node: children[k], pre });
      if (k > 0 && areLayoutNeighbours(children[k - 1], children[k])) stack.push(' ');
    }
  };
  pushChildren(root, rootPre);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const { node: child, pre } = item;
    if (child.nodeType === 3) {
      const v = child.nodeValue ?? '';
      out.push(pre ? v.replace(/\r?\n/g, LINE) : v.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const name = child.nodeName.toUpperCase();
    if (SKIPPED.has(name) || isHidden(child) || name === 'IMG') continue;
    if (name === 'BR') {
      out.push(LINE);
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) out.push(PARAGRAPH);
    else if (CELLS.has(name)) out.push(' ');
    if (block) stack.push(PARAGRAPH);
    pushChildren(child, pre || name === 'PRE');
  }
}

/**
 * Inline elements that can mark part of a word (وزارة <b>ال</b>خارجية): no space is put between
 * them and a neighbouring element.
 */
const WORD_MARKUP = new Set(['B', 'STRONG', 'EM', 'I', 'U', 'MARK', 'SUB', 'SUP', 'FONT', 'SMALL', 'BIG', 'S', 'INS', 'DEL']);

/**
 * Two elements side by side with no text between them, neither a word's markup: page layout
 * (`<span>الكاتب</span><span>بي بي سي - الخرطوم</span>`, a byline and its outlet), which the page
 * shows apart, so their texts must not glue into one word.
 */
function areLayoutNeighbours(a: DomNode, b: DomNode): boolean {
  return a.nodeType === 1 && b.nodeType === 1 && !WORD_MARKUP.has(a.nodeName.toUpperCase()) && !WORD_MARKUP.has(b.nodeName.toUpperCase());
}

function isHidden(el: DomNode): boolean {
  const hidden = el.getAttribute?.('hidden');
  return hidden !== null && hidden !== undefined;
}

/** Markers → line breaks; spaces trimmed at line ends; at most one blank line between paragraphs. */
function tidy(s: string): string {
  return s
    .split(PARAGRAPH)
    .map((para) =>
      para
        .split(LINE)
        .map(cleanLine)
        .filter((line, k, all) => line !== '' || (k > 0 && k < all.length - 1))
        .join('\n')
        .trim(),
    )
    .filter((para) => para !== '')
    .join('\n\n');
}

function cleanLine(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}
