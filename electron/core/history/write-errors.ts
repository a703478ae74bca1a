/** A sentence for a failed database write, naming the likely cause. */
export function describeWriteError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/readonly|read-only|SQLITE_READONLY/i.test(text)) {
    return 'Could not save to the history database: the file or folder is read-only. What is on screen is kept in memory; fix the permissions to save it.';
  }
  if (/full|SQLITE_FULL|ENOSPC/i.test(text)) {
    return 'Could not save to the history database: the disk is full. What is on screen is kept in memory; free some space to save it.';
  }
  return `Could not save to the history database (${text}). What is on screen is kept in memory.`;
}
