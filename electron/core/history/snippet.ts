// Search snippets, made for the hits that are shown. FTS5's snippet() runs before
// ORDER BY ... LIMIT, so it re-read and tokenized every ranked match (200 for a common
// word) to show 50. This finds the same words the way SQLite's unicode61 tokenizer does
// (letters, digits and private-use characters make tokens; case and accents fold; FTS5
// folds Latin accents only, a difference that can only widen the marks in a found hit).

/** One part of a search: a phrase of folded tokens, the last of which may be a prefix. */
export interface QueryPart {
  tokens: string[];
  prefix: boolean;
}

/** Marks around a match (the renderer turns them into <mark>); never taken from the text itself. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
const ELLIPSIS = '…';

const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;
const ASCII_TOKEN = Array.from({ length: 128 }, (_, c) => /[0-9A-Za-z]/.test(String.fromCharCode(c)));
const ASCII = /^[\x00-\x7f]*$/;

// Final sigma folds to σ, so a query ending in Σ (lower-cased to ς) still matches mid-word.
export const fold = (token: string) => (ASCII.test(token) ? token.toLowerCase() : token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ'));

/** Combining diacritics (U+0300–U+036F): with remove_diacritics, FTS5 keeps them inside a word and drops them. */
const isDiacritic = (cp: number) => cp >= 0x300 && cp <= 0x36f;

/** Token boundaries as [start, end) pairs. A loop over char codes: a Unicode-class regex costs several times more. */
function tokenize(text: string): number[] {
  const bounds: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const inToken = cp < 128 ? ASCII_TOKEN[cp]! : isDiacritic(cp) || TOKEN_CHAR.test(String.fromCodePoint(cp));
    if (inToken && start < 0) start = i;
    else if (!inToken && start >= 0) {
      bounds.push(start, i);
      start = -1;
    }
    i += size;
  }
  if (start >= 0) bounds.push(start, text.length);
  return bounds;
}

/** The folded tokens of a search part's text ("foo-bar" is the phrase foo bar, as in FTS5). */
export function tokensOf(text: string): string[] {
  const b = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < b.length; i += 2) out.push(fold(text.slice(b[i], b[i + 1])));
  return out;
}

/** A text's tokens, folded when first compared (most are rejected by their first letter). */
class Tokens {
  readonly count: number;
  private readonly folded: (string | undefined)[] = [];
  constructor(
    private readonly text: string,
    private readonly bounds: number[],
  ) {
    this.count = bounds.length / 2;
  }
  start = (i: number) => this.bounds[2 * i]!;
  end = (i: number) => this.bounds[2 * i + 1]!;
  /** Whether token i is `want` (or starts with it), `want` being folded. */
  is(i: number, want: string, prefix: boolean): boolean {
    const first = this.text.charCodeAt(this.start(i));
    // An ASCII letter folds to its lower case only: a different first letter cannot match.
    if (first < 128 && (first | 0x20) !== want.charCodeAt(0) && first !== want.charCodeAt(0)) return false;
    const f = (this.folded[i] ??= fold(this.text.slice(this.start(i), this.end(i))));
    return prefix ? f.startsWith(want) : f === want;
  }
}

interface Match {
  first: number;
  last: number;
  part: number;
}

function matchesAt(tokens: Tokens, i: number, part: QueryPart): boolean {
  const n = part.tokens.length;
  if (n === 0 || i + n > tokens.count) return false;
  for (let j = 0; j < n; j++) if (!tokens.is(i + j, part.tokens[j]!, j === n - 1 && part.prefix)) return false;
  return true;
}

const clean = (s: string) => s.replace(/[\u0001\u0002]/g, ' ');

/**
 * A window of about `width` tokens around the best group of matches (the most different
 * search words, then the most matches, then the earliest), with each match marked and an
 * ellipsis where text was cut. Without a match (it cannot happen for a hit) it is the start.
 */
export function makeSnippet(content: string, parts: QueryPart[], width = 12): string {
  const tokens = new Tokens(content, tokenize(content));
  if (tokens.count === 0) return clean(content.slice(0, 200));
  const matches: Match[] = [];
  for (let i = 0; i < tokens.count; i++) {
    for (let p = 0; p < parts.length; p++) {
      if (matchesAt(tokens, i, parts[p]!)) matches.push({ first: i, last: i + parts[p]!.tokens.length - 1, part: p });
    }
  }

  // Slide a window over the matches (in token order): the start with the most different
  // search words in view wins, then the one with the most matches, then the earliest.
  let start = 0;
  let best = -1;
  const perPart = new Array<number>(parts.length).fill(0);
  let distinct = 0;
  let lo = 0;
  let hi = 0;
  for (const m of matches) {
    // A little context before the match, when the text has it.
    const s = Math.max(0, Math.min(m.first - 2, tokens.count - width));
    for (; hi < matches.length && matches[hi]!.first < s + width; hi++) if (perPart[matches[hi]!.part]!++ === 0) distinct++;
    for (; lo < hi && matches[lo]!.first < s; lo++) if (--perPart[matches[lo]!.part]! === 0) distinct--;
    const score = distinct * 1000 + (hi - lo);
    if (score > best) {
      best = score;
      start = s;
    }
  }
  const end = Math.min(tokens.count, start + width) - 1;

  // From the text's start or the window's first word; to the text's end or the window's last word.
  let out = start > 0 ? ELLIPSIS : '';
  let at = start > 0 ? tokens.start(start) : 0;
  let open = -1;
  for (let i = start; i <= end; i++) {
    // The longest match starting here that fits; one starting inside an open mark extends it.
    let reach = -1;
    for (const o of matches) if (o.first === i && o.last <= end && o.last > reach) reach = o.last;
    if (reach >= 0 && open < 0) {
      out += clean(content.slice(at, tokens.start(i))) + MARK_START;
      at = tokens.start(i);
    }
    if (reach > open) open = reach;
    if (open === i) {
      out += clean(content.slice(at, tokens.end(i))) + MARK_END;
      at = tokens.end(i);
      open = -1;
    }
  }
  const last = end === tokens.count - 1;
  out += clean(content.slice(at, last ? content.length : tokens.end(end)));
  return last ? out : out + ELLIPSIS;
}
