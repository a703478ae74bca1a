import { describe, expect, it } from 'vitest';
import type { ModelInfo, ThinkingSetting } from '../../../shared/domain';
import { BUNDLED_LLMBASE } from '../../../shared/catalog/bundled-llmbase';
import { fakeFetch } from '../catalog/fake-fetch';
import type { ProviderRecord } from '../history/providers-repo';
import { llmbaseAdapter, readLlmbaseFallback } from './llmbase';
import { normaliseLlmbaseCatalog } from './llmbase-catalog';

const BASE = 'https://api.llmbase.ai/v1';

// /v1/models?metadata=true per llmbase-models.md: per-token prices (the docs' table shows
// per 1M, so both must read right), modalities, parameters, features.
const METADATA = {
  object: 'list',
  data: [
    {
      id: 'deepseek/deepseek-v4-flash', object: 'model', created: 1700000000, owned_by: 'deepseek', name: 'DeepSeek: DeepSeek V4 Flash',
      description: 'Efficiency-focused DeepSeek V4 MoE model.', context_length: 1048576, max_output_length: 65536,
      input_modalities: ['text'], output_modalities: ['text'],
      pricing: { prompt: '0.0000002', completion: '0.0000003', input_cache_read: '0.00000005' },
      supported_parameters: ['temperature', 'top_p', 'max_tokens', 'reasoning_effort'],
      supported_features: ['tools', 'json_mode', 'structured_outputs', 'reasoning'],
    },
    {
      // Per-1M numbers, as the docs' own table shows.
      id: 'z-ai/glm-5.1', name: 'Z.ai: GLM 5.1', context_length: 198000, input_modalities: ['text'], output_modalities: ['text'],
      pricing: { prompt: 1.4, completion: 4.4 }, supported_parameters: ['temperature', 'max_tokens'],
      supported_features: ['tools', 'structured_outputs', 'reasoning'],
    },
    {
      id: 'google/gemma-4-26b-a4b-it', name: 'Gemma 4', input_modalities: ['text', 'image', 'file'], output_modalities: ['text'],
      pricing: { prompt: 1.3e-7, completion: 4e-7 }, supported_parameters: ['temperature'], supported_features: ['json_mode', 'reasoning'],
    },
    {
      id: 'qwen/qwen3-coder', name: 'Qwen3 Coder', pricing: { prompt: '0.0000004', completion: '0.0000016' },
      supported_parameters: ['temperature', 'logprobs'], supported_features: ['tools', 'structured_outputs'],
    },
    {
      id: 'paddlepaddle/paddleocr-vl-0.9b', name: 'PaddleOCR VL', input_modalities: ['image', 'file'], output_modalities: ['text'],
      pricing: { prompt: '0.0000002', completion: '0.000001' }, supported_parameters: [], supported_features: ['json_mode'],
    },
  ],
};

const catalog = normaliseLlmbaseCatalog(METADATA);
const byId = (id: string): ModelInfo => catalog.find((m) => m.id === id)!;

describe('LLMBase catalog', () => {
  it('asks for metadata with the Bearer key', async () => {
    const net = fakeFetch({ '/v1/models': () => ({ body: METADATA }) });
    const models = await llmbaseAdapter.fetchCatalog({ baseUrl: BASE, key: 'lb-key', fetch: net.fetch });
    expect(net.calls[0]!.url.href).toBe(`${BASE}/models?metadata=true`);
    expect(net.calls[0]!.headers.authorization).toBe('Bearer lb-key');
    expect(models).toHaveLength(5);
  });

  it('per-token and per-1M prices both land in USD per 1M', () => {
    expect(byId('deepseek/deepseek-v4-flash').pricing).toEqual({ input: 0.2, output: 0.3, cachedInput: 0.05 });
    expect(byId('z-ai/glm-5.1').pricing).toEqual({ input: 1.4, output: 4.4, cachedInput: null });
    expect(byId('google/gemma-4-26b-a4b-it').pricing).toEqual({ input: 0.13, output: 0.4, cachedInput: null });
    expect(byId('qwen/qwen3-coder').pricing).toEqual({ input: 0.4, output: 1.6, cachedInput: null });
  });

  it('parameters, features, modalities and thinking method', () => {
    expect(byId('deepseek/deepseek-v4-flash')).toMatchObject({
      supportedParameters: ['temperature', 'top_p', 'max_tokens', 'reasoning_effort'],
      capabilities: { reasoning: true, tools: true, structuredOutput: true, vision: false },
      thinking: 'effort', maxOutput: 65536, contextLength: 1048576, privacy: 'standard',
    });
    expect(byId('z-ai/glm-5.1').thinking).toBe('template-enable-thinking');
    expect(byId('google/gemma-4-26b-a4b-it').capabilities).toMatchObject({ vision: true, pdf: true });
    expect(byId('qwen/qwen3-coder')).toMatchObject({ thinking: 'none', capabilities: { reasoning: false, tools: true } });
    expect(byId('paddlepaddle/paddleocr-vl-0.9b')).toMatchObject({ chat: false, extra: { kind: 'OCR model (not for chat)' } });
  });
});

