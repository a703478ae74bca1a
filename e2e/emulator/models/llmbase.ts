// LLMBase catalog (llmbase-models.md): basic OpenAI list and ?metadata=true (prices per TOKEN).
import { CREATED, NO_PRICE, perToken, price, type EmuModel } from './model';

export interface LlmbaseModel extends EmuModel {
  supportedParameters: string[];
  /** Emit pricing as JSON numbers instead of strings (the docs show both). */
  numericPrices?: boolean;
  /** Temporarily unavailable: chat requests fall back to `fallbackTo` (or 503 with X-LLMBase-Fallback: off). */
  fallbackTo?: string;
}

const BASE_PARAMS = ['temperature', 'top_p', 'max_tokens', 'stop', 'seed', 'frequency_penalty', 'presence_penalty'];
const TOOLS = ['tools', 'tool_choice'];
const JSON_PARAMS = ['response_format'];
const REASONING = ['reasoning_effort', 'include_reasoning'];
const LOGPROBS = ['logprobs', 'top_logprobs'];

interface Row {
  id: string;
  name: string;
  ctx: number;
  out: number;
  in$: number | null;
  out$: number | null;
  cache$?: number;
  feats: string[];
  inputs?: string[];
  numeric?: boolean;
  fallbackTo?: string;
  /** Reasons unless told not to. */
  thinks?: boolean;
}

const row = (r: Row): LlmbaseModel => {
  const f = new Set(r.feats);
  return {
    id: r.id,
    name: r.name,
    ownedBy: r.id.split('/')[0] ?? 'llmbase',
    description: `${r.name} via LLMBase.`,
    contextLength: r.ctx,
    maxOutput: r.out,
    prices: r.in$ === null || r.out$ === null ? NO_PRICE : price(r.in$, r.out$, r.cache$ ?? null),
    reasoning: f.has('reasoning'),
    inputModalities: r.inputs ?? ['text'],
    outputModalities: ['text'],
    features: r.feats,
    supportedParameters: [
      ...BASE_PARAMS,
      ...(f.has('tools') ? TOOLS : []),
      ...(f.has('json_mode') || f.has('structured_outputs') ? JSON_PARAMS : []),
      ...(f.has('reasoning') ? REASONING : []),
      ...(f.has('logprobs') ? LOGPROBS : []),
    ],
    numericPrices: r.numeric,
    fallbackTo: r.fallbackTo,
    thinksByDefault: r.thinks,
  };
};

const J = ['json_mode', 'structured_outputs'];
const TJR = ['tools', ...J, 'reasoning'];

