// The Spending view: what the replies cost by provider, by model and by day, with the
// unknown/estimated caveats, a chart by day, and the ledger as CSV.
import { useEffect, useState } from 'react';
import type { Spending } from '../../../../shared/contract/cost';
import { formatTotal, totalCaveat } from '../../../../shared/cost/format';
import { api, errorMessage } from '../../bridge';
import { Dialog } from '../common/Dialog';
import { localDay, PERIODS, periodRange, tzOffsetMinutes, type Period } from './period';
import { SpendingChart } from './SpendingChart';
import { TotalsTable } from '../cost/TotalsTable';
import '../../styles/spending.css';

export default function SpendingDialog({ onClose }: { onClose(): void }) {
  const [period, setPeriod] = useState<Period>('30d');
  const [data, setData] = useState<Spending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api('cost.spending', { ...periodRange(period), tzOffsetMinutes: tzOffsetMinutes() })
      .then((s) => live && setData(s))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [period]);

  const exportCsv = async () => {
    setExporting('Exporting…');
    try {
      const { filename, content, rows } = await api('cost.exportCsv', { ...periodRange(period), tzOffsetMinutes: tzOffsetMinutes() });
      download(filename, content);
      setExporting(`Exported ${rows} ${rows === 1 ? 'row' : 'rows'}`);
    } catch (err) {
      setExporting(null);
      setError(errorMessage(err));
    }
  };

  const caveat = data ? totalCaveat(data.unknownCount, data.estimatedCount) : null;
  return (
    <Dialog title="Spending" onClose={onClose} className="spending">
      <div className="spending-scroll">
        <div className="spending-toolbar">
          <label className="field inline">
            <span className="sr-only">Period</span>
            <select aria-label="Period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              {PERIODS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <span className="spending-export-status" role="status">
            {exporting}
          </span>
          <button type="button" className="button small" onClick={() => void exportCsv()} disabled={!data || data.messages === 0}>
            Export CSV
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {data && (
          <>
            <div className="spending-total">
              <span className="spending-total-label">Total</span>
              <strong className="spending-total-value" aria-label={`Total spent: ${formatTotal(data)}`}>
                {formatTotal(data)}
              </strong>
              <span className="spending-total-sub">
                {data.messages} {data.messages === 1 ? 'reply' : 'replies'}
                {caveat ? ` · ${caveat}` : ''}
              </span>
            </div>
            {data.messages === 0 ? (
              <p className="spending-empty">No replies in this period.</p>
            ) : (
              <>
                <SpendingChart days={data.byDay} from={data.from !== null ? localDay(data.from) : undefined} to={localDay(Date.now())} />
                <div className="spending-tables">
                  <TotalsTable
                    className="spending-table"
                    caption="By provider"
                    first="Provider"
                    rows={data.byProvider.map((p) => ({ key: p.providerId, name: p.providerName ?? p.providerId, t: p }))}
                  />
                  <TotalsTable className="spending-table" caption="By day" first="Day" rows={[...data.byDay].reverse().map((d) => ({ key: d.day, name: d.day, t: d }))} />
                  <TotalsTable
                    caption="By model"
                    first="Model"
                    mono
                    className="spending-table wide"
                    rows={data.byModel.map((m) => ({ key: `${m.providerId}/${m.modelId}`, name: m.modelId, sub: data.byProvider.find((p) => p.providerId === m.providerId)?.providerName ?? m.providerId, t: m }))}
                  />
                </div>
                {(data.unknownCount > 0 || data.estimatedCount > 0) && (
                  <p className="cost-note spending-caveat">
                    {data.unknownCount > 0 && 'Replies from models without a published price are not in the totals ("+ unknown"). '}
                    {data.estimatedCount > 0 && '"≈" marks totals that include replies counted here with a tokenizer because the provider sent no usage.'}
                  </p>
                )}
              </>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

/** Saves text as a file: a Blob behind an <a download>, which both a browser tab and Electron honour. */
function download(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
