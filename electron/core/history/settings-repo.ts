import type { DatabaseSync } from 'node:sqlite';
import { fromJson } from './json-columns';

/** Small key → JSON value table for app settings and UI state. */
export class SettingsRepo {
  constructor(private readonly db: DatabaseSync) {}

  all(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
      out[r.key] = fromJson(r.value);
    }
    return out;
  }

  set(values: Record<string, unknown>): void {
    const stmt = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [k, v] of Object.entries(values)) if (v !== undefined) stmt.run(k, JSON.stringify(v));
  }
}
