import { describe, expect, it } from 'vitest';
import type { ModelInfo, ThinkingSetting } from '../../../shared/domain';
import { fakeFetch } from '../catalog/fake-fetch';
import type { ProviderRecord } from '../history/providers-repo';
import { nanogptAdapter } from './nanogpt';
import { nanogptSubscriptionBase, normaliseNanogptCatalog, SUBSCRIPTION_LABEL } from './nanogpt-catalog';

const BASE = 'https://nano-gpt.com/api/v1';

// The detailed shape from nanogpt-models-api.md, in sort=mostused order.
const DETAILED = {
  object: 'list',
  data: [
    { id: 'deepseek/deepseek-v3.2:thinking', object: 'model', created: 1704067200, owned_by: 'deepseek', name: 'DeepSeek V3.2 Thinking', context_length: 163840, capabilities: { reasoning: true }, pricing: { prompt: 0.28, completion: 0.42, currency: 'USD', unit: 'per_million_tokens' } },
    {
      id: 'openai/gpt-5.2', object: 'model', created: 1704067200, owned_by: 'openai', name: 'GPT-5.2', description: "OpenAI's flagship general-purpose model",
      context_length: 128000, max_output_tokens: 16384,
      capabilities: { vision: true, reasoning: false, tool_calling: true, parallel_tool_calls: true, structured_output: true, pdf_upload: true },
      pricing: { prompt: 2.5, completion: 10.0, currency: 'USD', unit: 'per_million_tokens' },
      icon_url: '/icons/OpenAI.svg', cost_estimate: '$', category: 'flagship',
      distillationPolicy: { status: 'disallowed', label: 'Provider terms restrict output use', basis: 'closed-provider-restriction' },
    },
    {
      id: 'anthropic/claude-opus-4.6', object: 'model', created: 1704067200, owned_by: 'anthropic', name: 'Claude Opus 4.5',
      description: "Anthropic's top-tier model for deep reasoning and writing", context_length: 200000, max_output_tokens: 8192,
      capabilities: { vision: true, reasoning: true, tool_calling: true }, pricing: { prompt: 15.0, completion: 75.0, currency: 'USD', unit: 'per_million_tokens' },
      cost_estimate: '$$$', category: 'reasoning',
    },
    { id: 'deepseek/deepseek-v3.2', object: 'model', created: 1704067200, owned_by: 'deepseek', name: 'DeepSeek V3.2', context_length: 163840, capabilities: { reasoning: false, tool_calling: true }, pricing: { prompt: 0.28, completion: 0.42 } },
    { id: 'nousresearch/hermes-4-70b', object: 'model', owned_by: 'nousresearch', name: 'Hermes 4 70B', capabilities: {}, pricing: {} },
    { id: 'moonshotai/kimi-k2.5:thinking', object: 'model', name: 'Kimi K2.5 Thinking', capabilities: { reasoning: true }, pricing: { prompt: 0.6, completion: 2.5 } },
  ],
};
const SUBSCRIPTION = { object: 'list', data: [{ id: 'deepseek/deepseek-v3.2:thinking', object: 'model' }, { id: 'zai-org/glm-4.7', object: 'model', name: 'GLM 4.7', pricing: { prompt: 0.4, completion: 1.5 } }] };

const byId = (models: ModelInfo[], id: string) => models.find((m) => m.id === id);

describe('NanoGPT catalog', () => {
  it('derives the subscription list from the base URL', () => {
    expect(nanogptSubscriptionBase('https://nano-gpt.com/api/v1')).toBe('https://nano-gpt.com/api/subscription/v1');
    expect(nanogptSubscriptionBase('http://127.0.0.1:4321/nanogpt/api/v1/')).toBe('http://127.0.0.1:4321/nanogpt/api/subscription/v1');
    expect(nanogptSubscriptionBase('http://localhost:8080/openai')).toBeNull();
  });

  it('fetches detailed + mostused and the subscription list with a Bearer key', async () => {
    const net = fakeFetch({
      '/api/v1/models': () => ({ body: DETAILED }),
      '/api/subscription/v1/models': () => ({ body: SUBSCRIPTION }),
    });
    const models = await nanogptAdapter.fetchCatalog({ baseUrl: BASE, key: 'ng-key', fetch: net.fetch });
    const main = net.calls.find((c) => c.url.pathname === '/api/v1/models')!;
    expect(main.url.searchParams.get('detailed')).toBe('true');
    expect(main.url.searchParams.get('sort')).toBe('mostused');
    expect(net.calls.some((c) => c.url.href === 'https://nano-gpt.com/api/subscription/v1/models?detailed=true')).toBe(true);
    expect(net.calls.every((c) => c.headers.authorization === 'Bearer ng-key')).toBe(true);
    expect(models.length).toBe(6);
  });

  it('per-1M prices pass through; unknown stays null', () => {
    const models = normaliseNanogptCatalog(DETAILED, null);
    expect(byId(models, 'openai/gpt-5.2')!.pricing).toEqual({ input: 2.5, output: 10, cachedInput: null });
    expect(byId(models, 'anthropic/claude-opus-4.6')!.pricing).toEqual({ input: 15, output: 75, cachedInput: null });
    expect(byId(models, 'nousresearch/hermes-4-70b')!.pricing).toEqual({ input: null, output: null, cachedInput: null });
  });

  it('capabilities, details and distillation policy', () => {
    const gpt = byId(normaliseNanogptCatalog(DETAILED, null), 'openai/gpt-5.2')!;
    expect(gpt).toMatchObject({
      name: 'GPT-5.2', contextLength: 128000, maxOutput: 16384, privacy: 'standard', chat: true,
      capabilities: { vision: true, reasoning: false, tools: true, structuredOutput: true, pdf: true },
      inputModalities: ['text', 'image', 'file'],
      extra: { category: 'flagship', distillationPolicy: 'Provider terms restrict output use', costEstimate: '$' },
    });
  });

  it('folds :thinking variants into the base and ranks by the mostused order', () => {
    const models = normaliseNanogptCatalog(DETAILED, SUBSCRIPTION);
    expect(byId(models, 'deepseek/deepseek-v3.2:thinking')).toBeUndefined();
    const ds = byId(models, 'deepseek/deepseek-v3.2')!;
    expect(ds).toMatchObject({ thinking: 'model-suffix', capabilities: { reasoning: true }, extra: { thinkingVariant: 'deepseek/deepseek-v3.2:thinking', popularRank: '1' } });
    expect(byId(models, 'openai/gpt-5.2')!.extra.popularRank).toBe('2');
    // A variant without a listed base stays as itself.
    expect(byId(models, 'moonshotai/kimi-k2.5:thinking')).toMatchObject({ thinking: 'none', capabilities: { reasoning: true } });
  });

  it('marks subscription models (also via their thinking variant) and adds subscription-only ones', () => {
    const models = normaliseNanogptCatalog(DETAILED, SUBSCRIPTION);
    expect(byId(models, 'deepseek/deepseek-v3.2')!.extra.subscription).toBe(SUBSCRIPTION_LABEL);
    expect(byId(models, 'zai-org/glm-4.7')!.extra.subscription).toBe(SUBSCRIPTION_LABEL);
    expect(byId(models, 'openai/gpt-5.2')!.extra.subscription).toBeUndefined();
  });

  it('a failing subscription list does not hide the catalog', async () => {
    const net = fakeFetch({
      '/api/v1/models': () => ({ body: DETAILED }),
      '/api/subscription/v1/models': () => ({ status: 429, body: { code: 'rate_limited', message: 'Rate limit exceeded' } }),
    });
    const models = await nanogptAdapter.fetchCatalog({ baseUrl: BASE, key: null, fetch: net.fetch });
    expect(models.length).toBe(5);
    expect(models.some((m) => m.extra.subscription)).toBe(false);
  });
});

