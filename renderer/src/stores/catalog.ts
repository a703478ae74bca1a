import { create } from 'zustand';
import type { CatalogSource } from '../../../shared/api';
import type { ModelInfo } from '../../../shared/domain';
import { api } from '../bridge';

interface CatalogState {
  models: ModelInfo[];
  sources: CatalogSource[];
  loaded: boolean;
  load(): Promise<void>;
  refresh(providerId?: string): Promise<void>;
}

export const useCatalog = create<CatalogState>((set) => ({
  models: [],
  sources: [],
  loaded: false,
  async load() {
    const { models, sources } = await api('catalog.list', {});
    set({ models, sources, loaded: true });
  },
  async refresh(providerId) {
    const { models, sources } = await api('catalog.refresh', providerId ? { providerId } : {});
    set({ models, sources, loaded: true });
  },
}));

export const findModel = (models: ModelInfo[], providerId: string | null, modelId: string | null) =>
  modelId ? (models.find((m) => m.id === modelId && (!providerId || m.provider === providerId)) ?? null) : null;
