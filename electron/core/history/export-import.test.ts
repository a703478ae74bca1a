// Export and import through the router, on real SQLite files and the real keychain:
// a lossless round trip, no key ever in an export, and malformed files change nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain';
import { startSseServer, streamWords } from '../test-support/sse-server';
import { ConversationRepo } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { TEST_KEY, useCores } from './test-core';

const { start, withProvider, tempDir, cleanups } = useCores();

type ExportFile = { filename: string; mimeType: string; content: string };
type Counts = { conversations: number; messages: number; skipped: number };
type Core = Awaited<ReturnType<typeof start>>;

function message(conversationId: string, seq: number, patch: Partial<Message>): Message {
  return {
    id: `${conversationId}-m${seq}`, conversationId, seq, role: 'user', content: '', reasoning: null, status: 'complete',
    providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null,
    pricing: null, timings: null, fallback: null, verification: null, createdAt: 1_700_000_000_000 + seq * 1000, ...patch,
  } as Message;
}

/** A data folder with conversations that use every field a message and a conversation have. */
function seedRichHistory(dataDir: string) {
  const { db } = openDatabase(path.join(dataDir, 'history.sqlite'));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const a = conversations.create({
    id: 'conv-lisbon', title: 'Trip to Lisbon — “señor” café 🎉', providerId: 'near', modelId: 'openai/gpt-oss-120b', pinned: true,
    privateOnly: true, thinking: { enabled: true, effort: 'high' }, budgetUsd: 2.5, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_500_000,
  });
  messages.insert(message(a.id, 1, { content: 'Plan 3 days in Lisbon.\n\n```js\nconst x = "quotes" \\ backslash;\n```' }));
  messages.insert(message(a.id, 2, {
    role: 'assistant', content: 'Day 1: Alfama. Day 2: Belém. Day 3: Sintra.', reasoning: 'The user wants a short plan…',
    providerId: 'near', modelRequested: 'openai/gpt-oss-120b', modelServed: 'openai/gpt-oss-120b', privacy: 'private',
    usage: { promptTokens: 1234, completionTokens: 567, cachedTokens: 100, reasoningTokens: 42, estimated: false },
    cost: { usd: 0.000123456789, computedUsd: 0.000123456789, reportedUsd: null, estimated: false },
    pricing: { input: 0.15, output: 0.6, cachedInput: 0.075 },
    timings: { startedAt: 1_700_000_002_000, firstTokenAt: 1_700_000_002_345, reasoningStartedAt: 1_700_000_002_345, contentStartedAt: 1_700_000_003_001, finishedAt: 1_700_000_009_999 },
  }));
  messages.insert(message(a.id, 3, { content: 'And a fallback?' }));
  messages.insert(message(a.id, 4, {
    role: 'assistant', content: 'Half an ans', status: 'interrupted', providerId: 'llmbase', modelRequested: 'big', modelServed: 'small',
    privacy: 'standard', error: { code: 'stream_cut', message: 'The stream ended early.', status: null, retryAfter: null },
    fallback: { requested: 'big', served: 'small', reason: 'capacity', chain: ['big', 'small'] },
    usage: { promptTokens: 10, completionTokens: 3, cachedTokens: null, reasoningTokens: null, estimated: true },
    cost: { usd: 1.5, computedUsd: 1.5, reportedUsd: 1.49, estimated: true },
  }));
  const b = conversations.create({ id: 'conv-empty', title: '', createdAt: 5, updatedAt: 6 });
  const c = conversations.create({ id: 'conv-errors', title: 'Errors', providerId: 'custom-1', modelId: null, createdAt: 7, updatedAt: 8 });
  messages.insert(message(c.id, 1, { content: 'hi' }));
  messages.insert(message(c.id, 2, { role: 'assistant', status: 'error', error: { code: 'http', message: 'HTTP 429: slow down', status: 429, retryAfter: 2.5 } }));
  messages.insert(message(c.id, 3, { role: 'system', content: 'You are terse.' }));
  messages.insert(message(c.id, 4, { role: 'assistant', content: 'stopped here', status: 'stopped' }));
  db.close();
  return [a.id, b.id, c.id];
}

/** Everything a user can see of a history, for before/after comparisons. */
async function snapshot(s: Core) {
  const conversations = await s.call<Conversation[]>('conversations.list');
  const trash = await s.call<Conversation[]>('conversations.listTrash');
  const messages: Record<string, Message[]> = {};
  for (const c of conversations) messages[c.id] = await s.call<Message[]>('messages.list', { conversationId: c.id });
  return { conversations, trash, messages };
}

