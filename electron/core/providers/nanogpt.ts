// NanoGPT: OpenAI chat completions; thinking is a separate `:thinking` model id,
// usage arrives only with include_usage, and errors come in several shapes.
import type { ApiErrorInfo } from '../../../shared/domain';
import { NANOGPT_THINKING_SUFFIX } from '../../../shared/catalog/thinking-methods';
import type { BuiltChatRequest, ChatRequestInput, ProviderAdapter } from './adapter';
import { mapHttpError, parseRetryAfter, providerMessage } from './http-errors';
import { fetchNanogptCatalog } from './nanogpt-catalog';
import { baseBody, openaiAdapter } from './openai';

const LABEL = 'NanoGPT';

export function buildNanogptChatRequest(input: ChatRequestInput): BuiltChatRequest {
  const body = baseBody(input);
  body.stream_options = { include_usage: true };
  const notes: string[] = [];
  const m = input.model;
  if (input.thinking.enabled && !input.modelId.endsWith(NANOGPT_THINKING_SUFFIX)) {
    if (m?.thinking === 'model-suffix') {
      body.model = m.extra.thinkingVariant ?? `${input.modelId}${NANOGPT_THINKING_SUFFIX}`;
    } else if (!m?.capabilities.reasoning) {
      // A model that reasons by itself needs nothing; one that does not cannot be made to.
      notes.push(
        m
          ? `${m.name} has no thinking variant on ${LABEL}, so thinking was not requested.`
          : `${LABEL}'s model list has not been loaded, so it is unknown whether ${input.modelId} has a thinking variant; thinking was not requested.`,
      );
    }
  }
  return { body, headers: {}, notes };
}

function usd(n: number): string {
  return `$${Number(n.toPrecision(4))}`;
}

export function mapNanogptError(status: number, body: unknown, headers: Headers): ApiErrorInfo {
  const base = mapHttpError(status, body, headers);
  const { message, code } = providerMessage(body);
  const retryAfter = parseRetryAfter(headers);
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  switch (status) {
    case 401:
      return { ...base, message: `The API key was rejected by ${LABEL} — replace it in Settings.` };
    case 402: {
      // {"error":"Insufficient balance","requiredBalance":0.0035,"status":402}: error is a string here.
      const need = typeof b.requiredBalance === 'number' && b.requiredBalance > 0 ? ` (needs ${usd(b.requiredBalance)})` : '';
      return { ...base, message: `Out of credit with ${LABEL}${need} — top up your balance at nano-gpt.com, then retry.` };
    }
    case 429: {
      const wait = retryAfter !== null ? ` — retry in ${retryAfter} s` : '';
      if (code === 'daily_rpd_limit_exceeded') {
        return { ...base, code: 'rate_limited', message: `${LABEL}'s daily request limit is used up${wait}${message ? ` (${message})` : ''}.` };
      }
      return { ...base, message: `Rate limited by ${LABEL}${wait}${message ? ` (${message})` : ''}.` };
    }
    default:
      return base;
  }
}

export const nanogptAdapter: ProviderAdapter = {
  ...openaiAdapter,
  kind: 'nanogpt',
  label: LABEL,
  defaultBaseUrl: 'https://nano-gpt.com/api/v1',
  keyRequired: true,
  keyPageUrl: 'https://nano-gpt.com/api',
  // Bearer (inherited); the server also accepts x-api-key.
  buildChatRequest: buildNanogptChatRequest,
  readResponseHeaders: () => null,
  fetchCatalog: (ctx) => fetchNanogptCatalog(ctx, nanogptAdapter.authHeaders(ctx.key)),
  mapHttpError: mapNanogptError,
};
