// The cost domain through the router against the provider emulator: real SQLite, real keychain,
// real HTTP. Every stored figure must equal what the emulator's usage and prices imply, exactly.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';

import { computeUsage, modelPrices, nanoGptCost, startEmulator, type Emulator, type EmuProvider, type Step } from '../../../e2e/emulator';
import type { ConversationCost, SendEstimate, Spending } from '../../../shared/contract/cost';
import { formatUsd } from '../../../shared/cost/format';
import { costsDiffer } from '../../../shared/pricing';
import type { Conversation, Message } from '../../../shared/domain';
import { createCore } from '../app';
import { loadKeytar } from '../secrets/vault';
import { useTempDir } from '../test-support/temp-dir';
import { countTokens, PER_MESSAGE_OVERHEAD, REPLY_PRIMING } from './tokenizer';

const tempDir = useTempDir();
const keychainService = `parley-test-${randomUUID()}`;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const PROVIDERS: EmuProvider[] = ['near', 'nanogpt', 'llmbase'];

async function setup() {
  const emu: Emulator = await startEmulator();
  cleanups.push(() => emu.close());
  const core = await createCore({ dataDir: tempDir(), keychainService, mode: 'web', appVersion: 'test', timeouts: { connectMs: 2000, idleMs: 2000, backoffMs: 20 } });
  cleanups.push(() => core.close());
  const done = new Map<string, Message>();
  const waiters = new Map<string, (m: Message) => void>();
  core.events.subscribe((name, payload) => {
    if (name !== 'chat.done') return;
    const m = (payload as { message: Message }).message;
    done.set(m.id, m);
    waiters.get(m.id)?.(m);
  });
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await core.router(name, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, apiMessage: r.error.message });
    return r.value as T;
  };
  for (const p of PROVIDERS) {
    await call('providers.save', { id: p, kind: p, name: p, baseUrl: emu.bases[p], apiKey: emu.keys[p] });
    cleanups.push(() => loadKeytar().deletePassword(keychainService, p));
  }
  const catalog = await call<{ sources: { providerId: string; source: string; error: string | null }[] }>('catalog.refresh', {});
  for (const s of catalog.sources.filter((x) => PROVIDERS.includes(x.providerId as EmuProvider))) expect(s, s.providerId).toMatchObject({ source: 'live', error: null });
  const finished = (id: string) => new Promise<Message>((resolve) => (done.has(id) ? resolve(done.get(id)!) : waiters.set(id, resolve)));

  /** Sends `text` on provider/model with one scripted reply; returns the settled reply and what the emulator billed. */
  async function send(conversationId: string, provider: EmuProvider, modelId: string, text: string, step: Step, billedAs = modelId) {
    await call('conversations.update', { id: conversationId, providerId: provider, modelId });
    emu.script(provider, [step]);
    const before = emu.requests.length;
    const sent = await call<{ assistant: Message }>('chat.send', { conversationId, text });
    const reply = await finished(sent.assistant.id);
    const req = emu.requests.slice(before).find((r) => r.path.endsWith('/chat/completions'))!;
    const s = step as { text?: string; reasoning?: string; cachedTokens?: number };
    const u = computeUsage((req.json as { messages: unknown }).messages, s.text ?? '', s.reasoning ?? '', s.cachedTokens ?? 0);
    const prices = modelPrices(provider, billedAs)!;
    return { reply, usage: u, expectedUsd: nanoGptCost(prices, u)?.cost ?? null };
  }
  const newConversation = (provider: EmuProvider, modelId: string) => call<Conversation>('conversations.create', { providerId: provider, modelId });
  return { emu, core, call, send, newConversation, finished };
}

/** An independent sum: floats added, then rounded to 1e-12 as the emulator rounds. */
const roundedSum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e12) / 1e12;

