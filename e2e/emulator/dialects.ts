// What differs between providers on a chat completion: auth, thinking switch, reasoning field, usage placement.
import type { IncomingHttpHeaders } from 'node:http';
import type { EmuModel } from './models';
import type { EmuProvider, ReasoningField } from './types';

export interface Dialect {
  reasoningField: ReasoningField;
  /**
   * extra-chunk: only with include_usage, one `choices: []` chunk after the finish chunk (NEAR, OpenAI);
   * on-finish-if-asked: only with include_usage, on the finish chunk (NanoGPT);
   * on-finish-always: always on the finish chunk (LLMBase).
   */
  usage: 'extra-chunk' | 'on-finish-if-asked' | 'on-finish-always';
  /** NEAR sends `"usage": null` on every chunk. */
  nullUsage: boolean;
  midstreamForm: 'near' | 'nanogpt';
}

export const DIALECTS: Record<EmuProvider, Dialect> = {
  near: { reasoningField: 'reasoning_content', usage: 'extra-chunk', nullUsage: true, midstreamForm: 'near' },
  nanogpt: { reasoningField: 'reasoning', usage: 'on-finish-if-asked', nullUsage: false, midstreamForm: 'nanogpt' },
  llmbase: { reasoningField: 'reasoning_content', usage: 'on-finish-always', nullUsage: false, midstreamForm: 'near' },
  openai: { reasoningField: 'reasoning_content', usage: 'extra-chunk', nullUsage: false, midstreamForm: 'near' },
};

export type AuthResult = 'ok' | 'missing' | 'invalid';

export function checkAuth(provider: EmuProvider, headers: IncomingHttpHeaders, key: string): AuthResult {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  const apiKey = provider === 'nanogpt' && typeof headers['x-api-key'] === 'string' ? headers['x-api-key'].trim() : undefined;
  const given = [bearer, apiKey].filter((k): k is string => !!k);
  if (given.length === 0) return 'missing';
  return given.includes(key) ? 'ok' : 'invalid';
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Whether the request asks for reasoning the provider's way (and whether the stream should show it). */
/** `think`: the model reasons; `excluded`: NanoGPT was asked to strip reasoning from the stream (`:reasoning-exclude`, `reasoning.exclude`). */
export function thinkingRequested(provider: EmuProvider, body: Record<string, unknown>, model: EmuModel): { think: boolean; excluded: boolean } {
  if (provider === 'nanogpt') {
    const excluded = String(body.model).endsWith(':reasoning-exclude') || obj(body.reasoning).exclude === true;
    return { think: model.reasoning && model.id.endsWith(':thinking'), excluded };
  }
  const kw = obj(body.chat_template_kwargs);
  const on = kw.thinking === true || kw.enable_thinking === true || (typeof body.reasoning_effort === 'string' && body.reasoning_effort !== 'none');
  const off = kw.thinking === false || kw.enable_thinking === false || body.reasoning_effort === 'none';
  return { think: model.reasoning && (on || (!off && model.thinksByDefault === true)), excluded: false };
}

/** LLMBase parameters that need the model to advertise them in supported_parameters. */
const GATED = ['reasoning_effort', 'include_reasoning', 'logprobs', 'top_logprobs', 'tools', 'tool_choice', 'response_format'];

/** LLMBase capability enforcement: the first unsupported thing the request uses, or null. */
export function llmbaseUnsupported(body: Record<string, unknown>, model: EmuModel & { supportedParameters?: string[] }): { message: string; param: string } | null {
  const supported = model.supportedParameters ?? [];
  for (const p of GATED) {
    const v = body[p];
    if (v !== undefined && v !== null && v !== false && !supported.includes(p)) return { message: `Model ${model.id} does not support the '${p}' parameter.`, param: p };
  }
  const kw = obj(body.chat_template_kwargs);
  if ((kw.thinking === true || kw.enable_thinking === true) && !model.features.includes('reasoning'))
    return { message: `Model ${model.id} does not support reasoning.`, param: 'chat_template_kwargs' };
  const hasImage =
    Array.isArray(body.messages) &&
    body.messages.some((m: unknown) => Array.isArray(obj(m).content) && (obj(m).content as unknown[]).some((p) => obj(p).type === 'image_url'));
  if (hasImage && !model.inputModalities.includes('image')) return { message: `Model ${model.id} does not accept image input.`, param: 'messages' };
  return null;
}
