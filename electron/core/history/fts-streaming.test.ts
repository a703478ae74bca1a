// Migration v5: a streaming reply is not re-indexed on every throttled write; it enters the
// search index once it stops streaming. The index must stay exactly in step with the
// messages table through every kind of write (FTS5's own integrity check against the table).
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { ConversationRepo } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { migrate, migrations } from './migrations';
import { searchMessages } from './search';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

function message(conversationId: string, seq: number, content: string, status: Message['status']): Message {
  return {
    id: `m${seq}`, conversationId, seq, role: seq % 2 ? 'user' : 'assistant', content, reasoning: null, status, providerId: null,
    modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null, pricing: null,
    timings: null, fallback: null, verification: null, attachments: [], createdAt: 1000 + seq,
  } as Message;
}

/**
 * The index is sound (FTS5's own check of its structures) and holds exactly the rows that
 * are not streaming: every word of every row finds precisely the non-streaming rows with it.
 * (FTS5's check against the content table cannot be used: streaming rows are left out on purpose.)
 */
function intact(db: DatabaseSync) {
  db.exec(`INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')`);
  const rows = db.prepare('SELECT rowid, content, status FROM messages').all() as { rowid: number; content: string; status: string }[];
  const wordsOf = (t: string): string[] => t.toLowerCase().match(/[a-z]+/g) ?? [];
  const words = new Set(rows.flatMap((r) => wordsOf(r.content)));
  for (const w of words) {
    const got = (db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').all(`"${w}"`) as { rowid: number }[]).map((r) => r.rowid);
    const want = rows.filter((r) => r.status !== 'streaming' && wordsOf(r.content).includes(w)).map((r) => r.rowid);
    expect(got, `rows found by "${w}"`).toEqual(want);
  }
}
const found = (db: DatabaseSync, q: string) => searchMessages(db, q, 50).map((h) => h.messageId).sort();

describe('search index and streaming replies (migration v5)', () => {
  it('indexes a reply once it stops streaming, and every later edit or delete, in step with the table', () => {
    const { db } = openDatabase(path.join(tempDir(), 'h.sqlite'));
    const c = new ConversationRepo(db).create({ title: 'T' });
    const messages = new MessageRepo(db);
    messages.insert(message(c.id, 1, 'tell me about sourdough', 'complete'));
    messages.insert(message(c.id, 2, '', 'streaming'));
    for (const text of ['Sour', 'Sourdough starts', 'Sourdough starts with a starter']) {
      messages.update('m2', { content: text });
      intact(db);
    }
    expect(found(db, 'starter')).toEqual([]);
    messages.update('m2', { content: 'Sourdough starts with a starter.', status: 'complete' });
    intact(db);
    expect(found(db, 'starter')).toEqual(['m2']);
    expect(found(db, 'sourdough')).toEqual(['m1', 'm2']);

    // A status change alone (e.g. verification, cost) leaves the index alone; an edit re-indexes.
    messages.update('m2', { status: 'stopped' });
    intact(db);
    messages.update('m1', { content: 'tell me about focaccia' });
    intact(db);
    expect(found(db, 'focaccia')).toEqual(['m1']);
    expect(found(db, 'sourdough')).toEqual(['m2']);

    // Deleting indexed and streaming rows.
    messages.insert(message(c.id, 3, 'half a repl', 'streaming'));
    messages.delete('m3');
    messages.delete('m2');
    intact(db);
    expect(found(db, 'starter')).toEqual([]);

    // A crash leaves a reply streaming; at the next start it is marked interrupted and becomes searchable.
    messages.insert(message(c.id, 4, 'interrupted wisdom', 'streaming'));
    expect(messages.markInterrupted()).toBe(1);
    intact(db);
    expect(found(db, 'wisdom')).toEqual(['m4']);
  });

  it('upgrading takes replies left streaming out of the index, which then stays intact', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = new DatabaseSync(file);
    migrate(old, file, migrations.filter((m) => m.version <= 4));
    old.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'T', 1, 1)`);
    // Written by the v4 triggers: indexed while streaming.
    old.exec(`INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES
      ('done', 'c', 1, 'user', 'finished text', 'complete', 1, 1),
      ('live', 'c', 2, 'assistant', 'streaming text', 'streaming', 2, 2)`);
    old.exec(`UPDATE messages SET content = 'streaming text grows' WHERE id = 'live'`);
    old.close();

    const { db } = openDatabase(file);
    intact(db);
    expect(found(db, 'text')).toEqual(['done']);
    new MessageRepo(db).update('live', { content: 'streaming text grows and ends', status: 'complete' });
    intact(db);
    expect(found(db, 'text')).toEqual(['done', 'live']);
  });
});
