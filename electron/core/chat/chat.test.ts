// The whole core, as a transport sees it: router + events, real SQLite, real keychain, real HTTP.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { createCore, type Core } from '../app';
import { loadKeytar } from '../secrets/vault';
import { startSseServer, streamWords } from '../test-support/sse-server';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();
const keychainService = `parley-test-${randomUUID()}`;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(dataDir = tempDir(), timeouts = { connectMs: 2000, idleMs: 1000, backoffMs: 50 }) {
  const core = await createCore({ dataDir, keychainService, mode: 'web', appVersion: 'test', timeouts });
  const done = new Map<string, Message>();
  const waiters = new Map<string, (m: Message) => void>();
  core.events.subscribe((name, payload) => {
    if (name === 'chat.done') {
      const m = (payload as { message: Message }).message;
      done.set(m.id, m);
      waiters.get(m.id)?.(m);
    }
  });
  const call = async (name: string, input: unknown = {}) => {
    const r = await core.router(name, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as never;
  };
  const finished = (id: string) => new Promise<Message>((resolve) => (done.has(id) ? resolve(done.get(id)!) : waiters.set(id, resolve)));
  return { core, call, finished, dataDir };
}

async function withProvider(s: Awaited<ReturnType<typeof setup>>, baseUrl: string) {
  const p = (await s.call('providers.save', { name: 'Local', baseUrl, apiKey: 'sk-local-test-key-42', defaultModel: 'test-model' })) as { id: string };
  cleanups.push(() => loadKeytar().deletePassword(keychainService, p.id));
  const c = (await s.call('conversations.create', { providerId: p.id, modelId: 'test-model' })) as { id: string };
  return { providerId: p.id, conversationId: c.id };
}

async function close(core: Core) {
  await core.close();
}

describe('chat through the core', () => {
  it('streams a reply, persists it, and finds it after a restart', async () => {
    const server = await startSseServer((_req, res) => streamWords(res, ['Hello', ' there', ', friend.']));
    cleanups.push(server.close);
    const s = await setup();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const streamed: string[] = [];
    s.core.events.subscribe((name, p) => {
      if (name === 'chat.stream') for (const f of (p as { frames: { type: string; text?: string }[] }).frames) if (f.type === 'content') streamed.push(f.text!);
    });
    const sent = (await s.call('chat.send', { conversationId, text: 'Say hello' })) as { assistant: Message };
    const final = await s.finished(sent.assistant.id);
    expect(final).toMatchObject({ status: 'complete', content: 'Hello there, friend.', modelServed: 'test-model' });
    expect(final.usage).toMatchObject({ promptTokens: 10, completionTokens: 3 });
    expect(streamed.join('')).toBe('Hello there, friend.');
    // The key went in the Authorization header, and the request asked for a stream.
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-local-test-key-42');
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ model: 'test-model', stream: true, messages: [{ role: 'user', content: 'Say hello' }] });
    await close(s.core);

    const again = await setup(s.dataDir);
    cleanups.push(() => again.core.close());
    const msgs = (await again.call('messages.list', { conversationId })) as Message[];
    expect(msgs.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Say hello', 'complete'],
      ['assistant', 'Hello there, friend.', 'complete'],
    ]);
    const convs = (await again.call('conversations.list')) as { title: string }[];
    expect(convs[0]?.title).toBe('Say hello');
  });

  it('stop keeps the partial text and marks the reply stopped', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i} `);
    const server = await startSseServer((_req, res) => streamWords(res, words, { delayMs: 10 }));
    cleanups.push(server.close);
    const s = await setup();
    cleanups.push(() => s.core.close());
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent = (await s.call('chat.send', { conversationId, text: 'count' })) as { assistant: Message };
    await new Promise((r) => setTimeout(r, 150));
    await s.call('chat.stop', { messageId: sent.assistant.id });
    const final = await s.finished(sent.assistant.id);
    expect(final.status).toBe('stopped');
    expect(final.content.length).toBeGreaterThan(0);
    expect(final.content.length).toBeLessThan(words.join('').length);
    const stored = ((await s.call('messages.list', { conversationId })) as Message[])[1]!;
    expect(stored.content).toBe(final.content);
    expect(stored.status).toBe('stopped');
  });

  it('shows HTTP errors with status and provider message; the next message works', async () => {
    let n = 0;
    const server = await startSseServer((_req, res) => {
      if (n++ === 0) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Invalid API key sk-local-test-key-42', type: 'invalid_api_key' } }));
      } else void streamWords(res, ['ok']);
    });
    cleanups.push(server.close);
    const s = await setup();
    cleanups.push(() => s.core.close());
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = (await s.call('chat.send', { conversationId, text: 'hi' })) as { assistant: Message };
    const failed = await s.finished(a.assistant.id);
    expect(failed.status).toBe('error');
    expect(failed.error?.message).toMatch(/HTTP 401/);
    expect(failed.error?.message).not.toContain('sk-local-test-key-42');
    const b = (await s.call('chat.send', { conversationId, text: 'again' })) as { assistant: Message };
    expect((await s.finished(b.assistant.id)).content).toBe('ok');
  });

  it('retries 503 before the first byte, then succeeds', async () => {
    let n = 0;
    const server = await startSseServer((_req, res) => {
      if (n++ < 2) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end('{"error":{"message":"busy"}}');
      } else void streamWords(res, ['third time']);
    });
    cleanups.push(server.close);
    const s = await setup();
    cleanups.push(() => s.core.close());
    const { conversationId } = await withProvider(s, server.baseUrl);
    const retries: number[] = [];
    s.core.events.subscribe((name, p) => {
      if (name === 'chat.stream') for (const f of (p as { frames: { type: string; attempt?: number }[] }).frames) if (f.type === 'retry') retries.push(f.attempt!);
    });
    const a = (await s.call('chat.send', { conversationId, text: 'hi' })) as { assistant: Message };
    expect(await s.finished(a.assistant.id)).toMatchObject({ status: 'complete', content: 'third time' });
    expect(retries).toEqual([1, 2]);
  });

  it('a stream cut without [DONE] is kept and marked interrupted; a stall hits the idle timeout', async () => {
    let n = 0;
    const server = await startSseServer(async (_req, res) => {
      if (n++ === 0) await streamWords(res, ['half', ' a'], { done: false });
      else {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"choices":[{"index":0,"delta":{"content":"before stall"}}]}\n\n');
        // …and never another byte.
      }
    });
    cleanups.push(server.close);
    const s = await setup();
    cleanups.push(() => s.core.close());
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = (await s.call('chat.send', { conversationId, text: 'one' })) as { assistant: Message };
    expect(await s.finished(a.assistant.id)).toMatchObject({ status: 'interrupted', content: 'half a', error: { code: 'stream_cut' } });
    const b = (await s.call('chat.send', { conversationId, text: 'two' })) as { assistant: Message };
    expect(await s.finished(b.assistant.id)).toMatchObject({ status: 'error', content: 'before stall', error: { code: 'idle_timeout' } });
  });

  it('refuses to send without a model, and without a key for a built-in provider', async () => {
    const s = await setup();
    cleanups.push(() => s.core.close());
    const c = (await s.call('conversations.create', {})) as { id: string };
    await expect(s.call('chat.send', { conversationId: c.id, text: 'x' })).rejects.toThrow(/no_provider/);
    const near = (await s.call('conversations.create', { providerId: 'near', modelId: 'openai/gpt-oss-120b' })) as { id: string };
    await expect(s.call('chat.send', { conversationId: near.id, text: 'x' })).rejects.toThrow(/NEAR AI Cloud API key/);
    const providers = (await s.call('providers.list')) as { id: string; hasKey: boolean }[];
    expect(providers.map((p) => p.id)).toEqual(['near', 'nanogpt', 'llmbase']);
  });
});

describe('a provider that writes too much', () => {
  const long = (c: string, n: number) => c.repeat(n);

  it('a 5,000-character error is kept cut, and its conversation still lists, exports and imports', async () => {
    let mode: 'http' | 'midstream' = 'http';
    const server = await startSseServer((_req, res) => {
      if (mode === 'http') {
        res.writeHead(400, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { message: long('x', 5000), type: 'invalid_request_error', code: long('c', 300) } }));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ id: 'c1', model: 'test-model', choices: [{ index: 0, delta: { content: 'partial answer' } }] })}\n\n`);
      res.write(`data: ${JSON.stringify({ error: { message: long('y', 4100), type: 'server_error' } })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
    cleanups.push(server.close);
    const s = await setup();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const first = await s.finished(((await s.call('chat.send', { conversationId, text: 'one' })) as { assistant: Message }).assistant.id);
    mode = 'midstream';
    const second = await s.finished(((await s.call('chat.send', { conversationId, text: 'two' })) as { assistant: Message }).assistant.id);
    expect(first.error!.message).toMatch(/xx…$/);
    expect(first.error!.message.length).toBeLessThanOrEqual(2000);
    expect(first.error!.code.length).toBeLessThanOrEqual(100);
    expect(second).toMatchObject({ status: 'error', content: 'partial answer' });
    expect(second.error!.message.length).toBeLessThanOrEqual(2000);
    const listed = (await s.call('messages.list', { conversationId })) as Message[];
    expect(listed.map((m) => [m.role, m.status])).toEqual([['user', 'complete'], ['assistant', 'error'], ['user', 'complete'], ['assistant', 'error']]);

    const file = (await s.call('history.exportAll', { includeThinking: true })) as { content: string };
    const fresh = await setup();
    expect(await fresh.call('history.import', { content: file.content })).toMatchObject({ conversations: 1, messages: 4 });
  });

  it('an over-long error stored by an older version is cut when read, and its backup imports', async () => {
    const server = await startSseServer((_req, res) => streamWords(res, ['Fine.']));
    cleanups.push(server.close);
    const s = await setup();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const reply = await s.finished(((await s.call('chat.send', { conversationId, text: 'hi' })) as { assistant: Message }).assistant.id);
    // As an older version stored it: the provider's text whole, a fallback chain of 30.
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(`${s.dataDir}/history.sqlite`);
    const chain = Array.from({ length: 30 }, (_, i) => `model-${i}`);
    db.prepare('UPDATE messages SET status = ?, error = ?, fallback = ? WHERE id = ?').run(
      'error',
      JSON.stringify({ code: 'provider_error', message: long('z', 6000) }),
      JSON.stringify({ requested: 'test-model', served: 'model-29', reason: long('r', 1500), chain }),
      reply.id,
    );
    db.close();
    const listed = (await s.call('messages.list', { conversationId })) as Message[];
    const got = listed.find((m) => m.id === reply.id)!;
    expect(got.error!.message).toBe(`${long('z', 3999)}…`);
    expect(got.fallback!.reason).toBe(`${long('r', 999)}…`);
    expect(got.fallback!.chain).toEqual(chain.slice(0, 20));
    const file = (await s.call('history.exportAll', { includeThinking: true })) as { content: string };
    const fresh = await setup();
    expect(await fresh.call('history.import', { content: file.content })).toMatchObject({ conversations: 1, messages: 2 });
  });
});
