import type { DatabaseSync } from 'node:sqlite';
import type { Provider, ProviderKind } from '../../../shared/domain';
import { fromJson } from './json-columns';

export type ProviderRecord = Omit<Provider, 'hasKey'>;
type Row = Record<string, unknown>;

function toRecord(r: Row): ProviderRecord {
  return {
    id: String(r.id),
    kind: r.kind as ProviderKind,
    name: String(r.name),
    baseUrl: String(r.base_url),
    defaultModel: (r.default_model as string | null) ?? null,
    builtIn: r.built_in === 1,
    options: fromJson<Provider['options']>(r.options) ?? {},
  };
}

export class ProvidersRepo {
  constructor(private readonly db: DatabaseSync) {}

  list(): ProviderRecord[] {
    return (this.db.prepare('SELECT * FROM providers ORDER BY built_in DESC, created_at').all() as Row[]).map(toRecord);
  }

  get(id: string): ProviderRecord | null {
    const r = this.db.prepare('SELECT * FROM providers WHERE id = ?').get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  upsert(p: ProviderRecord): void {
    this.db
      .prepare(
        `INSERT INTO providers (id, kind, name, base_url, default_model, built_in, options, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, base_url = excluded.base_url,
           default_model = excluded.default_model, built_in = excluded.built_in, options = excluded.options`,
      )
      .run(p.id, p.kind, p.name, p.baseUrl, p.defaultModel, p.builtIn ? 1 : 0, JSON.stringify(p.options), Date.now());
  }

  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM providers WHERE id = ?').run(id).changes) > 0;
  }
}
