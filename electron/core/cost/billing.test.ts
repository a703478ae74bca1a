// Settling a reply's cost from each provider's real final chunks (as the stream normaliser reads them),
// with fallback, unknown prices and locally counted usage.
import { countTokens as tiktokenCount } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';

import { nanoGptCost } from '../../../e2e/emulator/tokens';
import type { Fallback, ModelInfo, Pricing, StreamFrame, Usage } from '../../../shared/domain';
import { computeCostUsd } from '../../../shared/pricing';
import { ChunkNormaliser } from '../stream/normalise';
import { settleReply, type SettleInput } from './billing';
import { PER_MESSAGE_OVERHEAD, REPLY_PRIMING } from './tokenizer';

const price = (input: number | null, output: number | null, cachedInput: number | null = null): Pricing => ({ input, output, cachedInput });

/** Feeds raw `data:` payloads to the normaliser and returns the usage frame. */
function usageFrom(...chunks: object[]): { usage: Usage; reportedCostUsd: number | null } {
  const n = new ChunkNormaliser();
  const frames: StreamFrame[] = chunks.flatMap((c) => n.push(JSON.stringify(c)));
  const u = frames.find((f) => f.type === 'usage');
  if (!u || u.type !== 'usage') throw new Error('no usage frame');
  return { usage: u.usage, reportedCostUsd: u.reportedCostUsd };
}

const catalog: Record<string, Pricing> = {
  'moonshotai/kimi-k2.6': price(0.9, 4, 0.15),
  'moonshotai/kimi-k2.5': price(0.6, 2.8),
  'qwen/unpriced': price(null, null),
};
const findModel = (_p: string, id: string) => (catalog[id] ? ({ id, pricing: catalog[id] } as unknown as ModelInfo) : null);

const base = (over: Partial<SettleInput>): SettleInput => ({
  status: 'complete', usage: null, reportedCostUsd: null, providerId: 'p', requestedModel: 'm', requestedPricing: price(1, 2),
  servedModel: null, fallback: null, sent: [{ content: 'Hello' }], content: 'Hi', reasoning: '', receivedAny: true, accepted: true, ...over,
});

