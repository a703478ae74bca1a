// The cost math, exact to 1e-12 USD, on each provider's real usage shapes (as normalised).
import { describe, expect, it } from 'vitest';
import type { Pricing, Usage } from './domain';
import { cheaperOf, computeCostUsd, costOf, costsDiffer, sumUsd, tokensCostUsd, usdFromPico, usdToPico } from './pricing';

const usage = (promptTokens: number, completionTokens: number, cachedTokens: number | null = null, reasoningTokens: number | null = null, estimated = false): Usage => ({
  promptTokens, completionTokens, cachedTokens, reasoningTokens, estimated,
});
const price = (input: number | null, output: number | null, cachedInput: number | null = null): Pricing => ({ input, output, cachedInput });

describe('computeCostUsd', () => {
  it('NEAR: completion tokens already include reasoning (13 in, 81 out of which 60 reasoning, GLM 5.1 $1.4/$4.4)', () => {
    // 13 × 1.4 + 81 × 4.4 = 18.2 + 356.4 = 374.6 per 1M
    expect(computeCostUsd(usage(13, 81, null, 60), price(1.4, 4.4, 0.26))).toBe(0.0003746);
  });

  it('NanoGPT: 123 in, 20 out at $0.27/$0.41 is $0.00004141 exactly (no float residue)', () => {
    expect(computeCostUsd(usage(123, 20, 0, 12), price(0.27, 0.41))).toBe(0.00004141);
  });

  it('leaves no float residue where the naive formula does (1 × $0.1 + 1 × $0.2 per 1M)', () => {
    expect((1 * 0.1 + 1 * 0.2) / 1e6).toBe(3.0000000000000004e-7);
    expect(computeCostUsd(usage(1, 1), price(0.1, 0.2))).toBe(3e-7);
  });

  it('LLMBase: cached tokens at input_cache_read (1000 in, 600 cached, 200 out, $0.9/$4/$0.15)', () => {
    // 400 × 0.9 + 600 × 0.15 + 200 × 4 = 360 + 90 + 800 = 1250 per 1M
    expect(computeCostUsd(usage(1000, 200, 600), price(0.9, 4, 0.15))).toBe(0.00125);
  });

  it('cached tokens fall back to the input price when there is no cache-read price', () => {
    expect(computeCostUsd(usage(1000, 200, 600), price(0.6, 2.8))).toBe(0.00116);
  });

  it('never bills more cached tokens than prompt tokens', () => {
    expect(computeCostUsd(usage(10, 0, 50), price(1, 1, 0.5))).toBe(0.000005);
  });

  it('unknown price is null, never 0', () => {
    expect(computeCostUsd(usage(100, 100), null)).toBeNull();
    expect(computeCostUsd(usage(100, 100), price(null, null))).toBeNull();
    expect(computeCostUsd(usage(100, 100), price(1, null))).toBeNull();
  });

  it('a free model costs exactly 0', () => {
    expect(computeCostUsd(usage(100, 100), price(0, 0))).toBe(0);
  });
});

describe('exact sums', () => {
  it('adds without drift', () => {
    expect(sumUsd([0.1, 0.2])).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumUsd(Array.from({ length: 1000 }, () => 0.00004141))).toBe(0.04141);
    expect(sumUsd([])).toBe(0);
  });

  it('pico-dollar round trip', () => {
    expect(usdToPico(0.00004141)).toBe(41_410_000n);
    expect(usdFromPico(41_410_000n)).toBe(0.00004141);
    expect(usdFromPico(12_345_678_901_234_567n)).toBe(12345.678901234567);
    expect(usdFromPico(-5n)).toBe(-5e-12);
  });

  it('tokensCostUsd prices a token count', () => {
    expect(tokensCostUsd(32768, 0.55)).toBe(0.0180224);
    expect(tokensCostUsd(10, null)).toBeNull();
  });
});

describe('costOf', () => {
  it('provider-reported cost wins, both figures kept, and a noticeable difference is flagged', () => {
    const c = costOf(usage(123, 20, 0, 12), price(0.27, 0.41), 0.000169)!;
    expect(c).toEqual({ usd: 0.000169, computedUsd: 0.00004141, reportedUsd: 0.000169, estimated: false });
    expect(costsDiffer(c.reportedUsd, c.computedUsd)).toBe(true);
  });

  it('a reported cost that matches (within 2 % or $0.000001) is not flagged', () => {
    expect(costsDiffer(0.00004141, 0.00004141)).toBe(false);
    expect(costsDiffer(0.001, 0.00101)).toBe(false); // 1 %
    expect(costsDiffer(0.0000001, 0.0000005)).toBe(false); // large ratio, but under $0.000001
    expect(costsDiffer(0.001, 0.0011)).toBe(true);
    expect(costsDiffer(null, 0.1)).toBe(false);
  });

  it('a reported cost stands even when our price is unknown', () => {
    expect(costOf(usage(10, 10), null, 0.0002)).toEqual({ usd: 0.0002, computedUsd: null, reportedUsd: 0.0002, estimated: false });
  });

  it('no price and no report: usd null (cost unknown), not 0', () => {
    expect(costOf(usage(10, 10), null, null)).toEqual({ usd: null, computedUsd: null, reportedUsd: null, estimated: false });
  });

  it('estimated usage makes an estimated cost; a reported figure is never an estimate', () => {
    expect(costOf(usage(10, 10, null, null, true), price(1, 2), null)?.estimated).toBe(true);
    expect(costOf(usage(10, 10, null, null, true), price(1, 2), 0.1)?.estimated).toBe(false);
    expect(costOf(usage(10, 10), price(1, 2), null, { estimated: true })?.estimated).toBe(true);
  });

  it('nothing to bill: null', () => {
    expect(costOf(null, price(1, 1), null)).toBeNull();
  });
});

describe('cheaperOf (LLMBase fallback bills the cheaper of requested and served)', () => {
  const k26 = { modelId: 'moonshotai/kimi-k2.6', pricing: price(0.9, 4, 0.15) };
  const k25 = { modelId: 'moonshotai/kimi-k2.5', pricing: price(0.6, 2.8) };

  it('a cheaper served model bills at its prices', () => {
    expect(cheaperOf(usage(1000, 200, 600), k26, k25)).toEqual({ ...k25, estimated: false });
  });

  it('a pricier served model bills at the requested prices', () => {
    expect(cheaperOf(usage(1000, 200, 600), k25, k26)).toEqual({ ...k25, estimated: false });
  });

  it('cheaper is decided for this usage: a cache-heavy prompt favours the model with cheap cache reads', () => {
    // k2.6: 1000 × 0.9 + 9000 × 0.15 + 10 × 4 = 2290; k2.5: 10000 × 0.6 + 10 × 2.8 = 6028
    expect(cheaperOf(usage(10000, 10, 9000), k25, k26).modelId).toBe('moonshotai/kimi-k2.6');
  });

  it('an unpriced served model: the requested price is an upper bound, so estimated', () => {
    expect(cheaperOf(usage(10, 10), k26, { modelId: 'x', pricing: null })).toEqual({ ...k26, estimated: true });
    expect(cheaperOf(usage(10, 10), { modelId: 'x', pricing: null }, k25)).toEqual({ ...k25, estimated: false });
  });

  it('same model or no served model: the requested one', () => {
    expect(cheaperOf(usage(10, 10), k26, null)).toEqual({ ...k26, estimated: false });
    expect(cheaperOf(usage(10, 10), k26, { ...k26 })).toEqual({ ...k26, estimated: false });
  });
});
