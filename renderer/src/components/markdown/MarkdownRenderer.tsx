import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Components } from 'hast-util-to-jsx-runtime';
import '../../styles/markdown.css';
import '../../styles/markdown-pending.css';
import { needsWholeParse, splitIncremental, type Split } from './blocks';
import { CodeBlock } from './CodeBlock';
import { ensure, getExtras, subscribe, type Extras } from './extras';
import { normaliseMath } from './math-delimiters';
import { toHast, toReact, type Needs } from './pipeline';

const components: Components = {
  pre: CodeBlock,
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
  // Remote images are blocked by the content security policy; show where they point instead.
  img: ({ src, alt }) => (
    <a href={typeof src === 'string' ? src : undefined} target="_blank" rel="noreferrer noopener" className="image-link">
      {alt || 'image'}
    </a>
  ),
  table: ({ node: _node, ...props }) => (
    <div className="table-wrap">
      <table {...props} />
    </div>
  ),
};

/** Which of the extras this text needs are loaded, as a small number (changes at most twice). */
const loadedFor = (needs: Needs, extras: Extras) => (needs.code && extras.highlight ? 1 : 0) + (needs.math && extras.math ? 2 : 0);

/** One block, parsed once per text; re-rendered when the highlighter or KaTeX it needs arrives. */
const Block = memo(function Block({ text }: { text: string }) {
  const parsed = useMemo(() => toHast(normaliseMath(text)), [text]);
  const snapshot = () => loadedFor(parsed.needs, getExtras());
  const loaded = useSyncExternalStore(subscribe, snapshot, snapshot);
  // The extras only add to the tree (applying one again is a no-op), so the parse is reused.
  const element = useMemo(() => toReact(parsed, components, getExtras()), [parsed, loaded]);
  useEffect(() => ensure(parsed.needs), [parsed]);
  return element;
});

const PIECE = 10_000;

/** Cuts a long text at whitespace into pieces of about PIECE characters; appending never moves an earlier cut. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    let end = start + PIECE;
    // Searched within the piece's second half only (lastIndexOf alone would scan back to the start).
    const window = text.slice(start + PIECE / 2, end);
    const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
    if (space >= 0) end = start + PIECE / 2 + space + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  out.push(text.slice(start));
  return out;
}

/**
 * A block shown as plain text: its text as written, less the fence lines (so it reads as the
 * formatted block will). A long one is laid out in block pieces (each its own line box), so
 * text appended to it re-lays out only the last piece.
 */
const Pending = memo(function Pending({ text }: { text: string }) {
  const plain = useMemo(() => (text.length > PLAIN_TAIL_OVER_CHARS ? pieces(text) : [text.split('\n').filter((l) => !/^\s*(`{3,}|~{3,})/.test(l)).join('\n')]), [text]);
  return (
    <div className="md-pending">
      {plain.length === 1 ? plain[0] : plain.map((p, i) => <div key={i}>{p}</div>)}
    </div>
  );
});

/**
 * Characters of not-yet-formatted blocks formatted per animation frame (about 10 ms of
 * parsing, highlighting and DOM work on a slow machine). Blocks nearest the end come first:
 * that is where a reply is read while it streams and where a long one opens.
 */
export const FRAME_BUDGET_CHARS = 2000;
/**
 * A block this long is not worth formatting (a wall of text with no blank line: parsing it
 * would stall the page for seconds); it shows as plain text. While streaming, the growing
 * last block is re-parsed every frame, so there the limit is lower.
 */
export const PLAIN_OVER_CHARS = 50_000;
export const PLAIN_TAIL_OVER_CHARS = 16_000;
/**
 * While text streams in faster than a frame can format, only the growing last block is
 * formatted; the blocks it leaves behind stay plain until the stream slows or ends. Formatting
 * them mid-flood would take the CPU the stream itself needs (the host reading it shares the
 * machine), and nobody reads text that scrolls past at that speed.
 */
export const FLOOD_HOLD_MS = 150;

/**
 * Renders a reply as independent blocks (blocks.ts): while it streams only the growing last
 * block re-parses, and a long finished reply is parsed in memoised pieces, not all at once.
 * When more text arrives than a frame can format (a very fast stream, opening a very long
 * reply), the blocks past the budget show as plain text for a few frames and are formatted
 * in the frames after, last first — the page never stalls. A text with link references or
 * footnotes, which reach across blocks, is parsed whole once it is finished.
 */
export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const split = useRef<Split | null>(null);
  /** Per block index, the text it was last formatted with. */
  const formatted = useRef<string[]>([]);
  const [, nextFrame] = useState(0);
  const flood = useRef({ length: 0, until: 0 });
  const now = performance.now();
  if (streaming && text.length - flood.current.length > FRAME_BUDGET_CHARS) flood.current.until = now + FLOOD_HOLD_MS;
  flood.current.length = text.length;
  const flooding = streaming && now < flood.current.until;
  const whole = !streaming && needsWholeParse(text);
  const blocks = useMemo(() => {
    if (whole) return null;
    split.current = splitIncremental(split.current, text);
    return split.current.blocks;
  }, [text, whole]);

  let pending = false;
  let children: ReactNode;
  if (blocks) {
    const out: ReactNode[] = new Array(blocks.length);
    let budget = flooding ? 0 : FRAME_BUDGET_CHARS;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i]!;
      const tail = i === blocks.length - 1;
      if (b.length > PLAIN_OVER_CHARS || (streaming && tail && b.length > PLAIN_TAIL_OVER_CHARS)) {
        out[i] = <Pending key={i} text={b} />;
        continue;
      }
      const done = formatted.current[i] === b;
      if (done || tail || budget > 0) {
        if (!done) budget -= b.length;
        formatted.current[i] = b;
        out[i] = <Block key={i} text={b} />;
      } else {
        pending = true;
        out[i] = <Pending key={i} text={b} />;
      }
    }
    formatted.current.length = blocks.length;
    children = out;
  } else {
    children = <Block text={text} />;
  }
  useEffect(() => {
    if (!pending) return;
    if (flooding) {
      // New text re-renders soon anyway; this only catches a stream that pauses mid-flood.
      const timer = setTimeout(() => nextFrame((n) => n + 1), flood.current.until - performance.now());
      return () => clearTimeout(timer);
    }
    const frame = requestAnimationFrame(() => nextFrame((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  });
  return <div className="markdown">{children}</div>;
}
