// NanoGPT's "Notable Model IDs" (shared/providers/nanogpt-models-api.md). The page prices
// only its two detailed examples; every other price is unknown (null, never 0).
// `:thinking` ids are folded into their base model, as the live catalog does.
import type { ModelInfo } from '../domain';
import { modelInfo } from './model-info';
import { NANOGPT_THINKING_SUFFIX } from './thinking-methods';

const IDS = [
  'openai/gpt-5.2',
  'openai/gpt-5.2-codex',
  'anthropic/claude-opus-4.6',
  'anthropic/claude-opus-4.6:thinking',
  'anthropic/claude-sonnet-4.6',
  'anthropic/claude-sonnet-4.6:thinking',
  'google/gemini-3-flash-preview',
  'google/gemini-3.1-pro-preview',
  'gemini-3-pro-image-preview',
  'google/gemini-3-flash-preview-thinking',
  'x-ai/grok-4.3',
  'x-ai/grok-latest',
  'x-ai/grok-4.20',
  'x-ai/grok-4.20-multi-agent',
  'moonshotai/kimi-k2.5',
  'moonshotai/kimi-k2.5:thinking',
  'z-ai/glm-4.6',
  'z-ai/glm-4.6:thinking',
  'zai-org/glm-4.7',
  'zai-org/glm-4.7:thinking',
  'deepseek/deepseek-v3.2',
  'deepseek/deepseek-v3.2:thinking',
  'qwen/qwen3-coder-next',
  'qwen/qwen3-coder-plus',
  'qwen/qwen3-coder-flash',
  'nousresearch/hermes-4-405b',
  'nousresearch/hermes-4-405b:thinking',
  'nousresearch/hermes-4-70b',
];

/** The page's two detailed examples. */
const DETAILED: Record<string, Partial<ModelInfo>> = {
  'openai/gpt-5.2': {
    name: 'GPT-5.2',
    description: "OpenAI's flagship general-purpose model",
    contextLength: 128_000,
    maxOutput: 16_384,
    pricing: { input: 2.5, output: 10, cachedInput: null },
    capabilities: { reasoning: false, vision: true, tools: true, structuredOutput: true, pdf: true },
    inputModalities: ['text', 'image', 'file'],
    extra: { category: 'flagship' },
  },
  'anthropic/claude-opus-4.6': {
    // The page's example names it "Claude Opus 4.5" under the 4.6 id; the id is what is called.
    name: 'Claude Opus 4.6',
    description: "Anthropic's top-tier model for deep reasoning and writing",
    contextLength: 200_000,
    maxOutput: 8192,
    pricing: { input: 15, output: 75, cachedInput: null },
    capabilities: { reasoning: true, vision: true, tools: true, structuredOutput: false, pdf: false },
    inputModalities: ['text', 'image'],
    extra: { category: 'reasoning' },
  },
};

function build(): ModelInfo[] {
  const variants = new Set(IDS.filter((id) => id.endsWith(NANOGPT_THINKING_SUFFIX)));
  return IDS.filter((id) => !variants.has(id)).map((id) => {
    const detail = DETAILED[id] ?? {};
    const variant = `${id}${NANOGPT_THINKING_SUFFIX}`;
    const hasVariant = variants.has(variant);
    const base = modelInfo('nanogpt', id, { ...detail, source: 'bundled' });
    // A "-thinking" id (no colon) is its own model that always thinks.
    const reasons = base.capabilities.reasoning || hasVariant || /-thinking$/.test(id);
    return {
      ...base,
      capabilities: { ...base.capabilities, reasoning: reasons },
      thinking: hasVariant ? 'model-suffix' : 'none',
      extra: { ...(detail.extra ?? {}), ...(hasVariant ? { thinkingVariant: variant } : {}) },
    };
  });
}

export const BUNDLED_NANOGPT: ModelInfo[] = build();
