// The application menu as a plain template (no Electron at runtime, so it is unit-tested):
// platform-standard roles plus the app's own items, whose accelerators come from shared/shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract/app';
import { shortcutFor, toAccelerator } from '../../shared/shortcuts';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  /** A web page for Help; opened through the validated openExternal. Omitted: no web link. */
  helpUrl?: string | null;
  openExternal: (url: string) => void;
  /** Runs an app item (main forwards it to the renderer as an 'app.command' event). */
  onCommand: (command: AppCommand) => void;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const item = (label: string, command: AppCommand): MenuItemConstructorOptions => {
    const shortcut = shortcutFor(command);
    const combo = shortcut?.combos[o.isMac ? 'mac' : 'other'][0];
    const out: MenuItemConstructorOptions = { label, click: () => o.onCommand(command) };
    if (!shortcut || !combo) return out;
    if (shortcut.menu) return { ...out, accelerator: toAccelerator(combo) };
    // Shown but not registered (Windows/Linux only): Esc must keep working in text fields and dialogs.
    // macOS cannot show an unregistered accelerator, so the item has none there.
    return o.isMac ? out : { ...out, accelerator: toAccelerator(combo), registerAccelerator: false };
  };

  const settings = item(o.isMac ? 'Settings…' : 'Settings', 'settings.open');
  const macAppMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' }, sep,
      settings, sep,
      { role: 'services' }, sep,
      { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep,
      { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(o.isMac ? [macAppMenu] : []),
    {
      label: o.isMac ? 'File' : '&File',
      submenu: [
        item('New Conversation', 'conversation.new'),
        item('Search Conversations…', 'search.focus'),
        sep,
        ...(o.isMac ? [{ role: 'close' } as const] : [settings, sep, { role: 'quit' } as const]),
      ],
    },
    {
      label: o.isMac ? 'Edit' : '&Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, sep,
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
        ...(o.isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' }, sep, { role: 'selectAll' },
      ],
    },
    {
      label: o.isMac ? 'View' : '&View',
      submenu: [
        ...(o.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: o.isMac ? 'Conversation' : '&Conversation',
      submenu: [
        item('Choose Model…', 'model.pick'),
        item('Stop Generating', 'generation.stop'),
        sep,
        item('Previous Conversation', 'conversation.previous'),
        item('Next Conversation', 'conversation.next'),
      ],
    },
    { role: 'windowMenu' },
  ];
  const helpUrl = o.helpUrl;
  template.push({
    role: 'help',
    submenu: [
      item('Keyboard Shortcuts', 'shortcuts.show'),
      ...(helpUrl ? [sep, { label: `${o.appName} on the Web`, click: () => o.openExternal(helpUrl) }] : []), // eng-disable OPEN_EXTERNAL_JS_CHECK: helpUrl passed safeExternalUrl and o.openExternal is openExternalSafely
    ],
  });
  return template;
}
