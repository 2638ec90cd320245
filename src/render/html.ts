import type { ExtractResult } from '../result.js';
import { codePointIndex } from '../text/codepoints.js';
import { quotesBySpeaker, summaryLine } from './pretty.js';

/**
 * Self-contained HTML report (`--format html`): inline CSS, no script, no network (a
 * Content-Security-Policy forbids any fetch), the article right-to-left with entity mentions
 * highlighted by type and labelled (in the spirit of displaCy), quote contents underlined and
 * linked to their speaker, and a side panel with people, places, organizations and speakers.
 * Inputs are untrusted: every text and attribute goes through `escapeHtml`.
 *
 * Streaming: `htmlHead()`, then one `htmlArticle()` (or `htmlError()`) per input, then
 * `htmlFoot()`; several inputs make one document with a section per article.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const TYPE_LABEL: Record<string, string> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
const SECTIONS: [type: string, label: string][] = [
  ['PERSON', 'People'],
  ['LOCATION', 'Places'],
  ['ORGANIZATION', 'Organizations'],
];

const CSS = `
:root{--per:#2563eb;--per-bg:#dbeafe;--loc:#15803d;--loc-bg:#dcfce7;--org:#9333ea;--org-bg:#f3e8ff;--misc:#a16207;--misc-bg:#fef9c3;--quote:#d97706;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;background:#f9fafb;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.page-head{padding:.75rem 1.25rem;border-bottom:1px solid var(--line);background:#fff;font-size:.9rem;color:var(--muted)}
.page-head strong{color:var(--ink)}
.legend mark.ent,.legend a.quote{font-size:.85rem}
section.report{max-width:72rem;margin:1.5rem auto;padding:0 1.25rem}
section.report+section.report{border-top:2px solid var(--line);padding-top:1.5rem}
h1{font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Noto Sans Arabic","DejaVu Sans",serif;font-size:1.6rem;line-height:1.6;margin:0 0 .25rem}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 1rem;overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 19rem;gap:1.5rem;align-items:start}
.text{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1.25rem 1.5rem;white-space:pre-wrap;font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Noto Sans Arabic","DejaVu Sans",serif;font-size:1.15rem;line-height:2.3;overflow-wrap:anywhere}
mark.ent{--c:var(--misc);--bg:var(--misc-bg);background:var(--bg);color:inherit;border-radius:.3em;padding:.1em .3em;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.ent::after{content:attr(data-label);font:600 .55rem/1 system-ui,sans-serif;color:#fff;background:var(--c);border-radius:.25em;padding:.2em .3em;margin-inline-start:.3em;vertical-align:middle;letter-spacing:.03em}
mark.ent.speaker-mention{font-weight:700}
mark.ent.glued-start{padding-inline-start:0;border-start-start-radius:0;border-end-start-radius:0}
mark.ent.glued-end{padding-inline-end:0;border-start-end-radius:0;border-end-end-radius:0}
mark.ent[data-type=PERSON]{--c:var(--per);--bg:var(--per-bg)}
mark.ent[data-type=LOCATION]{--c:var(--loc);--bg:var(--loc-bg)}
mark.ent[data-type=ORGANIZATION]{--c:var(--org);--bg:var(--org-bg)}
a.quote{color:inherit;text-decoration:underline 2px var(--quote);text-underline-offset:.45em}
a.quote:hover,a.quote:focus,a.quote:target{background:#fffbeb}
mark.ent:target,.speaker:target{outline:2px solid var(--quote);outline-offset:2px}
.cue{font-weight:700;color:#92400e}
.boilerplate{color:var(--muted);text-decoration:line-through 1px}
aside{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;font-size:.9rem;position:sticky;top:1rem}
aside h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1rem 0 .4rem}
aside h2:first-child{margin-top:0}
aside ul,aside ol{margin:0;padding:0;list-style:none}
aside li{margin:.25rem 0}
aside a{color:inherit;text-decoration:none}
aside a:hover{text-decoration:underline}
.ar{unicode-bidi:isolate;font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Noto Sans Arabic","DejaVu Sans",serif}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:.2em;margin-inline-end:.35em;background:var(--misc)}
.swatch.PERSON{background:var(--per)}.swatch.LOCATION{background:var(--loc)}.swatch.ORGANIZATION{background:var(--org)}
.en,.role,.count{color:var(--muted);unicode-bidi:isolate}
.role{display:block;padding-inline-start:1.05em;font-size:.85em}
.speaker ol{margin:.2rem 0 .5rem;padding-inline-start:1rem;border-inline-start:2px solid var(--quote)}
.speaker ol a{display:block;font-size:.85rem}
.empty{color:var(--muted);font-style:italic}
.warnings li{color:#92400e}
.error{background:#fef2f2;border:1px solid #fecaca;border-radius:.5rem;padding:1rem;color:#991b1b}
@media (max-width:800px){h1{font-size:1.3rem}.layout{grid-template-columns:1fr}aside{position:static}.text{padding:1rem;font-size:1.05rem}section.report{padding:0 .6rem}}
@media print{body{background:#fff;font-size:11pt}.page-head{display:none}.layout{display:block}aside{position:static;border:0;border-top:1px solid var(--line);border-radius:0;margin-top:1rem;padding:.5rem 0}.text{border:0;padding:0}section.report{max-width:none;margin:0;break-after:page}mark.ent,.swatch,mark.ent::after{-webkit-print-color-adjust:exact;print-color-adjust:exact}a.quote{text-decoration-color:#000}}
`;

export function htmlHead(title = 'newsnlp report'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="newsnlp">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="page-head"><strong>newsnlp</strong> report · <span class="legend"><mark class="ent" data-type="PERSON" data-label="PER">person</mark> <mark class="ent" data-type="LOCATION" data-label="LOC">place</mark> <mark class="ent" data-type="ORGANIZATION" data-label="ORG">organization</mark> <mark class="ent speaker-mention" data-type="PERSON" data-label="PER">speaker</mark> <span class="cue">cue</span> <a class="quote">quote → speaker</a> <span class="boilerplate">boilerplate</span></span></div>
`;
}

export function htmlFoot(): string {
  return '</body>\n</html>\n';
}

/** An input that could not be read, as its own section. */
export function htmlError(source: string, code: string, message: string, index: number): string {
  return `<section class="report error-report" id="a${index}-report" data-source="${escapeHtml(source)}"><div class="error"><strong>${escapeHtml(source)}</strong>: ${escapeHtml(message)} <span class="code">(${escapeHtml(code)})</span></div></section>\n`;
}

