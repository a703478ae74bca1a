import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_WIDTH, parseWindowState, restoreBounds } from './window-state-policy';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('parseWindowState', () => {
  it('accepts a valid state', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 900, height: 700, maximized: true })).toEqual({
      x: 10, y: 20, width: 900, height: 700, maximized: true,
    });
  });
  it.each([null, 'x', {}, { x: 1, y: 2, width: 0, height: 5 }, { x: 'a', y: 0, width: 1, height: 1 }, { x: NaN, y: 0, width: 9, height: 9 }])(
    'rejects %j',
    (raw) => expect(parseWindowState(raw)).toBeNull(),
  );
});

describe('restoreBounds', () => {
  it('uses the default size, centred, without saved state', () => {
    expect(restoreBounds(null, [primary])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });
  it('keeps a window that is visible', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(saved, [primary, right])).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: false });
  });
  it('keeps a window on a secondary display', () => {
    const saved = { x: 2000, y: 100, width: 800, height: 600, maximized: true };
    expect(restoreBounds(saved, [primary, right]).bounds).toEqual({ x: 2000, y: 100, width: 800, height: 600 });
  });
  it('centres a window whose display is gone', () => {
    const saved = { x: 2000, y: 100, width: 800, height: 600, maximized: true };
    expect(restoreBounds(saved, [primary])).toEqual({ bounds: { width: 800, height: 600 }, maximized: true });
  });
  it('pulls a partly off-screen window inside and shrinks an oversized one', () => {
    const r = restoreBounds({ x: -300, y: 900, width: 3000, height: 400, maximized: false }, [primary]);
    expect(r.bounds).toEqual({ x: 0, y: 640, width: 1920, height: 400 });
  });
  it('grows a too-small window to the minimum', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 50, height: 50, maximized: false }, [primary]).bounds.width).toBe(MIN_WIDTH);
  });
});
