// Browser mode under attack: a real server (startWebServer) on a real core, probed with
// raw HTTP and WebSocket clients the way a hostile page, a DNS-rebinding site or another
// local process would. Every probe must be refused.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createCore, type Core } from '../core/app';
import { buildCsp, CONTENT_SECURITY_POLICY } from '../main/protocol-policy';
import { startWebServer, type WebServer } from './server';

const SECRET = `TOP-SECRET-${randomUUID()}`;
let tmp: string;
let core: Core;
let server: WebServer;
let port: number;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'parley-web-'));
  const root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Parley</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // Targets a traversal would reach: files next to the served folder, and a symlink out of it.
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ secret: SECRET }));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  fs.symlinkSync(tmp, path.join(root, 'up'));
  core = await createCore({ dataDir: path.join(tmp, 'data'), keychainService: `parley-test-${randomUUID()}`, mode: 'web', appVersion: 'test' });
  server = await startWebServer({ core, staticDir: root, port: 0 });
  port = server.port;
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation). */
function request(rawPath: string, opts: { method?: string; headers?: Record<string, string>; token?: string | null; host?: string } = {}): Promise<Reply> {
  const token = opts.token === undefined ? server.token : opts.token;
  const sep = rawPath.includes('?') ? '&' : '?';
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: token === null ? rawPath : `${rawPath}${sep}token=${token}`,
        headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Tries to open the API socket; resolves 'open' or the HTTP status of the refusal. */
function openSocket(opts: { token?: string | null; origin?: string | null; host?: string; pathname?: string; cookie?: string } = {}): Promise<'open' | number> {
  const token = opts.token === undefined ? server.token : opts.token;
  const url = `ws://127.0.0.1:${port}${opts.pathname ?? '/api'}${token === null ? '' : `?token=${token}`}`;
  const origin = opts.origin === undefined ? `http://127.0.0.1:${port}` : opts.origin;
  const ws = new WebSocket(url, { ...(origin === null ? {} : { origin }), headers: { ...(opts.host ? { host: opts.host } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}) } });
  return new Promise((resolve, reject) => {
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode!);
      res.resume();
      ws.terminate();
    });
    ws.on('error', (err) => reject(err));
  });
}

