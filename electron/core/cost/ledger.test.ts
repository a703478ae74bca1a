// Spending queries on a real SQLite file: exact sums over many replies, unknown/estimated counts,
// day buckets in the caller's offset, the time index, and a CSV a spreadsheet opens safely.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cost, Message, Usage } from '../../../shared/domain';
import { ConversationRepo } from '../history/conversations';
import { openDatabase } from '../history/database';
import { MessageRepo } from '../history/messages';
import { ProvidersRepo } from '../history/providers-repo';
import { useTempDir } from '../test-support/temp-dir';
import { CostEstimator } from './estimator';
import { csvCell, localIso, toCsv, usdDecimal } from './csv';
import { CostLedger } from './ledger';
import { countPromptTokens, countTokens } from './tokenizer';

const tempDir = useTempDir();

function store() {
  const { db } = openDatabase(path.join(tempDir(), 'h.sqlite'));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  new ProvidersRepo(db).upsert({ id: 'near', kind: 'near', name: 'NEAR AI Cloud', baseUrl: 'http://x', defaultModel: null, builtIn: true, options: {} });
  let seq = 0;
  const reply = (conversationId: string, createdAt: number, cost: Cost | null, patch: Partial<Message> = {}) => {
    const usage: Usage = { promptTokens: 100, completionTokens: 50, cachedTokens: 20, reasoningTokens: 10, estimated: cost?.estimated ?? false };
    const m = {
      id: `m${++seq}`, conversationId, seq, role: 'assistant', content: 'x', reasoning: null, status: 'complete', providerId: 'near',
      modelRequested: 'model-a', modelServed: 'model-a', privacy: null, error: null, usage, cost, pricing: null, timings: null,
      fallback: null, verification: null, createdAt, ...patch,
    } as Message;
    messages.insert(m);
    return m;
  };
  return { db, conversations, messages, ledger: new CostLedger(db), reply };
}

const cost = (usd: number | null, estimated = false): Cost => ({ usd, computedUsd: usd, reportedUsd: null, estimated });

