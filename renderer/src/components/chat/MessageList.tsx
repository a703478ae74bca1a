import { useCallback, useEffect, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useMessages } from '../../stores/messages';
import { ArrowDownIcon } from '../common/icons';
import { MessageRow } from './MessageRow';
import { useStickToBottom } from './useStickToBottom';
import { useScrollToMessage } from '../search/useScrollToMessage';

const EMPTY: string[] = [];

export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useMessages((s) => s.idsByConversation[conversationId]);
  const ref = useRef<VirtuosoHandle>(null);
  const list = ids ?? EMPTY;
  const { stuck, scrollerRef, onHeightChange, stickNow } = useStickToBottom();
  useScrollToMessage(list, ref); // search results (ui.scrollToMessageId)
  const [ready, setReady] = useState(false);

  const itemContent = useCallback((_: number, id: string) => <MessageRow id={id} />, []);
  const computeItemKey = useCallback((_: number, id: string) => id, []);

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
    <div className="message-list">
      <Virtuoso
        ref={ref}
        scrollerRef={scrollerRef}
        className="message-scroller"
        data={list}
        computeItemKey={computeItemKey}
        itemContent={itemContent}
        initialTopMostItemIndex={{ index: list.length - 1, align: 'end' }}
        followOutput={() => (stuck ? 'auto' : false)}
        totalListHeightChanged={onHeightChange}
        increaseViewportBy={{ top: 600, bottom: 600 }}
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
