import type { DatabaseSync } from 'node:sqlite';
import { ModelInfo } from '../../../shared/domain';
import { fromJson } from './json-columns';

/**
 * Keeps only the entries the contract can carry: one odd model in a provider's list (an id
 * of 400 characters, a context of 0) would otherwise fail every catalog answer, for every
 * provider, and stay cached across restarts.
 */
function validModels(models: readonly unknown[]): { models: ModelInfo[]; dropped: number } {
  const ok: ModelInfo[] = [];
  for (const m of models) {
    const r = ModelInfo.safeParse(m);
    if (r.success) ok.push(r.data);
  }
  return { models: ok, dropped: models.length - ok.length };
}

export class CatalogCache {
  /** Rows already checked, by provider and fetch time (a list cached by an older version is checked once). */
  private readonly checked = new Map<string, number>();

  constructor(private readonly db: DatabaseSync) {}

  get(providerId: string): { fetchedAt: number; models: ModelInfo[] } | null {
    const r = this.db.prepare('SELECT fetched_at, models FROM catalog_cache WHERE provider_id = ?').get(providerId) as
      | { fetched_at: number; models: string }
      | undefined;
    const models = r ? fromJson<ModelInfo[]>(r.models) : null;
    if (!r || !Array.isArray(models)) return null;
    const fetchedAt = Number(r.fetched_at);
    if (this.checked.get(providerId) === fetchedAt) return { fetchedAt, models };
    const valid = validModels(models);
    if (valid.dropped > 0) this.write(providerId, valid.models, fetchedAt);
    this.checked.set(providerId, fetchedAt);
    return { fetchedAt, models: valid.models };
  }

  /** Caches the entries the contract can carry; with none, keeps what was cached. Returns how many it kept. */
  put(providerId: string, models: readonly unknown[], fetchedAt = Date.now()): { kept: number } {
    const valid = validModels(models);
    if (valid.models.length === 0) return { kept: 0 };
    this.write(providerId, valid.models, fetchedAt);
    this.checked.set(providerId, fetchedAt);
    return { kept: valid.models.length };
  }

  private write(providerId: string, models: ModelInfo[], fetchedAt: number): void {
    this.db
      .prepare('INSERT INTO catalog_cache (provider_id, fetched_at, models) VALUES (?, ?, ?) ON CONFLICT(provider_id) DO UPDATE SET fetched_at = excluded.fetched_at, models = excluded.models')
      .run(providerId, fetchedAt, JSON.stringify(models));
  }
}
