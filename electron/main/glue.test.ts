// The thin Electron files, run against a stub 'electron': checks that the policies are
// actually wired to the IPC handler, navigation events, window-open and permissions.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (ch: string, fn: (...args: unknown[]) => unknown) => h.ipc.set(ch, fn),
    removeHandler: (ch: string) => h.ipc.delete(ch),
  },
  shell: { openExternal: async (url: string) => void h.opened.push(url) },
  app: { enableSandbox: () => {}, on: () => {} },
}));

const { bindIpc, sendAppCommand } = await import('./ipc');
const { hardenSession, hardenWebContents } = await import('./security');
type Win = Parameters<typeof bindIpc>[1] extends () => infer W ? W : never;

function fakeWindow(url: string) {
  const mainFrame = { url };
  const sent: unknown[][] = [];
  const win = {
    isDestroyed: () => false,
    webContents: { mainFrame, isDestroyed: () => false, getURL: () => mainFrame.url, send: (...a: unknown[]) => sent.push(a) },
  };
  return { win: win as unknown as Win, mainFrame, sent };
}

describe('bindIpc', () => {
  beforeEach(() => h.ipc.clear());

  it('routes calls only from the main frame on our origin, and forwards events', async () => {
    const router = vi.fn(async (name: unknown) => ({ ok: true as const, value: name }));
    let emit: (name: string, payload: unknown) => void = () => {};
    const events = { subscribe: (l: typeof emit) => ((emit = l), () => {}) };
    const { win, mainFrame, sent } = fakeWindow('app://parley/index.html');
    const dispose = bindIpc({ router, events } as never, () => win, () => {});
    const call = h.ipc.get('api:call')!;

    expect(await call({ senderFrame: mainFrame }, 'app.info', {})).toEqual({ ok: true, value: 'app.info' });
    expect(await call({ senderFrame: { url: 'app://parley/index.html' } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false });
    expect(router).toHaveBeenCalledTimes(1);

    emit('catalog.updated', { sources: [] });
    mainFrame.url = 'https://evil.example/';
    expect(await call({ senderFrame: mainFrame }, 'app.info', {})).toMatchObject({ ok: false });
    emit('catalog.updated', { sources: [1] });
    expect(sent).toEqual([['api:event', 'catalog.updated', { sources: [] }]]);

    dispose();
    expect(h.ipc.has('api:call')).toBe(false);
  });

  it('turns a throwing router into an error result', async () => {
    const { win, mainFrame } = fakeWindow('app://parley/index.html');
    bindIpc({ router: async () => { throw new Error('boom'); }, events: { subscribe: () => () => {} } } as never, () => win, () => {});
    expect(await h.ipc.get('api:call')!({ senderFrame: mainFrame }, 'x', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('sendAppCommand', () => {
  it('sends menu commands only to our own page', () => {
    const { win, mainFrame, sent } = fakeWindow('app://parley/index.html');
    expect(sendAppCommand(win, { command: 'conversation.new' })).toBe(true);
    mainFrame.url = 'https://evil.example/';
    expect(sendAppCommand(win, { command: 'settings.open' })).toBe(false);
    expect(sendAppCommand(null, { command: 'settings.open' })).toBe(false);
    expect(sent).toEqual([['api:event', 'app.command', { command: 'conversation.new' }]]);
  });
});

describe('hardenWebContents / hardenSession', () => {
  const ev = (url?: string) => ({ url, prevented: false, preventDefault() { this.prevented = true; } });

  it('blocks navigation away from the app and opens only web links externally', async () => {
    h.opened.length = 0;
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((d: { url: string }) => unknown),
      setWindowOpenHandler(fn: (d: { url: string }) => unknown) { this.openHandler = fn; },
    });
    hardenWebContents(contents as never);
    const cases = ['app://parley/index.html#x', 'https://example.com/', 'file:///etc/passwd'].map((u) => {
      const e = ev(u);
      contents.emit('will-navigate', e);
      return e.prevented;
    });
    expect(cases).toEqual([false, true, true]);
    const w = ev();
    contents.emit('will-attach-webview', w);
    expect(w.prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(h.opened).toEqual(['https://example.com/', 'https://example.org/']);
  });

  it('denies permissions except clipboard writes from the app', () => {
    const ses = Object.assign(new EventEmitter(), {
      req: undefined as undefined | ((...a: unknown[]) => void),
      check: undefined as undefined | ((...a: unknown[]) => boolean),
      setPermissionRequestHandler(fn: (...a: unknown[]) => void) { this.req = fn; },
      setPermissionCheckHandler(fn: (...a: unknown[]) => boolean) { this.check = fn; },
      setDevicePermissionHandler() {},
    });
    hardenSession(ses as never);
    const granted: boolean[] = [];
    ses.req?.(null, 'media', (g: boolean) => granted.push(g), { requestingUrl: 'app://parley/index.html' });
    ses.req?.(null, 'clipboard-sanitized-write', (g: boolean) => granted.push(g), { requestingUrl: 'app://parley/index.html' });
    ses.req?.(null, 'clipboard-sanitized-write', (g: boolean) => granted.push(g), { requestingUrl: 'https://evil.example/' });
    expect(granted).toEqual([false, true, false]);
    expect(ses.check?.(null, 'notifications', 'app://parley')).toBe(false);
    const dl = ev();
    ses.emit('will-download', dl, { getURL: () => 'https://evil.example/setup.exe' });
    expect(dl.prevented).toBe(true);
    // The app's own export (a Blob from our page) goes on to the save dialog.
    const own = ev();
    ses.emit('will-download', own, { getURL: () => 'blob:app://parley/4f1c0a2e-1111-4222-8333-944445555666' });
    expect(own.prevented).toBe(false);
  });
});
