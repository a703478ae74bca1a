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
  /** Closes the database and records that this session ended cleanly. */
  closeCleanly(): void;
}

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
  const unclean = fs.existsSync(marker);
  let db = tryOpen(file);
  if (!db || (unclean && !isIntact(db))) {
    // Keep the damaged file for the user (and for recovery tools); never overwrite it.
    db?.close();
    recoveredFrom = `${file}.corrupt-${Date.now()}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, recoveredFrom + suffix);
    }
    db = open(file);
  }
  const { backupPath } = migrate(db, file);
  fs.writeFileSync(marker, '');
  const opened = db;
  return {
    db,
    recoveredFrom,
    backupPath,
    closeCleanly() {
      if (!opened.isOpen) return;
      opened.close();
      fs.rmSync(marker, { force: true });
    },
  };
}

/** Null when the file is damaged; other failures (permissions, a locked file) are thrown as they are. */
function tryOpen(file: string): DatabaseSync | null {
  try {
    return open(file);
  } catch (err) {
    if (/not a database|malformed|corrupt/i.test((err as Error).message)) return null;
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
