import type { providerCalls } from '../../../shared/contract/providers';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const providerHandlers = (s: Services): DomainHandlers<typeof providerCalls> => ({
  'providers.list': () => s.providers.list(),
  'providers.save': async (input) => {
    const p = await s.providers.save(input);
    void s.catalog.refresh(p.id);
    return p;
  },
  'providers.remove': async ({ id }) => {
    await s.providers.remove(id);
    return { ok: true as const };
  },
  'keys.set': async ({ providerId, apiKey }) => {
    s.providers.get(providerId);
    await s.vault.set(providerId, apiKey);
    void s.catalog.refresh(providerId);
    return { hasKey: true };
  },
  'keys.remove': async ({ providerId }) => {
    s.providers.get(providerId);
    await s.vault.remove(providerId);
    return { hasKey: false };
  },
  'keys.has': async ({ providerId }) => ({ hasKey: await s.vault.has(providerId) }),
});