interface Atom {
  start: number;
  end: number;
  /** `glue`: extra classes when the span is glued to letters (a proclitic before it). */
  html: (inner: string, glue: string) => string;
}
interface Outer extends Atom {}

/** One article as a `<section>`; `index` makes element ids unique in a batch document. */
export function htmlArticle(r: ExtractResult, text: string, index = 0): string {
  const id = (s: string) => `a${index}-${s}`;
  const groups = quotesBySpeaker(r);
  const speakerOfQuote = new Map<number, number>();
  groups.forEach((g, gi) => g.quotes.forEach((q) => speakerOfQuote.set(r.quotes.indexOf(q), gi)));
  const entityName = new Map(r.entities.map((e) => [e.id, e.name]));

  const body = renderText(r, text, id, speakerOfQuote, entityName);
  const aside = renderAside(r, id, groups);
  const title = r.title ? `<h1 dir="rtl" lang="ar">${escapeHtml(r.title.text)}</h1>` : '';
  return `<section class="report" id="${id('report')}" data-source="${escapeHtml(r.source)}">
<header>${title}<p class="meta">${escapeHtml(r.source)} · ${escapeHtml(summaryLine(r))}</p></header>
<div class="layout">
<article class="text" dir="rtl" lang="ar">${body}</article>
${aside}
</div>
</section>
`;
}

