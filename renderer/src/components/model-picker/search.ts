// Search, filters and sort for the model picker: pure functions over ModelInfo, so the
// dialog only wires state to them (and they are unit-tested without a browser).
import type { ModelInfo, Privacy } from '../../../../shared/domain';

export type SortKey = 'name' | 'price' | 'context' | 'popular';

export interface Filters {
  /** '' = every provider. */
  provider: string;
  /** '' = any privacy. */
  privacy: Privacy | '';
  thinking: boolean;
  vision: boolean;
  tools: boolean;
  /** USD per 1M input tokens; null = no limit. A model without a known price never passes a limit. */
  maxInputPrice: number | null;
  /** Tokens; null = no minimum. */
  minContext: number | null;
}

export const NO_FILTERS: Filters = { provider: '', privacy: '', thinking: false, vision: false, tools: false, maxInputPrice: null, minContext: null };

export const routeKey = (m: { provider: string; id: string }) => `${m.provider}\n${m.id}`;

/**
 * How well `text` matches one query term: contiguous matches beat scattered ones, a match at
 * the start or after a separator beats one mid-word. -1 when the term's letters are not all
 * there in order.
 */
export function termScore(term: string, text: string): number {
  const t = text.toLowerCase();
  if (!term) return 0;
  const at = t.indexOf(term);
  if (at >= 0) {
    const boundary = at === 0 || /[\s/\-_.:]/.test(t[at - 1]!);
    return 100 + (boundary ? 50 : 0) + (t.length === term.length ? 50 : 0) - Math.min(at, 30);
  }
  // Subsequence: every letter in order; each gap costs, so "gpt5" finds "gpt-5.2" ahead of "gpt-oss-…5".
  let score = 40;
  let pos = -1;
  for (const ch of term) {
    const next = t.indexOf(ch, pos + 1);
    if (next < 0) return -1;
    if (pos >= 0 && next > pos + 1) score -= Math.min(next - pos - 1, 8);
    pos = next;
  }
  // Letters scattered all over a long id are noise, not a match.
  return score >= 10 ? score : -1;
}

/**
 * Fuzzy score of a model for a query: every whitespace-separated term must match the name,
 * the id or the provider's name; the score is the sum of each term's best field (name first).
 * -1 = no match; 0 for an empty query.
 */
export function matchScore(query: string, m: ModelInfo, providerName: string): number {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  let total = 0;
  for (const term of terms) {
    // A small bias: the display name first, the provider's name last.
    const fields = [termScore(term, m.name), termScore(term, m.id), termScore(term, providerName)];
    const best = Math.max(fields[0]! < 0 ? -1 : fields[0]! + 5, fields[1]!, fields[2]! < 0 ? -1 : Math.max(1, fields[2]! - 10));
    if (best < 0) return -1;
    total += best;
  }
  return total;
}

export function passes(m: ModelInfo, f: Filters): boolean {
  if (f.provider && m.provider !== f.provider) return false;
  if (f.privacy && m.privacy !== f.privacy) return false;
  if (f.thinking && !m.capabilities.reasoning) return false;
  if (f.vision && !m.capabilities.vision) return false;
  if (f.tools && !m.capabilities.tools) return false;
  if (f.maxInputPrice !== null && (m.pricing.input === null || m.pricing.input > f.maxInputPrice)) return false;
  if (f.minContext !== null && (m.contextLength === null || m.contextLength < f.minContext)) return false;
  return true;
}

export const activeFilterCount = (f: Filters) =>
  [f.provider, f.privacy, f.thinking, f.vision, f.tools, f.maxInputPrice !== null, f.minContext !== null].filter(Boolean).length;

const byName = (a: ModelInfo, b: ModelInfo) => (a.name || a.id).localeCompare(b.name || b.id, undefined, { sensitivity: 'base' }) || a.provider.localeCompare(b.provider);

/** Unknown values sort last whatever the direction. */
const nullsLast = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

/** Largest first, unknown still last. */
const neg = (n: number | null) => (n === null ? null : -n);

const popularRank = (m: ModelInfo) => {
  const r = Number(m.extra.popularRank);
  return Number.isFinite(r) && r > 0 ? r : null;
};

export function compare(sort: SortKey): (a: ModelInfo, b: ModelInfo) => number {
  const order = (a: ModelInfo, b: ModelInfo): number => {
    switch (sort) {
      case 'price':
        return nullsLast(a.pricing.input, b.pricing.input) || nullsLast(a.pricing.output, b.pricing.output) || byName(a, b);
      case 'context':
        return nullsLast(neg(a.contextLength), neg(b.contextLength)) || byName(a, b);
      case 'popular':
        return nullsLast(popularRank(a), popularRank(b)) || byName(a, b);
      default:
        return byName(a, b);
    }
  };
  // Models a conversation cannot use go to the end of any order.
  return (a, b) => Number(!a.chat) - Number(!b.chat) || order(a, b);
}

/** Models in `filtered` order, ranked by the query first when there is one. */
export function searchModels(models: ModelInfo[], query: string, filters: Filters, sort: SortKey, providerName: (id: string) => string): ModelInfo[] {
  const kept = models.filter((m) => passes(m, filters));
  const cmp = compare(sort);
  if (!query.trim()) return kept.sort(cmp);
  const scored: { m: ModelInfo; s: number }[] = [];
  for (const m of kept) {
    const s = matchScore(query, m, providerName(m.provider));
    if (s >= 0) scored.push({ m, s });
  }
  return scored.sort((a, b) => b.s - a.s || cmp(a.m, b.m)).map((x) => x.m);
}

/** Every provider that offers the same model id (case-insensitive), for "Also on" lines. */
export function routesById(models: ModelInfo[]): Map<string, ModelInfo[]> {
  const map = new Map<string, ModelInfo[]>();
  for (const m of models) {
    const k = m.id.toLowerCase();
    const list = map.get(k);
    if (list) list.push(m);
    else map.set(k, [m]);
  }
  return map;
}
