// Opening Settings at one control (a provider's key field, a switch), scrolled to it and
// focused: the dialog loads lazily, so the control is waited for.
import { useUi } from '../../stores/ui';
import { focusWhenPresent } from '../shortcuts/focus';

export function openSettingsAt(selector: string): void {
  useUi.getState().openSettings(true);
  void focusWhenPresent(`dialog[open] ${selector}`);
}
