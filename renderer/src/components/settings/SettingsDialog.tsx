import { useUi } from '../../stores/ui';
import { Dialog } from '../common/Dialog';
import { AppearanceSection } from './AppearanceSection';
import { ChatDefaultsSection } from './ChatDefaultsSection';
import { HistorySection } from './HistorySection';
import { ProvidersSection } from './ProvidersSection';

export function SettingsDialog() {
  const close = () => useUi.getState().openSettings(false);
  return (
    <Dialog title="Settings" onClose={close} className="settings">
      <div className="settings-scroll">
        <ProvidersSection />
        <ChatDefaultsSection />
        <HistorySection />
        <AppearanceSection />
      </div>
    </Dialog>
  );
}
