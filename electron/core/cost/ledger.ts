// Spending queries over stored replies. Sums are taken in SQL as whole pico-dollars
// (64-bit integers, exact), so totals never drift however many replies they add up.
// A reply counts once it is settled with a cost: unknown (no price) ones are counted
// apart, estimated ones are in the sum and counted so the UI can say "≈".
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CostTotal, DayTotal, ModelTotal, ProviderTotal } from '../../../shared/contract/cost';
import { usdFromPico } from '../../../shared/pricing';

/** The expressions every query shares; `m` is the messages table. */
const USD = `json_extract(m.cost, '$.usd')`;
const PICO = `CASE WHEN ${USD} IS NULL THEN 0 ELSE CAST(ROUND(${USD} * 1e12) AS INTEGER) END`;
const UNKNOWN = `(${USD} IS NULL)`;
const ESTIMATED = `(${USD} IS NOT NULL AND json_extract(m.cost, '$.estimated') = 1)`;
export const MODEL_OF = `COALESCE(m.model_served, m.model_requested, '')`;
/** Matches the partial index messages_billed_by_time (migration 4) word for word, so the planner uses it. */
const BILLED = `m.role = 'assistant' AND m.cost IS NOT NULL`;

interface Acc {
  pico: bigint;
  unknown: number;
  estimated: number;
  messages: number;
}
const acc = (): Acc => ({ pico: 0n, unknown: 0, estimated: 0, messages: 0 });
const add = (a: Acc, r: GroupRow) => {
  a.pico += BigInt(r.pico);
  a.unknown += Number(r.unknown);
  a.estimated += Number(r.estimated);
  a.messages += Number(r.messages);
};
const total = (a: Acc): CostTotal => ({ totalUsd: usdFromPico(a.pico), unknownCount: a.unknown, estimatedCount: a.estimated, messages: a.messages });
/** Most expensive first; unknown-heavy groups after, then by name for a stable order. */
const byCost = <T extends CostTotal>(key: (t: T) => string) => (a: T, b: T) =>
  b.totalUsd - a.totalUsd || b.unknownCount - a.unknownCount || key(a).localeCompare(key(b));

interface GroupRow {
  pico: bigint | number;
  unknown: bigint | number;
  estimated: bigint | number;
  messages: bigint | number;
}

export interface Range {
  from?: number;
  to?: number;
  tzOffsetMinutes?: number;
}

export interface SpendingTotals extends CostTotal {
  byProvider: ProviderTotal[];
  byModel: ModelTotal[];
  byDay: DayTotal[];
}

export interface LedgerRow {
  createdAt: number;
  conversationTitle: string;
  providerId: string | null;
  providerName: string | null;
  modelRequested: string | null;
  modelServed: string | null;
  status: string;
  usage: string | null;
  cost: string;
}

export class CostLedger {
  private stmts = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  private stmt(sql: string): StatementSync {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      // Sums may pass 2^53 pico-dollars ($9,007); read integers exactly.
      s.setReadBigInts(true);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** Total and per-model breakdown of one conversation. */
  conversation(conversationId: string): CostTotal & { byModel: ModelTotal[] } {
    const rows = this.stmt(
      `SELECT m.provider_id AS providerId, ${MODEL_OF} AS modelId, SUM(${PICO}) AS pico, SUM(${UNKNOWN}) AS unknown,
              SUM(${ESTIMATED}) AS estimated, COUNT(*) AS messages
         FROM messages m WHERE m.conversation_id = ? AND ${BILLED}
         GROUP BY m.provider_id, modelId`,
    ).all(conversationId) as unknown as (GroupRow & { providerId: string | null; modelId: string })[];
    const all = acc();
    const byModel: ModelTotal[] = rows.map((r) => {
      add(all, r);
      const a = acc();
      add(a, r);
      return { providerId: r.providerId ?? '', modelId: r.modelId, ...total(a) };
    });
    return { ...total(all), byModel: byModel.sort(byCost((t) => `${t.providerId}/${t.modelId}`)) };
  }

  /** Known spend of one conversation (what a budget is measured against). */
  spentUsd(conversationId: string): number {
    return this.conversation(conversationId).totalUsd;
  }

  /** Totals by provider, model and day (days in the caller's UTC offset). */
  spending(range: Range): SpendingTotals {
    const offsetSeconds = (range.tzOffsetMinutes ?? 0) * 60;
    const rows = this.stmt(
      `SELECT m.provider_id AS providerId, p.name AS providerName, ${MODEL_OF} AS modelId,
              date(m.created_at / 1000 + ?, 'unixepoch') AS day,
              SUM(${PICO}) AS pico, SUM(${UNKNOWN}) AS unknown, SUM(${ESTIMATED}) AS estimated, COUNT(*) AS messages
         FROM messages m LEFT JOIN providers p ON p.id = m.provider_id
        WHERE ${BILLED} AND m.created_at >= ? AND m.created_at < ?
        GROUP BY m.provider_id, modelId, day`,
    ).all(offsetSeconds, range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER) as unknown as (GroupRow & {
      providerId: string | null;
      providerName: string | null;
      modelId: string;
      day: string;
    })[];
    const all = acc();
    const providers = new Map<string, { name: string | null; a: Acc }>();
    const models = new Map<string, { providerId: string; modelId: string; a: Acc }>();
    const days = new Map<string, Acc>();
    for (const r of rows) {
      const pid = r.providerId ?? '';
      add(all, r);
      const p = providers.get(pid) ?? { name: r.providerName, a: acc() };
      add(p.a, r);
      providers.set(pid, p);
      const mk = `${pid}\u0000${r.modelId}`;
      const m = models.get(mk) ?? { providerId: pid, modelId: r.modelId, a: acc() };
      add(m.a, r);
      models.set(mk, m);
      const d = days.get(r.day) ?? acc();
      add(d, r);
      days.set(r.day, d);
    }
    return {
      ...total(all),
      byProvider: [...providers].map(([providerId, p]) => ({ providerId, providerName: p.name, ...total(p.a) })).sort(byCost((t) => t.providerId)),
      byModel: [...models.values()].map((m) => ({ providerId: m.providerId, modelId: m.modelId, ...total(m.a) })).sort(byCost((t) => `${t.providerId}/${t.modelId}`)),
      byDay: [...days].map(([day, a]) => ({ day, ...total(a) })).sort((a, b) => a.day.localeCompare(b.day)),
    };
  }

  /** Every billed reply in the range, oldest first (for the CSV export). */
  rows(range: Range): LedgerRow[] {
    const rows = this.stmt(
      `SELECT m.created_at AS createdAt, c.title AS conversationTitle, m.provider_id AS providerId, p.name AS providerName,
              m.model_requested AS modelRequested, m.model_served AS modelServed, m.status AS status, m.usage AS usage, m.cost AS cost
         FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN providers p ON p.id = m.provider_id
        WHERE ${BILLED} AND m.created_at >= ? AND m.created_at < ?
        ORDER BY m.created_at, m.seq`,
    ).all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER) as unknown as (Omit<LedgerRow, 'createdAt'> & { createdAt: bigint })[];
    return rows.map((r) => ({ ...r, createdAt: Number(r.createdAt) }));
  }
}
