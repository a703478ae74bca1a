import type { ApiErrorInfo } from '../../../shared/domain';

/** Pulls the provider's own message out of the error shapes seen in the wild. */
export function providerMessage(body: unknown): { message: string | null; code: string | null } {
  if (typeof body === 'string') return { message: body.trim().slice(0, 500) || null, code: null };
  if (!body || typeof body !== 'object') return { message: null, code: null };
  const b = body as Record<string, unknown>;
  const err = b.error;
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    return { message: typeof e.message === 'string' ? e.message : null, code: typeof e.code === 'string' ? e.code : typeof e.type === 'string' ? e.type : null };
  }
  // NanoGPT 402: {"error":"Insufficient balance", ...}; models endpoint: {"code","message"}.
  if (typeof err === 'string') return { message: err, code: typeof b.code === 'string' ? b.code : null };
  if (typeof b.message === 'string') return { message: b.message, code: typeof b.code === 'string' ? b.code : null };
  if (typeof b.detail === 'string') return { message: b.detail, code: null };
  return { message: null, code: null };
}

export function parseRetryAfter(headers: Headers): number | null {
  const v = headers.get('retry-after');
  if (!v) return null;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

const WHAT: Record<number, { code: string; text: string }> = {
  400: { code: 'bad_request', text: 'The provider rejected the request' },
  401: { code: 'unauthorized', text: 'The API key was rejected. Check or replace it in Settings' },
  402: { code: 'payment_required', text: 'Out of credit with this provider. Top up your balance, then retry' },
  403: { code: 'forbidden', text: 'This key is not allowed to use this model' },
  404: { code: 'not_found', text: 'The provider does not know this model or endpoint' },
  408: { code: 'timeout', text: 'The provider timed out' },
  413: { code: 'too_large', text: 'The request is too large for this model' },
  429: { code: 'rate_limited', text: 'Rate limited by the provider' },
  500: { code: 'server_error', text: 'The provider had an internal error' },
  502: { code: 'bad_gateway', text: 'The provider is unreachable (bad gateway)' },
  503: { code: 'unavailable', text: 'The provider is temporarily unavailable' },
  504: { code: 'gateway_timeout', text: 'The provider timed out (gateway)' },
};

export function mapHttpError(status: number, body: unknown, headers: Headers): ApiErrorInfo {
  const known = WHAT[status] ?? { code: status >= 500 ? 'server_error' : 'http_error', text: `The provider answered HTTP ${status}` };
  const { message } = providerMessage(body);
  const retryAfter = parseRetryAfter(headers);
  const detail = message ? `: ${message}` : '.';
  return { code: known.code, status, retryAfter, message: `${known.text} (HTTP ${status})${detail}` };
}
