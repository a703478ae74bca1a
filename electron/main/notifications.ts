// System notifications and the dock/taskbar badge for long replies that finish while the
// window is in the background. The decision is notifications-policy.ts (unit-tested); this
// file only calls Electron. Not testable here (no Electron binary, no notification daemon):
// that the OS shows the notification, that a click focuses the window, and the badge/flash.
import { app, Notification, type BrowserWindow } from 'electron';
import type { Core } from '../core/app';
import { sendAppCommand } from './ipc';
import { nextBadgeCount, replyNotice } from './notifications-policy';

export function watchReplies(core: Pick<Core, 'router' | 'events'>, getWindow: () => BrowserWindow | null, log: (msg: string) => void): () => void {
  let badge = 0;
  // Held until clicked or closed: a collected Notification loses its click handler (Windows).
  const live = new Set<Notification>();
  const setBadge = (n: number) => {
    badge = n;
    // macOS dock and Linux Unity launchers; a no-op where the platform has no badge.
    app.setBadgeCount(n);
  };

  const onFocus = () => {
    setBadge(nextBadgeCount(badge, 'focused'));
    getWindow()?.flashFrame(false);
  };
  app.on('browser-window-focus', onFocus);

  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name !== 'chat.done') return;
    const message = (payload as { message: Parameters<typeof replyNotice>[0]['message'] }).message;
    const now = Date.now();
    void core.router('settings.get', {}).then((settings) => {
      const win = getWindow();
      const notice = replyNotice({
        message,
        enabled: settings.ok && (settings.value as { notifications: boolean }).notifications,
        windowFocused: !!win && !win.isDestroyed() && win.isFocused(),
        now,
      });
      if (!notice) return;
      setBadge(nextBadgeCount(badge, 'notified'));
      win?.flashFrame(true); // Windows taskbar / Linux urgency hint; stops on focus.
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: notice.title, body: notice.body });
      live.add(n);
      n.on('close', () => live.delete(n));
      n.on('click', () => {
        live.delete(n);
        const w = getWindow();
        if (!w || w.isDestroyed()) return;
        if (w.isMinimized()) w.restore();
        w.show();
        w.focus();
        sendAppCommand(w, { command: 'conversation.open', conversationId: notice.conversationId });
      });
      n.show();
    }).catch((err: unknown) => log(`notifications: ${String(err)}`));
  });

  return () => {
    unsubscribe();
    app.off('browser-window-focus', onFocus);
  };
}
