// How app://parley/<path> maps to files under the renderer folder, and the headers
// sent with them. Pure (no 'electron') so traversal protection is unit-tested.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin-policy';

/** The renderer's policy, directive by directive. Browser mode reuses it (electron/web/access-policy.ts). */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // React and KaTeX set style attributes; no inline <style> or script is served.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** The policy as a header value; `overrides` replaces whole directives, the rest stay as above. */
export function buildCsp(overrides: Readonly<Record<string, string>> = {}): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...overrides })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildCsp();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedRequest = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/** Maps a request URL to an absolute file path strictly inside `root`. */
export function resolveAppRequest(requestUrl: string, root: string): ResolvedRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return { ok: false, status: 404 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // NUL truncates paths in native code; a backslash is a separator on Windows and
  // would dodge the "/"-based URL normalisation that already collapsed "..".
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';

  const absRoot = path.resolve(root);
  const filePath = path.resolve(absRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(absRoot, filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}
