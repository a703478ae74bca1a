// Versioned schema (PRAGMA user_version). Before migrating an existing file it is
// copied with VACUUM INTO; each step runs in a transaction, so a failed step leaves
// the database exactly at its previous version.
import type { DatabaseSync } from 'node:sqlite';
import fs from 'node:fs';
import { AppError } from '../errors';

export interface Migration {
  version: number;
  up: (db: DatabaseSync) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    up: (db) =>
      db.exec(`
        CREATE TABLE providers (
          id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, base_url TEXT NOT NULL,
          default_model TEXT, built_in INTEGER NOT NULL DEFAULT 0, options TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL);
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY, title TEXT NOT NULL, provider_id TEXT, model_id TEXT,
          pinned INTEGER NOT NULL DEFAULT 0, private_only INTEGER NOT NULL DEFAULT 0,
          thinking TEXT NOT NULL DEFAULT '{"enabled":false,"effort":"medium"}', budget_usd REAL,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE INDEX conversations_recent ON conversations(pinned DESC, updated_at DESC);
        CREATE TABLE messages (
          id TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', reasoning TEXT,
          status TEXT NOT NULL, provider_id TEXT, model_requested TEXT, model_served TEXT, privacy TEXT,
          error TEXT, usage TEXT, cost TEXT, pricing TEXT, timings TEXT, fallback TEXT,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        CREATE UNIQUE INDEX messages_by_conversation ON messages(conversation_id, seq);
        CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';
        CREATE TABLE catalog_cache (provider_id TEXT PRIMARY KEY, fetched_at INTEGER NOT NULL, models TEXT NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE VIRTUAL TABLE messages_fts USING fts5(
          content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
          INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
        END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
          INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
        END;
      `),
  },
  {
    // Delete with undo: a deleted conversation goes to the trash (deleted_at set) and is
    // hidden everywhere; it is purged for real after a grace period (see purgeTrash).
    version: 2,
    up: (db) =>
      db.exec(`
        ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
        CREATE INDEX conversations_trash ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;
      `),
  },
  {
    // TEE verification: each Private reply's result on the message, and the exact bytes sent
    // and received (the provider signs their SHA-256), kept apart so lists never load them.
    version: 3,
    up: (db) =>
      db.exec(`
        ALTER TABLE messages ADD COLUMN verification TEXT;
        CREATE TABLE reply_evidence (
          message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
          provider_id TEXT NOT NULL, model_id TEXT NOT NULL, completion_id TEXT,
          request_body BLOB, response_bytes BLOB, too_large INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL);
      `),
  },
  {
    // Cost ledger: the Spending view and CSV export scan billed replies by time.
    version: 4,
    up: (db) => db.exec(`CREATE INDEX messages_billed_by_time ON messages(created_at) WHERE role = 'assistant' AND cost IS NOT NULL;`),
  },
  {
    // Performance: a streaming reply is written every quarter second, and re-indexing its
    // whole text each time (FTS5 delete + insert) stalled the stream as replies grew long.
    // A reply is indexed once it stops streaming; rows still streaming are taken out now,
    // since the triggers below assume a streaming row is not in the index.
    version: 5,
    up: (db) =>
      db.exec(`
        INSERT INTO messages_fts(messages_fts, rowid, content) SELECT 'delete', rowid, content FROM messages WHERE status = 'streaming';
        DROP TRIGGER messages_fts_insert;
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
          INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
        END;
        -- One trigger, so the old text always leaves the index before the new one enters it.
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages
          WHEN old.status <> 'streaming' OR new.status <> 'streaming' BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content) SELECT 'delete', old.rowid, old.content
            WHERE old.status <> 'streaming' AND (new.status = 'streaming' OR new.content IS NOT old.content);
          INSERT INTO messages_fts(rowid, content) SELECT new.rowid, new.content
            WHERE new.status <> 'streaming' AND (old.status = 'streaming' OR new.content IS NOT old.content);
        END;
      `),
  },
  {
    // Attachments: each message lists its images/PDFs (existing ones get none); the files live
    // in <dataDir>/attachments and this table says which message owns each (NULL = pending,
    // not sent yet, or its message was deleted: removed at startup after a day).
    version: 6,
    up: (db) =>
      db.exec(`
        ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE attachments (
          id TEXT PRIMARY KEY,
          message_id TEXT REFERENCES messages(id) ON DELETE SET NULL,
          kind TEXT NOT NULL, mime TEXT NOT NULL, name TEXT NOT NULL, bytes INTEGER NOT NULL,
          width INTEGER, height INTEGER, created_at INTEGER NOT NULL);
        CREATE INDEX attachments_pending ON attachments(created_at) WHERE message_id IS NULL;
        CREATE INDEX attachments_by_message ON attachments(message_id);
      `),
  },
];

export const LATEST_VERSION = Math.max(...migrations.map((m) => m.version));

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

export function migrate(db: DatabaseSync, file: string, steps: Migration[] = migrations): { backupPath: string | null } {
  const current = schemaVersion(db);
  const latest = Math.max(...steps.map((m) => m.version));
  if (current > latest) {
    throw new AppError(
      'db_too_new',
      `The history database was written by a newer version of the app (schema ${current}, this app knows ${latest}). Update the app; the file was not changed.`,
    );
  }
  const pending = steps.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { backupPath: null };

  let backupPath: string | null = null;
  if (current > 0) {
    backupPath = `${file}.backup-v${current}-${Date.now()}`;
    if (fs.existsSync(backupPath)) fs.rmSync(backupPath);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const step of pending) {
    db.exec('BEGIN IMMEDIATE');
    try {
      step.up(db);
      db.exec(`PRAGMA user_version = ${step.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new AppError(
        'migration_failed',
        `Upgrading the history database to schema ${step.version} failed and was rolled back (${(err as Error).message}).` +
          (backupPath ? ` A copy taken before the upgrade is at ${backupPath}.` : ''),
      );
    }
  }
  return { backupPath };
}
