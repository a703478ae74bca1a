// runStream against hostile answers from a real local HTTP server: error pages made of
// HTML, redirects that would carry the key elsewhere, oversized and garbage bodies.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../../shared/domain';
import { adapters } from '../providers/registry';
import { runStream } from './runner';

const KEY = 'sk-faults-test-key-0123456789';
const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function serve(handler: http.RequestListener): Promise<{ url: string; seen: http.IncomingHttpHeaders[] }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`, seen };
}

async function run(url: string) {
  const frames: StreamFrame[] = [];
  const outcome = await runStream({
    url,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, messages: [] }),
    adapter: adapters.openai,
    requestedModel: 'm',
    signal: new AbortController().signal,
    onFrame: (f) => frames.push(f),
    timeouts: { backoffMs: 1, maxAttempts: 2, connectMs: 2000, idleMs: 2000 },
  });
  const error = frames.find((f) => f.type === 'error');
  return { outcome, frames, error: error?.type === 'error' ? error.error : null };
}

const PAGE = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style><script>alert(1)</script></head>
<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>`;

describe('runStream: answers that are not a stream', () => {
  it('summarises an HTML error page by its title (after retrying)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(PAGE);
    });
    const r = await run(s.url);
    expect(r.outcome).toBe('error');
    expect(s.seen).toHaveLength(2);
    expect(r.error).toMatchObject({ status: 502 });
    expect(r.error!.message).toContain('502 Bad Gateway');
    expect(r.error!.message).not.toMatch(/<|alert\(1\)|color:red/);
  });

  it('summarises an HTML page even when it is labelled as plain text', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(PAGE.replace(/502 Bad Gateway/g, 'Access denied'));
    });
    const r = await run(s.url);
    expect(r.error!.message).toContain('Access denied');
    expect(r.error!.message).not.toContain('<');
  });

  it('keeps a plain-text error body as the message', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('model field is required');
    });
    const r = await run(s.url);
    expect(r.error!.message).toContain('model field is required');
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %i redirect: the key never reaches the target', async (status) => {
    const target = await serve((_req, res) => res.end('{}'));
    const s = await serve((_req, res) => {
      res.writeHead(status, { location: target.url });
      res.end();
    });
    const r = await run(s.url);
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ code: 'redirected', status });
    expect(r.error!.message).toContain('Check the base URL');
    expect(target.seen).toEqual([]);
    expect(JSON.stringify(r.frames)).not.toContain(KEY);
  });

  it('does not put the query string of a redirect target (possible tokens) in the message', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: 'https://login.example/sso?session=abc123secret' });
      res.end();
    });
    const r = await run(s.url);
    expect(r.error!.message).toContain('https://login.example/sso');
    expect(r.error!.message).not.toContain('abc123secret');
  });
});