async function exportAll(s: Core, includeThinking = true) {
  return s.call<ExportFile>('history.exportAll', { includeThinking });
}

describe('export and import', () => {
  it('round-trips every conversation and message exactly, ids included; a second import adds nothing', async () => {
    const dataDir = tempDir();
    seedRichHistory(dataDir);
    const a = await start(dataDir);
    const file = await exportAll(a);
    expect(file.filename).toMatch(/^parley-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.mimeType).toBe('application/json');
    const parsed = JSON.parse(file.content) as { format: string; version: number; exportedAt: number; conversations: unknown[] };
    expect(parsed).toMatchObject({ format: 'parley-export', version: 2 });
    expect(parsed.conversations).toHaveLength(3);

    const b = await start();
    expect(await b.call<Counts>('history.import', { content: file.content })).toEqual({ conversations: 3, messages: 8, skipped: 0 });
    const before = await snapshot(a);
    expect(await snapshot(b)).toEqual(before);
    expect(b.events('conversations.changed').map((e) => e.conversation?.id).sort()).toEqual(['conv-empty', 'conv-errors', 'conv-lisbon']);
    // Imported text is searchable.
    expect((await b.call<{ messageId: string }[]>('history.search', { query: 'belem' })).map((h) => h.messageId)).toEqual(['conv-lisbon-m2']);

    // The same file again: skipped, not duplicated, and a conversation changed since is kept as it is.
    await b.call('conversations.update', { id: 'conv-lisbon', title: 'Renamed after import' });
    expect(await b.call<Counts>('history.import', { content: file.content })).toEqual({ conversations: 0, messages: 0, skipped: 3 });
    const after = await snapshot(b);
    expect(after.conversations).toHaveLength(3);
    expect(after.conversations.find((c) => c.id === 'conv-lisbon')?.title).toBe('Renamed after import');
    expect(after.messages).toEqual(before.messages);

    // Exporting the imported history gives the same conversations.
    const again = JSON.parse((await exportAll(b)).content) as typeof parsed;
    expect(again.conversations.map((c) => (c as Conversation).id).sort()).toEqual(['conv-empty', 'conv-errors', 'conv-lisbon']);
  });

  it('round-trips a real streamed reply (usage, cost, timings) and restores a trashed conversation from a backup', async () => {
    const server = await startSseServer((_req, res) => streamWords(res, ['Hello', ' there']));
    cleanups.push(server.close);
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId, text: 'Say hello' });
    const final = await s.finished(sent.assistant.id);
    expect(final.usage).not.toBeNull();
    expect(final.timings?.finishedAt).not.toBeNull();
    const backup = await exportAll(s);
    const before = await snapshot(s);

    await s.call('conversations.delete', { id: conversationId });
    expect(await s.call<Counts>('history.import', { content: backup.content })).toEqual({ conversations: 1, messages: 2, skipped: 0 });
    expect(await snapshot(s)).toEqual(before);
  });

  it('leaves thinking out unless asked, and keeps a reply that was streaming as interrupted', async () => {
    const dataDir = tempDir();
    seedRichHistory(dataDir);
    const a = await start(dataDir);
    const without = JSON.parse((await exportAll(a, false)).content) as { conversations: { messages: Message[] }[] };
    expect(without.conversations.flatMap((c) => c.messages).every((m) => m.reasoning === null)).toBe(true);
    const withThinking = await exportAll(a, true);
    expect(withThinking.content).toContain('The user wants a short plan');

    const file = JSON.parse(withThinking.content) as { conversations: { id: string; messages: Message[] }[] };
    const conv = file.conversations.find((c) => c.id === 'conv-errors')!;
    conv.messages[3] = { ...conv.messages[3]!, status: 'streaming', error: null };
    file.conversations = [conv];
    const b = await start();
    await b.call('history.import', { content: JSON.stringify(file) });
    const m = (await b.call<Message[]>('messages.list', { conversationId: 'conv-errors' }))[3]!;
    expect(m).toMatchObject({ status: 'interrupted', content: 'stopped here', error: { code: 'interrupted' } });
  });

  it('exports one conversation as Markdown: title, model, role headings, optional thinking, cost', async () => {
    const dataDir = tempDir();
    seedRichHistory(dataDir);
    const s = await start(dataDir);
    const md = await s.call<ExportFile>('history.exportConversation', { id: 'conv-lisbon', format: 'markdown', includeThinking: true });
    expect(md.filename).toMatch(/^parley-trip-to-lisbon-senor-cafe-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.mimeType).toBe('text/markdown');
    const text = md.content;
    expect(text.startsWith('# Trip to Lisbon — “señor” café 🎉\n')).toBe(true);
    expect(text).toContain('- Model: NEAR AI Cloud · openai/gpt-oss-120b');
    expect(text).toContain('## You\n\nPlan 3 days in Lisbon.\n\n```js\nconst x = "quotes" \\ backslash;\n```');
    expect(text).toContain('## Assistant (openai/gpt-oss-120b)\n\n<details>\n<summary>Thinking</summary>\n\nThe user wants a short plan…\n\n</details>\n\nDay 1: Alfama.');
    expect(text).toContain('*Cost: $0.000123 · 1,234 tokens in, 567 out*');
    expect(text).toContain('## Assistant (small)');
    expect(text).toContain('> Interrupted: The stream ended early.');
    expect(text).toContain('*Cost: $1.50 (estimated) · 10 tokens in, 3 out*');
    const plain = await s.call<ExportFile>('history.exportConversation', { id: 'conv-lisbon', format: 'markdown', includeThinking: false });
    expect(plain.content).not.toContain('<details>');
    expect(plain.content).not.toContain('short plan');

    const json = await s.call<ExportFile>('history.exportConversation', { id: 'conv-lisbon', format: 'json', includeThinking: true });
    expect(json.filename).toMatch(/^parley-trip-to-lisbon-senor-cafe-.*\.json$/);
    expect((JSON.parse(json.content) as { conversations: { id: string }[] }).conversations.map((c) => c.id)).toEqual(['conv-lisbon']);
    await expect(s.call('history.exportConversation', { id: 'nope', format: 'json' })).rejects.toThrow(/not_found/);
    await s.call('conversations.delete', { id: 'conv-lisbon' });
    await expect(s.call('history.exportConversation', { id: 'conv-lisbon', format: 'markdown' })).rejects.toThrow(/not_found/);
    expect((JSON.parse((await exportAll(s)).content) as { conversations: unknown[] }).conversations).toHaveLength(2);
  });

  it('never puts an API key in an export, even one pasted into a message', async () => {
    const server = await startSseServer((_req, res) => streamWords(res, ['Your key is ', TEST_KEY, ', keep it safe.']));
    cleanups.push(server.close);
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId, text: `is ${TEST_KEY} my key?` });
    await s.finished(sent.assistant.id);
    await s.call('conversations.update', { id: conversationId, title: `about ${TEST_KEY}` });
    const outputs = [
      (await exportAll(s)).content,
      (await s.call<ExportFile>('history.exportConversation', { id: conversationId, format: 'json', includeThinking: true })).content,
      (await s.call<ExportFile>('history.exportConversation', { id: conversationId, format: 'markdown', includeThinking: true })).content,
    ];
    for (const out of outputs) {
      expect(out).not.toContain(TEST_KEY);
      expect(out).not.toContain(TEST_KEY.slice(3));
      expect(out).toContain('is [redacted] my key?');
    }
    expect(outputs[0]).toContain('Your key is [redacted], keep it safe.');
  });

  describe('rejects malformed files with a clear error, changing nothing', () => {
    async function setup() {
      const dataDir = tempDir();
      seedRichHistory(dataDir);
      const s = await start(dataDir);
      const good = JSON.parse((await exportAll(s)).content) as Record<string, unknown> & { conversations: (Conversation & { messages: Message[] })[] };
      // Import into a history that already has other things in it.
      const target = await start();
      const existing = await target.call<Conversation>('conversations.create', {});
      await target.call('conversations.update', { id: existing.id, title: 'Already here' });
      const before = await snapshot(target);
      const mutate = (fn: (f: typeof good) => void) => {
        const f = structuredClone(good);
        fn(f);
        return JSON.stringify(f);
      };
      const rejects = async (content: string, pattern: RegExp) => {
        await expect(target.call('history.import', { content })).rejects.toThrow(pattern);
        expect(await snapshot(target)).toEqual(before);
      };
      return { good, mutate, rejects, target, before };
    }

    it('not JSON, not an export, or another version', async () => {
      const { mutate, rejects } = await setup();
      await rejects('', /invalid_import: The import file was not imported: it is not JSON .*Nothing was changed\./);
      await rejects('{"format": "parley-export", "version": 1, "conversations": [', /invalid_import: .*not JSON/);
      await rejects('[1, 2, 3]', /invalid_import: .*not a Parley export \(expected a JSON object\)/);
      await rejects('null', /invalid_import: .*not a Parley export/);
      await rejects('{"hello": "world"}', /invalid_import: .*format is missing, expected "parley-export"/);
      await rejects(mutate((f) => (f.format = 'chatgpt')), /format is "chatgpt"/);
      await rejects(mutate((f) => (f.version = 3)), /unsupported_version: This export is version 3; this app reads versions 1 and 2\. Update the app to import it\. Nothing was imported\./);
      await rejects(mutate((f) => (f.version = '1')), /unsupported_version: This export is version "1"/);
      await rejects(mutate((f) => delete f.version), /unsupported_version: This export is version missing/);
    });

    it('a missing field, a wrong type, an unknown field, a bad enum — each named by its path', async () => {
      const { mutate, rejects } = await setup();
      await rejects(mutate((f) => delete (f.conversations[0]!.messages[1] as Partial<Message>).role), /conversations\[0\]\.messages\[1\]\.role: /);
      await rejects(mutate((f) => delete (f.conversations[2] as Partial<Conversation>).createdAt), /conversations\[2\]\.createdAt: /);
      await rejects(mutate((f) => delete f.exportedAt), /invalid_import: .*exportedAt: /);
      await rejects(mutate((f) => ((f.conversations[0]!.messages[0] as unknown as { seq: string }).seq = '1')), /conversations\[0\]\.messages\[0\]\.seq: .*number/);
      await rejects(mutate((f) => ((f.conversations[0] as unknown as { pinned: string }).pinned = 'yes')), /conversations\[0\]\.pinned: /);
      await rejects(mutate((f) => ((f.conversations[0]!.messages[1]!.usage as unknown as { promptTokens: number }).promptTokens = -5)), /messages\[1\]\.usage\.promptTokens/);
      await rejects(mutate((f) => ((f.conversations[0]!.messages[1] as unknown as { status: string }).status = 'exploded')), /messages\[1\]\.status: /);
      await rejects(mutate((f) => ((f.conversations[0]!.messages[1] as unknown as { apiKey: string }).apiKey = 'x')), /messages\[1\]: .*apiKey/);
      await rejects(mutate((f) => ((f as unknown as { conversations: unknown }).conversations = {})), /conversations: /);
    });

    it('huge strings, inconsistent ids and a clash with an existing message', async () => {
      const { good, mutate, rejects, target } = await setup();
      await rejects(mutate((f) => (f.conversations[0]!.title = 'x'.repeat(100_000))), /conversations\[0\]\.title: /);
      await rejects(mutate((f) => (f.conversations[0]!.messages[0]!.id = 'y'.repeat(10_000))), /conversations\[0\]\.messages\[0\]\.id: /);
      await rejects(mutate((f) => (f.conversations[0]!.messages[0]!.content = 'z'.repeat(20_000_001))), /conversations\[0\]\.messages\[0\]\.content: Message text is too long/);
      await rejects(mutate((f) => (f.conversations[0]!.messages[0]!.conversationId = 'conv-errors')), /messages\[0\]\.conversationId: belongs to conversation conv-errors/);
      await rejects(mutate((f) => (f.conversations[0]!.messages[1]!.seq = 1)), /messages\[1\]\.seq: position 1 is used twice/);
      await rejects(mutate((f) => (f.conversations[1]!.id = f.conversations[0]!.id)), /conversations\[1\]\.id: conversation conv-lisbon appears twice/);
      // The export lists pinned first, then by last activity: lisbon, errors, empty.
      expect(good.conversations.map((c) => c.id)).toEqual(['conv-lisbon', 'conv-errors', 'conv-empty']);
      await rejects(mutate((f) => (f.conversations[1]!.messages[0]!.id = f.conversations[0]!.messages[0]!.id)), /message conv-lisbon-m1 appears twice/);
      const r = await target.core.router('history.import', { content: 'x'.repeat(100_000_001) });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/too large/) } });

      // Valid on its own, but a message id is taken by another conversation of this history:
      // the first conversations of the file were already written when that is found, and are rolled back.
      const clash = structuredClone(good);
      const errors = good.conversations[1]!;
      clash.conversations = [good.conversations[0]!, { ...errors, id: 'conv-new', messages: errors.messages.map((m) => ({ ...m, conversationId: 'conv-new' })) }];
      await target.call('history.import', { content: JSON.stringify({ ...good, conversations: [errors] }) });
      const before = await snapshot(target);
      await expect(target.call('history.import', { content: JSON.stringify(clash) })).rejects.toThrow(/invalid_import: .*message conv-errors-m1 already exists in another conversation/);
      expect(await snapshot(target)).toEqual(before);
    });
  });
});
