import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useSearch } from '../../stores/search';
import { useUi } from '../../stores/ui';
import { GearIcon, PlusIcon } from '../common/icons';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { SpendingButton } from '../spending/SpendingButton';
import { ConversationItem } from './ConversationItem';
import { ExportDialog } from './ExportDialog';
import { firstItems, groupConversations, positionOf } from './groups';
import { useSidebar } from './sidebar-store';
import { UndoToast } from './UndoToast';
import '../../styles/history.css';

export function Sidebar() {
  const openSettings = useUi((s) => s.openSettings);
  const toast = useUi((s) => s.toast);
  const searching = useSearch((s) => s.query.trim().length > 0);
  const exportingId = useSidebar((s) => s.exportingId);
  const [creating, setCreating] = useState(false);

  const create = async () => {
    setCreating(true);
    try {
      await useConversations.getState().create();
      requestAnimationFrame(() => document.getElementById('composer-input')?.focus());
    } catch (err) {
      toast('error', `Could not start a conversation: ${errorMessage(err)}`);
    } finally {
      setCreating(false);
    }
  };

  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar-top">
        <span className="brand" aria-hidden="true">
          Parley
        </span>
        <button type="button" className="button new-conversation" onClick={create} disabled={creating}>
          <PlusIcon />
          New conversation
        </button>
        <SearchBox />
      </div>
      {searching ? <SearchResults /> : <ConversationGroups />}
      <div className="sidebar-bottom">
        <button type="button" className="button ghost sidebar-settings" onClick={() => openSettings()}>
          <GearIcon />
          Settings
        </button>
        <SpendingButton />
      </div>
      <UndoToast />
      {exportingId && <ExportDialog id={exportingId} />}
    </nav>
  );
}

/**
 * Rows rendered at first, and added each time the list is scrolled near its end: a history
 * of thousands of conversations starts with a screenful of rows, not thousands.
 */
const ROWS_STEP = 100;

function ConversationGroups() {
  const list = useConversations((s) => s.list);
  const selectedId = useConversations((s) => s.selectedId);
  const groups = useMemo(() => groupConversations(list), [list]);
  const [limit, setLimit] = useState(ROWS_STEP);
  // The open conversation always has its row (e.g. opened from a search hit far down the list),
  // and rows once shown stay when the selection moves back up (the scroll position with them).
  // (Adjusted while rendering: React renders again at once, before anything is shown.)
  const selectedAt = positionOf(groups, selectedId);
  if (selectedAt + 1 > limit) setLimit(selectedAt + 1);
  const visible = useMemo(() => firstItems(groups, limit), [groups, limit]);
  const more = limit < list.length;
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!more || !sentinel.current) return;
    // Observed afresh after each step: it reports at once whether the end is still near.
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit(limit + ROWS_STEP);
      },
      { root: scroller.current, rootMargin: '600px 0px' },
    );
    io.observe(sentinel.current);
    return () => io.disconnect();
  }, [more, limit]);

  if (list.length === 0) {
    return (
      <div className="conversation-groups">
        <p className="conversation-empty">No conversations yet</p>
      </div>
    );
  }
  return (
    <div className="conversation-groups" ref={scroller}>
      {visible.map((g) => (
        <section key={g.key} className="conversation-group" aria-labelledby={`group-${g.key}`}>
          <h2 id={`group-${g.key}`} className="group-label">
            {g.label}
          </h2>
          <ul className="conversation-list">
            {g.items.map((c) => (
              <ConversationItem key={c.id} conversation={c} selected={c.id === selectedId} />
            ))}
          </ul>
        </section>
      ))}
      {more && <div ref={sentinel} className="conversation-more" aria-hidden="true" />}
    </div>
  );
}
