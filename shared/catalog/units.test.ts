import { describe, expect, it } from 'vitest';
import { llmbasePriceToPerMillion, parsePrice, perMillion, perTokenToPerMillion, roundPrice, scaledAmountToPerMillion, shiftDecimal } from './units';

describe('price units', () => {
  it('moves the decimal point exactly, where float multiplication drifts', () => {
    expect(0.0000032 * 1e6).not.toBe(3.2); // the bug being avoided
    expect(perTokenToPerMillion('0.0000032')).toBe(3.2);
    expect(perTokenToPerMillion('0.000001')).toBe(1);
    expect(perTokenToPerMillion('0.0000002')).toBe(0.2);
    expect(perTokenToPerMillion(3e-7)).toBe(0.3);
    expect(perTokenToPerMillion(1.05e-6)).toBe(1.05);
    expect(shiftDecimal('1.5e-7', 6)).toBe(0.15);
    expect(shiftDecimal('12', -3)).toBe(0.012);
  });

  it('NEAR /model/list nano-USD {amount, scale}', () => {
    expect(scaledAmountToPerMillion({ amount: 1400, scale: 9, currency: 'USD' })).toBe(1.4);
    expect(scaledAmountToPerMillion({ amount: 4400, scale: 9, currency: 'USD' })).toBe(4.4);
    expect(scaledAmountToPerMillion({ amount: 150, scale: 9, currency: 'USD' })).toBe(0.15);
    expect(scaledAmountToPerMillion({ amount: 1050, scale: 9, currency: 'USD' })).toBe(1.05);
    expect(scaledAmountToPerMillion({ amount: 3, scale: 6, currency: 'USD' })).toBe(3);
    expect(scaledAmountToPerMillion({ amount: 25, scale: 8 })).toBe(0.25);
    expect(scaledAmountToPerMillion({ amount: 25, scale: 5 })).toBe(250);
    expect(scaledAmountToPerMillion({ amount: 0, scale: 9 })).toBe(0);
    expect(scaledAmountToPerMillion({ amount: 1400, scale: 9, currency: 'EUR' })).toBeNull();
    expect(scaledAmountToPerMillion(undefined)).toBeNull();
  });

  it('per-1M numbers pass through; unknown is null, never 0', () => {
    expect(perMillion(2.5)).toBe(2.5);
    expect(perMillion('0.15')).toBe(0.15);
    expect(perMillion(undefined)).toBeNull();
    expect(perMillion(null)).toBeNull();
    expect(perMillion('')).toBeNull();
    expect(perMillion('-1')).toBeNull();
    expect(perMillion('n/a')).toBeNull();
    expect(perMillion(0)).toBe(0);
    expect(parsePrice(Number.NaN)).toBeNull();
  });

  it('LLMBase: below $0.001 is per token, otherwise per 1M; strings or numbers', () => {
    expect(llmbasePriceToPerMillion('0.0000003')).toBe(0.3);
    expect(llmbasePriceToPerMillion(0.0000036)).toBe(3.6);
    expect(llmbasePriceToPerMillion(9e-8)).toBe(0.09);
    expect(llmbasePriceToPerMillion(0.3)).toBe(0.3);
    expect(llmbasePriceToPerMillion('3.60')).toBe(3.6);
    expect(llmbasePriceToPerMillion(0)).toBe(0);
    expect(llmbasePriceToPerMillion(undefined)).toBeNull();
  });

  it('rounds float noise to 1e-9', () => {
    expect(roundPrice(0.1 + 0.2)).toBe(0.3);
    expect(roundPrice(3.1999999999999997)).toBe(3.2);
  });
});
