// The model catalog: live lists (cached in the database with their time) where a
// provider has answered, the bundled model pages where it has not. One provider
// failing records its error and leaves the others usable.
import type { CatalogSource } from '../../../shared/api';
import { BUNDLED_AS_OF, BUNDLED_MODELS } from '../../../shared/catalog/bundled';
import type { ModelInfo } from '../../../shared/domain';
import type { EventBus } from '../events';
import type { CatalogCache } from '../history/catalog-cache';
import type { ProviderRecord } from '../history/providers-repo';
import type { ProviderAdapter } from '../providers/adapter';
import type { Vault } from '../secrets/vault';

export interface CatalogDeps {
  providers: () => ProviderRecord[];
  adapters: Record<string, ProviderAdapter>;
  vault: Vault;
  cache: CatalogCache;
  events: EventBus;
  fetch: typeof fetch;
  redact: (text: string) => string;
}

const BUNDLED_TIME = Date.parse(`${BUNDLED_AS_OF}T00:00:00Z`);

/** A model on a custom endpoint the user said takes images (as it publishes no capabilities). */
const seesImages = (m: ModelInfo): ModelInfo =>
  m.capabilities.vision ? m : { ...m, capabilities: { ...m.capabilities, vision: true }, inputModalities: [...new Set([...m.inputModalities, 'text', 'image'])] };

export class CatalogService {
  private errors = new Map<string, string>();
  private inflight = new Map<string, Promise<void>>();

  constructor(private readonly deps: CatalogDeps) {}

  list(): { models: ModelInfo[]; sources: CatalogSource[] } {
    const models: ModelInfo[] = [];
    const sources: CatalogSource[] = [];
    for (const p of this.deps.providers()) {
      const cached = this.deps.cache.get(p.id);
      if (cached) {
        models.push(...(p.kind === 'openai' && p.options.modelsSeeImages ? cached.models.map(seesImages) : cached.models));
        sources.push({ providerId: p.id, source: 'live', asOf: cached.fetchedAt, error: this.errors.get(p.id) ?? null });
      } else {
        const bundled = p.builtIn ? BUNDLED_MODELS.filter((m) => m.provider === p.kind) : [];
        models.push(...bundled.map((m) => ({ ...m, provider: p.id })));
        sources.push({ providerId: p.id, source: 'bundled', asOf: BUNDLED_TIME, error: this.errors.get(p.id) ?? null });
      }
    }
    return { models, sources };
  }

  find(providerId: string, modelId: string): ModelInfo | null {
    return this.list().models.find((m) => m.provider === providerId && m.id === modelId) ?? null;
  }

  async refresh(providerId?: string): Promise<{ models: ModelInfo[]; sources: CatalogSource[] }> {
    const targets = this.deps.providers().filter((p) => !providerId || p.id === providerId);
    await Promise.all(targets.map((p) => this.refreshOne(p)));
    const result = this.list();
    this.deps.events.emit('catalog.updated', { sources: result.sources });
    return result;
  }

  /** Resolves when no refresh is running (so the database can close under none). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inflight.values()]);
  }

  private refreshOne(p: ProviderRecord): Promise<void> {
    const running = this.inflight.get(p.id);
    if (running) return running;
    const job = (async () => {
      const adapter = this.deps.adapters[p.kind];
      if (!adapter) return;
      try {
        const key = await this.deps.vault.get(p.id);
        const models = await adapter.fetchCatalog({ baseUrl: p.baseUrl.replace(/\/+$/, ''), key, fetch: this.deps.fetch });
        // An empty answer is a broken list, not a provider without models: keep what we had.
        if (models.length === 0) throw new Error('the provider listed no models');
        // Entries the app cannot carry (an absurd id, say) are left out, not the whole list.
        const { kept } = this.deps.cache.put(p.id, models.map((m) => ({ ...m, provider: p.id, source: 'live' as const })));
        if (kept === 0) throw new Error(`none of the ${models.length} models it listed could be read`);
        this.errors.delete(p.id);
      } catch (err) {
        this.errors.set(p.id, this.deps.redact(`Could not load ${p.name} models: ${(err as Error).message}`));
      }
    })().finally(() => this.inflight.delete(p.id));
    this.inflight.set(p.id, job);
    return job;
  }
}
