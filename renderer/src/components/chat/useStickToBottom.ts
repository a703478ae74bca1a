import { useCallback, useRef, useState } from 'react';
import { isTextField } from '../shortcuts/focus';

const THRESHOLD = 48;
/** A scroll this soon after the user's own wheel, touch or scrolling key is theirs (smooth scrolling runs on after the input). */
const INTENT_MS = 400;
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

/**
 * Keeps a growing list pinned to its end while the user is there. Only a scroll up that the
 * user asked for unpins it: one right after their wheel, touch, scrolling key or scrollbar
 * drag, or one that came with no change in the list's height. The list also moves up on its
 * own (rows above measured, a long reply landing whole), and taking that for the user leaving
 * the end stopped the view from following a reply.
 */
export function useStickToBottom() {
  const [stuck, setStuck] = useState(true);
  const stuckRef = useRef(true);
  const el = useRef<HTMLElement | null>(null);
  const lastTop = useRef(0);
  const lastHeight = useRef(0);
  const inputAt = useRef(-Infinity);
  const pointerHeld = useRef(false);

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
    // The list's own moves come with a change of its height (rows measured, a reply landing
    // whole); a move up without one was asked for (focus, find, assistive technology).
    const resized = s.scrollHeight !== lastHeight.current;
    const byUser = pointerHeld.current || performance.now() - inputAt.current < INTENT_MS || !resized;
    if (byUser && s.scrollTop < lastTop.current - 2 && distance > THRESHOLD) set(false);
    else if (distance <= THRESHOLD) set(true);
    lastTop.current = s.scrollTop;
    lastHeight.current = s.scrollHeight;
  }, [set]);

  const detach = useRef<(() => void) | null>(null);
  const scrollerRef = useCallback(
    (node: HTMLElement | Window | null) => {
      detach.current?.();
      detach.current = null;
      el.current = node instanceof HTMLElement ? node : null;
      const s = el.current;
      if (!s) return;
      const input = () => {
        inputAt.current = performance.now();
      };
      const key = (e: KeyboardEvent) => {
        if (SCROLL_KEYS.has(e.key) && !isTextField(e.target)) input();
      };
      // Pressed on the scroller itself: its scrollbar (a press on a row's content targets the row).
      const press = (e: PointerEvent) => {
        if (e.target === s) pointerHeld.current = true;
      };
      const release = () => {
        if (pointerHeld.current) input();
        pointerHeld.current = false;
      };
      s.addEventListener('scroll', onScroll, { passive: true });
      s.addEventListener('wheel', input, { passive: true });
      s.addEventListener('touchmove', input, { passive: true });
      s.addEventListener('keydown', key);
      s.addEventListener('pointerdown', press);
      window.addEventListener('pointerup', release);
      window.addEventListener('pointercancel', release);
      detach.current = () => {
        s.removeEventListener('scroll', onScroll);
        s.removeEventListener('wheel', input);
        s.removeEventListener('touchmove', input);
        s.removeEventListener('keydown', key);
        s.removeEventListener('pointerdown', press);
        window.removeEventListener('pointerup', release);
        window.removeEventListener('pointercancel', release);
      };
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

  /** Stops following the end: the app is taking the view elsewhere (a search hit). */
  const unstick = useCallback(() => set(false), [set]);

  /** Follows the end again if the view is there after all (the list fits, or the target was last): no scroll came to say so. */
  const restickIfAtEnd = useCallback(() => {
    const s = el.current;
    if (s && s.scrollHeight - s.clientHeight - s.scrollTop <= THRESHOLD) set(true);
  }, [set]);

  return { stuck, scrollerRef, onHeightChange, stickNow, unstick, restickIfAtEnd };
}
