// Edit, regenerate and delete through the core: real SQLite, real keychain, real HTTP.
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain';
import { startSseServer, streamWords } from '../test-support/sse-server';
import { useCores } from './test-core';

const { start, withProvider, cleanups } = useCores();

type Sent = { user: Message; assistant: Message };
type Wire = { model: string; messages: { role: string; content: string }[] };

/** A provider that answers `<model> says: <last user text>`, word by word. */
async function echoServer(delayMs = 0) {
  const server = await startSseServer((_req, res, body) => {
    const req = JSON.parse(body) as Wire;
    const last = req.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    return streamWords(res, `${req.model} says: ${last}`.split(/(?= )/), { delayMs });
  });
  cleanups.push(server.close);
  const wire = (i: number) => JSON.parse(server.requests[i]!.body) as Wire;
  return { server, wire };
}

const texts = (msgs: Message[]) => msgs.map((m) => `${m.role}: ${m.content}`);

describe('message actions', () => {
  it('regenerates the last answer for the same history, replacing it', async () => {
    const { server, wire } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'first' });
    await s.finished(a.assistant.id);
    const b = await s.call<Sent>('chat.send', { conversationId, text: 'second' });
    await s.finished(b.assistant.id);

    const r = await s.call<{ assistant: Message; removedIds: string[]; conversation: Conversation }>('chat.regenerate', { messageId: b.assistant.id });
    expect(r.removedIds).toEqual([b.assistant.id]);
    expect(r.assistant.status).toBe('streaming');
    expect((await s.finished(r.assistant.id)).content).toBe('test-model says: second');
    // The provider got exactly the history before the old answer: no trace of it.
    expect(wire(2).messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'test-model says: first' },
      { role: 'user', content: 'second' },
    ]);
    const msgs = await s.call<Message[]>('messages.list', { conversationId });
    expect(texts(msgs)).toEqual(['user: first', 'assistant: test-model says: first', 'user: second', 'assistant: test-model says: second']);
    expect(msgs.map((m) => m.id)).not.toContain(b.assistant.id);
    expect(s.events('messages.removed')).toContainEqual({ conversationId, ids: [b.assistant.id] });
  });

  it('a regenerate that brings nothing puts the old answer back: refused (its error stays after it), or stopped (it goes)', async () => {
    const { server } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'keep this answer' });
    const good = await s.finished(a.assistant.id);

    // Refused: out of credit.
    server.setScript((_req, res) => {
      res.writeHead(402, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Insufficient balance', type: 'insufficient_quota' } }));
    });
    const r1 = await s.call<{ assistant: Message }>('chat.regenerate', { messageId: good.id });
    expect((await s.finished(r1.assistant.id)).status).toBe('error');
    let msgs = await s.call<Message[]>('messages.list', { conversationId });
    expect(msgs.map((m) => [m.id, m.status])).toEqual([[a.user.id, 'complete'], [good.id, 'complete'], [r1.assistant.id, 'error']]);
    expect(msgs[1]).toEqual(good); // whole: text, usage, cost, timings
    expect(s.events('chat.done').map((e) => e.message.id)).toContain(good.id); // the window gets it back
    expect((await s.call<{ messageId: string }[]>('history.search', { query: 'answer' })).map((h) => h.messageId)).toContain(good.id);

    // Stopped before any text: the attempt goes, the answer stays. (The failed attempt is the last message now.)
    server.setScript((_req, res) => void res.writeHead(200, { 'content-type': 'text/event-stream' }));
    const r2 = await s.call<{ assistant: Message }>('chat.regenerate', { messageId: r1.assistant.id });
    await new Promise((r) => setTimeout(r, 100));
    await s.call('chat.stop', { messageId: r2.assistant.id });
    expect((await s.finished(r2.assistant.id)).status).toBe('stopped');
    msgs = await s.call<Message[]>('messages.list', { conversationId });
    expect(msgs.map((m) => [m.id, m.status])).toEqual([[a.user.id, 'complete'], [good.id, 'complete'], [r1.assistant.id, 'error']]);
    expect(s.events('messages.removed')).toContainEqual({ conversationId, ids: [r2.assistant.id] });

    // A new answer that brings text replaces the old one, as before.
    server.setScript((_req, res) => streamWords(res, ['A', ' better', ' answer.']));
    const r3 = await s.call<{ assistant: Message }>('chat.regenerate', { messageId: r1.assistant.id });
    await s.finished(r3.assistant.id);
    msgs = await s.call<Message[]>('messages.list', { conversationId });
    expect(texts(msgs)).toEqual(['user: keep this answer', 'assistant: test-model says: keep this answer', 'assistant: A better answer.']);
  });

  it('regenerates with another model, which becomes the conversation model', async () => {
    const { server, wire } = await echoServer();
    const s = await start();
    const { conversationId, providerId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'hello' });
    await s.finished(a.assistant.id);

    const r = await s.call<{ assistant: Message; conversation: Conversation }>('chat.regenerate', { messageId: a.assistant.id, modelId: 'other-model' });
    expect(r.conversation.modelId).toBe('other-model');
    const final = await s.finished(r.assistant.id);
    expect(final).toMatchObject({ content: 'other-model says: hello', modelRequested: 'other-model', providerId });
    expect(wire(1).model).toBe('other-model');
    const conv = (await s.call<Conversation[]>('conversations.list')).find((c) => c.id === conversationId)!;
    expect(conv.modelId).toBe('other-model');
    // The next message uses it too.
    const b = await s.call<Sent>('chat.send', { conversationId, text: 'again' });
    expect((await s.finished(b.assistant.id)).content).toBe('other-model says: again');
  });

  it('refuses to regenerate anything but the last answer, and a bad choice changes nothing', async () => {
    const { server } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'one' });
    await s.finished(a.assistant.id);
    const b = await s.call<Sent>('chat.send', { conversationId, text: 'two' });
    await s.finished(b.assistant.id);
    const before = await s.call<Message[]>('messages.list', { conversationId });

    await expect(s.call('chat.regenerate', { messageId: a.assistant.id })).rejects.toThrow(/not_last: Only the last answer/);
    await expect(s.call('chat.regenerate', { messageId: b.user.id })).rejects.toThrow(/not_an_answer/);
    await expect(s.call('chat.regenerate', { messageId: 'nope' })).rejects.toThrow(/not_found/);
    await expect(s.call('chat.regenerate', { messageId: b.assistant.id, providerId: 'no-such-provider' })).rejects.toThrow(/no_provider/);
    // NEAR has no key in this keychain: refused before anything was deleted.
    await expect(s.call('chat.regenerate', { messageId: b.assistant.id, providerId: 'near' })).rejects.toThrow(/no_key/);
    expect(await s.call<Message[]>('messages.list', { conversationId })).toEqual(before);
    expect(server.requests).toHaveLength(2);
  });

  it('edits a user message and resends: later messages go, a new answer streams', async () => {
    const { server, wire } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent: Sent[] = [];
    for (const text of ['Plan a trip to Lisbon', 'in May', 'with kids']) {
      const x = await s.call<Sent>('chat.send', { conversationId, text });
      await s.finished(x.assistant.id);
      sent.push(x);
    }
    const r = await s.call<Sent & { removedIds: string[] }>('chat.edit', { messageId: sent[1]!.user.id, text: '  in June  ' });
    expect(r.user).toMatchObject({ id: sent[1]!.user.id, content: 'in June', seq: sent[1]!.user.seq });
    expect(r.removedIds).toEqual([sent[1]!.assistant.id, sent[2]!.user.id, sent[2]!.assistant.id]);
    expect((await s.finished(r.assistant.id)).content).toBe('test-model says: in June');
    expect(wire(3).messages).toEqual([
      { role: 'user', content: 'Plan a trip to Lisbon' },
      { role: 'assistant', content: 'test-model says: Plan a trip to Lisbon' },
      { role: 'user', content: 'in June' },
    ]);
    const msgs = await s.call<Message[]>('messages.list', { conversationId });
    expect(texts(msgs)).toEqual(['user: Plan a trip to Lisbon', 'assistant: test-model says: Plan a trip to Lisbon', 'user: in June', 'assistant: test-model says: in June']);
    expect(msgs.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    // Search sees the edit.
    expect(await s.call('history.search', { query: 'June' })).toHaveLength(2);
    expect(await s.call('history.search', { query: 'kids' })).toEqual([]);
  });

  it('editing the first message re-titles an auto-titled conversation, but never a renamed one', async () => {
    const { server } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'Soup recipe' });
    await s.finished(a.assistant.id);
    const e1 = await s.call<Sent>('chat.edit', { messageId: a.user.id, text: 'Bread recipe' });
    await s.finished(e1.assistant.id);
    const title = async () => (await s.call<Conversation[]>('conversations.list')).find((c) => c.id === conversationId)!.title;
    expect(await title()).toBe('Bread recipe');
    await s.call('conversations.update', { id: conversationId, title: 'Baking' });
    const e2 = await s.call<Sent>('chat.edit', { messageId: a.user.id, text: 'Cake recipe' });
    await s.finished(e2.assistant.id);
    expect(await title()).toBe('Baking');
  });

  it('refuses to edit an answer, an empty text, or while a reply streams', async () => {
    const { server } = await echoServer(15);
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'a long answer please' });
    await expect(s.call('chat.edit', { messageId: a.user.id, text: 'changed' })).rejects.toThrow(/busy/);
    await expect(s.call('chat.regenerate', { messageId: a.assistant.id })).rejects.toThrow(/busy/);
    await expect(s.call('messages.delete', { id: a.assistant.id })).rejects.toThrow(/busy: This reply is still streaming/);
    await s.finished(a.assistant.id);
    await expect(s.call('chat.edit', { messageId: a.assistant.id, text: 'x' })).rejects.toThrow(/not_yours/);
    await expect(s.call('chat.edit', { messageId: a.user.id, text: '   ' })).rejects.toThrow(/invalid_input.*Message is empty/);
    expect(texts(await s.call<Message[]>('messages.list', { conversationId }))).toEqual([
      'user: a long answer please',
      'assistant: test-model says: a long answer please',
    ]);
  });

  it('deletes single messages; search forgets them', async () => {
    const { server } = await echoServer();
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const a = await s.call<Sent>('chat.send', { conversationId, text: 'remember pineapple' });
    await s.finished(a.assistant.id);
    await s.call('messages.delete', { id: a.assistant.id });
    expect(texts(await s.call<Message[]>('messages.list', { conversationId }))).toEqual(['user: remember pineapple']);
    await s.call('messages.delete', { id: a.user.id });
    expect(await s.call<Message[]>('messages.list', { conversationId })).toEqual([]);
    expect(await s.call('history.search', { query: 'pineapple' })).toEqual([]);
    await expect(s.call('messages.delete', { id: a.user.id })).rejects.toThrow(/not_found/);
    expect(s.events('messages.removed')).toEqual([
      { conversationId, ids: [a.assistant.id] },
      { conversationId, ids: [a.user.id] },
    ]);
    // The conversation works on after its last messages are gone.
    const b = await s.call<Sent>('chat.send', { conversationId, text: 'fresh start' });
    expect((await s.finished(b.assistant.id)).content).toBe('test-model says: fresh start');
  });
});