describe('cost through the core, against the emulator', () => {
  it('a conversation across three providers: each reply and the total equal the emulator figures exactly', async () => {
    const s = await setup();
    const conv = await s.newConversation('near', 'deepseek-ai/DeepSeek-V3.1');

    // 1. NEAR, usage in its own chunk with top-level reasoning_tokens. By hand: prompt "Hi" = 1 token,
    //    completion "Paris." (2) + reasoning "Think" (2) = 4 → 1 × $1.05 + 4 × $3.1 per 1M = $0.00001345.
    const near = await s.send(conv.id, 'near', 'deepseek-ai/DeepSeek-V3.1', 'Hi', { kind: 'reply', text: 'Paris.', reasoning: 'Think' });
    expect(near.reply).toMatchObject({ status: 'complete', content: 'Paris.', reasoning: 'Think' });
    expect(near.reply.usage).toEqual({ promptTokens: 1, completionTokens: 4, cachedTokens: null, reasoningTokens: 2, estimated: false });
    expect(near.reply.cost).toEqual({ usd: 0.00001345, computedUsd: 0.00001345, reportedUsd: null, estimated: false, billedModel: null });
    expect(near.expectedUsd).toBe(0.00001345);

    // 2. NanoGPT with cached tokens: reported x_nanogpt_pricing.cost equals our arithmetic.
    const nano = await s.send(conv.id, 'nanogpt', 'zai-org/glm-4.7', 'Now tell me about the history of Paris in some detail, please.', {
      kind: 'reply', text: 'Paris was founded in the 3rd century BC by the Parisii, a Celtic people.', reasoning: 'Recall facts.', cachedTokens: 10,
    });
    expect(nano.reply.usage).toEqual({ promptTokens: nano.usage.prompt, completionTokens: nano.usage.completion, cachedTokens: 10, reasoningTokens: nano.usage.reasoning, estimated: false });
    // NanoGPT's model list publishes no cache-read price, so our figure bills cached tokens at the input
    // price; NanoGPT's own (lower) figure is the one that counts, and the two differ enough to show both.
    const ours = nanoGptCost({ input: 0.4, output: 1.5, cacheRead: null }, nano.usage)!.cost;
    expect(nano.reply.cost).toEqual({ usd: nano.expectedUsd, computedUsd: ours, reportedUsd: nano.expectedUsd, estimated: false, billedModel: null });
    expect(costsDiffer(nano.reply.cost!.reportedUsd, nano.reply.cost!.computedUsd)).toBe(true);

    // 3. LLMBase smart fallback: kimi-k2.6 is unavailable, k2.5 serves and is cheaper, so it bills.
    const fb = await s.send(conv.id, 'llmbase', 'moonshotai/kimi-k2.6', 'And its population?', { kind: 'reply', text: 'About two million people live in the city proper.', reasoning: '' }, 'moonshotai/kimi-k2.5');
    expect(fb.reply.fallback).toMatchObject({ requested: 'moonshotai/kimi-k2.6', served: 'moonshotai/kimi-k2.5' });
    expect(fb.reply.cost).toEqual({ usd: fb.expectedUsd, computedUsd: fb.expectedUsd, reportedUsd: null, estimated: false, billedModel: 'moonshotai/kimi-k2.5' });
    expect(fb.reply.pricing).toEqual({ input: 0.6, output: 2.8, cachedInput: null });

    // 4. LLMBase cached tokens at input_cache_read ($0.02 vs $0.2 input).
    const cached = await s.send(conv.id, 'llmbase', 'deepseek/deepseek-v4-flash', 'Summarise everything so far in one line.', {
      kind: 'reply', text: 'Paris: ancient Celtic roots, two million people.', reasoning: 'Short.', cachedTokens: 40,
    });
    expect(cached.reply.usage).toMatchObject({ cachedTokens: 40, reasoningTokens: cached.usage.reasoning, completionTokens: cached.usage.completion });
    expect(cached.reply.cost?.usd).toBe(cached.expectedUsd);

    // 5. A model without a price: cost unknown, never $0.
    const unpriced = await s.send(conv.id, 'near', 'Qwen/Qwen3-VL-8B-Instruct', 'Thanks!', { kind: 'reply', text: 'You are welcome.', reasoning: '' });
    expect(unpriced.expectedUsd).toBeNull();
    expect(unpriced.reply.cost).toEqual({ usd: null, computedUsd: null, reportedUsd: null, estimated: false, billedModel: null });

    // What is stored is what was announced.
    const stored = (await s.call<Message[]>('messages.list', { conversationId: conv.id })).filter((m) => m.role === 'assistant');
    expect(stored.map((m) => m.cost?.usd ?? null)).toEqual([near.expectedUsd, nano.expectedUsd, fb.expectedUsd, cached.expectedUsd, null]);

    const total = await s.call<ConversationCost>('cost.conversation', { conversationId: conv.id });
    const known = [near, nano, fb, cached].map((r) => r.expectedUsd!);
    expect(total).toMatchObject({ totalUsd: roundedSum(known), unknownCount: 1, estimatedCount: 0, messages: 5, budgetUsd: null });
    const byModel = Object.fromEntries(total.byModel.map((m) => [`${m.providerId}/${m.modelId}`, m]));
    expect(byModel['near/deepseek-ai/DeepSeek-V3.1']).toMatchObject({ totalUsd: near.expectedUsd, messages: 1, unknownCount: 0 });
    expect(byModel['nanogpt/zai-org/glm-4.7']).toMatchObject({ totalUsd: nano.expectedUsd, messages: 1 });
    expect(byModel['llmbase/moonshotai/kimi-k2.5']).toMatchObject({ totalUsd: fb.expectedUsd, messages: 1 });
    expect(byModel['near/Qwen/Qwen3-VL-8B-Instruct']).toMatchObject({ totalUsd: 0, unknownCount: 1, messages: 1 });
    expect(total.byModel).toHaveLength(5);
    expect(total.byModel[0]!.totalUsd).toBe(Math.max(...known));

    // The Spending view over the same replies, by provider and by (UTC) day, and its CSV.
    const spending = await s.call<Spending>('cost.spending', {});
    expect(spending).toMatchObject({ totalUsd: roundedSum(known), unknownCount: 1, messages: 5, tzOffsetMinutes: 0 });
    const byProvider = Object.fromEntries(spending.byProvider.map((p) => [p.providerId, p]));
    expect(byProvider.near).toMatchObject({ totalUsd: near.expectedUsd, unknownCount: 1, messages: 2, providerName: 'NEAR AI Cloud' });
    expect(byProvider.nanogpt).toMatchObject({ totalUsd: nano.expectedUsd, messages: 1 });
    expect(byProvider.llmbase).toMatchObject({ totalUsd: roundedSum([fb.expectedUsd!, cached.expectedUsd!]), messages: 2 });
    expect(spending.byDay).toEqual([{ day: new Date(stored[0]!.createdAt).toISOString().slice(0, 10), totalUsd: roundedSum(known), unknownCount: 1, estimatedCount: 0, messages: 5 }]);
    const empty = await s.call<Spending>('cost.spending', { from: 0, to: stored[0]!.createdAt });
    expect(empty).toMatchObject({ totalUsd: 0, messages: 0, byProvider: [], byModel: [], byDay: [] });

    const csv = await s.call<{ filename: string; content: string; rows: number }>('cost.exportCsv', {});
    expect(csv.rows).toBe(5);
    expect(csv.filename).toMatch(/^parley-spending-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    const header = lines[0]!.split(',');
    const col = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    expect(col(lines[1]!, 'cost_usd')).toBe('0.00001345');
    expect(col(lines[1]!, 'tokens_reasoning')).toBe('2');
    expect(col(lines[2]!, 'reported_cost_usd')).toBe(String(nano.expectedUsd).includes('e') ? expect.anything() : String(nano.expectedUsd));
    expect(col(lines[3]!, 'billed_model')).toBe('moonshotai/kimi-k2.5');
    expect(col(lines[3]!, 'model_served')).toBe('moonshotai/kimi-k2.5');
    expect(col(lines[4]!, 'tokens_cached')).toBe('40');
    expect(col(lines[5]!, 'cost_usd')).toBe('');
    expect(col(lines[5]!, 'provider')).toBe('NEAR AI Cloud');
    expect(csv.content).not.toContain(s.emu.keys.near);
  });

  it('a reported cost that differs from the computed one: the reported one counts, both are kept', async () => {
    const s = await setup();
    const conv = await s.newConversation('nanogpt', 'deepseek/deepseek-v3.2');
    const r = await s.send(conv.id, 'nanogpt', 'deepseek/deepseek-v3.2', 'Price check', { kind: 'reply', text: 'OK.', reasoning: '', reportedCost: 0.000169 });
    expect(r.reply.cost).toEqual({ usd: 0.000169, computedUsd: r.expectedUsd, reportedUsd: 0.000169, estimated: false, billedModel: null });
    expect((await s.call<ConversationCost>('cost.conversation', { conversationId: conv.id })).totalUsd).toBe(0.000169);
  });

  it('no usage from the provider (silent, or the stream cut): counted locally and marked ≈ in the total', async () => {
    const s = await setup();
    const conv = await s.newConversation('nanogpt', 'zai-org/glm-4.7');
    const silent = await s.send(conv.id, 'nanogpt', 'zai-org/glm-4.7', 'Count for me', { kind: 'reply', text: 'One two three four.', reasoning: '', omitUsage: true });
    expect(silent.reply.status).toBe('complete');
    const prompt = REPLY_PRIMING + (await countTokens('Count for me')) + PER_MESSAGE_OVERHEAD;
    expect(silent.reply.usage).toEqual({ promptTokens: prompt, completionTokens: await countTokens('One two three four.'), cachedTokens: null, reasoningTokens: null, estimated: true });
    expect(silent.reply.cost?.estimated).toBe(true);
    expect(silent.reply.cost?.usd).toBeGreaterThan(0);

    const cut = await s.send(conv.id, 'nanogpt', 'zai-org/glm-4.7', 'Again', { kind: 'no-done', text: 'Partial answer that never' });
    expect(cut.reply.status).toBe('interrupted');
    expect(cut.reply.usage?.estimated).toBe(true);
    expect(cut.reply.cost?.estimated).toBe(true);

    const total = await s.call<ConversationCost>('cost.conversation', { conversationId: conv.id });
    expect(total).toMatchObject({ estimatedCount: 2, unknownCount: 0, messages: 2 });
    expect(total.totalUsd).toBe(Math.round((silent.reply.cost!.usd! + cut.reply.cost!.usd!) * 1e12) / 1e12);
  });

  it('a reply refused before any stream is not billed and not counted', async () => {
    const s = await setup();
    const conv = await s.newConversation('near', 'deepseek-ai/DeepSeek-V3.1');
    const r = await s.send(conv.id, 'near', 'deepseek-ai/DeepSeek-V3.1', 'Hello', { kind: 'http-error', status: 402 });
    expect(r.reply).toMatchObject({ status: 'error', usage: null, cost: null });
    expect(await s.call<ConversationCost>('cost.conversation', { conversationId: conv.id })).toMatchObject({ totalUsd: 0, messages: 0, unknownCount: 0 });
  });

  it('stopped while waiting to retry a 429: not billed; stopped once the provider accepted it: the prompt is estimated', async () => {
    const s = await setup();
    const conv = await s.newConversation('near', 'deepseek-ai/DeepSeek-V3.1');
    const seen = new Set<string>();
    s.core.events.subscribe((name, payload) => {
      if (name === 'chat.stream') for (const f of (payload as { frames: { type: string }[] }).frames) seen.add(f.type);
    });
    const waitFor = async (what: () => boolean) => {
      while (!what()) await new Promise((r) => setTimeout(r, 10));
    };
    // Refused with a long Retry-After: the app waits to try again, and the user stops it.
    s.emu.script('near', [{ kind: 'http-error', status: 429, retryAfter: 30 }]);
    const refused = await s.call<{ assistant: Message }>('chat.send', { conversationId: conv.id, text: 'A question the provider refuses for now' });
    await waitFor(() => seen.has('retry'));
    await s.call('chat.stop', { messageId: refused.assistant.id });
    expect(await s.finished(refused.assistant.id)).toMatchObject({ status: 'stopped', usage: null, cost: null });
    expect(await s.call<ConversationCost>('cost.conversation', { conversationId: conv.id })).toMatchObject({ totalUsd: 0, messages: 0, unknownCount: 0 });

    // Accepted (200, headers sent) and then silent: the provider has the prompt and may bill it.
    seen.clear();
    s.emu.script('near', [{ kind: 'stall', afterChars: 0 }]);
    const accepted = await s.call<{ assistant: Message }>('chat.send', { conversationId: conv.id, text: 'A question it accepts' });
    await waitFor(() => seen.has('meta')); // its first chunk (id and model, no text) arrived
    await s.call('chat.stop', { messageId: accepted.assistant.id });
    const stopped = await s.finished(accepted.assistant.id);
    expect(stopped).toMatchObject({ status: 'stopped', content: '', usage: { completionTokens: 0, estimated: true }, cost: { estimated: true } });
    expect(stopped.usage!.promptTokens).toBeGreaterThan(0);
    expect(stopped.cost!.usd!).toBeGreaterThan(0);
  });

  it('estimates a send before it goes: history + new text by the input price, worst case by max output', async () => {
    const s = await setup();
    // Qwen3 30B on NEAR: $0.15 in, $0.55 out, 32,768 max output, 262,144 context.
    const conv = await s.newConversation('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507');
    const first = await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'Hello there' });
    const tokens = REPLY_PRIMING + (await countTokens('Hello there')) + PER_MESSAGE_OVERHEAD;
    expect(first).toEqual({
      providerId: 'near', modelId: 'Qwen/Qwen3-30B-A3B-Instruct-2507', inputTokens: tokens,
      inputUsd: Math.round(tokens * 0.15 * 1e6) / 1e12, maxOutputTokens: 32768, worstCaseOutputUsd: 0.0180224,
      worstCaseUsd: Math.round((tokens * 0.15 + 32768 * 0.55) * 1e6) / 1e12, spentUsd: 0, budgetUsd: null, overBudget: false, note: null,
    });
    await s.send(conv.id, 'near', 'Qwen/Qwen3-30B-A3B-Instruct-2507', 'Hello there', { kind: 'reply', text: 'Hi! How can I help?', reasoning: '' });
    const next = await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'Tell me a joke' });
    const history = REPLY_PRIMING + (await countTokens('Hello there')) + (await countTokens('Hi! How can I help?')) + 2 * PER_MESSAGE_OVERHEAD;
    expect(next.inputTokens).toBe(history + (await countTokens('Tell me a joke')) + PER_MESSAGE_OVERHEAD);
    expect(next.spentUsd).toBeGreaterThan(0);

    // An unpriced model: figures unknown (null), said so.
    await s.call('conversations.update', { id: conv.id, modelId: 'Qwen/Qwen3-VL-8B-Instruct' });
    const unknown = await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'x' });
    expect(unknown).toMatchObject({ inputUsd: null, worstCaseOutputUsd: null, worstCaseUsd: null, overBudget: false });
    expect(unknown.note).toMatch(/No price is published for .*cost is unknown/);

    // Empty text is fine while typing; bad input is refused clearly.
    expect((await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: '' })).inputTokens).toBeGreaterThan(0);
    await expect(s.call('cost.estimate', { conversationId: conv.id })).rejects.toThrow(/invalid_input/);
    await expect(s.call('cost.estimate', { conversationId: 'nope', text: 'x' })).rejects.toThrow(/not_found/);
    await expect(s.call('cost.spending', { from: 10, to: 5 })).rejects.toThrow(/from/);
    await expect(s.call('cost.spending', { tzOffsetMinutes: 9999 })).rejects.toThrow(/tzOffsetMinutes/);
  });

  it('a budget holds a send that could pass it, with a clear message; send anyway goes', async () => {
    const s = await setup();
    const conv = await s.newConversation('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507');
    const r1 = await s.send(conv.id, 'near', 'Qwen/Qwen3-30B-A3B-Instruct-2507', 'First', { kind: 'reply', text: 'One. '.repeat(80), reasoning: '' });
    const spent = r1.expectedUsd!;
    await s.call('conversations.update', { id: conv.id, budgetUsd: 0.01 });
    const e = await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'Second' });
    expect(e).toMatchObject({ overBudget: true, budgetUsd: 0.01, spentUsd: spent });

    const countBefore = (await s.call<Message[]>('messages.list', { conversationId: conv.id })).length;
    const held = await s.call('chat.send', { conversationId: conv.id, text: 'Second' }).catch((err: { code: string; apiMessage: string }) => err);
    expect(held).toMatchObject({
      code: 'over_budget',
      apiMessage: `This send could cost up to ${formatUsd(e.worstCaseUsd)}, which would take the conversation past its $0.01 budget (${formatUsd(spent)} spent).`,
    });
    expect((held as { apiMessage: string }).apiMessage).toMatch(/^This send could cost up to \$0\.018, which would take the conversation past its \$0\.01 budget \(\$0\.000055 spent\)\.$/);
    expect(await s.call<Message[]>('messages.list', { conversationId: conv.id })).toHaveLength(countBefore);

    s.emu.script('near', [{ kind: 'reply', text: 'Two.', reasoning: '' }]);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: conv.id, text: 'Second', sendAnyway: true });
    expect((await s.finished(sent.assistant.id)).status).toBe('complete');

    // Regenerating or editing is a paid send too: held the same way, released the same way.
    const regen = await s.call('chat.regenerate', { messageId: sent.assistant.id }).catch((err: { code: string }) => err);
    expect(regen).toMatchObject({ code: 'over_budget' });
    const lastUser = (await s.call<Message[]>('messages.list', { conversationId: conv.id })).filter((m) => m.role === 'user').at(-1)!;
    const edited = await s.call('chat.edit', { messageId: lastUser.id, text: 'Second, edited' }).catch((err: { code: string }) => err);
    expect(edited).toMatchObject({ code: 'over_budget' });
    s.emu.script('near', [{ kind: 'reply', text: 'Two again.', reasoning: '' }]);
    const again = await s.call<{ assistant: Message }>('chat.regenerate', { messageId: sent.assistant.id, sendAnyway: true });
    expect((await s.finished(again.assistant.id)).content).toBe('Two again.');

    // A budget large enough lets the send through; none means no hold.
    await s.call('conversations.update', { id: conv.id, budgetUsd: 1 });
    expect((await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'Third' })).overBudget).toBe(false);

    // The default budget applies to new conversations.
    await s.call('settings.update', { defaultBudgetUsd: 0.25 });
    expect((await s.newConversation('near', 'Qwen/Qwen3-30B-A3B-Instruct-2507')).budgetUsd).toBe(0.25);
  });

  it('a conversation without a provider yet: input tokens only, and a note', async () => {
    const s = await setup();
    const conv = await s.call<Conversation>('conversations.create', {});
    const e = await s.call<SendEstimate>('cost.estimate', { conversationId: conv.id, text: 'Hello' });
    expect(e).toMatchObject({ providerId: null, modelId: null, inputUsd: null, worstCaseUsd: null, overBudget: false, note: 'Choose a provider and model to see what a send costs.' });
    expect(e.inputTokens).toBe(REPLY_PRIMING + (await countTokens('Hello')) + PER_MESSAGE_OVERHEAD);
  });

  it('an unpriced model under a spent budget is held (its cost cannot be checked)', async () => {
    const s = await setup();
    const conv = await s.newConversation('near', 'Qwen/Qwen3-VL-8B-Instruct');
    await s.call('conversations.update', { id: conv.id, budgetUsd: 0 });
    const held = await s.call('chat.send', { conversationId: conv.id, text: 'Hi' }).catch((err: { code: string; apiMessage: string }) => err);
    expect(held).toMatchObject({ code: 'over_budget', apiMessage: "This conversation has already spent $0 of its $0 budget, and this send's cost is unknown." });
  });
});
