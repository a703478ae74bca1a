// Spend by day as bars: a hand-drawn SVG (no chart library), described for screen readers
// by the table that follows it in the Spending view.
import type { DayTotal } from '../../../../shared/contract/cost';
import { formatTotal, formatUsd } from '../../../../shared/cost/format';
import { daySpan } from './period';

const W = 560;
const H = 140;
const PAD_BOTTOM = 18;
const PAD_TOP = 14;

/** `from`/`to`: the period's first and last day, so a quiet stretch shows as empty days. */
export function SpendingChart({ days, from, to }: { days: DayTotal[]; from?: string; to?: string }) {
  if (days.length === 0) return null;
  const byDay = new Map(days.map((d) => [d.day, d]));
  const first = from && from < days[0]!.day ? from : days[0]!.day;
  const last = to && to > days[days.length - 1]!.day ? to : days[days.length - 1]!.day;
  const span = daySpan(first, last);
  const max = Math.max(...days.map((d) => d.totalUsd), 0);
  const slot = W / Math.max(span.length, 7);
  const bar = Math.max(2, Math.min(28, slot * 0.7));
  const scale = (usd: number) => (max > 0 ? ((H - PAD_BOTTOM - PAD_TOP) * usd) / max : 0);
  const labelEvery = Math.ceil(span.length / 8);
  return (
    <figure className="spending-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Spending by day, ${span.length} days, highest ${formatUsd(max)}`}>
        <line x1="0" x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} className="axis" />
        {span.map((day, i) => {
          const d = byDay.get(day);
          const h = d ? Math.max(d.messages > 0 ? 1.5 : 0, scale(d.totalUsd)) : 0;
          const x = i * slot + (slot - bar) / 2;
          return (
            <g key={day}>
              {d && (
                <rect x={x} y={H - PAD_BOTTOM - h} width={bar} height={h} rx="2" className={d.unknownCount > 0 || d.estimatedCount > 0 ? 'bar caveat' : 'bar'}>
                  <title>{`${day}: ${formatTotal(d)} (${d.messages} ${d.messages === 1 ? 'reply' : 'replies'})`}</title>
                </rect>
              )}
              {i % labelEvery === 0 && (
                <text x={i === 0 ? i * slot + 1 : i * slot + slot / 2} y={H - 4} textAnchor={i === 0 ? 'start' : 'middle'} className="tick">
                  {day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
        <text x="2" y="10" className="tick">
          {formatUsd(max)}
        </text>
      </svg>
    </figure>
  );
}
