import { useMemo, useState } from 'react';
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
import { groupConversations } from './groups';
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

function ConversationGroups() {
  const list = useConversations((s) => s.list);
  const selectedId = useConversations((s) => s.selectedId);
  const groups = useMemo(() => groupConversations(list), [list]);
  if (list.length === 0) {
    return (
      <div className="conversation-groups">
        <p className="conversation-empty">No conversations yet</p>
      </div>
    );
  }
  return (
    <div className="conversation-groups">
      {groups.map((g) => (
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
    </div>
  );
}