function connects(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('browser mode: who may connect', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(await connects('127.0.0.1')).toBe(true);
    // Another loopback address, IPv6 loopback and every external interface are not bound.
    expect(await connects('127.0.0.2')).toBe(false);
    expect(await connects('::1')).toBe(false);
    const external = Object.values((await import('node:os')).networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const addr of external) expect(await connects(addr)).toBe(false);
  });

  it('serves the app with the token, sets the cookie, and sends the security headers', async () => {
    const r = await request('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Parley</title>');
    expect(r.headers['content-security-policy']).toBe(buildCsp({ 'connect-src': `'self' ws://127.0.0.1:${port} ws://localhost:${port}` }));
    // Same policy as the Electron renderer, apart from the WebSocket it needs.
    expect(String(r.headers['content-security-policy']).replace(/connect-src [^;]+/, '')).toBe(CONTENT_SECURITY_POLICY.replace(/connect-src [^;]+/, ''));
    expect(r.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    const cookie = r.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const viaCookie = await request('/assets/app.js', { token: null, headers: { cookie: cookie.split(';')[0]! } });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body).toBe('console.log(1)');
  });

  it.each([
    ['no token', null],
    ['a wrong token of the same length', 'f'.repeat(48)],
    ['a prefix of the token', 'TRUNC'],
    ['an empty token', ''],
  ])('refuses HTTP with %s', async (_what, token) => {
    const t = token === 'TRUNC' ? server.token.slice(0, 10) : token;
    for (const p of ['/', '/index.html', '/assets/app.js']) {
      const r = await request(p, { token: t });
      expect(r.status).toBe(401);
      expect(r.body).not.toContain('<title>');
    }
    expect((await request('/', { token: null, headers: { cookie: `parley_token=${'0'.repeat(48)}` } })).status).toBe(401);
  });

  it('a malformed cookie or request line is refused, and the server (with its streams) stays up', async () => {
    // Any local page can set a cookie for 127.0.0.1 (cookies ignore ports): a bad escape in it
    // used to throw out of the request handler and end the process.
    const bad = 'parley_token=%E0%A4%A';
    expect((await request('/', { token: null, headers: { cookie: bad } })).status).toBe(401);
    expect(await openSocket({ token: null, cookie: bad })).toBe(401);
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => s.end(`GET http://[oops/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
      let out = '';
      s.setEncoding('utf8');
      s.on('data', (c) => (out += c));
      s.on('end', () => resolve(out));
      s.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect((await request('/')).status).toBe(200);
    expect(await openSocket()).toBe('open');
  });

  it.each(['http://evil.example', 'null', `http://127.0.0.1:${Number(process.env.VITEST_POOL_ID ?? 0) + 1}`, 'https://127.0.0.1', 'http://127.0.0.1.evil.example'])(
    'refuses HTTP from the foreign Origin %s, even with the token',
    async (origin) => {
      const r = await request('/', { headers: { origin } });
      expect(r.status).toBe(403);
    },
  );

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT', '[::1]:PORT'])('refuses the Host header %j (DNS rebinding)', async (host) => {
    const r = await request('/', { host: host.replace('PORT', String(port)) });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('<title>');
  });

  it.each(['HTTP/1.0', 'HTTP/1.1'])('refuses an %s request without a Host header', async (version) => {
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => s.end(`GET /?token=${server.token} ${version}\r\nConnection: close\r\n\r\n`));
      let out = '';
      s.setEncoding('utf8');
      s.on('data', (c) => (out += c));
      s.on('end', () => resolve(out));
      s.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 4\d\d /);
    expect(raw).not.toContain('<title>');
  });

  it('allows localhost:PORT as the host and origin (what a browser sends for http://localhost)', async () => {
    const r = await request('/', { host: `localhost:${port}`, headers: { origin: `http://localhost:${port}` } });
    expect(r.status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s', async (method) => {
    expect((await request('/', { method })).status).toBe(405);
    expect((await request('/assets/app.js', { method })).status).toBe(405);
  });
});

describe('browser mode: what may be read', () => {
  it.each(['/assets/', '/assets', '/assets/sub/', '/up/', '/up'])('lists no directory: %s', async (p) => {
    const r = await request(p);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('app.js');
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%2f..%2fsecret.txt',
    '/%2e%2e%5cpackage.json',
    '/..%5c..%5csecret.txt',
    '/assets%5c..%5c..%5cpackage.json',
    '/%252e%252e%252fpackage.json',
    '/index.html%00.js',
    '/%00',
    '/%c0%ae%c0%ae/package.json',
    '/%E0%A4%A',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/assets/leak.txt',
    '/up/secret.txt',
    '/up/package.json',
  ])('does not leave the renderer folder: %s', async (p) => {
    const r = await request(p);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('root:');
  });
});

describe('browser mode: the API socket', () => {
  it('opens with the token from our own origin', async () => {
    expect(await openSocket()).toBe('open');
    expect(await openSocket({ origin: `http://localhost:${port}`, host: `localhost:${port}` })).toBe('open');
  });

  it.each([
    ['no token', { token: null }, 401],
    ['a wrong token', { token: 'a'.repeat(48) }, 401],
    ['a foreign origin', { origin: 'http://evil.example' }, 403],
    ['the "null" origin (sandboxed iframe, file://)', { origin: 'null' }, 403],
    ['no origin (another local program)', { origin: null }, 403],
    ['a foreign host (DNS rebinding)', { host: `evil.example:${port}` }, 403],
    ['a path other than /api', { pathname: '/' }, 404],
  ] as const)('refuses %s', async (_what, opts, status) => {
    expect(await openSocket(opts)).toBe(status);
  });
});
