// Price unit conversion, exact to the cent and below. Providers publish prices per
// token (as decimal strings or numbers), per 1M tokens, or as integer amounts with a
// decimal scale; the app stores USD per 1M tokens everywhere.
//
// Multiplying a binary float by 1e6 drifts (0.0000032 × 1e6 = 3.1999999999999997),
// so conversions move the decimal point in the number's decimal text and let the
// parser round once.

const DECIMAL = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))(?:e([+-]?\d+))?\s*$/i;

/** `value × 10^places`, computed on the decimal text; null for anything that is not a finite decimal. */
export function shiftDecimal(value: number | string, places: number): number | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const m = DECIMAL.exec(String(value));
  if (!m || m[1] === undefined) return null;
  const exponent = Number(m[2] ?? 0) + places;
  const n = Number(`${m[1]}e${exponent}`);
  return Number.isFinite(n) ? n : null;
}

/** Removes float noise left by arithmetic elsewhere: 1e-9 USD per 1M is far below any real price step. */
export function roundPrice(n: number): number {
  const scaled = n * 1e9;
  if (!Number.isFinite(scaled) || Math.abs(scaled) > Number.MAX_SAFE_INTEGER) return n;
  // Dividing an exact integer by 1e9 is one correctly rounded operation.
  return Math.round(scaled) / 1e9;
}

/**
 * A published price, number or decimal string, as a non-negative number.
 * Missing, empty, negative (OpenRouter-style "-1" = variable) or garbage → null:
 * an unknown price is never 0.
 */
export function parsePrice(v: unknown): number | null {
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  const n = shiftDecimal(v, 0);
  return n === null || n < 0 ? null : roundPrice(n);
}

/** USD per 1M tokens, already in that unit (NEAR `pricing.input`, NanoGPT `pricing.prompt`). */
export function perMillion(v: unknown): number | null {
  return parsePrice(v);
}

/** USD per token (NEAR `pricing.prompt` strings, LLMBase per-token prices) → USD per 1M. */
export function perTokenToPerMillion(v: unknown): number | null {
  if (parsePrice(v) === null) return null;
  const n = shiftDecimal(v as number | string, 6);
  return n === null ? null : roundPrice(n);
}

/**
 * NEAR `/model/list` prices: `{amount, scale}` means amount × 10^-scale USD per token
 * (scale 9 = nano-USD), so per 1M it is amount × 10^(6 - scale).
 */
export function scaledAmountToPerMillion(price: unknown): number | null {
  if (!price || typeof price !== 'object') return null;
  const p = price as { amount?: unknown; scale?: unknown; currency?: unknown };
  if (typeof p.currency === 'string' && p.currency.toUpperCase() !== 'USD') return null;
  const amount = typeof p.amount === 'string' ? shiftDecimal(p.amount, 0) : typeof p.amount === 'number' ? p.amount : null;
  const scale = typeof p.scale === 'number' ? p.scale : typeof p.scale === 'string' ? Number(p.scale) : 0;
  if (amount === null || amount < 0 || !Number.isInteger(scale)) return null;
  const n = shiftDecimal(amount, 6 - scale);
  return n === null ? null : roundPrice(n);
}

/**
 * LLMBase's page says per token, its docs' table shows per 1M (unconfirmed which the
 * API sends). No real per-1M price is below $0.001 and no per-token price reaches it,
 * so the size tells them apart.
 */
export const LLMBASE_PER_TOKEN_BELOW = 0.001;
export function llmbasePriceToPerMillion(v: unknown): number | null {
  const n = parsePrice(v);
  if (n === null) return null;
  if (n === 0) return 0;
  return n < LLMBASE_PER_TOKEN_BELOW ? perTokenToPerMillion(v) : n;
}
