// Honours ui.scrollToMessageId in the message list: once the message is loaded, scroll it
// into view (centred) and flash it briefly, then clear the request.
import { useEffect, type RefObject } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';
import { useUi } from '../../stores/ui';

const FLASH_MS = 2000;

/**
 * `leaveEnd`: the list stops following its end (else the next reply would pull the view back
 * down); `landed`: called once the view has settled on the target.
 */
export function useScrollToMessage(ids: readonly string[], ref: RefObject<VirtuosoHandle | null>, leaveEnd: () => void, landed: () => void): void {
  const target = useUi((s) => s.scrollToMessageId);
  const index = target ? ids.indexOf(target) : -1;
  useEffect(() => {
    if (index < 0) return;
    leaveEnd();
    const go = () => ref.current?.scrollToIndex({ index, align: 'center' });
    // Virtuoso measures rows around the target after the first jump; settle with a few more.
    go();
    const frame = requestAnimationFrame(go);
    const timers = [setTimeout(go, 80), setTimeout(go, 250)];
    timers.push(
      setTimeout(() => {
        go();
        // Flagged in the store, not on the row's element: the row may not be drawn yet under
        // load, and the list may re-create it while it flashes.
        if (target) useUi.getState().flashMessage(target, FLASH_MS);
        useUi.getState().scrollToMessage(null);
        requestAnimationFrame(landed);
      }, 400),
    );
    return () => {
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
  }, [index, target, ref, leaveEnd, landed]);
}
