import type { ChalkInstance } from 'chalk';
import type { ExtractResult, ResultEntity, ResultQuote } from '../result.js';
import { shapeText } from './shape.js';
import { concat, displayWidth, paintLine, styled, truncate, typeStyle, wrap, type Style, type StyledText } from './styled.js';

/**
 * Colored terminal summary of one article. `chalk` is injected so every color decision stays
 * in the CLI; `shape` turns on reshaping + visual reordering of Arabic for terminals that do
 * not do it themselves (see ./shape.ts).
 */
export interface PrettyOptions {
  chalk: ChalkInstance;
  shape: boolean;
  /** Terminal width in columns (default 80). */
  width?: number;
}

const SECTIONS: [type: string, label: string][] = [
  ['PERSON', 'People'],
  ['LOCATION', 'Places'],
  ['ORGANIZATION', 'Organizations'],
];
/** Words of a quote's content shown in the summary line, before the width cut. */
const QUOTE_WORDS = 14;

export function renderPretty(r: ExtractResult, o: PrettyOptions): string {
  const width = Math.max(20, o.width ?? 80);
  const out: string[] = [];
  // Summary lines are an English layout holding Arabic pieces: each piece is shaped on its own
  // (`ar`), so a name, a role and a count never get reordered into one another; only the title
  // is a whole right-to-left line.
  const line = (t: StyledText) => out.push(paintLine(t, { chalk: o.chalk, shape: false }));
  const ar: Arabic = (text, style) => styled(o.shape ? shapeText(text, 'rtl') : text, style);

  if (r.title) for (const l of wrap(styled(r.title.text, 'title'), width)) out.push(paintLine(l, { chalk: o.chalk, shape: o.shape, direction: 'rtl', width }));
  for (const l of wrap(styled(r.source, 'dim'), width, 2)) line(l);
  for (const l of wrap(styled(summaryLine(r), 'dim'), width, 2)) line(l);

  for (const [type, label] of SECTIONS) {
    const ents = r.entities.filter((e) => e.type === type);
    if (ents.length) section(out, label, ents.length, ents.map((e) => entityLine(e, ar)), line, width);
  }
  const others = r.entities.filter((e) => !SECTIONS.some(([t]) => t === e.type));
  if (others.length) section(out, 'Other', others.length, others.map((e) => entityLine(e, ar, true)), line, width);

  const groups = quotesBySpeaker(r);
  if (groups.length) {
    out.push('');
    line(styled(`Quotes by speaker (${r.quotes.length})`, 'heading'));
    for (const g of groups) {
      line(truncate(speakerLine(g, r, ar), width));
      for (const q of g.quotes) line(quoteLine(q, ar, width));
    }
  }
  if (r.warnings.length) {
    out.push('');
    line(styled(`Warnings (${r.warnings.length})`, 'heading'));
    for (const w of r.warnings) for (const l of wrap(styled(`  ! ${w.code}: ${w.message}`, 'warning'), width, 4)) line(l);
  }
  return out.join('\n') + '\n';
}

/** Styled Arabic text, shaped for display when shaping is on. */
type Arabic = (text: string, style?: Style) => StyledText;

function section(out: string[], label: string, count: number, rows: StyledText[], line: (t: StyledText) => void, width: number): void {
  out.push('');
  line(styled(`${label} (${count})`, 'heading'));
  for (const row of rows) for (const l of wrap(row, width, 4)) line(l);
}

/** "13 sentences · 9 entities (40 mentions) · 9 quotes · 1 boilerplate span removed (215 chars)" */
export function summaryLine(r: ExtractResult): string {
  const mentions = r.entities.reduce((n, e) => n + e.mentions.length, 0);
  const removed = r.boilerplate.reduce((n, b) => n + (b.end - b.start), 0);
  const parts = [
    plural(r.sentences.length, 'sentence'),
    `${plural(r.entities.length, 'entity', 'entities')} (${plural(mentions, 'mention')})`,
    plural(r.quotes.length, 'quote'),
    r.boilerplate.length ? `${plural(r.boilerplate.length, 'boilerplate span')} removed (${removed} chars)` : 'no boilerplate removed',
  ];
  return parts.join(' · ');
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function entityLine(e: ResultEntity, ar: Arabic, showType = false): StyledText {
  return concat(
    styled('  '),
    ar(e.name, typeStyle(e.type)),
    e.name_en ? styled(` · ${e.name_en}`) : styled(''),
    showType ? styled(` [${e.type}]`, 'dim') : styled(''),
    e.role ? concat(styled(' · ', 'dim'), ar(e.role, 'dim')) : styled(''),
    styled(` · ${plural(e.mentions.length, 'mention')}`, 'dim'),
  );
}

interface SpeakerGroup {
  entity: string | null;
  text: string;
  role?: string;
  quotes: ResultQuote[];
}

/** Quotes grouped by speaker, from the result's speaker summary (or, failing that, the quotes). */
export function quotesBySpeaker(r: ExtractResult): SpeakerGroup[] {
  if (r.speakers.length) {
    return r.speakers
      .map((s) => ({ entity: s.entity, text: s.text, role: s.role, quotes: s.quotes.map((i) => r.quotes[i]).filter((q) => q !== undefined) }))
      .filter((g) => g.quotes.length);
  }
  const groups = new Map<string, SpeakerGroup>();
  for (const q of r.quotes) {
    const key = q.speaker.entity ?? `text:${q.speaker.text}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { entity: q.speaker.entity, text: q.speaker.text, role: q.speaker.role, quotes: [] }));
    g.quotes.push(q);
  }
  return [...groups.values()];
}

function speakerLine(g: SpeakerGroup, r: ExtractResult, ar: Arabic): StyledText {
  const entity = g.entity ? r.entities.find((e) => e.id === g.entity) : undefined;
  const name = entity?.name ?? (g.text || 'unknown speaker');
  const role = g.role ?? entity?.role;
  return concat(
    styled('  '),
    ar(name, 'speaker'),
    entity?.name_en ? styled(` · ${entity.name_en}`) : styled(''),
    role ? concat(styled(' · ', 'dim'), ar(role, 'dim')) : styled(''),
    styled(` · ${plural(g.quotes.length, 'quote')}`, 'dim'),
  );
}

/** "    → cue: first words of the content…", cut to the width before shaping (a shaped line is
 * in visual order: cutting it would drop the beginning of the quote). */
function quoteLine(q: ResultQuote, ar: Arabic, width: number): StyledText {
  const words = q.content.text.split(/\s+/).filter(Boolean);
  const first = words.slice(0, QUOTE_WORDS).join(' ') + (words.length > QUOTE_WORDS ? ' …' : '');
  const quoted = q.kind === 'direct' ? `«${first}»` : first;
  const marker = styled(q.speaker.implicit ? '    ↳ ' : '    → ', 'dim');
  const cue = ar(q.cue.text, 'cue');
  const colon = styled(': ', 'dim');
  const room = Math.max(8, width - displayWidth(marker.text + cue.text + colon.text));
  return concat(marker, cue, colon, ar(truncate(styled(quoted), room).text, 'quote'));
}
