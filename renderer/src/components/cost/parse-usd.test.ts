import { describe, expect, it } from 'vitest';
import { parseUsd } from './parse-usd';

describe('parseUsd', () => {
  it('reads what people type', () => {
    expect(parseUsd('0.10')).toBe(0.1);
    expect(parseUsd(' $1,000 ')).toBe(1000);
    expect(parseUsd('.5')).toBe(0.5);
    expect(parseUsd('2.')).toBe(2);
    expect(parseUsd('')).toBeNull();
  });
  it('says what is wrong', () => {
    expect(parseUsd('abc')).toMatch(/amount in dollars/);
    expect(parseUsd('-1')).toMatch(/amount in dollars/);
    expect(parseUsd('1e3')).toMatch(/amount in dollars/);
    expect(parseUsd('2000000')).toMatch(/at most/);
  });
});
