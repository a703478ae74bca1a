// NEAR AI Cloud's model page (shared/providers/near-ai-cloud-models.md), every row.
// Context "131K" is taken as 131,000 tokens, as printed; the live list gives exact figures.
// Capabilities are only what the pages say: "thinking mode" / "reasoning" / "multimodal";
// NanoGPT's page example gives GPT-5.2 and Claude Opus 4.6 vision.
import type { ModelInfo, Privacy } from '../domain';
import { modelInfo } from './model-info';
import { nearThinkingMethod } from './thinking-methods';

interface Row {
  name: string;
  id: string;
  privacy: Privacy;
  contextK: number;
  input: number;
  output: number;
  bestFor: string;
  reasoning?: boolean;
  vision?: boolean;
  chat?: boolean;
  /** Set only where the page or WIRE-FORMATS documents a switch. */
  controlledThinking?: boolean;
}

const ROWS: Row[] = [
  { name: 'Claude Opus 4.6', id: 'anthropic/claude-opus-4-6', privacy: 'anonymised', contextK: 200, input: 5, output: 25, bestFor: 'Agents, coding, complex reasoning', reasoning: true, vision: true },
  { name: 'Claude Sonnet 4.5', id: 'anthropic/claude-sonnet-4-5', privacy: 'anonymised', contextK: 200, input: 3, output: 15.5, bestFor: 'Balanced intelligence and speed' },
  { name: 'Flux.2 [klein]', id: 'black-forest-labs/FLUX.2-klein-4B', privacy: 'private', contextK: 128, input: 1, output: 1, bestFor: 'Image model', chat: false },
  { name: 'DeepSeek V3.1', id: 'deepseek-ai/DeepSeek-V3.1', privacy: 'private', contextK: 128, input: 1.05, output: 3.1, bestFor: 'Tool usage, thinking mode', reasoning: true, controlledThinking: true },
  { name: 'Gemini 3 Pro', id: 'google/gemini-3-pro', privacy: 'anonymised', contextK: 1000, input: 1.25, output: 15, bestFor: 'Long documents, multimodal', vision: true },
  { name: 'OpenAI GPT-5.2', id: 'openai/gpt-5.2', privacy: 'anonymised', contextK: 400, input: 1.8, output: 15.5, bestFor: 'Deep reasoning, large contexts', reasoning: true, vision: true },
  { name: 'GPT OSS 120B', id: 'openai/gpt-oss-120b', privacy: 'private', contextK: 131, input: 0.15, output: 0.55, bestFor: 'Mixture-of-Experts, general purpose', reasoning: true, controlledThinking: true },
  { name: 'Qwen3 30B', id: 'Qwen/Qwen3-30B-A3B-Instruct-2507', privacy: 'private', contextK: 262, input: 0.15, output: 0.55, bestFor: 'Cost-efficient, instruction following' },
  { name: 'GLM 4.7', id: 'zai-org/GLM-4.7', privacy: 'private', contextK: 131, input: 0.85, output: 3.3, bestFor: 'Coding, reasoning', reasoning: true, controlledThinking: true },
];

export const BUNDLED_NEAR: ModelInfo[] = ROWS.map((r) =>
  modelInfo('near', r.id, {
    name: r.name,
    description: `Best for: ${r.bestFor}.`,
    contextLength: r.contextK * 1000,
    pricing: { input: r.input, output: r.output, cachedInput: null },
    capabilities: { reasoning: !!r.reasoning, vision: !!r.vision, tools: false, structuredOutput: false, pdf: false },
    inputModalities: r.vision ? ['text', 'image'] : ['text'],
    privacy: r.privacy,
    chat: r.chat ?? true,
    thinking: r.controlledThinking ? nearThinkingMethod(r.id) : 'none',
    extra: r.chat === false ? { kind: 'Image model (not for chat)' } : {},
    source: 'bundled',
  }),
);
