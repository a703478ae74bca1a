import { describe, expect, it } from 'vitest';
import { replyFigures } from './reply-figures';

const timings = { startedAt: 1000, firstTokenAt: 1420, reasoningStartedAt: 1420, contentStartedAt: 2000, finishedAt: 3420 };

describe('replyFigures', () => {
  it('tokens in (cached), out (reasoning), cost, time to first token and tokens per second', () => {
    const f = replyFigures({
      usage: { promptTokens: 1000, completionTokens: 81, cachedTokens: 600, reasoningTokens: 60, estimated: false },
      cost: { usd: 0.00125, computedUsd: 0.00125, reportedUsd: null, estimated: false },
      timings,
    });
    expect(f).toMatchObject({ tokensIn: 1000, cachedTokens: 600, tokensOut: 81, reasoningTokens: 60, usd: 0.00125, costKnown: true, timeToFirstTokenMs: 420, costsDiffer: false });
    expect(f.tokensPerSecond).toBeCloseTo(40.5, 10); // 81 tokens over 2 s
    expect(f.labels).toEqual({
      tokens: '1,000 in (600 cached) · 81 out (60 reasoning)',
      cost: '$0.0013',
      costDetail: null,
      timeToFirstToken: 'first token 420 ms',
      speed: '40.5 tok/s',
    });
  });

  it('estimated usage and cost read "≈"; reported and computed that differ are both shown', () => {
    const f = replyFigures({
      usage: { promptTokens: 12, completionTokens: 5, cachedTokens: null, reasoningTokens: null, estimated: true },
      cost: { usd: 0.000169, computedUsd: 0.00004141, reportedUsd: 0.000169, estimated: false },
      timings,
    });
    expect(f.labels.tokens).toBe('≈12 in · ≈5 out');
    expect(f.costsDiffer).toBe(true);
    expect(f.labels.costDetail).toBe('reported $0.00017 · computed $0.000041');
  });

  it('a reply that arrived all at once shows no rate', () => {
    const usage = { promptTokens: 10, completionTokens: 1500, cachedTokens: null, reasoningTokens: null, estimated: false };
    const cost = { usd: 0.001, computedUsd: 0.001, reportedUsd: null, estimated: false };
    const f = replyFigures({ usage, cost, timings: { ...timings, finishedAt: timings.firstTokenAt + 1 } });
    expect(f.tokensPerSecond).toBeNull();
    expect(f.labels.speed).toBeNull();
    expect(replyFigures({ usage, cost, timings: { ...timings, finishedAt: timings.firstTokenAt + 500 } }).labels.speed).toBe('3,000 tok/s');
  });

  it('unknown price reads "cost unknown"; no usage and no timings give nulls, not zeros', () => {
    const unknown = replyFigures({ usage: { promptTokens: 5, completionTokens: 5, cachedTokens: null, reasoningTokens: null, estimated: false }, cost: { usd: null, computedUsd: null, reportedUsd: null, estimated: false }, timings: null });
    expect(unknown.labels.cost).toBe('cost unknown');
    expect(unknown.costKnown).toBe(false);
    expect(unknown.tokensPerSecond).toBeNull();
    const nothing = replyFigures({ usage: null, cost: null, timings: { ...timings, firstTokenAt: null } });
    expect(nothing).toMatchObject({ tokensIn: null, usd: null, timeToFirstTokenMs: null, tokensPerSecond: null, labels: { tokens: null, cost: null, speed: null } });
  });
});
