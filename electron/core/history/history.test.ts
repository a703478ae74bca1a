// The history store on a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { ConversationRepo } from './conversations';
import { openDatabase, openMarker } from './database';
import { MessageRepo } from './messages';
import { LATEST_VERSION, migrate, migrations, schemaVersion } from './migrations';
import { searchMessages, toFtsQuery } from './search';
import type { Message } from '../../../shared/domain';

const tempDir = useTempDir();

function msg(conversationId: string, seq: number, patch: Partial<Message> = {}): Message {
  return {
    id: `m${seq}-${conversationId}`, conversationId, seq, role: seq % 2 ? 'user' : 'assistant', content: '', reasoning: null,
    status: 'complete', providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null,
    cost: null, pricing: null, timings: null, fallback: null, verification: null, attachments: [], createdAt: 1000 + seq, ...patch,
  };
}

describe('history store', () => {
  it('persists conversations and messages across reopen, WAL on', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const a = openDatabase(file);
    expect((a.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    const convs = new ConversationRepo(a.db);
    const c = convs.create({ title: 'Trip', providerId: 'near', modelId: 'x' });
    const msgs = new MessageRepo(a.db);
    msgs.insert(msg(c.id, 1, { content: 'Plan a trip to Lisbon' }));
    msgs.insert(msg(c.id, 2, { content: 'Sure', usage: { promptTokens: 3, completionTokens: 1, cachedTokens: null, reasoningTokens: null, estimated: false } }));
    a.db.close();

    const b = openDatabase(file);
    const again = new MessageRepo(b.db).list(c.id);
    expect(again.map((m) => m.content)).toEqual(['Plan a trip to Lisbon', 'Sure']);
    expect(again[1]?.usage?.promptTokens).toBe(3);
    expect(new ConversationRepo(b.db).get(c.id)?.title).toBe('Trip');
    b.db.close();
  });

  it('marks replies left streaming as interrupted, keeping their text', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const { db } = openDatabase(file);
    const c = new ConversationRepo(db).create();
    const msgs = new MessageRepo(db);
    msgs.insert(msg(c.id, 2, { status: 'streaming', content: 'half a sent' }));
    expect(msgs.markInterrupted()).toBe(1);
    const m = msgs.list(c.id)[0]!;
    expect(m.status).toBe('interrupted');
    expect(m.content).toBe('half a sent');
    expect(m.error?.code).toBe('interrupted');
    db.close();
  });

  it('searches with FTS5: prefix, phrase, and input that would break a raw query', () => {
    const { db } = openDatabase(path.join(tempDir(), 'h.sqlite'));
    const convs = new ConversationRepo(db);
    const msgs = new MessageRepo(db);
    const c = convs.create({ title: 'Recipes' });
    msgs.insert(msg(c.id, 1, { content: 'How do I bake sourdough bread at home?' }));
    msgs.insert(msg(c.id, 2, { content: 'Feed the starter, then bake at 250 °C.' }));
    expect(searchMessages(db, 'sourd', 10).map((h) => h.messageId)).toEqual([`m1-${c.id}`]);
    expect(searchMessages(db, '"bake at"', 10).map((h) => h.messageId)).toEqual([`m2-${c.id}`]);
    expect(searchMessages(db, 'bake', 10)).toHaveLength(2);
    expect(searchMessages(db, 'bake', 10)[0]?.snippet).toContain('\u0001bake\u0002');
    for (const hostile of ['"', 'NEAR(', 'a OR', 'x AND NOT', '*', '(((', "'; DROP TABLE messages; --", 'col:val', '^', '-']) {
      expect(() => searchMessages(db, hostile, 10)).not.toThrow();
    }
    expect(toFtsQuery('  ')).toBeNull();
    // Edits are indexed: the old text is gone, the new one found.
    msgs.update(`m1-${c.id}`, { content: 'focaccia instead' });
    expect(searchMessages(db, 'sourdough', 10)).toHaveLength(0);
    expect(searchMessages(db, 'focaccia', 10)).toHaveLength(1);
    db.close();
  });

  it('backs the file up before migrating, and rolls a failed step back', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const { db } = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    new ConversationRepo(db).create({ title: 'keep me' });
    const failing = [...migrations, { version: LATEST_VERSION + 1, up: (d: DatabaseSync) => d.exec('CREATE TABLE t1 (x); SELECT no_such_function();') }];
    expect(() => migrate(db, file, failing)).toThrow(/rolled back/);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't1'").get()).toBeUndefined();
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.backup-v'));
    expect(backups).toHaveLength(1);
    const copy = new DatabaseSync(path.join(path.dirname(file), backups[0]!));
    expect((copy.prepare('SELECT title FROM conversations').get() as { title: string }).title).toBe('keep me');
    copy.close();

    const ok = [...migrations, { version: LATEST_VERSION + 1, up: (d: DatabaseSync) => d.exec('CREATE TABLE t2 (x)') }];
    expect(migrate(db, file, ok).backupPath).toMatch(new RegExp(`backup-v${LATEST_VERSION}-`));
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    db.close();
  });

  it('refuses a database from a newer app without touching it', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const { db } = openDatabase(file);
    db.exec('PRAGMA user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });

  it('sets a damaged file aside and starts a new one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'h.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const r = openDatabase(file);
    expect(r.recoveredFrom).toMatch(/corrupt/);
    expect(fs.existsSync(r.recoveredFrom!)).toBe(true);
    expect(new ConversationRepo(r.db).list()).toEqual([]);
    r.db.close();
  });

  it('checks every page after a session that did not close, and only then', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const filled = () => {
      const a = openDatabase(file);
      const c = new ConversationRepo(a.db).create({ title: 'Pages' });
      const msgs = new MessageRepo(a.db);
      msgs.atomically(() => {
        for (let seq = 1; seq <= 400; seq++) msgs.insert(msg(c.id, seq, { content: `message ${seq} `.repeat(40) }));
      });
      a.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      return a;
    };
    // Damage among the messages' pages (the schema lies in the first ~30), where only a full check reads.
    const damage = () => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096 * 70);
      fs.closeSync(fd);
    };

    // A clean close: the next start does not read the whole file.
    const clean = filled();
    expect(fs.existsSync(openMarker(file))).toBe(true);
    clean.closeCleanly();
    expect(fs.existsSync(openMarker(file))).toBe(false);
    damage();
    const trusted = openDatabase(file);
    expect(trusted.recoveredFrom).toBeNull();
    trusted.closeCleanly();

    // The process died with the database open (the marker stays): the damage is found at the next start.
    fs.rmSync(file);
    filled().db.close();
    expect(fs.existsSync(openMarker(file))).toBe(true);
    damage();
    const checked = openDatabase(file);
    expect(checked.recoveredFrom).toMatch(/corrupt/);
    expect(new ConversationRepo(checked.db).list()).toEqual([]);
    checked.closeCleanly();

    // Damage met during a session keeps the marker, so the next start checks even after a clean close.
    const noticed = openDatabase(file);
    noticed.noteError(new Error('database disk image is malformed'));
    noticed.noteError(new Error('UNIQUE constraint failed')); // not damage: changes nothing
    noticed.closeCleanly();
    expect(fs.existsSync(openMarker(file))).toBe(true);
    openDatabase(file).closeCleanly();
    expect(fs.existsSync(openMarker(file))).toBe(false);
  });

  it('checks at every start where the marker cannot be written', () => {
    const dir = tempDir();
    const file = path.join(dir, 'h.sqlite');
    openDatabase(file).closeCleanly();
    // A link to a folder that does not exist: no marker is there, and none can be written.
    fs.symlinkSync(path.join(dir, 'missing', 'marker'), openMarker(file));
    expect(fs.existsSync(openMarker(file))).toBe(false);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 8);
    fs.closeSync(fd);
    const r = openDatabase(file);
    expect(r.recoveredFrom).toMatch(/corrupt/);
    r.closeCleanly();
  });
});
