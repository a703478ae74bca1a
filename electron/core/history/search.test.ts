// Full-text search on a real SQLite file: what a person types can never break the query,
// accents and scripts other than Latin are found, and hits say where to jump.
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { ConversationRepo } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { searchMessages, toFtsQuery } from './search';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

function store() {
  const { db } = openDatabase(path.join(tempDir(), 'h.sqlite'));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  let n = 0;
  const add = (conversationId: string, content: string, role: Message['role'] = 'user'): Message => {
    n++;
    const m: Message = {
      id: `m${n}`, conversationId, seq: n, role, content, reasoning: null, status: 'complete', providerId: null,
      modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null, pricing: null,
      timings: null, fallback: null, createdAt: 1000 + n,
    } as Message;
    messages.insert(m);
    return m;
  };
  return { db, conversations, messages, add };
}

const ids = (db: DatabaseSync, q: string) => searchMessages(db, q, 50).map((h) => h.messageId).sort();

describe('search', () => {
  it('finds words regardless of accents, case and script; prefixes and phrases work', () => {
    const { db, conversations, add } = store();
    const c = conversations.create({ title: 'Voyages' });
    const cafe = add(c.id, 'Un café à Paris, s’il vous plaît');
    const zurich = add(c.id, 'Naïve coöperation in Zürich', 'assistant');
    const russian = add(c.id, 'Привет мир, как дела?');
    const greek = add(c.id, 'Καλημέρα κόσμε');
    const japanese = add(c.id, '日本語のテキスト 東京タワー');
    const emoji = add(c.id, 'party 🎉 time');

    expect(ids(db, 'cafe')).toEqual([cafe.id]);
    expect(ids(db, 'CAFÉ')).toEqual([cafe.id]);
    expect(ids(db, 'plait')).toEqual([cafe.id]);
    expect(ids(db, 'zurich')).toEqual([zurich.id]);
    expect(ids(db, 'cooperation')).toEqual([zurich.id]);
    expect(ids(db, 'ПРИВЕТ')).toEqual([russian.id]);
    expect(ids(db, 'прив')).toEqual([russian.id]);
    // Case folds in every script; accents fold in Latin script only (SQLite's unicode61 tokenizer).
    expect(ids(db, 'ΚΑΛΗΜΈΡΑ')).toEqual([greek.id]);
    expect(ids(db, 'καλημέρα')).toEqual([greek.id]);
    expect(ids(db, '日本')).toEqual([japanese.id]);
    expect(ids(db, '東京タワー')).toEqual([japanese.id]);
    expect(ids(db, 'party time')).toEqual([emoji.id]);
    expect(ids(db, '"time party"')).toEqual([]);
    expect(ids(db, '"in zurich"')).toEqual([zurich.id]);
    // Every word must match (AND), the last one as a prefix.
    expect(ids(db, 'paris caf')).toEqual([cafe.id]);
    expect(ids(db, 'paris tokyo')).toEqual([]);
  });

  it('never lets input break the query: operators, quotes, control characters, SQL', () => {
    const { db, conversations, add } = store();
    const c = conversations.create({ title: 'Hostile' });
    const plain = add(c.id, 'The NEAR operator and OR and AND NOT are words here, col:val too');
    const hostile = [
      '"', '""', '"""', '"unterminated', 'NEAR(', 'NEAR(a b, 3)', 'a OR', 'OR', 'AND', 'NOT', 'x AND NOT', '*', '**', 'a*b', '(((', ')',
      "'; DROP TABLE messages; --", 'col:val', 'content:near', '^', '^start', '-', '-x', '+', '{a b}', '[x]', 'a\u0000b', '\u0000',
      '\u0001\u0002', '\n\t\r', '\\', '\\"', '%', '_', '…', '\uFFFD', '\uD800', '🎉"*', 'x'.repeat(500), '" OR "" AND "',
    ];
    for (const q of hostile) {
      expect(() => searchMessages(db, q, 10), JSON.stringify(q)).not.toThrow();
    }
    // The words of an operator-looking query are searched as plain words.
    expect(ids(db, 'NEAR')).toEqual([plain.id]);
    expect(ids(db, 'OR AND NOT')).toEqual([plain.id]);
    expect(ids(db, 'col:val')).toEqual([plain.id]);
    // A NUL (which would end FTS5's string early) separates words like a space.
    expect(toFtsQuery('NEAR\u0000word')).toBe('"NEAR"* "word"*');
    expect(ids(db, 'NEAR\u0000word')).toEqual([plain.id]);
    // The table is intact after all of that.
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 1 });
  });

  it('hits carry what the UI needs to jump there, with marked snippets; trashed conversations are excluded', () => {
    const { db, conversations, add } = store();
    const a = conversations.create({ title: 'Sourdough' });
    const b = conversations.create({ title: 'Pizza' });
    const long = `${'filler words go here '.repeat(20)}the starter needs feeding daily ${'and more filler text '.repeat(20)}`;
    const ma = add(a.id, long, 'assistant');
    const mb = add(b.id, 'Feed the starter before the dough');
    const hits = searchMessages(db, 'starter', 10);
    expect(hits.map((h) => h.messageId).sort()).toEqual([ma.id, mb.id].sort());
    const ha = hits.find((h) => h.messageId === ma.id)!;
    expect(ha).toMatchObject({ conversationId: a.id, conversationTitle: 'Sourdough', role: 'assistant', createdAt: ma.createdAt });
    expect(ha.snippet).toContain('\u0001starter\u0002');
    // A snippet is a window around the match, not the whole message.
    expect(ha.snippet.length).toBeLessThan(long.length / 4);
    expect(ha.snippet.startsWith('…')).toBe(true);

    conversations.trash(a.id);
    expect(searchMessages(db, 'starter', 10).map((h) => h.messageId)).toEqual([mb.id]);
    conversations.restore(a.id);
    expect(searchMessages(db, 'starter', 10)).toHaveLength(2);
    expect(searchMessages(db, 'starter', 1)).toHaveLength(1);
  });

  it('equally relevant hits come newest first', () => {
    const { db, conversations, add } = store();
    const c = conversations.create({ title: 'Twins' });
    const older = add(c.id, 'the same words');
    const newer = add(c.id, 'the same words');
    expect(searchMessages(db, 'same', 10).map((h) => h.messageId)).toEqual([newer.id, older.id]);
  });
});