function renderText(
  r: ExtractResult,
  text: string,
  id: (s: string) => string,
  speakerOfQuote: Map<number, number>,
  entityName: Map<string, string>,
): string {
  const cp = codePointIndex(text);
  const u = (c: number) => cp.toUtf16(c);
  const atoms: Atom[] = [];
  // explicit speakers (written where the quote is introduced) are set in bold
  const speakerSpans = r.quotes.flatMap((q) => [q.speaker, ...(q.co_speakers ?? [])]).filter((s) => !s.implicit && s.start !== undefined && s.end !== undefined);
  const isSpeaker = (m: { start: number; end: number }) => speakerSpans.some((s) => s.start! < m.end && m.start < s.end!);
  r.entities.forEach((e, ei) =>
    e.mentions.forEach((m, mi) =>
      atoms.push({
        start: u(m.start),
        end: u(m.end),
        html: (inner, glue) =>
          `<mark class="ent${glue}${isSpeaker(m) ? ' speaker-mention' : ''}" id="${id(`m${ei}-${mi}`)}" data-type="${escapeHtml(e.type)}" data-label="${escapeHtml(TYPE_LABEL[e.type] ?? e.type)}" data-entity="${escapeHtml(e.id)}" data-start="${m.start}" data-end="${m.end}" title="${escapeHtml(entityTitle(e))}">${inner}</mark>`,
      }),
    ),
  );
  r.quotes.forEach((q, qi) =>
    atoms.push({ start: u(q.cue.start), end: u(q.cue.end), html: (inner) => `<span class="cue" data-quote="${qi}" title="${escapeHtml(q.cue.lemma)}">${inner}</span>` }),
  );
  const outers: Outer[] = [];
  r.quotes.forEach((q, qi) => {
    const gi = speakerOfQuote.get(qi);
    const nameOf = (s: { entity: string | null; text: string }) => (s.entity ? entityName.get(s.entity) ?? s.text : s.text);
    const who = [q.speaker, ...(q.co_speakers ?? [])].map(nameOf).join('، ');
    const href = gi === undefined ? '' : ` href="#${id(`s${gi}`)}"`;
    const label = `${who || 'unknown speaker'}${q.speaker.implicit ? ' (implicit)' : ''}: ${q.kind} quote`;
    outers.push({
      start: u(q.content.start),
      end: u(q.content.end),
      html: (inner) => `<a class="quote" id="${id(`q${qi}`)}"${href} data-quote="${qi}" data-speaker="${escapeHtml(q.speaker.entity ?? '')}" title="${escapeHtml(label)}">${inner}</a>`,
    });
  });
  for (const b of r.boilerplate)
    outers.push({ start: u(b.start), end: u(b.end), html: (inner) => `<span class="boilerplate" data-kind="${escapeHtml(b.kind)}" title="boilerplate: ${escapeHtml(b.kind)}">${inner}</span>` });
  const keptAtoms = dropOverlaps(atoms);
  const keptOuters = dropOverlaps(outers.map((o) => coverCrossingAtoms(o, keptAtoms)));
  let out = '';
  let pos = 0;
  for (const o of keptOuters) {
    out += renderAtoms(text, pos, o.start, keptAtoms);
    out += o.html(renderAtoms(text, o.start, o.end, keptAtoms), '');
    pos = o.end;
  }
  return out + renderAtoms(text, pos, text.length, keptAtoms);
}

function entityTitle(e: ExtractResult['entities'][number]): string {
  return [e.type, e.name, e.name_en, e.role].filter(Boolean).join(' · ');
}

/** Sort by start (longer first) and keep spans that do not overlap an earlier kept one. */
function dropOverlaps<T extends Atom>(spans: T[]): T[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const s of sorted) if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
  return kept;
}

/** Widen an outer span (quote, boilerplate) so it never cuts an atom (mention, cue) in two. */
function coverCrossingAtoms(o: Outer, atoms: Atom[]): Outer {
  let { start, end } = o;
  for (const a of atoms) {
    if (a.start < start && a.end > start) start = a.start;
    if (a.start < end && a.end > end) end = a.end;
  }
  return { ...o, start, end };
}

