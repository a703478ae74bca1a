// Error bodies in each provider's own shape.
import type { EmuProvider } from './types';

const openaiErr = (message: string, type: string, code: string | null, param: string | null = null) => ({ error: { message, type, param, code } });

const NEAR: Record<number, [string, string]> = {
  400: ['Invalid request', 'invalid_request_error'],
  401: ['Invalid API key', 'invalid_api_key'],
  402: ['Insufficient credits. Please add credits to your account.', 'no_credits'],
  403: ['Forbidden', 'forbidden'],
  404: ['Not found', 'not_found_error'],
  429: ['Rate limit exceeded', 'rate_limit_exceeded'],
  500: ['Internal server error', 'server_error'],
  502: ['Bad gateway', 'server_error'],
  503: ['Service temporarily unavailable', 'service_unavailable'],
};

const GENERIC: Record<number, [string, string, string]> = {
  400: ['Invalid request', 'invalid_request_error', 'invalid_request'],
  401: ['Incorrect API key provided', 'authentication_error', 'invalid_api_key'],
  402: ['Insufficient balance', 'insufficient_quota', 'insufficient_quota'],
  403: ['Forbidden', 'permission_error', 'forbidden'],
  404: ['Not found', 'invalid_request_error', 'not_found'],
  429: ['Rate limit exceeded', 'rate_limit_error', 'rate_limit_exceeded'],
  500: ['Internal server error', 'server_error', 'internal_error'],
  502: ['Bad gateway', 'server_error', 'bad_gateway'],
  503: ['Service temporarily unavailable', 'server_error', 'service_unavailable'],
};

/** Default body for an HTTP error from `provider`; `message` replaces the default text. */
export function errorBody(provider: EmuProvider, status: number, message?: string): unknown {
  if (provider === 'near') {
    const [msg, type] = NEAR[status] ?? ['Error', 'server_error'];
    return { error: { message: message ?? msg, type } };
  }
  if (provider === 'nanogpt') {
    if (status === 402) return { error: message ?? 'Insufficient balance', requiredBalance: 0.0035, status: 402 };
    if (status === 429)
      return { error: { message: message ?? 'Daily request limit exceeded (1000/1000). Resets at midnight UTC.', code: 'daily_rpd_limit_exceeded', type: 'rate_limit_error' } };
  }
  const [msg, type, code] = GENERIC[status] ?? ['Error', 'server_error', 'error'];
  return openaiErr(message ?? msg, type, code);
}

export function unknownModelBody(model: string): unknown {
  return openaiErr(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found', 'model');
}

export function badRequestBody(message: string, param: string | null = null): unknown {
  return openaiErr(message, 'invalid_request_error', 'invalid_request_error', param);
}

export function missingAuthBody(provider: EmuProvider): unknown {
  if (provider === 'near') return { error: { message: 'Missing Authorization header', type: 'missing_auth_header' } };
  return errorBody(provider, 401, 'You did not provide an API key.');
}

export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title><style>body{font-family:sans-serif}</style></head>
<body><h1>502 Bad Gateway</h1><p>The upstream server returned an invalid response.</p><hr><center>cloudflare</center></body></html>
`;
