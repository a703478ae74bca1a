// NanoGPT. Minimal: chat request shape. Catalog normalisation arrives with the catalog work.
import type { ProviderAdapter } from './adapter';
import { baseBody, openaiAdapter } from './openai';

export const nanogptAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'nanogpt',
  label: 'NanoGPT',
  defaultBaseUrl: 'https://nano-gpt.com/api/v1',
  keyRequired: true,
  keyPageUrl: 'https://nano-gpt.com/api',
  buildChatRequest(input) {
    const body = baseBody(input);
    body.stream_options = { include_usage: true };
    return { body, headers: {}, notes: [] };
  },
};
