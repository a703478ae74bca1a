import { useEffect } from 'react';
import { useConnection } from '../bridge';
import { ChatView } from '../components/chat/ChatView';
import { ConnectionBanner } from '../components/common/ConnectionBanner';
import { EmptyState } from '../components/common/EmptyState';
import { Toasts } from '../components/common/Toasts';
import { ModelPicker } from '../components/model-picker/ModelPicker';
import { SettingsDialog } from '../components/settings/SettingsDialog';
import { Sidebar } from '../components/sidebar/Sidebar';
import { useConversations } from '../stores/conversations';
import { useUi } from '../stores/ui';
import { loadAll } from './boot';
import { subscribeEvents } from './events';

export function App() {
  const epoch = useConnection((s) => s.epoch);
  const selectedId = useConversations((s) => s.selectedId);
  const loaded = useConversations((s) => s.loaded);
  const settingsOpen = useUi((s) => s.settingsOpen);
  const pickerOpen = useUi((s) => s.modelPickerOpen);

  useEffect(() => subscribeEvents(), []);
  useEffect(() => {
    void loadAll(epoch === 0);
  }, [epoch]);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ConnectionBanner />
        {selectedId ? <ChatView key={selectedId} conversationId={selectedId} /> : loaded ? <EmptyState /> : null}
      </main>
      {settingsOpen && <SettingsDialog />}
      {pickerOpen && selectedId && <ModelPicker conversationId={selectedId} />}
      <Toasts />
    </div>
  );
}
