import { useState } from 'react';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';
import { GearIcon, PlusIcon } from '../common/icons';
import { ConversationItem } from './ConversationItem';
import { SpendingButton } from '../spending/SpendingButton';

export function Sidebar() {
  const list = useConversations((s) => s.list);
  const selectedId = useConversations((s) => s.selectedId);
  const openSettings = useUi((s) => s.openSettings);
  const toast = useUi((s) => s.toast);
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
      </div>
      <ul className="conversation-list">
        {list.map((c) => (
          <ConversationItem key={c.id} conversation={c} selected={c.id === selectedId} />
        ))}
        {list.length === 0 && <li className="conversation-empty">No conversations yet</li>}
      </ul>
      <div className="sidebar-bottom">
        <button type="button" className="button ghost sidebar-settings" onClick={() => openSettings()}>
          <GearIcon />
          Settings
        </button>
        <SpendingButton />
      </div>
    </nav>
  );
}
