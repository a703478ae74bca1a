// Cost of a reply from its usage and the prices snapshotted at send time, in exact
// integer arithmetic: prices become femto-dollars (1e-15 USD) per token, products and
// sums are BigInt, and only the final figure is rounded to 1e-12 USD and turned into
// the nearest double. So 123 × $0.27/M + 20 × $0.41/M is 0.00004141 exactly, never
// 0.000041410000000000004, and totals of many replies do not drift.
import type { Cost, Pricing, Usage } from './domain';

/** Femto-dollars per pico-dollar: the final figure is rounded to 1e-12 USD. */
const FEMTO_PER_PICO = 1000n;
const PICO_PER_USD = 10n ** 12n;

/** USD per 1M tokens → femto-USD per token (exact for prices with up to 9 decimals per 1M). */
function femtoPerToken(perMillion: number): bigint {
  return BigInt(Math.round(perMillion * 1e9));
}

/** A whole number of pico-dollars → the double nearest to that decimal (parsing is correctly rounded). */
export function usdFromPico(pico: bigint): number {
  const sign = pico < 0n ? '-' : '';
  const abs = pico < 0n ? -pico : pico;
  return Number(`${sign}${abs / PICO_PER_USD}.${(abs % PICO_PER_USD).toString().padStart(12, '0')}`);
}

/** A stored USD figure → whole pico-dollars (exact for any figure below ~$9,000 produced here). */
export function usdToPico(usd: number): bigint {
  return BigInt(Math.round(usd * 1e12));
}

/** Sum of USD figures without float drift. */
export function sumUsd(values: readonly number[]): number {
  let pico = 0n;
  for (const v of values) pico += usdToPico(v);
  return usdFromPico(pico);
}

function femtoToPico(femto: bigint): bigint {
  return (femto + FEMTO_PER_PICO / 2n) / FEMTO_PER_PICO;
}

export const hasPrice = (p: Pricing | null | undefined): p is Pricing & { input: number; output: number } =>
  !!p && p.input !== null && p.output !== null;

/**
 * Uncached input × input price + cached × cache-read price (input price where none) + output × output price.
 * Output is completion_tokens, which already includes reasoning tokens on every provider we speak to
 * (NEAR: 81 completion incl. 60 reasoning). null when the model has no published price.
 */
export function computeCostUsd(usage: Usage, pricing: Pricing | null): number | null {
  if (!hasPrice(pricing)) return null;
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  const cachedPrice = pricing.cachedInput ?? pricing.input;
  const femto =
    BigInt(uncached) * femtoPerToken(pricing.input) +
    BigInt(cached) * femtoPerToken(cachedPrice) +
    BigInt(usage.completionTokens) * femtoPerToken(pricing.output);
  return usdFromPico(femtoToPico(femto));
}

/** Cost of `tokens` at a per-1M price (estimates before sending). */
export function tokensCostUsd(tokens: number, perMillion: number | null): number | null {
  if (perMillion === null) return null;
  return usdFromPico(femtoToPico(BigInt(Math.max(0, Math.round(tokens))) * femtoPerToken(perMillion)));
}

export function costOf(
  usage: Usage | null,
  pricing: Pricing | null,
  reportedUsd: number | null,
  extra: { billedModel?: string | null; estimated?: boolean } = {},
): Cost | null {
  if (!usage && reportedUsd === null) return null;
  const computed = usage ? computeCostUsd(usage, pricing) : null;
  // What the provider says it billed wins over our arithmetic.
  const usd = reportedUsd ?? computed;
  return {
    usd,
    computedUsd: computed,
    reportedUsd,
    estimated: reportedUsd === null && ((usage?.estimated ?? false) || (extra.estimated ?? false)),
    ...(extra.billedModel !== undefined ? { billedModel: extra.billedModel } : {}),
  };
}

/** A reported and a computed figure differ enough to show both: more than 2 % and more than $0.000001. */
export function costsDiffer(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  const diff = Math.abs(usdFromPico(usdToPico(a) - usdToPico(b)));
  return diff > 0.000001 && diff > 0.02 * Math.max(Math.abs(a), Math.abs(b));
}

export interface PricedModel {
  modelId: string;
  pricing: Pricing | null;
}

/**
 * Which prices bill a reply that another model served (LLMBase smart fallback bills the
 * cheaper of requested and served, for this very usage). When one side has no price the
 * other is used; if it is the requested one it is only an upper bound, so `estimated`.
 */
export function cheaperOf(usage: Usage | null, requested: PricedModel, served: PricedModel | null): PricedModel & { estimated: boolean } {
  if (!served || served.modelId === requested.modelId) return { ...requested, estimated: false };
  const rp = hasPrice(requested.pricing);
  const sp = hasPrice(served.pricing);
  if (!sp) return { ...requested, estimated: rp };
  if (!rp) return { ...served, estimated: false };
  if (!usage) {
    // No usage to weigh: compare list prices, input and output together.
    const sum = (p: Pricing) => (p.input ?? 0) + (p.output ?? 0);
    return sum(served.pricing!) <= sum(requested.pricing!) ? { ...served, estimated: false } : { ...requested, estimated: false };
  }
  const r = computeCostUsd(usage, requested.pricing)!;
  const s = computeCostUsd(usage, served.pricing)!;
  return s <= r ? { ...served, estimated: false } : { ...requested, estimated: false };
}
