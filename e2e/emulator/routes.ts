// Path → handler for every provider mount (catalogs and chat completions).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleChat, type ChatDeps } from './chat';
import { checkAuth } from './dialects';
import { errorBody, missingAuthBody } from './errors';
import { sendJson } from './http-util';
import { llmbaseModelsList } from './models/llmbase';
import { nanoModelsList } from './models/nanogpt';
import { nearModelListPage, nearModelsList } from './models/near';
import { openaiModelsList } from './models/openai';
import type { TeeEmulator } from './tee';
import type { EmuProvider } from './types';

export interface Mount {
  prefix: string;
  provider: EmuProvider;
  /** Chat completions need the provider's key. */
  requireKey: boolean;
}

/** Longest prefixes first. */
export const MOUNTS: Mount[] = [
  { prefix: '/nanogpt/api/subscription/v1', provider: 'nanogpt', requireKey: true },
  { prefix: '/nanogpt/api/paid/v1', provider: 'nanogpt', requireKey: true },
  { prefix: '/nanogpt/api/v1', provider: 'nanogpt', requireKey: true },
  { prefix: '/near/v1', provider: 'near', requireKey: true },
  { prefix: '/llmbase/v1', provider: 'llmbase', requireKey: true },
  { prefix: '/openai/v1', provider: 'openai', requireKey: true },
  /** Keyless OpenAI-compatible server (like a local Ollama); shares the 'openai' script queue. */
  { prefix: '/local/v1', provider: 'openai', requireKey: false },
];

export function findMount(path: string): { mount: Mount; rest: string } | null {
  for (const mount of MOUNTS) if (path === mount.prefix || path.startsWith(`${mount.prefix}/`)) return { mount, rest: path.slice(mount.prefix.length) || '/' };
  return null;
}

const notFound = (res: ServerResponse, path: string) =>
  sendJson(res, 404, { error: { message: `Unknown endpoint: ${path}`, type: 'invalid_request_error', param: null, code: 'not_found' } });

export async function routeProvider(
  m: { mount: Mount; rest: string },
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
  raw: Buffer,
  deps: ChatDeps & { tee?: TeeEmulator },
): Promise<void> {
  const { mount, rest } = m;
  const method = req.method ?? 'GET';
  if (method === 'POST' && rest === '/chat/completions' && !mount.prefix.includes('/subscription/') && !mount.prefix.includes('/paid/'))
    return handleChat(mount.provider, mount.requireKey, req, res, raw, deps);
  if (method !== 'GET') return notFound(res, mount.prefix + rest);
  switch (mount.provider) {
    case 'near':
      if (rest === '/models') return sendJson(res, 200, nearModelsList());
      if (rest === '/model/list') return sendJson(res, 200, nearModelListPage(query.limit, query.offset));
      if (deps.tee && (rest.startsWith('/signature/') || rest === '/attestation/report')) {
        // TEE verification endpoints need the key like chat does.
        const auth = checkAuth('near', req.headers, deps.keys.near);
        if (auth !== 'ok') return sendJson(res, 401, auth === 'missing' ? missingAuthBody('near') : errorBody('near', 401));
        const a = rest === '/attestation/report' ? deps.tee.report(query) : deps.tee.signature(decodeURIComponent(rest.slice('/signature/'.length)));
        return sendJson(res, a.status, a.body);
      }
      break;
    case 'nanogpt':
      if (rest === '/models') {
        const which = mount.prefix.includes('/subscription/') ? 'subscription' : mount.prefix.includes('/paid/') ? 'paid' : 'all';
        return sendJson(res, 200, nanoModelsList(which, query));
      }
      break;
    case 'llmbase':
      if (rest === '/models') return sendJson(res, 200, llmbaseModelsList(query));
      if (rest === '/model-metadata') return sendJson(res, 200, llmbaseModelsList({ ...query, metadata: 'true' }));
      break;
    case 'openai':
      if (rest === '/models') return sendJson(res, 200, openaiModelsList());
      break;
  }
  return notFound(res, mount.prefix + rest);
}
