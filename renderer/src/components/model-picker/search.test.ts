import { describe, expect, it } from 'vitest';
import { BUNDLED_MODELS } from '../../../../shared/catalog/bundled';
import { modelInfo } from '../../../../shared/catalog/model-info';
import { formatContext, formatPerMillion, formatPriceIO, timeAgo } from './format';
import { matchScore, NO_FILTERS, passes, routesById, searchModels, termScore } from './search';

const NAMES: Record<string, string> = { near: 'NEAR AI Cloud', nanogpt: 'NanoGPT', llmbase: 'LLMBase' };
const name = (id: string) => NAMES[id] ?? id;
const ids = (list: { provider: string; id: string }[]) => list.map((m) => `${m.provider}:${m.id}`);

describe('fuzzy search', () => {
  it('prefers contiguous, word-start matches and rejects missing letters', () => {
    expect(termScore('oss', 'openai/gpt-oss-120b')).toBeGreaterThan(termScore('oss', 'glossary'));
    expect(termScore('gpt5', 'openai/gpt-5.2')).toBeGreaterThan(0);
    expect(termScore('xyz', 'openai/gpt-5.2')).toBe(-1);
  });

  it('matches name, id or provider name; every term must match', () => {
    const m = modelInfo('near', 'openai/gpt-oss-120b', { name: 'GPT OSS 120B' });
    expect(matchScore('oss', m, 'NEAR AI Cloud')).toBeGreaterThan(0);
    expect(matchScore('near oss', m, 'NEAR AI Cloud')).toBeGreaterThan(0);
    expect(matchScore('nanogpt oss', m, 'NEAR AI Cloud')).toBe(-1);
  });

  it('ranks the closest model first over the bundled catalog', () => {
    const found = searchModels([...BUNDLED_MODELS], 'gpt oss', NO_FILTERS, 'name', name);
    expect(found.slice(0, 2).map((m) => m.id)).toEqual(['openai/gpt-oss-120b', 'openai/gpt-oss-120b']);
  });
});

describe('filters and sort', () => {
  it('Private + max input price finds gpt-oss-120b on NEAR', () => {
    const found = searchModels([...BUNDLED_MODELS], '', { ...NO_FILTERS, privacy: 'private', maxInputPrice: 0.2 }, 'price', name);
    expect(ids(found)).toContain('near:openai/gpt-oss-120b');
    expect(found.every((m) => m.privacy === 'private' && m.pricing.input !== null && m.pricing.input <= 0.2)).toBe(true);
  });

  it('unknown prices never pass a price limit and sort last', () => {
    const unpriced = modelInfo('nanogpt', 'x-ai/grok-4.3');
    expect(passes(unpriced, { ...NO_FILTERS, maxInputPrice: 100 })).toBe(false);
    const sorted = searchModels([unpriced, modelInfo('llmbase', 'a', { pricing: { input: 5, output: 5, cachedInput: null } })], '', NO_FILTERS, 'price', name);
    expect(sorted.map((m) => m.id)).toEqual(['a', 'x-ai/grok-4.3']);
  });

  it('capability and context filters; non-chat models last; popular by rank', () => {
    const all = [...BUNDLED_MODELS];
    expect(searchModels(all, '', { ...NO_FILTERS, vision: true, thinking: true }, 'name', name).every((m) => m.capabilities.vision && m.capabilities.reasoning)).toBe(true);
    const big = searchModels(all, '', { ...NO_FILTERS, minContext: 1_000_000 }, 'context', name);
    expect(big[0]!.contextLength).toBe(1_048_576);
    const near = searchModels(all, '', { ...NO_FILTERS, provider: 'near' }, 'name', name);
    expect(near.at(-1)!.chat).toBe(false);
    const ranked = [modelInfo('nanogpt', 'b', { extra: { popularRank: '2' } }), modelInfo('nanogpt', 'c'), modelInfo('nanogpt', 'a', { extra: { popularRank: '1' } })];
    expect(searchModels(ranked, '', NO_FILTERS, 'popular', name).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('groups routes of the same model id across providers', () => {
    const routes = routesById([...BUNDLED_MODELS]).get('openai/gpt-oss-120b')!;
    expect(routes.map((m) => m.provider).sort()).toEqual(['llmbase', 'near']);
  });
});

describe('format', () => {
  it('writes prices, context and ages', () => {
    expect(formatPriceIO(0.15, 0.55)).toBe('$0.15 / $0.55');
    expect(formatPriceIO(null, null)).toBe('price unknown');
    expect(formatPriceIO(2.5, null)).toBe('$2.5 / —');
    expect(formatPerMillion(0.0012)).toBe('$0.0012');
    expect(formatContext(131_072)).toBe('131K');
    expect(formatContext(1_048_576)).toBe('1M');
    expect(formatContext(null)).toBe('—');
    expect(timeAgo(0, 5 * 60_000)).toBe('5 min ago');
  });
});
