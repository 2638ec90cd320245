import type { ChalkInstance } from 'chalk';
import type { ExtractResult, ResultEntity, ResultQuote } from '../result.js';
import { concat, paintLine, styled, truncate, typeStyle, wrap, type StyledText } from './styled.js';

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
  const line = (t: StyledText, direction: 'ltr' | 'rtl' = 'ltr') => out.push(paintLine(t, { chalk: o.chalk, shape: o.shape, direction, width }));

  if (r.title) for (const l of wrap(styled(r.title.text, 'title'), width)) line(l, 'rtl');
  for (const l of wrap(styled(r.source, 'dim'), width, 2)) line(l);
  for (const l of wrap(styled(summaryLine(r), 'dim'), width, 2)) line(l);

  for (const [type, label] of SECTIONS) {
    const ents = r.entities.filter((e) => e.type === type);
    if (ents.length) section(out, label, ents.length, ents.map((e) => entityLine(e)), line, width);
  }
  const others = r.entities.filter((e) => !SECTIONS.some(([t]) => t === e.type));
  if (others.length) section(out, 'Other', others.length, others.map((e) => entityLine(e, true)), line, width);

  const groups = quotesBySpeaker(r);
  if (groups.length) {
    out.push('');
    line(styled(`Quotes by speaker (${r.quotes.length})`, 'heading'));
    for (const g of groups) {
      line(truncate(speakerLine(g, r), width));
      for (const q of g.quotes) line(truncate(quoteLine(q), width));
    }
  }
  if (r.warnings.length) {
    out.push('');
    line(styled(`Warnings (${r.warnings.length})`, 'heading'));
    for (const w of r.warnings) for (const l of wrap(styled(`  ! ${w.code}: ${w.message}`, 'warning'), width, 4)) line(l);
  }
  return out.join('\n') + '\n';
}

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

function entityLine(e: ResultEntity, showType = false): StyledText {
  return concat(
    styled('  '),
    styled(e.name, typeStyle(e.type)),
    e.name_en ? styled(` · ${e.name_en}`) : styled(''),
    showType ? styled(` [${e.type}]`, 'dim') : styled(''),
    e.role ? concat(styled(' · ', 'dim'), styled(e.role, 'dim')) : styled(''),
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

function speakerLine(g: SpeakerGroup, r: ExtractResult): StyledText {
  const entity = g.entity ? r.entities.find((e) => e.id === g.entity) : undefined;
  const name = entity?.name ?? (g.text || 'unknown speaker');
  const role = g.role ?? entity?.role;
  return concat(
    styled('  '),
    styled(name, 'speaker'),
    entity?.name_en ? styled(` · ${entity.name_en}`) : styled(''),
    role ? concat(styled(' · ', 'dim'), styled(role, 'dim')) : styled(''),
    styled(` · ${plural(g.quotes.length, 'quote')}`, 'dim'),
  );
}

function quoteLine(q: ResultQuote): StyledText {
  const words = q.content.text.split(/\s+/).filter(Boolean);
  const first = words.slice(0, QUOTE_WORDS).join(' ') + (words.length > QUOTE_WORDS ? ' …' : '');
  const open = q.kind === 'direct' ? '«' : '';
  const close = q.kind === 'direct' ? '»' : '';
  return concat(
    styled('    '),
    q.speaker.implicit ? styled('↳ ', 'dim') : styled('→ ', 'dim'),
    styled(q.cue.text, 'cue'),
    styled(': ', 'dim'),
    styled(`${open}${first}${close}`, 'quote'),
  );
}
