// Conversation search: the query, its results (history.search) and the keyboard cursor.
import { create } from 'zustand';
import type { SearchHit } from '../../../shared/contract/history';
import { api, errorMessage } from '../bridge';

interface SearchState {
  query: string;
  hits: SearchHit[];
  /** The query the hits answer (results lag the typing by the debounce). */
  answered: string;
  loading: boolean;
  error: string | null;
  active: number;
  setQuery(query: string): void;
  move(delta: number): void;
  setActive(index: number): void;
  clear(): void;
}

const DEBOUNCE_MS = 150;
let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  hits: [],
  answered: '',
  loading: false,
  error: null,
  active: 0,

  setQuery(query) {
    set({ query });
    clearTimeout(timer);
    const q = query.trim();
    if (!q) {
      seq++;
      set({ hits: [], answered: '', loading: false, error: null, active: 0 });
      return;
    }
    set({ loading: true });
    timer = setTimeout(() => {
      const mine = ++seq;
      api('history.search', { query: q.slice(0, 500), limit: 50 })
        .then((hits) => {
          // A slower answer to an older query never replaces a newer one.
          if (mine === seq) set({ hits, answered: q, loading: false, error: null, active: 0 });
        })
        .catch((err: unknown) => {
          if (mine === seq) set({ hits: [], answered: q, loading: false, error: errorMessage(err), active: 0 });
        });
    }, DEBOUNCE_MS);
  },

  move(delta) {
    const { hits, active } = get();
    if (hits.length === 0) return;
    set({ active: Math.min(hits.length - 1, Math.max(0, active + delta)) });
  },

  setActive: (index) => set({ active: index }),

  clear() {
    get().setQuery('');
  },
}));
