// The model's reasoning above its answer: open and streaming while it thinks, folded once
// the answer starts (unless the user opened it), with how long it thought, the reasoning
// tokens the provider reported, a copy button, and encrypted parts shown as a chip.
import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Timings } from '../../../../shared/domain';
import { formatDuration, formatTokens } from '../../../../shared/cost/format';
import { ChevronIcon } from '../common/icons';
import { TextPieces } from '../common/TextPieces';
import { useCopy } from '../common/useCopy';
import '../../styles/thinking.css';

/** What the stream normaliser puts where a provider sent encrypted (hidden) reasoning. */
const HIDDEN = '[hidden reasoning]';

interface Props {
  text: string;
  streaming: boolean;
  /** The answer has started: the disclosure folds unless the user opened it. */
  answering: boolean;
  timings?: Timings | null;
  reasoningTokens?: number | null;
}

export const Thinking = memo(function Thinking({ text, streaming, answering, timings, reasoningTokens }: Props) {
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const bodyId = useId();
  const live = streaming && !answering;
  const open = userOpen ?? live;
  const ms = useThinkingTime(live, timings);
  const body = useRef<HTMLDivElement>(null);

  // Follow the newest thought while it streams, unless the reader scrolled up inside it.
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const el = body.current;
    if (el && live && pinned.current) el.scrollTop = el.scrollHeight;
  }, [text, live, open]);

  const stats: string[] = [];
  if (live) stats.push(ms !== null ? `${Math.floor(ms / 1000)} s` : '');
  else if (ms !== null) stats.push(`${formatDuration(ms)}`);
  if (reasoningTokens) stats.push(`${formatTokens(reasoningTokens)} tokens`);
  const summary = stats.filter(Boolean).join(' · ');

  return (
    <div className={`thinking${open ? ' open' : ''}${live ? ' live' : ''}`}>
      <div className="thinking-head">
        <button type="button" className="thinking-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setUserOpen(!open)}>
          <ChevronIcon />
          Thinking
          {live && <span className="thinking-live" aria-hidden="true" />}
        </button>
        {summary && (
          <span className="thinking-stats" title={live ? 'Thinking so far' : 'How long the model thought, and the reasoning tokens it reported'}>
            {summary}
          </span>
        )}
        {open && !live && <CopyButton text={text} />}
      </div>
      {open && (
        <div
          id={bodyId}
          ref={body}
          className="thinking-body"
          role="region"
          aria-label="Thinking"
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          <ReasoningText text={text} />
        </div>
      )}
    </div>
  );
});

function ReasoningText({ text }: { text: string }) {
  if (!text.includes(HIDDEN)) return <TextPieces text={text} />;
  const parts = text.split(HIDDEN);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <span className="hidden-reasoning" title="The provider sent this part of the reasoning encrypted; it cannot be shown.">
              hidden reasoning
            </span>
          )}
        </span>
      ))}
    </>
  );
}

/**
 * How long the model thought: from the stored timings once known (reasoning start → answer
 * start, or the end), else measured here while it streams, ticking once a second.
 */
function useThinkingTime(live: boolean, timings: Timings | null | undefined): number | null {
  const started = useRef<number | null>(null);
  const ended = useRef<number | null>(null);
  const [, tick] = useState(0);
  if (live && started.current === null) started.current = timings?.reasoningStartedAt ?? Date.now();
  if (!live && started.current !== null && ended.current === null) ended.current = Date.now();
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [live]);
  if (timings?.reasoningStartedAt != null) {
    const end = timings.contentStartedAt ?? timings.finishedAt ?? (live ? Date.now() : ended.current);
    if (end != null) return Math.max(0, end - timings.reasoningStartedAt);
  }
  if (started.current === null) return null;
  return Math.max(0, (ended.current ?? Date.now()) - started.current);
}

function CopyButton({ text }: { text: string }) {
  const [copied, copy] = useCopy();
  return (
    <button type="button" className="thinking-copy" onClick={() => void copy(text).catch(() => undefined)}>
      {copied ? 'Copied' : 'Copy thinking'}
    </button>
  );
}