describe('settling real usage shapes', () => {
  it('NEAR: usage in its own choices:[] chunk with top-level reasoning_tokens (13 in, 81 out incl. 60 reasoning)', async () => {
    const id = 'chatcmpl-ba1b';
    const model = 'zai-org/GLM-5.1-FP8';
    const { usage, reportedCostUsd } = usageFrom(
      { id, object: 'chat.completion.chunk', model, choices: [{ index: 0, delta: { content: '4' }, finish_reason: null }], usage: null },
      { id, object: 'chat.completion.chunk', model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: null },
      { id, object: 'chat.completion.chunk', model, choices: [], usage: { prompt_tokens: 13, completion_tokens: 81, total_tokens: 94, reasoning_tokens: 60 } },
    );
    expect(usage).toEqual({ promptTokens: 13, completionTokens: 81, cachedTokens: null, reasoningTokens: 60, estimated: false });
    const s = await settleReply(base({ usage, reportedCostUsd, requestedModel: model, servedModel: model, requestedPricing: price(1.4, 4.4, 0.26) }), findModel);
    // 13 × 1.4 + 81 × 4.4 = 374.6 per 1M: reasoning is inside completion_tokens, not billed twice.
    expect(s.cost).toEqual({ usd: 0.0003746, computedUsd: 0.0003746, reportedUsd: null, estimated: false, billedModel: null });
  });

  it('NanoGPT: usage and x_nanogpt_pricing on the finish chunk; reported cost wins and the differing computed one is kept', async () => {
    const { usage, reportedCostUsd } = usageFrom({
      id: 'x', object: 'chat.completion.chunk', model: 'deepseek/deepseek-v3.2:thinking',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      usage: { prompt_tokens: 123, completion_tokens: 20, total_tokens: 143, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 12 } },
      x_nanogpt_pricing: { cost: 0.000169, inputTokens: 9, outputTokens: 20, cacheCost: 0, paymentSource: 'USD' },
    });
    expect(usage).toEqual({ promptTokens: 123, completionTokens: 20, cachedTokens: 0, reasoningTokens: 12, estimated: false });
    expect(reportedCostUsd).toBe(0.000169);
    const s = await settleReply(base({ usage, reportedCostUsd, requestedModel: 'deepseek/deepseek-v3.2:thinking', requestedPricing: price(0.27, 0.41) }), findModel);
    expect(s.cost).toEqual({ usd: 0.000169, computedUsd: 0.00004141, reportedUsd: 0.000169, estimated: false, billedModel: null });
  });

  it('NanoGPT with cached tokens: reported and computed agree with the emulator to the last digit', async () => {
    const p = { input: 0.4, output: 1.5, cacheRead: 0.11 };
    const emu = nanoGptCost(p, { prompt: 5000, completion: 321, cached: 4096, reasoning: 0 })!;
    const { usage, reportedCostUsd } = usageFrom({
      id: 'x', model: 'zai-org/glm-4.7', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5000, completion_tokens: 321, total_tokens: 5321, prompt_tokens_details: { cached_tokens: 4096 }, completion_tokens_details: { reasoning_tokens: 0 } },
      x_nanogpt_pricing: emu,
    });
    const s = await settleReply(base({ usage, reportedCostUsd, requestedModel: 'zai-org/glm-4.7', requestedPricing: price(0.4, 1.5, 0.11) }), findModel);
    // 904 × 0.4 + 4096 × 0.11 + 321 × 1.5 = 361.6 + 450.56 + 481.5 = 1293.66 per 1M
    expect(s.cost).toEqual({ usd: 0.00129366, computedUsd: 0.00129366, reportedUsd: 0.00129366, estimated: false, billedModel: null });
  });

  it('LLMBase: usage on the finish chunk, cached tokens billed at input_cache_read', async () => {
    const { usage } = usageFrom({
      id: 'x', model: 'moonshotai/kimi-k2.6', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200, prompt_tokens_details: { cached_tokens: 600 }, completion_tokens_details: { reasoning_tokens: 50 } },
    });
    const s = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.6', servedModel: 'moonshotai/kimi-k2.6', requestedPricing: catalog['moonshotai/kimi-k2.6']! }), findModel);
    expect(s.cost?.usd).toBe(0.00125);
  });

  it('agrees with the emulator over many usage/price combinations', () => {
    const prices = [price(0.27, 0.41), price(0.4, 1.5, 0.11), price(15, 75), price(1.05, 3.1, 0.2), price(0.09, 0.36), price(0.13, 0.4), price(1.8, 15.5)];
    for (const p of prices) {
      for (const [prompt, completion, cached] of [[1, 1, 0], [13, 81, 0], [123, 20, 0], [4097, 333, 2048], [987654, 12345, 500000], [7, 3, 7]] as const) {
        const expected = nanoGptCost({ input: p.input, output: p.output, cacheRead: p.cachedInput }, { prompt, completion, cached, reasoning: 0 })!.cost;
        const u: Usage = { promptTokens: prompt, completionTokens: completion, cachedTokens: cached, reasoningTokens: null, estimated: false };
        expect(computeCostUsd(u, p), `${JSON.stringify(p)} ${prompt}/${completion}/${cached}`).toBe(expected);
      }
    }
  });
});

