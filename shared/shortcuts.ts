// The keyboard shortcuts, declared once: Electron's menu shows them as accelerators,
// the renderer matches key events against them and lists them in its help dialog.
import type { AppCommand } from './contract/app';

export type Platform = 'mac' | 'other';

/** One key combination. `mod` is ⌘ on macOS and Ctrl elsewhere. */
export interface Combo {
  /** KeyboardEvent.key (compared case-insensitively), for keys whose character does not depend on Shift. */
  key?: string;
  /** KeyboardEvent.code, for keys whose character changes with Shift (e.g. Shift+[ types "{"). */
  code?: string;
  mod?: boolean;
  /** Ctrl on every platform (for Ctrl+Tab, which stays Ctrl on macOS too). */
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** When true the combination is matched whatever Shift is (e.g. "?" needs Shift on some layouts only). */
  anyShift?: boolean;
}

export interface Shortcut {
  command: Exclude<AppCommand, 'conversation.open'>;
  label: string;
  /** Combinations per platform; the first is the one the menu shows. */
  combos: Record<Platform, Combo[]>;
  /**
   * Shown instead of combos[0] in a browser tab, where the browser keeps that key for itself
   * (Ctrl+N opens a window, Ctrl+Tab switches tabs). Both still work when the page gets them.
   */
  browserCombo?: Combo;
  /** Works while typing in a text field (a plain "/" must stay typeable). */
  inTextFields: boolean;
  /** Electron's menu owns combos[0]: in Electron the renderer leaves it to the menu, so it never fires twice. */
  menu: boolean;
}

const both = (...c: Combo[]): Record<Platform, Combo[]> => ({ mac: c, other: c });

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'conversation.new', label: 'New conversation', combos: both({ mod: true, key: 'n' }), browserCombo: { mod: true, alt: true, key: 'n' }, inTextFields: true, menu: true },
  { command: 'model.pick', label: 'Choose a model', combos: both({ mod: true, key: 'k' }), inTextFields: true, menu: true },
  { command: 'search.focus', label: 'Search conversations', combos: both({ mod: true, shift: true, key: 'f' }), inTextFields: true, menu: true },
  { command: 'settings.open', label: 'Settings', combos: both({ mod: true, key: ',' }), inTextFields: true, menu: true },
  {
    command: 'conversation.previous',
    label: 'Previous conversation',
    combos: { mac: [{ mod: true, shift: true, code: 'BracketLeft' }, { alt: true, key: 'ArrowUp' }], other: [{ ctrl: true, shift: true, key: 'Tab' }, { alt: true, key: 'ArrowUp' }] },
    browserCombo: { alt: true, key: 'ArrowUp' },
    inTextFields: true,
    menu: true,
  },
  {
    command: 'conversation.next',
    label: 'Next conversation',
    combos: { mac: [{ mod: true, shift: true, code: 'BracketRight' }, { alt: true, key: 'ArrowDown' }], other: [{ ctrl: true, key: 'Tab' }, { alt: true, key: 'ArrowDown' }] },
    browserCombo: { alt: true, key: 'ArrowDown' },
    inTextFields: true,
    menu: true,
  },
  // Esc belongs to text fields and dialogs too, so the menu shows it without taking it.
  { command: 'generation.stop', label: 'Stop generating', combos: both({ key: 'Escape' }), inTextFields: true, menu: false },
  { command: 'composer.focus', label: 'Focus the message box', combos: both({ key: '/' }), inTextFields: false, menu: false },
  { command: 'shortcuts.show', label: 'Keyboard shortcuts', combos: both({ mod: true, key: '/' }, { key: '?', anyShift: true }), inTextFields: false, menu: true },
];

export const shortcutFor = (command: AppCommand): Shortcut | undefined => SHORTCUTS.find((s) => s.command === command);

const CODE_CHARS: Record<string, string> = { BracketLeft: '[', BracketRight: ']' };
const KEY_NAMES: Record<string, { accel: string; mac: string; other: string }> = {
  escape: { accel: 'Esc', mac: 'Esc', other: 'Esc' },
  tab: { accel: 'Tab', mac: '⇥', other: 'Tab' },
  arrowup: { accel: 'Up', mac: '↑', other: '↑' },
  arrowdown: { accel: 'Down', mac: '↓', other: '↓' },
};

function keyOf(c: Combo): string {
  if (c.code) return CODE_CHARS[c.code] ?? c.code;
  return c.key ?? '';
}

/** Electron accelerator syntax, e.g. "CmdOrCtrl+Shift+F". */
export function toAccelerator(c: Combo): string {
  const k = keyOf(c);
  const named = KEY_NAMES[k.toLowerCase()];
  const parts = [c.mod && 'CmdOrCtrl', c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', named ? named.accel : k.length === 1 ? k.toUpperCase() : k];
  return parts.filter(Boolean).join('+');
}

/** The keys as people read them: "⌘⇧F" on macOS, "Ctrl+Shift+F" elsewhere; one string per key, for <kbd>. */
export function comboKeys(c: Combo, platform: Platform): string[] {
  const k = keyOf(c);
  const named = KEY_NAMES[k.toLowerCase()];
  const key = named ? named[platform] : k.length === 1 ? k.toUpperCase() : k;
  if (platform === 'mac') {
    return [c.ctrl && '⌃', c.alt && '⌥', c.shift && '⇧', c.mod && '⌘', key].filter((x): x is string => !!x);
  }
  return [(c.mod || c.ctrl) && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter((x): x is string => !!x);
}

export function formatCombo(c: Combo, platform: Platform): string {
  return comboKeys(c, platform).join(platform === 'mac' ? '' : '+');
}

/** The fields of a KeyboardEvent that matching needs (so Node tests can pass plain objects). */
export interface KeyLike {
  key: string;
  code: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchesCombo(e: KeyLike, c: Combo, platform: Platform): boolean {
  const wantMeta = platform === 'mac' && !!c.mod;
  const wantCtrl = !!c.ctrl || (platform === 'other' && !!c.mod);
  if (e.metaKey !== wantMeta || e.ctrlKey !== wantCtrl || e.altKey !== !!c.alt) return false;
  if (!c.anyShift && e.shiftKey !== !!c.shift) return false;
  if (c.code) return e.code === c.code;
  if (!c.key) return false;
  // With Alt on macOS, e.key is the composed character (⌥N types "˜"); fall back to the physical key.
  if (e.key.toLowerCase() === c.key.toLowerCase()) return true;
  return c.key.length === 1 && /^[a-z]$/i.test(c.key) && e.code === `Key${c.key.toUpperCase()}`;
}

/** The shortcut a key event triggers, if any. */
export function findShortcut(e: KeyLike, platform: Platform): { shortcut: Shortcut; combo: Combo; index: number } | null {
  for (const shortcut of SHORTCUTS) {
    const all = [...shortcut.combos[platform], ...(shortcut.browserCombo ? [shortcut.browserCombo] : [])];
    for (let index = 0; index < all.length; index++) {
      const combo = all[index]!;
      if (matchesCombo(e, combo, platform)) return { shortcut, combo, index };
    }
  }
  return null;
}
