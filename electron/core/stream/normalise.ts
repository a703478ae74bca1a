// One chat.completion.chunk in whatever dialect → the app's frames. Knows every
// reasoning field and usage placement listed in shared/providers/WIRE-FORMATS.md.
import type { ApiErrorInfo, StreamFrame, Usage } from '../../../shared/domain';
import { ThinkSplitter } from './think-splitter';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);

export function readUsage(u: unknown): Usage | null {
  if (!isObj(u)) return null;
  const prompt = num(u.prompt_tokens) ?? num(u.input_tokens);
  const completion = num(u.completion_tokens) ?? num(u.output_tokens);
  if (prompt === null && completion === null) return null;
  const pd = isObj(u.prompt_tokens_details) ? u.prompt_tokens_details : isObj(u.input_tokens_details) ? u.input_tokens_details : {};
  const cd = isObj(u.completion_tokens_details) ? u.completion_tokens_details : isObj(u.output_tokens_details) ? u.output_tokens_details : {};
  return {
    promptTokens: prompt ?? 0,
    completionTokens: completion ?? 0,
    cachedTokens: num(pd.cached_tokens),
    reasoningTokens: num(cd.reasoning_tokens) ?? num(u.reasoning_tokens),
    estimated: false,
  };
}

function readStreamError(e: unknown): ApiErrorInfo {
  if (typeof e === 'string') return { code: 'provider_error', message: `The provider reported an error mid-stream: ${e}` };
  const o = isObj(e) ? e : {};
  const message = typeof o.message === 'string' ? o.message : 'unknown error';
  const status = typeof o.status === 'number' ? o.status : typeof o.code === 'number' ? o.code : null;
  const code = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : 'provider_error';
  return { code, status, message: `The provider reported an error mid-stream${status ? ` (${status})` : ''}: ${message}` };
}

/** Reasoning in `reasoning_details` entries: text and summaries readable, encrypted parts only noted. */
function readReasoningDetails(details: unknown): string {
  if (!Array.isArray(details)) return '';
  let out = '';
  for (const d of details) {
    if (!isObj(d)) continue;
    if (d.type === 'reasoning.text' && typeof d.text === 'string') out += d.text;
    else if (d.type === 'reasoning.summary' && typeof d.summary === 'string') out += d.summary;
    else if (d.type === 'reasoning.encrypted') out += '[hidden reasoning]';
  }
  return out;
}

export class ChunkNormaliser {
  private think = new ThinkSplitter();
  private completionId: string | null = null;
  private servedModel: string | null = null;
  finishReason: string | null = null;
  sawDone = false;

  /** `data` is the text of one SSE event. */
  push(data: string): StreamFrame[] {
    const frames: StreamFrame[] = [];
    if (data.trim() === '[DONE]') {
      this.sawDone = true;
      return this.end();
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      // A malformed frame is reported but does not end the reply: the next one may be fine.
      return [{ type: 'error', error: { code: 'malformed_chunk', message: `The provider sent a malformed stream chunk: ${data.slice(0, 120)}` } }];
    }
    if (!isObj(chunk)) return frames;

    const id = typeof chunk.id === 'string' ? chunk.id : null;
    const model = typeof chunk.model === 'string' ? chunk.model : null;
    if ((id && id !== this.completionId) || (model && model !== this.servedModel)) {
      this.completionId = id ?? this.completionId;
      this.servedModel = model ?? this.servedModel;
      frames.push({ type: 'meta', completionId: this.completionId, servedModel: this.servedModel, fallback: null });
    }

    const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
    const choice = choices.find((c) => isObj(c) && (c.index === 0 || c.index === undefined)) as Obj | undefined;
    const delta = choice && isObj(choice.delta) ? choice.delta : choice && isObj(choice.message) ? choice.message : null;
    if (delta) {
      // The fields are alternatives: OpenRouter-style servers send `reasoning` and
      // `reasoning_details` with the same text in one delta, some proxies `reasoning` and
      // `reasoning_content`. The first that has text is the delta's reasoning.
      const reasoning =
        (typeof delta.reasoning_content === 'string' && delta.reasoning_content) ||
        (typeof delta.reasoning === 'string' && delta.reasoning) ||
        readReasoningDetails(delta.reasoning_details);
      if (reasoning) frames.push({ type: 'reasoning', text: reasoning });
      if (typeof delta.content === 'string' && delta.content) {
        const split = this.think.push(delta.content);
        if (split.reasoning) frames.push({ type: 'reasoning', text: split.reasoning });
        if (split.content) frames.push({ type: 'content', text: split.content });
      }
    }
    if (choice && typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;

    const usage = readUsage(chunk.usage);
    if (usage) {
      const pricing = isObj(chunk.x_nanogpt_pricing) ? chunk.x_nanogpt_pricing : null;
      const reported = pricing && typeof pricing.cost === 'number' && pricing.cost >= 0 ? pricing.cost : null;
      frames.push({ type: 'usage', usage, reportedCostUsd: reported });
    }

    if (chunk.error !== undefined && chunk.error !== null) frames.push({ type: 'error', error: readStreamError(chunk.error) });
    else if (this.finishReason === 'error') frames.push({ type: 'error', error: { code: 'provider_error', message: 'The provider ended the reply with an error.' } });
    return frames;
  }

  /** The stream is over (by [DONE] or by the body ending): release held-back text. */
  end(): StreamFrame[] {
    const rest = this.think.flush();
    const frames: StreamFrame[] = [];
    if (rest.reasoning) frames.push({ type: 'reasoning', text: rest.reasoning });
    if (rest.content) frames.push({ type: 'content', text: rest.content });
    return frames;
  }
}