describe('LLMBase fallback', () => {
  const usage: Usage = { promptTokens: 1000, completionTokens: 200, cachedTokens: 600, reasoningTokens: null, estimated: false };
  const fb = (requested: string, served: string): Fallback => ({ requested, served, reason: 'model_unavailable', chain: [requested, served] });

  it('bills a cheaper served model at its prices, snapshotting them', async () => {
    const s = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.6', requestedPricing: catalog['moonshotai/kimi-k2.6']!, servedModel: 'moonshotai/kimi-k2.5', fallback: fb('moonshotai/kimi-k2.6', 'moonshotai/kimi-k2.5') }), findModel);
    expect(s.cost).toEqual({ usd: 0.00116, computedUsd: 0.00116, reportedUsd: null, estimated: false, billedModel: 'moonshotai/kimi-k2.5' });
    expect(s.pricing).toEqual(catalog['moonshotai/kimi-k2.5']);
  });

  it('bills a pricier served model at the requested prices', async () => {
    const s = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.5', requestedPricing: catalog['moonshotai/kimi-k2.5']!, servedModel: 'moonshotai/kimi-k2.6', fallback: fb('moonshotai/kimi-k2.5', 'moonshotai/kimi-k2.6') }), findModel);
    expect(s.cost).toEqual({ usd: 0.00116, computedUsd: 0.00116, reportedUsd: null, estimated: false, billedModel: null });
    expect(s.pricing).toEqual(catalog['moonshotai/kimi-k2.5']);
  });

  it('a served model missing from the catalog: the requested price as an upper bound, marked estimated', async () => {
    const s = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.6', requestedPricing: catalog['moonshotai/kimi-k2.6']!, servedModel: 'vendor/unknown', fallback: fb('moonshotai/kimi-k2.6', 'vendor/unknown') }), findModel);
    expect(s.cost).toMatchObject({ usd: 0.00125, estimated: true, billedModel: null });
  });

  it('without fallback headers, a served name the catalog knows bills at its prices; an unknown alias keeps the snapshot', async () => {
    const known = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.6', requestedPricing: catalog['moonshotai/kimi-k2.6']!, servedModel: 'moonshotai/kimi-k2.5' }), findModel);
    expect(known.cost).toMatchObject({ usd: 0.00116, billedModel: 'moonshotai/kimi-k2.5' });
    const alias = await settleReply(base({ usage, requestedModel: 'moonshotai/kimi-k2.6', requestedPricing: catalog['moonshotai/kimi-k2.6']!, servedModel: 'kimi-k2.6-2026-01' }), findModel);
    expect(alias.cost).toMatchObject({ usd: 0.00125, billedModel: null, estimated: false });
  });
});

describe('unknown and estimated', () => {
  it('an unpriced model: cost unknown (usd null), never 0', async () => {
    const usage: Usage = { promptTokens: 10, completionTokens: 10, cachedTokens: null, reasoningTokens: null, estimated: false };
    const s = await settleReply(base({ usage, requestedModel: 'qwen/unpriced', requestedPricing: price(null, null) }), findModel);
    expect(s.cost).toEqual({ usd: null, computedUsd: null, reportedUsd: null, estimated: false, billedModel: null });
  });

  it('no usage from the provider: counted with the tokenizer and marked estimated', async () => {
    const sent = [{ content: 'You are terse.' }, { content: 'What is the capital of France?' }];
    const s = await settleReply(base({ status: 'interrupted', sent, content: 'Paris is the capital of France.', reasoning: 'Simple geography.', requestedPricing: price(1, 2) }), findModel);
    const prompt = REPLY_PRIMING + sent.reduce((n, m) => n + tiktokenCount(m.content) + PER_MESSAGE_OVERHEAD, 0);
    const reasoning = tiktokenCount('Simple geography.');
    const completion = tiktokenCount('Paris is the capital of France.') + reasoning;
    expect(s.usage).toEqual({ promptTokens: prompt, completionTokens: completion, cachedTokens: null, reasoningTokens: reasoning, estimated: true });
    expect(s.cost).toMatchObject({ estimated: true, reportedUsd: null });
    expect(s.cost?.usd).toBe(computeCostUsd(s.usage!, price(1, 2)));
    expect(s.cost!.usd!).toBeGreaterThan(0);
  });

  it('stopped after the provider accepted the request but before any text: the prompt is still estimated', async () => {
    const s = await settleReply(base({ status: 'stopped', content: '', receivedAny: false }), findModel);
    expect(s.usage).toMatchObject({ completionTokens: 0, estimated: true });
    expect(s.usage!.promptTokens).toBeGreaterThan(0);
    expect(s.cost?.estimated).toBe(true);
  });

  it('refused before any stream (HTTP error): nothing billed', async () => {
    const s = await settleReply(base({ status: 'error', content: '', receivedAny: false, accepted: false }), findModel);
    expect(s).toEqual({ usage: null, cost: null, pricing: price(1, 2) });
  });

  it('stopped before the provider accepted the request (waiting to retry a 429): nothing billed', async () => {
    const s = await settleReply(base({ status: 'stopped', content: '', receivedAny: false, accepted: false }), findModel);
    expect(s).toEqual({ usage: null, cost: null, pricing: price(1, 2) });
  });
});
