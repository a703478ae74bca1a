// NEAR AI Cloud catalog (near-ai-cloud-models.md), in both of its list shapes.
import { CREATED, NO_PRICE, perToken, price, type EmuModel } from './model';

export interface NearModel extends EmuModel {
  /** vllm + verifiable = Private (TEE); external = Anonymised. */
  providerType: 'vllm' | 'external';
  quantization: string | null;
}

const m = (p: Omit<NearModel, 'description' | 'outputModalities'> & Partial<Pick<NearModel, 'description' | 'outputModalities'>>): NearModel => ({
  description: `${p.name} on NEAR AI Cloud.`,
  outputModalities: ['text'],
  ...p,
});

export const NEAR_MODELS: NearModel[] = [
  m({ id: 'deepseek-ai/DeepSeek-V3.1', name: 'DeepSeek V3.1', ownedBy: 'deepseek-ai', contextLength: 128000, maxOutput: 32768, prices: price(1.05, 3.1, 0.2), reasoning: true, inputModalities: ['text'], features: ['tools', 'reasoning', 'json_mode'], providerType: 'vllm', quantization: 'fp8' }),
  m({ id: 'zai-org/GLM-4.7', name: 'GLM 4.7', ownedBy: 'zai-org', contextLength: 131072, maxOutput: 131072, prices: price(0.85, 3.3, 0.17), reasoning: true, inputModalities: ['text'], features: ['tools', 'structured_outputs', 'reasoning', 'json_mode'], providerType: 'vllm', quantization: 'fp8', thinksByDefault: true }),
  m({ id: 'openai/gpt-oss-120b', name: 'GPT OSS 120B', ownedBy: 'openai', contextLength: 131072, maxOutput: 32768, prices: price(0.15, 0.55), reasoning: true, inputModalities: ['text'], features: ['tools', 'reasoning'], providerType: 'vllm', quantization: 'mxfp4', thinksByDefault: true }),
  m({ id: 'Qwen/Qwen3-30B-A3B-Instruct-2507', name: 'Qwen3 30B', ownedBy: 'Qwen', contextLength: 262144, maxOutput: 32768, prices: price(0.15, 0.55), reasoning: false, inputModalities: ['text'], features: ['tools', 'json_mode'], providerType: 'vllm', quantization: 'bf16' }),
  m({ id: 'black-forest-labs/FLUX.2-klein-4B', name: 'Flux.2 [klein]', ownedBy: 'black-forest-labs', description: 'Image generation model.', contextLength: 128000, maxOutput: null, prices: price(1, 1), reasoning: false, inputModalities: ['text'], outputModalities: ['image'], features: [], providerType: 'vllm', quantization: 'bf16' }),
  m({ id: 'Qwen/Qwen3-VL-8B-Instruct', name: 'Qwen3 VL 8B (unpriced)', ownedBy: 'Qwen', description: 'Test model with no published price.', contextLength: 32768, maxOutput: 8192, prices: NO_PRICE, reasoning: false, inputModalities: ['text', 'image'], features: ['vision'], providerType: 'vllm', quantization: 'bf16' }),
  m({ id: 'anthropic/claude-opus-4-6', name: 'Claude Opus 4.6', ownedBy: 'anthropic', contextLength: 200000, maxOutput: 64000, prices: price(5, 25), reasoning: true, inputModalities: ['text', 'image'], features: ['tools', 'reasoning', 'vision'], providerType: 'external', quantization: null }),
  m({ id: 'anthropic/claude-sonnet-4-5', name: 'Claude Sonnet 4.5', ownedBy: 'anthropic', contextLength: 200000, maxOutput: 64000, prices: price(3, 15.5), reasoning: true, inputModalities: ['text', 'image'], features: ['tools', 'reasoning', 'vision'], providerType: 'external', quantization: null }),
  m({ id: 'google/gemini-3-pro', name: 'Gemini 3 Pro', ownedBy: 'google', contextLength: 1000000, maxOutput: 65536, prices: price(1.25, 15), reasoning: true, inputModalities: ['text', 'image'], features: ['tools', 'reasoning', 'vision', 'structured_outputs'], providerType: 'external', quantization: null }),
  m({ id: 'openai/gpt-5.2', name: 'OpenAI GPT-5.2', ownedBy: 'openai', contextLength: 400000, maxOutput: 128000, prices: price(1.8, 15.5), reasoning: true, inputModalities: ['text', 'image'], features: ['tools', 'reasoning', 'vision', 'structured_outputs', 'json_mode'], providerType: 'external', quantization: null }),
];

/** GET /v1/models */
export function nearModelsList(): unknown {
  return {
    object: 'list',
    data: NEAR_MODELS.map((x) => ({
      id: x.id,
      object: 'model',
      created: CREATED,
      owned_by: x.ownedBy,
      name: x.name,
      description: x.description,
      quantization: x.quantization,
      ...(x.prices.input !== null && x.prices.output !== null
        ? {
            pricing: {
              input: x.prices.input,
              output: x.prices.output,
              prompt: perToken(x.prices.input),
              completion: perToken(x.prices.output),
              ...(x.prices.cacheRead !== null ? { input_cache_read: perToken(x.prices.cacheRead) } : {}),
            },
          }
        : {}),
      context_length: x.contextLength,
      max_output_length: x.maxOutput,
      input_modalities: x.inputModalities,
      output_modalities: x.outputModalities,
      supported_features: x.features,
    })),
  };
}

const cost = (perM: number) => ({ amount: Math.round(perM * 1000), scale: 9, currency: 'USD' });

/** GET /v1/model/list?limit=&offset= (TEE flags; amount × 10^-scale USD per token). */
export function nearModelListPage(limitRaw: string | undefined, offsetRaw: string | undefined): unknown {
  const limit = Math.max(1, Math.min(1000, Number(limitRaw) || 100));
  const offset = Math.max(0, Number(offsetRaw) || 0);
  return {
    models: NEAR_MODELS.slice(offset, offset + limit).map((x) => ({
      modelId: x.id,
      ...(x.prices.input !== null ? { inputCostPerToken: cost(x.prices.input) } : {}),
      ...(x.prices.output !== null ? { outputCostPerToken: cost(x.prices.output) } : {}),
      metadata: {
        verifiable: x.providerType === 'vllm',
        attestationSupported: x.providerType === 'vllm',
        providerType: x.providerType,
        contextLength: x.contextLength,
        maxOutputLength: x.maxOutput,
        modelDisplayName: x.name,
        ownedBy: x.ownedBy,
        supportedFeatures: x.features,
      },
    })),
    limit,
    offset,
    total: NEAR_MODELS.length,
  };
}
