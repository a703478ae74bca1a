import { useCallback, useRef, useState } from 'react';

const THRESHOLD = 48;

/**
 * Keeps a growing list pinned to its end while the user is there. Only the user's own
 * upward scroll unpins it: a reply growing below does not, which is where
 * position-based "at bottom" checks flicker during fast streams.
 */
export function useStickToBottom() {
  const [stuck, setStuck] = useState(true);
  const stuckRef = useRef(true);
  const el = useRef<HTMLElement | null>(null);
  const lastTop = useRef(0);

  const set = useCallback((v: boolean) => {
    if (stuckRef.current === v) return;
    stuckRef.current = v;
    setStuck(v);
  }, []);

  const toEnd = useCallback(() => {
    const s = el.current;
    if (s) s.scrollTop = s.scrollHeight;
  }, []);

  const onScroll = useCallback(() => {
    const s = el.current;
    if (!s) return;
    const distance = s.scrollHeight - s.clientHeight - s.scrollTop;
    if (s.scrollTop < lastTop.current - 2 && distance > THRESHOLD) set(false);
    else if (distance <= THRESHOLD) set(true);
    lastTop.current = s.scrollTop;
  }, [set]);

  const scrollerRef = useCallback(
    (node: HTMLElement | Window | null) => {
      el.current?.removeEventListener('scroll', onScroll);
      el.current = node instanceof HTMLElement ? node : null;
      el.current?.addEventListener('scroll', onScroll, { passive: true });
    },
    [onScroll],
  );

  const onHeightChange = useCallback(() => {
    if (stuckRef.current) toEnd();
  }, [toEnd]);

  const stickNow = useCallback(() => {
    set(true);
    toEnd();
    // Virtuoso may measure new rows a frame later.
    requestAnimationFrame(toEnd);
  }, [set, toEnd]);

  return { stuck, scrollerRef, onHeightChange, stickNow };
}
