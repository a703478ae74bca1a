// A budget typed by a person: "0.10", "$0.10", "1,000", "" (none). Returns the amount,
// null for none, or the sentence to show.
export function parseUsd(text: string): number | null | string {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '').trim();
  if (t === '') return null;
  if (!/^\d*\.?\d+$|^\d+\.$/.test(t)) return 'Enter an amount in dollars, such as 0.50.';
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0) return 'Enter an amount in dollars, such as 0.50.';
  if (n > 1e6) return 'A budget can be at most $1,000,000.';
  return n;
}
