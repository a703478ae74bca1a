// The emulator's HTTP server: one port, every provider mounted under its own prefix,
// plus /__emulator/* control endpoints for test processes that do not share memory.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ChatDeps } from './chat';
import { sendJson, isObj } from './http-util';
import { findMount, routeProvider } from './routes';
import { StepQueues } from './scenarios';
import { PROVIDERS, type CompletionRecord, type EmuProvider, type Emulator, type EmulatorInfo, type EmulatorOptions, type RecordedRequest, type Step, type TeeTamper } from './types';
import { completionSummary, TeeEmulator } from './tee';

const KEY_PREFIX: Record<EmuProvider, string> = { near: 'sk-near-test-', nanogpt: 'nano-test-', llmbase: 'llmbase_test_', openai: 'sk-openai-test-' };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-expose-headers': '*' };

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const keys = Object.fromEntries(PROVIDERS.map((p) => [p, opts.keys?.[p] ?? `${KEY_PREFIX[p]}${randomBytes(8).toString('hex')}`])) as Record<EmuProvider, string>;
  const queues = new StepQueues();
  const requests: RecordedRequest[] = [];
  const completions = new Map<string, CompletionRecord>();
  const tee = new TeeEmulator(completions);
  const deps: ChatDeps & { tee: TeeEmulator } = { queues, keys, tokensPerSecond: opts.tokensPerSecond ?? 0, timestamps: opts.timestamps ?? false, completions, tee };
  const sockets = new Set<Socket>();

  const reset = () => {
    queues.reset();
    requests.length = 0;
    completions.clear();
    tee.reset();
  };
  const script = (provider: EmuProvider, steps: Step[]) => queues.script(provider, steps);

  async function control(path: string, req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    let body: unknown = null;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (req.method === 'GET' && path === '/__emulator/info') return sendJson(res, 200, emulator.info());
    if (req.method === 'GET' && path === '/__emulator/requests') return sendJson(res, 200, requests);
    if (req.method === 'POST' && path === '/__emulator/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/__emulator/script') {
      if (!isObj(body) || typeof body.provider !== 'string' || !Array.isArray(body.steps)) return sendJson(res, 400, { error: 'expected {provider, steps[]}' });
      try {
        script(body.provider as EmuProvider, body.steps as Step[]);
      } catch (err) {
        return sendJson(res, 400, { error: (err as Error).message });
      }
      return sendJson(res, 200, { ok: true, pending: queues.pending(body.provider as EmuProvider) });
    }
    if (req.method === 'GET' && path === '/__emulator/tee') return sendJson(res, 200, { addresses: tee.addresses(), tamper: tee.tamper });
    if (req.method === 'POST' && path === '/__emulator/tee') {
      if (!isObj(body) || !isObj(body.tamper)) return sendJson(res, 400, { error: 'expected {tamper: {responseByte?, requestBody?, foreignKey?, staleNonce?, signatureNotFound?, twoPart?, signatureKind?}}' });
      tee.tamper = body.tamper as TeeTamper;
      return sendJson(res, 200, { ok: true, tamper: tee.tamper });
    }
    const m = /^\/__emulator\/completions\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const rec = completions.get(decodeURIComponent(m[1]!));
      return rec ? sendJson(res, 200, completionSummary(rec)) : sendJson(res, 404, { error: 'unknown completion id' });
    }
    return sendJson(res, 404, { error: `unknown control endpoint ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readBody(req);
      for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        return void res.end();
      }
      if (url.pathname.startsWith('/__emulator/')) return control(url.pathname, req, res, raw);
      const mount = findMount(url.pathname);
      const query = Object.fromEntries(url.searchParams);
      const text = raw.toString('utf8');
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: headersOf(req), body: text, json, provider: mount?.mount.provider ?? null, at: Date.now() });
      if (!mount) return sendJson(res, 404, { error: { message: `Unknown endpoint: ${url.pathname}`, type: 'invalid_request_error', param: null, code: 'not_found' } });
      await routeProvider(mount, req, res, query, raw, deps);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `emulator bug: ${String(err)}`, type: 'server_error' } });
      else res.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const bases = { near: `${url}/near/v1`, nanogpt: `${url}/nanogpt/api/v1`, llmbase: `${url}/llmbase/v1`, openai: `${url}/openai/v1`, local: `${url}/local/v1` };
  const info = (): EmulatorInfo => ({ url, port, keys: { ...keys }, bases: { ...bases } });

  const emulator: Emulator = {
    url,
    port,
    keys,
    bases,
    requests,
    completions,
    script,
    reset,
    info,
    tee: {
      addresses: () => tee.addresses(),
      tamper: (t: TeeTamper) => {
        tee.tamper = { ...t };
      },
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }),
  };
  return emulator;
}
