// What to tell the user when the core cannot start. SQLite's own words ("unable to open
// database file") name neither the folder nor the fix.
export function explainStartupError(err: unknown, dataDir: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  if (/unable to open database file|readonly|read-only|EACCES|EPERM|EROFS|permission denied/i.test(raw)) {
    return `Parley cannot write to its data folder ${dataDir}. Check that the folder exists and that you may write to it, or choose another with --data-dir / PARLEY_DATA_DIR. (${raw})`;
  }
  if (/disk is full|database or disk is full|ENOSPC|SQLITE_FULL/i.test(raw)) {
    return `The disk holding Parley's data folder ${dataDir} is full. Free some space and start Parley again. (${raw})`;
  }
  return raw;
}
