// Deterministic token counting and cost, exported so tests can compute expected figures.
//   tokens(text)       = ceil(code points / 4)
//   prompt_tokens      = tokens(all message text joined, no separators)
//   reasoning_tokens   = tokens(reasoning)
//   completion_tokens  = tokens(content) + reasoning_tokens
import type { UsageOverride } from './types';

export function countTokens(text: string): number {
  return Math.ceil(Array.from(text).length / 4);
}

/** Text of one message's content: a string, or the text parts of an array of parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p: unknown) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : ''))
    .join('');
}

export function promptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  return countTokens(messages.map((m: unknown) => messageText((m as { content?: unknown } | null)?.content)).join(''));
}

export interface EmuUsage {
  prompt: number;
  completion: number;
  reasoning: number;
  cached: number;
}

export function computeUsage(messages: unknown, content: string, reasoning: string, cachedTokens = 0, override: UsageOverride = {}): EmuUsage {
  const prompt = override.prompt_tokens ?? promptTokens(messages);
  const r = override.reasoning_tokens ?? countTokens(reasoning);
  return {
    prompt,
    completion: override.completion_tokens ?? countTokens(content) + r,
    reasoning: r,
    cached: Math.min(prompt, override.cached_tokens ?? cachedTokens),
  };
}

/** USD per 1M tokens; null = no published price. */
export interface PricesPerM {
  input: number | null;
  output: number | null;
  cacheRead: number | null;
}

export interface NanoGptPricing {
  cost: number;
  inputTokens: number;
  outputTokens: number;
  cacheCost: number;
  paymentSource: 'USD';
}

const round = (x: number) => Math.round(x * 1e12) / 1e12;

/**
 * NanoGPT's billed cost: uncached prompt × input + cached × cache-read (input price when none)
 * + completion × output, all per 1M, rounded to 12 decimals. null when the model has no price.
 */
export function nanoGptCost(prices: PricesPerM, u: EmuUsage): NanoGptPricing | null {
  if (prices.input === null || prices.output === null) return null;
  const cacheRate = prices.cacheRead ?? prices.input;
  const cacheCost = (u.cached * cacheRate) / 1e6;
  const cost = ((u.prompt - u.cached) * prices.input) / 1e6 + cacheCost + (u.completion * prices.output) / 1e6;
  return { cost: round(cost), inputTokens: u.prompt - u.cached, outputTokens: u.completion, cacheCost: round(cacheCost), paymentSource: 'USD' };
}
