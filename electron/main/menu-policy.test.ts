import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu-policy';

type Item = MenuItemConstructorOptions;
const opts = (over: Partial<MenuOptions> = {}): MenuOptions => ({
  appName: 'Parley', isMac: false, isDev: false, openExternal: vi.fn(), onCommand: vi.fn(), ...over,
});
const submenu = (t: Item[], label: string) => (t.find((m) => (m.label ?? '').replace('&', '') === label || m.role === label)?.submenu ?? []) as Item[];
const byLabel = (t: Item[], label: string): Item | undefined => {
  for (const m of t) {
    if (m.label === label) return m;
    const inner = Array.isArray(m.submenu) ? byLabel(m.submenu as Item[], label) : undefined;
    if (inner) return inner;
  }
  return undefined;
};
const click = (i: Item | undefined) => (i?.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has the standard menus on Windows/Linux, with mnemonics and no app menu', () => {
    const t = buildMenuTemplate(opts());
    expect(t.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Conversation', 'windowMenu', 'help']);
    expect(submenu(t, 'Edit').map((i) => i.role ?? i.type)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'delete', 'separator', 'selectAll']);
    expect(submenu(t, 'View').map((i) => i.role ?? i.type)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(submenu(t, 'File').some((i) => i.role === 'quit')).toBe(true);
    expect(byLabel(t, 'Settings')?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('on macOS puts Settings… in the app menu and uses ⌘⇧[ / ⌘⇧] for conversations', () => {
    const t = buildMenuTemplate(opts({ isMac: true }));
    expect(t[0]!.label).toBe('Parley');
    expect((t[0]!.submenu as Item[]).map((i) => i.role ?? i.label ?? i.type)).toContain('Settings…');
    expect(submenu(t, 'File').map((i) => i.role ?? i.label ?? i.type)).toEqual(['New Conversation', 'Search Conversations…', 'separator', 'close']);
    expect(submenu(t, 'Edit').some((i) => i.role === 'pasteAndMatchStyle')).toBe(true);
    expect(byLabel(t, 'Previous Conversation')?.accelerator).toBe('CmdOrCtrl+Shift+[');
    expect(byLabel(t, 'Next Conversation')?.accelerator).toBe('CmdOrCtrl+Shift+]');
  });

  it.each([
    ['New Conversation', 'conversation.new', 'CmdOrCtrl+N'],
    ['Choose Model…', 'model.pick', 'CmdOrCtrl+K'],
    ['Search Conversations…', 'search.focus', 'CmdOrCtrl+Shift+F'],
    ['Settings', 'settings.open', 'CmdOrCtrl+,'],
    ['Previous Conversation', 'conversation.previous', 'Ctrl+Shift+Tab'],
    ['Next Conversation', 'conversation.next', 'Ctrl+Tab'],
    ['Keyboard Shortcuts', 'shortcuts.show', 'CmdOrCtrl+/'],
  ])('%s sends %s and shows %s', (label, command, accelerator) => {
    const o = opts();
    const i = byLabel(buildMenuTemplate(o), label);
    expect(i?.accelerator).toBe(accelerator);
    expect(i?.registerAccelerator).toBeUndefined();
    click(i);
    expect(o.onCommand).toHaveBeenCalledWith(command);
  });

  it('shows Esc for Stop Generating without taking Esc from text fields (and omits it on macOS)', () => {
    const other = byLabel(buildMenuTemplate(opts()), 'Stop Generating');
    expect(other).toMatchObject({ accelerator: 'Esc', registerAccelerator: false });
    const mac = byLabel(buildMenuTemplate(opts({ isMac: true })), 'Stop Generating');
    expect(mac?.accelerator).toBeUndefined();
    const o = opts();
    click(byLabel(buildMenuTemplate(o), 'Stop Generating'));
    expect(o.onCommand).toHaveBeenCalledWith('generation.stop');
  });

  it('never repeats an accelerator', () => {
    for (const isMac of [true, false]) {
      const seen: string[] = [];
      const walk = (items: Item[]) => items.forEach((i) => {
        if (typeof i.accelerator === 'string') seen.push(i.accelerator);
        if (Array.isArray(i.submenu)) walk(i.submenu as Item[]);
      });
      walk(buildMenuTemplate(opts({ isMac })));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('has developer items only in development, and a web link only when there is a homepage', () => {
    expect(submenu(buildMenuTemplate(opts({ isDev: true })), 'View').some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(submenu(buildMenuTemplate(opts()), 'help').map((i) => i.label)).toEqual(['Keyboard Shortcuts']);
    const o = opts({ helpUrl: 'https://example.com/parley' });
    const link = byLabel(buildMenuTemplate(o), 'Parley on the Web');
    click(link);
    expect(o.openExternal).toHaveBeenCalledWith('https://example.com/parley');
  });
});
