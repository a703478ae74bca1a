import { create } from 'zustand';
import type { CallInput } from '../../../shared/api';
import type { Provider } from '../../../shared/domain';
import { api } from '../bridge';

interface ProvidersState {
  list: Provider[];
  loaded: boolean;
  load(): Promise<void>;
  save(input: CallInput<'providers.save'>): Promise<Provider>;
  remove(id: string): Promise<void>;
  setKey(providerId: string, apiKey: string): Promise<void>;
  removeKey(providerId: string): Promise<void>;
}

export const useProviders = create<ProvidersState>((set) => {
  const patch = (id: string, change: Partial<Provider>) =>
    set((s) => ({ list: s.list.map((p) => (p.id === id ? { ...p, ...change } : p)) }));
  return {
    list: [],
    loaded: false,
    async load() {
      set({ list: await api('providers.list', {}), loaded: true });
    },
    async save(input) {
      const p = await api('providers.save', input);
      set((s) => ({ list: s.list.some((x) => x.id === p.id) ? s.list.map((x) => (x.id === p.id ? p : x)) : [...s.list, p] }));
      return p;
    },
    async remove(id) {
      await api('providers.remove', { id });
      set((s) => ({ list: s.list.filter((p) => p.id !== id) }));
    },
    async setKey(providerId, apiKey) {
      const { hasKey } = await api('keys.set', { providerId, apiKey });
      patch(providerId, { hasKey });
    },
    async removeKey(providerId) {
      const { hasKey } = await api('keys.remove', { providerId });
      patch(providerId, { hasKey });
    },
  };
});

export const providerById = (list: Provider[], id: string | null | undefined) => list.find((p) => p.id === id) ?? null;
