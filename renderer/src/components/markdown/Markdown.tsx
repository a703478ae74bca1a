// The Markdown stack (parser, highlight.js, KaTeX) is loaded on first use so the
// start-up bundle stays small; until then the text shows as plain paragraphs.
import { lazy, memo, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { TextPieces } from '../common/TextPieces';
import { ensure } from './extras';

const loadRenderer = () => import('./MarkdownRenderer');
const MarkdownRenderer = lazy(loadRenderer);

const WARM_UP_AFTER_MS = 3000;

/**
 * Loads the Markdown stack, the highlighter and KaTeX ahead of need, once the app has been
 * idle a while after start: compiling them in the middle of a streaming reply costs a frame.
 * Not while `busy()` (a reply streams): their style sheets restyle and re-lay out the whole
 * page, a long reply included (idle callbacks still run between a stream's renders).
 */
export function warmUpMarkdown(busy: () => boolean, load: () => Promise<unknown> = () => loadRenderer().then(() => ensure({ code: true, math: true }))): () => void {
  let idle = 0;
  let timer: ReturnType<typeof setTimeout>;
  const run = () => {
    if (busy()) return wait();
    void load().catch(() => undefined);
  };
  const wait = () => {
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 5000 });
      else run();
    }, WARM_UP_AFTER_MS);
  };
  wait();
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdleCallback(idle);
  };
}

interface Props {
  text: string;
  streaming?: boolean;
}

/** Past this size a streaming reply is shown at most every THROTTLE_MS, not every frame. */
export const HUGE_STREAM_CHARS = 1_000_000;
const THROTTLE_MS = 250;

/**
 * Each new version of a reply's text costs time in proportion to its length (the string is
 * copied, compared, laid out); for a multi-megabyte reply that is more than a frame, so it
 * is shown a few times a second while it streams — nobody reads a wall that fast.
 */
function useShownText(text: string, streaming: boolean): string {
  const huge = streaming && text.length > HUGE_STREAM_CHARS;
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    if (!huge) return;
    const timer = setTimeout(
      () => {
        last.current = performance.now();
        setShown(text);
      },
      Math.max(0, last.current + THROTTLE_MS - performance.now()),
    );
    return () => clearTimeout(timer);
  }, [text, huge]);
  return huge ? shown : text;
}

export const Markdown = memo(function Markdown({ text: latest, streaming = false }: Props) {
  const text = useShownText(latest, streaming);
  const plain = (
    <div className="markdown plain">
      <TextPieces text={text} />
    </div>
  );
  // Plain text until the renderer has loaded, and for good if it cannot load or render this text.
  return (
    <ErrorBoundary fallback={() => plain}>
      <Suspense fallback={plain}>
        <MarkdownRenderer text={text} streaming={streaming} />
      </Suspense>
    </ErrorBoundary>
  );
});
