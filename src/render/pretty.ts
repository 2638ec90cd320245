import type { ChalkInstance } from 'chalk';
import type { ExtractResult } from '../result.js';

/** Colored terminal summary. `chalk` is injected so color decisions stay in the CLI. */
export interface PrettyOptions {
  chalk: ChalkInstance;
  /** Display transform for right-to-left text (reshaping + reordering), identity when off. */
  shape: (s: string) => string;
  width?: number;
}

const TYPE_LABEL: Record<string, string> = { PERSON: 'People', LOCATION: 'Places', ORGANIZATION: 'Organizations' };

export function renderPretty(r: ExtractResult, o: PrettyOptions): string {
  const c = o.chalk;
  const lines: string[] = [];
  lines.push(c.bold(r.source));
  if (r.title) lines.push(c.bold.underline(o.shape(r.title.text)));
  lines.push(c.dim(`${r.sentences.length} sentences · ${r.entities.length} entities · ${r.quotes.length} quotes · ${r.boilerplate.length} boilerplate removed`));
  for (const type of Object.keys(TYPE_LABEL)) {
    const ents = r.entities.filter((e) => e.type === type);
    if (ents.length === 0) continue;
    lines.push('', c.bold(TYPE_LABEL[type]));
    for (const e of ents) {
      const role = e.role ? c.dim(` (${o.shape(e.role)})`) : '';
      lines.push(`  ${o.shape(e.name)}${e.name_en ? c.dim(' ' + e.name_en) : ''}${role} ×${e.mentions.length}`);
    }
  }
  if (r.quotes.length) {
    lines.push('', c.bold('Quotes'));
    for (const q of r.quotes) lines.push(`  ${o.shape(q.speaker.text)}${q.speaker.implicit ? c.dim('*') : ''} → ${o.shape(q.content.text.split(/\s+/).slice(0, 12).join(' '))}…`);
  }
  for (const w of r.warnings) lines.push(c.yellow(`warning: ${w.message}`));
  return lines.join('\n') + '\n';
}
