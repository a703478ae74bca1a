import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useMessages } from '../../stores/messages';
import { useUi } from '../../stores/ui';
import { ArrowDownIcon } from '../common/icons';
import { MessageRow } from './MessageRow';
import { useStickToBottom } from './useStickToBottom';
import { useScrollToMessage } from '../search/useScrollToMessage';

const EMPTY: string[] = [];
/** Virtuoso's index of the first row; it goes down as older pages are prepended, so the view stays put. */
const FIRST_INDEX = 1_000_000;
/** Rows rendered beyond the viewport, for smooth scrolling; none while opening, so the first paint formats only what shows. */
const OVERSCAN = { top: 600, bottom: 600 };
const NONE = { top: 0, bottom: 0 };

export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useMessages((s) => s.idsByConversation[conversationId]);
  const ref = useRef<VirtuosoHandle>(null);
  const list = ids ?? EMPTY;
  const { stuck, scrollerRef, onHeightChange, stickNow, unstick, restickIfAtEnd } = useStickToBottom();
  useScrollToMessage(list, ref, unstick, restickIfAtEnd); // search results (ui.scrollToMessageId)
  const [ready, setReady] = useState(false);
  // Opening on the newest message: Virtuoso's initialTopMostItemIndex keeps the list hidden for
  // four animation frames before it positions it (~70 ms). Instead the list starts scrolled
  // to the end (the stick-to-bottom logic keeps it there as rows are measured) and stays
  // hidden only until it is at the bottom, usually the first or second frame.
  const [positioned, setPositioned] = useState(false);
  useEffect(() => {
    if (positioned) return;
    const t = setTimeout(() => setPositioned(true), 300); // never leave it hidden
    return () => clearTimeout(t);
  }, [positioned]);
  const atBottom = useCallback((bottom: boolean) => {
    if (bottom) setPositioned(true);
  }, []);
  // Shown as soon as the scroller reaches the end (Virtuoso's own at-bottom signal comes ~100 ms later).
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    if (el.scrollHeight - el.clientHeight - el.scrollTop < 2) setPositioned(true);
  }, []);

  const itemContent = useCallback((_: number, id: string) => <MessageRow id={id} />, []);
  const computeItemKey = useCallback((_: number, id: string) => id, []);

  // Older messages load a page at a time when the top is reached (the list opens on the newest).
  const hasOlder = useMessages((s) => s.hasOlder[conversationId] ?? false);
  const loadOlder = useCallback(() => void useMessages.getState().loadOlder(conversationId).catch(() => undefined), [conversationId]);
  const first = useRef({ id: list[0], index: FIRST_INDEX });
  if (first.current.id !== list[0]) {
    const shift = first.current.id === undefined ? -1 : list.indexOf(first.current.id);
    first.current = { id: list[0], index: first.current.index - Math.max(0, shift) };
  }
  // A search hit further back than what is loaded: load back to it (useScrollToMessage then scrolls).
  const target = useUi((s) => s.scrollToMessageId);
  const targetMissing = target !== null && ids !== undefined && !ids.includes(target);
  useEffect(() => {
    if (target && targetMissing) void useMessages.getState().loadUntil(conversationId, target).catch(() => undefined);
  }, [conversationId, target, targetMissing]);

  // Sending a message always brings the view down, even if the user had scrolled up.
  const lastUserId = useMessages((s) => {
    const l = s.idsByConversation[conversationId];
    if (!l) return null;
    for (let i = l.length - 1; i >= 0; i--) if (s.byId[l[i]!]?.role === 'user') return l[i]!;
    return null;
  });
  const seenUser = useRef(lastUserId);
  useEffect(() => {
    if (lastUserId && seenUser.current !== lastUserId) stickNow();
    seenUser.current = lastUserId;
  }, [lastUserId, stickNow]);

  useEffect(() => {
    if (ids) setReady(true);
  }, [ids]);

  if (!ready && !ids) return <div className="message-list loading" aria-busy="true" />;
  if (list.length === 0) {
    return (
      <div className="message-list empty">
        <p className="message-list-hint">Send a message to start. Replies stream in as they are written.</p>
      </div>
    );
  }
  return (
    <div className="message-list" style={positioned ? undefined : { visibility: 'hidden' }} onScrollCapture={positioned ? undefined : onScroll}>
      <Virtuoso
        ref={ref}
        scrollerRef={scrollerRef}
        className="message-scroller"
        data={list}
        firstItemIndex={first.current.index}
        startReached={hasOlder ? loadOlder : undefined}
        computeItemKey={computeItemKey}
        itemContent={itemContent}
        initialScrollTop={Number.MAX_SAFE_INTEGER}
        atBottomStateChange={atBottom}
        followOutput={() => (stuck ? 'auto' : false)}
        totalListHeightChanged={onHeightChange}
        increaseViewportBy={positioned ? OVERSCAN : NONE}
        components={{ Header: Spacer, Footer: Spacer }}
      />
      {!stuck && (
        <button type="button" className="jump-latest" onClick={stickNow}>
          <ArrowDownIcon />
          Jump to latest
        </button>
      )}
    </div>
  );
}

const Spacer = () => <div className="list-spacer" />;
