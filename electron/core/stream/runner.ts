// One streamed completion over HTTP: connect and idle timeouts, retries with backoff
// before the first byte only (after that a retry would duplicate text and cost), and
// every failure turned into an error frame the user can read.
import type { ApiErrorInfo, StreamFrame } from '../../../shared/domain';
import type { ProviderAdapter } from '../providers/adapter';
import { parseRetryAfter } from '../providers/http-errors';
import { ChunkNormaliser, readUsage } from './normalise';
import { describeNetworkError } from './network-errors';
import { SseDecoder } from './sse';

export interface StreamRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  adapter: ProviderAdapter;
  requestedModel: string;
  signal: AbortSignal;
  onFrame: (frame: StreamFrame) => void;
  /** The provider accepted the request (a 2xx answer): from here it may bill, even if nothing arrives. */
  onAccepted?: () => void;
  /** Every response byte as received (TEE verification hashes them). */
  onRawBytes?: (bytes: Uint8Array) => void;
  fetch?: typeof fetch;
  timeouts?: Partial<StreamTimeouts>;
}

export interface StreamTimeouts {
  connectMs: number;
  idleMs: number;
  maxAttempts: number;
  /** Longest Retry-After we wait for automatically. */
  maxRetryWaitMs: number;
  backoffMs: number;
}

export const DEFAULT_TIMEOUTS: StreamTimeouts = { connectMs: 30_000, idleMs: 90_000, maxAttempts: 3, maxRetryWaitMs: 120_000, backoffMs: 1_000 };

/** done: the provider finished; cut: the body ended early; aborted: the user stopped; error: see the error frame. */
export type StreamOutcome = 'done' | 'cut' | 'aborted' | 'error';

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

export async function runStream(req: StreamRequest): Promise<StreamOutcome> {
  const t = { ...DEFAULT_TIMEOUTS, ...req.timeouts };
  const doFetch = req.fetch ?? fetch;
  const fail = (error: ApiErrorInfo): StreamOutcome => {
    req.onFrame({ type: 'error', error });
    return 'error';
  };

  for (let attempt = 1; ; attempt++) {
    if (req.signal.aborted) return 'aborted';
    const connect = new AbortController();
    const timer = setTimeout(() => connect.abort(), t.connectMs);
    const signal = AbortSignal.any([req.signal, connect.signal]);
    let res: Response;
    try {
      res = await doFetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal, redirect: 'manual' });
    } catch (err) {
      clearTimeout(timer);
      if (req.signal.aborted) return 'aborted';
      const timedOut = connect.signal.aborted;
      const error: ApiErrorInfo = timedOut
        ? { code: 'connect_timeout', message: `The provider did not answer within ${Math.round(t.connectMs / 1000)} s.` }
        : { code: 'network_error', message: `Could not reach the provider: ${describeNetworkError(err)}.` };
      if (attempt < t.maxAttempts) {
        if (!(await waitForRetry(req, attempt, backoff(t, attempt), error))) return 'aborted';
        continue;
      }
      return fail(error);
    }

    if (res.status >= 300 && res.status < 400) {
      clearTimeout(timer);
      const to = res.headers.get('location');
      return fail({ code: 'redirected', status: res.status, message: `The provider redirected the request${to ? ` to ${safeUrl(to, req.url)}` : ''}. Check the base URL in Settings; requests are not followed to other addresses so your key stays with this provider.` });
    }

    if (!res.ok) {
      const raw = await readBody(res, signal).finally(() => clearTimeout(timer));
      if (req.signal.aborted) return 'aborted';
      // A proxy's HTML error page is shown by its title, not as a wall of markup.
      const body = typeof raw === 'string' && isHtml(res.headers.get('content-type'), raw) ? summarise(raw) : raw;
      const error = req.adapter.mapHttpError(res.status, body, res.headers);
      const retryAfterMs = (parseRetryAfter(res.headers) ?? 0) * 1000;
      if (RETRYABLE.has(res.status) && attempt < t.maxAttempts && retryAfterMs <= t.maxRetryWaitMs) {
        if (!(await waitForRetry(req, attempt, Math.max(retryAfterMs, backoff(t, attempt)), error))) return 'aborted';
        continue;
      }
      return fail(error);
    }

    req.onAccepted?.();
    const fallback = req.adapter.readResponseHeaders(res.headers, req.requestedModel);
    if (fallback) req.onFrame({ type: 'meta', completionId: null, servedModel: fallback.served, fallback });

    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      const body = await readBody(res, signal).finally(() => clearTimeout(timer));
      if (req.signal.aborted) return 'aborted';
      return handleNonStream(type, body, req.onFrame);
    }
    clearTimeout(timer);
    return consume(res, req, t, signal);
  }
}

