import { memo, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Components } from 'hast-util-to-jsx-runtime';
import '../../styles/markdown.css';
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
  const loaded = useSyncExternalStore(subscribe, () => loadedFor(parsed.needs, getExtras()));
  // The extras only add to the tree (applying one again is a no-op), so the parse is reused.
  const element = useMemo(() => toReact(parsed, components, getExtras()), [parsed, loaded]);
  useEffect(() => ensure(parsed.needs), [parsed]);
  return element;
});

/**
 * Renders a reply as independent blocks (blocks.ts): while it streams only the growing last
 * block re-parses, and a long finished reply is parsed in memoised pieces, not all at once.
 * A text with link references or footnotes, which reach across blocks, is parsed whole
 * once it is finished.
 */
export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const split = useRef<Split | null>(null);
  const whole = !streaming && needsWholeParse(text);
  const blocks = useMemo(() => {
    if (whole) return null;
    split.current = splitIncremental(split.current, text);
    return split.current.blocks;
  }, [text, whole]);
  return <div className="markdown">{blocks ? blocks.map((b, i) => <Block key={i} text={b} />) : <Block text={text} />}</div>;
}
