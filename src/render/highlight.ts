import type { ExtractResult } from '../result.js';
import { codePointIndex } from '../text/codepoints.js';
import type { PrettyOptions } from './pretty.js';
import { concat, overlay, paintLine, styled, typeStyle, wrap } from './styled.js';

/**
 * The article itself with entity mentions colored by type, quote contents underlined, cues in
 * bold and boilerplate dimmed (`--highlight`). Needs the analysed text (`result.text` or `text`).
 */
export function renderHighlight(r: ExtractResult, text: string, o: PrettyOptions): string {
  const width = Math.max(20, o.width ?? 80);
  const cp = codePointIndex(text);
  const u = (c: number) => cp.toUtf16(c);
  const article = styled(text.replace(/\r\n?/g, (m) => ' '.repeat(m.length - 1) + '\n'));
  // later overlays win: boilerplate < quote content < cue < entity mentions
  for (const b of r.boilerplate) overlay(article, u(b.start), u(b.end), 'boilerplate');
  for (const q of r.quotes) overlay(article, u(q.content.start), u(q.content.end), 'quote');
  for (const q of r.quotes) overlay(article, u(q.cue.start), u(q.cue.end), 'cue');
  for (const e of r.entities) for (const m of e.mentions) overlay(article, u(m.start), u(m.end), typeStyle(e.type));

  const legend = concat(
    styled('Legend: ', 'dim'),
    styled('person', 'PERSON'),
    styled(' '),
    styled('place', 'LOCATION'),
    styled(' '),
    styled('organization', 'ORGANIZATION'),
    styled(' '),
    styled('cue', 'cue'),
    styled(' '),
    styled('quote', 'quote'),
    styled(' '),
    styled('boilerplate', 'boilerplate'),
  );
  const out = [...wrap(legend, width, 2).map((l) => paintLine(l, { chalk: o.chalk, shape: false })), ''];
  for (const line of wrap(article, width)) out.push(paintLine(line, { chalk: o.chalk, shape: o.shape, direction: 'rtl', width }));
  return out.join('\n') + '\n';
}
