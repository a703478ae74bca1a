// Which URLs are "our app". Kept free of 'electron' so it is unit-tested in Node.
export const APP_SCHEME = 'app';
export const APP_HOST = 'parley';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is served by our app:// protocol. Compares protocol and host
 * rather than `URL.origin`, because WHATWG URL reports "null" as the origin of
 * any non-special scheme (Node does not know Electron registered app:// as standard).
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.port === '' && !parsed.username && !parsed.password;
}

/**
 * Downloads the app makes itself (exports and CSV: a Blob created by our page, saved through
 * the system's save dialog) are allowed; any other download is refused.
 */
export function isAppDownload(url: string | null | undefined): boolean {
  return !!url && url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/** The minimal shape of an IPC sender frame that the check needs. */
export interface FrameLike {
  readonly url: string;
}

/**
 * An IPC call is trusted only from the main window's top-level frame (not an
 * iframe, not another window) while it shows our own app origin.
 */
export function isTrustedSender(senderFrame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!senderFrame || !mainFrame) return false;
  return senderFrame === mainFrame && isAppUrl(senderFrame.url);
}

// Everything else (camera, notifications, geolocation, HID, …) is denied. Writing
// sanitized text to the clipboard is what "Copy" buttons need, and only our page gets it.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