const provider = (fallbackOff = false): ProviderRecord => ({ id: 'llmbase', kind: 'llmbase', name: 'LLMBase', baseUrl: BASE, defaultModel: null, builtIn: true, options: { fallbackOff } });
const on: ThinkingSetting = { enabled: true, effort: 'low' };
const off: ThinkingSetting = { enabled: false, effort: 'medium' };
const build = (model: ModelInfo | null, thinking: ThinkingSetting, modelId = model?.id ?? 'x/unknown', fallbackOff = false) =>
  llmbaseAdapter.buildChatRequest({ provider: provider(fallbackOff), modelId, model, messages: [{ role: 'user', content: 'hi' }], thinking });

describe('LLMBase chat request', () => {
  it('sends no unadvertised parameter: no stream_options', () => {
    const { body, headers } = build(byId('qwen/qwen3-coder'), off);
    expect(body).toEqual({ model: 'qwen/qwen3-coder', messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect(headers).toEqual({});
  });

  it('reasoning_effort when advertised', () => {
    const r = build(byId('deepseek/deepseek-v4-flash'), on);
    expect(r.body.reasoning_effort).toBe('low');
    expect(r.body.chat_template_kwargs).toBeUndefined();
    expect(r.notes).toEqual([]);
    expect(build(byId('deepseek/deepseek-v4-flash'), off).body.reasoning_effort).toBeUndefined();
  });

  it('template flag when the model reasons without reasoning_effort; off said explicitly', () => {
    const r = build(byId('z-ai/glm-5.1'), on);
    expect(r.body.chat_template_kwargs).toEqual({ enable_thinking: true });
    expect(r.body.reasoning_effort).toBeUndefined();
    expect(build(byId('z-ai/glm-5.1'), off).body.chat_template_kwargs).toEqual({ enable_thinking: false });
    // Bundled entries (no parameter list yet) take the template flag too.
    const bundled = BUNDLED_LLMBASE.find((m) => m.id === 'deepseek/deepseek-v4-pro')!;
    expect(build(bundled, on).body.chat_template_kwargs).toEqual({ enable_thinking: true });
  });

  it('a model that does not advertise reasoning gets nothing, with a note', () => {
    const r = build(byId('qwen/qwen3-coder'), on);
    expect(r.body.reasoning_effort).toBeUndefined();
    expect(r.body.chat_template_kwargs).toBeUndefined();
    expect(r.notes).toEqual(['Qwen3 Coder does not advertise reasoning on LLMBase, so thinking was not requested.']);
  });

  it('an unknown model gets nothing, with a note', () => {
    const r = build(null, on);
    expect(Object.keys(r.body).sort()).toEqual(['messages', 'model', 'stream']);
    expect(r.notes[0]).toMatch(/not been loaded/);
  });

  it('X-LLMBase-Fallback: off from the Settings switch', () => {
    expect(build(byId('qwen/qwen3-coder'), off, 'qwen/qwen3-coder', true).headers).toEqual({ 'X-LLMBase-Fallback': 'off' });
  });
});

describe('LLMBase fallback headers', () => {
  it('reads an applied fallback with its chain', () => {
    const h = new Headers({
      'x-llmbase-requested-model': 'deepseek/deepseek-v4-pro',
      'x-llmbase-served-model': 'deepseek/deepseek-v4-flash',
      'x-llmbase-fallback-applied': 'true',
      'x-llmbase-fallback-reason': 'model_unavailable',
      'x-llmbase-fallback-chain': 'deepseek/deepseek-v4-pro, deepseek/deepseek-v4-flash',
    });
    expect(llmbaseAdapter.readResponseHeaders(h, 'deepseek/deepseek-v4-pro')).toEqual({
      requested: 'deepseek/deepseek-v4-pro',
      served: 'deepseek/deepseek-v4-flash',
      reason: 'model_unavailable',
      chain: ['deepseek/deepseek-v4-pro', 'deepseek/deepseek-v4-flash'],
    });
  });
  it('null when not applied or absent', () => {
    const h = new Headers({ 'x-llmbase-requested-model': 'a', 'x-llmbase-served-model': 'a', 'x-llmbase-fallback-applied': 'false' });
    expect(readLlmbaseFallback(h, 'a')).toBeNull();
    expect(readLlmbaseFallback(new Headers(), 'a')).toBeNull();
  });
});

describe('LLMBase errors', () => {
  it('400 invalid_request_error for an unadvertised capability', () => {
    const e = llmbaseAdapter.mapHttpError(
      400,
      { error: { message: "Model 'qwen/qwen3-coder' does not support parameter 'reasoning_effort'", type: 'invalid_request_error', param: 'reasoning_effort', code: null } },
      new Headers(),
    );
    expect(e).toMatchObject({ code: 'unsupported_parameter', status: 400 });
    expect(e.message).toMatch(/does not support something it asked for: Model 'qwen\/qwen3-coder'/);
  });
  it('401, 402 and 429', () => {
    expect(llmbaseAdapter.mapHttpError(401, { error: { message: 'bad key', type: 'authentication_error' } }, new Headers()).message).toMatch(/replace it in Settings/);
    expect(llmbaseAdapter.mapHttpError(402, { error: { message: 'no funds' } }, new Headers()).message).toMatch(/Out of credit with LLMBase/);
    expect(llmbaseAdapter.mapHttpError(429, {}, new Headers({ 'retry-after': '5' }))).toMatchObject({ retryAfter: 5, code: 'rate_limited' });
  });
});
