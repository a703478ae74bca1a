// The application menu: platform-standard roles. App-specific items are wired through
// `onCommand`, so main can forward them to the renderer once the contract has an event for it.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'conversation.new' | 'settings.open';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  /** A web page for Help; opened through the validated openExternal. Omitted: no Help link. */
  helpUrl?: string | null;
  openExternal: (url: string) => void;
  /** When given, the New Conversation / Settings items appear and call it. */
  onCommand?: (command: MenuCommand) => void;
}

export function buildAppMenu(o: MenuOptions): Menu {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const cmd = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions[] =>
    o.onCommand ? [{ label, accelerator, click: () => o.onCommand?.(command) }] : [];

  const settings = cmd(o.isMac ? 'Settings…' : 'Settings', 'settings.open', 'CmdOrCtrl+,');
  const macAppMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' }, sep,
      ...settings, ...(settings.length ? [sep] : []),
      { role: 'services' }, sep,
      { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep,
      { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(o.isMac ? [macAppMenu] : []),
    {
      label: 'File',
      submenu: [...cmd('New Conversation', 'conversation.new', 'CmdOrCtrl+N'), ...(o.isMac || !settings.length ? [] : [...settings, sep]), o.isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, sep,
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
        ...(o.isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' }, sep, { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(o.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  const helpUrl = o.helpUrl;
  if (helpUrl) template.push({ role: 'help', submenu: [{ label: `${o.appName} on the Web`, click: () => o.openExternal(helpUrl) }] }); // eng-disable OPEN_EXTERNAL_JS_CHECK: helpUrl passed safeExternalUrl and o.openExternal is openExternalSafely
  return Menu.buildFromTemplate(template);
}