const provider: ProviderRecord = { id: 'nanogpt', kind: 'nanogpt', name: 'NanoGPT', baseUrl: BASE, defaultModel: null, builtIn: true, options: {} };
const on: ThinkingSetting = { enabled: true, effort: 'medium' };
const off: ThinkingSetting = { enabled: false, effort: 'medium' };
const catalog = normaliseNanogptCatalog(DETAILED, null);
const build = (modelId: string, thinking: ThinkingSetting, model: ModelInfo | null = byId(catalog, modelId) ?? null) =>
  nanogptAdapter.buildChatRequest({ provider, modelId, model, messages: [{ role: 'user', content: 'hi' }], thinking });

describe('NanoGPT chat request', () => {
  it('asks for usage', () => {
    expect(build('openai/gpt-5.2', off).body).toMatchObject({ model: 'openai/gpt-5.2', stream: true, stream_options: { include_usage: true } });
  });
  it('thinking on uses the :thinking id; off the base id', () => {
    expect(build('deepseek/deepseek-v3.2', on).body.model).toBe('deepseek/deepseek-v3.2:thinking');
    expect(build('deepseek/deepseek-v3.2', off).body.model).toBe('deepseek/deepseek-v3.2');
  });
  it('a model that thinks by itself needs nothing and no note', () => {
    const r = build('anthropic/claude-opus-4.6', on);
    expect(r.body.model).toBe('anthropic/claude-opus-4.6');
    expect(r.notes).toEqual([]);
  });
  it('no variant and no reasoning: a note, nothing sent', () => {
    const r = build('nousresearch/hermes-4-70b', on);
    expect(r.body.model).toBe('nousresearch/hermes-4-70b');
    expect(r.body.reasoning_effort).toBeUndefined();
    expect(r.notes[0]).toMatch(/no thinking variant/);
    expect(build('x/unknown', on, null).notes[0]).toMatch(/not been loaded/);
  });
});

describe('NanoGPT errors', () => {
  it('402 with error as a string and requiredBalance', () => {
    const e = nanogptAdapter.mapHttpError(402, { error: 'Insufficient balance', requiredBalance: 0.0035, status: 402 }, new Headers());
    expect(e).toMatchObject({ code: 'payment_required', status: 402 });
    expect(e.message).toBe('Out of credit with NanoGPT (needs $0.0035) — top up your balance at nano-gpt.com, then retry.');
  });
  it('429 daily limit with Retry-After', () => {
    const e = nanogptAdapter.mapHttpError(
      429,
      { error: { message: 'Daily request limit exceeded (1000/1000). Resets at midnight UTC.', code: 'daily_rpd_limit_exceeded', type: 'rate_limit_error' } },
      new Headers({ 'Retry-After': '3600' }),
    );
    expect(e).toMatchObject({ code: 'rate_limited', retryAfter: 3600 });
    expect(e.message).toMatch(/daily request limit is used up — retry in 3600 s \(Daily request limit exceeded \(1000\/1000\)/);
  });
  it('429 from the models endpoint ({code, message})', () => {
    const e = nanogptAdapter.mapHttpError(429, { code: 'rate_limited', message: 'Rate limit exceeded' }, new Headers());
    expect(e.message).toBe('Rate limited by NanoGPT (Rate limit exceeded).');
  });
  it('401', () => {
    expect(nanogptAdapter.mapHttpError(401, { error: { message: 'Invalid key' } }, new Headers()).message).toMatch(/rejected by NanoGPT — replace it in Settings/);
  });
});
