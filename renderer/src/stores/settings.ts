import { create } from 'zustand';
import type { Settings } from '../../../shared/api';
import { api } from '../bridge';

export type Theme = Settings['theme'];

interface SettingsState {
  settings: Settings | null;
  load(): Promise<Settings>;
  update(change: Partial<Settings>): Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  async load() {
    const settings = await api('settings.get', {});
    set({ settings });
    return settings;
  },
  async update(change) {
    const before = get().settings;
    // Optimistic, so the theme switches at once.
    if (before) set({ settings: { ...before, ...change } });
    try {
      set({ settings: await api('settings.update', change) });
    } catch (err) {
      set({ settings: before });
      throw err;
    }
  },
}));
