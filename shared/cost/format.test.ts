import { describe, expect, it } from 'vitest';
import { formatDuration, formatTokens, formatTokensPerSecond, formatTotal, formatUsd, totalCaveat } from './format';

describe('formatUsd', () => {
  it('keeps two significant digits under a dollar, so small replies never read $0.00', () => {
    expect(formatUsd(0.0012)).toBe('$0.0012');
    expect(formatUsd(0.00123456)).toBe('$0.0012');
    expect(formatUsd(0.000169)).toBe('$0.00017');
    expect(formatUsd(0.04)).toBe('$0.04');
    expect(formatUsd(0.0345)).toBe('$0.035');
    expect(formatUsd(0.1)).toBe('$0.10');
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(0.00000123)).toBe('$0.0000012');
  });
  it('dollars with cents and separators', () => {
    expect(formatUsd(1)).toBe('$1.00');
    expect(formatUsd(1234.567)).toBe('$1,234.57');
  });
  it('unknown, estimated, zero and dust', () => {
    expect(formatUsd(null)).toBe('cost unknown');
    expect(formatUsd(0.0012, { estimated: true })).toBe('≈$0.0012');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(1e-9)).toBe('<$0.000001');
  });
});

describe('totals', () => {
  it('say when parts are unknown or estimated', () => {
    expect(formatTotal({ totalUsd: 0.012, unknownCount: 0, estimatedCount: 0, messages: 3 })).toBe('$0.012');
    expect(formatTotal({ totalUsd: 0.012, unknownCount: 0, estimatedCount: 1, messages: 3 })).toBe('≈$0.012');
    expect(formatTotal({ totalUsd: 0.012, unknownCount: 1, estimatedCount: 0, messages: 3 })).toBe('$0.012 + unknown');
    expect(formatTotal({ totalUsd: 0, unknownCount: 2, estimatedCount: 0, messages: 2 })).toBe('cost unknown');
    expect(formatTotal({ totalUsd: 0, unknownCount: 0, estimatedCount: 0, messages: 0 })).toBe('$0');
    expect(totalCaveat(2, 1)).toBe('2 replies cost unknown · 1 estimated');
    expect(totalCaveat(1, 0)).toBe('1 reply cost unknown');
    expect(totalCaveat(0, 0)).toBeNull();
  });
});

describe('tokens and speed', () => {
  it('formats', () => {
    expect(formatTokens(1234)).toBe('1,234');
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(1420)).toBe('1.4 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatTokensPerSecond(35.24)).toBe('35.2 tok/s');
    expect(formatTokensPerSecond(123.4)).toBe('123 tok/s');
    expect(formatTokensPerSecond(2_400.4)).toBe('2,400 tok/s');
  });
});
