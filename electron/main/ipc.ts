// Binds the core router to IPC, and core events to the window. The sender check is the
// only thing standing between a compromised frame and the API, so it fails closed.
import { ipcMain, type BrowserWindow } from 'electron';
import type { ApiResult, EventPayload } from '../../shared/api';
import type { Core } from '../core/app';
import { isAppUrl, isTrustedSender } from './origin-policy';

export const CALL_CHANNEL = 'api:call';
export const EVENT_CHANNEL = 'api:event';

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This frame may not call the Parley API.' },
};

/** `getWindow` is read on every message because macOS can close and reopen the window. */
export function bindIpc(core: Pick<Core, 'router' | 'events'>, getWindow: () => BrowserWindow | null, log: (msg: string) => void): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, payload: unknown): Promise<ApiResult<unknown>> => {
    const win = getWindow();
    const mainFrame = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
    if (!isTrustedSender(event.senderFrame, mainFrame)) {
      log(`ipc: rejected ${String(name).slice(0, 80)} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return forbidden;
    }
    try {
      return await core.router(name, payload);
    } catch (err) {
      // The router never throws; this is belt and braces so a bug cannot reject the renderer's promise.
      log(`ipc: router threw: ${String(err)}`);
      return { ok: false, error: { code: 'internal', message: 'Internal error.' } };
    }
  });

  const unsubscribe = core.events.subscribe((name, payload) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    // Only our own page gets pushes (never a page it was somehow navigated to).
    if (!isAppUrl(win.webContents.getURL())) return;
    win.webContents.send(EVENT_CHANNEL, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}

/**
 * Menu items and notification clicks → the renderer, as the contract's 'app.command' event
 * (the preload forwards it like any core event). Dropped unless the window shows our own page.
 */
export function sendAppCommand(win: BrowserWindow | null, payload: EventPayload<'app.command'>): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  if (!isAppUrl(win.webContents.getURL())) return false;
  win.webContents.send(EVENT_CHANNEL, 'app.command', payload);
  return true;
}
