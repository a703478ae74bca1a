import type { DatabaseSync } from 'node:sqlite';

let depth = 0;

/**
 * Runs `fn` atomically: everything it wrote is kept, or (when it throws) nothing is.
 * A savepoint rather than BEGIN, so it nests inside a caller's transaction.
 */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  const name = `tx${++depth}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (err) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw err;
  } finally {
    depth--;
  }
}
