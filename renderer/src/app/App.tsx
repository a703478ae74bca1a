import { lazy, useEffect, type CSSProperties } from 'react';
import { useConnection } from '../bridge';
import { ChatView } from '../components/chat/ChatView';
import { ConnectionBanner } from '../components/common/ConnectionBanner';
import { EmptyState } from '../components/common/EmptyState';
import { LazyPart } from '../components/common/LazyPart';
import { SIDEBAR_VAR, SidebarResizer } from '../components/common/SidebarResizer';
import { Toasts } from '../components/common/Toasts';
import { FirstRun } from '../components/first-run/FirstRun';
import { warmUpMarkdown } from '../components/markdown/Markdown';
import { ModelPicker } from '../components/model-picker/ModelPicker';
import { useShortcuts } from '../components/shortcuts/useShortcuts';
import { Sidebar } from '../components/sidebar/Sidebar';
import { useConversations } from '../stores/conversations';
import { useMessages } from '../stores/messages';
import { useProviders } from '../stores/providers';
import { useSettings } from '../stores/settings';
import { useUi } from '../stores/ui';
import { loadAll } from './boot';
import { subscribeEvents } from './events';
import { applyTextSize } from './theme';
import '../styles/desktop.css';

// Dialogs load on first open, so the first screen's JS stays small.
const SettingsDialog = lazy(() => import('../components/settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
const ShortcutsDialog = lazy(() => import('../components/shortcuts/ShortcutsDialog'));

const DEFAULT_SIDEBAR = 280;

export function App() {
  const epoch = useConnection((s) => s.epoch);
  const selectedId = useConversations((s) => s.selectedId);
  const loaded = useConversations((s) => s.loaded);
  const noConversations = useConversations((s) => s.list.length === 0);
  const providersLoaded = useProviders((s) => s.loaded);
  const anyKey = useProviders((s) => s.list.some((p) => p.hasKey));
  const settingsOpen = useUi((s) => s.settingsOpen);
  const pickerOpen = useUi((s) => s.modelPickerOpen);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const sidebarWidth = useSettings((s) => s.settings?.sidebarWidth ?? DEFAULT_SIDEBAR);
  const textSize = useSettings((s) => s.settings?.textSize);

  useEffect(() => subscribeEvents(), []);
  useEffect(() => {
    void loadAll(epoch === 0);
  }, [epoch]);
  useShortcuts();
  useEffect(() => warmUpMarkdown(() => Object.keys(useMessages.getState().streaming).length > 0), []);
  useEffect(() => {
    if (textSize) applyTextSize(textSize);
  }, [textSize]);

  const firstRun = loaded && providersLoaded && noConversations && !anyKey;
  return (
    <div className="app" data-resizable="" style={{ [SIDEBAR_VAR]: `${sidebarWidth}px` } as CSSProperties}>
      <Sidebar />
      <SidebarResizer width={sidebarWidth} />
      <main className="main">
        <ConnectionBanner />
        {selectedId ? <ChatView key={selectedId} conversationId={selectedId} /> : firstRun ? <FirstRun /> : loaded ? <EmptyState /> : null}
      </main>
      {settingsOpen && (
        <LazyPart onClose={() => useUi.getState().openSettings(false)}>
          <SettingsDialog />
        </LazyPart>
      )}
      {shortcutsOpen && (
        <LazyPart onClose={() => useUi.getState().openShortcuts(false)}>
          <ShortcutsDialog />
        </LazyPart>
      )}
      {pickerOpen && selectedId && <ModelPicker conversationId={selectedId} />}
      <Toasts />
    </div>
  );
}