async function consume(res: Response, req: StreamRequest, t: StreamTimeouts, signal: AbortSignal): Promise<StreamOutcome> {
  const sse = new SseDecoder();
  const norm = new ChunkNormaliser();
  let errored = false;
  const emit = (frames: StreamFrame[]) => {
    for (const f of frames) {
      if (f.type === 'error') errored = true;
      req.onFrame(f);
    }
  };
  const reader = res.body!.getReader();
  let idle: NodeJS.Timeout | undefined;
  let idleFired = false;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      idleFired = true;
      void reader.cancel().catch(() => undefined);
    }, t.idleMs);
  };
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    armIdle();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      armIdle();
      req.onRawBytes?.(value);
      for (const data of sse.push(value)) emit(norm.push(data));
      if (norm.sawDone) break;
    }
  } catch (err) {
    if (!req.signal.aborted && !idleFired) {
      emit(norm.end());
      emit([{ type: 'error', error: { code: 'connection_lost', message: `The connection dropped mid-reply: ${describeNetworkError(err)}. The text received so far is kept.` } }]);
      return 'error';
    }
  } finally {
    clearTimeout(idle);
    signal.removeEventListener('abort', onAbort);
  }
  if (!norm.sawDone) for (const data of sse.end()) emit(norm.push(data));
  emit(norm.end());
  if (req.signal.aborted) return 'aborted';
  if (idleFired) {
    emit([{ type: 'error', error: { code: 'idle_timeout', message: `The provider stopped sending for ${Math.round(t.idleMs / 1000)} s; the text received so far is kept.` } }]);
    return 'error';
  }
  if (errored) return 'error';
  req.onFrame({ type: 'done', finishReason: norm.finishReason });
  // No [DONE] and no finish_reason: the body ended before the reply did.
  return norm.sawDone || norm.finishReason ? 'done' : 'cut';
}

/** Some servers ignore stream:true and answer with one JSON completion; others send an HTML error page. */
function handleNonStream(type: string, body: unknown, onFrame: (f: StreamFrame) => void): StreamOutcome {
  if (body && typeof body === 'object') {
    const b = body as { choices?: { message?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown }; finish_reason?: unknown }[]; usage?: unknown };
    const msg = b.choices?.[0]?.message;
    if (msg) {
      const reasoning = typeof msg.reasoning_content === 'string' ? msg.reasoning_content : typeof msg.reasoning === 'string' ? msg.reasoning : '';
      if (reasoning) onFrame({ type: 'reasoning', text: reasoning });
      if (typeof msg.content === 'string') onFrame({ type: 'content', text: msg.content });
      const usage = readUsage(b.usage);
      if (usage) onFrame({ type: 'usage', usage, reportedCostUsd: null });
      const fr = b.choices?.[0]?.finish_reason;
      onFrame({ type: 'done', finishReason: typeof fr === 'string' ? fr : null });
      return 'done';
    }
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  onFrame({
    type: 'error',
    error: { code: 'not_a_stream', message: `Expected an event stream but the provider sent ${type || 'no content type'}: ${summarise(text)}` },
  });
  return 'error';
}

async function readBody(res: Response, signal: AbortSignal): Promise<unknown> {
  try {
    const text = await res.text();
    void signal;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  } catch {
    return null;
  }
}

function isHtml(contentType: string | null, text: string): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(text);
}

function summarise(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain || '(empty body)';
}

function backoff(t: StreamTimeouts, attempt: number): number {
  return t.backoffMs * 2 ** (attempt - 1);
}

async function waitForRetry(req: StreamRequest, attempt: number, ms: number, error: ApiErrorInfo): Promise<boolean> {
  req.onFrame({ type: 'retry', attempt, inSeconds: Math.round(ms / 100) / 10, error });
  return new Promise<boolean>((resolve) => {
    if (req.signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      req.signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    req.signal.addEventListener('abort', onAbort, { once: true });
  });
}

function safeUrl(location: string, base: string): string {
  try {
    const u = new URL(location, base);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(an invalid address)';
  }
}
