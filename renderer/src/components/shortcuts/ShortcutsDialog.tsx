// "Keyboard shortcuts": every shortcut with this platform's keys (⌘ on macOS, Ctrl elsewhere).
// Loaded lazily from App; opened from the Help menu, "?" / mod+/, and Settings › Appearance.
import { comboKeys, SHORTCUTS, type Combo, type Shortcut } from '../../../../shared/shortcuts';
import { useUi } from '../../stores/ui';
import { Dialog } from '../common/Dialog';
import { isDesktop, platform } from './platform';
import '../../styles/shortcuts.css';

/** In a browser tab the browser keeps some keys (Ctrl+N, Ctrl+Tab): show the alternative instead. */
function combosShown(s: Shortcut): Combo[] {
  const own = s.combos[platform];
  if (isDesktop || !s.browserCombo) return own;
  return [s.browserCombo, ...own.slice(1).filter((c) => c !== s.browserCombo && JSON.stringify(c) !== JSON.stringify(s.browserCombo))];
}

function Keys({ combo }: { combo: Combo }) {
  return (
    <span className="shortcut-combo">
      {comboKeys(combo, platform).map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}

export default function ShortcutsDialog() {
  const close = () => useUi.getState().openShortcuts(false);
  const hidden = SHORTCUTS.filter((s) => !isDesktop && s.browserCombo);
  return (
    <Dialog title="Keyboard shortcuts" onClose={close} className="shortcuts-dialog">
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <th scope="row">{s.label}</th>
              <td>
                {combosShown(s).map((c, i) => (
                  <span key={i} className="shortcut-alt">
                    {i > 0 && <span className="shortcut-or">or</span>}
                    <Keys combo={c} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden.length > 0 && (
        <p className="shortcuts-note">
          In a browser tab the browser keeps some keys for itself. The desktop app also uses{' '}
          {hidden.map((s, i) => (
            <span key={s.command}>
              {i > 0 && (i === hidden.length - 1 ? ' and ' : ', ')}
              <Keys combo={s.combos[platform][0]!} />
            </span>
          ))}
          .
        </p>
      )}
      <p className="shortcuts-note">
        Esc stops a reply while it is being written. / and ? work when you are not typing in a text field.
      </p>
    </Dialog>
  );
}
