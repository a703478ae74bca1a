import { errorMessage } from '../../bridge';
import { applyTheme } from '../../app/theme';
import { useSettings, type Theme } from '../../stores/settings';
import { useUi } from '../../stores/ui';

export function AppearanceSection() {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const change = (value: Theme) => {
    applyTheme(value);
    useSettings
      .getState()
      .update({ theme: value })
      .catch((err) => {
        applyTheme(theme);
        useUi.getState().toast('error', `Could not save the theme: ${errorMessage(err)}`);
      });
  };
  return (
    <section className="settings-section" aria-labelledby="appearance-heading">
      <h3 id="appearance-heading">Appearance</h3>
      <label className="field inline">
        <span>Theme</span>
        <select value={theme} onChange={(e) => change(e.target.value as Theme)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </section>
  );
}
