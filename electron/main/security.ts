// Session- and webContents-level guards. Applied to every webContents the app ever
// creates (via 'web-contents-created'), so nothing is left unguarded by accident.
import { app, shell, type Session, type WebContents } from 'electron';
import { safeExternalUrl } from './external-policy';
import { isAppDownload, isAppUrl, isPermissionAllowed } from './origin-policy';

/** Opens a web link in the system browser after validation; anything else is dropped. */
export function openExternalSafely(raw: unknown, log: (msg: string) => void = console.warn): void {
  const url = safeExternalUrl(raw);
  if (!url) {
    log(`security: refused to open external URL ${String(raw).slice(0, 200)}`);
    return;
  }
  // Reviewed: `url` passed safeExternalUrl just above (http/https only, no credentials).
  shell.openExternal(url).catch((err: unknown) => log(`security: openExternal failed: ${String(err)}`)); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Never let a page talk the user into downloading and running something. Our own exports
  // (Blobs from our page) go through: with no save path set, Electron asks where to save.
  ses.on('will-download', (event, item) => {
    if (!isAppDownload(item.getURL())) event.preventDefault();
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  // In-app navigation stays on our origin; a clicked web link goes to the browser instead.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/** Call once before 'ready': enforces the sandbox everywhere and guards all future contents. */
export function installGlobalGuards(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
