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

/** A block not formatted yet: its text as written, less the fence lines (so it reads as the formatted block will). */
const Pending = memo(function Pending({ text }: { text: string }) {
  const plain = useMemo(() => text.split('\n').filter((l) => !/^\s*(`{3,}|~{3,})/.test(l)).join('\n'), [text]);
  return <div className="md-pending">{plain}</div>;
});

/**
 * Characters of not-yet-formatted blocks formatted per animation frame (about 10 ms of
 * parsing, highlighting and DOM work on a slow machine). Blocks nearest the end come first:
 * that is where a reply is read while it streams and where a long one opens.
 */
export const FRAME_BUDGET_CHARS = 2000;

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
    let budget = FRAME_BUDGET_CHARS;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i]!;
      const done = formatted.current[i] === b;
      if (done || i === blocks.length - 1 || budget > 0) {
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
    const frame = requestAnimationFrame(() => nextFrame((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  });
  return <div className="markdown">{children}</div>;
}
