import type { ProviderKind } from '../../../shared/domain';
import type { ProviderRecord } from '../history/providers-repo';
import type { ProviderAdapter } from './adapter';
import { llmbaseAdapter } from './llmbase';
import { nanogptAdapter } from './nanogpt';
import { nearAdapter } from './near';
import { openaiAdapter } from './openai';

export const adapters: Record<ProviderKind, ProviderAdapter> = {
  near: nearAdapter,
  nanogpt: nanogptAdapter,
  llmbase: llmbaseAdapter,
  openai: openaiAdapter,
};

/** Seeded on first start; the user may change base URL and default model, not remove them. */
export const BUILT_IN_PROVIDERS: ProviderRecord[] = [
  { id: 'near', kind: 'near', name: 'NEAR AI Cloud', baseUrl: nearAdapter.defaultBaseUrl, defaultModel: 'openai/gpt-oss-120b', builtIn: true, options: {} },
  { id: 'nanogpt', kind: 'nanogpt', name: 'NanoGPT', baseUrl: nanogptAdapter.defaultBaseUrl, defaultModel: 'deepseek/deepseek-v3.2', builtIn: true, options: {} },
  { id: 'llmbase', kind: 'llmbase', name: 'LLMBase', baseUrl: llmbaseAdapter.defaultBaseUrl, defaultModel: 'deepseek/deepseek-v4-flash', builtIn: true, options: {} },
];
