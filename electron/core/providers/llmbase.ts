// LLMBase: OpenAI chat completions with enforced capabilities (a parameter the model
// does not advertise is a 400), usage on every stream, and smart fallback reported
// in response headers.
import type { ApiErrorInfo, Fallback } from '../../../shared/domain';
import type { BuiltChatRequest, ChatRequestInput, ProviderAdapter } from './adapter';
import { mapHttpError, parseRetryAfter, providerMessage } from './http-errors';
import { fetchLlmbaseCatalog } from './llmbase-catalog';
import { baseBody, openaiAdapter } from './openai';

const LABEL = 'LLMBase';

export function buildLlmbaseChatRequest(input: ChatRequestInput): BuiltChatRequest {
  // Usage always rides on the finish chunk; stream_options is not advertised, so not sent.
  const body = baseBody(input);
  const notes: string[] = [];
  const m = input.model;
  const params = m?.supportedParameters ?? [];
  const name = m?.name ?? input.modelId;
  if (input.thinking.enabled) {
    if (!m) {
      notes.push(`${LABEL}'s model list has not been loaded, so it is unknown whether ${name} accepts a thinking switch; none was sent (${LABEL} rejects parameters a model does not advertise).`);
    } else if (params.includes('reasoning_effort')) {
      body.reasoning_effort = input.thinking.effort;
    } else if (m.capabilities.reasoning) {
      body.chat_template_kwargs = { enable_thinking: true };
    } else {
      notes.push(`${name} does not advertise reasoning on ${LABEL}, so thinking was not requested.`);
    }
  } else if (m?.capabilities.reasoning && !params.includes('reasoning_effort') && m.thinking === 'template-enable-thinking') {
    // Template-switched models may think by default; "off" must be said.
    body.chat_template_kwargs = { enable_thinking: false };
  }
  const headers: Record<string, string> = input.provider.options.fallbackOff ? { 'X-LLMBase-Fallback': 'off' } : {};
  return { body, headers, notes };
}

const cap = (s: string | null, n = 300): string | null => (s === null ? null : s.trim().slice(0, n) || null);

/** The smart-fallback headers; null when the requested model served the reply. */
export function readLlmbaseFallback(headers: Headers, requestedModel: string): Fallback | null {
  const applied = headers.get('x-llmbase-fallback-applied')?.trim().toLowerCase() ?? null;
  const requested = cap(headers.get('x-llmbase-requested-model')) ?? cap(requestedModel);
  const served = cap(headers.get('x-llmbase-served-model'));
  const differs = applied === null && served !== null && requested !== null && served !== requested;
  if (applied !== 'true' && !differs) return null;
  const chain = (headers.get('x-llmbase-fallback-chain') ?? '')
    .split(',')
    .map((s) => s.trim().slice(0, 300))
    .filter(Boolean)
    .slice(0, 20);
  return { requested, served, reason: cap(headers.get('x-llmbase-fallback-reason'), 1000), chain };
}

export function mapLlmbaseError(status: number, body: unknown, headers: Headers): ApiErrorInfo {
  const base = mapHttpError(status, body, headers);
  const { message } = providerMessage(body);
  const err = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  const type = err && typeof err === 'object' ? (err as Record<string, unknown>).type : undefined;
  const retryAfter = parseRetryAfter(headers);
  switch (status) {
    case 400:
      if (type === 'invalid_request_error') {
        return { ...base, code: 'unsupported_parameter', message: `${LABEL} refused the request because the model does not support something it asked for${message ? `: ${message}` : '.'}` };
      }
      return base;
    case 401:
      return { ...base, message: `The API key was rejected by ${LABEL} — replace it in Settings.` };
    case 402:
      return { ...base, message: `Out of credit with ${LABEL} — top up your balance, then retry.` };
    case 429:
      return { ...base, message: `Rate limited by ${LABEL}${retryAfter !== null ? ` — retry in ${retryAfter} s` : ''}${message ? ` (${message})` : ''}.` };
    default:
      return base;
  }
}

export const llmbaseAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'llmbase',
  label: LABEL,
  defaultBaseUrl: 'https://api.llmbase.ai/v1',
  keyRequired: true,
  keyPageUrl: 'https://llmbase.ai',
  buildChatRequest: buildLlmbaseChatRequest,
  readResponseHeaders: readLlmbaseFallback,
  fetchCatalog: (ctx) => fetchLlmbaseCatalog(ctx, llmbaseAdapter.authHeaders(ctx.key)),
  mapHttpError: mapLlmbaseError,
};
