// Browser mode: the same router as Electron IPC, bound to a loopback WebSocket, plus
// the built renderer as static files. Loopback only, a random token, Origin and Host checked.
import fs from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/app';
import { allowedHosts, allowedOrigins, contentSecurityPolicy, readCookie, sameToken, TOKEN_COOKIE } from './access-policy';
import { contentType, resolveStatic } from './static-files';
import { handleSocketMessage } from './socket-protocol';

export interface WebServerOptions {
  core: Core;
  staticDir: string;
  port: number;
  token?: string;
  log?: (m: string) => void;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Room for the largest attachment (a 32 MB PDF is ~43 MiB as base64) plus the JSON around it.
export const MAX_MESSAGE_BYTES = 48 * 1024 * 1024;

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = opts.port;
  const server = http.createServer((req, res) => serve(req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  const refuse = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(text);
  };

  /** Shared by HTTP and the WebSocket upgrade: null when allowed, else why not. */
  const check = (req: http.IncomingMessage, url: URL): { status: number; text: string } | null => {
    if (!allowedHosts(port).has(req.headers.host ?? '')) return { status: 403, text: 'Forbidden host.' };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins(port).has(origin)) return { status: 403, text: 'Forbidden origin.' };
    const presented = url.searchParams.get('token') ?? readCookie(req.headers.cookie, TOKEN_COOKIE);
    if (!sameToken(presented, token)) return { status: 401, text: 'Missing or wrong token. Open the URL printed by `npm run web`.' };
    return null;
  };

  /** A malformed request gets a 400; it must never take the process (and its streams) down. */
  function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    try {
      serveChecked(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else refuse(res, 400, 'Bad request.');
    }
  }

  function serveChecked(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const denied = check(req, url);
    if (denied) return refuse(res, denied.status, denied.text);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const file = resolveStatic(opts.staticDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    const headers: http.OutgoingHttpHeaders = {
      'content-type': contentType(file),
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable',
    };
    if (url.searchParams.has('token')) {
      // Later requests (scripts, styles) carry the token as a same-site cookie.
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  server.on('upgrade', (req, socket, head) => {
    try {
      upgrade(req, socket, head);
    } catch {
      socket.destroy();
    }
  });

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const denied = url.pathname === '/api' ? check(req, url) : { status: 404, text: 'Not found.' };
    // A WebSocket from a page must carry an Origin; a missing one is refused here.
    const bad = denied ?? (req.headers.origin === undefined ? { status: 403, text: 'Missing origin.' } : null);
    if (bad) {
      socket.end(`HTTP/1.1 ${bad.status} ${http.STATUS_CODES[bad.status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${bad.text}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => void handleSocketMessage(ws, data, isBinary, opts.core.router, opts.log));
    });
  }

  const unsubscribe = opts.core.events.subscribe((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      // Browsers hold keep-alive connections open; close them so shutdown is not held up by them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
