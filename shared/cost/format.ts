// How money, token counts and speeds read in the UI. One place, so a reply, the
// conversation header, the composer and the Spending view all say the same thing.

export const UNKNOWN_COST = 'cost unknown';
const APPROX = '≈';

/**
 * "$1.23", "$0.035", "$0.0012", "$0.00017"; "<$0.000001" for dust; "$0" only for a true zero.
 * Under a dollar two significant digits are kept, so small replies never read as $0.00.
 * null → "cost unknown" (no price), never $0. `estimated` prefixes "≈".
 */
export function formatUsd(usd: number | null, opts: { estimated?: boolean } = {}): string {
  if (usd === null || !Number.isFinite(usd)) return UNKNOWN_COST;
  const approx = opts.estimated ? APPROX : '';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return `${approx}$0`;
  if (abs < 0.000001) return `${approx}${sign}<$0.000001`;
  if (abs >= 1) return `${approx}${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  // Two significant digits, at least two decimals, trailing zeros past the second decimal dropped.
  let text = abs.toPrecision(2);
  if (text.includes('e')) text = abs.toFixed(8);
  const [, frac = ''] = text.split('.');
  const trimmed = frac.replace(/0+$/, '').padEnd(2, '0');
  return `${approx}${sign}$0.${trimmed}`;
}

/** "1,234" */
export function formatTokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "420 ms", "1.4 s", "12 s" */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** "35.2 tok/s", "120 tok/s", "2,400 tok/s" */
export function formatTokensPerSecond(tps: number): string {
  return tps < 100 ? `${tps.toFixed(1)} tok/s` : `${Math.round(tps).toLocaleString('en')} tok/s`;
}

/** What a total that includes unknown or estimated parts must say about them: "2 replies cost unknown · 1 estimated". */
export function totalCaveat(unknownCount: number, estimatedCount: number): string | null {
  const parts: string[] = [];
  if (unknownCount > 0) parts.push(`${unknownCount} ${unknownCount === 1 ? 'reply' : 'replies'} cost unknown`);
  if (estimatedCount > 0) parts.push(`${estimatedCount} estimated`);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * A total as one line: "$0.012", "≈$0.012" (some parts estimated), "$0.012 + unknown" (some
 * parts have no price), "cost unknown" (nothing priced at all).
 */
export function formatTotal(t: { totalUsd: number; unknownCount: number; estimatedCount: number; messages: number }): string {
  if (t.messages > 0 && t.unknownCount === t.messages) return UNKNOWN_COST;
  const base = formatUsd(t.totalUsd, { estimated: t.estimatedCount > 0 });
  return t.unknownCount > 0 ? `${base} + unknown` : base;
}