describe('CostLedger', () => {
  it('sums many replies exactly and counts unknown and estimated ones apart', () => {
    const s = store();
    const c = s.conversations.create({ title: 'Sums' });
    for (let i = 0; i < 1000; i++) s.reply(c.id, 1_000 + i, cost(0.00004141));
    s.reply(c.id, 5_000, cost(null));
    s.reply(c.id, 5_001, cost(0.1, true), { modelServed: 'model-b' });
    s.reply(c.id, 5_002, null, { status: 'error' }); // refused: not billed, not counted
    s.reply(c.id, 5_003, cost(0.5), { role: 'user' }); // only replies count
    const t = s.ledger.conversation(c.id);
    expect(t).toMatchObject({ totalUsd: 0.14141, unknownCount: 1, estimatedCount: 1, messages: 1002 });
    expect(t.byModel).toEqual([
      { providerId: 'near', modelId: 'model-b', totalUsd: 0.1, unknownCount: 0, estimatedCount: 1, messages: 1 },
      { providerId: 'near', modelId: 'model-a', totalUsd: 0.04141, unknownCount: 1, estimatedCount: 0, messages: 1001 },
    ]);
  });

  it('buckets days in the caller offset and filters by [from, to)', () => {
    const s = store();
    const c = s.conversations.create({ title: 'Days' });
    const t0 = Date.UTC(2026, 2, 1, 23, 30); // 23:30 UTC on 1 March = 00:30 on 2 March at UTC+1
    s.reply(c.id, t0, cost(0.01));
    s.reply(c.id, t0 + 60 * 60_000, cost(0.02)); // 00:30 UTC on 2 March
    const utc = s.ledger.spending({});
    expect(utc.byDay.map((d) => [d.day, d.totalUsd])).toEqual([['2026-03-01', 0.01], ['2026-03-02', 0.02]]);
    const plusOne = s.ledger.spending({ tzOffsetMinutes: 60 });
    expect(plusOne.byDay.map((d) => [d.day, d.totalUsd])).toEqual([['2026-03-02', 0.03]]);
    const minusFive = s.ledger.spending({ tzOffsetMinutes: -300 });
    expect(minusFive.byDay.map((d) => d.day)).toEqual(['2026-03-01']);
    expect(s.ledger.spending({ from: t0 + 1 }).totalUsd).toBe(0.02);
    expect(s.ledger.spending({ to: t0 + 1 }).totalUsd).toBe(0.01);
    expect(s.ledger.spending({ from: t0, to: t0 }).messages).toBe(0);
    expect(s.ledger.spending({}).byProvider).toEqual([{ providerId: 'near', providerName: 'NEAR AI Cloud', totalUsd: 0.03, unknownCount: 0, estimatedCount: 0, messages: 2 }]);
  });

  it('uses the billed-by-time index for ranges', () => {
    const s = store();
    const plan = s.db
      .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM messages m WHERE m.role = 'assistant' AND m.cost IS NOT NULL AND m.created_at >= ? AND m.created_at < ?`)
      .all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('messages_billed_by_time');
  });

  it('sums past 2^53 pico-dollars (more than $9,007) without losing a cent', () => {
    const s = store();
    const c = s.conversations.create({ title: 'Big' });
    for (let i = 0; i < 4; i++) s.reply(c.id, i, cost(2500.123456789012));
    expect(s.ledger.conversation(c.id).totalUsd).toBe(10000.493827156048);
  });
});

describe('CSV', () => {
  it('one row per billed reply with plain decimals; formula-looking cells are defused', () => {
    const s = store();
    const c = s.conversations.create({ title: '=HYPERLINK("http://evil")' });
    s.reply(c.id, Date.UTC(2026, 0, 2, 3, 4, 5), { usd: 0.000169, computedUsd: 0.00004141, reportedUsd: 0.000169, estimated: false });
    s.reply(c.id, Date.UTC(2026, 0, 2, 3, 4, 6), cost(null));
    const csv = toCsv(s.ledger.rows({}), 60);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,conversation,provider,model_requested,model_served,billed_model,status,tokens_in,tokens_cached,tokens_out,tokens_reasoning,usage_estimated,cost_usd,cost_estimated,reported_cost_usd,computed_cost_usd');
    expect(lines[1]).toBe(`2026-01-02T04:04:05+01:00,"'=HYPERLINK(""http://evil"")",NEAR AI Cloud,model-a,model-a,,complete,100,20,50,10,false,0.000169,false,0.000169,0.00004141`);
    expect(lines[2]).toContain(',,false,,'); // unknown cost: blank, not 0
    expect(lines[3]).toBe('');
  });

  it('helpers', () => {
    expect(usdDecimal(3e-7)).toBe('0.0000003');
    expect(usdDecimal(12.5)).toBe('12.5');
    expect(usdDecimal(0)).toBe('0');
    expect(usdDecimal(null)).toBe('');
    expect(localIso(0, -330)).toBe('1969-12-31T18:30:00-05:30');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(null)).toBe('');
  });
});

describe('CostEstimator', () => {
  it('caches the history count per conversation until a message changes', async () => {
    const s = store();
    const c = s.conversations.create({ title: 'Typing' });
    s.reply(c.id, 1, null, { role: 'user', content: 'Hello there', id: 'u-1' });
    let lists = 0;
    const est = new CostEstimator({
      db: s.db,
      listMessages: (id) => (lists++, s.messages.list(id)),
      findModel: () => null,
      spentUsd: () => 0,
    });
    const a = await est.historyTokens(c.id);
    const b = await est.historyTokens(c.id);
    expect(b).toBe(a);
    expect(lists).toBe(1);
    s.messages.update('u-1', { content: 'Hello there, and a much longer message now!' });
    const changed = await est.historyTokens(c.id);
    expect(lists).toBe(2);
    expect(changed - a).toBe((await countTokens('Hello there, and a much longer message now!')) - (await countTokens('Hello there')));
  });

  it('recounts only the messages that changed, and lets the event loop run while counting', async () => {
    const s = store();
    const c = s.conversations.create({ title: 'Long' });
    for (let i = 1; i <= 40; i++) s.reply(c.id, i, null, { role: i % 2 ? 'user' : 'assistant', content: `Message number ${i} says something.`, id: `m-${i}` });
    const counted: string[] = [];
    const est = new CostEstimator({
      db: s.db,
      listMessages: (id) => s.messages.list(id),
      findModel: () => null,
      spentUsd: () => 0,
      countTokens: async (text) => (counted.push(text), countTokens(text)),
      sliceMs: 0, // yield after every message
    });
    let ticks = 0;
    const tick = setInterval(() => ticks++, 0);
    const first = await est.historyTokens(c.id);
    clearInterval(tick);
    expect(counted).toHaveLength(40);
    expect(ticks).toBeGreaterThan(0); // timers ran while the history was being counted
    expect(first).toBe(await countPromptTokens(s.messages.list(c.id)));

    counted.length = 0;
    s.reply(c.id, 41, null, { role: 'user', content: 'One more question?', id: 'm-41' });
    s.messages.update('m-3', { content: 'An edited message.' });
    const second = await est.historyTokens(c.id);
    expect(counted.sort()).toEqual(['An edited message.', 'One more question?']);
    expect(second).toBe(await countPromptTokens(s.messages.list(c.id)));

    // Asked again while counting (keystrokes): one count serves both.
    counted.length = 0;
    s.messages.update('m-5', { content: 'Edited once more.' });
    const [x, y] = await Promise.all([est.historyTokens(c.id), est.historyTokens(c.id)]);
    expect(x).toBe(y);
    expect(counted).toEqual(['Edited once more.']);

    // The history changes while it is being counted (a reply streaming): the next ask waits
    // for that count, then counts only the change; never two counts of the whole history.
    counted.length = 0;
    s.messages.update('m-7', { content: 'Changed during a count.' });
    const during = est.historyTokens(c.id);
    s.messages.update('m-9', { content: 'Changed again.' });
    const after = await est.historyTokens(c.id);
    await during;
    expect(counted).toEqual(['Changed during a count.', 'Changed again.']);
    expect(after).toBe(await countPromptTokens(s.messages.list(c.id)));
  });
});
