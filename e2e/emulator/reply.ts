// Builds the chunks of one reply (role, reasoning, content, finish, usage) in a provider's dialect.
import { randomBytes } from 'node:crypto';
import type { Dialect } from './dialects';
import type { EmuModel } from './models';
import { messageText, nanoGptCost, type EmuUsage } from './tokens';
import type { EmuProvider, ReasoningField } from './types';

export interface ReplyPlan {
  provider: EmuProvider;
  id: string;
  created: number;
  /** The model named in chunks (the served one). */
  model: string;
  prices: EmuModel['prices'];
  reasoning: string;
  reasoningField: ReasoningField;
  content: string;
  chunkSize: number;
  finishReason: string;
  usage: EmuUsage | null;
  includeUsage: boolean;
  /** NanoGPT x_nanogpt_pricing.cost override; null = omit; undefined = computed. */
  reportedCost?: number | null;
  dialect: Dialect;
}

/** One item to write: a chunk object and how many characters of text it carries. */
export interface PlannedFrame {
  obj: object;
  chars: number;
  /** Text frames are paced and count towards afterChars. */
  text: boolean;
}

export const newCompletionId = () => `chatcmpl-${randomBytes(12).toString('hex')}`;

export function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown } | null;
    if (m?.role === 'user') return messageText(m.content);
  }
  return '';
}

export function defaultContent(userText: string): string {
  return `Echo: ${userText}\n\nThis reply comes from the **Parley emulator**. It streams in small chunks so the client can render it *incrementally*.`;
}

export function defaultReasoning(userText: string): string {
  const short = userText.length > 60 ? `${userText.slice(0, 60)}…` : userText;
  return `The user wrote "${short}". I will echo it back and add a short note.`;
}

export function pieces(text: string, size: number): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i += size) out.push(cps.slice(i, i + size).join(''));
  return out;
}

export function usageObject(provider: EmuProvider, u: EmuUsage): Record<string, unknown> {
  const base = { prompt_tokens: u.prompt, completion_tokens: u.completion, total_tokens: u.prompt + u.completion };
  if (provider === 'near')
    return { ...base, ...(u.reasoning > 0 ? { reasoning_tokens: u.reasoning } : {}), ...(u.cached > 0 ? { prompt_tokens_details: { cached_tokens: u.cached } } : {}) };
  return { ...base, prompt_tokens_details: { cached_tokens: u.cached }, completion_tokens_details: { reasoning_tokens: u.reasoning } };
}

export function chunk(p: ReplyPlan, delta: object, finish: string | null = null, extra: object = {}): object {
  return {
    id: p.id,
    object: 'chat.completion.chunk',
    created: p.created,
    model: p.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(p.dialect.nullUsage ? { usage: null } : {}),
    ...extra,
  };
}

function reasoningDelta(field: ReasoningField, text: string): object {
  if (field === 'reasoning_details') return { reasoning_details: [{ type: 'reasoning.text', text }] };
  if (field === 'reasoning') return { reasoning: text };
  return { reasoning_content: text };
}

/** The text frames: reasoning (in the plan's field) then content. */
export function textFrames(p: ReplyPlan): PlannedFrame[] {
  const frames: PlannedFrame[] = [];
  const len = (s: string) => Array.from(s).length;
  if (p.reasoning && p.reasoningField === 'think-tags') {
    for (const s of pieces(`<think>${p.reasoning}</think>${p.content}`, p.chunkSize)) frames.push({ obj: chunk(p, { content: s }), chars: len(s), text: true });
    return frames;
  }
  for (const s of pieces(p.reasoning, p.chunkSize)) frames.push({ obj: chunk(p, reasoningDelta(p.reasoningField, s)), chars: len(s), text: true });
  for (const s of pieces(p.content, p.chunkSize)) frames.push({ obj: chunk(p, { content: s }), chars: len(s), text: true });
  return frames;
}

export function roleFrame(p: ReplyPlan): PlannedFrame {
  return { obj: chunk(p, { role: 'assistant', content: '' }), chars: 0, text: false };
}

export function nanoPricing(p: ReplyPlan): object {
  if (!p.usage || p.reportedCost === null) return {};
  const computed = nanoGptCost(p.prices, p.usage);
  if (p.reportedCost !== undefined)
    return { x_nanogpt_pricing: { ...(computed ?? { inputTokens: p.usage.prompt, outputTokens: p.usage.completion, cacheCost: 0, paymentSource: 'USD' }), cost: p.reportedCost } };
  return computed ? { x_nanogpt_pricing: computed } : {};
}

/** The finish chunk and, where the dialect says, the usage chunk. */
export function tailFrames(p: ReplyPlan): PlannedFrame[] {
  const u = p.usage;
  const d = p.dialect;
  const onFinish = u && (d.usage === 'on-finish-always' || (d.usage === 'on-finish-if-asked' && p.includeUsage));
  const frames: PlannedFrame[] = [
    { obj: chunk(p, {}, p.finishReason, onFinish ? { usage: usageObject(p.provider, u), ...(p.provider === 'nanogpt' ? nanoPricing(p) : {}) } : {}), chars: 0, text: false },
  ];
  if (u && d.usage === 'extra-chunk' && p.includeUsage)
    frames.push({ obj: { id: p.id, object: 'chat.completion.chunk', created: p.created, model: p.model, choices: [], usage: usageObject(p.provider, u) }, chars: 0, text: false });
  return frames;
}

/** A whole non-streamed chat.completion. */
export function completionJson(p: ReplyPlan): object {
  const reasoningKey = p.reasoningField === 'reasoning' ? 'reasoning' : 'reasoning_content';
  const content = p.reasoning && p.reasoningField === 'think-tags' ? `<think>${p.reasoning}</think>${p.content}` : p.content;
  return {
    id: p.id,
    object: 'chat.completion',
    created: p.created,
    model: p.model,
    choices: [{ index: 0, message: { role: 'assistant', content, ...(p.reasoning && p.reasoningField !== 'think-tags' ? { [reasoningKey]: p.reasoning } : {}) }, finish_reason: p.finishReason }],
    ...(p.usage ? { usage: usageObject(p.provider, p.usage) } : {}),
    ...(p.provider === 'nanogpt' ? nanoPricing(p) : {}),
  };
}
