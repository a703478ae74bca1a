// Search: typical queries through the real router (validation included), in-process via
// createCore on the seeded data folder. Each query runs `reps` times after a warm-up.
import { createCore } from '../../electron/core/app';
import type { Keychain } from '../../electron/core/secrets/vault';
import { percentile, summary } from './stats';

/** What people type: topic words of mixed frequency, two-word queries, a phrase, prefixes mid-typing, a miss. */
export const QUERIES = [
  'sourdough',
  'kubernetes ingress',
  'migration',
  'lisbon',
  'attention transformer',
  'database index',
  '"retry backoff"',
  'perf',
  'datab',
  'tokenizer stemming',
  'error',
  'cello sonata',
  'nothingmatchesthis',
];

export interface SearchResult {
  via: string;
  reps: number;
  all: ReturnType<typeof summary>;
  perQuery: { query: string; hits: number; p50: number; p95: number }[];
}

/** The search never touches keys; an in-memory keychain keeps the OS one out of it. */
const memoryKeychain: Keychain = {
  getPassword: async () => null,
  setPassword: async () => undefined,
  deletePassword: async () => false,
};

export async function measureSearch(dataDir: string, reps = 30): Promise<SearchResult> {
  const core = await createCore({ dataDir, keychainService: 'parley-bench', mode: 'web', appVersion: 'bench', keychain: memoryKeychain });
  try {
    const run = async (query: string) => {
      const t = performance.now();
      const r = await core.router('history.search', { query, limit: 50 });
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(`history.search failed: ${r.error.message}`);
      return { ms, hits: (r.value as unknown[]).length };
    };
    for (const q of QUERIES) await run(q);
    const times = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
    const hits = new Map<string, number>();
    for (let i = 0; i < reps; i++) {
      for (const q of QUERIES) {
        const r = await run(q);
        times.get(q)!.push(r.ms);
        hits.set(q, r.hits);
      }
    }
    const all = [...times.values()].flat();
    return {
      via: 'router in-process (createCore → history.search, limit 50)',
      reps,
      all: summary(all),
      perQuery: QUERIES.map((q) => ({ query: q, hits: hits.get(q)!, p50: percentile(times.get(q)!, 50), p95: percentile(times.get(q)!, 95) })),
    };
  } finally {
    await core.close();
  }
}
