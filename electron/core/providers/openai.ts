// Any OpenAI-compatible endpoint: the baseline every built-in provider refines.
import type { ModelInfo } from '../../../shared/domain';
import type { ChatRequestInput, ProviderAdapter } from './adapter';
import { mapHttpError } from './http-errors';
import { modelInfo } from '../../../shared/catalog/model-info';

export function baseBody(input: ChatRequestInput): Record<string, unknown> {
  // A message with attachments goes as OpenAI content parts; every other one as plain text.
  const messages = input.messages.map((m) => ({ role: m.role, content: m.parts ?? m.content }));
  return { model: input.modelId, messages, stream: true };
}

export function blankModel(provider: string, id: string, patch: Partial<ModelInfo> = {}): ModelInfo {
  return modelInfo(provider, id, patch);
}

export async function getJson(ctx: { fetch: typeof fetch; signal?: AbortSignal }, url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await ctx.fetch(url, { headers: { accept: 'application/json', ...headers }, signal: ctx.signal ?? AbortSignal.timeout(15_000), redirect: 'error' });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  if (!res.ok) throw Object.assign(new Error(mapHttpError(res.status, body, res.headers).message), { status: res.status });
  return body;
}

export const openaiAdapter: ProviderAdapter = {
  kind: 'openai',
  label: 'OpenAI-compatible',
  defaultBaseUrl: 'http://127.0.0.1:11434/v1',
  keyRequired: false,
  keyPageUrl: null,
  authHeaders: (key): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),
  buildChatRequest(input) {
    const body = baseBody(input);
    // Most servers accept it; it is how usage arrives on OpenAI-style streams.
    body.stream_options = { include_usage: true };
    if (input.thinking.enabled && input.model?.thinking === 'effort') body.reasoning_effort = input.thinking.effort;
    return { body, headers: {}, notes: [] };
  },
  readResponseHeaders: () => null,
  async fetchCatalog(ctx) {
    const body = (await getJson(ctx, `${ctx.baseUrl}/models`, openaiAdapter.authHeaders(ctx.key))) as { data?: unknown };
    const data = Array.isArray(body?.data) ? body.data : [];
    return data
      .filter((m): m is { id: string; name?: unknown; context_length?: unknown } => !!m && typeof (m as { id?: unknown }).id === 'string')
      .map((m) =>
        blankModel('', m.id, {
          name: typeof m.name === 'string' ? m.name : m.id,
          contextLength: typeof m.context_length === 'number' && m.context_length > 0 ? Math.round(m.context_length) : null,
        }),
      );
  },
  mapHttpError,
};
