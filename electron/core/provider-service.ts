// Providers as the user configures them. Keys go to the vault; the records never hold one.
import { randomUUID } from 'node:crypto';
import type { Provider } from '../../shared/domain';
import type { CallParsedInput } from '../../shared/api';
import { AppError, notFound } from './errors';
import type { ProviderRecord, ProvidersRepo } from './history/providers-repo';
import { BUILT_IN_PROVIDERS } from './providers/registry';
import type { Vault } from './secrets/vault';

export class ProviderService {
  constructor(
    private readonly repo: ProvidersRepo,
    private readonly vault: Vault,
  ) {}

  /** First start adds the built-ins; later starts keep the user's base URL and model choices. */
  seed(): void {
    for (const p of BUILT_IN_PROVIDERS) if (!this.repo.get(p.id)) this.repo.upsert(p);
  }

  async list(): Promise<Provider[]> {
    return Promise.all(this.repo.list().map(async (p) => ({ ...p, hasKey: await this.vault.has(p.id) })));
  }

  async save(input: CallParsedInput<'providers.save'>): Promise<Provider> {
    const existing = input.id ? this.repo.get(input.id) : null;
    if (input.id && !existing) throw notFound('Provider');
    const record: ProviderRecord = existing
      ? {
          ...existing,
          name: existing.builtIn ? existing.name : input.name,
          baseUrl: input.baseUrl.replace(/\/+$/, ''),
          defaultModel: input.defaultModel === undefined ? existing.defaultModel : input.defaultModel || null,
          options: { ...existing.options, ...input.options },
        }
      : {
          id: `custom-${randomUUID().slice(0, 8)}`,
          kind: input.kind === 'openai' ? 'openai' : input.kind,
          name: input.name,
          baseUrl: input.baseUrl.replace(/\/+$/, ''),
          defaultModel: input.defaultModel || null,
          builtIn: false,
          options: input.options ?? {},
        };
    this.repo.upsert(record);
    if (input.apiKey) await this.vault.set(record.id, input.apiKey);
    return { ...record, hasKey: await this.vault.has(record.id) };
  }

  async remove(id: string): Promise<void> {
    const p = this.repo.get(id);
    if (!p) throw notFound('Provider');
    if (p.builtIn) throw new AppError('built_in', `${p.name} is built in and cannot be removed; remove its key instead.`);
    await this.vault.remove(id);
    this.repo.delete(id);
  }

  get(id: string): ProviderRecord {
    const p = this.repo.get(id);
    if (!p) throw notFound('Provider');
    return p;
  }
}
