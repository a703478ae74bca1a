// POST {base}/chat/completions for every provider: auth, scripted step, model and capability checks,
// LLMBase fallback, then a streamed (or JSON) reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAuth, DIALECTS, llmbaseUnsupported, thinkingRequested } from './dialects';
import { badRequestBody, errorBody, HTML_ERROR_PAGE, missingAuthBody, unknownModelBody } from './errors';
import { isObj, sendJson } from './http-util';
import { findModel } from './models';
import type { LlmbaseModel } from './models/llmbase';
import { completionJson, defaultContent, defaultReasoning, lastUserText, newCompletionId, type ReplyPlan } from './reply';
import type { StepQueues } from './scenarios';
import { sleep } from './sse-writer';
import { streamReply, SPLIT_UTF8_TEXT } from './stream';
import { computeUsage } from './tokens';
import type { CompletionRecord, EmuProvider, Step, StreamOptions } from './types';

export interface ChatDeps {
  queues: StepQueues;
  keys: Record<EmuProvider, string>;
  tokensPerSecond: number;
  /** Timestamp every frame regardless of the request header (EmulatorOptions.timestamps). */
  timestamps?: boolean;
  completions: Map<string, CompletionRecord>;
}

export async function handleChat(provider: EmuProvider, requireKey: boolean, req: IncomingMessage, res: ServerResponse, raw: Buffer, deps: ChatDeps): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    body = null;
  }
  if (!isObj(body)) return sendJson(res, 400, badRequestBody('The request body is not a JSON object.'));

  if (requireKey) {
    const auth = checkAuth(provider, req.headers, deps.keys[provider]);
    if (auth !== 'ok') return sendJson(res, 401, auth === 'missing' ? missingAuthBody(provider) : errorBody(provider, 401));
  }

  const queued = deps.queues.next(provider);
  const step: Step = queued ?? { kind: 'reply' };
  switch (step.kind) {
    case 'never-respond':
      return; // the server destroys the socket on close()
    case 'http-error': {
      const headers: Record<string, string> = step.retryAfter !== undefined ? { 'retry-after': String(step.retryAfter) } : {};
      return sendJson(res, step.status, step.body ?? errorBody(provider, step.status, step.message), headers);
    }
    case 'redirect':
      res.writeHead(step.status, { location: step.location, 'content-length': '0' });
      return void res.end();
    case 'html-error':
      res.writeHead(step.status ?? 502, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(HTML_ERROR_PAGE);
  }

  const requested = typeof body.model === 'string' ? body.model : '';
  const reject = (status: number, errBody: unknown) => {
    if (queued) deps.queues.putBack(provider, queued);
    sendJson(res, status, errBody);
  };
  const model = findModel(provider, requested);
  if (!model) return reject(404, unknownModelBody(requested));
  if (!Array.isArray(body.messages) || body.messages.length === 0) return reject(400, badRequestBody('`messages` must be a non-empty array.', 'messages'));
  if (!model.outputModalities.includes('text')) return reject(400, badRequestBody(`Model ${model.id} does not support chat completions.`, 'model'));
  if (provider === 'llmbase') {
    const bad = llmbaseUnsupported(body, model as LlmbaseModel);
    if (bad) return reject(400, badRequestBody(bad.message, bad.param));
  }

  // Fallback (LLMBase headers; elsewhere only the chunk `model` changes).
  let served = model.id;
  let fallback: { reason: string; chain: string[] } | null = null;
  if (step.kind === 'fallback') {
    served = step.served;
    fallback = { reason: step.reason ?? 'model_unavailable', chain: step.chain ?? [model.id, served] };
  } else if (provider === 'llmbase' && (model as LlmbaseModel).fallbackTo) {
    served = (model as LlmbaseModel).fallbackTo!;
    fallback = { reason: 'model_unavailable', chain: [model.id, served] };
  }
  const headers: Record<string, string> = {};
  if (provider === 'llmbase') {
    if (fallback && String(req.headers['x-llmbase-fallback'] ?? '').toLowerCase() === 'off') {
      return sendJson(res, 503, {
        error: { message: `Model ${model.id} is temporarily unavailable and fallback is disabled.`, type: 'service_unavailable', param: null, code: 'model_unavailable' },
      });
    }
    headers['x-llmbase-requested-model'] = requested;
    headers['x-llmbase-served-model'] = served;
    headers['x-llmbase-fallback-applied'] = String(!!fallback);
    if (fallback) {
      headers['x-llmbase-fallback-reason'] = fallback.reason;
      headers['x-llmbase-fallback-chain'] = fallback.chain.join(',');
    }
  }

  // Every remaining step kind carries (some of) the StreamOptions; absent fields read as undefined.
  const opts = step as StreamOptions;
  const userText = lastUserText(body.messages);
  const { think, excluded } = thinkingRequested(provider, body, model);
  const reasoning = opts.reasoning ?? (think ? defaultReasoning(userText) : '');
  const content = step.kind === 'split-utf8' ? (step.text ?? SPLIT_UTF8_TEXT) : step.kind === 'huge' ? '' : (opts.text ?? defaultContent(userText));
  const r = step.kind === 'reply' ? step : null;
  const plan: ReplyPlan = {
    provider,
    id: newCompletionId(),
    created: Math.floor(Date.now() / 1000),
    model: served,
    prices: (findModel(provider, served) ?? model).prices,
    reasoning: excluded ? '' : reasoning,
    reasoningField: opts.reasoningField ?? DIALECTS[provider].reasoningField,
    content,
    chunkSize: Math.max(1, step.kind === 'split-utf8' ? 2 : (opts.chunkSize ?? 4)),
    finishReason: r?.finishReason ?? 'stop',
    usage: r?.omitUsage ? null : computeUsage(body.messages, content, reasoning, r?.cachedTokens ?? 0, r?.usage),
    includeUsage: isObj(body.stream_options) && body.stream_options.include_usage === true,
    reportedCost: r?.reportedCost,
    dialect: DIALECTS[provider],
  };
  const record: CompletionRecord = {
    id: plan.id,
    provider,
    model: requested,
    servedModel: served,
    requestBody: raw,
    responseChunks: [],
    complete: false,
    clientDisconnected: false,
  };
  deps.completions.set(plan.id, record);

  if (opts.latencyMs) await sleep(opts.latencyMs);
  if (body.stream !== true || step.kind === 'json-reply') {
    sendJson(res, 200, completionJson(plan), headers, record.responseChunks);
    record.complete = true;
    return;
  }
  await streamReply({
    res,
    plan,
    step,
    record,
    tokensPerSecond: deps.tokensPerSecond,
    timestamps: deps.timestamps === true || req.headers['x-emulator-timestamps'] === '1',
    headers,
  });
}
