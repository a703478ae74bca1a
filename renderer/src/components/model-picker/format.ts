// How the picker writes prices, context sizes and ages. Unknown is never shown as $0.

/** "$0.15", "$15.5", "$75", "$0.0012": USD per 1M tokens, trailing zeros dropped. */
export function formatPerMillion(usd: number): string {
  if (usd === 0) return 'free';
  if (usd < 0.01) return `$${Number(usd.toPrecision(2))}`;
  return `$${Number(usd.toFixed(2))}`;
}

/** "$0.15 / $0.55"; one side unknown → "—"; both unknown → "price unknown". */
export function formatPriceIO(input: number | null, output: number | null): string {
  if (input === null && output === null) return 'price unknown';
  const side = (v: number | null) => (v === null ? '—' : formatPerMillion(v));
  return `${side(input)} / ${side(output)}`;
}

/** 131072 → "131K", 1048576 → "1M", 1000000 → "1M", null → "—". */
export function formatContext(n: number | null): string {
  if (!n) return '—';
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))}M`;
  if (n >= 1000) return `${Math.round(n / 1000)}K`;
  return String(n);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(at: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 36) return `${h} h ago`;
  const d = Math.round(h / 24);
  return `${d} day${d === 1 ? '' : 's'} ago`;
}

/** The bundled list's date as the page printed it: "2026-11-01". */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
