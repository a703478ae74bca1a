// The app's keyboard shortcuts in the page, and the desktop menu's commands. In Electron the
// menu owns the combinations it shows (so nothing fires twice); everything else, and every
// combination in a browser tab, is handled here with preventDefault.
import { useEffect } from 'react';
import { findShortcut } from '../../../../shared/shortcuts';
import { bridge } from '../../bridge';
import { runCommand, stopGenerating } from './commands';
import { anyDialogOpen, COMPOSER_ID, isTextField } from './focus';
import { isDesktop, platform } from './platform';

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.repeat) return;
  const hit = findShortcut(e, platform);
  if (!hit) return;
  const { shortcut, combo, index } = hit;
  if (isDesktop && shortcut.menu && index === 0) return; // The menu's accelerator runs it.
  const inField = isTextField(e.target);
  if (inField && !shortcut.inTextFields) return;
  // With a dialog open only the modifier shortcuts act (they close it first); plain keys belong to the dialog.
  if (anyDialogOpen() && !(combo.mod || combo.ctrl)) return;

  if (shortcut.command === 'generation.stop') {
    // Esc in another text field (an edit box, the search box) is that field's own.
    if (inField && (e.target as HTMLElement).id !== COMPOSER_ID) return;
    if (stopGenerating()) e.preventDefault();
    return;
  }
  e.preventDefault();
  runCommand(shortcut.command);
}

export function useShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    const off = bridge.on('app.command', ({ command, conversationId }) => runCommand(command, conversationId));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      off();
    };
  }, []);
}
