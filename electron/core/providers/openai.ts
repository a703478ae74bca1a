// Any OpenAI-compatible endpoint: the baseline every built-in provider refines.
import type { ModelInfo } from '../../../shared/domain';
import type { ChatRequestInput, ProviderAdapter } from './adapter';
import { mapHttpError } from './http-errors';
import { capabilitiesFromFeatures, modelInfo, stringList, tokenCount } from '../../../shared/catalog/model-info';

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

/**
 * One entry of an OpenAI-compatible `/models` list. OpenAI's own says nothing of what a model
 * takes; some servers add it (OpenRouter-style `architecture.input_modalities`, a top-level
 * `input_modalities`, a `capabilities` object of flags), and what is there is used.
 */
export function customModel(m: Record<string, unknown> & { id: string }): ModelInfo {
  const arch = m.architecture && typeof m.architecture === 'object' ? (m.architecture as Record<string, unknown>) : {};
  const inputs = stringList(arch.input_modalities) ?? stringList(m.input_modalities) ?? [];
  const flags = m.capabilities && typeof m.capabilities === 'object' ? Object.entries(m.capabilities as Record<string, unknown>).filter(([, on]) => on === true).map(([k]) => k) : [];
  const caps = capabilitiesFromFeatures(flags, inputs);
  return blankModel('', m.id, {
    name: typeof m.name === 'string' && m.name.trim() ? m.name.trim().slice(0, 300) : m.id,
    contextLength: tokenCount(m.context_length),
    // How to ask such a server for thinking is unknown; a reply's reasoning shows whenever it streams one.
    capabilities: { ...caps, reasoning: false },
    inputModalities: [...new Set(['text', ...inputs.map((s) => s.toLowerCase()), ...(caps.vision ? ['image'] : [])])].slice(0, 20),
  });
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
    return data.filter((m): m is Record<string, unknown> & { id: string } => !!m && typeof (m as { id?: unknown }).id === 'string').map(customModel);
  },
  mapHttpError,
};
