// Who may talk to the browser-mode server: requests to our own loopback host name
// (blocks DNS rebinding), from our own origin, carrying the session token.
import { timingSafeEqual } from 'node:crypto';
import { buildCsp } from '../main/protocol-policy';

export const TOKEN_COOKIE = 'parley_token';

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // malformed escapes: no token (any local page can set such a cookie)
    }
  }
  return null;
}

/** The Electron renderer's policy; only connect-src differs, to allow our loopback WebSocket. */
export function contentSecurityPolicy(port: number): string {
  return buildCsp({ 'connect-src': `'self' ws://127.0.0.1:${port} ws://localhost:${port}` });
}
