// NEAR AI Cloud. Minimal: chat request shape. Catalog normalisation arrives with the catalog work.
import type { ProviderAdapter } from './adapter';
import { baseBody, openaiAdapter } from './openai';
import { mapHttpError } from './http-errors';

export const nearAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'near',
  label: 'NEAR AI Cloud',
  defaultBaseUrl: 'https://cloud-api.near.ai/v1',
  keyRequired: true,
  keyPageUrl: 'https://cloud.near.ai',
  buildChatRequest(input) {
    const body = baseBody(input);
    body.stream_options = { include_usage: true };
    return { body, headers: {}, notes: [] };
  },
  mapHttpError,
};
