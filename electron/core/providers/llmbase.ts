// LLMBase. Minimal: chat request shape. Catalog normalisation arrives with the catalog work.
import type { ProviderAdapter } from './adapter';
import { baseBody, openaiAdapter } from './openai';

export const llmbaseAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'llmbase',
  label: 'LLMBase',
  defaultBaseUrl: 'https://api.llmbase.ai/v1',
  keyRequired: true,
  keyPageUrl: 'https://llmbase.ai',
  buildChatRequest(input) {
    // Usage always rides on the finish chunk; no stream_options needed (or advertised).
    return { body: baseBody(input), headers: input.provider.options.fallbackOff ? { 'x-llmbase-fallback': 'off' } : ({} as Record<string, string>), notes: [] };
  },
};
