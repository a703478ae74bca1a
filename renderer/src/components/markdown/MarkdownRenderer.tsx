import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Components } from 'hast-util-to-jsx-runtime';
import '../../styles/markdown.css';
import '../../styles/markdown-pending.css';
import { needsWholeParse, splitIncremental, type Split } from './blocks';
import { CodeBlock } from './CodeBlock';
import { TextPieces } from '../common/TextPieces';
import { ensure, getExtras, subscribe, type Extras } from './extras';
import { floodStep, initialFlood, planBlocks, PLAIN_TAIL_OVER_CHARS } from './format-plan';
import { normaliseMath } from './math-delimiters';
import { toHast, toReact, type Needs } from './pipeline';

export { FLOOD_HOLD_MS, FRAME_BUDGET_CHARS, PLAIN_OVER_CHARS, PLAIN_TAIL_OVER_CHARS } from './format-plan';

const components: Components = {
  pre: CodeBlock,
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
  // Remote images are blocked by the content security policy; show where they point instead.
  // An unsafe address was emptied by the sanitiser: then only the text (an empty href is this page).
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noreferrer noopener" className="image-link">
        {alt || 'image'}
      </a>
    ) : (
      <span className="image-link">{alt || 'image'}</span>
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

/**
 * A block shown as plain text: its text as written, less the fence lines (so it reads as the
 * formatted block will). A long one is laid out in block pieces (each its own line box), so
 * text appended to it re-lays out only the last piece.
 */
const Pending = memo(function Pending({ text }: { text: string }) {
  const plain = useMemo(() => (text.length > PLAIN_TAIL_OVER_CHARS ? text : text.split('\n').filter((l) => !/^\s*(`{3,}|~{3,})/.test(l)).join('\n')), [text]);
  return (
    <div className="md-pending">
      <TextPieces text={plain} />
    </div>
  );
});

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
  const flood = useRef(initialFlood());
  const { flooding, endOfFlood } = floodStep(flood.current, streaming, text.length, performance.now());
  const whole = !streaming && needsWholeParse(text);
  const blocks = useMemo(() => {
    if (whole) return null;
    split.current = splitIncremental(split.current, text);
    return split.current.blocks;
  }, [text, whole]);

  let pending = false;
  let children: ReactNode;
  if (blocks) {
    const plan = planBlocks(blocks, formatted.current, { streaming, flooding, endOfFlood });
    pending = plan.pending;
    children = blocks.map((b, i) => (plan.show[i] === 'formatted' ? <Block key={i} text={b} /> : <Pending key={i} text={b} />));
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
