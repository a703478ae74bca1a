// The spending export: one row per billed reply, plain decimals, safe to open in a spreadsheet.
import type { Cost, Usage } from '../../../shared/domain';
import { usdToPico } from '../../../shared/pricing';
import type { LedgerRow } from './ledger';

export const CSV_HEADER = [
  'date', 'conversation', 'provider', 'model_requested', 'model_served', 'billed_model', 'status',
  'tokens_in', 'tokens_cached', 'tokens_out', 'tokens_reasoning', 'usage_estimated',
  'cost_usd', 'cost_estimated', 'reported_cost_usd', 'computed_cost_usd',
];

/** A USD figure as a plain decimal with up to 12 places ("0.00004141"), blank when unknown. */
export function usdDecimal(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '';
  const pico = usdToPico(usd);
  const abs = pico < 0n ? -pico : pico;
  const frac = (abs % 10n ** 12n).toString().padStart(12, '0').replace(/0+$/, '');
  return `${pico < 0n ? '-' : ''}${abs / 10n ** 12n}${frac ? `.${frac}` : ''}`;
}

/** Local time with its offset, e.g. 2025-03-01T14:05:09+01:00. */
export function localIso(ms: number, tzOffsetMinutes: number): string {
  const iso = new Date(ms + tzOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = tzOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(tzOffsetMinutes);
  return `${iso}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @) is prefixed with '. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const parse = <T>(text: string | null): T | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
};

export function toCsv(rows: readonly LedgerRow[], tzOffsetMinutes: number): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    const u = parse<Usage>(r.usage);
    const c = parse<Cost>(r.cost);
    lines.push(
      [
        localIso(r.createdAt, tzOffsetMinutes), r.conversationTitle, r.providerName ?? r.providerId, r.modelRequested, r.modelServed,
        c?.billedModel ?? null, r.status,
        u?.promptTokens ?? null, u?.cachedTokens ?? null, u?.completionTokens ?? null, u?.reasoningTokens ?? null, u ? u.estimated : null,
        usdDecimal(c?.usd), c ? c.estimated : null, usdDecimal(c?.reportedUsd), usdDecimal(c?.computedUsd),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // CRLF per RFC 4180; spreadsheets accept it everywhere.
  return `${lines.join('\r\n')}\r\n`;
}
