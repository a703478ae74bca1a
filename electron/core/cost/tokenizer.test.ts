import { describe, expect, it } from 'vitest';
import { countTokens, loadTokenizer } from './tokenizer';

describe('token estimates', () => {
  it('count ordinary text exactly as the tokenizer does', async () => {
    const raw = await loadTokenizer();
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(50) + 'Ünïcødé, 日本語, emoji 🎉 and `code()`.';
    expect(await countTokens(text)).toBe(raw(text));
  });

  it('count text larger than one piece as the sum of its words, not splitting words', async () => {
    const raw = await loadTokenizer();
    const text = 'alpha beta gamma delta '.repeat(6000); // ~138 KB
    const whole = raw(text);
    const counted = await countTokens(text);
    // Cutting at spaces can change a merge at each cut at most: a handful of pieces.
    expect(Math.abs(counted - whole)).toBeLessThanOrEqual(4);
  });

  it('count a long unbroken run in slices, close to the real count', async () => {
    const raw = await loadTokenizer();
    const blob = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw'.repeat(40); // ~1.8 KB base64-like, no spaces
    const sliced = await countTokens(blob);
    const exact = raw(blob);
    expect(sliced).toBeGreaterThan(0);
    expect(Math.abs(sliced - exact) / exact).toBeLessThan(0.05);
  });

  it('finish a 500 KB reply without whitespace (it used to take minutes)', async () => {
    const n = await countTokens('x'.repeat(500_000));
    expect(n).toBeGreaterThan(500_000 / 256);
  });
});
