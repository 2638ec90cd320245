/**
 * A small glob matcher for input selection (no dependency): `**` crosses folders, `*` and `?`
 * stay within one path segment, `{a,b}` alternates, `[...]` is a character class. A pattern
 * without a slash matches the file name at any depth (as in .gitignore), so `*.txt` means every
 * .txt file of the tree. Paths are matched with forward slashes, relative to the folder walked.
 */
export type GlobMatcher = (relativePath: string) => boolean;

/** A pattern that cannot be compiled (an unbalanced brace, a reversed character range). */
export class GlobError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`invalid pattern "${pattern}": ${reason}`);
    this.name = 'GlobError';
  }
}

export function compileGlob(pattern: string): GlobMatcher {
  const anyDepth = !pattern.includes('/');
  let re: RegExp;
  try {
    re = new RegExp(`^${globToRegExpSource(pattern.replace(/^\.\//, ''))}$`, 'u');
  } catch (err) {
    throw new GlobError(pattern, (err as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '').toLowerCase());
  }
  return anyDepth ? (p) => re.test(p.slice(p.lastIndexOf('/') + 1)) : (p) => re.test(p);
}

export function globToRegExpSource(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        i += slashAfter ? 2 : 1;
        out += atSegmentStart && slashAfter ? '(?:[^/]*/)*' : '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  return out;
}

/**
 * True when any of the patterns matches. `floating` patterns (used for --ignore) match at any
 * depth unless they start with `/`: `drafts/**` leaves out every drafts folder of the tree.
 */
export function anyGlob(patterns: string[], options: { floating?: boolean } = {}): GlobMatcher {
  const float = (p: string): string => (p.startsWith('/') ? p.slice(1) : p.startsWith('**') || !p.includes('/') ? p : `**/${p}`);
  const matchers = patterns.map((p) => compileGlob(options.floating ? float(p) : p));
  return (p) => matchers.some((m) => m(p));
}
