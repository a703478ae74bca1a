// Cost of a reply from its usage and the prices snapshotted at send time.
import type { Cost, Pricing, Usage } from './domain';

const PER_MILLION = 1_000_000;

/** Uncached input × input price + cached × cache-read price (input price where none) + output × output price. */
export function computeCostUsd(usage: Usage, pricing: Pricing | null): number | null {
  if (!pricing || pricing.input === null || pricing.output === null) return null;
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  const cachedPrice = pricing.cachedInput ?? pricing.input;
  return (uncached * pricing.input + cached * cachedPrice + usage.completionTokens * pricing.output) / PER_MILLION;
}

export function costOf(usage: Usage | null, pricing: Pricing | null, reportedUsd: number | null): Cost | null {
  if (!usage && reportedUsd === null) return null;
  const computed = usage ? computeCostUsd(usage, pricing) : null;
  // What the provider says it billed wins over our arithmetic.
  const usd = reportedUsd ?? computed;
  return { usd, computedUsd: computed, reportedUsd, estimated: reportedUsd === null && (usage?.estimated ?? false) };
}
