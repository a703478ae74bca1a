// Opens the history database: WAL, integrity check after an unclean exit, migrations (backed up first).
import { DatabaseSync } from 'node:sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations';

export interface OpenResult {
  db: DatabaseSync;
  /** Set when the file failed its integrity check and was set aside. */
  recoveredFrom: string | null;
  backupPath: string | null;
  /** Closes the database and records that this session ended cleanly (unless it reported damage). */
  closeCleanly(): void;
  /** An error from using the database: one that reports damage keeps the next start's full check. */
  noteError(err: unknown): void;
}

const DAMAGE = /not a database|malformed|corrupt/i;

/**
 * Exists while the database is open. Found at open, it means the last session did not close
 * (a crash, a kill, power lost): the one case where a full integrity check is worth its cost,
 * as it reads every page of the file (seconds for a large history, at every start otherwise).
 */
export const openMarker = (file: string) => `${file}.open`;

export function openDatabase(file: string): OpenResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let recoveredFrom: string | null = null;
  const marker = openMarker(file);
  // Written before anything else touches the file (a crash in a migration is checked too);
  // where it cannot be written, an unclean exit could not be told, so every start checks.
  const check = fs.existsSync(marker) || !writeMarker(marker);
  let db = tryOpen(file);
  if (!db || (check && !isIntact(db))) {
    // Keep the damaged file for the user (and for recovery tools); never overwrite it.
    db?.close();
    recoveredFrom = `${file}.corrupt-${Date.now()}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, recoveredFrom + suffix);
    }
    db = open(file);
  }
  const { backupPath } = migrate(db, file);
  const opened = db;
  let closed = false;
  let damaged = false;
  return {
    db,
    recoveredFrom,
    backupPath,
    closeCleanly() {
      if (closed) return;
      closed = true;
      opened.close();
      if (damaged) return; // the next start checks every page
      try {
        fs.rmSync(marker, { force: true });
      } catch {
        // Left in place, it only makes the next start check: the safe side.
      }
    },
    noteError(err) {
      if (DAMAGE.test(err instanceof Error ? err.message : String(err))) damaged = true;
    },
  };
}

/** False when the marker cannot be written (a read-only folder). Synced: a power cut must not lose it. */
function writeMarker(marker: string): boolean {
  try {
    const fd = fs.openSync(marker, 'w');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}

/** Null when the file is damaged; other failures (permissions, a locked file) are thrown as they are. */
function tryOpen(file: string): DatabaseSync | null {
  try {
    return open(file);
  } catch (err) {
    if (DAMAGE.test((err as Error).message)) return null;
    throw err;
  }
}

function open(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a process kill; only an OS crash can lose the last commit.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

function isIntact(db: DatabaseSync): boolean {
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    return false;
  }
}
