// notifications.ts against a stub 'electron': the policy is wired to chat.done, the setting,
// window focus, the badge and the click (which focuses the window and opens the conversation).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  shown: [] as { title: string; body: string; emit: (e: string) => void }[],
  badge: [] as number[],
  app: null as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const app = Object.assign(new EE(), { setBadgeCount: (n: number) => void h.badge.push(n) });
  h.app = app;
  class Notification extends EE {
    constructor(private o: { title: string; body: string }) { super(); }
    static isSupported() { return true; }
    show() { h.shown.push({ ...this.o, emit: (e: string) => this.emit(e) }); }
  }
  return { app, Notification };
});

const { watchReplies } = await import('./notifications');

const T0 = 1_700_000_000_000;
const reply = { role: 'assistant', status: 'complete', content: 'done', conversationId: 'c9', modelServed: 'm', modelRequested: 'm', createdAt: T0, timings: { startedAt: T0, firstTokenAt: null, reasoningStartedAt: null, contentStartedAt: null, finishedAt: T0 + 20_000 } };

function setup(notifications = true) {
  let emit: (name: string, payload: unknown) => void = () => {};
  const events = { subscribe: (l: typeof emit) => ((emit = l), () => {}) };
  const router = vi.fn(async () => ({ ok: true as const, value: { notifications } }));
  const sent: unknown[][] = [];
  const win = {
    focused: false, flashes: [] as boolean[], shown: 0,
    isDestroyed: () => false, isFocused() { return this.focused; }, isMinimized: () => false,
    flashFrame(b: boolean) { this.flashes.push(b); }, show() { this.shown++; }, focus() {}, restore() {},
    webContents: { isDestroyed: () => false, getURL: () => 'app://parley/index.html', send: (...a: unknown[]) => sent.push(a) },
  };
  const dispose = watchReplies({ router, events } as never, () => win as never, () => {});
  return { emit: (p: unknown) => emit('chat.done', p), win, sent, dispose };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('watchReplies', () => {
  beforeEach(() => {
    h.shown.length = 0;
    h.badge.length = 0;
  });

  it('notifies a long reply in the background, badges, and a click opens its conversation', async () => {
    const { emit, win, sent, dispose } = setup();
    emit({ message: reply });
    await settle();
    expect(h.shown.map((n) => n.title)).toEqual(['Reply ready']);
    expect(h.badge).toEqual([1]);
    expect(win.flashes).toEqual([true]);
    h.shown[0]!.emit('click');
    expect(win.shown).toBe(1);
    expect(sent).toEqual([['api:event', 'app.command', { command: 'conversation.open', conversationId: 'c9' }]]);
    h.app.emit('browser-window-focus');
    expect(h.badge).toEqual([1, 0]);
    expect(win.flashes).toEqual([true, false]);
    dispose();
    expect(h.app.listenerCount('browser-window-focus')).toBe(0);
  });

  it('stays quiet when the window has focus or the setting is off', async () => {
    const a = setup();
    a.win.focused = true;
    a.emit({ message: reply });
    const b = setup(false);
    b.emit({ message: reply });
    await settle();
    expect(h.shown).toEqual([]);
    expect(h.badge).toEqual([]);
    a.dispose();
    b.dispose();
  });
});
