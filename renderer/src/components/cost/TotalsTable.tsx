// A table of cost totals (replies and cost per row), as the conversation's breakdown and the
// Spending view show them.
import type { CostTotal } from '../../../../shared/contract/cost';
import { formatTotal } from '../../../../shared/cost/format';
import '../../styles/cost.css';

export interface TotalsRow {
  key: string;
  name: string;
  /** A second line under the name (e.g. the provider of a model). */
  sub?: string;
  /** Hover text; defaults to the sub line and the name. */
  title?: string;
  t: CostTotal;
}

export function TotalsTable({ caption, captionHidden, first, rows, mono, className }: { caption: string; captionHidden?: boolean; first: string; rows: TotalsRow[]; mono?: boolean; className?: string }) {
  return (
    <table className={`cost-table${className ? ` ${className}` : ''}`}>
      <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            Replies
          </th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className={mono ? 'mono' : undefined} title={r.title ?? (r.sub ? `${r.sub} · ${r.name}` : r.name)}>
              {r.name}
              {r.sub && <span className="spending-sub">{r.sub}</span>}
            </th>
            <td className="num">{r.t.messages}</td>
            <td className="num">{formatTotal(r.t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
