// The periods the Spending view offers, as cost.spending ranges in the user's time zone.
export type Period = 'all' | '30d' | '7d' | 'month';

export const PERIODS: { value: Period; label: string }[] = [
  { value: '30d', label: 'Last 30 days' },
  { value: '7d', label: 'Last 7 days' },
  { value: 'month', label: 'This month' },
  { value: 'all', label: 'All time' },
];

/** Local midnight `days - 1` days ago (so "last 7 days" includes today), or the month's first day. */
export function periodRange(p: Period, now = new Date()): { from?: number } {
  if (p === 'all') return {};
  if (p === 'month') return { from: new Date(now.getFullYear(), now.getMonth(), 1).getTime() };
  const days = p === '7d' ? 7 : 30;
  return { from: new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1)).getTime() };
}

/** Minutes to add to UTC for local days (what cost.spending expects). */
export const tzOffsetMinutes = (now = new Date()) => -now.getTimezoneOffset();

/** Every day from `first` to `last` (YYYY-MM-DD), so the chart shows gaps as empty days; the latest `max` when longer. */
export function daySpan(first: string, last: string, max = 92): string[] {
  const out: string[] = [];
  const d = new Date(`${last}T00:00:00Z`);
  const start = new Date(`${first}T00:00:00Z`).getTime();
  while (d.getTime() >= start && out.length < max) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return out.reverse();
}

/** YYYY-MM-DD of a moment in the local time zone (the day cost.spending buckets it in). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