const LETTER = /[\p{L}\p{M}]/u;
/** A mention written inside a word (after a proclitic such as و or ل, or before a suffix) loses
 * its padding on that side, so the word does not look split in two. */
function glueClasses(text: string, a: Atom): string {
  return (LETTER.test(text[a.start - 1] ?? '') ? ' glued-start' : '') + (LETTER.test(text[a.end] ?? '') ? ' glued-end' : '');
}

function renderAtoms(text: string, from: number, to: number, atoms: Atom[]): string {
  let out = '';
  let pos = from;
  for (const a of atoms) {
    if (a.end <= from || a.start < from) continue;
    if (a.start >= to) break;
    out += escapeHtml(text.slice(pos, a.start)) + a.html(escapeHtml(text.slice(a.start, a.end)), glueClasses(text, a));
    pos = a.end;
  }
  return out + escapeHtml(text.slice(pos, to));
}

function renderAside(r: ExtractResult, id: (s: string) => string, groups: ReturnType<typeof quotesBySpeaker>): string {
  let out = '<aside>';
  for (const [type, label] of SECTIONS) {
    const items = r.entities.map((e, ei) => ({ e, ei })).filter(({ e }) => e.type === type);
    out += `<h2>${label} (${items.length})</h2>`;
    if (!items.length) {
      out += '<p class="empty">none found</p>';
      continue;
    }
    out += `<ul class="entities" data-type="${type}">`;
    for (const { e, ei } of items) {
      out += `<li><a href="#${id(`m${ei}-0`)}"><span class="swatch ${type}"></span><span class="ar" dir="rtl" lang="ar">${escapeHtml(e.name)}</span></a>`;
      if (e.name_en) out += ` <span class="en">${escapeHtml(e.name_en)}</span>`;
      out += ` <span class="count">×${e.mentions.length}</span>`;
      if (e.role) out += `<span class="role"><span class="ar" dir="rtl" lang="ar">${escapeHtml(e.role)}</span></span>`;
      out += '</li>';
    }
    out += '</ul>';
  }
  out += `<h2>Speakers (${groups.length})</h2>`;
  if (!groups.length) out += '<p class="empty">no quotes found</p>';
  else {
    out += '<ul class="speakers">';
    groups.forEach((g, gi) => {
      const entity = g.entity ? r.entities.find((e) => e.id === g.entity) : undefined;
      const name = entity?.name ?? (g.text || 'unknown speaker');
      out += `<li class="speaker" id="${id(`s${gi}`)}" data-entity="${escapeHtml(g.entity ?? '')}"><span class="swatch PERSON"></span><strong class="ar" dir="rtl" lang="ar">${escapeHtml(name)}</strong>`;
      if (entity?.name_en) out += ` <span class="en">${escapeHtml(entity.name_en)}</span>`;
      out += ` <span class="count">· ${g.quotes.length} quote${g.quotes.length === 1 ? '' : 's'}</span><ol>`;
      for (const q of g.quotes) {
        const qi = r.quotes.indexOf(q);
        out += `<li><a href="#${id(`q${qi}`)}" class="ar" dir="rtl" lang="ar">${escapeHtml(firstWords(q.content.text, 10))}</a></li>`;
      }
      out += '</ol></li>';
    });
    out += '</ul>';
  }
  if (r.warnings.length) {
    out += `<h2>Warnings (${r.warnings.length})</h2><ul class="warnings">`;
    for (const w of r.warnings) out += `<li><code>${escapeHtml(w.code)}</code> ${escapeHtml(w.message)}</li>`;
    out += '</ul>';
  }
  return out + '</aside>';
}

function firstWords(s: string, n: number): string {
  const words = s.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
}

/** A whole report for some results (the streaming functions, joined). */
export function renderHtml(articles: { result: ExtractResult; text: string }[]): string {
  const title = articles.length === 1 ? `newsnlp report — ${articles[0].result.source}` : `newsnlp report — ${articles.length} articles`;
  return htmlHead(title) + articles.map((a, i) => htmlArticle(a.result, a.text, i)).join('') + htmlFoot();
}
