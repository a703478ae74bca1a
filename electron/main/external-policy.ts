// What may be handed to the OS (shell.openExternal). A URL opened there runs with the
// user's full rights, so only plain web links pass: no file:, smb:, custom handlers.
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
const MAX_URL_LENGTH = 8192;

/** The normalised URL to open, or null when it must not be opened. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (!url.hostname) return null;
  // user:pass@host links are a classic phishing disguise ("https://bank.com@evil.example").
  if (url.username || url.password) return null;
  return url.href;
}
