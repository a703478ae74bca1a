import { memo, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';
import '../../styles/markdown.css';
import { splitBlocks } from './blocks';
import { CodeBlock } from './CodeBlock';
import { normaliseMath } from './math-delimiters';

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins = [
  [rehypeKatex, { throwOnError: false, strict: false }],
  [rehypeHighlight, { detect: false, plainText: ['text', 'txt', 'plain'] }],
] as NonNullable<Parameters<typeof ReactMarkdown>[0]['rehypePlugins']>;

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

const Block = memo(function Block({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
      {text}
    </ReactMarkdown>
  );
});

export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  // While streaming, finished blocks are memoised and only the growing tail re-parses.
  // A finished reply is parsed whole, so references and footnotes resolve across blocks.
  const source = useMemo(() => normaliseMath(text), [text]);
  const blocks = useMemo(() => (streaming ? splitBlocks(source) : null), [source, streaming]);
  return <div className="markdown">{blocks ? blocks.map((b, i) => <Block key={i} text={b} />) : <Block text={source} />}</div>;
}