export const LLMBASE_MODELS: LlmbaseModel[] = [
  row({ id: 'deepseek/deepseek-v3.2', name: 'DeepSeek: DeepSeek V3.2', ctx: 163840, out: 65536, in$: 0.3, out$: 0.5, feats: TJR, numeric: true }),
  row({ id: 'deepseek/deepseek-v4-flash', name: 'DeepSeek: DeepSeek V4 Flash', ctx: 1048576, out: 131072, in$: 0.2, out$: 0.3, cache$: 0.02, feats: TJR }),
  row({ id: 'deepseek/deepseek-v4-pro', name: 'DeepSeek: DeepSeek V4 Pro', ctx: 1048576, out: 131072, in$: 1.8, out$: 3.6, cache$: 0.18, feats: TJR }),
  row({ id: 'google/gemma-4-26b-a4b-it', name: 'Google: Gemma 4 26B A4B', ctx: 262144, out: 32768, in$: 0.13, out$: 0.4, feats: [...TJR, 'vision'], inputs: ['text', 'image', 'file'] }),
  row({ id: 'minimax/minimax-m2.5', name: 'MiniMax: MiniMax M2.5', ctx: 196608, out: 65536, in$: 0.3, out$: 1.2, feats: ['tools'] }),
  row({ id: 'moonshotai/kimi-k2.5', name: 'MoonshotAI: Kimi K2.5', ctx: 262144, out: 65536, in$: 0.6, out$: 2.8, feats: [...TJR, 'vision'], inputs: ['text', 'image'] }),
  row({ id: 'moonshotai/kimi-k2.6', name: 'MoonshotAI: Kimi K2.6', ctx: 262144, out: 65536, in$: 0.9, out$: 4, cache$: 0.15, feats: [...TJR, 'vision'], inputs: ['text', 'image'], fallbackTo: 'moonshotai/kimi-k2.5' }),
  row({ id: 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning', name: 'NVIDIA: Nemotron 3 Nano Omni', ctx: 262144, out: 32768, in$: 0.3, out$: 1, feats: ['reasoning'], inputs: ['text', 'image'] }),
  row({ id: 'openai/gpt-oss-120b', name: 'OpenAI: gpt-oss-120b', ctx: 131072, out: 32768, in$: 0.09, out$: 0.36, feats: ['tools', 'reasoning'], numeric: true, thinks: true }),
  row({ id: 'paddlepaddle/paddleocr-vl-0.9b', name: 'PaddlePaddle: PaddleOCR VL', ctx: 32768, out: 8192, in$: 0.2, out$: 1, feats: J, inputs: ['text', 'image'] }),
  row({ id: 'qwen/qwen3-coder', name: 'Qwen: Qwen3 Coder', ctx: 262144, out: 65536, in$: 0.4, out$: 1.6, feats: ['tools', 'structured_outputs'] }),
  row({ id: 'qwen/qwen3.5-122b-a10b', name: 'Qwen: Qwen3.5 122B A10B', ctx: 262144, out: 65536, in$: 0.4, out$: 3, feats: ['tools', 'reasoning'] }),
  row({ id: 'qwen/qwen3.5-35b-a3b', name: 'Qwen: Qwen3.5 35B A3B', ctx: 262144, out: 65536, in$: 0.3, out$: 2.5, feats: ['tools', 'reasoning'] }),
  row({ id: 'qwen/qwen3.5-397b-a17b', name: 'Qwen: Qwen3.5 397B A17B', ctx: 262144, out: 65536, in$: 0.6, out$: 3.6, feats: ['tools', 'reasoning'] }),
  row({ id: 'qwen/qwen3.5-9b', name: 'Qwen: Qwen3.5 9B', ctx: 256000, out: 32768, in$: 0.8, out$: 1.25, feats: ['tools'] }),
  row({ id: 'qwen/qwen3.6-35b-a3b', name: 'Qwen: Qwen3.6 35B A3B', ctx: 262144, out: 65536, in$: 0.25, out$: 1.2, feats: ['tools', 'reasoning'] }),
  row({ id: 'z-ai/glm-5', name: 'Z.ai: GLM 5', ctx: 80000, out: 32768, in$: 1, out$: 3.2, feats: [...TJR, 'logprobs'] }),
  row({ id: 'z-ai/glm-5.1', name: 'Z.ai: GLM 5.1', ctx: 198000, out: 131072, in$: 1.4, out$: 4.4, cache$: 0.26, feats: TJR }),
  row({ id: 'mistralai/mistral-small-3.2', name: 'Mistral: Mistral Small 3.2 (unpriced)', ctx: 131072, out: 16384, in$: null, out$: null, feats: ['tools'] }),
];

export function findLlmbaseModel(id: string): LlmbaseModel | undefined {
  return LLMBASE_MODELS.find((x) => x.id === id);
}

export function llmbaseModelsList(query: Record<string, string>): unknown {
  const list = query.filter === 'agents' ? LLMBASE_MODELS.filter((x) => x.features.includes('tools')) : LLMBASE_MODELS;
  const metadata = query.metadata === 'true';
  return {
    object: 'list',
    data: list.map((x) => {
      const base = { id: x.id, object: 'model', created: CREATED, owned_by: x.ownedBy, name: x.name, description: x.description, context_length: x.contextLength };
      if (!metadata) return base;
      const p = (perM: number) => (x.numericPrices ? perM / 1e6 : perToken(perM));
      return {
        ...base,
        max_output_length: x.maxOutput,
        input_modalities: x.inputModalities,
        output_modalities: x.outputModalities,
        ...(x.prices.input !== null && x.prices.output !== null
          ? { pricing: { prompt: p(x.prices.input), completion: p(x.prices.output), ...(x.prices.cacheRead !== null ? { input_cache_read: p(x.prices.cacheRead) } : {}) } }
          : {}),
        supported_parameters: x.supportedParameters,
        supported_features: x.features.filter((f) => f !== 'vision'),
      };
    }),
  };
}
