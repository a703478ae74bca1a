import { describe, expect, it } from 'vitest';
import { daySpan, localDay, periodRange } from './period';

describe('spending periods', () => {
  it('spans every day between two days, keeping the latest when too long', () => {
    expect(daySpan('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daySpan('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    const long = daySpan('2025-01-01', '2026-01-01', 10);
    expect(long).toHaveLength(10);
    expect(long.at(-1)).toBe('2026-01-01');
  });
  it('starts "last 7 days" at local midnight six days ago, so today counts', () => {
    const now = new Date(2026, 2, 10, 15, 30);
    expect(localDay(periodRange('7d', now).from!)).toBe('2026-03-04');
    expect(new Date(periodRange('7d', now).from!).getHours()).toBe(0);
    expect(localDay(periodRange('month', now).from!)).toBe('2026-03-01');
    expect(periodRange('all', now)).toEqual({});
  });
});
