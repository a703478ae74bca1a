// Starred models: a UI preference kept in this browser profile's localStorage (no secret,
// nothing another device needs), so Settings' schema stays untouched.
import { create } from 'zustand';
import { routeKey } from './search';

const STORAGE_KEY = 'parley.favoriteModels';

function read(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];
  } catch {
    return [];
  }
}

interface FavoritesState {
  keys: string[];
  toggle(route: { provider: string; id: string }): void;
}

export const useFavorites = create<FavoritesState>((set, get) => ({
  keys: read(),
  toggle(route) {
    const k = routeKey(route);
    const keys = get().keys.includes(k) ? get().keys.filter((x) => x !== k) : [...get().keys, k];
    set({ keys });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
    } catch {
      // Storage full or disabled: the star still works for this session.
    }
  },
}));
