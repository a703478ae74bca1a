// NEAR AI Cloud: OpenAI chat completions plus TEE-aware model lists and
// chat-template switches for thinking.
import type { ApiErrorInfo } from '../../../shared/domain';
import { nearThinkingMethod } from '../../../shared/catalog/thinking-methods';
import type { BuiltChatRequest, ChatRequestInput, ProviderAdapter } from './adapter';
import { mapHttpError, parseRetryAfter, providerMessage } from './http-errors';
import { fetchNearCatalog } from './near-catalog';
import { baseBody, openaiAdapter } from './openai';

const LABEL = 'NEAR AI Cloud';

export function buildNearChatRequest(input: ChatRequestInput): BuiltChatRequest {
  const body = baseBody(input);
  // NEAR sends usage only when asked, in its own `choices: []` chunk.
  body.stream_options = { include_usage: true };
  const notes: string[] = [];
  const { enabled, effort } = input.thinking;
  // An unknown model (catalog not loaded) still gets its family's switch.
  const method = input.model ? input.model.thinking : nearThinkingMethod(input.modelId);
  switch (method) {
    case 'template-thinking':
      // DeepSeek V3.1: off unless asked; sent both ways so the choice is explicit.
      body.chat_template_kwargs = { thinking: enabled };
      break;
    case 'template-enable-thinking':
      // GLM and Qwen 3.x think by default, so "off" must be said.
      body.chat_template_kwargs = { enable_thinking: enabled };
      break;
    case 'effort':
      // gpt-oss always reasons; effort only sets how much.
      if (enabled) body.reasoning_effort = effort;
      break;
    default:
      if (enabled && !input.model?.capabilities.reasoning) {
        notes.push(`${input.model?.name ?? input.modelId} does not offer thinking on ${LABEL}, so thinking was not requested.`);
      }
  }
  return { body, headers: {}, notes };
}

export function mapNearError(status: number, body: unknown, headers: Headers): ApiErrorInfo {
  const base = mapHttpError(status, body, headers);
  const { message, code } = providerMessage(body);
  const retryAfter = parseRetryAfter(headers);
  switch (status) {
    case 401:
      return {
        ...base,
        message:
          code === 'missing_auth_header'
            ? `No API key was sent to ${LABEL} — add one in Settings.`
            : `The API key was rejected by ${LABEL} — replace it in Settings.`,
      };
    case 402:
      return { ...base, message: `Out of credit with ${LABEL} — top up at cloud.near.ai, then retry.` };
    case 429:
      return {
        ...base,
        message: `Rate limited by ${LABEL}${retryAfter !== null ? ` — retry in ${retryAfter} s` : ''}${message ? ` (${message})` : ''}.`,
      };
    default:
      return base;
  }
}

export const nearAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'near',
  label: LABEL,
  defaultBaseUrl: 'https://cloud-api.near.ai/v1',
  keyRequired: true,
  keyPageUrl: 'https://cloud.near.ai',
  buildChatRequest: buildNearChatRequest,
  readResponseHeaders: () => null,
  fetchCatalog: (ctx) => fetchNearCatalog(ctx, nearAdapter.authHeaders(ctx.key)),
  mapHttpError: mapNearError,
};
