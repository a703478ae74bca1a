import { describe, expect, it } from 'vitest';
import type { ModelInfo, ThinkingSetting } from '../../../shared/domain';
import { BUNDLED_NEAR } from '../../../shared/catalog/bundled-near';
import { fakeFetch } from '../catalog/fake-fetch';
import type { ProviderRecord } from '../history/providers-repo';
import { nearAdapter } from './near';
import { mergeNearLists, nearPrivacy } from './near-catalog';

const BASE = 'https://cloud-api.near.ai/v1';

// Shapes as in WIRE-FORMATS.md (NEAR section), extended to several models.
const MODELS_RESPONSE = {
  object: 'list',
  data: [
    {
      id: 'z-ai/glm-5.2', object: 'model', created: 1750000000, owned_by: 'z-ai', name: 'GLM 5.2', description: '…', quantization: 'fp8',
      pricing: { input: 1.0, output: 3.2, prompt: '0.000001', completion: '0.0000032', input_cache_read: '0.0000002' },
      context_length: 500000, max_output_length: 131072, input_modalities: ['text'], output_modalities: ['text'],
      supported_features: ['tools', 'structured_outputs', 'reasoning', 'json_mode'],
    },
    {
      // Only per-token strings: the per-1M numbers are absent.
      id: 'deepseek-ai/DeepSeek-V3.1', object: 'model', created: 1750000000, owned_by: 'deepseek-ai', name: 'DeepSeek V3.1',
      pricing: { prompt: '0.00000105', completion: '0.0000031' }, context_length: 128000,
      input_modalities: ['text'], output_modalities: ['text'], supported_features: ['tools', 'reasoning'],
    },
    {
      id: 'black-forest-labs/FLUX.2-klein-4B', object: 'model', name: 'Flux.2 [klein]', pricing: { input: 1, output: 1 },
      input_modalities: ['text'], output_modalities: ['image'], supported_features: [],
    },
    {
      id: 'google/gemini-3-pro', object: 'model', name: 'Gemini 3 Pro', pricing: { input: 1.25, output: 15 },
      context_length: 1000000, input_modalities: ['text', 'image'], output_modalities: ['text'], supported_features: ['tools'],
    },
  ],
};

const tee = (modelId: string, inAmt: number, outAmt: number, metadata: Record<string, unknown>) => ({
  modelId,
  inputCostPerToken: { amount: inAmt, scale: 9, currency: 'USD' },
  outputCostPerToken: { amount: outAmt, scale: 9, currency: 'USD' },
  metadata,
});

const TEE_MODELS = [
  tee('zai-org/GLM-5.1-FP8', 1400, 4400, {
    verifiable: true, attestationSupported: true, providerType: 'vllm', contextLength: 198000, maxOutputLength: 131072,
    modelDisplayName: 'GLM-5.1', ownedBy: 'zai-org', supportedFeatures: ['reasoning'], datacenterCountries: ['US', 'DE'],
  }),
  tee('deepseek-ai/DeepSeek-V3.1', 1050, 3100, { verifiable: true, providerType: 'vllm', contextLength: 128000, modelDisplayName: 'DeepSeek V3.1' }),
  tee('black-forest-labs/FLUX.2-klein-4B', 1000, 1000, { verifiable: true, providerType: 'vllm' }),
  tee('google/gemini-3-pro', 1250, 15000, { verifiable: false, providerType: 'external', modelDisplayName: 'Gemini 3 Pro' }),
  tee('openai/gpt-oss-120b', 150, 550, { verifiable: true, providerType: 'vllm', contextLength: 131000, modelDisplayName: 'GPT OSS 120B', quantization: 'mxfp4' }),
];

function nearRoutes(pageSize = 2) {
  return fakeFetch({
    [`${BASE}/models`]: () => ({ body: MODELS_RESPONSE }),
    [`${BASE}/model/list`]: (url) => {
      // The server caps the page below what was asked for: pagination must follow `total`.
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), pageSize);
      return { body: { models: TEE_MODELS.slice(offset, offset + limit), limit, offset, total: TEE_MODELS.length } };
    },
  });
}

const byId = (models: ModelInfo[], id: string) => models.find((m) => m.id === id)!;

