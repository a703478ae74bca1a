import { errorMessage } from '../../bridge';
import { applyTextSize, applyTheme, type TextSize } from '../../app/theme';
import { useSettings, type Theme } from '../../stores/settings';
import { useUi } from '../../stores/ui';
import { isDesktop, platform } from '../shortcuts/platform';
import { comboKeys, shortcutFor } from '../../../../shared/shortcuts';
import '../../styles/appearance.css';

const saveFailed = (what: string) => (err: unknown) => useUi.getState().toast('error', `Could not save ${what}: ${errorMessage(err)}`);

export function AppearanceSection() {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const textSize = useSettings((s) => s.settings?.textSize ?? 'medium');
  const notify = useSettings((s) => s.settings?.notifications ?? true);
  const changeTheme = (value: Theme) => {
    applyTheme(value);
    useSettings
      .getState()
      .update({ theme: value })
      .catch((err) => {
        applyTheme(theme);
        saveFailed('the theme')(err);
      });
  };
  const changeTextSize = (value: TextSize) => {
    applyTextSize(value);
    useSettings
      .getState()
      .update({ textSize: value })
      .catch((err) => {
        applyTextSize(textSize);
        saveFailed('the text size')(err);
      });
  };
  const changeNotify = (notifications: boolean) => void useSettings.getState().update({ notifications }).catch(saveFailed('the setting'));
  const helpKeys = comboKeys(shortcutFor('shortcuts.show')!.combos[platform][0]!, platform).join(platform === 'mac' ? '' : '+');

  return (
    <section className="settings-section appearance" aria-labelledby="appearance-heading">
      <h3 id="appearance-heading">Appearance</h3>
      <label className="field inline">
        <span>Theme</span>
        <select value={theme} onChange={(e) => changeTheme(e.target.value as Theme)}>
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="field inline">
        <span>Text size</span>
        <select value={textSize} onChange={(e) => changeTextSize(e.target.value as TextSize)}>
          <option value="small">Small</option>
          <option value="medium">Medium</option>
          <option value="large">Large</option>
        </select>
      </label>
      <label className="field inline appearance-switch">
        <span>
          Notify when a reply finishes
          <small id="notify-note">
            {isDesktop
              ? 'For replies that take over 10 seconds or run long, while Parley is in the background.'
              : 'Only the desktop app can notify you; in a browser tab this setting has no effect.'}
          </small>
        </span>
        <input type="checkbox" role="switch" className="toggle-switch" aria-label="Notify when a reply finishes" aria-describedby="notify-note" checked={notify} onChange={(e) => changeNotify(e.target.checked)} />
      </label>
      <div className="field inline">
        <span>
          Keyboard shortcuts
          <small>
            Also with <kbd>{helpKeys}</kbd> or <kbd>?</kbd>
          </small>
        </span>
        <button type="button" className="button small" onClick={() => useUi.getState().openShortcuts(true)}>
          Show shortcuts
        </button>
      </div>
    </section>
  );
}
