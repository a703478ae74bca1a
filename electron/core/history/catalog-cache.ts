import type { DatabaseSync } from 'node:sqlite';
import type { ModelInfo } from '../../../shared/domain';
import { fromJson } from './json-columns';

export class CatalogCache {
  constructor(private readonly db: DatabaseSync) {}

  get(providerId: string): { fetchedAt: number; models: ModelInfo[] } | null {
    const r = this.db.prepare('SELECT fetched_at, models FROM catalog_cache WHERE provider_id = ?').get(providerId) as
      | { fetched_at: number; models: string }
      | undefined;
    const models = r ? fromJson<ModelInfo[]>(r.models) : null;
    return r && models ? { fetchedAt: Number(r.fetched_at), models } : null;
  }

  put(providerId: string, models: ModelInfo[], fetchedAt = Date.now()): void {
    this.db
      .prepare('INSERT INTO catalog_cache (provider_id, fetched_at, models) VALUES (?, ?, ?) ON CONFLICT(provider_id) DO UPDATE SET fetched_at = excluded.fetched_at, models = excluded.models')
      .run(providerId, fetchedAt, JSON.stringify(models));
  }
}
