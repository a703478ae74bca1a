// LLMBase's model page (shared/providers/llmbase-models.md), every row of "Available models".
// Capabilities from the page's prose: the structured-output-and-reasoning table, "coding
// agents and tool calling", "multimodal" / "visual" / "file input" notes.
import type { ModelInfo } from '../domain';
import { modelInfo } from './model-info';

interface Row {
  id: string;
  input: number;
  output: number;
  context: number;
  reasoning?: boolean;
  structured?: boolean;
  tools?: boolean;
  vision?: boolean;
  pdf?: boolean;
  chat?: boolean;
  note?: string;
}

const ROWS: Row[] = [
  { id: 'deepseek/deepseek-v3.2', input: 0.3, output: 0.5, context: 163_840, reasoning: true, structured: true, note: 'Stable DeepSeek structured-output baseline' },
  { id: 'deepseek/deepseek-v4-flash', input: 0.2, output: 0.3, context: 1_048_576, reasoning: true, structured: true, tools: true, note: 'Fast DeepSeek V4 route for high-throughput agents and extraction' },
  { id: 'deepseek/deepseek-v4-pro', input: 1.8, output: 3.6, context: 1_048_576, reasoning: true, structured: true, note: 'Flagship DeepSeek V4 route for long-context reasoning and coding' },
  { id: 'google/gemma-4-26b-a4b-it', input: 0.13, output: 0.4, context: 262_144, reasoning: true, structured: true, vision: true, pdf: true, note: 'Multimodal Gemma route with text, image, and file input' },
  { id: 'minimax/minimax-m2.5', input: 0.3, output: 1.2, context: 196_608, note: 'Fast everyday inference' },
  { id: 'moonshotai/kimi-k2.5', input: 0.6, output: 2.8, context: 262_144, reasoning: true, structured: true, tools: true, vision: true, note: 'Kimi route for visual reasoning, coding, and tool calling' },
  { id: 'moonshotai/kimi-k2.6', input: 0.9, output: 4.0, context: 262_144, reasoning: true, structured: true, vision: true, note: 'Long-horizon Kimi route with multimodal input and cache-read pricing' },
  { id: 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning', input: 0.3, output: 1.0, context: 262_144, reasoning: true },
  { id: 'openai/gpt-oss-120b', input: 0.09, output: 0.36, context: 131_072 },
  { id: 'paddlepaddle/paddleocr-vl-0.9b', input: 0.2, output: 1.0, context: 32_768, structured: true, vision: true, chat: false, note: 'OCR model: JSON modes for OCR-style extraction' },
  { id: 'qwen/qwen3-coder', input: 0.4, output: 1.6, context: 262_144, structured: true, tools: true, note: 'Coding agents and tool calling' },
  { id: 'qwen/qwen3.5-122b-a10b', input: 0.4, output: 3.0, context: 262_144 },
  { id: 'qwen/qwen3.5-35b-a3b', input: 0.3, output: 2.5, context: 262_144, note: 'Fast everyday inference' },
  { id: 'qwen/qwen3.5-397b-a17b', input: 0.6, output: 3.6, context: 262_144 },
  { id: 'qwen/qwen3.5-9b', input: 0.8, output: 1.25, context: 256_000, note: 'Fast everyday inference' },
  { id: 'qwen/qwen3.6-35b-a3b', input: 0.25, output: 1.2, context: 262_144 },
  { id: 'z-ai/glm-5', input: 1.0, output: 3.2, context: 80_000, reasoning: true, structured: true, note: 'GLM 5 also advertises logprobs on certified paths' },
  { id: 'z-ai/glm-5.1', input: 1.4, output: 4.4, context: 198_000, reasoning: true, structured: true, tools: true, note: 'Current GLM flagship route for agentic engineering' },
];

export const BUNDLED_LLMBASE: ModelInfo[] = ROWS.map((r) => {
  const inputs = ['text', ...(r.vision ? ['image'] : []), ...(r.pdf ? ['file'] : [])];
  return modelInfo('llmbase', r.id, {
    description: r.note ? `${r.note}.` : null,
    contextLength: r.context,
    pricing: { input: r.input, output: r.output, cachedInput: null },
    capabilities: { reasoning: !!r.reasoning, vision: !!r.vision, tools: !!r.tools, structuredOutput: !!r.structured, pdf: !!r.pdf },
    inputModalities: inputs,
    chat: r.chat ?? true,
    // Which of these take `reasoning_effort` is only known from the live list
    // (supported_parameters); until then the documented template flag is the safe ask.
    thinking: r.reasoning ? 'template-enable-thinking' : 'none',
    extra: r.chat === false ? { kind: 'OCR model (not for chat)' } : {},
    source: 'bundled',
  });
});
