// Delete with undo: the trash, restore, the purge after the grace period, and the v1 → v2 upgrade.
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain';
import { startSseServer, streamWords } from '../test-support/sse-server';
import { ConversationRepo, TRASH_GRACE_MS } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { migrate, migrations, schemaVersion } from './migrations';
import { searchMessages } from './search';
import { useCores } from './test-core';

const { start, withProvider, tempDir, cleanups } = useCores();
const DAY = 24 * 60 * 60 * 1000;

describe('delete with undo', () => {
  it('hides a deleted conversation everywhere, and restore brings it back as it was', async () => {
    const server = await startSseServer((_req, res) => streamWords(res, ['Lisbon', ' has', ' trams.']));
    cleanups.push(server.close);
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId, text: 'Tell me about Lisbon' });
    await s.finished(sent.assistant.id);
    const before = (await s.call<Conversation[]>('conversations.list')).find((c) => c.id === conversationId)!;
    const messages = await s.call<Message[]>('messages.list', { conversationId });

    await s.call('conversations.delete', { id: conversationId });
    expect(s.events('conversations.changed').at(-1)).toEqual({ conversation: null, deletedId: conversationId });
    expect((await s.call<Conversation[]>('conversations.list')).map((c) => c.id)).not.toContain(conversationId);
    expect(await s.call('history.search', { query: 'trams' })).toEqual([]);
    await expect(s.call('messages.list', { conversationId })).rejects.toThrow(/not_found/);
    await expect(s.call('chat.send', { conversationId, text: 'more' })).rejects.toThrow(/not_found/);
    await expect(s.call('conversations.update', { id: conversationId, title: 'x' })).rejects.toThrow(/not_found/);
    await expect(s.call('conversations.delete', { id: conversationId })).rejects.toThrow(/not_found/);
    const trash = await s.call<(Conversation & { deletedAt: number })[]>('conversations.listTrash');
    expect(trash.map((c) => c.id)).toEqual([conversationId]);
    expect(trash[0]!.deletedAt).toBeGreaterThan(0);

    // Undo, also after a restart: the trash is stored, not held in memory.
    await s.close();
    const again = await start(s.dataDir);
    const restored = await again.call<Conversation>('conversations.restore', { id: conversationId });
    expect(restored).toEqual(before);
    expect(again.events('conversations.changed')).toContainEqual({ conversation: before, deletedId: null });
    expect(await again.call('messages.list', { conversationId })).toEqual(messages);
    expect((await again.call<{ messageId: string }[]>('history.search', { query: 'trams' })).map((h) => h.messageId)).toEqual([messages[1]!.id]);
    expect(await again.call('conversations.listTrash')).toEqual([]);
    await expect(again.call('conversations.restore', { id: conversationId })).rejects.toThrow(/not_found/);
  });

  it('deleting stops a streaming reply, keeping its text for an undo', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i} `);
    const server = await startSseServer((_req, res) => streamWords(res, words, { delayMs: 5 }));
    cleanups.push(server.close);
    const s = await start();
    const { conversationId } = await withProvider(s, server.baseUrl);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId, text: 'count' });
    await new Promise((r) => setTimeout(r, 150));
    await s.call('conversations.delete', { id: conversationId });
    const final = await s.finished(sent.assistant.id);
    expect(final.status).toBe('stopped');
    expect(final.content.length).toBeGreaterThan(0);
    expect(final.content.length).toBeLessThan(words.join('').length);
    await s.call('conversations.restore', { id: conversationId });
    const stored = (await s.call<Message[]>('messages.list', { conversationId }))[1]!;
    expect(stored).toMatchObject({ status: 'stopped', content: final.content });
  });

  it('purges the trash older than 30 days at startup and on the next delete, not newer', async () => {
    const s = await start();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await s.call<Conversation>('conversations.create', {})).id);
    await s.close();
    // Backdate two deletions directly in the file, as if they happened long ago.
    const file = path.join(s.dataDir, 'history.sqlite');
    const db = new DatabaseSync(file);
    db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - TRASH_GRACE_MS - DAY, ids[0]!);
    db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - TRASH_GRACE_MS + DAY, ids[1]!);
    db.close();

    const again = await start(s.dataDir);
    expect((await again.call<Conversation[]>('conversations.listTrash')).map((c) => c.id)).toEqual([ids[1]]);
    await expect(again.call('conversations.restore', { id: ids[0] })).rejects.toThrow(/not_found/);

    // The next delete purges what has aged past the grace period meanwhile.
    const repoDb = openDatabase(file).db;
    repoDb.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - TRASH_GRACE_MS - 1, ids[1]!);
    repoDb.close();
    await again.call('conversations.delete', { id: ids[2] });
    expect((await again.call<Conversation[]>('conversations.listTrash')).map((c) => c.id)).toEqual([ids[2]]);
  });

  it('upgrades a version-1 database to the trash schema, keeping everything', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const db = new DatabaseSync(file);
    migrate(db, file, migrations.filter((m) => m.version === 1));
    expect(schemaVersion(db)).toBe(1);
    db.prepare(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old one', 1, 2)`).run();
    db.prepare(`INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('m1', 'c1', 1, 'user', 'grandfather clock', 'complete', 1, 1)`).run();
    db.close();

    const opened = openDatabase(file);
    expect(opened.backupPath).toMatch(/backup-v1-/);
    const convs = new ConversationRepo(opened.db);
    expect(convs.list().map((c) => c.title)).toEqual(['Old one']);
    expect(searchMessages(opened.db, 'grandfather', 10).map((h) => h.messageId)).toEqual(['m1']);
    expect(convs.trash('c1')).toBe(true);
    expect(convs.list()).toEqual([]);
    expect(convs.get('c1')).toBeNull();
    expect(convs.state('c1')).toBe('trashed');
    expect(searchMessages(opened.db, 'grandfather', 10)).toEqual([]);
    expect(new MessageRepo(opened.db).list('c1')).toHaveLength(1);
    expect(convs.restore('c1')?.title).toBe('Old one');
    expect(convs.delete('c1')).toBe(true);
    expect(convs.state('c1')).toBeNull();
    expect(new MessageRepo(opened.db).list('c1')).toEqual([]);
    opened.db.close();
  });
});
