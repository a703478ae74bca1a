import { useCallback, useEffect, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useMessages } from '../../stores/messages';
import { ArrowDownIcon } from '../common/icons';
import { MessageRow } from './MessageRow';

const EMPTY: string[] = [];

export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useMessages((s) => s.idsByConversation[conversationId]);
  const ref = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const list = ids ?? EMPTY;

  const itemContent = useCallback((_: number, id: string) => <MessageRow id={id} />, []);
  const computeItemKey = useCallback((_: number, id: string) => id, []);
  const jump = () => ref.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'auto' });

  // Sending a message always brings the view down, even if the user had scrolled up.
  const lastUserId = useMessages((s) => {
    const l = s.idsByConversation[conversationId];
    if (!l) return null;
    for (let i = l.length - 1; i >= 0; i--) if (s.byId[l[i]!]?.role === 'user') return l[i]!;
    return null;
  });
  const seenUser = useRef(lastUserId);
  useEffect(() => {
    if (lastUserId && seenUser.current !== lastUserId && seenUser.current !== undefined) {
      requestAnimationFrame(() => ref.current?.scrollToIndex({ index: 'LAST', align: 'end' }));
    }
    seenUser.current = lastUserId;
  }, [lastUserId]);

  if (!ids) return <div className="message-list loading" aria-busy="true" />;
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
        className="message-scroller"
        data={list}
        computeItemKey={computeItemKey}
        itemContent={itemContent}
        initialTopMostItemIndex={{ index: list.length - 1, align: 'end' }}
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomStateChange={setAtBottom}
        atBottomThreshold={48}
        increaseViewportBy={{ top: 600, bottom: 600 }}
        components={{ Header: Spacer, Footer: Spacer }}
      />
      {!atBottom && (
        <button type="button" className="jump-latest" onClick={jump}>
          <ArrowDownIcon />
          Jump to latest
        </button>
      )}
    </div>
  );
}

const Spacer = () => <div className="list-spacer" />;
