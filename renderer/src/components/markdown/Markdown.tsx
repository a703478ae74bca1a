// The Markdown stack (parser, highlight.js, KaTeX) is loaded on first use so the
// start-up bundle stays small; until then the text shows as plain paragraphs.
import { lazy, memo, Suspense } from 'react';

const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

interface Props {
  text: string;
  streaming?: boolean;
}

export const Markdown = memo(function Markdown({ text, streaming = false }: Props) {
  return (
    <Suspense fallback={<div className="markdown plain">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
});
