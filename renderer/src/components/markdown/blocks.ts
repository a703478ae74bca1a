/**
 * Splits Markdown into blocks at blank lines outside fenced code and display math, so a
 * reply renders as independent blocks: a streaming reply re-parses only its growing last
 * block, and a long finished one is parsed in pieces that React memoises by text.
 *
 * A blank line does not split when the next line is indented (it continues a list item or
 * an indented code block) or when a list goes on after it (a loose list stays one list).
 * Splitting text that grows at the end never moves an earlier split (see splitIncremental).
 */
export interface Split {
  text: string;
  blocks: string[];
  /** Offset in `text` where the last block starts: appending never changes what is before it. */
  lastStart: number;
}

const FENCE = /^(`{3,}|~{3,})/;
const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])(\s|$)/;

export function splitBlocks(text: string): string[] {
  return split(text).blocks;
}

/** Like split(text), reusing `prev` when `text` only appends to it (a stream) so the work is the tail's. */
export function splitIncremental(prev: Split | null, text: string): Split {
  if (!prev || prev.blocks.length === 0 || text.length < prev.text.length || !extends_(text, prev.text)) return split(text);
  if (text.length === prev.text.length) return prev;
  // No new line: only the unfinished last line grew, and splits are decided on complete lines.
  if (text.indexOf('\n', prev.text.length) === -1) {
    const blocks = [...prev.blocks];
    blocks[blocks.length - 1] += text.slice(prev.text.length);
    return { text, blocks, lastStart: prev.lastStart };
  }
  const tail = split(text.slice(prev.lastStart));
  return { text, blocks: [...prev.blocks.slice(0, -1), ...tail.blocks], lastStart: prev.lastStart + tail.lastStart };
}

/**
 * Whether `text` starts with `prev`. A stream only ever appends, so past 100k characters only
 * both ends of `prev` are compared: comparing (and so copying) megabytes every frame is what
 * made a huge reply stall the page.
 */
function extends_(text: string, prev: string): boolean {
  if (prev.length < 100_000) return text.startsWith(prev);
  return text.startsWith(prev.slice(0, 1024)) && text.startsWith(prev.slice(-1024), prev.length - 1024);
}

export function split(text: string): Split {
  const blocks: string[] = [];
  let lastStart = 0;
  let current: string[] = [];
  let currentStart = 0;
  let blankRun = 0;
  let fence: string | null = null;
  let math = false;
  let pos = 0;
  const flush = (nextStart: number) => {
    blocks.push(current.slice(0, current.length - blankRun).join('\n'));
    current = [];
    currentStart = nextStart;
    blankRun = 0;
  };

  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const trimmed = line.trimStart();
    if (fence) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = null;
      current.push(line);
      continue;
    }
    if (math) {
      if (trimmed.startsWith('$$') || trimmed.startsWith('\\]')) math = false;
      current.push(line);
      continue;
    }
    if (trimmed === '') {
      if (current.length > blankRun) blankRun++;
      current.push(line);
      continue;
    }
    // Decided on complete lines only: an unfinished last line ("1" of "1. item") could still turn
    // out to continue the block, and a split once made must never move as text is appended.
    const complete = pos <= text.length;
    if (blankRun > 0 && complete && !/^[ \t]/.test(line) && !(LIST_ITEM.test(line) && LIST_ITEM.test(firstLine(current)))) flush(start);
    blankRun = 0;
    if (current.length === 0) currentStart = start;
    current.push(line);
    const open = FENCE.exec(trimmed);
    if (open) fence = open[1]!;
    else if (trimmed.startsWith('$$')) {
      if (!trimmed.slice(2).includes('$$')) math = true;
    } else if (trimmed === '\\[') math = true;
  }
  if (current.length > 0) {
    blocks.push(current.join('\n'));
    lastStart = currentStart;
  } else if (blocks.length > 0) {
    lastStart = currentStart;
  }
  return { text, blocks, lastStart: Math.min(lastStart, text.length) };
}

function firstLine(lines: string[]): string {
  for (const l of lines) if (l.trim() !== '') return l;
  return '';
}

/**
 * Link reference definitions and footnotes refer across blocks; a text using them is
 * parsed whole so they resolve.
 */
export function needsWholeParse(text: string): boolean {
  return /^ {0,3}\[[^\]\n]+\]:\s/m.test(text) || /\[\^[^\]\n]+\]/.test(text);
}
