// Serves the built renderer from app://parley/ with security headers on every response.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './origin-policy';
import { SECURITY_HEADERS, contentTypeFor, resolveAppRequest } from './protocol-policy';

/** Must run before app 'ready'. `standard` + `secure` give the page a real origin and a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function errorResponse(status: number): Response {
  return new Response(`${status}`, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Call after 'ready'. `root` is the dist/renderer folder. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolved = resolveAppRequest(request.url, root);
    if (!resolved.ok) return errorResponse(resolved.status);
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(resolved.filePath), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return errorResponse(404);
    }
  });
}