describe('NEAR catalog', () => {
  it('merges /models with every page of /model/list; models in one list still appear', async () => {
    const net = nearRoutes(2);
    const models = await nearAdapter.fetchCatalog({ baseUrl: BASE, key: 'sk-near', fetch: net.fetch });
    const pages = net.calls.filter((c) => c.url.pathname.endsWith('/model/list'));
    expect(pages.map((c) => c.url.searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect(net.calls.every((c) => c.headers.authorization === 'Bearer sk-near')).toBe(true);
    expect(models.map((m) => m.id).sort()).toEqual(
      ['black-forest-labs/FLUX.2-klein-4B', 'deepseek-ai/DeepSeek-V3.1', 'google/gemini-3-pro', 'openai/gpt-oss-120b', 'z-ai/glm-5.2', 'zai-org/GLM-5.1-FP8'].sort(),
    );
  });

  it('converts every price unit exactly', async () => {
    const models = await nearAdapter.fetchCatalog({ baseUrl: BASE, key: null, fetch: nearRoutes().fetch });
    // /models per-1M numbers and per-token cache string.
    expect(byId(models, 'z-ai/glm-5.2').pricing).toEqual({ input: 1, output: 3.2, cachedInput: 0.2 });
    // per-token strings only.
    expect(byId(models, 'deepseek-ai/DeepSeek-V3.1').pricing).toEqual({ input: 1.05, output: 3.1, cachedInput: null });
    // /model/list nano-USD only.
    expect(byId(models, 'zai-org/GLM-5.1-FP8').pricing).toEqual({ input: 1.4, output: 4.4, cachedInput: null });
    expect(byId(models, 'openai/gpt-oss-120b').pricing).toEqual({ input: 0.15, output: 0.55, cachedInput: null });
  });

  it('privacy, capabilities, thinking method and details', async () => {
    const models = await nearAdapter.fetchCatalog({ baseUrl: BASE, key: null, fetch: nearRoutes().fetch });
    const glm51 = byId(models, 'zai-org/GLM-5.1-FP8');
    expect(glm51).toMatchObject({
      name: 'GLM-5.1', privacy: 'private', contextLength: 198000, maxOutput: 131072,
      capabilities: { reasoning: true }, thinking: 'template-enable-thinking',
      extra: { datacenterCountries: 'US, DE', attestation: 'TEE attestation available' },
    });
    expect(byId(models, 'deepseek-ai/DeepSeek-V3.1')).toMatchObject({ privacy: 'private', thinking: 'template-thinking', capabilities: { tools: true } });
    expect(byId(models, 'google/gemini-3-pro')).toMatchObject({ privacy: 'anonymised', capabilities: { vision: true, reasoning: false }, inputModalities: ['text', 'image'] });
    expect(byId(models, 'black-forest-labs/FLUX.2-klein-4B')).toMatchObject({ chat: false, thinking: 'none' });
    // Not in /models, no feature words: the family says it reasons.
    expect(byId(models, 'openai/gpt-oss-120b')).toMatchObject({ thinking: 'effort', capabilities: { reasoning: true }, extra: { quantization: 'mxfp4' } });
    // Only in /models: no TEE flags, so no privacy claim.
    expect(byId(models, 'z-ai/glm-5.2')).toMatchObject({ privacy: 'standard', extra: { quantization: 'fp8' }, capabilities: { tools: true, structuredOutput: true } });
  });

  it('maps TEE flags', () => {
    expect(nearPrivacy({ providerType: 'vllm', verifiable: true })).toBe('private');
    expect(nearPrivacy({ providerType: 'vllm', verifiable: false })).toBe('standard');
    expect(nearPrivacy({ providerType: 'external', verifiable: false })).toBe('anonymised');
    expect(nearPrivacy(null)).toBe('standard');
  });

  it('matches a /model/list entry to /models by alias', () => {
    const merged = mergeNearLists([{ id: 'glm-latest', name: 'GLM latest' }], [tee('zai-org/GLM-5.1-FP8', 1, 2, { verifiable: true, providerType: 'vllm', aliases: ['glm-latest'] })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'glm-latest', privacy: 'private' });
  });

  it('fails as a whole when a list fails, so the previous list stays', async () => {
    const net = fakeFetch({
      [`${BASE}/models`]: () => ({ status: 401, body: { error: { message: 'Invalid API key', type: 'invalid_api_key', code: 'invalid_api_key' } } }),
      [`${BASE}/model/list`]: () => ({ body: { models: [], total: 0 } }),
    });
    await expect(nearAdapter.fetchCatalog({ baseUrl: BASE, key: 'bad', fetch: net.fetch })).rejects.toThrow(/401/);
  });
});

const provider: ProviderRecord = { id: 'near', kind: 'near', name: 'NEAR AI Cloud', baseUrl: BASE, defaultModel: null, builtIn: true, options: {} };
const on: ThinkingSetting = { enabled: true, effort: 'high' };
const off: ThinkingSetting = { enabled: false, effort: 'medium' };
const bundled = (id: string) => BUNDLED_NEAR.find((m) => m.id === id)!;
const build = (modelId: string, thinking: ThinkingSetting, model: ModelInfo | null = bundled(modelId) ?? null) =>
  nearAdapter.buildChatRequest({ provider, modelId, model, messages: [{ role: 'user', content: 'hi' }], thinking });

describe('NEAR chat request', () => {
  it('always asks for usage', () => {
    const { body, headers } = build('openai/gpt-oss-120b', off);
    expect(body).toMatchObject({ model: 'openai/gpt-oss-120b', stream: true, stream_options: { include_usage: true } });
    expect(headers).toEqual({});
  });

  it('DeepSeek V3.1: chat_template_kwargs.thinking both ways', () => {
    expect(build('deepseek-ai/DeepSeek-V3.1', on).body.chat_template_kwargs).toEqual({ thinking: true });
    expect(build('deepseek-ai/DeepSeek-V3.1', off).body.chat_template_kwargs).toEqual({ thinking: false });
  });

  it('GLM and Qwen 3.x: enable_thinking, false when off because they default on', () => {
    expect(build('zai-org/GLM-4.7', on).body.chat_template_kwargs).toEqual({ enable_thinking: true });
    expect(build('zai-org/GLM-4.7', off).body.chat_template_kwargs).toEqual({ enable_thinking: false });
    // Unknown model (catalog not loaded): the family decides.
    expect(build('Qwen/Qwen3.6-35B-A3B', off, null).body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('gpt-oss: reasoning_effort only when on', () => {
    const r = build('openai/gpt-oss-120b', on);
    expect(r.body.reasoning_effort).toBe('high');
    expect(r.body.chat_template_kwargs).toBeUndefined();
    expect(build('openai/gpt-oss-120b', off).body.reasoning_effort).toBeUndefined();
  });

  it('a model that does not think gets nothing, and a note says why', () => {
    const r = build('Qwen/Qwen3-30B-A3B-Instruct-2507', on);
    expect(r.body.chat_template_kwargs).toBeUndefined();
    expect(r.body.reasoning_effort).toBeUndefined();
    expect(r.notes[0]).toMatch(/does not offer thinking/);
    expect(build('Qwen/Qwen3-30B-A3B-Instruct-2507', off).notes).toEqual([]);
  });
});

describe('NEAR errors', () => {
  const h = (o: Record<string, string> = {}) => new Headers(o);
  it('401 invalid key and missing header', () => {
    const bad = nearAdapter.mapHttpError(401, { error: { message: 'Invalid API key', type: 'invalid_api_key', code: 'invalid_api_key' } }, h());
    expect(bad).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(bad.message).toMatch(/rejected.*replace it in Settings/);
    const missing = nearAdapter.mapHttpError(401, { error: { message: 'Missing auth', type: 'missing_auth_header' } }, h());
    expect(missing.message).toMatch(/No API key was sent/);
  });
  it('402 no_credits', () => {
    const e = nearAdapter.mapHttpError(402, { error: { message: 'No credits', type: 'no_credits' } }, h());
    expect(e).toMatchObject({ code: 'payment_required' });
    expect(e.message).toMatch(/Out of credit with NEAR AI Cloud/);
  });
  it('429 with Retry-After', () => {
    const e = nearAdapter.mapHttpError(429, { error: { message: 'Rate limit exceeded', type: 'rate_limit_exceeded' } }, h({ 'retry-after': '60' }));
    expect(e).toMatchObject({ code: 'rate_limited', retryAfter: 60 });
    expect(e.message).toMatch(/retry in 60 s/);
  });
});
