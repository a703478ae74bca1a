import { describe, expect, it } from 'vitest';
import { findShortcut, formatCombo, SHORTCUTS, shortcutFor, type KeyLike } from './shortcuts';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({ code: '', metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...k });
const cmd = (e: KeyLike, p: 'mac' | 'other') => findShortcut(e, p)?.shortcut.command ?? null;

describe('findShortcut', () => {
  it('maps mod to ⌘ on macOS and Ctrl elsewhere', () => {
    expect(cmd(key({ key: 'n', code: 'KeyN', metaKey: true }), 'mac')).toBe('conversation.new');
    expect(cmd(key({ key: 'n', code: 'KeyN', ctrlKey: true }), 'mac')).toBeNull();
    expect(cmd(key({ key: 'n', code: 'KeyN', ctrlKey: true }), 'other')).toBe('conversation.new');
    expect(cmd(key({ key: 'n', code: 'KeyN', metaKey: true }), 'other')).toBeNull();
  });
  it('requires the exact modifiers', () => {
    expect(cmd(key({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }), 'other')).toBe('search.focus');
    expect(cmd(key({ key: 'f', code: 'KeyF', ctrlKey: true }), 'other')).toBeNull();
    expect(cmd(key({ key: 'k', ctrlKey: true, altKey: true }), 'other')).toBeNull();
    expect(cmd(key({ key: ',', ctrlKey: true }), 'other')).toBe('settings.open');
  });
  it('matches the browser alternative, also when ⌥ composes another character on macOS', () => {
    expect(cmd(key({ key: 'n', code: 'KeyN', ctrlKey: true, altKey: true }), 'other')).toBe('conversation.new');
    expect(cmd(key({ key: '˜', code: 'KeyN', metaKey: true, altKey: true }), 'mac')).toBe('conversation.new');
  });
  it('matches brackets by physical key, since Shift+[ types "{"', () => {
    expect(cmd(key({ key: '{', code: 'BracketLeft', metaKey: true, shiftKey: true }), 'mac')).toBe('conversation.previous');
    expect(cmd(key({ key: '}', code: 'BracketRight', metaKey: true, shiftKey: true }), 'mac')).toBe('conversation.next');
    expect(cmd(key({ key: 'Tab', ctrlKey: true }), 'other')).toBe('conversation.next');
    expect(cmd(key({ key: 'Tab', ctrlKey: true, shiftKey: true }), 'other')).toBe('conversation.previous');
    expect(cmd(key({ key: 'ArrowUp', altKey: true }), 'other')).toBe('conversation.previous');
    expect(cmd(key({ key: 'ArrowDown', altKey: true }), 'mac')).toBe('conversation.next');
  });
  it('plain keys: Esc, / and ? (with or without Shift)', () => {
    expect(cmd(key({ key: 'Escape' }), 'mac')).toBe('generation.stop');
    expect(cmd(key({ key: '/' }), 'other')).toBe('composer.focus');
    expect(cmd(key({ key: '?', shiftKey: true }), 'other')).toBe('shortcuts.show');
    expect(cmd(key({ key: '?' }), 'mac')).toBe('shortcuts.show');
    expect(cmd(key({ key: '/', ctrlKey: true }), 'other')).toBe('shortcuts.show');
    expect(cmd(key({ key: 'a' }), 'other')).toBeNull();
  });
});

describe('formatCombo', () => {
  it('uses symbols on macOS and words elsewhere', () => {
    const search = shortcutFor('search.focus')!.combos.mac[0]!;
    expect(formatCombo(search, 'mac')).toBe('⇧⌘F');
    expect(formatCombo(search, 'other')).toBe('Ctrl+Shift+F');
    expect(formatCombo(shortcutFor('conversation.previous')!.combos.mac[0]!, 'mac')).toBe('⇧⌘[');
    expect(formatCombo(shortcutFor('conversation.new')!.browserCombo!, 'other')).toBe('Ctrl+Alt+N');
    expect(formatCombo(shortcutFor('generation.stop')!.combos.other[0]!, 'other')).toBe('Esc');
  });
  it('every command has a label and at least one combination on each platform', () => {
    for (const s of SHORTCUTS) {
      expect(s.label).not.toBe('');
      expect(s.combos.mac.length).toBeGreaterThan(0);
      expect(s.combos.other.length).toBeGreaterThan(0);
    }
  });
});
