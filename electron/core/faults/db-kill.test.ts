// The history database survives a kill at any point of a write (WAL): a child process
// writes through the app's own repositories as fast as it can and is SIGKILLed at random
// moments, round after round on the same file. After every kill the file passes
// PRAGMA integrity_check and every write the child reported as committed is there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../history/database';
import { contentOf } from './versioned-content';
import { mulberry32 } from '../test-support/seeded-random';

const SEED = Number(process.env.KILL_SEED ?? 20250131);
const ROUNDS = 8;

let tmp: string;
let writer: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-kill-'));
  writer = path.join(tmp, 'db-writer.mjs');
  await build({ entryPoints: [path.join(import.meta.dirname, 'db-writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: writer, logLevel: 'silent' });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));


interface Committed {
  users: Map<string, number>; // id → seq (content is contentOf('u', seq))
  replies: Map<string, number>; // id → last version reported as committed
}

/** Runs the writer until it has committed `minLines` writes, waits `extraMs`, then SIGKILLs it. */
function runAndKill(dbFile: string, round: number, minLines: number, extraMs: number, into: Committed): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dbFile, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let lines = 0;
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      buffer += d;
      const parts = buffer.split('\n');
      buffer = parts.pop()!; // a half-written line is not a report
      for (const line of parts) {
        const [kind, id, n] = line.split(' ');
        if (kind === 'C') into.users.set(id!, Number(n));
        if (kind === 'V') into.replies.set(id!, Math.max(into.replies.get(id!) ?? -1, Number(n)));
        lines++;
      }
      if (!armed && lines >= minLines) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited on its own (${code}): ${stderr}`));
    });
  });
}

describe('history database under SIGKILL', () => {
  it(`keeps every committed write and passes integrity_check after ${ROUNDS} kills`, async () => {
    const rnd = mulberry32(SEED);
    const dbFile = path.join(tmp, 'history.sqlite');
    const committed: Committed = { users: new Map(), replies: new Map() };
    for (let round = 1; round <= ROUNDS; round++) {
      // Kill anywhere from right after the first writes to deep into a busy run.
      await runAndKill(dbFile, round, 1 + Math.floor(rnd() * 200), Math.floor(rnd() * 150), committed);
      expect(fs.existsSync(`${dbFile}-wal`), 'a kill leaves the WAL behind').toBe(true);

      // Opened as a plain SQLite reader first: recovery of the WAL happens here.
      const db = new DatabaseSync(dbFile);
      try {
        expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
        expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        const get = db.prepare('SELECT content, conversation_id FROM messages WHERE id = ?');
        for (const [id, seq] of committed.users) {
          const row = get.get(id) as { content: string } | undefined;
          expect(row, `user message ${id} (round ${round}, seed ${SEED})`).toBeDefined();
          expect(row!.content).toBe(contentOf('u', seq));
        }
        for (const [id, version] of committed.replies) {
          const row = get.get(id) as { content: string } | undefined;
          expect(row, `reply ${id} (round ${round}, seed ${SEED})`).toBeDefined();
          // The last reported version, or a later one whose report the kill cut off.
          const stored = Number(row!.content.split(':')[1]);
          expect(stored).toBeGreaterThanOrEqual(version);
          expect(row!.content).toBe(contentOf(id, stored));
        }
        // A question and its reply are inserted in one transaction: never one without the other.
        const counts = db.prepare('SELECT COUNT(*) AS n FROM messages GROUP BY conversation_id').all() as { n: number }[];
        for (const c of counts) expect(Number(c.n) % 2).toBe(0);
        const conversations = db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number };
        expect(Number(conversations.n)).toBe(round);
      } finally {
        db.close();
      }
    }
    expect(committed.users.size).toBeGreaterThan(ROUNDS);
    // And the app opens it as it is: not set aside as damaged.
    const opened = openDatabase(dbFile);
    expect(opened.recoveredFrom).toBeNull();
    opened.db.close();
  }, 60_000);
});
